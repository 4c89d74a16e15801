"""The path through the lecture: its eight sections in the note's order (../shared/LECTURE.md), each with the pages
that make it interactive; the navigation's groups in reading order; and the page that comes next after each page.

Pure data, no Streamlit: the start page, dashboard.py's navigation and every page's "where next" read it, and
tests/test_lecture_path.py checks that every page named here exists.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["GROUPS", "PAGES", "SECTIONS", "PageInfo", "Section", "next_pages"]


@dataclass(frozen=True)
class PageInfo:
    path: str  # the script, relative to dashboard.py
    title: str  # text key of the page's title
    icon: str  # a Material icon name
    url_path: str  # the page's own URL ("" for the default page)


PAGES: dict[str, PageInfo] = {
    "start": PageInfo("pages/start.py", "page_start", ":material/school:", ""),
    "chain_rule": PageInfo("pages/chain_rule.py", "page_chain_rule", ":material/account_tree:", "chain_rule"),
    "backward": PageInfo("pages/backward.py", "page_backward", ":material/undo:", "backward"),
    "step": PageInfo("pages/step_by_hand.py", "page_step", ":material/footprint:", "step_by_hand"),
    "example": PageInfo("pages/lecture_example.py", "page_example", ":material/terminal:", "lecture_example"),
    "compare": PageInfo("pages/compare.py", "page_compare", ":material/balance:", "compare"),
    "check": PageInfo("pages/gradient_check.py", "page_check", ":material/fact_check:", "gradient_check"),
    "sweep": PageInfo("pages/learning_rate.py", "page_sweep", ":material/speed:", "learning_rate"),
    "scaling": PageInfo("pages/scaling.py", "page_scaling", ":material/trending_up:", "scaling"),
    "glossary": PageInfo("pages/glossary.py", "page_glossary", ":material/menu_book:", "glossary"),
}
"""Every page of the app by name. url_path is the file's stem: a server's first request to a page URL is matched
against the pages/ folder's names (see ui/views/shell.py)."""

GROUPS: dict[str, tuple[str, ...]] = {
    "group_lecture": ("start", "chain_rule", "backward", "step", "example", "compare"),
    "group_explore": ("check", "sweep"),
    "group_measure": ("scaling",),
    "group_reference": ("glossary",),
}
"""The navigation's sections (text keys) and their pages, in the order a learner should read them."""


@dataclass(frozen=True)
class Section:
    number: int  # the note's section, 1 to 8
    title: str  # text key
    recap: str  # text key: the section in a few sentences, in our words
    pages: tuple[str, ...]  # names in PAGES that make it interactive, the best first


SECTIONS: tuple[Section, ...] = (
    Section(1, "start_s1_title", "start_s1_recap", ("step", "check")),  # an update first; the check is advanced
    Section(2, "start_s2_title", "start_s2_recap", ("step",)),
    Section(3, "start_s3_title", "start_s3_recap", ("chain_rule",)),
    Section(4, "start_s4_title", "start_s4_recap", ("chain_rule", "glossary")),
    Section(5, "start_s5_title", "start_s5_recap", ("chain_rule",)),
    Section(6, "start_s6_title", "start_s6_recap", ("chain_rule",)),
    Section(7, "start_s7_title", "start_s7_recap", ("backward", "step")),
    Section(8, "start_s8_title", "start_s8_recap", ("example", "compare", "scaling")),
)
"""The note's sections in its order."""


def next_pages(page: str) -> tuple[str, ...]:
    """Where to go after ``page``: the next page in the reading order of GROUPS, and the start page from the last.

    Examples
    --------
    >>> next_pages("start"), next_pages("glossary")
    (('chain_rule',), ('start',))
    """
    if page not in PAGES:
        raise ValueError(f"page must be one of {sorted(PAGES)}, got {page!r}")
    order = [name for names in GROUPS.values() for name in names]
    following = order[order.index(page) + 1:]
    return (following[0],) if following else ("start",)
