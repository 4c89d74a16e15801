"""Training one model two ways: gradients by hand (``manual``) or by ``loss.backward()`` (``autograd``).

History convention: row ``epoch = e`` holds the parameters after ``e`` updates, the loss at those parameters and the
norm of the gradient there. Row 0 is the starting point; the loss of row ``e`` is what the lecture's loop prints as
``Epoch [e+1/...]`` (its print follows the forward pass of that epoch, before the update).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import torch

from ._recorder import DIVERGENCE_FACTOR, ProgressCallback, Recorder
from ._validate import (
    METHODS,
    check_bool,
    check_callable,
    check_choice,
    check_epochs,
    check_learning_rate,
    check_training_size,
)
from .budget import check_device, check_memory_budget, estimate_working_set
from .contract import Model, Params, check_model
from .data import Dataset, as_dataset
from .history import RecordPolicy, record_policy

__all__ = ["DIVERGENCE_FACTOR", "TrainResult", "first_optimizer_setup_seconds", "train"]

_first_optimizer_setup_seconds: float | None = None


def first_optimizer_setup_seconds() -> float | None:
    """Set-up time of the first autograd run in this process (it holds one-time costs such as importing
    torch._dynamo for the first ``torch.optim.SGD``); None if no autograd run happened yet."""
    return _first_optimizer_setup_seconds


@dataclass(frozen=True, eq=False)
class TrainResult:
    """What one training run produced. Times are wall-clock seconds from ``time.perf_counter``."""

    model: Model
    method: str  # "manual" or "autograd"
    learning_rate: float
    epochs: int  # requested number of updates
    zero_grad: bool  # False only for the autograd method run without optimizer.zero_grad()
    initial_params: Params
    params: Params  # parameters of the last finite history row (on the CPU)
    history: pd.DataFrame  # every epoch: epoch, loss, the recorded parameters when record_stride == 1, grad_norm
    epoch_seconds: np.ndarray  # wall time of each update that ran, (epochs_run,)
    setup_seconds: float  # building loss and optimizer objects: one-time costs land here, never in epoch_seconds
    diverged_at: int | None  # first epoch whose loss was non-finite or exploded; None if training stayed finite
    parameter_names: list[str] = field(default_factory=list)  # the recorded scalars (all of them unless bounded)
    strided_parameters: pd.DataFrame | None = None  # record_stride > 1: epoch + recorded scalars at the stride
    record_stride: int = 1
    device: str = "cpu"

    @property
    def epochs_run(self) -> int:
        return len(self.epoch_seconds)

    @property
    def final_loss(self) -> float:
        """The loss of the last finite history row; NaN when there is none (the loss was non-finite at epoch 0)."""
        return float(self.history["loss"].iloc[-1]) if len(self.history) else math.nan

    @property
    def seconds_per_epoch_median(self) -> float | None:
        """Median wall time of the updates that ran; None when none ran (diverged at epoch 0)."""
        return float(np.median(self.epoch_seconds)) if len(self.epoch_seconds) else None

    @property
    def parameter_history(self) -> pd.DataFrame:
        """Epoch and the recorded scalars, at epochs 0, stride, 2 stride, ... and the last (every epoch at stride 1)."""
        if self.strided_parameters is not None:
            return self.strided_parameters
        return self.history[["epoch", *self.parameter_names]]

    @property
    def history_bytes(self) -> int:
        """Bytes the history holds (both frames, as pandas counts them)."""
        frames = [self.history] if self.strided_parameters is None else [self.history, self.strided_parameters]
        return int(sum(f.memory_usage(index=True, deep=True).sum() for f in frames))


def train(model: Model, data: object, method: str = "manual", learning_rate: float = 0.01, epochs: int = 1000, *,
          zero_grad: bool = True, progress: ProgressCallback | None = None, record_params: object = "auto",
          device: str = "cpu", memory_budget_bytes: int | None = None) -> TrainResult:
    """Train ``model`` on ``data`` by gradient descent, with hand-derived or autograd gradients.

    Parameters
    ----------
    model : Line or MLP
        Its ``init_params()`` are the starting point; the model object is not changed.
    data : Dataset or (x, y)
        Checked: 2-D, finite, same rows, widths that fit the model. Any number of rows whose working set fits the
        memory budget.
    method : {"manual", "autograd"}
        ``manual``: the model's chain-rule backward, then ``p - lr * grad``. ``autograd``: ``torch.nn.MSELoss``,
        ``torch.optim.SGD``, ``zero_grad()``, ``backward()``, ``step()``, as in the lecture.
    learning_rate : float in (0, 100]
    epochs : int in [1, 200000]
        Also bounded by the arithmetic, about epochs x samples x (parameters + 512) (``MAX_MULTIPLY_ADDS``), and by
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
        ``bp_core.budget.memory_budget_bytes()`` (2 GiB unless ``bp_core.set_memory_budget`` changed it).

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
    model = check_model(model)
    method = check_choice("method", method, METHODS)
    learning_rate = check_learning_rate(learning_rate)
    epochs = check_epochs(epochs)
    zero_grad = check_bool("zero_grad", zero_grad)
    if not zero_grad and method == "manual":
        raise ValueError("zero_grad=False applies to method='autograd' only; the manual method keeps no .grad")
    progress = check_callable("progress", progress, "done, total")
    target = check_device(device)
    policy = record_policy(model, record_params, epochs)
    dataset: Dataset = as_dataset(data, model.in_features, model.out_features)
    working = estimate_working_set(model, dataset.n_samples, method, epochs, policy, dataset.x.dtype)
    check_memory_budget(working, method, memory_budget_bytes)  # memory first: it names what is too large
    check_training_size(model, dataset.n_samples, epochs, history_cells=policy.rows(epochs) * len(policy.names))
    initial = model.init_params(dtype=dataset.x.dtype)
    if target.type != "cpu":
        dataset = Dataset(dataset.x.to(target), dataset.y.to(target), dataset.name)
    runner = _train_manual if method == "manual" else _train_autograd
    clock = _synchronised_clock(target)
    return runner(model, dataset, {k: v.to(target) for k, v in initial.items()}, learning_rate, epochs, zero_grad,
                  progress, policy, clock)


def _synchronised_clock(device: torch.device):
    """time.perf_counter, after waiting for the GPU's queued work when training runs there."""
    if device.type != "cuda":
        return time.perf_counter

    def clock() -> float:
        torch.cuda.synchronize(device)
        return time.perf_counter()

    return clock


def _train_manual(model: Model, data: Dataset, initial: Params, learning_rate: float, epochs: int, zero_grad: bool,
                  progress: ProgressCallback | None, policy: RecordPolicy, clock=time.perf_counter) -> TrainResult:
    x, y = model.design(data.x), data.y
    recorder = Recorder(model.pack(initial), epochs, policy, progress, updates_in_place=False)
    theta = recorder.first_theta()
    with torch.no_grad():  # nothing here needs a graph; this guards against inputs that require grad
        for epoch in range(epochs + 1):
            began = clock()
            loss, grad = model.manual_packed(theta, x, y)  # forward, then backward by hand
            if not recorder.row(epoch, began, loss, theta, grad):
                break  # diverged, or the last row (after the last update) is recorded
            # gradient descent, theta - learning_rate * grad, written into a new tensor (the next history row)
            theta = torch.sub(theta, learning_rate * grad, out=recorder.next_slot(epoch))
    return _result(recorder, model, "manual", learning_rate, epochs, zero_grad, initial, 0.0)


def _train_autograd(model: Model, data: Dataset, initial: Params, learning_rate: float, epochs: int, zero_grad: bool,
                    progress: ProgressCallback | None, policy: RecordPolicy, clock=time.perf_counter) -> TrainResult:
    x, y = model.design(data.x), data.y
    theta = model.pack(initial).clone().requires_grad_(True)
    start = clock()
    criterion = torch.nn.MSELoss()
    # the first SGD in a process imports torch._dynamo; foreach=False: one tensor, the plain loop, no dispatch check
    optimizer = torch.optim.SGD([theta], lr=learning_rate, foreach=False)
    now = clock()
    setup_seconds = now - start
    global _first_optimizer_setup_seconds
    if _first_optimizer_setup_seconds is None:
        _first_optimizer_setup_seconds = setup_seconds
    one = torch.ones((), dtype=theta.dtype, device=theta.device)  # dL/dL, made once (backward() makes it each call)
    values = theta.detach()  # shares theta's memory: the recorder copies each row from it before step()
    recorder = Recorder(values, epochs, policy, progress, updates_in_place=True)
    for epoch in range(epochs + 1):
        began = clock()
        pred = model.predict_packed(theta, x)
        loss = criterion.forward(pred, y)  # MSELoss itself; forward() skips the hook dispatch of criterion(...)
        if zero_grad:
            optimizer.zero_grad()  # without it, backward() adds to the previous gradient
        loss.backward(one)
        # zero_grad() leaves a fresh .grad each time; without it .grad is updated in place, so keep a copy
        grad = theta.grad
        assert grad is not None  # backward() just filled it
        grad = grad if zero_grad else grad.clone()
        if not recorder.row(epoch, began, loss, values, grad):
            break
        optimizer.step()
    return _result(recorder, model, "autograd", learning_rate, epochs, zero_grad, initial, setup_seconds)


def _result(recorder: Recorder, model: Model, method: str, learning_rate: float, epochs: int, zero_grad: bool,
            initial: Params, setup_seconds: float) -> TrainResult:
    history, parameters, seconds, last = recorder.finish(list(recorder.policy.names))
    start = model.pack(initial)
    last = (start if last is None else last).detach().cpu().reshape(start.shape)
    return TrainResult(
        model=model, method=method, learning_rate=learning_rate, epochs=epochs, zero_grad=zero_grad,
        initial_params={k: v.detach().cpu().clone() for k, v in initial.items()},
        params={k: v.clone() for k, v in model.unpack(last).items()},
        history=history, epoch_seconds=seconds, setup_seconds=setup_seconds, diverged_at=recorder.diverged_at,
        parameter_names=list(recorder.policy.names), strided_parameters=parameters,
        record_stride=recorder.policy.stride, device=str(start.device),
    )
