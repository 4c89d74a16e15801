"""Gradient check: hand-derived, autograd and finite-difference gradients in float32 and float64, and the training
that forgot ``optimizer.zero_grad()``. Layout only."""

import streamlit as st

import bp_core
from bp_core.teaching.checking import WRONG_MARGIN
from ui import check_view as view
from ui import teaching
from ui.presets import LECTURE_NETWORK, choices
from ui.session import language
from ui.shell import run_app_if_alone
from ui.start_view import where_next
from ui.texts import render, t
from ui.widget_state import data_editor, dropped_edits, kept, set_value

run_app_if_alone()

state = st.session_state
lang = language()
st.title(t("check_title", lang))
st.markdown(t("check_intro", lang))

# ---- where the parameters come from
WIDGETS = {"gc_model": LECTURE_NETWORK, "gc_source": "initial"} | {f"gc_epoch_{model}": 0 for model in bp_core.PRESETS}
with kept(WIDGETS):  # restored before the widgets, kept after (ui.widget_state)
    top = st.columns([1.3, 1.3, 2])
    top[0].radio(t("model", lang), choices("gradient_check"), key="gc_model",
                 format_func=lambda m: teaching.model_name(m, lang))
    top[1].radio(t("check_source", lang), view.SOURCES, key="gc_source",
                 format_func=lambda s: t(f"check_source_{s}", lang))
    model_key, source = state["gc_model"], state["gc_source"]
    settings = teaching.RUNS[model_key]
    last, epoch_key = teaching.last_epoch(settings), f"gc_epoch_{model_key}"  # one slider per model: its own range
    if view.valid_epoch(state[epoch_key], last) != state[epoch_key]:  # kept from a longer run, or crafted
        set_value(epoch_key, view.valid_epoch(state[epoch_key], last))
    if source == "trained":
        top[2].slider(t("check_epoch", lang, lr=settings.learning_rate), 0, last, key=epoch_key)

model, _ = settings.build()
names = bp_core.models.scalar_names(model.init_params())
values = view.values_at(settings, source, state[epoch_key])
if source == "typed":  # what was typed is kept as typed (even when it is not a number) under plain keys
    editor_key, base_key, kept_key = (f"gc_{name}_{model_key}" for name in ("editor", "base", "typed"))
    if editor_key not in state:  # first draw, or back from elsewhere: start from what was typed last
        state[base_key] = state.get(kept_key, view.typed_frame(names, view.values_at(settings, "initial", 0)))
    with top[2]:
        st.caption(t("check_typed_help", lang, limit=view.PARAMETER_LIMIT))
        if dropped_edits(editor_key):
            st.warning(t("edits_dropped", lang))
        edited = data_editor(state[base_key], key=editor_key, hide_index=True, disabled=["parameter"],
                                height=min(38 + 35 * len(names), 420), width="stretch",
                                column_config={"value": st.column_config.TextColumn(t("value", lang))})
    state[kept_key] = edited
    typed, problems = view.parse_typed(edited, names)
    for problem in problems:
        st.error(render(problem, lang))
    if problems:
        st.warning(t("check_last_valid", lang))
    values = typed or state.get(f"gc_last_{model_key}", values)
state[f"gc_last_{model_key}"] = values

# ---- the three gradients, both precisions, and gradcheck
report = view.report(settings, values)
metrics = st.columns(3)
metrics[0].metric(t("check_gradcheck", lang), t("check_passed" if report.gradcheck_passed else "check_failed", lang),
                  help=t("check_gradcheck_help", lang))
for column, (dtype, table) in zip(metrics[1:], report.tables.items()):
    passed = int((table.table["verdict"] == "pass").sum())
    column.metric(t("check_summary", lang, dtype=dtype), f"{passed} / {len(table.table)}")
for tab, (dtype, table) in zip(st.tabs(list(report.tables)), report.tables.items()):
    frame = view.check_table(table, lang)
    tab.dataframe(frame, hide_index=True, width="stretch", column_config=view.table_columns(frame),
                  height=35 * (len(frame) + 1) + 3, key=f"check_{dtype}")
    tab.caption(t("check_table_caption", lang, dtype=dtype, eps=table.epsilon, ftol=table.numeric_tolerance,
                  mtol=table.manual_tolerance))
st.info(view.float32_sentence(report, lang))

# ---- forgot optimizer.zero_grad(): its own model choice, the line by default (it goes wrong within a few epochs)
st.subheader(t("zero_grad_title", lang))
zero_grad_run = teaching.choose_run("zg_model", lang, "gradient_check")
st.markdown(t("zero_grad_intro", lang, lr=zero_grad_run.learning_rate, epochs=view.ZERO_GRAD_EPOCHS))
comparison = view.zero_grad(zero_grad_run, lang)  # the server's queue
wrong = comparison.went_wrong_at
st.metric(t("zero_grad_metric", lang), "—" if wrong is None else str(wrong),
          help=t("zero_grad_metric_help", lang, margin=100 * WRONG_MARGIN))
st.markdown(view.zero_grad_sentence(comparison, lang))
left, right = st.columns(2)
left.vega_lite_chart(view.zero_grad_spec(zero_grad_run, "grad_norm", lang, comparison), width="stretch")
right.vega_lite_chart(view.zero_grad_spec(zero_grad_run, "loss", lang, comparison), width="stretch")
st.markdown(t("zero_grad_fix", lang))
st.code("optimizer.zero_grad()  # before loss.backward(): start each epoch's gradient from zero\n"
        "loss.backward()\noptimizer.step()", language="python")
where_next("check", lang)
