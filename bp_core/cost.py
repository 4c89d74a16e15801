"""The time-cost model: how long a call's work will take here, estimated from its arguments before anything runs,
and the checks that refuse work above MAX_CALL_SECONDS (argument checks that need no estimate live in
bp_core.limits; the contract's own checks, check_model and check_params, in bp_core.contract).

The constants are calibrated on this project's reference machine (2 cores, 1 torch thread) by
benchmarks/calibrate_time_bound.py; benchmarks/bench_time_bounds.py shows the worst accepted call.
"""

from __future__ import annotations

import math

from .contract import LayeredModel, Model, check_model
from .limits import MAX_HISTORY_CELLS, METHODS, check_choice, check_int_range

__all__ = ["MAX_CALL_SECONDS", "check_seconds", "check_training_size", "epoch_seconds", "forward_seconds",
           "layer_widths", "layer_work", "parameter_count",
           "training_seconds"]

MAX_CALL_SECONDS = 20.0
"""Most time one call may plan, in seconds on this project's reference machine (2 cores, 1 torch thread), estimated
before anything runs by ``epoch_seconds`` (and ``forward_seconds``). The estimate is calibrated to be a little above
what the work takes, so a call at the cap takes about 20 s here, 30 s at most (benchmarks/bench_time_bounds.py)."""

EPOCH_BASE_SECONDS = {"manual": 15e-6, "autograd": 240e-6}
"""The fixed cost of one epoch of ``train`` whatever the data, per method: Python, torch's dispatch of each small
operation (microseconds each; autograd builds and walks a graph) and the history row. Measured here with
benchmarks/calibrate_time_bound.py (4 rows, so the arithmetic is negligible) and rounded up by about 15 %."""

NETWORK_BASE_SECONDS = {"manual": 200e-6, "autograd": 150e-6}
"""What a layered model (``Model.layered``) adds to each epoch's fixed cost: its parameters unpacked into named views,
its gradients gathered into one vector."""

LAYER_SECONDS = {"manual": 60e-6, "autograd": 110e-6}
"""The fixed cost each layer adds to an epoch (its forward, backward and update operations), per method."""

UNIT_SECONDS = {"manual": 28e-9, "autograd": 40e-9}
"""Elementwise work of one epoch per sample and per unit of a layer with an activation (the weighted sum's bias, the
activation, its derivative: passes over an (N, width) tensor, bound by memory). Calibrated on 2-256-2 and 2-1024-2
networks whose tensors do not fit the cache, so smaller ones are overestimated (up to about 2x)."""

LINEAR_UNIT_SECONDS = 10e-9
"""The same for a unit without activation (the line's prediction): the bias, the error and its square."""

SETUP_VALUE_SECONDS = 30e-9
"""A run's set-up per value of the data (N x (inputs + outputs)): the checked copy, the design matrix, the result."""

MULTIPLY_ADD_SECONDS = 0.09e-9
"""One epoch's matrix products per sample and per multiply-add of one forward pass (the backward's two more
included)."""


def parameter_count(model: Model) -> int:
    """The number of scalar parameters of ``model``, from its shapes (nothing is allocated)."""
    return sum(math.prod(shape) for shape in model.parameter_shapes().values())


def layer_widths(model: Model) -> list[int]:
    """The model's widths from input to output: a layered network's ``sizes``, else (inputs, outputs), one layer
    (the line: 1 -> 1)."""
    return list(model.sizes if isinstance(model, LayeredModel) else (model.in_features, model.out_features))


def _activated(model: Model) -> list[bool]:
    """Per layer, whether it has an activation (a model that cannot list its layers: assume every one has)."""
    try:
        return [layer.activation != "identity" for layer in model.layers()]
    except ValueError:
        return [True] * (len(layer_widths(model)) - 1)


def layer_work(model: Model) -> tuple[int, int]:
    """Per sample and forward pass: the units of the layers (input excluded), and the multiply-adds of the matrix
    products (sum of width x next width), from the model's widths (the line: 1 -> 1)."""
    widths = layer_widths(model)
    return sum(widths[1:]), sum(a * b for a, b in zip(widths, widths[1:]))


def _arithmetic_seconds(model: Model, method: str) -> float:
    """One epoch's arithmetic per sample."""
    units = sum(width * (UNIT_SECONDS[method] if active else LINEAR_UNIT_SECONDS)
                for width, active in zip(layer_widths(model)[1:], _activated(model)))
    return units + layer_work(model)[1] * MULTIPLY_ADD_SECONDS


def _checked_work(model: Model, n_samples: int, method: str) -> tuple[Model, int, str]:
    """The arguments of the estimates, checked: a bp_core model, a row count, a method."""
    return (check_model(model), check_int_range("n_samples", n_samples, 1, 2**62),
            check_choice("method", method, METHODS))


def _fixed_seconds(model: Model, method: str) -> float:
    """One epoch's fixed part."""
    network = NETWORK_BASE_SECONDS[method] if isinstance(model, LayeredModel) else 0.0
    return EPOCH_BASE_SECONDS[method] + network + LAYER_SECONDS[method] * (len(layer_widths(model)) - 1)


def epoch_seconds(model: Model, n_samples: int, method: str) -> float:
    """The estimated wall time of one epoch of ``train`` with ``method`` here: a fixed part per epoch and per layer
    (each operation's own cost, whatever its size) plus arithmetic per sample that follows the layer widths. The
    constants (EPOCH_BASE_SECONDS, NETWORK_BASE_SECONDS, LAYER_SECONDS, UNIT_SECONDS, LINEAR_UNIT_SECONDS,
    MULTIPLY_ADD_SECONDS) are calibrated here by benchmarks/calibrate_time_bound.py.

    Examples
    --------
    >>> import bp_core
    >>> round(epoch_seconds(bp_core.MLP(), 4, "autograd") * 1e6)  # microseconds: the fixed part dominates
    611
    """
    model, n_samples, method = _checked_work(model, n_samples, method)
    return _fixed_seconds(model, method) + n_samples * _arithmetic_seconds(model, method)


def forward_seconds(model: Model, n_samples: int) -> float:
    """The estimated wall time of one forward pass over ``n_samples`` (finite differences, Hessian-vector products):
    half a hand-derived epoch's fixed part (no update, no history) and half its arithmetic (no derivatives)."""
    model, n_samples, _ = _checked_work(model, n_samples, "manual")
    return (_fixed_seconds(model, "manual") + n_samples * _arithmetic_seconds(model, "manual")) / 2


def training_seconds(model: Model, n_samples: int, epochs: int, method: str) -> float:
    """The estimated wall time of one ``train`` run: its set-up and ``epochs + 1`` epochs (the last loss included).

    >>> import bp_core
    >>> round(training_seconds(bp_core.Line(), 4, 1000, "manual") * 1e3)  # milliseconds
    75
    """
    epochs = check_int_range("epochs", epochs, 0, 2**62)
    setup = n_samples * (model.in_features + model.out_features) * SETUP_VALUE_SECONDS
    return setup + (epochs + 1) * epoch_seconds(model, n_samples, method)


def check_seconds(argument: str, seconds: float, what: str, advice: str = "fewer samples or parameters") -> None:
    """Refuse work estimated above MAX_CALL_SECONDS up front, naming the argument that sets its size."""
    if seconds > MAX_CALL_SECONDS:
        raise ValueError(f"{argument}: {what} is estimated at {seconds:,.3g} s here, more than the "
                         f"{MAX_CALL_SECONDS:g} s one call may take (MAX_CALL_SECONDS; bp_core.cost.epoch_seconds "
                         f"says how it is estimated); use {advice}")


def check_training_size(model: Model, n_samples: int, epochs: int, methods: tuple[str, ...] = ("autograd",),
                        argument: str = "epochs", history_cells: int | None = None) -> None:
    """Refuse training runs whose history would not fit MAX_HISTORY_CELLS or whose estimated time exceeds
    MAX_CALL_SECONDS, before anything is allocated. ``methods``: the method of each run the call makes (one entry per
    run, e.g. both methods for ``compare``).

    ``history_cells``: the parameter values the history will record (``train`` bounds them with ``record_params``);
    by default every parameter every epoch."""
    n_params = parameter_count(model)
    cells = (epochs + 1) * n_params if history_cells is None else history_cells
    if cells > MAX_HISTORY_CELLS:
        raise ValueError(f"epochs: {epochs} epochs of {n_params} parameters make a history of {cells:,} values "
                         f"(about {cells * 8 / 2**20:,.0f} MiB as float64, a few times that while training), more "
                         f"than MAX_HISTORY_CELLS = {MAX_HISTORY_CELLS:,}; use at most "
                         f"{MAX_HISTORY_CELLS // n_params - 1} epochs for this model, or record_params='auto' or a "
                         "stride")
    seconds = sum(training_seconds(model, n_samples, epochs, method) for method in methods)
    runs = ", ".join(f"{methods.count(m)} {m}" for m in METHODS if m in methods)
    check_seconds(argument, seconds,
                  f"{len(methods)} run(s) ({runs}) x {epochs} epochs over {n_samples} samples and {n_params} "
                  "parameters", "fewer epochs, samples or parameters")
