"""Training one model two ways: gradients by hand (``manual``) or by ``loss.backward()`` (``autograd``).

``train`` is the public door: it checks its arguments, refuses work beyond the budgets, and runs the tuned loops of
``bp_core.tuned`` (the same arithmetic, with less Python around it). The plain loops below, ``by_hand_loop`` and
``autograd_loop``, are that arithmetic as a learner reads it, in the lecture's order: forward, loss, the gradient
(derived by hand, or ``zero_grad``, ``backward``), the update. A test holds ``train`` to them bit for bit, so they are
the code that produced ``train``'s numbers.

History convention: row ``epoch = e`` holds the parameters after ``e`` updates, the loss at those parameters and the
norm of the gradient there. Row 0 is the starting point; the loss of row ``e`` is what the lecture's loop prints as
``Epoch [e+1/...]`` (its print follows the forward pass of that epoch, before the update).
"""

from __future__ import annotations

import inspect
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import torch

from .budget import check_device, check_memory_budget, estimate_working_set
from .contract import Model, check_model
from .cost import check_training_size
from .data import Dataset, as_dataset
from .grad_mode import grad_enabled
from .history import DIVERGENCE_FACTOR, RecordPolicy, TrainResult, record_policy
from .limits import (
    METHODS,
    check_bool,
    check_callable,
    check_choice,
    check_epochs,
    check_learning_rate,
    check_trainable_rate,
)
from .tuned.loops import (
    first_optimizer_setup_imported_dynamo,
    first_optimizer_setup_seconds,
    synchronised_clock,
    tuned_autograd_loop,
    tuned_manual_loop,
)
from .tuned.recorder import ProgressCallback

__all__ = ["DIVERGENCE_FACTOR", "PlainRun", "TrainResult", "autograd_loop", "by_hand_loop",
           "first_optimizer_setup_imported_dynamo", "first_optimizer_setup_seconds", "train", "update_step_source"]


@grad_enabled
def train(model: Model, data: object, method: str = "manual", learning_rate: float = 0.01, epochs: int = 1000, *,
          zero_grad: bool = True, progress: ProgressCallback | None = None, record_params: object = "auto",
          device: str = "cpu", memory_budget_bytes: int | None = None) -> TrainResult:
    """Train ``model`` on ``data`` by gradient descent, with hand-derived or autograd gradients.

    Parameters
    ----------
    model : Model
        Any model of the contract (bp_core.Model: the line, a layered network, one of your own). Its
        ``init_params()`` are the starting point; the model object is not changed.
    data : Dataset or (x, y)
        Checked: 2-D, finite, same rows, widths that fit the model. Any number of rows whose working set fits the
        memory budget.
    method : {"manual", "autograd"}
        ``manual``: the model's chain-rule backward, then ``p - lr * grad``. ``autograd``: ``torch.nn.MSELoss``,
        ``torch.optim.SGD``, ``zero_grad()``, ``backward()``, ``step()``, as in the lecture.
    learning_rate : float in (0, 100]
    epochs : int in [1, 200000]
        Also bounded by the estimated time, epochs x ``cost.epoch_seconds`` <= ``MAX_CALL_SECONDS`` (20 s), and by
        the recorded history, rows x recorded parameters <= ``MAX_HISTORY_CELLS``: refused up front, with the
        estimate.
    zero_grad : bool
        Autograd only. ``False`` skips ``optimizer.zero_grad()`` so gradients accumulate (the classic bug).
    progress : callable(done, total), optional
        Called about a hundred times during training.
    record_params : "auto", "all", int stride or list of names
        Which parameters the history keeps (bp_core.history): by default all of them every epoch for small models,
        a stride or a subset when that would exceed a million values. The loss and gradient norm: every epoch.
    device : "cpu" or "cuda"
        Where the tensors live; "cuda" needs an available GPU (ValueError otherwise). Results come back on the CPU.
    memory_budget_bytes : int, optional
        Refuse the run (ValueError naming what is too large) when its estimated working set exceeds this; default
        ``bp_core.budget.memory_budget_bytes()`` (2 GiB unless ``bp_core.budget.set_memory_budget`` changed it).

    A loss that is non-finite or explodes, at any epoch including the first, stops training and returns the
    finite rows with ``diverged_at`` set; nothing is raised. Non-finite at epoch 0: no rows, ``params`` are the
    initial parameters, ``final_loss`` is NaN and ``seconds_per_epoch_median`` None.

    Examples
    --------
    >>> import bp_core
    >>> result = bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", 0.01, 1000)
    >>> round(float(result.params["w"]), 4), round(float(result.params["b"]), 4)
    (2.0049, 0.9857)
    """
    model, dataset, learning_rate, epochs, policy = _checked(model, data, method, learning_rate, epochs,
                                                            record_params, memory_budget_bytes, plain=False)
    zero_grad = check_bool("zero_grad", zero_grad)
    if not zero_grad and method == "manual":
        raise ValueError("zero_grad=False applies to method='autograd' only; the manual method keeps no .grad")
    progress = check_callable("progress", progress, "done, total")
    target = check_device(device)
    initial = model.init_params(dtype=dataset.x.dtype)
    if target.type != "cpu":
        dataset = Dataset(dataset.x.to(target), dataset.y.to(target), dataset.name)
    runner = tuned_manual_loop if method == "manual" else tuned_autograd_loop
    clock = synchronised_clock(target)
    return runner(model, dataset, {k: v.to(target) for k, v in initial.items()}, learning_rate, epochs, zero_grad,
                  progress, policy, clock)


@dataclass(frozen=True, eq=False)
class PlainRun:
    """What a plain loop saw: the loss of each epoch's forward pass and the packed parameters before each update
    (``thetas[e]`` is the start of epoch ``e``; ``thetas[epochs]`` what the last update left)."""

    losses: list[float]  # (epochs,)
    thetas: list[torch.Tensor]  # (epochs + 1,) each shaped like model.pack(params)


@grad_enabled
def by_hand_loop(model: Model, data: Dataset, learning_rate: float, epochs: int) -> PlainRun:
    """Gradient descent with the gradient derived by hand, as a learner reads it (what ``train(method="manual")``
    computes, held to it bit for bit). Arguments are checked as ``train`` checks them, history size aside: a plain
    run keeps every epoch's parameters."""
    model, data, learning_rate, epochs, _ = _checked(model, data, "manual", learning_rate, epochs, "auto", None,
                                                     plain=True)
    x, y = model.design(data.x), data.y
    theta = model.pack(model.init_params(data.x.dtype))  # every parameter in one tensor, from the model's start
    losses, thetas = [], [theta]
    with torch.no_grad():  # nothing here needs autograd's graph
        for epoch in range(epochs):  # noqa: B007 (the lecture's loop, name and all)
            loss, grad = model.manual_packed(theta, x, y)  # forward once for the values, then backward by hand
            theta = theta - learning_rate * grad  # the update: p <- p - lr * dL/dp, for every parameter at once
            losses.append(loss.item())
            thetas.append(theta)
    return PlainRun(losses, thetas)


@grad_enabled
def autograd_loop(model: Model, data: Dataset, learning_rate: float, epochs: int) -> PlainRun:
    """Gradient descent with autograd's gradient, as the lecture's second program writes it (what
    ``train(method="autograd")`` computes, held to it bit for bit)."""
    model, data, learning_rate, epochs, _ = _checked(model, data, "autograd", learning_rate, epochs, "auto", None,
                                                     plain=True)
    x, y = model.design(data.x), data.y
    theta = model.pack(model.init_params(data.x.dtype)).requires_grad_(True)  # autograd records what uses theta
    loss_fn = torch.nn.MSELoss()
    optimizer = torch.optim.SGD([theta], lr=learning_rate)
    losses, thetas = [], [theta.detach().clone()]
    for epoch in range(epochs):  # noqa: B007 (the lecture's loop, name and all)
        predictions = model.predict_packed(theta, x)  # forward
        loss = loss_fn(predictions, y)  # mean squared error over all N x K entries
        optimizer.zero_grad()  # forget the previous epoch's gradient
        loss.backward()  # backward: dL/dtheta into theta.grad, by the chain rule, automatically
        optimizer.step()  # the update: theta <- theta - lr * theta.grad
        losses.append(loss.item())
        thetas.append(theta.detach().clone())
    return PlainRun(losses, thetas)


def _checked(model: object, data: object, method: str, learning_rate: float, epochs: int, record_params: object,
             memory_budget_bytes: int | None, plain: bool) -> tuple[Model, Dataset, float, int, RecordPolicy]:
    """The arguments of ``train`` and of the plain loops, checked once for both: the model, method, learning rate,
    epochs and data, then what the history keeps, then the memory budget (it names what is too large) and the size
    (the history: what ``record_params`` keeps, or every parameter every epoch for a plain loop; the arithmetic)."""
    model = check_model(model)
    method = check_choice("method", method, METHODS)
    learning_rate, epochs = check_learning_rate(learning_rate), check_epochs(epochs)
    policy = record_policy(model, record_params, epochs)
    dataset: Dataset = as_dataset(data, model.in_features, model.out_features)
    learning_rate = check_trainable_rate(learning_rate, dataset.x.dtype)
    working = estimate_working_set(model, dataset.n_samples, method, epochs, policy, dataset.x.dtype)
    check_memory_budget(working, method, memory_budget_bytes)
    cells = None if plain else policy.rows(epochs) * len(policy.names)
    check_training_size(model, dataset.n_samples, epochs, (method,), history_cells=cells)
    return model, dataset, learning_rate, epochs, policy


def update_step_source(model: Model, method: str, tuned: bool = False) -> str:
    """The source code of one update with ``method`` for ``model``: the plain loop and the model's hand-derived
    backward (``tuned=False``, what a learner reads), or the tuned loop ``train`` runs (``tuned=True``; the same
    arithmetic, held to the plain loop bit for bit by tests/test_tuned.py).

    Examples
    --------
    >>> import bp_core
    >>> "loss.backward()" in update_step_source(bp_core.Line(), "autograd")
    True
    """
    model = check_model(model)
    method = check_choice("method", method, METHODS)
    tuned = check_bool("tuned", tuned)
    parts: list[Callable[..., Any]]
    if tuned:
        parts = [tuned_manual_loop] if method == "manual" else [tuned_autograd_loop]
    else:
        parts = [*model.manual_source(), by_hand_loop] if method == "manual" else [model.predict_packed, autograd_loop]
    return "\n".join(textwrap.dedent(inspect.getsource(part)) for part in parts)
