"""The largest stable learning rate: gradient descent on a quadratic diverges once lr > 2 / lambda_max(Hessian)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

from .data import as_dataset
from .gradients import check_params
from .models import Params, flatten, predict, unflatten


@dataclass(frozen=True, eq=False)
class StabilityBound:
    """The loss Hessian at some parameters (float64), its eigenvalues and the learning-rate bound 2 / lambda_max."""

    hessian: torch.Tensor  # (P, P)
    eigenvalues: torch.Tensor  # (P,), ascending
    lambda_max: float
    learning_rate_bound: float  # 2 / lambda_max; inf when lambda_max <= 0 (no direction of positive curvature)


def stability_bound(model, params: Params | None, data) -> StabilityBound:
    """Hessian of the MSE loss by ``torch.autograd.functional.hessian``, its eigenvalues by ``eigvalsh``.

    For the line the loss is quadratic, so the bound is exact everywhere: above it every run diverges. For a network
    it holds near ``params`` only (the curvature changes as training moves).

    Examples
    --------
    >>> import bp_core
    >>> bound = bp_core.stability_bound(bp_core.Line(), None, bp_core.seed_line())
    >>> bound.hessian.tolist(), round(bound.learning_rate_bound, 4)
    ([[15.0, 5.0], [5.0, 2.0]], 0.1198)
    """
    params = check_params(model, model.init_params() if params is None else params)
    params64 = {k: v.detach().double() for k, v in params.items()}
    data = as_dataset(data, model.in_features, model.out_features).to(torch.float64)

    def loss_of(theta: torch.Tensor) -> torch.Tensor:
        return torch.nn.functional.mse_loss(predict(model, unflatten(theta, params64), data.x), data.y)

    hessian = torch.autograd.functional.hessian(loss_of, flatten(params64))  # (P, P)
    hessian = (hessian + hessian.T) / 2  # symmetric up to rounding; eigvalsh reads one triangle
    eigenvalues = torch.linalg.eigvalsh(hessian)
    lambda_max = float(eigenvalues[-1])
    bound = 2.0 / lambda_max if lambda_max > 0 else math.inf
    return StabilityBound(hessian, eigenvalues, lambda_max, bound)
