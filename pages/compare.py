"""Compare: the same model trained by hand (chain rule) and by autograd, side by side. Layout only."""

import streamlit as st

import bp_core
from ui import compare_view as view
from ui import sentences as say
from ui.links import to_query_params
from ui.memory_view import memory_section
from ui.session import compare_start, language, reset_for_model
from ui.settings import EPOCHS_CAP, LR_OPTIONS, resolve_settings
from ui.shell import run_app_if_alone
from ui.start_view import page_link, where_next
from ui.texts import render, t
from ui.widget_state import data_editor, dropped_edits, kept, set_value

run_app_if_alone()

state = st.session_state
lang = language()

st.title(t("compare_title", lang))
st.markdown(t("compare_intro", lang))
for problem in state.get("url_problems", []):  # a link's setting that cannot be used: named, its default used
    st.warning(render(problem, lang))

# ---- controls: model switch (instant), everything else in a form (no training run per slider tick)
with st.sidebar, kept(compare_start()):  # the link's values first, then the learner's, kept across pages
    st.radio(t("model", lang), options=list(bp_core.PRESETS), format_func=lambda m: t(f"model_{m}", lang),
             key="model", on_change=reset_for_model)
    preset = bp_core.PRESETS[state["model"]]  # what the chosen model offers: options, editable points, views
    with st.form("settings_form"):
        st.subheader(t("settings", lang))
        st.select_slider(t("learning_rate", lang), options=LR_OPTIONS, key="lr", format_func=lambda v: f"{v:g}")
        st.number_input(t("learning_rate_exact", lang), key="lr_exact", format="%g", step=0.001)
        st.number_input(t("epochs", lang, cap=EPOCHS_CAP), min_value=1, max_value=EPOCHS_CAP, step=100, key="epochs")
        if "seed" in preset.options:
            st.number_input(t("seed", lang), min_value=0, max_value=bp_core.limits.MAX_SEED, step=1, key="seed")
        if "activation" in preset.options:
            st.selectbox(t("activation", lang), bp_core.activations.HIDDEN_ACTIVATIONS, key="activation")
        if dropped_edits("points_editor"):
            st.warning(t("edits_dropped", lang))
        edited = data_editor(state["points_base"], key="points_editor", num_rows="dynamic", hide_index=True,
                                width="stretch", column_config={c: st.column_config.TextColumn(c) for c in "xy"}
                                ) if preset.editable_points else None  # text cells: ui.points reads each one exactly
        st.caption(t(f"data_{preset.key}", lang))
        st.form_submit_button(t("train", lang), type="primary", key="train", width="stretch")

# ---- settings from the widgets; bad input explained, last valid settings kept
resolved = resolve_settings(state, edited, state["valid_points"], state.get("last_valid"))
for message in resolved.messages:
    st.error(render(message, lang))
settings = resolved.settings
state["valid_points"] = resolved.valid_points
if state["lr_exact"] is not None:
    st.caption(t("lr_used", lang, lr=repr(settings.learning_rate)))

above_bound, bound_text = view.bound_sentence(settings, lang)
(st.warning if above_bound else st.caption)(bound_text)

comparison = view.run_comparison(settings, lang)  # the server's worker: queue position, progress; stops on error
state["last_valid"] = settings
st.query_params.from_dict(to_query_params(settings, lang))
results = comparison.results

for level, text in say.after_training(comparison, lang):  # divergence (or its absence above the bound)
    getattr(st, level)(text)

# ---- headline numbers
for row in view.headline(comparison, settings, lang):
    for col, metric in zip(st.columns(3), row):
        col.metric(metric.label, metric.value, help=metric.help)
st.caption(say.ratio_words(comparison, lang))

draw = lambda kind, option=None: st.vega_lite_chart(view.chart_spec(kind, settings, lang, option, comparison),
                                                    width="stretch")

# ---- charts, two per row
left, right = st.columns(2)
names = results["manual"].parameter_names
default = view.default_parameters(names)
with left, kept({"log_scale": True}):
    draw("loss", st.toggle(t("log_scale", lang), key="log_scale"))
with right, kept({"params_shown": default}):
    if not set(state["params_shown"]) <= set(names):  # chosen for another model: keep what this one has
        set_value("params_shown", [name for name in state["params_shown"] if name in names] or default)
    chosen = st.multiselect(t("choose_params", lang), names, key="params_shown")
    draw("parameters", tuple(chosen) or tuple(default))

left, right = st.columns(2)
with left:
    draw("difference")
    st.caption(say.difference_sentence(comparison, lang))
with right:
    if bp_core.PRESETS[settings.model].loss_surface:
        draw("surface")
        st.caption(say.surface_sentence(comparison, lang))
    else:
        st.markdown(f"**{t('outputs_title', lang)}**")
        st.dataframe(view.outputs_table(comparison, lang), hide_index=True, width="stretch", key="outputs")
        st.caption(t("outputs_caption", lang))

left, right = st.columns(2)
with left:
    draw("runtime")
    st.markdown(say.runtime_sentence(comparison, lang))
    st.caption(t("runtime_note", lang))
    st.caption(say.one_time_sentence(comparison, lang))
with right:
    draw("memory")
    memory_section(comparison, settings, lang)  # exact tensor bytes; peak RSS only from isolated runs

page_link("example", t("compare_example_link", lang))  # the note's programs, timed and profiled, beside its figures

view.code_expander(results["manual"].model, lang)  # the plain loops that produced the numbers; tuned on request

# ---- export and share
st.subheader(t("downloads", lang))
dl_left, dl_right = st.columns(2)  # files made on click only (a callable): a rerun builds no CSV
dl_left.download_button(t("download_csv", lang), comparison.history_csv, "backprop_lab_history.csv", "text/csv",
                        key="download_csv", on_click="ignore")
dl_right.download_button(t("download_json", lang), lambda: view.export_json(settings, comparison),
                         "backprop_lab_run.json", "application/json", key="download_json", on_click="ignore")
st.caption(t("share", lang))
where_next("compare", lang)
