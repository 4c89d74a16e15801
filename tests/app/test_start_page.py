"""The start page: the app's default, the note's sections in order, links to the pages that make them interactive."""

from pathlib import Path

import pytest
from apptest_helpers import chart_specs, chart_title
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
    headings = [h.value for h in at.header]
    assert headings[:2] == [t("start_first_title", "en"), t("start_path_title", "en")]  # the first screen, the path
    assert headings[2:10] == [t("start_section", "en", number=s.number, title=t(s.title, "en", **values))
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


def _nudge(epsilon):
    import torch

    import bp_core
    model, data = bp_core.PRESETS["line"].build()
    return bp_core.teaching.nudge(model, model.init_params(torch.float64), data, "w", epsilon)


def test_the_first_screen_is_the_notes_line_nudged_with_every_figure_from_bp_core():
    """Issue 27 D6: the first screen draws the note's four points and its line and offers one thing to try at once,
    the nudge; the loss's change and the derivative's prediction are bp_core's (checked against the closed form:
    L(w) = mean((w x - y)^2), so L(ε) - L(0) = -35 ε + 7.5 ε² on the note's points)."""
    for lang in ("en", "ko"):
        at = open_page("pages/start.py", lang)
        assert not at.exception
        assert at.header[0].value == t("start_first_title", lang)  # before the note's sections
        for epsilon in (0.1, 0.001, 1.0):
            at.select_slider(key="start.epsilon").set_value(epsilon).run()
            nudged = _nudge(epsilon)
            assert nudged.change == pytest.approx(-35 * epsilon + 7.5 * epsilon**2, rel=1e-12)
            said = t("start_first_result", lang, epsilon=epsilon, before=41.0, after=nudged.loss_after,
                     change=nudged.change, gradient=-35.0, predicted=nudged.predicted, digits=nudged.agreeing_digits)
            assert said in texts(at, "markdown")
        (spec,) = [s for s in chart_specs(at) if chart_title(s) == t("start_first_chart", lang, epsilon=1.0)]
        assert "41" in spec["description"] and "(1, 3), (2, 5), (3, 7), (4, 9)" in spec["description"]


@pytest.mark.parametrize(("number", "page", "model"), [
    (1, "pages/backward.py", "line"), (2, "pages/chain_rule.py", "mlp"), (3, "pages/backward.py", "mlp")])
def test_the_path_after_the_nudge_opens_each_page_on_its_model(number, page, model):
    at = open_page("pages/start.py")
    at.button(key=f"start.path_{number}").click().run()
    assert not at.exception
    assert at.session_state[f"{'chain' if 'chain' in page else 'backward'}.model"] == model
    assert at.title[0].value == t("chain_title" if "chain" in page else "backward_title", "en")  # the page opened
