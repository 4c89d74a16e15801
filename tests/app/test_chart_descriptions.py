"""Every chart on every page has a one-sentence description built from its numbers (issue 29 D3): Vega-Lite's
``description`` becomes the chart's accessible name (aria-label, role graphics-document) in the browser."""

import json
import re

import pytest
from page_helpers import metric, open_page

from ui.texts import t

PAGES_WITH_CHARTS = ["pages/compare.py", "pages/learning_rate.py", "pages/scaling.py", "pages/gradient_check.py"]


def descriptions(at) -> list[str]:
    return [json.loads(chart.proto.spec).get("description", "") for chart in at.get("vega_lite_chart")]


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("page", PAGES_WITH_CHARTS)
def test_every_chart_is_described_in_a_sentence_with_its_numbers(page, lang):
    at = open_page(page, lang)
    found = descriptions(at)
    assert found, page
    for sentence in found:
        assert len(sentence) > 20 and re.search(r"\d", sentence), sentence
        assert not re.search(r"\{\w+\}", sentence), sentence  # every placeholder filled


def test_the_loss_chart_says_the_final_losses_the_metrics_show():
    at = open_page("pages/compare.py")
    loss = next(s for s in descriptions(at) if s.startswith("Loss per epoch of both methods"))
    assert metric(at, t("final_loss", "en", method=t("manual", "en"))) in loss
    assert metric(at, t("final_loss", "en", method=t("autograd", "en"))) in loss
    assert "from 41 to" in loss  # the note's first loss


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_table_and_graph_has_a_plain_sentence_for_a_screen_reader(lang):
    """Issue 29 D3: st.dataframe and st.graphviz_chart get ``alt``: a table its rows and columns (never a cell, so a
    hidden answer stays hidden), a graph the sentence its caption says, without Markdown marks."""
    for page in ("chain_rule", "backward", "step_by_hand", "gradient_check", "learning_rate", "compare"):
        at = open_page(f"pages/{page}.py", lang)
        if page == "compare":  # its points table is folded until opened
            at.session_state["compare.points_open"] = True
            at.run()
        elements = [*at.get("dataframe"), *at.get("graphviz_chart")]
        assert elements or page == "step_by_hand", page
        for element in elements:
            assert element.proto.alt and "**" not in element.proto.alt, (page, element.proto.alt)


def test_a_tables_description_says_what_a_reader_takes_from_it_where_nothing_is_hidden():
    """The gradient check's tables say how many parameters pass and the largest differences; the sweep's table how
    many rates diverge (issue 29 D3: from its numbers)."""
    at = open_page("pages/gradient_check.py")
    alts = [frame.proto.alt for frame in at.get("dataframe")]
    assert any(a.startswith("The three gradients in float64: 17 of 17 parameters pass") for a in alts), alts
    at = open_page("pages/learning_rate.py")
    alts = [frame.proto.alt for frame in at.get("dataframe")]
    assert any("learning rates from" in a and "of them diverge" in a for a in alts), alts
