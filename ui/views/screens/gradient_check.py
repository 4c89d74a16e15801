"""The gradient check page, drawn top to bottom: pages/gradient_check.py runs ``draw()``.

Gradient check: hand-derived, autograd and finite-difference gradients in float32 and float64, and the training
that forgot ``optimizer.zero_grad()``. Layout only.
"""

import streamlit as st

import bp_core
from bp_core.teaching.checking import WRONG_MARGIN
from ui.export.notebook import check_notebook, notebook_bytes
from ui.session import state
from ui.session.presets import LECTURE_NETWORK, choices
from ui.session.shared import language
from ui.session.state import key
from ui.texts import render, t
from ui.views import check_view as view
from ui.views import teaching
from ui.views.shell import run_app_if_alone
from ui.views.start_view import where_next
from ui.views.tables import show_table, table_alt


def draw() -> None:
    """Draw the page, in the learner's language, from its record and bp_core."""
    run_app_if_alone()

    lang = language()
    st.title(t("check_title", lang))
    st.markdown(t("check_intro", lang))

    # ---- where the parameters come from
    top = st.columns([1.3, 1.3, 2])
    with state.widgets("check", {"model": LECTURE_NETWORK, "source": "initial"}):
        model_key = top[0].radio(t("model", lang), choices("gradient_check"), key=key("check", "model"),
                                 format_func=lambda m: teaching.model_name(m, lang))
        source = top[1].radio(t("check_source", lang), view.SOURCES, key=key("check", "source"),
                              format_func=lambda s: t(f"check_source_{s}", lang))
    settings = teaching.RUNS[model_key]
    last = teaching.last_epoch(settings, lang)
    with state.widgets("check", {"epoch": 0}, model=model_key) as block:  # each model its own epoch, in its range
        epoch = state.value("check", "epoch")
        if view.valid_epoch(epoch, last) != epoch:  # crafted
            state.set_value("check", "epoch", view.valid_epoch(epoch, last))
        if source == "trained":
            top[2].slider(t("check_epoch", lang, lr=settings.learning_rate), 0, last, key=key("check", "epoch"))
        else:
            block.not_drawn("epoch")
    epoch = state.value("check", "epoch")

    model, _ = settings.build()
    names = bp_core.models.scalar_names(model.init_params())
    values = view.values_at(settings, source, epoch)
    if source == "typed":  # what was typed is kept as typed (even when it is not a number), per model
        editor = f"editor_{model_key}"
        if not state.editor_known("check", editor):  # first draw, or back from elsewhere: from what was typed last
            typed_before = state.recall("check", "typed", model=model_key)
            state.remember("check", "base", typed_before if typed_before is not None else view.typed_frame(
                names, view.values_at(settings, "initial", 0)), model=model_key)
        base = state.recall("check", "base", model=model_key)
        with top[2]:
            st.caption(t("check_typed_help", lang, limit=view.PARAMETER_LIMIT))
            if state.dropped_edits("check", editor):
                st.warning(t("edits_dropped", lang))
            edited = state.data_editor(base, page="check", name=editor, hide_index=True, disabled=["parameter"],
                                       height=min(38 + 35 * len(names), 420), width="stretch",
                                       alt=table_alt(base, lang),
                                       column_config={"value": st.column_config.TextColumn(t("value", lang))})
        state.remember("check", "typed", edited, model=model_key)
        typed, problems = view.parse_typed(edited, names)
        for problem in problems:
            st.error(render(problem, lang))
        if problems:
            st.warning(t("check_last_valid", lang))
        values = typed or state.recall("check", "last", values, model=model_key)
    state.remember("check", "last", values, model=model_key)

    # ---- the three gradients, both precisions, and gradcheck
    report = view.report(settings, values, lang)
    metrics = st.columns(3)
    verdict = t("check_passed" if report.gradcheck_passed else "check_failed", lang)
    metrics[0].metric(t("check_gradcheck", lang), verdict, help=t("check_gradcheck_help", lang))
    for column, (dtype, table) in zip(metrics[1:], report.tables.items()):
        passed = int((table.table["verdict"] == "pass").sum())
        column.metric(t("check_summary", lang, dtype=dtype), f"{passed} / {len(table.table)}")
    for tab, (dtype, table) in zip(st.tabs(list(report.tables)), report.tables.items()):
        frame = view.check_table(table, lang)
        said = t("check_table_alt", lang, dtype=dtype, passed=int((table.table["verdict"] == "pass").sum()),
                 total=len(table.table), manual=float(table.table["manual_abs_error"].max()),
                 numeric=float(table.table["numeric_abs_error"].max()))
        show_table(tab, lang, frame, said, hide_index=True, width="stretch", column_config=view.table_columns(frame),
                   height=35 * (len(frame) + 1) + 3, key=key("check", f"table_{dtype}"))
        tab.caption(t("check_table_caption", lang, dtype=dtype, eps=table.epsilon, ftol=table.numeric_tolerance,
                      mtol=table.manual_tolerance))
    st.info(view.float32_sentence(report, lang))
    st.download_button(t("nb_download", lang), lambda: notebook_bytes(check_notebook(settings, values, lang)),
                       "backprop_lab_gradient_check.ipynb", "application/x-ipynb+json",
                       help=t("nb_download_help", lang), key=key("check", "notebook"), on_click="ignore")

    # ---- forgot optimizer.zero_grad(): its own model choice, the line by default (it goes wrong within a few epochs)
    st.header(t("zero_grad_title", lang))
    zero_grad_run = teaching.choose_run("check", lang, "gradient_check", name="zero_grad_model")
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
            "loss.backward()\noptimizer.step()", language="python", wrap_lines=True)  # no scroller on a phone
    where_next("check", lang)
