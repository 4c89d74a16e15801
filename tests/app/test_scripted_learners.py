"""A scripted learner for each exercise kind on each page, in both languages (issue 27 D8): garbage and typed markup
said once and safely; each usual mistake the exercise knows gets its named hint, without the number; the right
answer accepted as people type it (ASCII, U+2212 minus, full-width digits); the score counts the question once, by
its first checked answer, however often Check is pressed; a language switch keeps the verdict, in the new language;
"Another one" clears the box."""

import pytest
from page_helpers import open_page

import ui.views.exercises as exercises_module
from ui.texts import render, t
from ui.views import step_view
from ui.views.screens import backward as backward_screen
from ui.views.screens import chain_rule as chain_screen

CASES = [("pages/step_by_hand.py", "step", "step.exercise_what", kind) for kind in step_view.EXERCISES] + [
    ("pages/chain_rule.py", "chain", "chain.exercise_what", kind) for kind in ("f_prime", "product", "sum")] + [
    ("pages/backward.py", "backward", None, None)]

NOT_A_NUMBER = {"en": "not a number", "ko": "숫자가 아닙니다"}
FULL_WIDTH = str.maketrans("0123456789.-", "０１２３４５６７８９．－")


@pytest.fixture
def asked(monkeypatch):
    """The exercise each page hands to exercise_box, as the learner's screen asks it (the last one drawn)."""
    seen = {}

    def recording(original):
        def box(page, exercise, lang, **options):
            seen[page] = exercise
            return original(page, exercise, lang, **options)
        return box

    for module in (step_view, chain_screen, backward_screen):
        monkeypatch.setattr(module, "exercise_box", recording(exercises_module.exercise_box))
    return seen


def _answer_text(value: float) -> str:
    return repr(float(value))


def _say(at, page, typed):
    at.text_input(key=f"{page}.answer").set_value(typed)
    at.button(key=f"{page}.check").click().run()
    assert not at.exception
    return [*(m.value for m in at.success), *(m.value for m in at.warning), *(m.value for m in at.error),
            *(m.value for m in at.info)]


def _score(at, lang):
    start = t("exercise_score", lang, right=0, tried=0)[:6]
    return [c.value for c in at.caption if c.value.startswith(start)]


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize(("path", "page", "radio", "kind"), CASES)
def test_a_scripted_learner_is_answered_as_a_teacher_would(asked, path, page, radio, kind, lang):
    at = open_page(path, lang)
    if radio is not None:
        at.radio(key=radio).set_value(kind).run()
    if page == "step":
        at.toggle(key="step.exercise_hide").set_value(True).run()  # answers hidden: the learner predicts first
    assert not at.exception
    exercise = asked[page]

    # garbage, and markup, are said once, in words, and nothing is drawn from them
    said = _verdict(at, page, exercise, lang, _say(at, page, "abc"))
    assert said.count(NOT_A_NUMBER[lang]) == 1
    said = _verdict(at, page, exercise, lang, _say(at, page, "<b>5</b> **6** [x](javascript:alert(1))"))
    assert "<b>" not in said and "[x](javascript" not in said  # escaped, never drawn

    # each usual mistake gets its named hint, and the hint does not give the number away
    tried_wrong = False
    for wrong, hint in exercise.mistakes:
        if abs(wrong - exercise.answer) <= exercise.tolerance:
            continue  # a mistake that gives the right number here teaches nothing at this point
        tried_wrong = True
        typed = _answer_text(wrong)
        said = _verdict(at, page, exercise, lang, _say(at, page, typed))
        assert render((hint, {}), lang) in said, (hint, said)
        assert f"{abs(exercise.answer):.{exercise.digits}g}" not in said.replace(typed, "")  # only what was typed

    # a language switch keeps the verdict, in the other language
    other = "ko" if lang == "en" else "en"
    verdict = state_verdict(at, page, exercise)
    at.radio(key="app.lang").set_value(other).run()
    assert not at.exception
    if verdict is not None:
        shown = [*(m.value for m in at.warning), *(m.value for m in at.error), *(m.value for m in at.info)]
        assert render(verdict, other) in shown
    at.radio(key="app.lang").set_value(lang).run()

    # the right answer, as people type it, each accepted; Check again does not change the score
    right = _answer_text(exercise.answer)
    for typed in (right, right.replace("-", "\u2212"), right.translate(FULL_WIDTH)):
        said = _verdict(at, page, exercise, lang, _say(at, page, typed))
        assert state_level(at, page, exercise) == "success", (typed, said)
    before = _score(at, lang)
    at.button(key=f"{page}.check").click().run()
    at.button(key=f"{page}.check").click().run()
    assert _score(at, lang) == before  # counted once, by its first checked answer
    assert before == [t("exercise_score", lang, right=0 if tried_wrong else 1, tried=1)]

    # another question: an empty box
    if f"{page}.another" in [b.key for b in at.button]:
        at.button(key=f"{page}.another").click().run()
        assert not at.exception and at.text_input(key=f"{page}.answer").value == ""


def _verdict(at, page, exercise, lang, shown):
    """The exercise's verdict as the page shows it: on screen exactly once."""
    message = render(state_verdict(at, page, exercise), lang)
    assert shown.count(message) == 1, (message, shown)
    return message


def state_level(at, page, exercise):
    return at.session_state[f"{page}.record"].exercises[exercise.ident].verdict.level


def state_verdict(at, page, exercise):
    """The verdict the page keeps for ``exercise`` (its message), from the page's record."""
    record = at.session_state[f"{page}.record"]
    memory = record.exercises.get(exercise.ident)
    return None if memory is None or memory.verdict is None else memory.verdict.message
