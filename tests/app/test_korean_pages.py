"""Every page rendered in Korean shows no English sentence (issue 28 D5): no run of four or more English words in any
title, header, text, caption, message, metric label, button or option; code spans, LaTeX and identifiers (one or two
words: autograd, float32, `loss.backward()`) are not sentences."""

import re

import pytest
from page_helpers import open_page

PAGES = ["start", "chain_rule", "backward", "step_by_hand", "lecture_example", "compare", "gradient_check",
         "learning_rate", "scaling", "glossary"]
ENGLISH_RUN = re.compile(r"(?:\b[A-Za-z][A-Za-z'’-]+\b[ ,]+){3,}\b[A-Za-z][A-Za-z'’-]+\b")
"""Four or more English words in a row: a sentence, or the start of one."""


def english_runs(text: str) -> list[str]:
    prose = re.sub(r"\$[^$]*\$", "", re.sub(r"`[^`]*`", "", text))  # code spans and LaTeX are not prose
    return ENGLISH_RUN.findall(prose)


def shown_texts(at) -> list[str]:
    found = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        found += [element.value for element in getattr(at, kind)]
    found += [m.label for m in at.metric] + [b.label for b in at.button]
    found += [r.label for r in at.radio] + [str(option) for r in at.radio for option in r.options]
    return found


def test_the_check_finds_a_planted_english_sentence():
    assert english_runs("손실은 41입니다. The loss goes from 41 to 37.") == ["The loss goes from"]
    assert english_runs("자동 미분(`loss.backward()`)과 float32 유한 차분") == []


@pytest.mark.parametrize("page", PAGES)
def test_a_korean_page_shows_no_english_sentence(page):
    at = open_page(f"pages/{page}.py", "ko")
    assert not at.exception
    assert {text[:60]: runs for text in shown_texts(at) if (runs := english_runs(str(text)))} == {}


def test_korean_pages_mid_use_show_no_english_sentence():
    """The same after use: the step page with its answers shown, the walk three steps in, a wrong answer's hint."""
    at = open_page("pages/step_by_hand.py", "ko")
    at.toggle(key="step.exercise_hide").set_value(False).run()
    at.text_input(key="step.answer").set_value("12").run()
    at.button(key="step.check").click().run()
    walk = open_page("pages/backward.py", "ko")
    for _ in range(3):
        walk.button(key="backward.next").click().run()
    for page in (at, walk):
        assert not page.exception
        assert {text[:60]: runs for text in shown_texts(page) if (runs := english_runs(str(text)))} == {}
