"""The line's loss over a (w, b) grid, its least-squares solution, and each method's final predictions: what the
Compare page draws beside the training curves."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import torch

from ..data import as_dataset
from ..limits import ArgumentTypeError, check_int_range, check_range_pair, shown
from ..models import predict
from ..training import TrainResult

__all__ = ["MAX_SURFACE_RESOLUTION", "least_squares_line", "loss_surface", "predictions"]

MAX_SURFACE_RESOLUTION = 201
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
    spread = x - x.mean()
    denominator = float((spread * spread).sum())
    w = float((spread * (y - y.mean())).sum()) / denominator if denominator > 0 else 0.0
    return w, float(y.mean()) - w * float(x.mean())


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
    ww, bb = torch.meshgrid(w, b, indexing="ij")  # (R, R)
    x, y = dataset.x.reshape(1, 1, -1), dataset.y.reshape(1, 1, -1)  # (1, 1, N)
    rows = max(1, 2_000_000 // (resolution * dataset.n_samples))  # w-rows per chunk: (rows, R, N) <= 16 MB
    loss = torch.cat([((x * ww[i:i + rows, :, None] + bb[i:i + rows, :, None] - y) ** 2).mean(dim=-1)
                      for i in range(0, resolution, rows)])  # (R, R)
    if not bool(torch.isfinite(loss).all()):
        raise ValueError("w_range, b_range: the loss overflows float64 inside these ranges; use narrower ranges")
    return pd.DataFrame({"w": ww.reshape(-1).numpy(), "b": bb.reshape(-1).numpy(), "loss": loss.reshape(-1).numpy()})
