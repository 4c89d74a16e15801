"""Settings of the Compare page as pure data: defaults, limits, the shareable URL, and the rules that turn what the
learner entered into the settings to run, with messages a learner can act on. No Streamlit here: all of it is
unit-tested (tests/test_settings.py); ui/session.py holds the Streamlit glue.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

import bp_core

EPOCHS_CAP = 10_000
"""Dashboard cap on epochs: the 2-3-2 network's two measured runs take about 3 s here at the cap."""

LR_OPTIONS = sorted({round(m * 10.0**e, 6) for e in range(-4, 2) for m in (1, 1.5, 2, 3, 5, 7)} | {20.0})
DEFAULTS = {key: {"lr": preset.learning_rate, "epochs": preset.epochs} for key, preset in bp_core.PRESETS.items()}
ACTIVATIONS = ("sigmoid", "tanh", "relu")
LECTURE_POINTS = tuple((float(x), float(y)) for x, y in zip(bp_core.seed_line().x.reshape(-1).tolist(),
                                                                bp_core.seed_line().y.reshape(-1).tolist()))
MAX_POINTS = 200
POINT_LIMIT = 1e6
"""Largest |x| or |y| a data point may have: squared errors of larger values overflow float32 training."""

Points = tuple[tuple[float, float], ...]
Message = tuple[str, dict[str, Any]]
"""A text key of ui/texts and its values; a value that is itself a Message is rendered first."""


@dataclass(frozen=True)
class Settings:
    model: str = "line"  # a key of bp_core.PRESETS
    learning_rate: float = 0.01
    epochs: int = 1000
    seed: int = 0  # network only
    activation: str = "sigmoid"  # network hidden layer only
    points: Points = LECTURE_POINTS  # line only: (x, y) pairs

    def build(self) -> tuple[bp_core.Model, bp_core.Dataset]:
        """The bp_core model and data these settings describe."""
        if self.model == "line":
            x = [[p[0]] for p in self.points]
            y = [[p[1]] for p in self.points]
            return bp_core.Line(), bp_core.make_dataset(x, y, 1, 1, name="points")
        return bp_core.MLP((2, 3, 2), self.activation, "sigmoid", self.seed), bp_core.PRESETS[self.model].make_data()

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def points_frame(points: Points) -> pd.DataFrame:
    return pd.DataFrame(list(points), columns=["x", "y"], dtype="float64")


def points_problem(frame: pd.DataFrame) -> Message | None:
    """Why edited points cannot be used, as a text key and values; None if they can."""
    if len(frame) == 0:
        return "reason_no_rows", {}
    if len(frame) > MAX_POINTS:
        return "reason_too_many", {"cap": MAX_POINTS}
    values = frame[["x", "y"]].apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
    if not np.isfinite(values).all():
        return "reason_not_numbers", {}
    if np.abs(values).max() > POINT_LIMIT:
        return "reason_too_large", {"limit": POINT_LIMIT}
    return None


def frame_points(frame: pd.DataFrame) -> Points:
    """The (x, y) pairs of a frame that ``points_problem`` accepted."""
    return tuple((float(x), float(y)) for x, y in frame[["x", "y"]].to_numpy(dtype=float))


# ---- links: every query parameter parsed the way the library will use it; values written exactly (repr)
def _float(text: str, low: float, high: float) -> float:
    value = float(text)
    if not (math.isfinite(value) and low < value <= high):
        raise ValueError(text)
    return value


def _int(text: str, low: int, high: int) -> int:
    value = int(text)
    if not low <= value <= high:
        raise ValueError(text)
    return value


def _points(text: str) -> Points:
    pairs = tuple(tuple(float(v) for v in pair.split(":")) for pair in text.split(","))
    if not 1 <= len(pairs) <= MAX_POINTS or any(len(p) != 2 for p in pairs):
        raise ValueError(text)
    if points_problem(pd.DataFrame(pairs, columns=["x", "y"])) is not None:
        raise ValueError(text)
    return tuple((p[0], p[1]) for p in pairs)


def _choice(allowed: tuple[str, ...]) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if value not in allowed:
            raise ValueError(value)
        return value

    return parse


PARSERS: dict[str, Callable[[str], Any]] = {
    "model": _choice(tuple(bp_core.PRESETS)),
    "lr": lambda v: _float(v, 0.0, bp_core.MAX_LEARNING_RATE),
    "epochs": lambda v: _int(v, 1, EPOCHS_CAP),
    "seed": lambda v: _int(v, 0, bp_core.MAX_SEED),
    "act": _choice(ACTIVATIONS),
    "pts": _points,
    "lang": _choice(("en", "ko")),
}


def read_query_params(params: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Parse the URL's settings; return the valid ones and the names of those that were out of range."""
    valid, bad = {}, []
    for name, parse in PARSERS.items():
        if name in params:
            try:
                valid[name] = parse(params[name])
            except (ValueError, TypeError, OverflowError):
                bad.append(name)
    return valid, bad


def to_query_params(settings: Settings, lang: str) -> dict[str, str]:
    """The link for ``settings``: floats as their shortest round-trip repr, so the link reproduces the run exactly."""
    params = {"model": settings.model, "lr": repr(settings.learning_rate), "epochs": str(settings.epochs),
              "lang": lang}
    if settings.model == "mlp":
        params |= {"seed": str(settings.seed), "act": settings.activation}
    elif settings.points != LECTURE_POINTS:
        params["pts"] = ",".join(f"{x!r}:{y!r}" for x, y in settings.points)
    return params


def nearest_option(learning_rate: float) -> float:
    """The slider position closest (on a log scale) to ``learning_rate``."""
    return min(LR_OPTIONS, key=lambda o: abs(math.log(o / learning_rate)))


@dataclass(frozen=True)
class Resolved:
    """What to run, and what to tell the learner about what they entered."""

    settings: Settings
    messages: list[Message] = field(default_factory=list)  # for st.error, rendered by ui.texts.render
    valid_points: Points = LECTURE_POINTS


def resolve_settings(values: Mapping[str, Any], edited_points: pd.DataFrame | None, valid_points: Points,
                     last_valid: Settings | None) -> Resolved:
    """Turn the widgets' values into the settings to run.

    ``values`` holds the widget values: model, lr (slider), lr_exact (None or a number, overrides the slider), epochs,
    seed, activation. Edited points that cannot be used are named and the last valid points used; a learning rate
    out of range is named and the last valid settings (else the model's default) used. What the learner typed is
    never changed here: the widgets keep it.
    """
    messages: list[Message] = []
    if edited_points is not None:
        problem = points_problem(edited_points)
        if problem is None:
            valid_points = frame_points(edited_points)
        else:
            messages.append(("bad_data", {"reason": problem}))
    lr_entered = values["lr_exact"] if values.get("lr_exact") is not None else values["lr"]
    settings = Settings(values["model"], lr_entered, int(values["epochs"]), int(values["seed"]),
                        values["activation"], valid_points)
    try:
        bp_core.check_learning_rate(lr_entered)
    except (TypeError, ValueError):
        messages.append(("bad_lr", {"cap": bp_core.MAX_LEARNING_RATE, "value": lr_entered}))
        fallback = replace(settings, learning_rate=DEFAULTS[settings.model]["lr"])
        settings = last_valid if last_valid is not None else fallback
    return Resolved(settings, messages, valid_points)
