"""The same arithmetic as bp_core.training's plain loops, tuned for speed: what ``train()`` runs.

Each tuned loop does, epoch for epoch, the operations of its plain twin (``bp_core.training.by_hand_loop``,
``bp_core.training.autograd_loop``) on the same tensors, so the numbers are the same bit for bit
(tests/test_tuned.py holds them to it). What differs is only the bookkeeping around the arithmetic:
- the history is filled by one ``Recorder.row`` call per epoch (``bp_core.tuned.recorder``), with the manual update
  written straight into the next history row (``out=``) and the autograd parameter copied through NumPy views;
- autograd calls ``MSELoss.forward`` (no hook dispatch: the criterion has no hooks) and seeds ``backward`` with
  dL/dL = 1 made once per run (``backward()`` builds that tensor on every call); ``SGD(foreach=False)`` names the
  single-tensor path that the default picks for CPU tensors anyway.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import torch

from ..contract import Model, Params, check_model, check_params
from ..cost import check_training_size
from ..data import Dataset
from ..history import RecordPolicy, TrainResult
from ..limits import ArgumentTypeError, check_bool, check_callable, check_epochs, check_trainable_rate, shown
from .recorder import ProgressCallback, Recorder

__all__ = ["first_optimizer_setup_imported_dynamo", "first_optimizer_setup_seconds", "tuned_autograd_loop",
           "tuned_manual_loop"]

_first_optimizer_setup_seconds: float | None = None
_first_optimizer_setup_imported_dynamo: bool | None = None


def first_optimizer_setup_seconds() -> float | None:
    """Set-up time of the first autograd run in this process (it holds one-time costs such as importing
    torch._dynamo for the first ``torch.optim.SGD``, unless the process had imported it before: see
    ``first_optimizer_setup_imported_dynamo``); None if no autograd run happened yet."""
    return _first_optimizer_setup_seconds


def first_optimizer_setup_imported_dynamo() -> bool | None:
    """Whether torch._dynamo was first imported during the first autograd run's set-up, so that its import is part
    of ``first_optimizer_setup_seconds`` (False where the process had imported it before, as the dashboard's server
    does when it starts); None if no autograd run happened yet."""
    return _first_optimizer_setup_imported_dynamo


def dynamo_imported() -> bool:
    """Whether this process has imported torch._dynamo (the first ``torch.optim.SGD`` does, if nothing did before)."""
    return "torch._dynamo" in sys.modules


def synchronised_clock(device: torch.device) -> Callable[[], float]:
    """time.perf_counter, after waiting for the GPU's queued work when training runs there."""
    if device.type != "cuda":
        return time.perf_counter

    def clock() -> float:
        torch.cuda.synchronize(device)
        return time.perf_counter()

    return clock


def check_loop(model: Model, data: Dataset, initial: Params, learning_rate: float, epochs: int, zero_grad: bool,
               progress: ProgressCallback | None, policy: RecordPolicy, clock: Callable[[], float]) -> None:
    """The loops' arguments, checked (``train`` checks them first and more; these are public, so they check too):
    types, ranges and the size of the run, before anything is allocated."""
    model = check_model(model)
    if not isinstance(data, Dataset):
        raise ArgumentTypeError(f"data must be a bp_core.Dataset (as_dataset makes one), got {shown(data)}")
    check_params(model, initial, "initial")
    check_trainable_rate(learning_rate, data.x.dtype)
    epochs = check_epochs(epochs)
    check_bool("zero_grad", zero_grad)
    check_callable("progress", progress, "done, total")
    if not callable(clock):
        raise ArgumentTypeError(f"clock must be a callable() returning seconds, got {shown(clock)}")
    if not isinstance(policy, RecordPolicy):
        raise ArgumentTypeError(f"policy must be a bp_core.history.RecordPolicy (record_policy makes one), got "
                                f"{shown(policy)}")
    check_training_size(model, data.n_samples, epochs, ("autograd",), history_cells=policy.rows(epochs) * len(
        policy.names))


def tuned_manual_loop(model: Model, data: Dataset, initial: Params, learning_rate: float, epochs: int,
                      zero_grad: bool, progress: ProgressCallback | None, policy: RecordPolicy,
                      clock: Callable[[], float] = time.perf_counter) -> TrainResult:
    check_loop(model, data, initial, learning_rate, epochs, zero_grad, progress, policy, clock)
    x, y = model.design(data.x), data.y
    recorder = Recorder(model.pack(initial), epochs, policy, progress, updates_in_place=False)
    theta = recorder.first_theta()
    with torch.no_grad():  # nothing here needs a graph; this guards against inputs that require grad
        for epoch in range(epochs + 1):
            began = clock()
            loss, grad = model.tuned_manual_packed(theta, x, y)  # forward, then backward by hand
            if not recorder.row(epoch, began, loss, theta, grad):
                break  # diverged, or the last row (after the last update) is recorded
            # gradient descent, theta - learning_rate * grad, written into a new tensor (the next history row)
            theta = torch.sub(theta, learning_rate * grad, out=recorder.next_slot(epoch))
    return _result(recorder, model, "manual", learning_rate, epochs, zero_grad, initial, 0.0)


def tuned_autograd_loop(model: Model, data: Dataset, initial: Params, learning_rate: float, epochs: int,
                        zero_grad: bool, progress: ProgressCallback | None, policy: RecordPolicy,
                        clock: Callable[[], float] = time.perf_counter) -> TrainResult:
    check_loop(model, data, initial, learning_rate, epochs, zero_grad, progress, policy, clock)
    x, y = model.design(data.x), data.y
    theta = model.pack(initial).clone().requires_grad_(True)
    dynamo_before = dynamo_imported()
    start = clock()
    criterion = torch.nn.MSELoss()
    # the first SGD in a process imports torch._dynamo; foreach=False: one tensor, the plain loop, no dispatch check
    optimizer = torch.optim.SGD([theta], lr=learning_rate, foreach=False)
    now = clock()
    setup_seconds = now - start
    global _first_optimizer_setup_seconds, _first_optimizer_setup_imported_dynamo
    if _first_optimizer_setup_seconds is None:
        _first_optimizer_setup_seconds = setup_seconds
        _first_optimizer_setup_imported_dynamo = not dynamo_before and dynamo_imported()
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
