"""What the start page and every page's ending draw: the lecture's sections with links, and where to go next.

The numbers the recaps quote come from bp_core: the network's sizes and parameter count from ``bp_core.MLP()`` (the
note's 2-3-2), the final w and b from the note's printed output (``bp_core.lecture.note``).
"""

from __future__ import annotations

import streamlit as st

import bp_core
from bp_core.lecture import note
from ui.texts import t
from ui.views.lecture_path import PAGES, SECTIONS, next_pages

__all__ = ["page_link", "section_values", "start_sections", "where_next"]


def section_values() -> dict[str, float | int]:
    """The figures the recaps quote: the 2-3-2 network's widths and parameter count, the note's final w and b.

    Examples
    --------
    >>> values = section_values()
    >>> values["inputs"], values["hidden"], values["outputs"], values["total"]
    (2, 3, 2, 17)
    """
    network = bp_core.MLP()
    inputs, hidden, outputs = network.sizes
    total = sum(p.numel() for p in network.init_params().values())
    return {"inputs": inputs, "hidden": hidden, "outputs": outputs, "total": total, "w": note.FINAL_W,
            "b": note.FINAL_B}


def page_link(name: str, label: str) -> None:
    """A link to the page ``name`` of ``PAGES``, with its icon."""
    st.page_link(PAGES[name].path, label=label, icon=PAGES[name].icon)


def start_sections(lang: str) -> None:
    """The note's sections in its order: a heading, the recap, a link to each page that makes it interactive."""
    values = section_values()
    for section in SECTIONS:
        st.subheader(t("start_section", lang, number=section.number, title=t(section.title, lang, **values)))
        st.markdown(t(section.recap, lang, **values))
        for name in section.pages:
            page_link(name, t("start_try", lang, page=t(PAGES[name].title, lang)))


def where_next(page: str, lang: str) -> None:
    """The last lines of a page: a rule and a link to the page that comes next in the lecture's order."""
    st.divider()
    st.markdown(f"**{t('next_title', lang)}**")
    for name in next_pages(page):
        page_link(name, t(PAGES[name].title, lang))
