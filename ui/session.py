"""Session state shared by every page, kept under plain keys so that a page works whether or not dashboard.py ran first.

Streamlit drops a widget's key from session state in any run that does not draw that widget: when the learner is on
another page, and when a server's first request to a page URL runs that page without dashboard.py (legacy ``pages/``
mode). So the language lives under the plain key ``lang`` (its radio has the key ``lang_radio``). The Compare page's
widgets start from the link's values (``compare_start``) and are kept like every page's, by ``ui.widget_state``.
"""

from __future__ import annotations

import streamlit as st

from .links import read_query_params
from .points import LECTURE_POINTS, points_frame
from .presets import DEFAULT_MODEL
from .settings import DEFAULTS, LR_OPTIONS, nearest_option
from .widget_state import set_value


def _query_params() -> dict[str, list[str]]:
    """Every value of every key in the URL: a key given twice is seen twice (``st.query_params[k]`` keeps the last)."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def init_session() -> None:
    """Every run, on every page: fill session state once from the URL (or the defaults)."""
    state = st.session_state
    if not state.get("_initialised"):
        url, problems = read_query_params(_query_params())
        state["url_problems"] = problems
        model = url.get("model", DEFAULT_MODEL)
        lr = url.get("lr", DEFAULTS[model]["lr"])
        state["lang"] = url.get("lang", "en")
        state["compare_start"] = {
            "model": model, "lr": lr if lr in LR_OPTIONS else nearest_option(lr),
            "lr_exact": None if lr in LR_OPTIONS else lr, "epochs": url.get("epochs", DEFAULTS[model]["epochs"]),
            "seed": url.get("seed", 0), "activation": url.get("act", "sigmoid"),
        }
        state["points_base"] = points_frame(url.get("pts", LECTURE_POINTS))
        state["valid_points"] = tuple(url.get("pts", LECTURE_POINTS))
        state["_initialised"] = True


def compare_start() -> dict[str, object]:
    """The Compare page's widgets' first values: the link's, else the default model's (kept values come first)."""
    init_session()
    return st.session_state["compare_start"]


def language() -> str:
    """The chosen language; initialises the session first, so any page works when run without dashboard.py."""
    init_session()
    return st.session_state["lang"]


def language_switch(label: str, options: dict[str, str]) -> None:
    """The sidebar's language radio, bound to the plain key ``lang``."""
    state = st.session_state
    state["lang_radio"] = state["lang"]

    def copy() -> None:
        state["lang"] = state["lang_radio"]

    st.radio(label, options=list(options), format_func=options.get, key="lang_radio", horizontal=True, on_change=copy)


def reset_for_model() -> None:
    """on_change of the model switch: the new model's default learning rate and epochs."""
    defaults = DEFAULTS[st.session_state["model"]]
    set_value("lr", defaults["lr"])
    set_value("lr_exact", None)
    set_value("epochs", defaults["epochs"])
    st.session_state.pop("last_valid", None)
