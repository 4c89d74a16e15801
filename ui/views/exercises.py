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
from dataclasses import dataclass
from typing import Any

import streamlit as st

from ui.session import state
from ui.session.numbers import parse_real
from ui.texts import render, t
from ui.texts.messages import Message, Unusable, shown

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
        value = parse_real(str(typed).strip())
    except Unusable as problem:
        return Verdict("info", ("exercise_not_a_number", {"typed": shown(typed), "reason": problem.reason}), False)
    allowed = tolerance(exercise.answer)
    if abs(value - exercise.answer) <= allowed:
        return Verdict("success", ("exercise_right", {"answer": f"{exercise.answer:.6g}", "tol": f"{allowed:.1g}",
                                                      "digits": SIGNIFICANT}), True)
    if wrong_before == 0:
        return Verdict("warning", ("exercise_hint", {"typed": shown(typed), "hint": exercise.hint,
                                                      "tol": f"{allowed:.1g}"}), True)
    return Verdict("error", ("exercise_worked", {"typed": shown(typed), "worked": exercise.worked}), True)


def score(page: str) -> tuple[int, int]:
    """(right, tried) on ``page`` this session: each exercise counted once, by its first checked answer."""
    firsts = [memory.first_right for memory in state.record(page).exercises.values() if memory.first_right is not None]
    return sum(firsts), len(firsts)


def _record(memory: state.ExerciseRecord, typed: str, verdict: Verdict) -> None:
    """The check's verdict into the exercise's memory: shown until the answer changes; scored by the first one."""
    memory.verdict, memory.checked = verdict, typed
    if not verdict.counted:
        return
    if memory.first_right is None:
        memory.first_right = verdict.level == "success"
    memory.wrong = memory.wrong if verdict.level == "success" else memory.wrong + 1


def exercise_box(page: str, exercise: Exercise, lang: str, *, title: Any = None) -> None:
    """One exercise: the question, an answer box (``<page>.answer``), a check button (``<page>.check``), the
    verdict, and the page's score. The box holds what was typed for this exercise (empty for a new one); the verdict
    stays on screen, in the learner's language, until the answer is changed."""
    st.markdown(f"**{title or t('exercise_title', lang)}** {render(exercise.question, lang)}")
    state.exercise_box_text(page, exercise.ident)  # this exercise's own text: none carries over from another
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    typed = left.text_input(t("exercise_answer", lang), key=state.key(page, "answer"), max_chars=60)
    memory = state.exercise(page, exercise.ident)
    if right.button(t("exercise_check", lang), key=state.key(page, "check"), width="stretch"):
        _record(memory, typed, check(typed, exercise, memory.wrong))
    if memory.verdict is not None and memory.checked == typed:
        getattr(st, memory.verdict.level)(render(memory.verdict.message, lang))
    got, tried = score(page)
    st.caption(t("exercise_score", lang, right=got, tried=tried))
