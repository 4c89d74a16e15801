"""Limits from memory, not from a page: a run is accepted when its estimated working set fits the memory budget.

The working set of one training run, in bytes: the data (inputs, targets and the design matrix the forward pass
reads), the parameters and their gradients, the tensors kept for the backward pass (counted analytically, the same
count ``count_tensor_bytes`` makes from the tensors themselves), optimizer state, the temporaries of one update and
the history. The budget is 2 GiB unless changed for the process (``set_memory_budget``) or for one call
(``memory_budget_bytes=``); the dashboard keeps its own, lower caps on rows and widths (ui/).
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass

import torch

from .contract import Model, check_model
from .cost import check_seconds, epoch_seconds, forward_seconds, layer_widths, parameter_count
from .history import RecordPolicy
from .limits import METHODS, ArgumentTypeError, check_choice, check_float_dtype, check_int_range, check_real, shown

__all__ = ["DEFAULT_MEMORY_BUDGET_BYTES", "analytic_tensor_bytes", "check_call_work", "check_parameter_memory",
           "estimate_working_set", "format_bytes", "memory_budget_bytes", "set_memory_budget",
           "TensorBytes", "WorkingSet"]

DEFAULT_MEMORY_BUDGET_BYTES = 2 * 1024**3
"""The working set a run may need unless the budget is changed: 2 GiB."""

_budget = {"bytes": DEFAULT_MEMORY_BUDGET_BYTES}


def _check_bytes(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ArgumentTypeError(f"{name} must be a positive integer number of bytes, got {shown(value)}")
    if value < 1:
        raise ValueError(f"{name} must be a positive integer number of bytes, got {shown(value)}")
    return int(value)


def set_memory_budget(budget_bytes: int | None) -> int:
    """Set the working-set budget for every later run in this process (None: back to 2 GiB); return the old one.

    Examples
    --------
    >>> import bp_core
    >>> old = bp_core.budget.set_memory_budget(8 * 1024**3)
    >>> bp_core.budget.memory_budget_bytes()
    8589934592
    >>> _ = bp_core.budget.set_memory_budget(old)
    """
    old = _budget["bytes"]
    _budget["bytes"] = DEFAULT_MEMORY_BUDGET_BYTES if budget_bytes is None else _check_bytes("budget_bytes",
                                                                                             budget_bytes)
    return old


def memory_budget_bytes() -> int:
    """The working-set budget in force, in bytes."""
    return _budget["bytes"]


@dataclass(frozen=True)
class TensorBytes:
    parameter_bytes: int
    gradient_bytes: int
    saved_for_backward_bytes: int  # tensors the backward pass reads, distinct storages, inputs included
    optimizer_state_bytes: int

    def __post_init__(self) -> None:
        for field_name in ("parameter_bytes", "gradient_bytes", "saved_for_backward_bytes", "optimizer_state_bytes"):
            value = getattr(self, field_name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ArgumentTypeError(f"{field_name} must be a whole number of bytes >= 0, got {shown(value)}")

    @property
    def total_bytes(self) -> int:
        return self.parameter_bytes + self.gradient_bytes + self.saved_for_backward_bytes + self.optimizer_state_bytes


def analytic_tensor_bytes(model: Model, n_samples: int, method: str,
                          dtype: torch.dtype = torch.float32) -> TensorBytes:
    """The bytes ``count_tensor_bytes`` counts, from the shapes alone (N samples, the model's widths): parameters,
    gradients, and what the backward keeps, which the model itself says (``Model.saved_values``: the line keeps
    [x, 1] and pred - y; a layered network its input and each layer's n = f(d); autograd's graph a little more).

    Examples
    --------
    >>> import bp_core
    >>> analytic_tensor_bytes(bp_core.Line(), 4, "autograd").saved_for_backward_bytes
    64
    """
    model = check_model(model)
    n = check_int_range("n_samples", n_samples, 1, 2**62)
    method = check_choice("method", method, METHODS)
    size = torch.empty(0, dtype=check_float_dtype("dtype", dtype)).element_size()
    params = parameter_count(model)
    saved = model.saved_values(n, method)  # the model says what its backward keeps (bp_core.contract)
    return TensorBytes(params * size, params * size, saved * size, 0)


@dataclass(frozen=True)
class WorkingSet:
    """Estimated bytes of one training run, by category."""

    data_bytes: int  # x, y and the design matrix
    tensor_bytes: TensorBytes  # parameters, gradients, saved for backward, optimizer state (analytic)
    temporaries_bytes: int  # one update's short-lived tensors: about 3 N x widest layer + 2 P
    history_bytes: int  # losses, gradient norms and recorded parameters

    @property
    def total_bytes(self) -> int:
        return self.data_bytes + self.tensor_bytes.total_bytes + self.temporaries_bytes + self.history_bytes


def estimate_working_set(model: Model, n_samples: int, method: str, epochs: int, policy: RecordPolicy,
                         dtype: torch.dtype = torch.float32) -> WorkingSet:
    """What one run of ``train`` needs, estimated from the shapes (nothing is allocated).

    Examples
    --------
    >>> import bp_core
    >>> policy = bp_core.history.record_policy(bp_core.Line(), "auto", 1000)
    >>> estimate_working_set(bp_core.Line(), 4, "manual", 1000, policy).data_bytes
    64
    """
    tensors = analytic_tensor_bytes(model, n_samples, method, dtype)  # checks model, n_samples, method, dtype
    epochs = check_int_range("epochs", epochs, 1, 2**62)
    if not isinstance(policy, RecordPolicy):
        raise ArgumentTypeError(f"policy must be a bp_core.history.RecordPolicy (from bp_core.history."
                                f"record_policy), got {shown(policy)}")
    data, temporaries = _pass_bytes(model, n_samples, tensors, dtype)
    return WorkingSet(data, tensors, temporaries, policy.history_bytes_estimate(epochs))


def _pass_bytes(model: Model, n_samples: int, tensors: TensorBytes, dtype: torch.dtype) -> tuple[int, int]:
    """The data (x, y and the design matrix) and one update's short-lived tensors (about 3 N x widest layer + 2 P),
    in bytes: the part of a working set that is neither the model's tensors nor the history."""
    size = torch.empty(0, dtype=dtype).element_size()
    widths = layer_widths(model)
    data = (n_samples * (widths[0] + widths[-1]) + model.design_values(n_samples)) * size
    temporaries = (3 * n_samples * max(widths + [2]) + 2 * (tensors.parameter_bytes // size)) * size
    return data, temporaries


def format_bytes(n: float) -> str:
    """Bytes for a reader, in binary units to three significant digits: the one formatter (messages and pages).

    >>> format_bytes(512), format_bytes(1536), format_bytes(3 * 1024**3)
    ('512 bytes', '1.5 KiB', '3 GiB')
    """
    for unit, size in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if n >= size:
            return f"{n / size:.3g} {unit}"
    return f"{n:.0f} bytes"


def check_parameter_memory(model: Model, copies: float, what: str, budget_bytes: int | None = None) -> None:
    """Before allocating ``copies`` float64-sized copies of every parameter (``what`` says why), refuse a model whose
    copies exceed the memory budget, naming ``model``. Nothing is allocated to decide."""
    model = check_model(model)
    copies = check_real("copies", copies, 0.0)
    if not isinstance(what, str):
        raise ArgumentTypeError(f"what must be a str saying what the copies are for, got {shown(what)}")
    count = parameter_count(model)
    needed = copies * count * 8
    budget = memory_budget_bytes() if budget_bytes is None else _check_bytes("memory_budget_bytes", budget_bytes)
    if needed > budget:
        raise ValueError(f"model: {what} for its {count:,} parameters needs about {needed / 2**20:,.0f} MiB, more "
                         f"than the memory budget of {budget / 2**20:,.0f} MiB (bp_core.budget.set_memory_budget); "
                         "use narrower or fewer layers")


def check_memory_budget(working: WorkingSet, method: str, budget_bytes: int | None) -> None:
    """Raise ValueError naming what is too large when ``working`` exceeds the budget."""
    budget = memory_budget_bytes() if budget_bytes is None else _check_bytes("memory_budget_bytes", budget_bytes)
    if working.total_bytes <= budget:
        return
    t = working.tensor_bytes
    model_part = 4 * t.parameter_bytes + t.optimizer_state_bytes  # parameters, gradients, two update temporaries
    if method == "autograd" and t.saved_for_backward_bytes >= t.parameter_bytes:
        model_part += t.parameter_bytes  # the graph saves the weights once
    parts = {"model": model_part, "record_params": working.history_bytes,
             "data": working.total_bytes - model_part - working.history_bytes}
    culprit = max(parts, key=parts.get)  # type: ignore[arg-type]
    hint = {"data": "fewer rows (or narrower layers)", "model": "narrower or fewer layers",
            "record_params": "a stride or a subset of parameters"}[culprit]
    raise ValueError(  # e.g. "data is too large for the memory budget: ... needs an estimated 3.1 GiB (...)"
        f"{culprit} is too large for the memory budget: method={method!r} needs an estimated "
        f"{format_bytes(working.total_bytes)} (data {format_bytes(working.data_bytes)}, parameters and gradients "
        f"{format_bytes(t.parameter_bytes + t.gradient_bytes)}, saved for backward "
        f"{format_bytes(t.saved_for_backward_bytes)}, temporaries {format_bytes(working.temporaries_bytes)}, history "
        f"{format_bytes(working.history_bytes)}), above the budget of {format_bytes(budget)}. Use {hint}, or raise "
        "the budget with memory_budget_bytes= or bp_core.budget.set_memory_budget().")


def check_device(device: object) -> torch.device:
    """Return ``device`` as a torch.device if it is the CPU or an available CUDA device; ValueError otherwise."""
    if not isinstance(device, (str, torch.device)):
        raise ArgumentTypeError(f"device must be 'cpu' or 'cuda' (a str or torch.device), got {shown(device)}")
    try:
        resolved = torch.device(device)
    except (TypeError, RuntimeError, ValueError):
        raise ValueError(f"device must be 'cpu' or 'cuda', got {device!r}") from None
    if resolved.type == "cuda" and not torch.cuda.is_available():
        raise ValueError(f"device={device!r} asks for CUDA, which is not available here; use device='cpu'")
    if resolved.type not in ("cpu", "cuda"):
        raise ValueError(f"device must be 'cpu' or 'cuda', got {device!r}")
    return resolved


def check_call_work(model: Model, n_samples: int, what: str, *, passes: float = 1.0, forwards: float = 0.0,
                    copies: float = 1.0, dtype: torch.dtype = torch.float32, argument: str = "data") -> None:
    """Refuse a teaching or measuring call before it allocates: ``passes`` forward-and-backward passes and ``forwards``
    forward passes over ``n_samples`` (time, against MAX_CALL_SECONDS), and ``copies`` of one pass's tensors in
    ``dtype`` (the parameters, their gradients, what the backward keeps, the data and one update's temporaries, as
    ``estimate_working_set`` counts them) against the memory budget. ``what`` says what the call does; the message
    names ``argument``, the one to change.

    Examples
    --------
    >>> import bp_core
    >>> check_call_work(bp_core.MLP(), 4, "one backward pass")  # small: nothing to say
    >>> check_call_work(bp_core.MLP((2, 4096, 4096, 2)), 200_000, "one backward pass")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: data: one backward pass over 200000 samples is estimated at 368 s here, more than the 20 s one ...
    """
    model = check_model(model)
    n_samples = check_int_range("n_samples", n_samples, 1, 2**62)
    if not isinstance(what, str) or not isinstance(argument, str):
        raise ArgumentTypeError(f"what and argument must be str, got {shown(what)} and {shown(argument)}")
    passes, forwards = check_real("passes", passes, 0.0), check_real("forwards", forwards, 0.0)
    copies = check_real("copies", copies, 0.0)
    dtype = check_float_dtype("dtype", dtype)
    seconds = passes * epoch_seconds(model, n_samples, "autograd") + forwards * forward_seconds(model, n_samples)
    check_seconds(argument, seconds, f"{what} over {n_samples} samples", "fewer samples or narrower layers")
    tensors = analytic_tensor_bytes(model, n_samples, "autograd", dtype)
    data, temporaries = _pass_bytes(model, n_samples, tensors, dtype)  # as estimate_working_set counts them
    needed, budget = copies * (tensors.total_bytes + data + temporaries), memory_budget_bytes()
    if needed > budget:
        raise ValueError(f"{argument}: {what} over {n_samples} samples needs an estimated {format_bytes(needed)}, "
                         f"above the memory budget of {format_bytes(budget)} (bp_core.budget.set_memory_budget); "
                         "use fewer samples or narrower layers")
