"""The problems the lecture works on, one table: model, data, the training settings that suit them, the options a
model takes and whether its data are points a learner may edit. The problem only: what the dashboard shows for each
(its names in English and Korean, which pages offer it, which views it draws) lives in ui/session/presets.py. The
dashboard, the command line and the links all read this table and never test a model's kind: a new problem is one more
row here and one in ui/session/presets.py.

Examples
--------
>>> import bp_core
>>> preset = bp_core.PRESETS["line"]
>>> preset.learning_rate, preset.epochs
(0.01, 1000)
>>> model, data = preset.build()
>>> model, data.name
(Line(), 'seed_line')
>>> bp_core.PRESETS["mlp"].build(seed=3, activation="tanh")[0].spec()["activation"]
'tanh'
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import torch

from .contract import Model, check_model
from .data import Dataset, half_adder, make_dataset, seed_line, xor
from .limits import (
    MAX_LEARNING_RATE,
    ArgumentTypeError,
    check_bool,
    check_epochs,
    check_int_range,
    check_learning_rate,
    check_matrix,
    check_real,
    shown,
)
from .models import MLP, Line

__all__ = ["OPTIONS", "PRESETS", "Preset", "SweepRange"]

OPTIONS = ("seed", "activation")
"""Model options a preset may take: the initialisation seed, the hidden units' activation."""


@dataclass(frozen=True)
class SweepRange:
    """The learning-rate page's default sweep for a preset."""

    low: float  # smallest learning rate
    high: float  # largest; the range shows both sides of the stability bound 2/λmax
    count: int  # runs, log-spaced from low to high
    epochs: int  # per run; a default sweep takes a few seconds at most

    def __post_init__(self) -> None:
        check_real("low", self.low, 0.0, MAX_LEARNING_RATE, low_open=True)
        check_real("high", self.high, self.low, MAX_LEARNING_RATE, low_open=True)
        check_int_range("count", self.count, 2, 100)
        check_epochs(self.epochs)


def _check_names(name: str, value: object, allowed: tuple[str, ...] | None = None) -> None:
    """A tuple of distinct strings, each in ``allowed`` when given."""
    if not isinstance(value, tuple) or not all(isinstance(item, str) for item in value):
        raise ArgumentTypeError(f"{name} must be a tuple of str, got {shown(value)}")
    if len(set(value)) != len(value) or (allowed is not None and not set(value) <= set(allowed)):
        among = f" from {allowed}" if allowed is not None else ""
        raise ValueError(f"{name} must be distinct names{among}, got {value!r}")


@dataclass(frozen=True)
class Preset:
    """One problem: how to build its model and data, and how to train it."""

    key: str  # the model choice in the dashboard, the command line and links (?model=key)
    description: str  # one line, English, for the command line's help
    make_model: Callable[..., Model]  # the model: takes ``options`` as keywords, each with its default
    make_data: Callable[[], Dataset]  # the data set (the starting points when ``editable_points``)
    learning_rate: float  # converges within ``epochs`` from the model's start
    epochs: int
    sweep: SweepRange  # a learning-rate sweep that shows both sides of its stability bound
    options: tuple[str, ...] = ()  # of OPTIONS: what make_model takes (and what links carry: seed, act)
    editable_points: bool = False  # the data are (x, y) points a learner may replace (links carry pts)
    scaling_family: str | None = None  # its model in the shipped scaling table (bp_core.measure.scaling.FAMILIES),
    # measured at the default options (the seed aside); None: not in the table

    def __post_init__(self) -> None:
        for name in ("key", "description"):
            if not isinstance(getattr(self, name), str):
                raise ArgumentTypeError(f"{name} must be a str, got {shown(getattr(self, name))}")
        for name in ("make_model", "make_data"):
            if not callable(getattr(self, name)):
                raise ArgumentTypeError(f"{name} must be a callable with no arguments, got "
                                        f"{shown(getattr(self, name))}")
        check_learning_rate(self.learning_rate)
        check_epochs(self.epochs)
        if not isinstance(self.sweep, SweepRange):
            raise ArgumentTypeError(f"sweep must be a bp_core.presets.SweepRange, got {shown(self.sweep)}")
        _check_names("options", self.options, OPTIONS)
        taken = inspect.signature(self.make_model).parameters
        if not set(self.options) <= set(taken) and not any(p.kind == p.VAR_KEYWORD for p in taken.values()):
            raise ValueError(f"make_model must take the options {self.options} as keywords, it takes {list(taken)}")
        check_bool("editable_points", self.editable_points)
        if self.scaling_family is not None and not isinstance(self.scaling_family, str):
            raise ArgumentTypeError(f"scaling_family must be None or a str, got {shown(self.scaling_family)}")

    def build(self, points: Sequence[Sequence[float]] | None = None, **options: Any) -> tuple[Model, Dataset]:
        """A fresh model and data set.

        ``options`` (names from ``self.options``; the others keep their defaults) go to ``make_model``; ``points``,
        (x, y) pairs, replace the data of a preset with ``editable_points``. Raises if ``make_model`` or ``make_data``
        returns something else.
        """
        unknown = sorted(set(options) - set(self.options))
        if unknown:
            raise ValueError(f"options of preset {self.key!r} must be among {self.options}, got {unknown}")
        model = check_model(self.make_model(**options), "make_model()")
        if points is None:
            data = self.make_data()
            if not isinstance(data, Dataset):
                raise ArgumentTypeError(f"make_data() must return a bp_core.Dataset, got {shown(data)}")
            return model, data
        if not self.editable_points:
            raise ValueError(f"points must be None for preset {self.key!r}: its data are fixed (editable_points is "
                             f"False)")
        table = check_matrix("points", points, torch.float64, None)  # (N, 2) in float64: exactly what was given
        if table.shape[1] != 2:
            raise ValueError(f"points must be (x, y) pairs, got {table.shape[1]} numbers per point")
        return model, make_dataset(table[:, :1], table[:, 1:], 1, 1, name="points")


def _lecture_network(seed: int = 0, activation: str = "sigmoid") -> MLP:
    """The lecture's 2-3-2 network (17 parameters) with sigmoid outputs."""
    return MLP((2, 3, 2), activation, "sigmoid", seed)


def _xor_network(seed: int = 0) -> MLP:
    """A 2-2-1 network (9 parameters): tanh hidden units, a sigmoid output. From seed 0 it learns XOR; from some seeds
    (1, 3, 5) it stops in a local minimum near loss 0.125."""
    return MLP((2, 2, 1), "tanh", "sigmoid", seed)


_TABLE: dict[str, Preset] = {
    "line": Preset(
        "line", "y = wx + b on the lecture's points (y = 2x + 1, x = 1..4)", Line, seed_line, 0.01, 1000,
        sweep=SweepRange(0.001, 0.5, 25, 300), editable_points=True, scaling_family="line"),
    "mlp": Preset(
        "mlp", "the 2-3-2 sigmoid network (17 parameters) on the half adder", _lecture_network, half_adder, 1.0, 5000,
        sweep=SweepRange(0.1, 100.0, 10, 1000), options=("seed", "activation"), scaling_family="2-3-2"),
    "xor": Preset(
        "xor", "XOR on a 2-2-1 network (9 parameters, tanh hidden units): the problem no line can fit", _xor_network,
        xor, 1.0, 2000,
        sweep=SweepRange(0.1, 100.0, 10, 1000), options=("seed",)),
}

PRESETS: Mapping[str, Preset] = MappingProxyType(_TABLE)
"""The problems by key, read-only for callers (a caller's ``PRESETS["x"] = ...`` raises TypeError instead of
changing every page's problem for the whole process)."""
