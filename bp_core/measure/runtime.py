"""Runtime of training runs: warm-up runs first, then repeats.

The per-epoch figure is the median of every epoch of every repeat, its spread the 25th-75th percentiles; None when no
epoch was timed (every run diverged at epoch 0), and ``epochs_timed`` says how many epochs they summarise. Set-up
(building the loss and optimizer objects) is reported apart: the first ``torch.optim.SGD`` in a process imports
torch._dynamo (about 2 s), a one-time cost, never an epoch cost.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..contract import Model, check_model
from ..cost import check_training_size
from ..data import as_dataset
from ..grad_mode import grad_enabled
from ..limits import (
    MAX_RUNTIME_EPOCHS,
    METHODS,
    ArgumentTypeError,
    check_choice,
    check_epochs,
    check_int_range,
    check_learning_rate,
    shown,
)
from ..training import TrainResult, train

__all__ = ["check_runtime_size", "measure_runtime", "RuntimeMeasurement"]


@dataclass(frozen=True)
class RuntimeMeasurement:
    method: str
    epochs: int
    repeats: int
    seconds_per_epoch_median: float | None  # None when no epoch was timed (every run diverged at epoch 0)
    seconds_per_epoch_p25: float | None
    seconds_per_epoch_p75: float | None
    total_seconds_median: float  # one whole training run (all epochs, history included), median over repeats
    setup_seconds_first: float  # set-up of the first run measured here; holds one-time costs if none were paid yet
    setup_seconds_warm: float | None  # median set-up of the later runs; None when there is no later run
    epochs_timed: int  # epoch times behind the percentiles, all measured repeats together


def epoch_percentiles(epoch_seconds: Sequence[float] | np.ndarray) -> tuple[float, float, float]:
    """25th percentile, median and 75th percentile of epoch times (NaN for no epochs), in seconds."""
    seconds = np.asarray(epoch_seconds, dtype=np.float64)
    if seconds.size == 0:
        return math.nan, math.nan, math.nan
    p25, median, p75 = np.percentile(seconds, [25, 50, 75])
    return float(p25), float(median), float(p75)


def check_runtime_size(model: Model, n_samples: int, method: str, epochs: int, repeats: int = 3,
                       warmup: int = 1, argument: str = "repeats") -> None:
    """Refuse a runtime measurement (``warmup + repeats`` runs of ``epochs`` epochs over ``n_samples`` samples) above
    MAX_RUNTIME_EPOCHS or the call's time bound, before anything runs: what ``measure_runtime`` checks, for a caller
    (the command line) that must know before it starts its other work. ``argument`` names what to change in the
    message."""
    model = check_model(model)
    n_samples = check_int_range("n_samples", n_samples, 1, sys.maxsize)
    method = check_choice("method", method, METHODS)
    epochs = check_epochs(epochs)
    repeats = check_int_range("repeats", repeats, 1, 100)
    warmup = check_int_range("warmup", warmup, 0, 10)
    if not isinstance(argument, str):
        raise ArgumentTypeError(f"argument must be str, got {shown(argument)}")
    if (warmup + repeats) * epochs > MAX_RUNTIME_EPOCHS:
        raise ValueError(f"{argument}: (warmup + repeats) x epochs = ({warmup} + {repeats}) x {epochs} = "
                         f"{(warmup + repeats) * epochs:,} epochs, more than MAX_RUNTIME_EPOCHS = "
                         f"{MAX_RUNTIME_EPOCHS:,}; use fewer repeats or epochs")
    check_training_size(model, n_samples, epochs, (method,) * (warmup + repeats), argument=argument)


@grad_enabled
def measure_runtime(model: Model, data: object, method: str, learning_rate: float, epochs: int, *, repeats: int = 3,
                    warmup: int = 1) -> RuntimeMeasurement:
    """Time ``repeats`` training runs after ``warmup`` runs; per-epoch times come from the trainer's own clock.

    ``repeats`` in [1, 100], ``warmup`` in [0, 10], and (warmup + repeats) x epochs at most ``MAX_RUNTIME_EPOCHS``
    (and within ``MAX_CALL_SECONDS`` of estimated time): refused up front otherwise.

    Examples
    --------
    >>> import bp_core
    >>> m = bp_core.measure.measure_runtime(bp_core.Line(), bp_core.seed_line(), "manual", 0.01, 100)
    >>> m.seconds_per_epoch_p25 <= m.seconds_per_epoch_median <= m.seconds_per_epoch_p75
    True
    """
    model = check_model(model)
    dataset = as_dataset(data, model.in_features, model.out_features)
    method = check_choice("method", method, METHODS)
    learning_rate, epochs = check_learning_rate(learning_rate), check_epochs(epochs)
    check_runtime_size(model, dataset.n_samples, method, epochs, repeats, warmup)
    runs: list[tuple[TrainResult, float]] = []
    for _ in range(warmup + repeats):
        start = time.perf_counter()
        result = train(model, dataset, method, learning_rate, epochs)
        runs.append((result, time.perf_counter() - start))
    measured = runs[warmup:]
    epoch_seconds = np.concatenate([r.epoch_seconds for r, _ in measured])
    p25, median, p75 = epoch_percentiles(epoch_seconds) if epoch_seconds.size else (None, None, None)
    return RuntimeMeasurement(
        method=method, epochs=epochs, repeats=repeats,
        seconds_per_epoch_median=median, seconds_per_epoch_p25=p25, seconds_per_epoch_p75=p75,
        total_seconds_median=float(np.median([seconds for _, seconds in measured])),
        setup_seconds_first=runs[0][0].setup_seconds,
        setup_seconds_warm=float(np.median([r.setup_seconds for r, _ in runs[1:]])) if len(runs) > 1 else None,
        epochs_timed=int(epoch_seconds.size),
    )
