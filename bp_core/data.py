"""The lecture's data sets and the checks applied to data a user brings."""

from __future__ import annotations

from dataclasses import dataclass

import torch


@dataclass(frozen=True)
class Dataset:
    """Inputs ``x`` (N, in_features) and targets ``y`` (N, out_features), float32 unless stated."""

    x: torch.Tensor
    y: torch.Tensor
    name: str = "custom"

    @property
    def n_samples(self) -> int:
        return self.x.shape[0]

    def to(self, dtype: torch.dtype) -> Dataset:
        """A copy with both tensors cast to ``dtype``."""
        return Dataset(self.x.to(dtype), self.y.to(dtype), self.name)


def seed_line() -> Dataset:
    """The lecture's points on y = 2x + 1: x = [1, 2, 3, 4], y = [3, 5, 7, 9], each shaped (4, 1).

    Examples
    --------
    >>> seed_line().x.shape
    torch.Size([4, 1])
    """
    x = torch.tensor([[1.0], [2.0], [3.0], [4.0]])  # (4, 1)
    y = torch.tensor([[3.0], [5.0], [7.0], [9.0]])  # (4, 1)
    return Dataset(x, y, "seed_line")


def half_adder() -> Dataset:
    """All inputs {0, 1}^2 with targets [sum, carry] = [a XOR b, a AND b], each shaped (4, 2).

    Examples
    --------
    >>> half_adder().y.tolist()
    [[0.0, 0.0], [1.0, 0.0], [1.0, 0.0], [0.0, 1.0]]
    """
    x = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])  # (4, 2)
    y = torch.tensor([[0.0, 0.0], [1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])  # (4, 2): [XOR, AND]
    return Dataset(x, y, "half_adder")


def _as_matrix(name: str, value, dtype: torch.dtype) -> torch.Tensor:
    try:
        tensor = torch.as_tensor(value, dtype=dtype) if not isinstance(value, torch.Tensor) else value.to(dtype)
    except (TypeError, ValueError, RuntimeError) as error:
        raise ValueError(f"{name} must be a 2-D array of numbers: {error}") from None
    if tensor.dim() != 2:
        raise ValueError(f"{name} must be 2-D (samples, features), got shape {tuple(tensor.shape)}")
    if tensor.shape[0] < 1:
        raise ValueError(f"{name} must have at least 1 row, got 0")
    if not torch.isfinite(tensor).all():
        raise ValueError(f"{name} must hold only finite numbers (no NaN or inf)")
    return tensor


def make_dataset(x, y, in_features: int | None = None, out_features: int | None = None,
                 dtype: torch.dtype = torch.float32, name: str = "custom") -> Dataset:
    """Check and convert user data: 2-D, finite, same number of rows, at least one row, widths that fit the model.

    Raises ``ValueError`` naming ``x`` or ``y``.

    Examples
    --------
    >>> make_dataset([[0.0], [1.0]], [[1.0], [3.0]], 1, 1).n_samples
    2
    """
    x_tensor = _as_matrix("x", x, dtype)
    y_tensor = _as_matrix("y", y, dtype)
    if x_tensor.shape[0] != y_tensor.shape[0]:
        raise ValueError(f"x and y must have the same number of rows, got {x_tensor.shape[0]} and {y_tensor.shape[0]}")
    if in_features is not None and x_tensor.shape[1] != in_features:
        raise ValueError(f"x must have {in_features} column(s) for this model, got {x_tensor.shape[1]}")
    if out_features is not None and y_tensor.shape[1] != out_features:
        raise ValueError(f"y must have {out_features} column(s) for this model, got {y_tensor.shape[1]}")
    return Dataset(x_tensor, y_tensor, name)


def as_dataset(data, in_features: int, out_features: int) -> Dataset:
    """Accept a Dataset or an (x, y) pair and return a checked Dataset that fits the model."""
    if isinstance(data, Dataset):
        x, y, name = data.x, data.y, data.name
    else:
        try:
            x, y = data
        except (TypeError, ValueError):
            raise ValueError("data must be a bp_core.Dataset or a pair (x, y)") from None
        name = "custom"
    dtype = x.dtype if isinstance(x, torch.Tensor) and x.dtype in (torch.float32, torch.float64) else torch.float32
    return make_dataset(x, y, in_features, out_features, dtype=dtype, name=name)
