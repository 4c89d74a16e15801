"""The path through the lecture: every page it names exists, the groups hold each page once, the sections follow the
note's order, and every page has a next page."""

from pathlib import Path

import pytest

from ui.texts import TEXTS
from ui.views.lecture_path import GROUPS, PAGES, SECTIONS, next_pages

ROOT = Path(__file__).resolve().parents[1]


def test_every_page_named_has_its_script_and_its_title_in_both_languages():
    for page in PAGES.values():
        assert (ROOT / page.path).is_file(), page.path
        assert set(TEXTS[page.title]) == {"en", "ko"}
    assert sorted(p.name for p in (ROOT / "pages").glob("*.py")) == sorted(Path(p.path).name for p in PAGES.values())


def test_the_groups_hold_every_page_once_and_only_the_start_page_is_the_default():
    grouped = [name for names in GROUPS.values() for name in names]
    assert sorted(grouped) == sorted(PAGES) and len(grouped) == len(set(grouped))
    assert [name for name, page in PAGES.items() if not page.url_path] == ["start"]
    assert grouped[0] == "start"


def test_the_sections_are_the_notes_eight_in_order_and_each_links_a_page():
    assert [s.number for s in SECTIONS] == list(range(1, 9))
    assert all(s.pages and set(s.pages) <= set(PAGES) for s in SECTIONS)
    assert len({name for s in SECTIONS for name in s.pages}) >= 5


def test_every_page_but_the_last_leads_to_the_next_in_reading_order_and_the_last_back_to_the_start():
    order = [name for names in GROUPS.values() for name in names]
    for here, there in zip(order, order[1:]):
        assert next_pages(here) == (there,)
    assert next_pages(order[-1]) == ("start",)
    with pytest.raises(ValueError, match="page"):
        next_pages("nowhere")
