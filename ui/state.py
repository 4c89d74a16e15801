"""Settings of the Compare page: defaults, limits, the shareable URL, and checks with messages a learner can act on."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import pandas as pd
import streamlit as st

import bp_core

EPOCHS_CAP = 10_000
"""Dashboard cap on epochs: the 2-3-2 network's two measured runs take about 3 s here at the cap."""

LR_OPTIONS = sorted({round(m * 10.0**e, 6) for e in range(-4, 2) for m in (1, 1.5, 2, 3, 5, 7)} | {20.0})
DEFAULTS = {"line": {"lr": 0.01, "epochs": 1000}, "mlp": {"lr": 1.0, "epochs": 5000}}
ACTIVATIONS = ("sigmoid", "tanh", "relu")
LECTURE_POINTS = ((1.0, 3.0), (2.0, 5.0), (3.0, 7.0), (4.0, 9.0))
MAX_POINTS = 200


@dataclass(frozen=True)
class Settings:
    model: str = "line"  # "line" or "mlp"
    learning_rate: float = 0.01
    epochs: int = 1000
    seed: int = 0  # network only
    activation: str = "sigmoid"  # network hidden layer only
    points: tuple[tuple[float, float], ...] = LECTURE_POINTS  # line only: (x, y) pairs

    def build(self):
        """The bp_core model and data these settings describe."""
        if self.model == "line":
            x = [[p[0]] for p in self.points]
            y = [[p[1]] for p in self.points]
            return bp_core.Line(), bp_core.make_dataset(x, y, 1, 1, name="points")
        return bp_core.MLP((2, 3, 2), self.activation, "sigmoid", self.seed), bp_core.half_adder()

    def as_dict(self) -> dict:
        return asdict(self)


def points_frame(points) -> pd.DataFrame:
    return pd.DataFrame(list(points), columns=["x", "y"], dtype="float64")


def points_problem(frame: pd.DataFrame) -> tuple[str, dict] | None:
    """Why edited points cannot be used, as a text key and values; None if they can."""
    if len(frame) == 0:
        return "reason_no_rows", {}
    if len(frame) > MAX_POINTS:
        return "reason_too_many", {"cap": MAX_POINTS}
    values = frame[["x", "y"]].apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
    if not math.isfinite(values.sum()) or not pd.notna(values).all():
        return "reason_not_numbers", {}
    return None


def _float(text, low, high):
    value = float(text)
    if not (math.isfinite(value) and low < value <= high):
        raise ValueError(text)
    return value


def _int(text, low, high):
    value = int(text)
    if not low <= value <= high:
        raise ValueError(text)
    return value


def _points(text: str):
    pairs = tuple(tuple(float(v) for v in pair.split(":")) for pair in text.split(","))
    if not 1 <= len(pairs) <= MAX_POINTS or any(len(p) != 2 or not all(map(math.isfinite, p)) for p in pairs):
        raise ValueError(text)
    return pairs


def _choice(allowed):
    def parse(value):
        if value not in allowed:
            raise ValueError(value)
        return value

    return parse


PARSERS = {
    "model": _choice(tuple(DEFAULTS)),
    "lr": lambda v: _float(v, 0.0, bp_core.MAX_LEARNING_RATE),
    "epochs": lambda v: _int(v, 1, EPOCHS_CAP),
    "seed": lambda v: _int(v, 0, 2**31 - 1),
    "act": _choice(ACTIVATIONS),
    "pts": _points,
    "lang": _choice(("en", "ko")),
}


def read_query_params(params) -> tuple[dict, list[str]]:
    """Parse the URL's settings; return the valid ones and the names of those that were out of range."""
    valid, bad = {}, []
    for name, parse in PARSERS.items():
        if name in params:
            try:
                valid[name] = parse(params[name])
            except (ValueError, TypeError):
                bad.append(name)
    return valid, bad


def to_query_params(settings: Settings, lang: str) -> dict[str, str]:
    params = {"model": settings.model, "lr": f"{settings.learning_rate:g}", "epochs": str(settings.epochs),
              "lang": lang}
    if settings.model == "mlp":
        params |= {"seed": str(settings.seed), "act": settings.activation}
    elif settings.points != LECTURE_POINTS:
        params["pts"] = ",".join(f"{x:g}:{y:g}" for x, y in settings.points)
    return params


def init_session() -> None:
    """Once per browser session: fill session state from the URL, or the defaults."""
    state = st.session_state
    if state.get("_initialised"):
        return
    url, bad = read_query_params(st.query_params)
    state["url_problems"] = bad
    model = url.get("model", "line")
    state["lang"] = url.get("lang", "en")
    state["model"] = model
    lr = url.get("lr", DEFAULTS[model]["lr"])
    state["lr"] = lr if lr in LR_OPTIONS else min(LR_OPTIONS, key=lambda o: abs(math.log(o / lr)))
    state["lr_exact"] = None if lr in LR_OPTIONS else lr
    state["epochs"] = url.get("epochs", DEFAULTS[model]["epochs"])
    state["seed"] = url.get("seed", 0)
    state["activation"] = url.get("act", "sigmoid")
    state["points_base"] = points_frame(url.get("pts", LECTURE_POINTS))
    state["valid_points"] = tuple(url.get("pts", LECTURE_POINTS))
    state["_initialised"] = True


def language() -> str:
    """The chosen language; initialises the session first, so a page also works when run without app.py
    (Streamlit runs a page script alone on a server's very first run when a ``pages/`` folder exists)."""
    init_session()
    return st.session_state["lang"]


def reset_for_model() -> None:
    """on_change of the model switch: the new model's default learning rate and epochs."""
    defaults = DEFAULTS[st.session_state["model"]]
    st.session_state["lr"] = defaults["lr"]
    st.session_state["lr_exact"] = None
    st.session_state["epochs"] = defaults["epochs"]
    st.session_state.pop("last_valid", None)
