"""What every page shares of a session: the link's values read once, and the language (its memory: ui.session.state's
record of the page ``app``).

A page works whether or not dashboard.py ran first (legacy ``pages/`` mode runs a page alone), so the language is kept
in the record, not only under its radio's key ``app.lang``, which Streamlit drops in a run that does not draw it.
The Compare page's widgets start from the link's values (``compare_start``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from ui.session import state
from ui.session.links import read_query_params
from ui.session.points import LECTURE_POINTS, points_frame
from ui.session.presets import DEFAULT_MODEL
from ui.session.settings import LR_OPTIONS, model_defaults, nearest_option


def _query_params() -> dict[str, list[str]]:
    """Every value of every key in the URL: a key given twice is seen twice (``st.query_params[k]`` keeps the last)."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def browser_language(locale: object) -> str:
    """The app's language for the browser's preferred locale (``navigator.language``): Korean for any ko-*, else
    English.

    >>> browser_language("ko-KR"), browser_language("ko"), browser_language("en-US"), browser_language(None)
    ('ko', 'ko', 'en', 'en')
    """
    return "ko" if isinstance(locale, str) and locale.lower().startswith("ko") else "en"


def _browser(read: Any) -> Any:
    """``read(st.context)``: what the browser told this session; None where there is no browser (a bare run)."""
    try:
        return read(st.context)
    except Exception:  # no session context: the defaults
        return None


MOBILE_MARKS = ("Mobile", "Android", "iPhone", "iPad")
"""What a phone's or tablet's browser puts in its User-Agent."""


def on_phone() -> bool:
    """True when the browser says it is a phone or tablet (its User-Agent): the graph pages then start top to bottom
    (a learner's own choice of layout is kept after that)."""
    agent = _browser(lambda context: context.headers.get("User-Agent", "")) or ""
    return any(mark in agent for mark in MOBILE_MARKS)


def init_session() -> None:
    """Every run, on every page: fill the session's shared memory once from the URL (or the defaults)."""
    if state.recall("app", "initialised"):
        return
    url, problems = read_query_params(_query_params())
    state.remember("app", "url_problems", problems)
    model = url.get("model", DEFAULT_MODEL)
    defaults = model_defaults(model)
    lr = url.get("lr", defaults["lr"])
    locale = _browser(lambda context: context.locale)
    state.remember("app", "lang", url.get("lang") or browser_language(locale))  # a link's lang wins
    state.remember("app", "compare_start", {
        "model": model, "lr": lr if lr in LR_OPTIONS else nearest_option(lr),
        "lr_exact": None if lr in LR_OPTIONS else lr, "epochs": url.get("epochs", defaults["epochs"]),
        "seed": url.get("seed", 0), "activation": url.get("act", "sigmoid"),
    })
    state.remember("app", "points_base", points_frame(url.get("pts", LECTURE_POINTS)))
    state.remember("compare", "valid_points", tuple(url.get("pts", LECTURE_POINTS)))
    state.remember("app", "initialised", True)


def compare_first(model: str) -> dict[str, Any]:
    """The Compare form's first values for ``model``: the link's when it names that model, else that model's preset
    rate and epochs with the link's seed, activation and points."""
    start = compare_start()
    if model == start["model"]:
        return start
    defaults = model_defaults(model)
    return {**start, "model": model, "lr": defaults["lr"], "lr_exact": None, "epochs": defaults["epochs"]}


def compare_start() -> dict[str, Any]:
    """The Compare page's widgets' first values: the link's, else the default model's (kept values come first)."""
    init_session()
    return dict(state.recall("app", "compare_start"))


def url_problems() -> list[Any]:
    """The link's settings that could not be used, as messages (named once per page view, their defaults used)."""
    init_session()
    return list(state.recall("app", "url_problems", []))


def points_base() -> Any:
    """The Compare editor's first data points: the link's, else the lecture's four."""
    init_session()
    return state.recall("app", "points_base")


def language() -> str:
    """The chosen language; initialises the session first, so any page works when run without dashboard.py."""
    init_session()
    return str(state.recall("app", "lang"))


def language_switch(label: str, options: Mapping[str, str]) -> None:
    """The sidebar's language radio (key ``app.lang``); its choice is kept in the session's record. Every run writes
    the language shown to the URL's ``lang``, on every page: a page switch clears the URL, and a reload, a phone's
    evicted tab or a copied link would otherwise open in the link's or the browser's language, not the one chosen."""
    shown = language()
    state.set_value("app", "lang", shown)
    if st.query_params.get("lang") != shown:
        st.query_params["lang"] = shown

    def copy() -> None:
        state.remember("app", "lang", state.value("app", "lang"))

    st.radio(label, options=list(options), format_func=options.get, key=state.key("app", "lang"), horizontal=True,
             on_change=copy)
