"""Gradients three ways (hand-derived, autograd, central finite differences) and a table that compares them."""

from __future__ import annotations

import math
from typing import Any

import torch

from ..budget import check_call_work
from ..contract import Model, check_model, check_params
from ..cost import check_seconds, epoch_seconds, forward_seconds
from ..data import as_dataset
from ..grad_mode import grad_enabled
from ..limits import check_choice, check_real
from ..models import Params, flatten, manual_loss_and_grads, predict, unflatten

__all__ = ["FD_STEPS", "GRADIENT_METHODS", "MAX_EPSILON", "gradcheck_manual", "gradients"]

GRADIENT_METHODS = ("manual", "autograd", "numeric")

FD_STEPS = {torch.float32: 1e-3, torch.float64: 1e-6}
"""The central finite difference's step e per dtype, its one home (about eps^(1/3) of each: the truncation error e²
and the rounding error eps/e balance there)."""
GRADCHECK_CALL_SECONDS = 0.3e-3
"""What one of torch.autograd.gradcheck's calls of the hand-derived backward costs here beyond an epoch by hand
(``epoch_seconds``), its own bookkeeping. Measured on this machine (2 cores, idle), per call against the epoch's
estimate: 2-20-2 on 4 rows 0.36 ms (0.34), 2-50-2 on 3000 rows 1.8 ms (4.8), 2-150-2 on 2000 rows 5.1 ms (9.0);
2-100-2 on 3000 rows ran in 5.2 s, estimated 10 s (the old count, a forward pass per call, said 2.5 s)."""
MAX_EPSILON = 1.0
"""Largest finite-difference step accepted; a step that large already measures a secant, not a slope."""


def check_numeric_work(argument: str, model: Model, params: Params, n_samples: int,
                       passes_per_parameter: int) -> None:
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
    check_call_work(model, data.n_samples, f"method={method!r}: the loss's forward and backward pass", passes=1,
                    copies=2, dtype=dtype)
    if method == "numeric":
        check_numeric_work("method='numeric'", model, params, data.n_samples, 2)
    if method == "manual":
        with torch.no_grad():
            return finite_gradients(method, dtype, manual_loss_and_grads(model, params, data.x, data.y)[1])
    if method == "autograd":
        leaves = {k: v.detach().clone().requires_grad_(True) for k, v in params.items()}
        grads = torch.autograd.grad(_loss(model, leaves, data.x, data.y), list(leaves.values()))
        return finite_gradients(method, dtype, dict(zip(leaves, grads)))
    largest = max(1.0, float(flatten(params).abs().max()))
    floor = 16 * torch.finfo(dtype).eps * largest  # below it p ± epsilon rounds to p itself, or nearly
    if epsilon is None:
        epsilon = FD_STEPS[dtype]
    elif epsilon < floor:
        raise ValueError(f"epsilon must be at least {floor:.3g} for {dtype} parameters as large as {largest:g} "
                         f"(16 units in their last place), got {epsilon!r}")
    return _numeric(model, params, data.x, data.y, epsilon)


def finite_gradients(method: str, dtype: torch.dtype, grads: Params) -> Params:
    """``grads`` when every number is finite; else the ValueError 'numeric' raises, naming params (issue 31: 'manual'
    and 'autograd' returned inf or NaN at w = 3e38 where 'numeric' refused)."""
    for name, grad in grads.items():
        if not bool(torch.isfinite(grad).all()):
            raise ValueError(f"params: the {method} gradient of {name} is not finite in {dtype} at these parameters "
                             "(the loss overflows); pass smaller or float64 params")
    return grads


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
    def forward(ctx: Any, theta: torch.Tensor, model: Model, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        with torch.no_grad():
            loss, grad = model.manual_packed(theta, x, y)
        ctx.save_for_backward(grad)
        return loss

    @staticmethod
    def backward(ctx: Any, grad_output: torch.Tensor) -> tuple[torch.Tensor, None, None, None]:
        (grad,) = ctx.saved_tensors
        return grad_output * grad, None, None, None


@grad_enabled
def gradcheck_manual(model: Model, params: Params, data: object) -> bool:
    """``torch.autograd.gradcheck`` of the hand-derived gradient in float64: True if it matches finite differences.

    Raises nothing on a mismatch (returns False); gradcheck's own tolerances apply. Its finite differences cost two
    calls per parameter, and each call here is a forward and the hand-derived backward (an epoch by hand): refused up
    front when estimated beyond ``MAX_CALL_SECONDS``.
    """
    model = check_model(model)
    params = check_params(model, params)
    data = as_dataset(data, model.in_features, model.out_features).to(torch.float64)
    n_params = sum(p.numel() for p in params.values())
    per_call = GRADCHECK_CALL_SECONDS + epoch_seconds(model, data.n_samples, "manual")
    check_seconds("params", 2 * n_params * per_call,
                  f"gradcheck's 2 calls (each a forward and the hand-derived backward) for each of {n_params} "
                  f"parameters over {data.n_samples} samples")
    theta = model.pack({k: v.double() for k, v in params.items()}).detach().clone().requires_grad_(True)
    x = model.design(data.x)
    return torch.autograd.gradcheck(lambda t: _ManualBackward.apply(t, model, x, data.y), (theta,),
                                    raise_exception=False)
