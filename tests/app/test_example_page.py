"""The extra-example page: the note's programs and figures always on screen, this machine's run beside them on
demand, in both languages; links resolve."""

from pathlib import Path

import pytest
from page_helpers import kept, open_page, texts

from bp_core.lecture import note
from ui.texts import t
from ui.views.lecture_path import PAGES

PAGE = "pages/lecture_example.py"
STATEMENTS = ("dw = 2 * x.t().mm(predictions - y) / x.size(0)", "db = 2 * (predictions - y).sum() / x.size(0)",
              "optimizer = torch.optim.SGD([w, b], lr=learning_rate)", "loss = loss_fn(predictions, y)")


def frames_text(at) -> str:
    return " ".join(frame.value.to_string() for frame in at.dataframe)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_before_a_run_the_page_shows_both_programs_and_every_figure_the_note_printed(lang):
    at = open_page(PAGE, lang)
    assert not at.exception and not at.error
    assert at.title[0].value == t("example_title", lang)
    code = " ".join(block.value for block in at.code)
    for statement in STATEMENTS:
        assert statement in code
    for program in ("bp", "bp_pytorch"):
        assert note.printed(program).strip() in [block.value.strip() for block in at.code]
    shown = frames_text(at)
    for figure in ("0.8926", "1.1261", "297.6", "301.9", "290.3", "292.9"):
        assert figure in shown
    assert "0.0076" in " ".join(texts(at, "markdown"))  # the epoch convention, with the note's first loss
    assert at.dataframe[0].value.iloc[2, 1] == pytest.approx(1.1261 / 0.8926)  # shown as 1.2616
    assert t("example_not_run", lang) in texts(at, "info")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_run_sets_this_machines_figures_beside_the_notes_and_explains_them(lang):
    at = open_page(PAGE, lang)
    at.button(key="example.run").click().run()
    assert not at.exception and not at.error
    example = kept(at, "example", "result")
    codes = [block.value for block in at.code]
    assert any(example.profile.printed["manual"].strip() in code for code in codes)
    times = at.dataframe[0].value
    assert times.shape == (3, 5) and times.iloc[2, 1] == pytest.approx(1.1261 / 0.8926)
    body = " ".join(texts(at, "markdown"))
    assert f"{example.ratio('traced'):.2f}" in body and f"{example.ratio('per_epoch_median'):.2f}" in body
    assert "2000" in body and "1.5 / 2.8 / 3.0 / 1.3 / 2.8 / 5.0" in body
    at.run()  # a rerun keeps the result
    assert len(at.dataframe) == 5 and not at.exception  # times, two memory tables, the two whole tables


def test_every_link_on_the_page_resolves_and_the_compare_page_links_here():
    at = open_page(PAGE)
    known = {Path(p.path).stem for p in PAGES.values()}
    linked = {link.proto.page for link in at.get("page_link")}
    assert linked <= known and "compare" in linked
    compare = open_page("pages/compare.py")
    assert "lecture_example" in {link.proto.page for link in compare.get("page_link")}
