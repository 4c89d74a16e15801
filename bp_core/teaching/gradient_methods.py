"""Gradients three ways (hand-derived, autograd, central finite differences) and a table that compares them."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import torch

from ..contract import Model, check_model, check_params
from ..cost import check_seconds, forward_seconds
from ..data import as_dataset
from ..grad_mode import grad_enabled
from ..limits import check_choice, check_real
from ..models import Params, flatten, manual_loss_and_grads, predict, scalar_names, unflatten

__all__ = ["GRADIENT_METHODS", "MAX_EPSILON", "gradcheck_manual", "gradient_check", "GradientCheck", "gradients"]

GRADIENT_METHODS = ("manual", "autograd", "numeric")

MAX_EPSILON = 1.0
"""Largest finite-difference step accepted; a step that large already measures a secant, not a slope."""


def _check_numeric_work(argument: str, model: Model, params: Params, n_samples: int, passes_per_parameter: int) -> None:
    """Finite differences need ``passes_per_parameter`` forward passes per parameter."""
    n_params = sum(p.numel() for p in params.values())
    check_seconds(argument, passes_per_parameter * n_params * forward_seconds(model, n_samples),
               f"{passes_per_parameter} forward passes for each of {n_params} parameters over {n_samples} samples")


def _loss(model: Model, params: Params, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return torch.nn.functional.mse_loss(predict(model, params, x), y)


@grad_enabled
def gradients(model: Model, params: Params, data: object, method: str = "manual", *,
              epsilon: float | None = None) -> Params:
    """The gradient of the MSE loss at ``params``, one tensor per parameter, shaped like it.

    Parameters
    ----------
    params : dict of tensors
        Float32 or float64, the model's names and shapes, finite; the data are cast to the same dtype. Tensors that
        require grad are detached (the result never joins the caller's graph).
    method : {"manual", "autograd", "numeric"}
        ``numeric`` uses central differences (f(p + e) - f(p - e)) / 2e, with e = 1e-6 in float64 and 1e-3 in
        float32 unless ``epsilon`` (a real number in (0, 1]) is given. It costs two forward passes per parameter:
        refused up front when estimated beyond ``MAX_CALL_SECONDS``.

    Examples
    --------
    >>> import bp_core
    >>> g = bp_core.gradients(bp_core.Line(), bp_core.Line().init_params(), bp_core.seed_line(), "manual")
    >>> g["w"].tolist(), g["b"].tolist()
    ([[-35.0]], [[-12.0]])
    """
    model = check_model(model)
    params = check_params(model, params)
    check_choice("method", method, GRADIENT_METHODS)
    if epsilon is not None:
        if method != "numeric":
            raise ValueError(f"epsilon applies to method='numeric' only, got method={method!r}")
        epsilon = check_real("epsilon", epsilon, 0.0, MAX_EPSILON, low_open=True)
    dtype = next(iter(params.values())).dtype
    data = as_dataset(data, model.in_features, model.out_features).to(dtype)
    if method == "numeric":
        _check_numeric_work("method='numeric'", model, params, data.n_samples, 2)
    if method == "manual":
        with torch.no_grad():
            return manual_loss_and_grads(model, params, data.x, data.y)[1]
    if method == "autograd":
        leaves = {k: v.detach().clone().requires_grad_(True) for k, v in params.items()}
        grads = torch.autograd.grad(_loss(model, leaves, data.x, data.y), list(leaves.values()))
        return dict(zip(leaves, grads))
    largest = max(1.0, float(flatten(params).abs().max()))
    floor = 16 * torch.finfo(dtype).eps * largest  # below it p ± epsilon rounds to p itself, or nearly
    if epsilon is None:
        epsilon = 1e-6 if dtype == torch.float64 else 1e-3
    elif epsilon < floor:
        raise ValueError(f"epsilon must be at least {floor:.3g} for {dtype} parameters as large as {largest:g} "
                         f"(16 units in their last place), got {epsilon!r}")
    return _numeric(model, params, data.x, data.y, epsilon)


def _numeric(model: Model, params: Params, x: torch.Tensor, y: torch.Tensor, epsilon: float) -> Params:
    theta = flatten(params).detach().clone()
    grad = torch.empty_like(theta)
    with torch.no_grad():
        for i in range(theta.numel()):
            saved = theta[i].item()
            theta[i] = saved + epsilon
            up = _loss(model, unflatten(theta, params), x, y).item()
            theta[i] = saved - epsilon
            down = _loss(model, unflatten(theta, params), x, y).item()
            theta[i] = saved
            if not (math.isfinite(up) and math.isfinite(down)):
                raise ValueError(f"params: the loss is not finite in {theta.dtype} at the parameter {i} ± epsilon "
                                 f"({up!r}, {down!r}), so no finite difference exists; pass float64 params or "
                                 "smaller values")
            grad[i] = (up - down) / (2 * epsilon)
    return {k: v.clone() for k, v in unflatten(grad, params).items()}


class _ManualBackward(torch.autograd.Function):
    """Wraps the hand-derived gradient as a backward, so torch.autograd.gradcheck can test it."""

    @staticmethod
    def forward(ctx, theta, model, x, y):
        with torch.no_grad():
            loss, grad = model.manual_packed(theta, x, y)
        ctx.save_for_backward(grad)
        return loss

    @staticmethod
    def backward(ctx, grad_output):
        (grad,) = ctx.saved_tensors
        return grad_output * grad, None, None, None


@grad_enabled
def gradcheck_manual(model: Model, params: Params, data: object) -> bool:
    """``torch.autograd.gradcheck`` of the hand-derived gradient in float64: True if it matches finite differences.

    Raises nothing on a mismatch (returns False); gradcheck's own tolerances apply. Its finite differences cost two
    forward passes per parameter: refused up front when estimated beyond ``MAX_CALL_SECONDS``.
    """
    model = check_model(model)
    params = check_params(model, params)
    data = as_dataset(data, model.in_features, model.out_features).to(torch.float64)
    _check_numeric_work("params", model, params, data.n_samples, 2)
    theta = model.pack({k: v.double() for k, v in params.items()}).detach().clone().requires_grad_(True)
    x = model.design(data.x)
    return torch.autograd.gradcheck(lambda t: _ManualBackward.apply(t, model, x, data.y), (theta,),
                                    raise_exception=False)


@dataclass(frozen=True, eq=False)
class GradientCheck:
    """Per scalar parameter: the three gradients, the errors of manual against autograd, and a verdict."""

    table: pd.DataFrame  # parameter, manual, autograd, numeric, abs_error, rel_error, numeric_abs_error, verdict
    gradcheck_passed: bool  # torch.autograd.gradcheck on the manual backward, float64
    max_abs_error: float  # largest |manual - autograd|
    dtype: str


@grad_enabled
def gradient_check(model: Model, params: Params, data: object, *, rtol: float = 1e-5,
                   atol: float = 1e-8) -> GradientCheck:
    """Compare manual, autograd and numeric gradients, in the style of nn-zero-to-hero's ``cmp()``.

    Verdict per parameter: ``exact`` if manual and autograd agree bit for bit, ``close`` if they agree within
    ``rtol``/``atol`` (finite real numbers >= 0), otherwise ``MISMATCH``. Finite differences and gradcheck cost
    four forward passes per parameter: refused up front when estimated beyond ``MAX_CALL_SECONDS``.

    Examples
    --------
    >>> import bp_core
    >>> check = bp_core.gradient_check(bp_core.MLP(), bp_core.MLP().init_params(), bp_core.half_adder())
    >>> check.gradcheck_passed, set(check.table["verdict"]) <= {"exact", "close"}
    (True, True)
    """
    model = check_model(model)
    params = check_params(model, params)
    rtol, atol = check_real("rtol", rtol, 0.0), check_real("atol", atol, 0.0)
    n_samples = as_dataset(data, model.in_features, model.out_features).n_samples
    _check_numeric_work("params", model, params, n_samples, 4)
    names = scalar_names(params)
    manual = flatten(gradients(model, params, data, "manual")).double()
    auto = flatten(gradients(model, params, data, "autograd")).double()
    numeric = flatten(gradients(model, {k: v.double() for k, v in params.items()}, data, "numeric"))
    abs_error = (manual - auto).abs()
    rel_error = abs_error / torch.maximum(manual.abs().maximum(auto.abs()), torch.tensor(1e-300, dtype=torch.float64))
    close = torch.isclose(manual, auto, rtol=rtol, atol=atol)
    verdict = ["exact" if a == b else ("close" if c else "MISMATCH")
               for a, b, c in zip(manual.tolist(), auto.tolist(), close.tolist())]
    table = pd.DataFrame({
        "parameter": names, "manual": manual.numpy(), "autograd": auto.numpy(), "numeric": numeric.numpy(),
        "abs_error": abs_error.numpy(), "rel_error": rel_error.numpy(),
        "numeric_abs_error": (manual - numeric).abs().numpy(), "verdict": verdict,
    })
    return GradientCheck(table, gradcheck_manual(model, params, data), float(abs_error.max()),
                         str(next(iter(params.values())).dtype).replace("torch.", ""))
