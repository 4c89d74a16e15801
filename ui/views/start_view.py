"""What the start page and every page's ending draw: the lecture's sections with links, and where to go next.

The numbers the recaps quote come from bp_core: the network's sizes and parameter count from ``bp_core.MLP()`` (the
note's 2-3-2), the final w and b from the note's printed output (``bp_core.lecture.note``).
"""

from __future__ import annotations

import streamlit as st
import torch

import bp_core
from bp_core import teaching
from bp_core.lecture import note
from ui.charts.builders import nudge_chart
from ui.session import state
from ui.session.presets import DEFAULT_MODEL, LECTURE_NETWORK
from ui.texts import t
from ui.views.lecture_path import PAGES, SECTIONS, next_pages

__all__ = ["first_try", "page_link", "section_values", "start_path", "start_sections", "where_next"]

PAGE_RECORDS = {"backward": "backward", "chain_rule": "chain"}
"""The record (ui.session.state) of each page the path opens."""


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


NUDGES = (1.0, 0.1, 0.01, 0.001)
"""The ε the first screen offers for w, largest first (0.1 at first): from no agreeing digit to three."""


def note_line() -> tuple[bp_core.Model, bp_core.Dataset]:
    """The note's line and its four points: what the first screen draws and nudges."""
    return bp_core.PRESETS[DEFAULT_MODEL].build()


@st.cache_data(max_entries=1, show_spinner=False)
def line_nudges() -> dict[float, teaching.Nudge]:
    """bp_core's nudge of w on the note's line at its start (w = b = 0, float64), for every ε offered."""
    model, data = note_line()
    params = model.init_params(torch.float64)
    return {epsilon: teaching.nudge(model, params, data, "w", epsilon) for epsilon in NUDGES}


def first_try(lang: str) -> None:
    """The first screen: the note's four points and its line, w nudged by an ε the learner picks, the loss's real
    change beside the derivative's prediction; every figure from bp_core.teaching.nudge."""
    nudges = line_nudges()
    start = nudges[NUDGES[0]]
    st.header(t("start_first_title", lang))
    st.markdown(t("start_first_intro", lang, before=start.loss_before, gradient=start.gradient))
    with state.widgets("start", {"epsilon": NUDGES[1]}):
        epsilon = st.select_slider(t("start_first_epsilon", lang), options=NUDGES, key=state.key("start", "epsilon"),
                                   format_func=lambda v: f"{v:g}")
    chosen = nudges[epsilon]
    figures = {"epsilon": epsilon, "before": chosen.loss_before, "after": chosen.loss_after}
    _, data = note_line()  # the points the nudges were computed on
    x, y = data.x[:, 0].numpy(), data.y[:, 0].numpy()
    points = ", ".join(f"({a:g}, {b:g})" for a, b in zip(x, y))
    st.altair_chart(nudge_chart(x, y, epsilon, lang).properties(description=t(
        "start_first_described", lang, points=points, right=float(x.max()), top=epsilon * float(x.max()),
        **figures)), width="stretch")
    st.markdown(t("start_first_result", lang, change=chosen.change, gradient=chosen.gradient,
                  predicted=chosen.predicted, digits=chosen.agreeing_digits, **figures))
    large, small = nudges[NUDGES[0]], nudges[NUDGES[-1]]
    st.markdown(t("start_first_trend", lang, large=large.epsilon, large_digits=large.agreeing_digits,
                  small=small.epsilon, small_digits=small.agreeing_digits))


PATH = (("backward", "start_path_line", DEFAULT_MODEL), ("chain_rule", "start_path_network", LECTURE_NETWORK),
        ("backward", "start_path_walk", LECTURE_NETWORK))
"""The path after the nudge (issue 27): the note's line as one neuron in the walk, the network's w₁ and w₂ on the
chain-rule page, then the whole walk of the network; each (page, text, the model it opens on)."""


def _open(page: str, model: str) -> None:
    """A path button's callback: the page's model switched to ``model`` (kept in its record); the page follows."""
    state.set_value(PAGE_RECORDS[page], "model", model)


def start_path(lang: str) -> None:
    """After the first screen: buttons that open each page of the path on its model."""
    st.header(t("start_path_title", lang))
    figures = section_values() | {"gradient": line_nudges()[NUDGES[0]].gradient}
    opened = None
    for number, (page, text, model) in enumerate(PATH, start=1):
        if st.button(f"{number}. {t(text, lang, **figures)}", key=state.key("start", f"path_{number}"),
                     on_click=_open, args=(page, model), icon=PAGES[page].icon):
            opened = page  # pressed: its model is set (the callback), now the page
    if opened is not None:
        st.switch_page(PAGES[opened].path)


def page_link(name: str, label: str) -> None:
    """A link to the page ``name`` of ``PAGES``, with its icon."""
    st.page_link(PAGES[name].path, label=label, icon=PAGES[name].icon)


def start_sections(lang: str) -> None:
    """The note's sections in its order: a heading, the recap, a link to each page that makes it interactive."""
    values = section_values()
    for section in SECTIONS:
        st.header(t("start_section", lang, number=section.number, title=t(section.title, lang, **values)))
        st.markdown(t(section.recap, lang, **values))
        for name in section.pages:
            page_link(name, t("start_try", lang, page=t(PAGES[name].title, lang)))


def where_next(page: str, lang: str) -> None:
    """The last lines of a page: a rule and a link to the page that comes next in the lecture's order."""
    st.divider()
    st.markdown(f"**{t('next_title', lang)}**")
    for name in next_pages(page):
        page_link(name, t(PAGES[name].title, lang))
