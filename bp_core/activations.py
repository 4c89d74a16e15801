"""Activation functions, each written beside its local derivative (micrograd's habit: backward next to forward).

In the lecture's words a unit takes in ``d`` (the weighted sum) and gives out ``n = f(d)``. The derivative f'(d) is
expressed through the unit's own output ``n`` where the maths allows (sigmoid, tanh), so the manual backward needs
only the values kept from the forward pass.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch

__all__ = ["ACTIVATIONS", "HIDDEN_ACTIVATIONS", "OUTPUT_ACTIVATIONS", "Activation"]


@dataclass(frozen=True)
class Activation:
    name: str
    forward: Callable[[torch.Tensor], torch.Tensor]  # n = f(d)
    derivative: Callable[[torch.Tensor, torch.Tensor], torch.Tensor]  # f'(d), given (d, n)
    formula: str  # f(d) and f'(d) as a learner reads them


ACTIVATIONS: dict[str, Activation] = {
    "sigmoid": Activation(
        "sigmoid",
        forward=torch.sigmoid,  # n = 1 / (1 + e^-d)
        derivative=lambda d, n: n * (1 - n),  # f'(d) = n (1 - n)
        formula="σ(d) = 1/(1+e^(-d)),  σ'(d) = σ(d)(1-σ(d))",
    ),
    "tanh": Activation(
        "tanh",
        forward=torch.tanh,
        derivative=lambda d, n: 1 - n * n,  # f'(d) = 1 - tanh(d)^2
        formula="tanh(d),  tanh'(d) = 1 - tanh(d)^2",
    ),
    "relu": Activation(
        "relu",
        forward=torch.relu,
        derivative=lambda d, n: (d > 0).to(d.dtype),  # f'(d) = 1 if d > 0 else 0 (0 at the kink, as torch)
        formula="relu(d) = max(0, d),  relu'(d) = 1 if d > 0 else 0",
    ),
    "identity": Activation(
        "identity",
        forward=lambda d: d,
        derivative=lambda d, n: torch.ones_like(d),  # f'(d) = 1
        formula="f(d) = d,  f'(d) = 1",
    ),
}

HIDDEN_ACTIVATIONS = ("sigmoid", "tanh", "relu")
OUTPUT_ACTIVATIONS = ("sigmoid", "tanh", "relu", "identity")
