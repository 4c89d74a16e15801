"""The lecture's data sets and the checks applied to data a user brings."""

from __future__ import annotations

from dataclasses import dataclass

import torch

from .limits import ArgumentTypeError, check_float_dtype, check_int_range, check_matrix

__all__ = ["Dataset", "half_adder", "make_dataset", "seed_line", "xor"]


@dataclass(frozen=True)
class Dataset:
    """Inputs ``x`` (N, in_features) and targets ``y`` (N, out_features), float32 unless stated."""

    x: torch.Tensor
    y: torch.Tensor
    name: str = "custom"

    def __post_init__(self) -> None:
        for label, tensor in (("x", self.x), ("y", self.y)):
            if not isinstance(tensor, torch.Tensor) or tensor.dim() != 2 or tensor.dtype not in (torch.float32,
                                                                                                 torch.float64):
                raise ArgumentTypeError(f"Dataset.{label} must be a 2-D float32 or float64 tensor; build data with "
                                        f"bp_core.make_dataset(x, y), got {type(tensor).__name__}")
        if self.x.shape[0] != self.y.shape[0]:
            raise ValueError(f"Dataset.x and Dataset.y must have the same number of rows, got {self.x.shape[0]} "
                             f"and {self.y.shape[0]}")
        if not isinstance(self.name, str):
            raise ArgumentTypeError(f"Dataset.name must be a str, got {type(self.name).__name__}")

    @property
    def n_samples(self) -> int:
        return self.x.shape[0]

    def to(self, dtype: torch.dtype) -> Dataset:
        """A copy with both tensors cast to ``dtype`` (torch.float32 or torch.float64)."""
        dtype = check_float_dtype("dtype", dtype)
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


def xor() -> Dataset:
    """All inputs {0, 1}^2 with the target a XOR b, shaped (4, 1): the classic problem no line can fit (no straight
    line separates the inputs whose target is 1 from those whose target is 0), so a network needs a hidden layer.

    Examples
    --------
    >>> xor().y.reshape(-1).tolist()
    [0.0, 1.0, 1.0, 0.0]
    """
    x = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])  # (4, 2)
    y = torch.tensor([[0.0], [1.0], [1.0], [0.0]])  # (4, 1): a XOR b
    return Dataset(x, y, "xor")


def make_dataset(x: object, y: object, in_features: int | None = None, out_features: int | None = None,
                 dtype: torch.dtype = torch.float32, name: str = "custom") -> Dataset:
    """Check and convert user data: 2-D, real, finite, same number of rows, at least 1 row (no upper bound here:
    ``train`` checks the run's working set against the memory budget), widths that fit the model (``in_features``,
    ``out_features``; None: any), cast to ``dtype`` (torch.float32 or torch.float64).

    Tensors, NumPy arrays, DataFrames and nested lists of real numbers are accepted; bool, complex and text are
    not. A tensor that requires grad is detached. Raises ``ValueError`` (``TypeError`` for a wrong type) naming
    the argument.

    Examples
    --------
    >>> make_dataset([[0.0], [1.0]], [[1.0], [3.0]], 1, 1).n_samples
    2
    """
    dtype = check_float_dtype("dtype", dtype)
    if not isinstance(name, str):
        raise ArgumentTypeError(f"name must be a str, got {type(name).__name__}")
    features = {}
    for label, value in (("in_features", in_features), ("out_features", out_features)):
        features[label] = None if value is None else check_int_range(label, value, 1, 10_000)
    x_tensor = check_matrix("x", x, dtype, None)
    y_tensor = check_matrix("y", y, dtype, None)
    if x_tensor.shape[0] != y_tensor.shape[0]:
        raise ValueError(f"x and y must have the same number of rows, got x of shape {tuple(x_tensor.shape)} and "
                         f"y of shape {tuple(y_tensor.shape)}")
    for label, tensor, feature in (("x", x_tensor, "in_features"), ("y", y_tensor, "out_features")):
        width = features[feature]
        if width is not None and tensor.shape[1] != width:
            raise ValueError(f"{label} has shape {tuple(tensor.shape)}, but the model reads {width} column(s) "
                             f"({feature}={width}): {label} must have shape (samples, {width})")
    return Dataset(x_tensor, y_tensor, name)


def as_dataset(data: object, in_features: int, out_features: int) -> Dataset:
    """Accept a Dataset or an (x, y) pair and return a checked Dataset that fits the model."""
    if isinstance(data, Dataset):
        x, y, name = data.x, data.y, data.name
    elif isinstance(data, (tuple, list)) and len(data) == 2:
        (x, y), name = data, "custom"
    else:
        raise ArgumentTypeError(f"data must be a bp_core.Dataset or a pair (x, y), got {type(data).__name__}"
                                + (f" of length {len(data)}" if isinstance(data, (tuple, list)) else ""))
    dtype = x.dtype if isinstance(x, torch.Tensor) and x.dtype in (torch.float32, torch.float64) else torch.float32
    return make_dataset(x, y, in_features, out_features, dtype=dtype, name=name)
