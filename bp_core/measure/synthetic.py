"""Seeded synthetic data that fits a model, for the scaling study and the processes that measure it (the parent and
a fresh probe build the same rows from the same seed, so a million rows need not cross a pipe)."""

from __future__ import annotations

import torch

from ..contract import Model
from ..data import Dataset
from ..limits import check_int_range

__all__ = ["MAX_SYNTHETIC_ROWS", "synthetic_data"]

MAX_SYNTHETIC_ROWS = 10_000_000
"""Most rows ``synthetic_data`` makes (the scaling study's largest n_samples)."""


def synthetic_data(model: Model, n: int, seed: int = 0) -> Dataset:
    """``n`` rows that fit ``model``: one input and one output (the line) get y = 2x + 1 plus small noise on x in
    [-1, 1]; any other widths (a network) get inputs uniform in [0, 1] and targets in {0, 1} (the half adder's kind
    of task); from a seeded generator.

    Examples
    --------
    >>> import bp_core
    >>> synthetic_data(bp_core.MLP(), 10).y.shape
    torch.Size([10, 2])
    """
    n = check_int_range("n", n, 1, MAX_SYNTHETIC_ROWS)
    generator = torch.Generator().manual_seed(seed)
    if model.in_features == model.out_features == 1:  # one input, one output: the lecture's line's kind of data
        x = torch.linspace(-1, 1, n).reshape(n, 1)  # (N, 1)
        return Dataset(x, 2 * x + 1 + 0.01 * torch.randn(n, 1, generator=generator), f"line_{n}")
    x = torch.rand(n, model.in_features, generator=generator)  # (N, in)
    y = (torch.rand(n, model.out_features, generator=generator) > 0.5).to(torch.float32)  # (N, out)
    return Dataset(x, y, f"synthetic_{n}")
