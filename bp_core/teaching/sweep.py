"""A learning-rate sweep: the same training at log-spaced learning rates, and where the stability bound 2/λmax sits.

Gradient descent on a quadratic loss with Hessian H multiplies the error along H's top eigenvector by
(1 - lr λmax) each step: it shrinks only while |1 - lr λmax| < 1, that is lr < 2/λmax. The line's loss is exactly
quadratic, with H = (2/N) [[Σx², Σx], [Σx, N]] everywhere (``line_hessian``); a network's loss is only locally
quadratic, so its bound holds near the parameters where H was taken.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch

from ..contract import Model, check_model
from ..cost import check_training_size
from ..data import as_dataset
from ..limits import MAX_LEARNING_RATE, check_callable, check_int_range, check_real, smallest_learning_rate
from ..training import train
from .stability import stability_bound

__all__ = ["MAX_RUNS", "MAX_SWEEP_EPOCHS", "MAX_SWEEP_WORK", "learning_rate_sweep", "line_hessian", "LineHessian",
           "Sweep"]

MAX_RUNS = 40
"""Most learning rates in one sweep."""
MAX_SWEEP_EPOCHS = 2000
"""Most epochs per run in a sweep."""
MAX_SWEEP_WORK = 24_000
"""Most epochs in all runs of a sweep together (runs x epochs): about 6 s for the 2-3-2 network here."""


@dataclass(frozen=True, eq=False)
class LineHessian:
    """The line's loss Hessian in closed form (float64) and what it gives."""

    hessian: torch.Tensor  # (2, 2): (2/N) [[Σx², Σx], [Σx, N]]
    lambda_max: float  # (a + c)/2 + sqrt(((a - c)/2)² + b²) for H = [[a, b], [b, c]]
    learning_rate_bound: float  # 2 / lambda_max


def line_hessian(data: object) -> LineHessian:
    """The Hessian of L(w, b) = (1/N) Σ (w x + b - y)² by hand: it depends on x only, not on y, w or b.

    Examples
    --------
    >>> import bp_core
    >>> h = line_hessian(bp_core.seed_line())
    >>> h.hessian.tolist(), round(h.lambda_max, 2), round(h.learning_rate_bound, 4)
    ([[15.0, 5.0], [5.0, 2.0]], 16.7, 0.1198)
    """
    data = as_dataset(data, 1, 1).to(torch.float64)
    x = data.x[:, 0]  # (N,)
    n = x.numel()
    a, b, c = 2 * float((x * x).sum()) / n, 2 * float(x.sum()) / n, 2.0  # ∂²L/∂w², ∂²L/∂w∂b, ∂²L/∂b²
    lambda_max = (a + c) / 2 + math.sqrt(((a - c) / 2) ** 2 + b * b) if math.isfinite(a + b) else math.inf
    if not math.isfinite(lambda_max):
        raise ValueError(f"data: x values this large (|x| up to {float(x.abs().max()):.3g}) overflow the Hessian")
    return LineHessian(torch.tensor([[a, b], [b, c]], dtype=torch.float64), lambda_max, 2.0 / lambda_max)


def check_sweep(low: float, high: float, count: int, epochs: int) -> tuple[float, float, int, int]:
    """The sweep's arguments, checked: smallest_learning_rate() <= low < high <= MAX_LEARNING_RATE (float32 data: the
    presets'), count and epochs capped, bounded work."""
    low = check_real("low", low, smallest_learning_rate(), MAX_LEARNING_RATE)  # below it train() refuses: said here
    high = check_real("high", high, smallest_learning_rate(), MAX_LEARNING_RATE)
    if not low < high:
        raise ValueError(f"low must be below high, got low={low!r}, high={high!r}")
    count = check_int_range("count", count, 2, MAX_RUNS)
    epochs = check_int_range("epochs", epochs, 1, MAX_SWEEP_EPOCHS)
    if count * epochs > MAX_SWEEP_WORK:
        raise ValueError(f"count x epochs must be at most {MAX_SWEEP_WORK} (the sweep would take too long), "
                         f"got {count} x {epochs} = {count * epochs}")
    return low, high, count, epochs


def learning_rates(low: float, high: float, count: int) -> np.ndarray:
    """``count`` log-spaced learning rates from ``low`` to ``high``, both included.

    Examples
    --------
    >>> learning_rates(0.001, 0.1, 3).tolist()
    [0.001, 0.01, 0.1]
    """
    low, high, count, _ = check_sweep(low, high, count, 1)
    rates = np.geomspace(low, high, count)
    rates[0], rates[-1] = low, high  # exact ends, not exp(log(.)) round trips
    return rates


@dataclass(frozen=True, eq=False)
class Sweep:
    """One manual training run per learning rate, from the same start."""

    table: pd.DataFrame  # learning_rate, final_loss, initial_loss, epochs_run, diverged_at (<NA> if none), diverging
    losses: pd.DataFrame  # learning_rate, epoch, loss: every recorded row of every run
    epochs: int  # requested per run
    lambda_max: float  # of the Hessian at the start
    learning_rate_bound: float  # 2 / lambda_max at the start
    exact_bound: bool  # True when the loss is quadratic (the line): the bound holds everywhere


def learning_rate_sweep(model: Model, data: object, low: float, high: float, count: int, epochs: int,
                        progress: Callable[[int, int], None] | None = None) -> Sweep:
    """Train ``model`` by hand at ``count`` log-spaced learning rates in [low, high] for ``epochs`` each.

    A run is *diverging* when training stopped on a non-finite or exploding loss (``diverged_at``) or when its last
    loss is above its first. Such runs are kept in the table; their loss rows stop where training stopped.

    Parameters
    ----------
    low, high : float
        0 < low < high <= MAX_LEARNING_RATE (100).
    count : int in [2, MAX_RUNS]
    epochs : int in [1, MAX_SWEEP_EPOCHS]; count x epochs <= MAX_SWEEP_WORK.
    progress : callable(done_runs, total_runs), optional

    Examples
    --------
    >>> import bp_core
    >>> sweep = learning_rate_sweep(bp_core.Line(), bp_core.seed_line(), 0.01, 0.2, 4, 100)
    >>> sweep.table["diverging"].tolist(), round(sweep.learning_rate_bound, 4)
    ([False, False, False, True], 0.1198)
    """
    model = check_model(model)
    low, high, count, epochs = check_sweep(low, high, count, epochs)
    progress = check_callable("progress", progress, "done_runs, total_runs")
    data = as_dataset(data, model.in_features, model.out_features)
    check_training_size(model, data.n_samples, epochs, ("manual",) * count)  # a big model or data: bounded time too
    bound = stability_bound(model, None, data)
    rows, frames = [], []
    for index, rate in enumerate(learning_rates(low, high, count)):
        result = train(model, data, "manual", float(rate), epochs)
        losses = result.history["loss"].to_numpy()  # empty when the loss was not finite at epoch 0
        final, initial = (float(losses[-1]), float(losses[0])) if len(losses) else (math.nan, math.nan)
        diverging = result.diverged_at is not None or not final <= initial
        rows.append({"learning_rate": float(rate), "final_loss": final, "initial_loss": initial,
                     "epochs_run": result.epochs_run, "diverged_at": result.diverged_at, "diverging": diverging})
        frames.append(pd.DataFrame({"learning_rate": float(rate), "epoch": result.history["epoch"], "loss": losses}))
        if progress is not None:
            progress(index + 1, count)
    table = pd.DataFrame(rows).astype({"diverged_at": "Int64"})
    return Sweep(table, pd.concat(frames, ignore_index=True), epochs, bound.lambda_max, bound.learning_rate_bound,
                 exact_bound=model.quadratic_loss)

