"""The learning rate: a sweep of log-spaced rates against the stability bound 2/λmax. Layout only."""

import streamlit as st

import bp_core
from ui import sentences as say
from ui import sweep_view as view
from ui import teaching
from ui.presets import choices
from ui.session import language
from ui.shell import run_app_if_alone
from ui.start_view import where_next
from ui.texts import render, t
from ui.widget_state import kept, set_value

run_app_if_alone()

state = st.session_state
lang = language()
st.title(t("sweep_title", lang))
st.markdown(t("sweep_intro", lang))


def reset_for_model() -> None:
    """on_change of the model switch: that model's default range; its last sweep no longer applies."""
    for key, value in view.DEFAULTS[state["sw_model"]].items():
        set_value(key, value)
    state.pop("sw_last", None)


MODELS = choices("learning_rate")
WIDGETS = {"sw_model": MODELS[0], **view.DEFAULTS[MODELS[0]]}
with kept(WIDGETS):  # restored before the widgets, kept after (ui.widget_state)
    st.radio(t("model", lang), MODELS, key="sw_model", horizontal=True, on_change=reset_for_model,
             format_func=lambda m: teaching.model_name(m, lang))
    with st.form("sweep_form"):
        columns = st.columns(4)
        columns[0].number_input(t("sweep_low", lang), key="sw_low", format="%g", step=0.001)
        columns[1].number_input(t("sweep_high", lang), key="sw_high", format="%g", step=0.1)
        columns[2].number_input(t("sweep_count", lang, cap=bp_core.teaching.MAX_RUNS), key="sw_count", step=1)
        columns[3].number_input(t("sweep_epochs", lang, cap=bp_core.teaching.MAX_SWEEP_EPOCHS), key="sw_epochs",
                                step=100)
        st.form_submit_button(t("sweep_button", lang), type="primary", key="sweep_run")
model_key = state["sw_model"]

# ---- the sweep asked for; what cannot run is explained and the last valid sweep stays on screen
request, messages = view.resolve_sweep(model_key, state)
for message in messages:
    st.error(render(message, lang))
if request is None:
    request = state.get("sw_last") or view.default_request(model_key)
    st.warning(t("sweep_last_valid", lang, low=request.low, high=request.high, count=request.count,
                 epochs=request.epochs))
sweep = view.run_sweep(request, lang)  # the server's queue: queue position, then progress
state["sw_last"] = request

# ---- the bound and where it comes from
for column, (label, value) in zip(st.columns(3), view.headline(sweep, lang)):
    column.metric(label, value)
st.markdown(t("sweep_hessian_sentence", lang, lam=sweep.lambda_max, bound=sweep.learning_rate_bound))
if bp_core.PRESETS[model_key].exact_bound:  # the line: H in closed form, the same everywhere
    st.latex(view.line_closed_form(bp_core.PRESETS[model_key].make_data()))
    st.caption(t("sweep_line_exact", lang))
else:
    st.caption(t("sweep_network_local", lang))

# ---- final loss against learning rate, and a few loss curves
st.vega_lite_chart(view.chart_spec("final", request, lang, (), sweep), width="stretch")
st.caption(t("sweep_summary", lang, runs=len(sweep.table), diverging=int(sweep.table["diverging"].sum()),
             epochs=request.epochs))
rates = sweep.table["learning_rate"].tolist()
chosen = [r for r in state.get("sw_curves", []) if r in rates]
if not chosen:
    chosen = view.default_curves(sweep)
set_value("sw_curves", chosen)
picked = st.multiselect(t("sweep_pick_curves", lang), rates, key="sw_curves", format_func=lambda r: f"{r:.4g}")
st.vega_lite_chart(view.chart_spec("curves", request, lang, tuple(picked), sweep), width="stretch")
st.caption(t("sweep_curves_caption", lang, rule=say.divergence_rule(lang)))
with st.expander(t("sweep_table", lang)):
    st.dataframe(view.sweep_frame(sweep, lang), hide_index=True, width="stretch", key="sweep_table")
where_next("sweep", lang)
