"""Scaling: time per epoch and memory of both methods as the data or the layers grow. Layout only."""

from typing import cast

import streamlit as st

from bp_core.measure.scaling import AXES
from ui import scaling_view as view
from ui.session import language
from ui.shell import run_app_if_alone
from ui.start_view import where_next
from ui.texts import t
from ui.widget_state import kept

run_app_if_alone()

lang = language()
state = st.session_state
st.title(t("scaling_title", lang))
st.markdown(t("scaling_intro", lang))

with kept({"scaling_axis": AXES[0], "scaling_points": 4}) as widgets:  # restored before, kept after (ui.widget_state)
    axis = st.radio(t("scaling_axis", lang), AXES, format_func=lambda a: t(f"scaling_axis_{a}", lang),
                    key="scaling_axis", horizontal=True)
    with st.form("scaling_form"):
        range_key = f"scaling_range_{axis}"  # one range per axis, each kept; a tuple value= makes it a range
        low, high = cast(tuple[int, int], st.select_slider(
            t("scaling_range", lang), options=view.LIVE_SIZES[axis], format_func=lambda v: f"{v:,}", key=range_key,
            value=widgets.value(range_key, view.LIVE_DEFAULT_RANGE[axis])))
        points = st.number_input(t("scaling_points", lang), min_value=1, max_value=view.LIVE_MAX_POINTS,
                                 key="scaling_points")
        run = st.form_submit_button(t("scaling_run", lang), key="scaling_run")
if run:
    state.setdefault("scaling_live", {})[axis] = view.run_live(axis, view.live_sizes(axis, low, high, points), lang)

live = state.get("scaling_live", {}).get(axis)
table = live if live is not None else view.shipped()
if table is None:
    st.info(t("scaling_no_table", lang))
    st.stop()
if live is not None and st.button(t("scaling_show_shipped", lang), key="scaling_show_shipped"):
    state["scaling_live"].pop(axis)
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
