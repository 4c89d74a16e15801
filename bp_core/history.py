"""What a training run keeps per epoch, bounded: the loss and the gradient norm every epoch, the parameters every
epoch while that is small, at a stride or for a subset of named scalars when it is not.

``record_params`` (an argument of ``train``):
- ``"auto"`` (default): every parameter, at the smallest stride that keeps at most ``HISTORY_VALUE_CAP`` recorded
  values (stride 1 for the lecture's models); above ``AUTO_SUBSET_ABOVE`` parameters, the first
  ``AUTO_SUBSET_PER_TENSOR`` scalars of each tensor, so a width-1,024 network never stores a million numbers per epoch.
- ``"all"``: every parameter, every epoch. ``int`` s >= 1: every parameter at epochs 0, s, 2s, ... and the last.
- a list of scalar names (``["w"]``, ``["W1[0,1]", "b2[1]"]``): those scalars, every epoch.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import torch

from .charts import loss_chart
from .contract import Model, Params, check_model
from .display import html_card
from .limits import MAX_EPOCHS, check_bool, check_int_range
from .names import iter_scalar_names, parse_scalar_name, scalar_name, scalar_names

__all__ = ["AUTO_SUBSET_ABOVE", "AUTO_SUBSET_PER_TENSOR", "DIVERGENCE_FACTOR", "HISTORY_VALUE_CAP", "record_policy",
           "RecordPolicy", "TrainResult"]

DIVERGENCE_FACTOR = 1e8
"""Training counts as diverged once the loss is non-finite or above DIVERGENCE_FACTOR x max(initial loss, 1)."""

HISTORY_VALUE_CAP = 1_000_000
"""At most this many parameter values are recorded under ``record_params="auto"`` (8 MB as float64)."""

HTML_ROWS = 50
"""Most parameters a run's notebook card lists (``TrainResult._repr_html_``)."""
AUTO_SUBSET_ABOVE = 10_000
"""Models with more parameters than this record a subset under ``record_params="auto"``."""

AUTO_SUBSET_PER_TENSOR = 4
"""How many scalars per parameter tensor the automatic subset keeps (the first ones, in flattening order)."""


@dataclass(frozen=True)
class RecordPolicy:
    """Which scalars the history keeps, and how often."""

    names: tuple[str, ...]  # recorded scalar names, in flattening order
    index: tuple[int, ...] | None  # their positions in the flattened parameters; None: all of them
    stride: int  # parameters are recorded at epochs 0, stride, 2 stride, ... and at the last epoch

    @property
    def every_parameter_every_epoch(self) -> bool:
        return self.index is None and self.stride == 1

    def rows(self, epochs: int) -> int:
        """Parameter rows the history holds for a run of ``epochs`` updates."""
        return epochs // self.stride + 2 if self.stride > 1 else epochs + 1

    def history_bytes_estimate(self, epochs: int) -> int:
        """Bytes of the finished history: float64 frames plus the float32 buffers used while training."""
        return (epochs + 1) * 3 * 8 + self.rows(epochs) * len(self.names) * (8 + 4)


def _scalar_name(name: str, shape: tuple[int, ...], flat: int) -> str:
    return scalar_name(name, shape, tuple(int(i) for i in np.unravel_index(flat, shape)))


def _scalar_position(shapes: dict[str, tuple[int, ...]], scalar: str) -> int:
    parsed = parse_scalar_name(scalar)  # the one grammar for names (bp_core.names)
    offset = 0
    for name, shape in shapes.items():
        if parsed is not None and parsed[0] == name:
            index = parsed[1]
            if index is None and math.prod(shape) == 1:
                return offset
            index = index or ()
            if len(index) == len(shape) and all(0 <= i < n for i, n in zip(index, shape)):
                return offset + int(np.ravel_multi_index(index, shape))
        offset += math.prod(shape)
    raise ValueError(f"record_params names a parameter this model does not have: {scalar!r} "
                     f"(names look like {_scalar_name(*next(iter(shapes.items())), 0)!r})")


def record_policy(model: Model, record_params: object, epochs: int) -> RecordPolicy:
    """Check ``record_params`` (see the module docstring) and return what the history will keep.

    Examples
    --------
    >>> import bp_core
    >>> record_policy(bp_core.Line(), "auto", 1000).names
    ('w', 'b')
    >>> record_policy(bp_core.MLP((2, 1024, 2)), 10, 1000).stride
    10
    """
    model = check_model(model)
    epochs = check_int_range("epochs", epochs, 1, MAX_EPOCHS)
    shapes = model.parameter_shapes()
    count = sum(math.prod(s) for s in shapes.values())
    if isinstance(record_params, str) and record_params in ("auto", "all"):
        if record_params == "all" or count <= AUTO_SUBSET_ABOVE:
            names, index = None, None
        else:
            names, index = [], []
            offset = 0
            for name, shape in shapes.items():
                for flat in range(min(AUTO_SUBSET_PER_TENSOR, math.prod(shape))):
                    names.append(_scalar_name(name, shape, flat))
                    index.append(offset + flat)
                offset += math.prod(shape)
        recorded = count if index is None else len(index)
        stride = 1 if record_params == "all" else max(1, math.ceil((epochs + 1) * recorded / HISTORY_VALUE_CAP))
    elif isinstance(record_params, int) and not isinstance(record_params, bool):
        names, index, stride = None, None, check_int_range("record_params", record_params, 1, MAX_EPOCHS)
    elif isinstance(record_params, (list, tuple)) and record_params:
        index = sorted(set(_scalar_position(shapes, name) for name in record_params))
        names, stride = None, 1
    else:
        raise ValueError("record_params must be 'auto', 'all', a stride (int >= 1) or a non-empty list of "
                         f"parameter names, got {record_params!r}")
    if names is None and index is None and count > HISTORY_VALUE_CAP:  # a name per scalar: about 100 bytes each
        raise ValueError(f"record_params={record_params!r} records every one of the model's {count:,} parameters, "
                         f"more than HISTORY_VALUE_CAP = {HISTORY_VALUE_CAP:,}; use record_params='auto' or a list of "
                         "names")
    if names is None:
        names = scalar_names({n: torch.empty(s, device="meta") for n, s in shapes.items()}) if index is None \
            else _flat_names(shapes, index)
    if index is not None and len(index) == count:
        index = None
    return RecordPolicy(tuple(names), None if index is None else tuple(index), stride)


def _flat_names(shapes: dict[str, tuple[int, ...]], index: list[int]) -> list[str]:
    names, offset, wanted = [], 0, iter(index)
    position = next(wanted, None)
    for name, shape in shapes.items():
        size = math.prod(shape)
        while position is not None and position < offset + size:
            names.append(_scalar_name(name, shape, position - offset))
            position = next(wanted, None)
        offset += size
    return names


@dataclass(frozen=True, eq=False)
class TrainResult:
    """What one training run produced. Times are wall-clock seconds from ``time.perf_counter``."""

    model: Model
    method: str  # "manual" or "autograd"
    learning_rate: float
    epochs: int  # requested number of updates
    zero_grad: bool  # False only for the autograd method run without optimizer.zero_grad()
    initial_params: Params
    params: Params  # parameters of the last finite history row (on the CPU)
    history: pd.DataFrame  # every epoch: epoch, loss, the recorded parameters when record_stride == 1, grad_norm
    epoch_seconds: np.ndarray  # wall time of each update that ran, (epochs_run,)
    setup_seconds: float  # building loss and optimizer objects: one-time costs land here, never in epoch_seconds
    diverged_at: int | None  # first epoch whose loss was non-finite or exploded; None if training stayed finite
    parameter_names: list[str] = field(default_factory=list)  # the recorded scalars (all of them unless bounded)
    strided_parameters: pd.DataFrame | None = None  # record_stride > 1: epoch + recorded scalars at the stride
    record_stride: int = 1
    device: str = "cpu"

    def sentence(self) -> str:
        """The run in one sentence built from its numbers (what ``_repr_html_`` leads with)."""
        losses = self.history["loss"]
        first = f"{float(losses.iloc[0]):.4g}" if len(losses) else "-"
        said = (f"{self.method} training at learning rate {self.learning_rate:g}: loss {first} to "
                f"{self.final_loss:.4g} over {self.epochs_run:,} of {self.epochs:,} epochs")
        return said + (f"; diverged at epoch {self.diverged_at}" if self.diverged_at is not None else "") + "."

    def _repr_html_(self) -> str:
        shown = HTML_ROWS  # a wide network's millions of parameters are not a table anyone reads
        names = list(itertools.islice(iter_scalar_names(self.params), shown))
        values = list(itertools.islice((v for tensor in self.params.values()
                                        for v in tensor.detach().reshape(-1)[:shown].tolist()), shown))
        table = pd.DataFrame({"parameter": names, "final value": values})
        return html_card(f"TrainResult: {type(self.model).__name__}", self.sentence(), table)

    def chart(self, log_scale: bool = True) -> Any:
        """The loss per epoch as the dashboard draws it (an Altair chart: Altair comes with bp_core's [dashboard]
        extra; without it, an ImportError says so). ``log_scale=False`` for a linear axis."""
        return loss_chart({self.method: self.history}, check_bool("log_scale", log_scale))

    @property
    def epochs_run(self) -> int:
        return len(self.epoch_seconds)

    @property
    def final_loss(self) -> float:
        """The loss of the last finite history row; NaN when there is none (the loss was non-finite at epoch 0)."""
        return float(self.history["loss"].iloc[-1]) if len(self.history) else math.nan

    @property
    def seconds_per_epoch_median(self) -> float | None:
        """Median wall time of the updates that ran; None when none ran (diverged at epoch 0)."""
        return float(np.median(self.epoch_seconds)) if len(self.epoch_seconds) else None

    @property
    def parameter_history(self) -> pd.DataFrame:
        """Epoch and the recorded scalars, at epochs 0, stride, 2 stride, ... and the last (every epoch at stride 1)."""
        if self.strided_parameters is not None:
            return self.strided_parameters
        return self.history[["epoch", *self.parameter_names]]

    @property
    def history_bytes(self) -> int:
        """Bytes the history holds (both frames, as pandas counts them)."""
        frames = [self.history] if self.strided_parameters is None else [self.history, self.strided_parameters]
        return int(sum(f.memory_usage(index=True, deep=True).sum() for f in frames))
