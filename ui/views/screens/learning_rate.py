"""The learning rate page, drawn top to bottom: pages/learning_rate.py runs ``draw()``.

The learning rate: a sweep of log-spaced rates against the stability bound 2/λmax. Layout only.
"""

import streamlit as st

import bp_core
from ui.export.notebook import notebook_bytes, sweep_notebook
from ui.session import state
from ui.session.presets import choices
from ui.session.shared import language
from ui.session.state import key
from ui.texts import render, t
from ui.texts import sentences as say
from ui.views import sweep_view as view
from ui.views import teaching
from ui.views.shell import run_app_if_alone
from ui.views.start_view import where_next
from ui.views.tables import blank_nulls, show_table


def draw() -> None:
    """Draw the page, in the learner's language, from its record and bp_core."""
    run_app_if_alone()

    lang = language()
    st.title(t("sweep_title", lang))
    st.markdown(t("sweep_intro", lang))


    MODELS = choices("learning_rate")
    with state.widgets("sweep", {"model": MODELS[0]}):
        model_key = st.radio(t("model", lang), MODELS, key=key("sweep", "model"), horizontal=True,
                             format_func=lambda m: teaching.model_name(m, lang))
    with state.widgets("sweep", view.DEFAULTS[model_key], model=model_key):  # each model its own range, kept
        with st.form("sweep_form"):
            columns = st.columns(4)
            # float boxes, empty by default: a value Streamlit cannot use (NaN, inf) comes back as an empty box that
            # the rules name, never as 0 or int(NaN) inside Streamlit; whole numbers are checked by the rules
            columns[0].number_input(t("sweep_low", lang), key=key("sweep", "low"), format="%g", step=0.001,
                                    value=None)
            columns[1].number_input(t("sweep_high", lang), key=key("sweep", "high"), format="%g", step=0.1,
                                    value=None)
            columns[2].number_input(t("sweep_count", lang, cap=bp_core.teaching.MAX_RUNS), key=key("sweep", "count"),
                                    step=1.0, format="%g", value=None)
            columns[3].number_input(t("sweep_epochs", lang, cap=bp_core.teaching.MAX_SWEEP_EPOCHS),
                                    key=key("sweep", "epochs"), step=100.0, format="%g", value=None)
            st.form_submit_button(t("sweep_button", lang), type="primary", key=key("sweep", "run"))

    # ---- the sweep asked for; what cannot run is explained and the last valid sweep stays on screen
    request, messages = view.resolve_sweep(model_key, state.values("sweep"))
    for message in messages:
        st.error(render(message, lang))
    if request is None:
        request = state.recall("sweep", "last", model=model_key) or view.default_request(model_key)
        st.warning(t("sweep_last_valid", lang, low=request.low, high=request.high, count=request.count,
                     epochs=request.epochs))
    sweep = view.run_sweep(request, lang)  # the server's queue: queue position, then progress
    state.remember("sweep", "last", request, model=model_key)

    st.download_button(t("nb_download", lang), lambda: notebook_bytes(sweep_notebook(
        request.model, request.low, request.high, request.count, request.epochs, lang)),
        "backprop_lab_learning_rate.ipynb", "application/x-ipynb+json", help=t("nb_download_help", lang),
        key=key("sweep", "notebook"), on_click="ignore")

    # ---- the bound and where it comes from
    for column, (label, value) in zip(st.columns(3), view.headline(sweep, lang)):
        column.metric(label, value)
    st.markdown(t("sweep_hessian_sentence", lang, lam=sweep.lambda_max, bound=sweep.learning_rate_bound))
    if sweep.exact_bound:  # the line: H in closed form, the same everywhere
        st.latex(view.line_closed_form(bp_core.PRESETS[model_key].make_data()))
        st.caption(t("sweep_line_exact", lang))
    else:
        st.caption(t("sweep_network_local", lang))

    # ---- final loss against learning rate, and a few loss curves
    st.vega_lite_chart(view.chart_spec("final", request, lang, (), sweep), width="stretch")
    st.caption(t("sweep_summary", lang, runs=len(sweep.table), diverging=int(sweep.table["diverging"].sum()),
                 epochs=request.epochs))
    rates = sweep.table["learning_rate"].tolist()
    with state.widgets("sweep", {"curves": []}):
        chosen = [r for r in state.value("sweep", "curves") or [] if r in rates] or view.default_curves(sweep)
        state.set_value("sweep", "curves", chosen)
        picked = st.multiselect(t("sweep_pick_curves", lang), rates, key=key("sweep", "curves"),
                                format_func=lambda r: f"{r:.4g}")
    st.vega_lite_chart(view.chart_spec("curves", request, lang, tuple(picked), sweep), width="stretch")
    st.caption(t("sweep_curves_caption", lang, rule=say.divergence_rule(lang)))
    with st.expander(t("sweep_table", lang)):
        table, table_columns = blank_nulls(view.sweep_frame(sweep, lang))  # a run that never diverged: a blank cell
        said = t("sweep_table_alt", lang, runs=len(sweep.table), diverging=int(sweep.table["diverging"].sum()),
                 low=request.low, high=request.high)
        show_table(st, lang, table, said, hide_index=True, width="stretch", key=key("sweep", "table"),
                   column_config=table_columns)
    where_next("sweep", lang)
