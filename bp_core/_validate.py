"""Argument checks for the public entry points: each raises ValueError naming the argument and what is allowed."""

from __future__ import annotations

import math
import numbers

MAX_EPOCHS = 200_000
"""Upper bound on ``epochs`` accepted by the library (the dashboard uses a lower cap)."""

MAX_LEARNING_RATE = 100.0
"""Upper bound on ``learning_rate``; anything larger diverges on every model here."""

MAX_SEED = 2**31 - 1
"""Largest initialisation seed (a torch.Generator takes 64-bit seeds; 32 bits keep links and widgets simple)."""

METHODS = ("manual", "autograd")


def check_learning_rate(learning_rate: float) -> float:
    """Return ``learning_rate`` as float if it lies in (0, MAX_LEARNING_RATE]."""
    message = f"learning_rate must be a finite number in (0, {MAX_LEARNING_RATE:g}], got {learning_rate!r}"
    try:
        value = float(learning_rate)
    except (TypeError, ValueError):
        raise ValueError(message) from None
    if not math.isfinite(value) or value <= 0 or value > MAX_LEARNING_RATE:
        raise ValueError(message)
    return value


def check_int_range(name: str, value: int, low: int, high: int) -> int:
    """Return ``value`` as int if it is an integer (Python or NumPy, not bool) in [low, high]."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be an integer in [{low}, {high}], got {value!r}")
    if not low <= value <= high:
        raise ValueError(f"{name} must be an integer in [{low}, {high}], got {value}")
    return int(value)


def check_epochs(epochs: int) -> int:
    """Return ``epochs`` if it is an integer in [1, MAX_EPOCHS]."""
    return check_int_range("epochs", epochs, 1, MAX_EPOCHS)


def check_choice(name: str, value: str, allowed: tuple[str, ...]) -> str:
    """Return ``value`` if it is one of ``allowed``."""
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, allowed))}, got {value!r}")
    return value
