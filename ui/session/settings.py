"""Settings of the Compare page as pure data: defaults, limits, and the rules that turn what the learner entered in
the widgets into the settings to run, with messages a learner can act on. No Streamlit here: all of it is
unit-tested (tests/test_settings.py); ui/session/shared.py holds the Streamlit glue.

What a learner types is read by the number grammar (ui/session/numbers.py) and the data table's parser
(ui/session/points.py); the shareable link is ui/session/links.py. Nothing is silently rounded, clamped or read as zero:
a value that cannot be used is named with the reason, and a default (or the last valid value) is used instead.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import pandas as pd

import bp_core
from ui.session.numbers import check_ui_learning_rate, whole_number
from ui.session.points import LECTURE_POINTS, Points, parse_points_table
from ui.session.presets import DEFAULT_MODEL
from ui.texts.messages import Message, Unusable, entered, shown

EPOCHS_CAP = 10_000
"""Dashboard cap on epochs: the 2-3-2 network's two measured runs take about 3 s here at the cap."""

LR_OPTIONS = sorted({round(m * 10.0**e, 6) for e in range(-4, 2) for m in (1, 1.5, 2, 3, 5, 7)} | {20.0})


def model_defaults(model: str) -> dict[str, Any]:
    """The preset's own learning rate and epochs for ``model``, read from bp_core.PRESETS when asked (one home: a
    changed preset is what the page, the link and the server's warm-up all use)."""
    preset = bp_core.PRESETS[model]
    return {"lr": preset.learning_rate, "epochs": preset.epochs}

CELLS_SHOWN = 5
"""A message names at most this many unusable cells, then counts the rest."""


@dataclass(frozen=True)
class Settings:
    """One Compare run. ``Settings()`` is the default model at its preset's own learning rate and epochs (read when
    made), what the page runs when opened without a link and what the server's warm-up runs."""

    model: str = DEFAULT_MODEL  # a key of bp_core.PRESETS
    learning_rate: float = field(default_factory=lambda: bp_core.PRESETS[DEFAULT_MODEL].learning_rate)
    epochs: int = field(default_factory=lambda: bp_core.PRESETS[DEFAULT_MODEL].epochs)
    seed: int = 0  # used where the preset offers the option "seed"
    activation: str = "sigmoid"  # hidden units; used where the preset offers the option "activation"
    points: Points = LECTURE_POINTS  # (x, y) pairs; used where the preset's points are editable

    @classmethod
    def for_model(cls, model: str, epochs: int | None = None) -> Settings:
        """``model`` (a key of bp_core.PRESETS) at its preset's own learning rate, and its epochs unless ``epochs``
        is given; the other fields at their defaults."""
        defaults = model_defaults(model)
        return cls(model, defaults["lr"], defaults["epochs"] if epochs is None else epochs)

    def build(self) -> tuple[bp_core.Model, bp_core.Dataset]:
        """The bp_core model and data these settings describe: the preset builds them from what it uses."""
        preset = bp_core.PRESETS[self.model]
        options = {name: getattr(self, name) for name in preset.options}
        return preset.build(self.points if preset.editable_points else None, **options)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


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
    usable = True  # every box usable: else the last valid settings (or the model's defaults) run
    wholes: dict[str, int] = {}
    for name, low, high, fallback in (("epochs", 1, EPOCHS_CAP, model_defaults(values["model"])["epochs"]),
                                      ("seed", 0, bp_core.limits.MAX_SEED, Settings.seed)):
        number = whole_number(values.get(name), low, high)
        if number is None:
            messages.append(("bad_whole", {"which": (f"{name}_name", {}), "value": entered(values.get(name)),
                                           "low": low, "high": high}))
            usable = False
        wholes[name] = fallback if number is None else number
    settings = Settings(values["model"], lr_entered, wholes["epochs"], wholes["seed"], values["activation"],
                        valid_points)
    try:
        settings = replace(settings, learning_rate=check_ui_learning_rate(lr_entered))
    except Unusable as bad:
        messages.append(("bad_lr", {"value": shown(lr_entered), "reason": bad.reason}))
        settings = replace(settings, learning_rate=model_defaults(settings.model)["lr"])
        usable = False
    if not usable and last_valid is not None:
        settings = last_valid
    return Resolved(settings, messages, valid_points)
