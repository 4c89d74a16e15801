"""The step by hand page, drawn top to bottom: pages/step_by_hand.py runs ``draw()``.

One step by hand: forward, loss, local derivatives, gradient and update, numbers plugged in. Layout only.
"""

import pandas as pd
import streamlit as st

from bp_core.lecture import note
from ui.export.notebook import notebook_bytes, step_notebook
from ui.session import state
from ui.session.presets import DEFAULT_MODEL
from ui.session.presets import view as view_of
from ui.session.shared import language
from ui.texts import render, t
from ui.views import step_view as view
from ui.views import teaching
from ui.views.derive_view import derive_section, right_formulas
from ui.views.shell import run_app_if_alone
from ui.views.start_view import where_next
from ui.views.tables import show_table


def draw() -> None:
    """Draw the page, in the learner's language, from its record and bp_core."""
    run_app_if_alone()

    lang = language()
    st.title(t("step_title", lang))
    st.markdown(t("step_intro", lang))

    settings = teaching.choose_run("step", lang, "step_by_hand")
    model_key = settings.model
    last_step = teaching.last_epoch(settings, lang) - 1  # a step from row e lands on row e + 1


    def press(action: str) -> None:
        view.go_to(model_key, view.move(view.current_epoch(model_key), action, last_step))


    # ---- navigation: Previous, Next, Reset, and a jump to a typed epoch (each model its own epoch, in the record)
    columns = st.columns([1, 1, 1, 2.2, 0.8], vertical_alignment="bottom")
    for column, action in zip(columns, view.ACTIONS):
        column.button(t(f"step_{action}", lang), key=state.key("step", action), on_click=press, args=(action,),
                      width="stretch")
    with state.widgets("step", {"jump": None}):
        typed = columns[3].number_input(t("step_jump", lang, high=last_step), step=1.0, format="%.0f",
                                        key=state.key("step", "jump"))  # a float box: NaN or 1e308 is read and named
    if columns[4].button(t("step_go", lang), key=state.key("step", "go"), width="stretch"):
        epoch, problem = view.resolve_jump(typed, last_step)
        if epoch is not None:
            view.go_to(model_key, epoch)
        if problem is not None:
            st.error(render(problem, lang))

    epoch = min(view.current_epoch(model_key), last_step)
    step = view.step_at(settings, epoch)
    st.progress(epoch / last_step, text=t("step_position", lang, epoch=epoch, last=last_step, next=epoch + 1,
                                              lr=settings.learning_rate))
    model, _ = settings.build()
    hide = view.exercise_section(step, model, model_key, epoch, lang, last_step)  # your turn: answers below hidden
    if hide:
        st.info(t("exercise_hidden", lang))
    else:
        if settings.model == DEFAULT_MODEL:  # the note's line: what bp.py computes and the note prints
            printed = (epoch + 1) % note.PRINT_EVERY == 0  # what bp.py prints
            st.caption(t("step_note_epoch" if printed else "step_note_epoch_unprinted", lang, epoch=epoch,
                         loss=step.loss, note_epoch=epoch + 1, epochs=settings.epochs))
        else:
            st.caption(t("step_epoch_row", lang, epoch=epoch, loss=step.loss, next=epoch + 1))
        for column, (label, value) in zip(st.columns(3), view.headline(step, epoch, lang)):
            column.metric(label, value)


    def table(frame: pd.DataFrame, name: str, digits: int = 5) -> None:
        show_table(st, lang, frame, hide_index=True, width="stretch", key=state.key("step", name),
                     height=view.table_height(frame), column_config=view.number_columns(frame, digits))


    if view_of(model_key).step_formulas:  # the line: the lecture's formulas with the numbers
        w, b = step.params["w"].item(), step.params["b"].item()
        formulas = view.line_formulas(step)
        left, right = st.columns([1.1, 1])
        with left:  # 1. forward, beside 2. the loss (hidden while the learner tries)
            st.header(t("step_forward", lang))
            st.latex(f"pred = w x + b = {w:.7g}\\,x + {b:.7g}")
            table(view.line_table(step, lang), "line_table")
        with right:
            if not hide:
                st.header(t("step_loss", lang))
                st.latex(formulas["loss"])
        st.header(t("step_local", lang))  # 3. what the chain rule multiplies
        st.markdown(t("step_line_local", lang))
        for title, keys in (("step_gradient", ("dw", "db")), ("step_update", ("w", "b"))):  # 4., 5.
            if not hide:
                st.header(t(title, lang))
                for key in keys:
                    st.latex(formulas[key])
    else:  # a network: every unit's values, then every parameter's gradient and update
        words = view.network_words(model)  # activations, outputs and parameter count, read from the model
        left, right = st.columns(2)
        with left:
            st.header(t("step_forward", lang))
            st.caption(t("step_network_forward", lang, activations=words["activations"], outputs=words["outputs"]))
            table(view.network_forward_table(step, model, lang), "forward_table")
        with right:
            if not hide:
                st.header(t("step_loss", lang))
                st.latex(f"L = \\frac{{1}}{{N K}} \\sum_{{i,k}} (\\hat y_{{ik}} - y_{{ik}})^2 = {step.loss:.7g}")
            st.header(t("step_local", lang))
            st.caption(t("step_network_local", lang))
            table(view.network_local_table(step, model, lang), "local_table")
            fprimes, unit, worked = view.derivative_formulas(step, model)  # σ′ = σ(1 − σ), ... and one worked out
            st.markdown(t("step_fprime", lang, formulas=fprimes, unit=unit))
            st.latex(worked)
        if not hide:
            st.header(t("step_gradient_and_update", lang))
            st.markdown(t("step_network_update", lang, count=words["count"], lr=settings.learning_rate))
            table(view.update_table(step, lang), "update_table", digits=7)

    derive_section("step", model_key, view.derive_problem(settings, epoch), lang, settings)  # write it as code

    matches, row = view.matches_history(settings, epoch), epoch + 1
    verdict = t("step_matches" if matches else "step_differs", lang, row=row, loss_row=epoch)
    (st.success if matches else st.error)(verdict)
    st.download_button(t("nb_download", lang),  # built on click only; the learner's right formulas go with it
                       lambda: notebook_bytes(step_notebook(settings, epoch, lang, right_formulas(model_key))),
                       f"backprop_lab_step_{epoch}.ipynb", "application/x-ipynb+json", help=t("nb_download_help", lang),
                       key=state.key("step", "notebook"), on_click="ignore")
    where_next("step", lang)
