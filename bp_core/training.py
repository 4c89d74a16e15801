"""Training one model two ways: gradients by hand (``manual``) or by ``loss.backward()`` (``autograd``).

History convention: row ``epoch = e`` holds the parameters after ``e`` updates, the loss at those parameters and the
norm of the gradient there. Row 0 is the starting point; the loss of row ``e`` is what the lecture's loop prints as
``Epoch [e+1/...]`` (its print follows the forward pass of that epoch, before the update).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import torch

from ._validate import (
    METHODS,
    check_bool,
    check_callable,
    check_choice,
    check_epochs,
    check_learning_rate,
    check_training_size,
)
from .contract import Model, Params, check_model
from .data import Dataset, as_dataset
from .models import flatten, scalar_names, unflatten

DIVERGENCE_FACTOR = 1e8
"""Training counts as diverged once the loss is non-finite or above DIVERGENCE_FACTOR x max(initial loss, 1)."""

ProgressCallback = Callable[[int, int], None]

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
    params: Params  # parameters of the last finite history row
    history: pd.DataFrame  # epoch, loss, one column per scalar parameter, grad_norm
    epoch_seconds: np.ndarray  # wall time of each update that ran, (epochs_run,)
    setup_seconds: float  # building loss and optimizer objects: one-time costs land here, never in epoch_seconds
    diverged_at: int | None  # first epoch whose loss was non-finite or exploded; None if training stayed finite
    parameter_names: list[str] = field(default_factory=list)

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


def train(model: Model, data: object, method: str = "manual", learning_rate: float = 0.01, epochs: int = 1000, *,
          zero_grad: bool = True, progress: ProgressCallback | None = None) -> TrainResult:
    """Train ``model`` on ``data`` by gradient descent, with hand-derived or autograd gradients.

    Parameters
    ----------
    model : Line or MLP
        Its ``init_params()`` are the starting point; the model object is not changed.
    data : Dataset or (x, y)
        Checked: 2-D, finite, same rows, widths that fit the model.
    method : {"manual", "autograd"}
        ``manual``: the model's chain-rule backward, then ``p - lr * grad``. ``autograd``: ``torch.nn.MSELoss``,
        ``torch.optim.SGD``, ``zero_grad()``, ``backward()``, ``step()``, as in the lecture.
    learning_rate : float in (0, 100]
    epochs : int in [1, 200000]
        Also bounded by the size of the history, (epochs + 1) x parameters <= ``MAX_HISTORY_CELLS``, and by the
        arithmetic, about epochs x samples x (parameters + 512) (``MAX_MULTIPLY_ADDS``): refused up front, with the
        estimate.
    zero_grad : bool
        Autograd only. ``False`` skips ``optimizer.zero_grad()`` so gradients accumulate (the classic bug).
    progress : callable(done, total), optional
        Called about a hundred times during training.

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
    dataset: Dataset = as_dataset(data, model.in_features, model.out_features)
    check_training_size(model, dataset.n_samples, epochs)
    initial = model.init_params(dtype=dataset.x.dtype)
    runner = _train_manual if method == "manual" else _train_autograd
    return runner(model, dataset, initial, learning_rate, epochs, zero_grad, progress)


class _Recorder:
    """Keeps one history row per epoch as references to tensors; all conversion happens once, at the end."""

    def __init__(self, epochs: int, progress: ProgressCallback | None):
        self.losses: list[float] = []
        self.thetas: list[torch.Tensor] = []
        self.grads: list[torch.Tensor] = []
        self.seconds: list[float] = []
        self.threshold = math.inf
        self.diverged_at: int | None = None
        self.progress, self.epochs = progress, epochs
        self.report_every = max(1, epochs // 100)

    def row(self, loss: float, theta: torch.Tensor, grad: torch.Tensor) -> bool:
        """Record a row; return False (noting the epoch) once the loss is non-finite or explodes."""
        if not self.losses:
            self.threshold = DIVERGENCE_FACTOR * max(loss, 1.0) if math.isfinite(loss) else math.inf
        if not math.isfinite(loss):
            self.diverged_at = len(self.losses)
            return False
        self.losses.append(loss)
        self.thetas.append(theta)
        self.grads.append(grad)
        if loss > self.threshold:
            self.diverged_at = len(self.losses) - 1
            return False
        return True

    def tick(self, seconds: float) -> None:
        self.seconds.append(seconds)
        done = len(self.seconds)
        if self.progress is not None and (done % self.report_every == 0 or done == self.epochs):
            self.progress(done, self.epochs)

    def finish(self, model: Model, method: str, learning_rate: float, epochs: int, zero_grad: bool, initial: Params,
               setup_seconds: float) -> TrainResult:
        names = scalar_names(initial)
        if not self.thetas:  # the loss was non-finite at epoch 0: no finite row, an empty (0, P) history
            self.thetas = self.grads = [flatten(initial).new_empty(0, len(names))]
        thetas = torch.stack(self.thetas).reshape(len(self.losses), len(names)).detach()  # (rows, P)
        grads = torch.stack(self.grads).reshape(len(self.losses), len(names)).detach()  # (rows, P)
        finite = torch.isfinite(thetas).all(dim=1) & torch.isfinite(grads).all(dim=1)
        if not bool(finite.all()):  # a parameter overflowed while the loss stayed finite (e.g. behind a dead relu)
            first_bad = int((~finite).nonzero()[0, 0])
            thetas, grads = thetas[:first_bad], grads[:first_bad]
            del self.losses[first_bad:]
            self.diverged_at = first_bad if self.diverged_at is None else min(self.diverged_at, first_bad)
        history = pd.DataFrame(thetas.double().numpy(), columns=names)
        history.insert(0, "loss", np.asarray(self.losses, dtype=np.float64))
        history.insert(0, "epoch", np.arange(len(self.losses), dtype=np.int64))
        history["grad_norm"] = torch.linalg.vector_norm(grads.double(), dim=1).numpy()
        last = thetas[-1] if len(thetas) else flatten(initial)
        return TrainResult(
            model=model, method=method, learning_rate=learning_rate, epochs=epochs, zero_grad=zero_grad,
            initial_params={k: v.clone() for k, v in initial.items()},
            params={k: v.clone() for k, v in unflatten(last, initial).items()}, history=history,
            epoch_seconds=np.asarray(self.seconds[:max(len(self.losses) - 1, 0)], dtype=np.float64),
            setup_seconds=setup_seconds, diverged_at=self.diverged_at, parameter_names=names,
        )


def _train_manual(model: Model, data: Dataset, initial: Params, learning_rate: float, epochs: int, zero_grad: bool,
                  progress: ProgressCallback | None) -> TrainResult:
    recorder = _Recorder(epochs, progress)
    x, y = model.design(data.x), data.y
    theta = model.pack(initial).clone()
    clock = time.perf_counter
    with torch.no_grad():  # nothing here needs a graph; this guards against inputs that require grad
        for _ in range(epochs + 1):
            start = clock()
            loss, grad = model.manual_packed(theta, x, y)  # forward, then backward by hand
            if not recorder.row(loss.item(), theta, grad) or len(recorder.seconds) == epochs:
                break  # diverged, or the last row (after the last update) is recorded
            theta = theta - learning_rate * grad  # gradient descent; a new tensor, so the row above stays
            recorder.tick(clock() - start)
    return recorder.finish(model, "manual", learning_rate, epochs, zero_grad, initial, 0.0)


def _train_autograd(model: Model, data: Dataset, initial: Params, learning_rate: float, epochs: int, zero_grad: bool,
                    progress: ProgressCallback | None) -> TrainResult:
    recorder = _Recorder(epochs, progress)
    x, y = model.design(data.x), data.y
    theta = model.pack(initial).clone().requires_grad_(True)
    clock = time.perf_counter
    start = clock()
    criterion = torch.nn.MSELoss()
    optimizer = torch.optim.SGD([theta], lr=learning_rate)  # the first SGD in a process imports torch._dynamo
    setup_seconds = clock() - start
    global _first_optimizer_setup_seconds
    if _first_optimizer_setup_seconds is None:
        _first_optimizer_setup_seconds = setup_seconds
    for _ in range(epochs + 1):
        start = clock()
        pred = model.predict_packed(theta, x)
        loss = criterion(pred, y)
        if zero_grad:
            optimizer.zero_grad()  # without it, backward() adds to the previous gradient
        loss.backward()
        # step() changes theta in place, so keep a copy; zero_grad() leaves a fresh .grad each time, no copy needed
        grad = theta.grad
        assert grad is not None  # backward() just filled it
        grad = grad if zero_grad else grad.clone()
        if not recorder.row(loss.item(), theta.detach().clone(), grad) or len(recorder.seconds) == epochs:
            break
        optimizer.step()
        recorder.tick(clock() - start)
    return recorder.finish(model, "autograd", learning_rate, epochs, zero_grad, initial, setup_seconds)
