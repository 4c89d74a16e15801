"""Checked exercises: a question generated from the numbers on screen, the learner's typed answer checked against
bp_core, a hint after a wrong try, the worked answer after a second, and a score per session. No Streamlit here except
``exercise_box``, which draws one exercise.

An exercise is identified by its text key and the numbers it asks about, so a new model, sample or epoch makes a new
exercise. Each exercise keeps its own memory in the page's record (ui.session.state): what was typed in its box, its
wrong tries, the last verdict (shown on every rerun and in either language until the answer is changed) and its first
checked answer, by which the page's score counts it once. The tolerance follows the answer's scale: four significant
digits, that is half a unit in the fourth significant digit of the answer (at least 5e-7), and the message says what it
used.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from ui.session import state
from ui.session.numbers import parse_answer
from ui.texts import render, t
from ui.texts.messages import Message, Unusable, shown
from ui.views.lecture_path import PAGES
from ui.views.tables import show_table

SIGNIFICANT = 4
"""Significant digits an answer must match."""
FLOOR = 5e-7
"""The smallest tolerance (an answer of 0, or a tiny one, is checked to this)."""


@dataclass(frozen=True)
class Exercise:
    """One question about a number on screen; texts as Messages, rendered in the learner's language."""

    ident: str  # the question and its numbers: a new one starts its tries afresh
    question: Message
    answer: float  # bp_core's value
    hint: Message  # the formula and the values it needs
    worked: Message  # the formula with the numbers and the result
    allowed: float | None = None  # the tolerance, when the answer's scale does not set it (an update: below lr·g)
    mistakes: tuple[tuple[float, str], ...] = ()  # what a usual mistake gives, and the text key of its named hint
    digits: int = 6  # significant digits the verdict shows the answer with

    @property
    def tolerance(self) -> float:
        return tolerance(self.answer) if self.allowed is None else self.allowed


MISTAKE_HINTS = ("exm_sign", "exm_two", "exm_mean", "exm_loss_mean", "exm_unchanged", "exm_update_sign",
                 "exm_update_lr", "exm_f_prime", "exm_d_for_n")
"""The text keys of the named hints a usual mistake gets: the sign flipped (or y − ŷ for ŷ − y), the 2 of the
square left out, the 1/N (1/(N·K)) left out, the sum for the mean loss, the unchanged parameter, the update's
sign, the learning rate left out, the activation derivative left out, d used where n belongs."""


def update_tolerance(before: float, after: float) -> float | None:
    """An update's tolerance: half the change the update made (so the unchanged value, a whole change away, is
    refused), never more than the answer's own four digits; None (the usual tolerance) when the update changed
    nothing (the unchanged value is then right).

    >>> update_tolerance(2.00489, 2.004875), update_tolerance(0.0, 0.35), update_tolerance(1.0, 1.0)
    (7.5e-06, 5e-05, None)
    """
    change = abs(after - before)
    if change == 0:
        return None
    return float(f"{min(tolerance(after), 0.5 * change):.3g}")


def usual_mistakes(answer: float, kind: str, *, samples: int = 1, before: float = 0.0,
                   learning_rate: float = 0.0) -> tuple[tuple[float, str], ...]:
    """The values the usual mistakes give for an answer of ``kind`` ("gradient" of the mean squared error, "loss",
    "update"), each with the text key of the hint that names it (the hint never gives the number):

    - a gradient: the sign flipped (or y − ŷ in place of ŷ − y), the 2 of the square left out, the 1/N (1/(N·K))
      left out (``samples``: N·K);
    - the loss: the sum in place of the mean (``samples``);
    - an update: the value before it, the gradient added instead of subtracted, the learning rate left out.

    >>> [round(v, 6) for v, _ in usual_mistakes(-35.0, "gradient", samples=4)]
    [35.0, -17.5, -140.0]
    """
    if kind == "gradient":
        found = [(-answer, "exm_sign"), (answer / 2, "exm_two"), (answer * samples, "exm_mean")]
    elif kind == "loss":
        found = [(answer * samples, "exm_loss_mean")]
    else:
        gradient = (before - answer) / learning_rate if learning_rate else 0.0
        found = [(before, "exm_unchanged"), (before + (before - answer), "exm_update_sign"),
                 (before - gradient, "exm_update_lr")]
    return tuple((value, key) for value, key in found if value != answer and math.isfinite(value))


def tolerance(answer: float) -> float:
    """Half a unit in the SIGNIFICANT-th significant digit of ``answer``, at least FLOOR.

    >>> tolerance(-35.0), tolerance(0.249998), tolerance(0.0)
    (0.005, 5e-05, 5e-07)
    """
    if answer == 0 or not math.isfinite(answer):
        return FLOOR
    exponent = math.floor(math.log10(abs(answer))) - (SIGNIFICANT - 1)
    return max(FLOOR, 0.5 * 10.0 ** exponent)


@dataclass(frozen=True)
class Verdict:
    level: str  # "success", "warning" (a hint), "error" (the worked answer), "info" (not a number)
    message: Message
    counted: bool  # True when the try counts toward the score


def check(typed: str, exercise: Exercise, wrong_before: int) -> Verdict:
    """The verdict on ``typed`` for ``exercise`` after ``wrong_before`` wrong tries.

    >>> ex = Exercise("x", ("q", {}), -35.0, ("h", {}), ("w", {}))
    >>> check("-35", ex, 0).level, check("-34", ex, 0).level, check("-34", ex, 1).level, check("abc", ex, 0).level
    ('success', 'warning', 'error', 'info')
    """
    try:
        value = parse_answer(str(typed))
    except Unusable as problem:
        if problem.reason[0] == "reason_not_a_number":  # said once: the message itself says it is no number
            return Verdict("info", ("exercise_not_a_number", {"typed": shown(typed)}), False)
        return Verdict("info", ("exercise_unusable", {"typed": shown(typed), "reason": problem.reason}), False)
    allowed = exercise.tolerance
    if abs(value - exercise.answer) <= allowed:
        return Verdict("success", ("exercise_right", {"answer": f"{exercise.answer:.{exercise.digits}g}",
                                                      "tol": f"{allowed:.2g}"}), True)
    mistake = next((key for wrong, key in exercise.mistakes if abs(value - wrong) <= allowed), None)
    if wrong_before == 0 or mistake is not None:  # a usual mistake is named whenever it is made
        hint = (mistake, {}) if mistake is not None else exercise.hint
        return Verdict("warning", ("exercise_hint", {"typed": shown(typed), "hint": hint, "tol": f"{allowed:.2g}"}),
                       True)
    return Verdict("error", ("exercise_worked", {"typed": shown(typed), "worked": exercise.worked}), True)


def score(page: str) -> tuple[int, int]:
    """(right, tried) on ``page`` this session: each exercise counted once, by its first checked answer."""
    firsts = [memory.first_right for memory in state.record(page).exercises.values() if memory.first_right is not None]
    return sum(firsts), len(firsts)


def record_verdict(memory: state.ExerciseRecord, typed: str, verdict: Verdict) -> None:
    """The check's verdict into the exercise's memory: shown until the answer changes; scored by the first one."""
    memory.verdict, memory.checked = verdict, typed
    if not verdict.counted:
        return
    if memory.first_right is None and not memory.revealed:
        memory.first_right = verdict.level == "success"
    memory.wrong = memory.wrong if verdict.level == "success" else memory.wrong + 1


EXERCISE_PAGES = {"step": "step", "derive": "step", "chain": "chain_rule", "backward": "backward"}
"""The pages with checked exercises (their records' names) and their rows of lecture_path.PAGES (where their names
are), in the lecture's order; the derive box's formulas ("derive") are asked on the step page."""

PROGRESS_COLUMNS = ("page", "question", "right_first", "wrong_tries", "shown_first")


def progress(lang: str) -> pd.DataFrame:
    """This session's exercises, one row each, for a learner to hand in (kept in the session only, never on the
    server): the page, the question in ``lang``, whether the first checked answer was right, the wrong tries, and
    whether the answer was shown before one was checked."""
    rows = []
    for page, path_name in EXERCISE_PAGES.items():
        for memory in state.record(page).exercises.values():
            if memory.first_right is None and not memory.revealed:
                continue  # looked at, never answered
            rows.append({"page": t(PAGES[path_name].title, lang), "question": render(memory.question, lang)
                         if memory.question is not None else "", "right_first": bool(memory.first_right),
                         "wrong_tries": memory.wrong, "shown_first": memory.revealed})
    return pd.DataFrame(rows, columns=list(PROGRESS_COLUMNS))


def progress_section(lang: str) -> None:
    """What the learner has answered this session, with CSV and JSON downloads to hand in; nothing is stored on the
    server (the rows live in this session's records and go when it ends)."""
    table = progress(lang)
    st.header(t("progress_title", lang))
    right = int(table["right_first"].sum())
    st.markdown(t("progress_summary", lang, done=len(table), right=right))
    if table.empty:
        return
    show_table(st, lang, table.rename(columns={c: t(f"progress_col_{c}", lang) for c in PROGRESS_COLUMNS}),
                 hide_index=True, width="stretch", key=state.key("start", "progress"))
    left, right_col = st.columns(2)
    left.download_button(t("progress_csv", lang), table.to_csv(index=False), "backprop_lab_progress.csv", "text/csv",
                         key=state.key("start", "progress_csv"), on_click="ignore")
    right_col.download_button(t("progress_json", lang), table.to_json(orient="records", force_ascii=False),
                              "backprop_lab_progress.json", "application/json",
                              key=state.key("start", "progress_json"), on_click="ignore")



def answered(page: str, exercise: Exercise) -> bool:
    """True once a right answer to ``exercise`` has been checked (its answers may then be shown)."""
    verdict = state.exercise(page, exercise.ident).verdict
    return verdict is not None and verdict.level == "success"


def revealed(page: str, exercise: Exercise) -> bool:
    """True once the learner asked to see the answer of ``exercise``."""
    return state.exercise(page, exercise.ident).revealed


def reveal(page: str, exercise: Exercise) -> None:
    """The learner asks to see the answers: shown, and the exercise, not yet answered, is no longer scored."""
    memory = state.exercise(page, exercise.ident)
    if memory.first_right is None:  # answered already: shown, and scored as it was
        memory.revealed = True


def next_variant(page: str, model: str, now: tuple[Any, ...],
                 draw: Callable[[random.Random], tuple[Any, ...]]) -> tuple[Any, ...]:
    """"Another one": the next of this session's seeded variants of ``page``'s exercise on ``model``, drawn by
    ``draw`` from a generator seeded with the page, the model and how many were drawn (the same sequence for every
    learner, so a class can compare answers), never ``now``, the question already on screen."""
    drawn = int(state.recall(page, "variants", 0, model=model)) + 1
    state.remember(page, "variants", drawn, model=model)
    rng = random.Random(f"{page}:{model}:{drawn}")
    variant = draw(rng)
    while variant == now:
        variant = draw(rng)
    return variant


def exercise_box(page: str, exercise: Exercise, lang: str, *, title: Any = None,
                 another: Callable[[], None] | None = None) -> None:
    """One exercise: the question, an answer box (``<page>.answer``), a check button (``<page>.check``), the
    verdict, and the page's score. The box holds what was typed for this exercise (empty for a new one); the verdict
    stays on screen, in the learner's language, until the answer is changed. With ``another``, an "Another one"
    button (``<page>.another``) calls it to set up a fresh variant before the next run."""
    st.markdown(f"**{title or t('exercise_title', lang)}** {render(exercise.question, lang)}")
    state.exercise_box_text(page, exercise.ident)  # this exercise's own text: none carries over from another
    state.exercise(page, exercise.ident).question = exercise.question
    left, right, *last = st.columns([3, 1, 1] if another else [3, 1], vertical_alignment="bottom")
    typed = left.text_input(t("exercise_answer", lang), key=state.key(page, "answer"), max_chars=60)
    memory = state.exercise(page, exercise.ident)
    if another is not None:
        last[0].button(t("exercise_another", lang), key=state.key(page, "another"), on_click=another,
                       width="stretch")
    if right.button(t("exercise_check", lang), key=state.key(page, "check"), width="stretch"):
        record_verdict(memory, typed, check(typed, exercise, memory.wrong))
    if memory.verdict is not None and memory.checked == typed:
        getattr(st, memory.verdict.level)(render(memory.verdict.message, lang))
    got, tried = score(page)
    st.caption(t("exercise_score", lang, right=got, tried=tried))
