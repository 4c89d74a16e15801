"""The history a training loop fills, with few operations per epoch and an exact divergence epoch.

Per epoch the loop makes one call (``row``): the clock reading taken as the epoch began, the loss (kept as its
``.item()``, a Python float: cheaper than holding the tensor and stacking a block of 0-d tensors, which is one view op
each) and the gradient tensor (a reference) and the parameters. The checks run once per block of epochs: the block's
losses become one float64 tensor and its gradients one ``torch.cat``, then the first non-finite or exploding row is
found exactly and everything after it is dropped. Training may run up to one block past that row; those rows never
reach the history. When every parameter is kept every epoch, the parameters live in one preallocated tensor, row ``e``
at epoch ``e``: the manual loop writes each update straight into the next row (``out=``), the autograd loop copies its
parameter (updated in place by ``optimizer.step()``) into it, through NumPy views of both on the CPU.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pandas as pd
import torch

from ..history import DIVERGENCE_FACTOR, RecordPolicy
from ..limits import (
    MAX_HISTORY_CELLS,
    ArgumentTypeError,
    check_bool,
    check_callable,
    check_epochs,
    check_int_range,
    shown,
)

__all__ = ["ProgressCallback", "Recorder"]

BLOCK_VALUES = 65_536
"""Gradient values held between two checks: a block is BLOCK_VALUES // P epochs long, between 1 and MAX_BLOCK."""

MAX_BLOCK = 256

SLOT_CHUNK = 1024
"""History rows are handed out as views made 1024 at a time (one ``unbind``), not by an indexing op per epoch."""

ProgressCallback = Callable[[int, int], None]


def numpy_views_fit(start: torch.Tensor) -> bool:
    """Whether the in-place rows may be copied through NumPy views: a CPU tensor NumPy can view, without a graph."""
    return start.device.type == "cpu" and start.dtype in (torch.float32, torch.float64) and not start.requires_grad


class Recorder:
    """One run's history: filled by ``row`` from the loop, once an epoch; turned into frames by ``finish``."""

    def __init__(self, start: torch.Tensor, epochs: int, policy: RecordPolicy, progress: ProgressCallback | None,
                 updates_in_place: bool):
        if not isinstance(start, torch.Tensor) or start.dim() < 1 or not start.is_floating_point():
            raise ArgumentTypeError(f"start must be a float tensor (the packed parameters), got {shown(start)}")
        epochs = check_epochs(epochs)
        if not isinstance(policy, RecordPolicy):
            raise ArgumentTypeError(f"policy must be a bp_core.history.RecordPolicy, got {shown(policy)}")
        progress = check_callable("progress", progress, "done, total")
        updates_in_place = check_bool("updates_in_place", updates_in_place)
        check_int_range("history values", policy.rows(epochs) * (start.numel() if policy.index is None
                                                                  else len(policy.index)), 0, MAX_HISTORY_CELLS)
        self.epochs, self.policy, self.progress = epochs, policy, progress
        self.in_place = updates_in_place
        self.report_every = max(1, epochs // 100)
        self.every_row = policy.every_parameter_every_epoch
        size = start.numel()
        self.block = max(1, min(MAX_BLOCK, BLOCK_VALUES // size))
        self.index = None if policy.index is None else torch.tensor(policy.index, device=start.device)
        width = size if self.index is None else len(self.index)
        if self.every_row:  # (epochs + 1, *theta.shape): row e holds the parameters after e updates
            self.rows = torch.empty((epochs + 1, *start.shape), dtype=start.dtype, device=start.device)
            self.rows[0].copy_(start)
        else:
            self.rows = torch.empty((policy.rows(epochs), width), dtype=start.dtype, device=start.device)
        self.start = start
        self.pending_thetas: list[torch.Tensor] = []  # thinned history: the block's parameters, checked with it
        self.last_kept: torch.Tensor | None = None  # thinned history: the parameters of the last kept row
        # in place (the autograd loop): row() gets the same parameter tensor every epoch, updated by step(). On the
        # CPU, NumPy views of it and of the rows make each epoch's copy a NumPy assignment, a far shorter path than
        # torch's copy_ (dispatch, TensorIterator); bit for bit the same values
        self.numpy_rows: np.ndarray | None = None
        if self.every_row and updates_in_place and numpy_views_fit(start):
            self.numpy_rows, self.numpy_theta = self.rows.numpy(), start.numpy()
        self.slot_chunk = -1
        self.slot_views: tuple[torch.Tensor, ...] = ()
        self.pending_losses: list[float] = []
        self.pending_grads: list[torch.Tensor] = []
        self.losses: list[torch.Tensor] = []  # float64 on the CPU, one tensor per block
        self.grad_norms: list[torch.Tensor] = []
        self.stamps: list[float] = []
        self.kept = 0  # rows checked and found finite
        self.threshold = math.inf
        self.diverged_at: int | None = None

    def _slot(self, row: int) -> torch.Tensor:
        chunk, offset = divmod(row, SLOT_CHUNK)
        if chunk != self.slot_chunk:
            self.slot_chunk, self.slot_views = chunk, self.rows[chunk * SLOT_CHUNK:(chunk + 1) * SLOT_CHUNK].unbind(0)
        return self.slot_views[offset]

    def first_theta(self) -> torch.Tensor:
        """The packed start as the manual loop should read it (in its history row when every row is kept)."""
        return self._slot(0) if self.every_row else self.start.clone()

    def next_slot(self, epoch: int) -> torch.Tensor | None:
        """Where the manual update of ``epoch`` goes: history row ``epoch + 1``, or a new tensor (None)."""
        return self._slot(epoch + 1) if self.every_row else None

    def row(self, epoch: int, now: float, loss: torch.Tensor, theta: torch.Tensor, grad: torch.Tensor) -> bool:
        """Hand over row ``epoch``, whose epoch began at ``now`` (so the previous epoch's update ended then); False
        when training must stop (diverged, or this was the last row). The loop's one recording call per epoch."""
        self.stamps.append(now)
        if self.progress is not None and epoch and (epoch % self.report_every == 0 or epoch == self.epochs):
            self.progress(epoch, self.epochs)  # epoch updates are done
        self.pending_losses.append(loss.item())  # on a GPU this waits for the epoch, as the clock does
        self.pending_grads.append(grad)
        if self.every_row:
            if self.numpy_rows is not None:
                self.numpy_rows[epoch] = self.numpy_theta  # theta's values now, through the view made at the start
            elif self.in_place:
                self._slot(epoch).copy_(theta)
        else:  # each row's parameters are held until its block is checked (the in-place ones copied)
            self.pending_thetas.append(theta.clone() if self.in_place else theta)
            if epoch % self.policy.stride == 0:
                self._keep_strided(epoch // self.policy.stride, theta)
        if len(self.pending_losses) < self.block and epoch < self.epochs:
            return True
        return self._check_block(epoch) and epoch < self.epochs

    def _keep_strided(self, slot: int, theta: torch.Tensor) -> None:
        flat = theta.reshape(-1)
        self.rows[slot].copy_(flat if self.index is None else flat[self.index])

    def _check_block(self, last: int) -> bool:
        """Check rows ``kept .. last``; keep the finite ones and note the divergence epoch, if any."""
        first = self.kept
        with torch.no_grad():
            losses = torch.tensor(self.pending_losses, dtype=torch.float64)  # exact: a float32 widens exactly
            # cat, not stack: stack makes a view of each gradient first; every gradient has theta's shape
            grads = torch.cat(self.pending_grads).reshape(len(self.pending_grads), -1).double()
            norms = torch.linalg.vector_norm(grads, dim=1)
            held = (self.rows[first:last + 1] if self.every_row else
                    torch.cat([theta.reshape(-1) for theta in self.pending_thetas]))
            params_ok = torch.isfinite(held).reshape(last + 1 - first, -1).all(dim=1)
        self.pending_losses.clear()
        self.pending_grads.clear()
        norms, params_ok = norms.cpu(), params_ok.cpu()
        if first == 0:
            initial = float(losses[0])
            self.threshold = DIVERGENCE_FACTOR * max(initial, 1.0) if math.isfinite(initial) else math.inf
        broken = ~torch.isfinite(losses) | ~torch.isfinite(norms) | ~params_ok
        exploded = torch.isfinite(losses) & (losses > self.threshold)
        stop = None
        if bool(broken.any()) or bool(exploded.any()):
            first_broken = int(broken.nonzero()[0, 0]) if bool(broken.any()) else len(losses)
            first_exploded = int(exploded.nonzero()[0, 0]) if bool(exploded.any()) else len(losses)
            stop = first_broken if first_broken <= first_exploded else first_exploded + 1
            self.diverged_at = first + min(first_broken, first_exploded)
        keep = len(losses) if stop is None else stop
        if not self.every_row:
            if keep:
                self.last_kept = self.pending_thetas[keep - 1]
            self.pending_thetas.clear()
        self.losses.append(losses[:keep])
        self.grad_norms.append(norms[:keep])
        self.kept = first + keep
        return stop is None

    def last_theta(self) -> torch.Tensor | None:
        """The parameters of the last kept row (None if no row was kept)."""
        if self.kept == 0:
            return None
        if self.every_row:
            return self.rows[self.kept - 1]
        return self.last_kept

    def finish(self, names: list[str]) -> tuple[pd.DataFrame, pd.DataFrame | None, np.ndarray, torch.Tensor | None]:
        """(history, the strided parameter rows or None, epoch_seconds, last theta) of the kept rows, on the CPU."""
        kept = self.kept
        losses = torch.cat(self.losses).numpy() if self.losses else np.zeros(0)
        norms = torch.cat(self.grad_norms).numpy() if self.grad_norms else np.zeros(0)
        epochs = np.arange(kept, dtype=np.int64)
        last = self.last_theta()
        seconds = np.diff(np.asarray(self.stamps, dtype=np.float64))[:max(kept - 1, 0)]
        stride = self.policy.stride
        param_epochs = np.arange(0, kept, stride, dtype=np.int64)
        values = self.rows[:len(param_epochs)].reshape(len(param_epochs), len(names)).detach().cpu().double().numpy()
        if stride > 1 and kept and param_epochs[-1] != kept - 1:  # the last kept row, always
            assert last is not None  # kept > 0
            flat = last.reshape(-1)
            final = (flat if self.index is None else flat[self.index]).detach().cpu().double().numpy()
            param_epochs = np.append(param_epochs, kept - 1)
            values = np.vstack([values, final[None, :]])
        if stride > 1:
            history = pd.DataFrame({"epoch": epochs, "loss": losses, "grad_norm": norms})
            return history, _frame(param_epochs, {}, names, values, {}), seconds, last
        return _frame(epochs, {"loss": losses}, names, values, {"grad_norm": norms}), None, seconds, last


def _frame(epochs: np.ndarray, before: dict, names: list[str], values: np.ndarray, after: dict) -> pd.DataFrame:
    """One frame, epoch first, built in one go (a column at a time costs milliseconds per run in pandas)."""
    if len(names) <= 256:
        columns = {"epoch": epochs, **before, **dict(zip(names, values.T)), **after}
        return pd.DataFrame(columns, copy=False)
    block = np.column_stack([*before.values(), values, *after.values()])
    frame = pd.DataFrame(block, columns=[*before, *names, *after])
    frame.insert(0, "epoch", epochs)
    return frame
