"""The start page: the app's default, the note's sections in order, links to the pages that make them interactive."""

from pathlib import Path

from page_helpers import open_page, texts
from streamlit.testing.v1 import AppTest

from ui.texts import t
from ui.views.lecture_path import PAGES, SECTIONS
from ui.views.start_view import section_values

from .conftest import APP


def test_the_app_opens_on_the_start_page_with_the_notes_sections_in_order():
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception
    assert [title.value for title in at.title] == [t("start_title", "en")]
    values = section_values()
    headings = [h.value for h in at.subheader]
    assert headings[:8] == [t("start_section", "en", number=s.number, title=t(s.title, "en", **values))
                            for s in SECTIONS]


def test_the_start_page_links_at_least_five_pages_and_every_link_resolves():
    at = open_page("pages/start.py")
    linked = [link.proto.page for link in at.get("page_link")]
    known = {Path(p.path).stem for p in PAGES.values()}
    assert len(set(linked)) >= 5
    assert set(linked) <= known


def test_the_start_page_quotes_the_network_and_the_notes_result_from_their_sources():
    at = open_page("pages/start.py")
    body = " ".join(texts(at, "markdown"))
    assert "17 partial derivatives" in body and "w ≈ 2.0049, b ≈ 0.9857" in body


def test_the_start_page_reads_in_korean():
    at = open_page("pages/start.py", "ko")
    assert [title.value for title in at.title] == ["강의로 배우는 역전파"]
    assert any("편미분은 모두 17개" in m for m in texts(at, "markdown"))
    assert "용어집" in " ".join(link.label for link in at.get("page_link"))


def test_the_progress_a_learner_hands_in_lists_each_question_once_with_its_first_verdict():
    at = open_page("pages/step_by_hand.py")
    at.text_input(key="step.answer").set_value("35").run()  # the sign flipped: wrong at the first try
    at.button(key="step.check").click().run()
    at.text_input(key="step.answer").set_value("-35").run()
    at.button(key="step.check").click().run()
    at.radio(key="step.exercise_what").set_value("loss").run()
    at.text_input(key="step.answer").set_value("41").run()
    at.button(key="step.check").click().run()
    at.switch_page("pages/start.py").run()
    assert not at.exception
    table = at.dataframe[-1].value
    assert table["question"].str.contains("∂L/∂w").tolist() == [True, False]
    assert table["right at the first answer"].tolist() == [False, True]
    assert table["wrong tries"].tolist() == [1, 0]
    assert any("2 question(s) answered, 1 right" in m.value for m in at.markdown)
    downloads = at.get("download_button")
    assert len(downloads) == 2
