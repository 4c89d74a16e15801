"""The line's loss over a (w, b) grid, its least-squares solution, and each method's final predictions: what the
Compare page draws beside the training curves."""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd
import torch

from ..data import as_dataset
from ..limits import ArgumentTypeError, check_int_range, check_range_pair, shown
from ..models import predict
from ..training import TrainResult

__all__ = ["MAX_SURFACE_RESOLUTION", "MAX_SURFACE_VALUES", "least_squares_line", "loss_surface", "predictions"]

MAX_SURFACE_RESOLUTION = 201
MAX_SURFACE_VALUES = 500_000_000
"""Most squared errors one surface evaluates (grid points x samples): under a second here in float64, 16 MB at a
time."""
"""Most grid points per axis of ``loss_surface`` (201^2 points; computed a few rows at a time)."""

def predictions(results: dict[str, TrainResult], data: object) -> pd.DataFrame:
    """Inputs, targets and each method's final outputs, one row per sample: columns x[i], y[k], <method> ŷ[k].

    ``results``: a non-empty dict of method name to TrainResult, all of one model (``Comparison.results``)."""
    if not isinstance(results, Mapping) or not results or any(
            not isinstance(k, str) or not isinstance(v, TrainResult) for k, v in results.items()):
        raise ArgumentTypeError(f"results must be a non-empty dict of method name to bp_core.TrainResult (such as "
                                f"Comparison.results), got {shown(results)}")
    first = next(iter(results.values()))
    if any(r.model != first.model for r in results.values()):
        raise ValueError("results must all come from the same model")
    dataset = as_dataset(data, first.model.in_features, first.model.out_features)
    frame = pd.DataFrame(dataset.x.double().numpy(), columns=[f"x[{i}]" for i in range(dataset.x.shape[1])])
    for k in range(dataset.y.shape[1]):
        frame[f"y[{k}]"] = dataset.y[:, k].double().numpy()
    with torch.no_grad():
        for method, result in results.items():
            y_hat = predict(result.model, result.params, dataset.x)  # (N, K)
            for k in range(y_hat.shape[1]):
                frame[f"{method} ŷ[{k}]"] = y_hat[:, k].double().numpy()
    return frame


def least_squares_line(data: object) -> tuple[float, float]:
    """The (w, b) of least squares on the line's data (float64); where all x are equal, w = 0 and b = mean(y).

    Examples
    --------
    >>> import bp_core
    >>> least_squares_line(bp_core.seed_line())
    (2.0, 1.0)
    """
    dataset = as_dataset(data, 1, 1).to(torch.float64)
    x, y = dataset.x[:, 0], dataset.y[:, 0]
    x_mean, y_mean = _mean(x), _mean(y)
    spread, rise = x - x_mean, y - y_mean  # each scaled by its largest size below, so no square overflows
    x_scale, y_scale = float(spread.abs().max()), float(rise.abs().max())
    if not (math.isfinite(x_scale) and math.isfinite(y_scale)):
        raise ValueError("data: x or y spans more than float64 holds (a difference overflows); use smaller values")
    if x_scale == 0:
        w = 0.0
    else:
        a, c = spread / x_scale, rise / y_scale if y_scale > 0 else rise
        w = float((a * c).sum() / (a * a).sum()) * ((y_scale if y_scale > 0 else 1.0) / x_scale)
    b = y_mean - w * x_mean
    if not (math.isfinite(w) and math.isfinite(b)):
        raise ValueError(f"data: the least-squares line is not finite in float64 (w = {w!r}, b = {b!r}); use "
                         "smaller values")
    return w, b


def _mean(values: torch.Tensor) -> float:
    """The mean in float64 without overflow: of the values divided by the largest size, then scaled back."""
    scale = float(values.abs().max())
    return 0.0 if scale == 0 else float((values / scale).mean()) * scale


def loss_surface(data: object, w_range: tuple[float, float], b_range: tuple[float, float], resolution: int = 41
                 ) -> pd.DataFrame:
    """The line's MSE over a (w, b) grid: columns ``w``, ``b``, ``loss`` (resolution^2 rows), computed in float64.

    ``w_range``, ``b_range``: pairs (low, high) of finite real numbers; ``resolution``: an integer in [2, 201]. The
    grid is computed a few rows at a time, so memory stays small at 10,000 samples.

    Examples
    --------
    >>> import bp_core
    >>> s = bp_core.teaching.loss_surface(bp_core.seed_line(), (0, 4), (-1, 3), 5)
    >>> float(s.loc[(s.w == 2) & (s.b == 1), "loss"].iloc[0])
    0.0
    """
    dataset = as_dataset(data, 1, 1).to(torch.float64)
    w_range, b_range = check_range_pair("w_range", w_range), check_range_pair("b_range", b_range)
    resolution = check_int_range("resolution", resolution, 2, MAX_SURFACE_RESOLUTION)
    w = torch.linspace(w_range[0], w_range[1], resolution, dtype=torch.float64)
    b = torch.linspace(b_range[0], b_range[1], resolution, dtype=torch.float64)
    values = resolution * resolution * dataset.n_samples
    if values > MAX_SURFACE_VALUES:
        raise ValueError(f"data: the surface evaluates {resolution}^2 grid points x {dataset.n_samples:,} samples = "
                         f"{values:,} errors, more than MAX_SURFACE_VALUES = {MAX_SURFACE_VALUES:,}; use fewer "
                         "samples or a lower resolution")
    ww, bb = torch.meshgrid(w, b, indexing="ij")  # (R, R)
    points_w, points_b = ww.reshape(-1, 1), bb.reshape(-1, 1)  # (R², 1)
    x, y = dataset.x.reshape(1, -1), dataset.y.reshape(1, -1)  # (1, N)
    step = max(1, 2_000_000 // dataset.n_samples)  # grid points per chunk: (step, N) <= 16 MB, or one point's N
    loss = torch.cat([((x * points_w[i:i + step] + points_b[i:i + step] - y) ** 2).mean(dim=-1)
                      for i in range(0, len(points_w), step)]).reshape(resolution, resolution)  # (R, R)
    if not bool(torch.isfinite(loss).all()):
        raise ValueError("w_range, b_range: the loss overflows float64 inside these ranges; use narrower ranges")
    return pd.DataFrame({"w": ww.reshape(-1).numpy(), "b": bb.reshape(-1).numpy(), "loss": loss.reshape(-1).numpy()})
