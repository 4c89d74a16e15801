"""The scaling page, drawn top to bottom: pages/scaling.py runs ``draw()``.

Scaling: time per epoch and memory of both methods as the data or the layers grow. Layout only.
"""

from typing import cast

import streamlit as st

from bp_core.measure.scaling import AXES
from ui.session import state
from ui.session.numbers import whole_number
from ui.session.shared import language
from ui.session.state import key
from ui.texts import render, t
from ui.texts.messages import entered
from ui.views import scaling_view as view
from ui.views.shell import run_app_if_alone
from ui.views.start_view import where_next


def draw() -> None:
    """Draw the page, in the learner's language, from its record and bp_core."""
    run_app_if_alone()

    lang = language()
    st.title(t("scaling_title", lang))
    st.markdown(t("scaling_intro", lang))

    with state.widgets("scaling", {"axis": AXES[0], "points": 4}) as widgets:  # kept in the page record
        axis = st.radio(t("scaling_axis", lang), AXES, format_func=lambda a: t(f"scaling_axis_{a}", lang),
                        key=key("scaling", "axis"), horizontal=True)
        with st.form("scaling_form"):
            range_name = f"range_{axis}"  # one range per axis, each kept; a tuple value= makes it a range
            low, high = cast(tuple[int, int], st.select_slider(
                t("scaling_range", lang), options=view.LIVE_SIZES[axis], format_func=lambda v: f"{v:,}",
                key=key("scaling", range_name), value=widgets.value(range_name, view.LIVE_DEFAULT_RANGE[axis])))
            # a float box, empty by default: NaN or inf from a modified client comes back empty, never int(NaN)
            typed_points = st.number_input(t("scaling_points", lang), min_value=1.0,
                                           max_value=float(view.LIVE_MAX_POINTS), step=1.0, format="%g", value=None,
                                           key=key("scaling", "points"))
            run = st.form_submit_button(t("scaling_run", lang), key=key("scaling", "run"))
    points = whole_number(typed_points, 1, view.LIVE_MAX_POINTS)
    if run and points is None:
        st.error(render(("scaling_bad_points", {"cap": view.LIVE_MAX_POINTS, "value": entered(typed_points)}), lang))
    elif run and points is not None:
        live = view.run_live(axis, view.live_sizes(axis, low, high, points), lang)
        state.remember("scaling", "live", live, model=axis)

    live = state.recall("scaling", "live", model=axis)
    table = live if live is not None else view.shipped()
    if table is None:
        st.info(t("scaling_no_table", lang))
        st.stop()
    if live is not None and st.button(t("scaling_show_shipped", lang), key=key("scaling", "show_shipped")):
        state.forget("scaling", "live", model=axis)
        st.rerun()

    st.caption(view.source_caption(table, lang, live is not None))
    for sentence in view.reading(table, axis, lang):
        st.markdown(sentence)
    specs = view.chart_specs(table, axis, lang)
    left, right = st.columns(2)
    left.vega_lite_chart(specs["time"], width="stretch")
    right.vega_lite_chart(specs["memory"], width="stretch")
    left, right = st.columns(2)
    left.vega_lite_chart(specs["ratio"], width="stretch")
    if "rss" in specs:
        right.vega_lite_chart(specs["rss"], width="stretch")
    where_next("scaling", lang)
