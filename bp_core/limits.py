"""Argument checks for the public entry points, and the bounds on the work one call may do.

Each check returns the value as the library uses it, or raises: ``ValueError`` for a value out of range,
``ArgumentTypeError`` (a ``TypeError`` that is also a ``ValueError``, so ``except ValueError`` keeps working) for a
value of the wrong type. Every message names the argument, what is allowed, and what was given.
"""

from __future__ import annotations

import inspect
import math
import numbers
import re
import sys
from collections.abc import Callable
from typing import Any

import numpy as np
import torch

__all__ = ["FLOAT_DTYPES", "MAX_EPOCHS", "MAX_HISTORY_CELLS", "MAX_LEARNING_RATE", "MAX_NUMBER_TEXT",
           "MAX_RUNTIME_EPOCHS", "MAX_SEED", "METHODS", "NATURAL_TEXT", "REAL_TEXT", "ArgumentTypeError",
           "check_epochs", "check_learning_rate", "smallest_learning_rate"]

REAL_TEXT = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
"""The one grammar of a number a person types (the dashboard's cells and links, the command line's flags): ASCII
digits, an optional sign, point and exponent (``2``, ``-0.5``, ``1e-3``); no ``1_0``, no other scripts' digits."""
NATURAL_TEXT = re.compile(r"[0-9]+")
"""A whole number in the same grammar: ASCII digits only."""
MAX_NUMBER_TEXT = 40
"""Longest number text read (a float64's repr needs at most 24 characters)."""

MAX_EPOCHS = 200_000
"""Upper bound on ``epochs`` accepted by the library (the dashboard uses a lower cap)."""

MAX_LEARNING_RATE = 100.0
"""Upper bound on ``learning_rate``; anything larger diverges on every model here."""

MAX_SEED = 2**31 - 1
"""Largest initialisation seed (a torch.Generator takes 64-bit seeds; 32 bits keep links and widgets simple)."""

MAX_HISTORY_CELLS = 20_000_000
"""Most parameter values one training history may hold: (epochs + 1) x parameters. The history is float64 (153 MiB at
the cap) and the run keeps each row's parameters and gradient until it ends: measured here, peak RSS +660 MiB."""

MAX_RUNTIME_EPOCHS = 4 * MAX_EPOCHS
"""Most epochs ``measure_runtime`` may run in all, (warmup + repeats) x epochs: the command line's default of one
warm-up and three repeats at ``MAX_EPOCHS``."""

METHODS = ("manual", "autograd")
FLOAT_DTYPES = (torch.float32, torch.float64)


class ArgumentTypeError(TypeError, ValueError):
    """An argument of the wrong type. Both a TypeError and a ValueError, so callers may catch either."""


def clipped(text: str, most: int, mark: str = "...") -> str:
    """``text`` if it has at most ``most`` characters, else its start followed by ``mark``, ``most`` characters in
    all: how a message quotes a value, here and in the dashboard (which quotes what a learner typed).

    Examples
    --------
    >>> clipped("abcdefgh", 6), clipped("abc", 6)
    ('abc...', 'abc')
    """
    if not isinstance(text, str) or not isinstance(mark, str):
        raise ArgumentTypeError(f"text and mark must be str, got {type(text).__name__} and {type(mark).__name__}")
    most = check_int_range("most", most, len(mark), sys.maxsize)
    return text if len(text) <= most else text[: most - len(mark)] + mark


def shown(value: object) -> str:
    """``value`` for a message: its type and a short repr (a huge integer by its size: repr refuses > 4300 digits)."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool) and abs(int(value)) > 10**30:
        return f"an integer of {int(value).bit_length()} bits"
    if isinstance(value, (torch.Tensor, np.ndarray)):
        return f"{type(value).__name__} of shape {tuple(value.shape)} ({value.dtype})"
    try:
        text = repr(value)
    except ValueError:  # e.g. a tuple holding an integer too long to print
        return type(value).__name__
    return f"{type(value).__name__} {clipped(text, 80)}"


def check_real(name: str, value: object, low: float = -math.inf, high: float = math.inf, *,
               low_open: bool = False, high_open: bool = False) -> float:
    """Return ``value`` as float if it is a real number (int, float, NumPy number; not bool, not str) in the range.

    The range is [low, high], with open ends where asked; the value must be finite in any case.
    """
    if math.isinf(low) and math.isinf(high):
        allowed = "a finite real number"
    elif math.isinf(high):
        allowed = f"a finite real number {'>' if low_open else '>='} {low:g}"
    else:
        allowed = f"a finite real number in {'(' if low_open else '['}{low:g}, {high:g}{')' if high_open else ']'}"
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise ArgumentTypeError(f"{name} must be {allowed}, got {shown(value)}")
    try:
        number = float(value)
    except OverflowError:  # an integer beyond float range
        raise ValueError(f"{name} must be {allowed}, got {shown(value)}") from None
    if not math.isfinite(number) or number < low or number > high or (low_open and number == low) or (
            high_open and number == high):
        raise ValueError(f"{name} must be {allowed}, got {value!r}")
    return number


def check_learning_rate(learning_rate: float) -> float:
    """Return ``learning_rate`` as float if it is a real number in (0, MAX_LEARNING_RATE] (no str, no bool)."""
    return check_real("learning_rate", learning_rate, 0.0, MAX_LEARNING_RATE, low_open=True)


def check_trainable_rate(learning_rate: float, dtype: torch.dtype) -> float:
    """``check_learning_rate``, and at least ``smallest_learning_rate(dtype)``: what ``train`` and ``manual_step``
    accept for data of ``dtype``."""
    learning_rate = check_learning_rate(learning_rate)
    tiny = smallest_learning_rate(dtype)
    if learning_rate < tiny:  # a subnormal rate: lr * gradient rounds to zero or loses its digits, nothing trains
        raise ValueError(f"learning_rate must be at least {tiny:.3g}, the smallest normal {dtype} number, "
                         f"got {learning_rate!r}")
    return learning_rate


def smallest_learning_rate(dtype: torch.dtype = torch.float32) -> float:
    """The smallest learning rate bp_core trains with on data of ``dtype``: its smallest normal number (below it,
    lr x gradient is subnormal or rounds to zero, and nothing trains). ``train`` and ``learning_rate_sweep`` refuse
    less; the dashboard checks typed rates against it before anything is queued.

    >>> smallest_learning_rate()
    1.1754943508222875e-38
    """
    return float(torch.finfo(check_float_dtype("dtype", dtype)).tiny)


def check_int_range(name: str, value: int, low: int, high: int) -> int:
    """Return ``value`` as int if it is an integer (Python or NumPy, not bool) in [low, high]."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise ArgumentTypeError(f"{name} must be an integer in [{low}, {high}], got {shown(value)}")
    if not low <= value <= high:
        raise ValueError(f"{name} must be an integer in [{low}, {high}], got {shown(value)}")
    return int(value)


def check_epochs(epochs: int) -> int:
    """Return ``epochs`` if it is an integer in [1, MAX_EPOCHS]."""
    return check_int_range("epochs", epochs, 1, MAX_EPOCHS)


def check_bool(name: str, value: object) -> bool:
    """Return ``value`` if it is True or False (a NumPy bool too); nothing else counts as a flag."""
    if not isinstance(value, (bool, np.bool_)):
        raise ArgumentTypeError(f"{name} must be True or False, got {shown(value)}")
    return bool(value)


def check_callable(name: str, value: object, arguments: str) -> Callable[..., Any] | None:
    """Return ``value`` if it is None or a callable that accepts the ``arguments`` it will be given (by position)."""
    n_args = len(arguments.split(","))
    if value is None:
        return None
    if not callable(value) or isinstance(value, type):  # a class is callable, but building one is no report
        raise ArgumentTypeError(f"{name} must be None or a callable({arguments}), got {shown(value)}")
    try:
        signature = inspect.signature(value)
    except (TypeError, ValueError):  # some builtins have no signature; they are called as they are
        return value
    try:
        signature.bind(*range(n_args))
    except TypeError:
        raise ArgumentTypeError(f"{name} must accept {n_args} positional arguments ({arguments}); "
                                f"{getattr(value, '__name__', type(value).__name__)}{signature} does not") from None
    return value


def check_choice(name: str, value: str, allowed: tuple[str, ...]) -> str:
    """Return ``value`` if it is one of the strings ``allowed``."""
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{name} must be one of {', '.join(map(repr, allowed))}, got {shown(value)}")
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, allowed))}, got {value!r}")
    return value


def check_methods(methods: object, *, allow_str: bool = False) -> tuple[str, ...]:
    """Return ``methods`` as a tuple if it is a non-empty list or tuple of distinct names from METHODS (or one
    name, where ``allow_str``)."""
    if allow_str and isinstance(methods, str):
        return (check_choice("methods", methods, METHODS),)
    message = f"methods must be a non-empty tuple of distinct names from {METHODS}, got {shown(methods)}"
    if not isinstance(methods, (tuple, list)):
        raise ArgumentTypeError(message)
    if not methods or any(not isinstance(m, str) or m not in METHODS for m in methods) or len(set(methods)) != len(
            methods):
        raise ValueError(message)
    return tuple(methods)


def check_float_dtype(name: str, dtype: object) -> torch.dtype:
    """Return ``dtype`` if it is torch.float32 or torch.float64 (an integer dtype would truncate 1.5 to 1)."""
    if not isinstance(dtype, torch.dtype) or dtype not in FLOAT_DTYPES:
        raise ArgumentTypeError(f"{name} must be torch.float32 or torch.float64, got {shown(dtype)}")
    return dtype


def check_range_pair(name: str, value: object) -> tuple[float, float]:
    """Return ``value`` as (low, high) if it is a pair of finite real numbers with low < high."""
    allowed = f"{name} must be a pair (low, high) of finite real numbers with low < high"
    if not isinstance(value, (tuple, list, np.ndarray)) or np.ndim(value) != 1 or len(value) != 2:
        raise ArgumentTypeError(f"{allowed}, got {shown(value)}")
    low, high = (check_real(f"{name}[{i}]", v) for i, v in enumerate(value))
    if not low < high or not math.isfinite(high - low):
        raise ValueError(f"{allowed}, got {(low, high)!r}")
    return low, high


REAL_DTYPES = (torch.float16, torch.bfloat16, torch.float32, torch.float64, torch.uint8, torch.int8, torch.int16,
               torch.int32, torch.int64)
"""The tensor dtypes data may come in (converted to float32 or float64); float8, bool, complex and quantized are
refused."""


def check_matrix(name: str, value: object, dtype: torch.dtype, max_rows: int | None) -> torch.Tensor:
    """Return ``value`` as a 2-D ``dtype`` tensor (samples, columns) of finite real numbers, 1 to ``max_rows`` rows
    (None: no cap; the library bounds rows by its memory budget).

    Accepts a tensor, a NumPy array, a DataFrame or nested lists of real numbers (ints are converted); refuses
    bool, complex, text and objects. A tensor that requires grad is detached: data are constants here.
    """
    allowed = f"{name} must be a 2-D array of real numbers (samples, columns)"
    if isinstance(value, torch.Tensor):
        tensor = value.detach()
        if (tensor.layout != torch.strided or tensor.is_quantized or tensor.dtype not in REAL_DTYPES
                or tensor.device.type not in ("cpu", "cuda")):
            raise ArgumentTypeError(f"{allowed} on the CPU or a GPU, got a {tensor.layout} tensor of {tensor.dtype} "
                                    f"on {tensor.device.type}")
    else:
        try:
            array = np.asarray(value)
        except (TypeError, ValueError, OverflowError) as error:  # ragged lists, objects that refuse conversion
            raise ArgumentTypeError(f"{allowed}, got {shown(value)}: {error}") from None
        if array.dtype.kind not in "iuf":
            raise ArgumentTypeError(f"{allowed}, got {array.dtype} values (NumPy kind {array.dtype.kind!r}): "
                                    f"{shown(value)}")
        tensor = torch.from_numpy(np.array(array, dtype=np.float64))
    if tensor.dim() != 2:
        raise ValueError(f"{allowed}, got shape {tuple(tensor.shape)}")
    if tensor.shape[0] < 1 or tensor.shape[1] < 1:
        raise ValueError(f"{name} must have at least 1 row and 1 column, got shape {tuple(tensor.shape)}")
    if max_rows is not None and tensor.shape[0] > max_rows:
        raise ValueError(f"{name} must have at most {max_rows} rows, got {tensor.shape[0]}")
    if tensor.is_floating_point() and not torch.isfinite(tensor).all():
        raise ValueError(f"{name} must hold only finite numbers (no NaN or inf)")
    converted = tensor.to(dtype)
    if not torch.isfinite(converted).all():
        raise ValueError(f"{name} holds values beyond the range of {str(dtype).replace('torch.', '')} "
                         f"(|value| <= {torch.finfo(dtype).max:.3g})")
    return converted
