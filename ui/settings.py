"""Settings of the Compare page as pure data: defaults, limits, the shareable URL, the data table's cells, and the
rules that turn what the learner entered into the settings to run, with messages a learner can act on. No Streamlit
here: all of it is unit-tested (tests/test_settings.py); ui/session.py holds the Streamlit glue.

Numbers typed by a person or carried by a link follow one grammar (ASCII digits, an optional sign, point and
exponent: ``2``, ``-0.5``, ``1e-3``) and are checked the way float32 training will use them. Nothing is silently
rounded, clamped or read as zero: a value that cannot be used is named with the reason, and a default (or the last
valid value) is used instead.
"""

from __future__ import annotations

import math
import re
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
LR_MIN = float(np.finfo(np.float32).tiny)
"""Smallest learning rate: training is float32, where anything smaller is subnormal or rounds to 0 (no update)."""
MAX_TEXT = 40
"""Longest number a cell or a link may spell (a float64's repr needs at most 24 characters)."""
SHOWN_CHARS = 30
"""What a message quotes of a value the learner typed, at most."""
CELLS_SHOWN = 5
"""A message names at most this many unusable cells, then counts the rest."""
IGNORED = {"line": ("seed", "act"), "mlp": ("pts",)}
"""Link parameters that the other model uses: named as ignored, never an error."""

Points = tuple[tuple[float, float], ...]
Message = tuple[str, dict[str, Any]]
"""A text key of ui/texts and its values; a value that is itself a Message (or a list of them) is rendered first."""


class Unusable(ValueError):
    """A value that cannot be used, with the reason as a Message (rendered in the learner's language)."""

    def __init__(self, reason: Message):
        super().__init__(reason[0])
        self.reason = reason


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


# ---- numbers: one grammar for cells and links
_REAL = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_NATURAL = re.compile(r"[0-9]+")
_NON_FINITE = {"inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "nan", "+nan", "-nan"}


def shown(text: Any) -> str:
    """What the learner typed, quoted safely for a Markdown message: at most SHOWN_CHARS characters, the characters
    that Markdown would read as markup escaped, so a crafted link cannot draw a link or an image."""
    text = str(text)
    if len(text) > SHOWN_CHARS:
        text = text[:SHOWN_CHARS] + "…"
    text = "".join(c if c.isprintable() else "�" for c in text)
    return re.sub(r"([\\`*_{}\[\]()<>#!|~$])", r"\\\1", text)


def parse_real(text: str) -> float:
    """A finite float64 from ``text`` written in the grammar above; raises ``Unusable`` naming why not."""
    if text == "":
        raise Unusable(("reason_empty", {}))
    if len(text) > MAX_TEXT:
        raise Unusable(("reason_too_long", {"cap": MAX_TEXT}))
    if text.lower() in _NON_FINITE:
        raise Unusable(("reason_not_finite", {}))
    if not _REAL.fullmatch(text):
        raise Unusable(("reason_not_a_number", {}))
    value = float(text)
    if not math.isfinite(value):
        raise Unusable(("reason_not_finite", {}))
    return value


def parse_natural(text: str, low: int, high: int) -> int:
    """An integer in [low, high] written with ASCII digits only (no sign, point, exponent or separator)."""
    if text == "":
        raise Unusable(("reason_empty", {}))
    if len(text) > MAX_TEXT or not _NATURAL.fullmatch(text):
        raise Unusable(("reason_not_whole", {"low": low, "high": high}))
    value = int(text)
    if not low <= value <= high:
        raise Unusable(("reason_int_range", {"low": low, "high": high}))
    return value


def check_point_value(value: float) -> float:
    """``value`` if |value| <= POINT_LIMIT (so float32 training and its squared errors stay finite)."""
    if abs(value) > POINT_LIMIT:
        raise Unusable(("reason_beyond_limit", {"limit": POINT_LIMIT}))
    return value


def check_ui_learning_rate(value: Any) -> float:
    """A learning rate the dashboard trains with: a real number (not bool, not text) in [LR_MIN, MAX_LEARNING_RATE]."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise Unusable(("reason_not_a_number", {}))
    value = float(value)
    if not math.isfinite(value):
        raise Unusable(("reason_not_finite", {}))
    if not LR_MIN <= value <= bp_core.limits.MAX_LEARNING_RATE:
        raise Unusable(("reason_lr_range", {"low": LR_MIN, "high": bp_core.limits.MAX_LEARNING_RATE}))
    return value


# ---- the data table: text cells, parsed here, every bad cell named
def points_frame(points: Points) -> pd.DataFrame:
    """The editor's table: each number as its shortest round-trip text, so what is shown is what trains."""
    return pd.DataFrame([(repr(x), repr(y)) for x, y in points], columns=["x", "y"], dtype=object)


def cell_value(cell: Any) -> float:
    """One table cell as a usable coordinate; raises ``Unusable`` naming why not."""
    if cell is None or (isinstance(cell, float) and math.isnan(cell)) or cell is pd.NA:
        raise Unusable(("reason_empty", {}))
    if isinstance(cell, bool):
        raise Unusable(("reason_not_a_number", {}))
    if isinstance(cell, (int, float, np.integer, np.floating)):
        value = float(cell)
        if not math.isfinite(value):
            raise Unusable(("reason_not_finite", {}))
        return check_point_value(value)
    return check_point_value(parse_real(str(cell).strip()))


def parse_points_table(frame: pd.DataFrame) -> tuple[Points | None, list[Message]]:
    """The (x, y) pairs of an edited table, or None and one message per unusable cell (row counted from 1)."""
    if len(frame) == 0:
        return None, [("reason_no_rows", {})]
    if len(frame) > MAX_POINTS:
        return None, [("reason_too_many", {"cap": MAX_POINTS})]
    points, problems = [], []
    for row, (x_cell, y_cell) in enumerate(zip(frame["x"].tolist(), frame["y"].tolist()), start=1):
        pair = []
        for column, cell in (("x", x_cell), ("y", y_cell)):
            try:
                pair.append(cell_value(cell))
            except Unusable as bad:
                typed = "" if cell is None or cell is pd.NA or (isinstance(cell, float) and math.isnan(cell)) \
                    else shown(cell)
                problems.append(("cell_problem", {"row": row, "column": column, "typed": typed,
                                                  "reason": bad.reason}))
        if len(pair) == 2:
            points.append((pair[0], pair[1]))
    return (None, problems) if problems else (tuple(points), [])


# ---- links: every query parameter parsed the way the library will use it; values written exactly (repr)
def _points(text: str) -> Points:
    if text == "":
        raise Unusable(("reason_empty", {}))
    if len(text) > MAX_POINTS * (2 * MAX_TEXT + 2):
        raise Unusable(("reason_too_many", {"cap": MAX_POINTS}))
    pairs = text.split(",")
    if len(pairs) > MAX_POINTS:
        raise Unusable(("reason_too_many", {"cap": MAX_POINTS}))
    points = []
    for pair in pairs:
        parts = pair.split(":")
        if len(parts) != 2:
            raise Unusable(("reason_pts_format", {}))
        points.append(tuple(check_point_value(parse_real(part)) for part in parts))
    return tuple((x, y) for x, y in points)


def _choice(allowed: tuple[str, ...]) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if value not in allowed:
            raise Unusable(("reason_choice", {"allowed": ", ".join(allowed)}))
        return value

    return parse


PARSERS: dict[str, Callable[[str], Any]] = {
    "model": _choice(tuple(bp_core.PRESETS)),
    "lr": lambda v: check_ui_learning_rate(parse_real(v)),
    "epochs": lambda v: parse_natural(v, 1, EPOCHS_CAP),
    "seed": lambda v: parse_natural(v, 0, bp_core.limits.MAX_SEED),
    "act": _choice(ACTIVATIONS),
    "pts": _points,
    "lang": _choice(("en", "ko")),
}


def _one_value(value: Any) -> str:
    """A parameter's text; a key repeated with different values cannot be trusted (Streamlit would keep the last)."""
    if isinstance(value, (list, tuple)):
        if len(set(map(str, value))) > 1:
            raise Unusable(("reason_repeated", {}))
        value = value[-1] if value else ""
    if not isinstance(value, str):
        raise Unusable(("reason_not_a_number", {}))
    return value


def read_query_params(params: Mapping[str, Any]) -> tuple[dict[str, Any], list[Message]]:
    """Parse the URL's settings: the valid ones, and one message per parameter that cannot be used (named, with what
    it held and why) or that the link's model does not use. A value may be a list: a key the link repeats."""
    valid: dict[str, Any] = {}
    problems: list[Message] = []
    for name, parse in PARSERS.items():
        if name not in params:
            continue
        model = valid.get("model", "line")  # "model" is parsed first
        if name in IGNORED[model]:
            problems.append(("link_param_ignored", {"name": name, "model": (f"model_{model}", {})}))
            continue
        raw = params[name]
        try:
            valid[name] = parse(_one_value(raw))
        except Unusable as bad:
            typed = shown(raw[-1] if isinstance(raw, (list, tuple)) and raw else raw)
            problems.append(("bad_link_param", {"name": name, "value": typed, "reason": bad.reason}))
    return valid, problems


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
    seed, activation. Edited points that cannot be used are named cell by cell and the last valid points used; a
    learning rate out of range is named and the last valid settings (else the model's default) used. What the
    learner typed is never changed here: the widgets keep it.
    """
    messages: list[Message] = []
    if edited_points is not None:
        points, problems = parse_points_table(edited_points)
        if points is not None:
            valid_points = points
        else:
            shown_cells = problems[:CELLS_SHOWN] + [("cells_more", {"count": len(problems) - CELLS_SHOWN})] * (
                len(problems) > CELLS_SHOWN)
            messages.append(("bad_data", {"cells": shown_cells}))
    lr_entered = values["lr_exact"] if values.get("lr_exact") is not None else values["lr"]
    settings = Settings(values["model"], lr_entered, int(values["epochs"]), int(values["seed"]),
                        values["activation"], valid_points)
    try:
        settings = replace(settings, learning_rate=check_ui_learning_rate(lr_entered))
    except Unusable as bad:
        messages.append(("bad_lr", {"value": shown(lr_entered), "reason": bad.reason}))
        fallback = replace(settings, learning_rate=DEFAULTS[settings.model]["lr"])
        settings = last_valid if last_valid is not None else fallback
    return Resolved(settings, messages, valid_points)
