"""Checking gradients as a learner would: three gradients in one precision with a verdict per parameter, and what
happens when ``optimizer.zero_grad()`` is forgotten.

A central finite difference (L(p + e) - L(p - e)) / 2e subtracts two nearly equal losses. float32 keeps about 7
significant digits, so with e = 1e-3 the difference keeps only 3 or 4 of them: a float32 finite difference agrees
with the true gradient to about 1e-3 relative, never to the 1e-6 that a tight check asks. float64 (about 16 digits)
passes it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import torch

from ..contract import Model, Params, check_model
from ..data import as_dataset
from ..limits import check_choice, check_epochs, check_learning_rate, check_params
from ..models import flatten, scalar_names
from ..training import train
from .gradient_methods import gradcheck_manual, gradients

__all__ = ["DTYPES", "VERDICTS", "WRONG_MARGIN", "gradient_report", "gradient_table", "GradientReport",
           "GradientTable", "zero_grad_comparison", "ZeroGradComparison"]

DTYPES = {"float32": torch.float32, "float64": torch.float64}
FD_RTOL, FD_ATOL = 1e-6, 1e-9
"""A tight finite-difference check: |numeric - autograd| <= FD_ATOL + FD_RTOL |autograd|."""
BACKPROP_RTOL, BACKPROP_ATOL = 1e-5, 1e-8
"""manual and autograd compute the same expression: they agree within rounding (as ``gradient_check``)."""
VERDICTS = ("pass", "finite_difference_off", "manual_mismatch")
WRONG_MARGIN = 0.10
"""The run without zero_grad goes wrong at the first epoch whose loss is more than 10% above the correct run's."""


@dataclass(frozen=True, eq=False)
class GradientTable:
    """manual, autograd and central finite-difference gradients of every scalar parameter, in one precision."""

    dtype: str  # "float32" or "float64": parameters, data and all three gradients
    epsilon: float  # finite-difference step
    table: pd.DataFrame  # parameter, manual, autograd, numeric, manual_abs_error, manual_rel_error,
    #                      numeric_abs_error, numeric_rel_error, verdict (one of VERDICTS)

    @property
    def passed(self) -> bool:
        return bool((self.table["verdict"] == "pass").all())


def _relative(error: torch.Tensor, reference: torch.Tensor) -> torch.Tensor:
    return error / reference.abs().clamp_min(torch.finfo(torch.float64).tiny)


def gradient_table(model: Model, params: Params, data: object, dtype: str = "float64") -> GradientTable:
    """The three gradients at ``params`` computed in ``dtype``, their errors against autograd, a verdict per row.

    Verdict: ``manual_mismatch`` if manual and autograd differ by more than rounding, else
    ``finite_difference_off`` if the finite difference misses autograd by more than the tight tolerance, else
    ``pass``. Errors are computed in float64 from the values in ``dtype``.

    Examples
    --------
    >>> import bp_core
    >>> mlp = bp_core.MLP()
    >>> gradient_table(mlp, mlp.init_params(), bp_core.half_adder(), "float64").passed
    True
    >>> gradient_table(mlp, mlp.init_params(), bp_core.half_adder(), "float32").passed
    False
    """
    model = check_model(model)
    check_choice("dtype", dtype, tuple(DTYPES))
    params = {k: v.to(DTYPES[dtype]) for k, v in check_params(model, params).items()}
    data = as_dataset(data, model.in_features, model.out_features).to(DTYPES[dtype])
    manual, auto, numeric = (flatten(gradients(model, params, data, method)).double()
                             for method in ("manual", "autograd", "numeric"))
    manual_error, numeric_error = (manual - auto).abs(), (numeric - auto).abs()
    manual_ok = torch.isclose(manual, auto, rtol=BACKPROP_RTOL, atol=BACKPROP_ATOL)
    numeric_ok = numeric_error <= FD_ATOL + FD_RTOL * auto.abs()
    verdict = [VERDICTS[0] if m and n else (VERDICTS[2] if not m else VERDICTS[1])
               for m, n in zip(manual_ok.tolist(), numeric_ok.tolist())]
    table = pd.DataFrame({
        "parameter": scalar_names(params), "manual": manual.numpy(), "autograd": auto.numpy(),
        "numeric": numeric.numpy(), "manual_abs_error": manual_error.numpy(),
        "manual_rel_error": _relative(manual_error, auto).numpy(), "numeric_abs_error": numeric_error.numpy(),
        "numeric_rel_error": _relative(numeric_error, auto).numpy(), "verdict": verdict,
    })
    return GradientTable(dtype, 1e-6 if dtype == "float64" else 1e-3, table)


@dataclass(frozen=True, eq=False)
class GradientReport:
    """Both precisions and ``torch.autograd.gradcheck`` of the hand-derived backward (float64)."""

    tables: dict[str, GradientTable]  # "float32", "float64"
    gradcheck_passed: bool


def gradient_report(model: Model, params: Params, data: object) -> GradientReport:
    """``gradient_table`` in float32 and float64, and ``gradcheck_manual``: everything the check page shows."""
    tables = {dtype: gradient_table(model, params, data, dtype) for dtype in DTYPES}
    return GradientReport(tables, gradcheck_manual(model, params, data))


@dataclass(frozen=True, eq=False)
class ZeroGradComparison:
    """The same autograd training with ``optimizer.zero_grad()`` and without it."""

    history: pd.DataFrame  # epoch, loss_with, loss_without, grad_norm_with, grad_norm_without (NaN after a stop)
    went_wrong_at: int | None  # first epoch whose loss without zero_grad is > (1 + WRONG_MARGIN) x the loss with it,
    #                            or where the run without it diverged; None if neither happened
    diverged_at: int | None  # of the run without zero_grad
    epochs: int
    learning_rate: float


def zero_grad_comparison(model: Model, data: object, learning_rate: float, epochs: int) -> ZeroGradComparison:
    """Train with autograd twice from the same start, once forgetting ``zero_grad()`` so gradients accumulate.

    Without it, ``.grad`` after epoch e holds the sum of every gradient so far, and each step follows that sum.

    Examples
    --------
    >>> import bp_core
    >>> runs = zero_grad_comparison(bp_core.Line(), bp_core.seed_line(), 0.01, 50)
    >>> runs.went_wrong_at
    5
    """
    model = check_model(model)
    learning_rate, epochs = check_learning_rate(learning_rate), check_epochs(epochs)
    with_it = train(model, data, "autograd", learning_rate, epochs)
    without = train(model, data, "autograd", learning_rate, epochs, zero_grad=False)
    columns = {"loss": "loss_with", "grad_norm": "grad_norm_with"}
    history = with_it.history[["epoch", "loss", "grad_norm"]].rename(columns=columns).merge(
        without.history[["epoch", "loss", "grad_norm"]].rename(columns={"loss": "loss_without",
                                                                           "grad_norm": "grad_norm_without"}),
        on="epoch", how="outer")
    worse = history.index[history["loss_without"] > (1 + WRONG_MARGIN) * history["loss_with"]]
    candidates = [int(history.loc[worse[0], "epoch"])] if len(worse) else []
    if without.diverged_at is not None:
        candidates.append(without.diverged_at)
    return ZeroGradComparison(history, min(candidates) if candidates else None, without.diverged_at, epochs,
                              learning_rate)
