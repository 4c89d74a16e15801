"""Checking gradients as a learner would: three gradients in one precision with a verdict per parameter, and what
happens when ``optimizer.zero_grad()`` is forgotten.

A central finite difference (L(p + e) - L(p - e)) / 2e divides the difference of two nearly equal losses by the small
2e. Each loss carries a rounding error of about machine epsilon times its size; the division enlarges it, while a
larger e adds the error of the approximation itself (of order e^2). Balanced, the best a central difference can do is
about eps^(2/3) (eps: the dtype's machine epsilon): about 2.4e-5 in float32, 3.7e-11 in float64. So the verdict's
tolerance follows the dtype: the finite difference passes when it is within ``FD_FACTOR`` x eps^(2/3) x (1 + |autograd|)
of autograd. manual and autograd compute the same products in another order: they agree within ``BACKPROP_FACTOR``
x eps x (|autograd| + the largest |autograd| of the table), rounding relative to the gradient's own scale.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import torch

from ..contract import Model, Params, check_model, check_params
from ..data import as_dataset
from ..display import html_card
from ..grad_mode import grad_enabled
from ..limits import check_choice, check_epochs, check_learning_rate
from ..models import flatten, predict, scalar_names
from ..training import train
from .gradient_methods import FD_STEPS, check_numeric_work, gradcheck_manual, gradients

__all__ = ["DTYPES", "FD_FACTOR", "BACKPROP_FACTOR", "STEPS", "VERDICTS", "WRONG_MARGIN", "tolerances",
           "gradient_check", "GradientCheck", "gradient_report", "gradient_table", "GradientReport", "GradientTable",
           "zero_grad_comparison", "ZeroGradComparison"]

DTYPES = {"float32": torch.float32, "float64": torch.float64}
FD_FACTOR = 10.0
"""The finite difference passes within FD_FACTOR x eps^(2/3) x (1 + |autograd|) (see the module docstring)."""
BACKPROP_FACTOR = 64.0
"""manual passes within BACKPROP_FACTOR x eps x (|autograd| + max |autograd|): the same expression, rounded apart."""
STEPS = {name: FD_STEPS[dtype] for name, dtype in DTYPES.items()}
"""The finite-difference step e per dtype, by name (gradient_methods.FD_STEPS)."""


def tolerances(dtype: str) -> tuple[float, float]:
    """(finite-difference, manual) tolerance factors for ``dtype``: a row's finite difference passes within the first
    x (1 + |autograd|), manual within the second x (|autograd| + the table's largest |autograd|).

    Examples
    --------
    >>> [f"{x:.1e}" for x in tolerances("float32")]
    ['2.4e-04', '7.6e-06']
    """
    eps = torch.finfo(DTYPES[check_choice("dtype", dtype, tuple(DTYPES))]).eps
    return FD_FACTOR * eps ** (2 / 3), BACKPROP_FACTOR * eps
VERDICTS = ("pass", "finite_difference_off", "manual_mismatch")
WRONG_MARGIN = 0.10
"""The run without zero_grad goes wrong at the first epoch whose loss is more than 10% above the correct run's."""


@dataclass(frozen=True, eq=False)
class GradientTable:
    """manual, autograd and central finite-difference gradients of every scalar parameter, in one precision."""

    dtype: str  # "float32" or "float64": parameters, data and all three gradients
    epsilon: float  # finite-difference step
    numeric_tolerance: float  # a finite difference passes within this x (1 + |autograd|) (tolerances(dtype))
    manual_tolerance: float  # manual passes within this x (|autograd| + the table's largest |autograd|)
    loss: float  # the loss at the parameters, computed in dtype
    table: pd.DataFrame  # parameter, manual, autograd, numeric, manual_abs_error, manual_rel_error,
    #                      numeric_abs_error, numeric_rel_error, verdict (one of VERDICTS)

    @property
    def passed(self) -> bool:
        return bool((self.table["verdict"] == "pass").all())


def _relative(error: torch.Tensor, reference: torch.Tensor) -> torch.Tensor:
    return error / reference.abs().clamp_min(torch.finfo(torch.float64).tiny)


@grad_enabled
def gradient_table(model: Model, params: Params, data: object, dtype: str = "float64") -> GradientTable:
    """The three gradients at ``params`` computed in ``dtype``, their errors against autograd, a verdict per row.

    Verdict: ``manual_mismatch`` if manual and autograd differ by more than rounding, else
    ``finite_difference_off`` if the finite difference misses autograd by more than a central difference can reach
    in ``dtype`` (``tolerances``), else ``pass``. Errors are computed in float64 from the values in ``dtype``.

    Examples
    --------
    >>> import bp_core
    >>> mlp = bp_core.MLP()
    >>> gradient_table(mlp, mlp.init_params(), bp_core.half_adder(), "float64").passed
    True
    >>> gradient_table(mlp, mlp.init_params(), bp_core.half_adder(), "float32").passed
    True
    """
    model = check_model(model)
    check_choice("dtype", dtype, tuple(DTYPES))
    params = {k: v.to(DTYPES[dtype]) for k, v in check_params(model, params).items()}
    data = as_dataset(data, model.in_features, model.out_features).to(DTYPES[dtype])
    manual, auto, numeric = (flatten(gradients(model, params, data, method)).double()
                             for method in ("manual", "autograd", "numeric"))
    manual_error, numeric_error = (manual - auto).abs(), (numeric - auto).abs()
    numeric_tolerance, manual_tolerance = tolerances(dtype)
    manual_ok = manual_error <= manual_tolerance * (auto.abs() + auto.abs().max())
    numeric_ok = numeric_error <= numeric_tolerance * (1 + auto.abs())
    verdict = [VERDICTS[0] if m and n else (VERDICTS[2] if not m else VERDICTS[1])
               for m, n in zip(manual_ok.tolist(), numeric_ok.tolist())]
    table = pd.DataFrame({
        "parameter": scalar_names(params), "manual": manual.numpy(), "autograd": auto.numpy(),
        "numeric": numeric.numpy(), "manual_abs_error": manual_error.numpy(),
        "manual_rel_error": _relative(manual_error, auto).numpy(), "numeric_abs_error": numeric_error.numpy(),
        "numeric_rel_error": _relative(numeric_error, auto).numpy(), "verdict": verdict,
    })
    with torch.no_grad():
        loss = float(torch.nn.functional.mse_loss(predict(model, params, data.x), data.y))
    return GradientTable(dtype, STEPS[dtype], numeric_tolerance, manual_tolerance, loss, table)


@dataclass(frozen=True, eq=False)
class GradientCheck:
    """``gradient_table`` in the parameters' own precision, the exact column beside it, and gradcheck."""

    table: pd.DataFrame  # gradient_table's columns (verdict: one of VERDICTS) and exact: manual == autograd bit for bit
    gradcheck_passed: bool  # torch.autograd.gradcheck on the manual backward, float64
    dtype: str  # "float32" or "float64": the parameters' own

    def sentence(self) -> str:
        """The check in one sentence built from its numbers (what ``_repr_html_`` leads with)."""
        passed = int((self.table["verdict"] == "pass").sum())
        return (f"{passed} of {len(self.table)} parameters pass in {self.dtype} (manual, autograd and finite "
                f"differences agree); torch.autograd.gradcheck {'passed' if self.gradcheck_passed else 'failed'}.")

    def _repr_html_(self) -> str:
        return html_card("GradientCheck", self.sentence(), self.table)


@grad_enabled
def gradient_check(model: Model, params: Params, data: object) -> GradientCheck:
    """Every parameter's three gradients, in the style of nn-zero-to-hero's ``cmp()``: a thin view over
    ``gradient_table`` in the parameters' own dtype (one verdict vocabulary, VERDICTS: ``pass``,
    ``finite_difference_off``, ``manual_mismatch``), whether manual and autograd agree bit for bit (``exact``), and
    torch.autograd.gradcheck. Finite differences and gradcheck cost four forward passes per parameter: refused up
    front when estimated beyond ``MAX_CALL_SECONDS``.

    Examples
    --------
    >>> import bp_core
    >>> check = bp_core.gradient_check(bp_core.MLP(), bp_core.MLP().init_params(), bp_core.half_adder())
    >>> check.gradcheck_passed, set(check.table["verdict"]), check.dtype
    (True, {'pass'}, 'float32')
    """
    model = check_model(model)
    params = check_params(model, params)
    dtype = "float64" if next(iter(params.values())).dtype == torch.float64 else "float32"
    n_samples = as_dataset(data, model.in_features, model.out_features).n_samples
    check_numeric_work("params", model, params, n_samples, 4)
    table = gradient_table(model, params, data, dtype).table
    return GradientCheck(table.assign(exact=table["manual"] == table["autograd"]),
                         gradcheck_manual(model, params, data), dtype)


@dataclass(frozen=True, eq=False)
class GradientReport:
    """Both precisions and ``torch.autograd.gradcheck`` of the hand-derived backward (float64)."""

    tables: dict[str, GradientTable]  # "float32", "float64"
    gradcheck_passed: bool


@grad_enabled
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
    last_epoch: int  # the last epoch the run without zero_grad kept (epochs, unless it diverged); -1 if none
    accumulated_norm: float  # there: the norm of the .grad it stepped with (every gradient so far, summed)
    true_norm: float  # the norm of the true gradient at the same parameters (what zero_grad() would have left)


@grad_enabled
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
    last = len(without.history) - 1
    true_norm = float(torch.linalg.vector_norm(flatten(gradients(model, without.params, data, "autograd")).double()))
    accumulated = float(without.history["grad_norm"].iloc[last]) if last >= 0 else math.nan
    return ZeroGradComparison(history, min(candidates) if candidates else None, without.diverged_at, epochs,
                              learning_rate, last, accumulated, true_norm)
