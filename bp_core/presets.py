"""The problems the lecture works on, one table: model, data and the training settings that suit them.

The dashboard's defaults, the command line's defaults and the page settings all read this table; a new problem is
one more row.

Examples
--------
>>> import bp_core
>>> preset = bp_core.PRESETS["line"]
>>> preset.learning_rate, preset.epochs
(0.01, 1000)
>>> model, data = preset.build()
>>> model, data.name
(Line(), 'seed_line')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .contract import Model, check_model
from .data import Dataset, half_adder, seed_line
from .limits import ArgumentTypeError, check_epochs, check_learning_rate, shown
from .models import MLP, Line

__all__ = ["PRESETS", "Preset"]


@dataclass(frozen=True)
class Preset:
    key: str  # "line", "mlp": the model choice in the dashboard, the CLI and links
    description: str  # one line, English (the dashboard has its own texts)
    make_model: Callable[[], Model]  # the model with its default options
    make_data: Callable[[], Dataset]
    learning_rate: float  # converges within ``epochs`` from the model's start
    epochs: int

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

    def build(self) -> tuple[Model, Dataset]:
        """A fresh model and data set; raises if ``make_model`` or ``make_data`` returns something else."""
        model = check_model(self.make_model(), "make_model()")
        data = self.make_data()
        if not isinstance(data, Dataset):
            raise ArgumentTypeError(f"make_data() must return a bp_core.Dataset, got {shown(data)}")
        return model, data


PRESETS: dict[str, Preset] = {
    "line": Preset("line", "y = wx + b on the lecture's points (y = 2x + 1, x = 1..4)", Line, seed_line, 0.01, 1000),
    "mlp": Preset("mlp", "the 2-3-2 sigmoid network (17 parameters) on the half adder", MLP, half_adder, 1.0, 5000),
}
