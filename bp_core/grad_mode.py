"""Autograd on at the public door, whatever mode the caller is in.

A notebook user may call bp_core inside ``torch.no_grad()`` or ``torch.inference_mode()``. The functions that need
autograd's graph (the autograd method, gradients, checks, the Hessian, measurement of what backward keeps) run their
body with gradients enabled, as ``torch.autograd.gradcheck`` does, and give the same result as outside. Tensors the
caller made in inference mode cannot be saved for backward, so those arguments are copied to ordinary tensors first;
other arguments are passed as they are (a caller's tensors are never changed).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import Any, TypeVar

import torch

__all__ = ["grad_enabled"]

F = TypeVar("F", bound=Callable[..., Any])


def _ordinary(value: Any) -> Any:
    """``value`` with every inference-mode tensor inside it (directly, in a dict, list or tuple, or in a dataclass such
    as a Dataset) replaced by an ordinary copy; the same object when there is none."""
    if isinstance(value, torch.Tensor):
        return value.clone() if value.is_inference() else value
    if isinstance(value, dict):
        copied = {key: _ordinary(item) for key, item in value.items()}
        return value if all(copied[key] is value[key] for key in value) else copied
    if type(value) in (list, tuple):
        copied_items = [_ordinary(item) for item in value]
        return value if all(a is b for a, b in zip(copied_items, value)) else type(value)(copied_items)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value) if f.init}
        copied_fields = {name: _ordinary(item) for name, item in fields.items()}
        if any(copied_fields[name] is not fields[name] for name in fields):
            return dataclasses.replace(value, **copied_fields)
    return value


def grad_enabled(function: F) -> F:
    """Decorate a public function that needs autograd: its body runs with gradients enabled and outside inference
    mode, on ordinary copies of any inference-mode tensors it was given.

    Examples
    --------
    >>> @grad_enabled
    ... def slope(x):
    ...     x = x.clone().requires_grad_(True)
    ...     (x ** 2).sum().backward()
    ...     return x.grad
    >>> with torch.inference_mode():
    ...     slope(torch.tensor([3.0])).tolist()
    [6.0]
    """

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with torch.inference_mode(False), torch.enable_grad():
            return function(*(_ordinary(a) for a in args), **{k: _ordinary(v) for k, v in kwargs.items()})

    return wrapper  # type: ignore[return-value]
