"""Activation functions, each written beside its local derivative (micrograd's habit: backward next to forward).

The derivative is expressed through the activation's own output ``a`` where the maths allows (sigmoid, tanh), so the
manual backward needs only the values kept from the forward pass.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch

__all__ = ["ACTIVATIONS", "HIDDEN_ACTIVATIONS", "OUTPUT_ACTIVATIONS", "Activation"]


@dataclass(frozen=True)
class Activation:
    name: str
    forward: Callable[[torch.Tensor], torch.Tensor]  # a = f(z)
    derivative: Callable[[torch.Tensor, torch.Tensor], torch.Tensor]  # f'(z), given (z, a)
    formula: str  # f(z) and f'(z) as a learner reads them


ACTIVATIONS: dict[str, Activation] = {
    "sigmoid": Activation(
        "sigmoid",
        forward=torch.sigmoid,  # a = 1 / (1 + e^-z)
        derivative=lambda z, a: a * (1 - a),  # f'(z) = a (1 - a)
        formula="σ(z) = 1/(1+e^(-z)),  σ'(z) = σ(z)(1-σ(z))",
    ),
    "tanh": Activation(
        "tanh",
        forward=torch.tanh,
        derivative=lambda z, a: 1 - a * a,  # f'(z) = 1 - tanh(z)^2
        formula="tanh(z),  tanh'(z) = 1 - tanh(z)^2",
    ),
    "relu": Activation(
        "relu",
        forward=torch.relu,
        derivative=lambda z, a: (z > 0).to(z.dtype),  # f'(z) = 1 if z > 0 else 0 (0 at the kink, as torch)
        formula="relu(z) = max(0, z),  relu'(z) = 1 if z > 0 else 0",
    ),
    "identity": Activation(
        "identity",
        forward=lambda z: z,
        derivative=lambda z, a: torch.ones_like(z),  # f'(z) = 1
        formula="f(z) = z,  f'(z) = 1",
    ),
}

HIDDEN_ACTIVATIONS = ("sigmoid", "tanh", "relu")
OUTPUT_ACTIVATIONS = ("sigmoid", "tanh", "relu", "identity")
