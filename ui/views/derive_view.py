"""Derive it yourself: a formula box where a learner writes a gradient in the lecture's PyTorch notation, checked by
bp_core.teaching.derive against autograd on the numbers on screen (exact, approximately, wrong, or the wrong shape,
with the usual mistakes named), and, for the line, bp.py trained with the learner's own dw and db beside autograd's
run and the note's printed figures.

Its widgets are ``derive_target``, ``derive_formula``, ``derive_check`` and ``derive_train``; each question (a page,
a model and a quantity) keeps its own memory in the ``derive`` record, like an exercise: what was typed, the tries,
the first verdict (scored once) and the text last checked. The verdict is recomputed on every run from the numbers
on screen, so a formula checked at one epoch is judged at the epoch shown, in the language shown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd
import streamlit as st
import torch

import bp_core
from bp_core.contract import check_layered
from bp_core.lecture import note
from bp_core.teaching import derive
from ui.charts.builders import METHOD_COLOURS, finish, legend_below
from ui.server.queue_view import queued
from ui.server.worker import Report
from ui.session import state
from ui.session.settings import Settings
from ui.texts import render, t
from ui.texts.messages import Message, shown
from ui.views.exercises import Verdict, record_verdict, score
from ui.views.tables import show_table

LINE_TARGETS = ("dw", "db")
"""What the line asks: bp.py's dw and db."""
TRAIN = "derive_train"
"""The action's name in the server's queue: bp.py trained with a learner's formulas."""


def kind(problem: derive.DeriveProblem) -> str:
    """"dw_db" (the line's two), "network" (a layer's quantities) or "path" (one scalar parameter's path sum)."""
    if set(problem.answers) == set(LINE_TARGETS):
        return "dw_db"
    return "network" if all(name.startswith("dL_d") for name in problem.answers) else "path"


def targets(problem: derive.DeriveProblem) -> list[str]:
    """The quantities a problem asks, in bp_core's order (a network's: the backward pass's, network_targets)."""
    return list(problem.answers)


def label(target: str) -> str:
    """A quantity as the page writes it: dw → ∂L/∂w, dL_dW2 → ∂L/∂W2."""
    name = target[len("dL_d"):] if target.startswith("dL_d") else target[1:] if target in LINE_TARGETS else target
    return f"∂L/∂{name}"


def verdict(problem: derive.DeriveProblem, target: str, typed: str) -> Verdict:
    """The verdict on ``typed`` for ``target``, from the numbers in ``problem`` (counted: a refusal is not)."""
    name = label(target)
    try:
        found = problem.check(typed, target)
    except derive.FormulaError as refused:
        detail = {key: (f"{value:,}" if isinstance(value, int) else value) for key, value in refused.detail.items()}
        why = (f"derive_why_{refused.reason}", dict(detail))
        return Verdict("info", ("derive_refused", {"typed": shown(typed), "why": why}), False)
    answer = problem.answers[target]
    if found.verdict == "exact":
        return Verdict("success", ("derive_exact", {"target": name}), True)
    if found.verdict == "approximate":
        return Verdict("success", ("derive_approx", {"target": name, "largest": f"{found.largest:.2g}"}), True)
    if found.verdict == "shape":
        cause: Message = (f"derive_cause_{found.cause or 'other'}", {})
        return Verdict("error", ("derive_shape", {"target": name, "got": str(found.shape),
                                                  "want": str(tuple(answer.shape)), "cause": cause}), True)
    mistake = "one_path" if found.mistake and found.mistake.startswith("one_path") else found.mistake
    hint: Message = (f"exm_{mistake}", {}) if mistake else ("derive_no_hint", {"target": name})
    return Verdict("error", ("derive_wrong", {"target": name, "largest": f"{found.largest:.4g}", "hint": hint}), True)


def names_table(problem: derive.DeriveProblem, lang: str) -> pd.DataFrame:
    """Every name a formula may use, with its shape and (when small) its numbers: what the question needs."""
    rows = []
    for name, value in problem.names.items():
        if isinstance(value, torch.Tensor):
            numbers = ", ".join(f"{v:.6g}" for v in value.flatten().tolist()) if value.numel() <= 8 else ""
            rows.append({t("derive_col_name", lang): name, t("derive_col_shape", lang): str(tuple(value.shape)),
                         t("derive_col_values", lang): numbers})
        else:
            rows.append({t("derive_col_name", lang): name, t("derive_col_shape", lang): t("derive_number", lang),
                         t("derive_col_values", lang): str(value)})
    return pd.DataFrame(rows)


def right_formulas(model: str) -> dict[str, str]:
    """The formulas this learner has got right on ``model``, by quantity (kept for training with them)."""
    found = state.recall("derive", "right", {}, model=model)
    return dict(found) if isinstance(found, Mapping) else {}


def derive_section(page: str, model: str, problem: derive.DeriveProblem, lang: str,
                   settings: Settings | None = None) -> None:
    """The formula box for ``problem`` on ``page``: pick a quantity, write it, check it; for the line, and for a
    network whose run ``settings`` are given, train with the learner's formulas."""
    st.header(t("derive_title", lang))
    line = kind(problem) == "dw_db"
    st.markdown(t(f"derive_intro_{kind(problem)}", lang))
    asked = targets(problem)
    with state.widgets("derive", {"target": asked[0]}, model=model):
        if state.value("derive", "target") not in asked:  # crafted, or another model's quantity
            state.set_value("derive", "target", asked[0])
        target = st.radio(t("derive_target", lang), asked, key=state.key("derive", "target"), horizontal=True,
                          format_func=label)
    with st.expander(t("derive_names", lang), expanded=line):
        show_table(st, lang, names_table(problem, lang), hide_index=True, width="stretch")
        st.caption(t("derive_allowed", lang, most=derive.MAX_TEXT))
    ident = f"{page}:{model}:{target}"
    state.exercise_box_text("derive", ident, box="formula")
    memory = state.exercise("derive", ident)
    memory.question = ("derive_question", {"target": label(target)})
    left, right = st.columns([4, 1], vertical_alignment="bottom")
    typed = left.text_input(t("derive_formula", lang, target=label(target)), key=state.key("derive", "formula"),
                            max_chars=derive.MAX_TEXT, placeholder=t("derive_placeholder", lang))
    now = None
    if right.button(t("derive_check", lang), key=state.key("derive", "check"), width="stretch"):
        now = verdict(problem, target, typed)
        record_verdict(memory, typed, now)
    if memory.verdict is not None and memory.checked == typed:  # judged again on the numbers now on screen
        now = now or verdict(problem, target, typed)
        getattr(st, now.level)(render(now.message, lang))
        kept = right_formulas(model)
        if now.level == "success":
            kept[target] = typed
        elif now.counted:
            kept.pop(target, None)
        state.remember("derive", "right", kept, model=model)
    got, tried = score("derive")
    st.caption(t("derive_score", lang, right=got, tried=tried))
    if line:
        train_section(model, lang)
    elif settings is not None and kind(problem) == "network":
        network_train_section(model, asked, settings, lang)


@st.cache_data(max_entries=16, ttl=3600, show_spinner=False)
def trained_with(dw: str, db: str, _lang: str = "en") -> tuple[derive.LineWithFormulas, list[float]]:
    """bp.py with the learner's dw and db, and autograd's run of the same 1000 epochs (in the server's queue)."""

    def compute(report: Report) -> tuple[derive.LineWithFormulas, list[float]]:
        yours = derive.line_with_formulas(dw, db, note.EPOCHS, note.LEARNING_RATE)
        report(0.5)
        theirs = bp_core.train(bp_core.Line(), bp_core.seed_line(), "autograd", note.LEARNING_RATE, note.EPOCHS)
        return yours, [float(v) for v in theirs.history["loss"].iloc[:note.EPOCHS]]

    return queued(TRAIN, (dw, db), compute, _lang, lambda job: t("derive_training", _lang, epochs=note.EPOCHS))


def train_button(model: str, asked: Sequence[str], label: str, locked: str) -> tuple[tuple[str, str], ...] | None:
    """The Train button (``derive_train``), enabled once every quantity in ``asked`` is right (else ``locked`` says
    what is missing); the right formulas, as (quantity, text) pairs, once they have been trained with, else None."""
    kept = right_formulas(model)
    ready = all(target in kept for target in asked)
    pressed = st.button(label, key=state.key("derive", "train"), disabled=not ready)
    if not ready:
        st.caption(locked)
        return None
    formulas = tuple((target, kept[target]) for target in asked)
    if pressed:
        state.remember("derive", "trained", formulas, model=model)
    return formulas if state.recall("derive", "trained", None, model=model) == formulas else None


def train_section(model: str, lang: str) -> None:
    """Once dw and db are right: bp.py's 1000 epochs with the learner's formulas, beside autograd's and the note's."""
    formulas = train_button(model, LINE_TARGETS, t("derive_train", lang, epochs=note.EPOCHS),
                            t("derive_train_locked", lang))
    if formulas is None:
        return
    right = dict(formulas)
    yours, autograd = trained_with(right["dw"], right["db"], _lang=lang)
    matches = sum(a == b for a, b in zip(yours.printed, note.LOSSES_EVERY_100))
    same = matches == len(note.LOSSES_EVERY_100) and (yours.w, yours.b) == (note.FINAL_W, note.FINAL_B)
    (st.success if same else st.warning)(t("derive_trained_same" if same else "derive_trained_differs", lang,
                                           matches=matches, total=len(note.LOSSES_EVERY_100), w=repr(yours.w),
                                           b=repr(yours.b), note_w=repr(note.FINAL_W), note_b=repr(note.FINAL_B)))
    # repr: every digit Python's print() shows, as bp.py prints w.item()
    epochs = [note.PRINT_EVERY * (i + 1) for i in range(len(note.LOSSES_EVERY_100))]
    losses = pd.DataFrame({t("derive_col_epoch", lang): epochs, t("derive_col_yours", lang): list(yours.printed),
                           t("derive_col_note", lang): list(note.LOSSES_EVERY_100)})
    show_table(st, lang, losses, hide_index=True, width="stretch")
    described = t("alt_derive", lang, first=yours.losses[0], yours=yours.losses[-1], autograd=autograd[-1],
                  epochs=len(yours.losses))
    st.altair_chart(loss_chart(yours.losses, autograd, lang).properties(description=described), width="stretch")


def loss_chart(yours: tuple[float, ...], autograd: list[float], lang: str) -> alt.LayerChart | alt.Chart:
    """The learner's loss per epoch beside autograd's (log scale: both fall by orders of magnitude)."""
    who_yours, who_autograd = t("derive_legend_yours", lang), t("derive_legend_autograd", lang)
    frame = pd.DataFrame({"epoch": [*range(len(yours)), *range(len(autograd))],
                          "loss": [*yours, *autograd],
                          "run": [who_yours] * len(yours) + [who_autograd] * len(autograd)})
    frame, runs = frame[frame["loss"] > 0], [who_yours, who_autograd]
    chart = alt.Chart(frame).mark_line().encode(
        x=alt.X("epoch:Q", title=t("derive_col_epoch", lang)),
        y=alt.Y("loss:Q", scale=alt.Scale(type="log"), title=t("derive_col_loss", lang)),
        color=alt.Color("run:N", title=None, scale=alt.Scale(domain=runs, range=list(METHOD_COLOURS)),
                        legend=legend_below()),
        strokeDash=alt.StrokeDash("run:N", legend=None, scale=alt.Scale(domain=runs, range=[[1, 0], [6, 3]])))
    return finish(chart, t("derive_chart_title", lang))  # the house's title lines, sizes and plot height


@st.cache_data(max_entries=8, ttl=3600, show_spinner=False)
def network_trained_with(settings: Settings, formulas: tuple[tuple[str, str], ...],
                         _lang: str = "en") -> tuple[derive.NetworkWithFormulas, list[float]]:
    """The network of ``settings`` trained with the learner's backward-pass formulas, and autograd's run of the same
    epochs (in the server's queue)."""

    def compute(report: Report) -> tuple[derive.NetworkWithFormulas, list[float]]:
        model, data = settings.build()
        yours = derive.network_with_formulas(check_layered(model), data, dict(formulas), settings.learning_rate,
                                             settings.epochs)
        report(0.5)
        theirs = bp_core.train(model, data, "autograd", settings.learning_rate, settings.epochs)
        return yours, [float(v) for v in theirs.history["loss"].iloc[:settings.epochs]]

    return queued(TRAIN, (settings, formulas), compute, _lang,
                  lambda job: t("derive_training_network", _lang, epochs=settings.epochs))


def network_train_section(model: str, asked: list[str], settings: Settings, lang: str) -> None:
    """Once every quantity of the backward pass is right: the network trained with the learner's formulas, beside
    autograd's run."""
    left = len([target for target in asked if target not in right_formulas(model)])
    formulas = train_button(model, asked, t("derive_train_network", lang, epochs=settings.epochs),
                            t("derive_train_locked_network", lang, left=left, total=len(asked)))
    if formulas is None:
        return
    yours, autograd = network_trained_with(settings, formulas, _lang=lang)
    if yours.stopped_at is not None:
        st.warning(t("derive_network_stopped", lang, epoch=yours.stopped_at))
        return
    common = min(len(yours.losses), len(autograd))
    largest = max(abs(a - b) for a, b in zip(yours.losses[:common], autograd[:common]))
    said = t("derive_network_trained", lang, epochs=len(yours.losses), yours=yours.losses[-1],
             autograd=autograd[-1], largest=largest)
    st.success(said)
    st.altair_chart(loss_chart(yours.losses, autograd, lang).properties(description=said), width="stretch")
