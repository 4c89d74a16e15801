"""What a derivative means: nudge one parameter by ε and watch the loss move by about ∂L/∂p × ε.

The loss is the batch MSE, computed in float64 before and after the nudge; the gradient is autograd's, also in
float64. As ε shrinks the actual change and gradient × ε agree to more digits, until float64's own rounding of the
two losses' difference takes over (below about ε = 1e-8 here). The gradient check's finite differences are this, done
twice (+ε and −ε) and divided by 2ε.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import torch

from ..budget import check_call_work
from ..contract import Model, Params, check_model, check_params
from ..data import as_dataset
from ..grad_mode import grad_enabled
from ..limits import ArgumentTypeError, check_real, shown
from ..models import flatten, predict, unflatten
from ..names import iter_scalar_names, scalar_position

__all__ = ["MAX_NUDGE", "Nudge", "nudge"]

MAX_NUDGE = 10.0
"""The largest |ε| nudge takes."""


@dataclass(frozen=True)
class Nudge:
    """The loss before and after one parameter moved by ε, beside gradient × ε."""

    parameter: str
    epsilon: float
    loss_before: float
    loss_after: float
    gradient: float  # ∂L/∂p at the parameters before the nudge (autograd, float64)

    @property
    def change(self) -> float:
        """What the loss actually did: after − before."""
        return self.loss_after - self.loss_before

    @property
    def predicted(self) -> float:
        """What the derivative says it does, to first order: ∂L/∂p × ε."""
        return self.gradient * self.epsilon

    @property
    def agreeing_digits(self) -> int:
        """Leading significant digits in which the change and gradient × ε agree (0 to 16): −log10 of their relative
        difference, rounded down."""
        if self.predicted == self.change:
            return 16
        if self.predicted == 0 or not (math.isfinite(self.change) and math.isfinite(self.predicted)):
            return 0  # no figure agrees with an infinite or undefined one
        relative = abs(self.change - self.predicted) / abs(self.predicted)
        return 0 if not math.isfinite(relative) else max(0, min(16, math.floor(-math.log10(relative))))


@grad_enabled
def nudge(model: Model, params: Params, data: object, parameter: str, epsilon: float) -> Nudge:
    """Move ``parameter`` (a scalar name: ``w``, ``W1[0,1]``, ``b2[1]``) by ``epsilon`` and measure the batch loss.

    Examples
    --------
    >>> import bp_core
    >>> result = nudge(bp_core.Line(), bp_core.Line().init_params(), bp_core.seed_line(), "w", 1e-4)
    >>> result.gradient, round(result.change, 6), result.agreeing_digits
    (-35.0, -0.0035, 4)
    """
    model = check_model(model)
    params = check_params(model, params)
    dataset = as_dataset(data, model.in_features, model.out_features).to(torch.float64)
    if not isinstance(parameter, str):
        raise ArgumentTypeError(f"parameter must be a str, one of the model's scalar names, got {shown(parameter)}")
    index = scalar_position(params, parameter)
    if index is None:
        count = sum(tensor.numel() for tensor in params.values())
        first = ", ".join(itertools.islice(iter_scalar_names(params), 4))
        raise ValueError(f"parameter must be one of the model's {count} scalar names ({first}, ...), got "
                         f"{shown(parameter)}")
    epsilon = check_real("epsilon", epsilon, -MAX_NUDGE, MAX_NUDGE)
    if epsilon == 0:
        raise ValueError("epsilon must be a nonzero real number in [-10, 10], got 0")
    check_call_work(model, dataset.n_samples, "the nudge's backward pass and forward pass in float64", passes=1,
                    forwards=1, copies=3, dtype=torch.float64, argument="data")
    start = {name: tensor.detach().to(torch.float64) for name, tensor in params.items()}
    x, y = dataset.x, dataset.y
    theta = flatten(start)  # a new vector: the nudge below never touches the caller's tensors
    leaf = theta.clone().requires_grad_(True)
    before = torch.nn.functional.mse_loss(predict(model, unflatten(leaf, start), x), y)
    (grad,) = torch.autograd.grad(before, leaf)
    moved = theta.clone()
    moved[index] += epsilon
    with torch.no_grad():
        after = torch.nn.functional.mse_loss(predict(model, unflatten(moved, start), x), y)
    result = Nudge(parameter, epsilon, float(before.detach()), float(after), float(grad[index]))
    if not all(map(math.isfinite, (result.loss_before, result.loss_after, result.gradient))):
        raise ValueError(f"params: the loss or its gradient is not finite in float64 at these parameters (or with "
                         f"{parameter} moved by {epsilon!r}); pass smaller params or a smaller epsilon")
    return result
