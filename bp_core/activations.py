"""Activation functions, each written beside its local derivative (micrograd's habit: backward next to forward).

In the lecture's words a unit takes in ``d`` (the weighted sum) and gives out ``n = f(d)``. The derivative f'(d) is
expressed through the unit's own output ``n`` where the maths allows (sigmoid, tanh), and ``backward`` turns dL/dn
into dL/dd from ``n`` alone (ReLU: n > 0 exactly where d > 0), so the manual backward keeps only each layer's ``n``,
never ``d``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch

from .limits import check_choice, check_int_range, check_real

__all__ = ["ACTIVATIONS", "HIDDEN_ACTIVATIONS", "OUTPUT_ACTIVATIONS", "Activation", "worked_derivative"]


@dataclass(frozen=True)
class Activation:
    name: str
    forward: Callable[[torch.Tensor], torch.Tensor]  # n = f(d)
    derivative: Callable[[torch.Tensor, torch.Tensor], torch.Tensor]  # f'(d), given (d, n)
    backward: Callable[[torch.Tensor, torch.Tensor], torch.Tensor]  # dL/dd = dL/dn f'(d), given (dL/dn, n) alone
    formula: str  # f(d) and f'(d) as a learner reads them
    derivative_latex: str  # f'(d) in LaTeX, in the terms the derivative uses (n = f(d) for sigmoid and tanh)
    worked_latex: str  # what follows it with the unit's numbers: a str.format template over {d}, {n} and {value}


ACTIVATIONS: dict[str, Activation] = {
    "sigmoid": Activation(
        "sigmoid",
        forward=torch.sigmoid,  # n = 1 / (1 + e^-d)
        derivative=lambda d, n: n * (1 - n),  # f'(d) = n (1 - n)
        backward=lambda grad_n, n: grad_n * (1 - n) * n,  # dL/dd = dL/dn (1 - n) n: needs n only
        formula="σ(d) = 1/(1+e^(-d)),  σ'(d) = σ(d)(1-σ(d))",
        derivative_latex=r"\sigma'(d) = \sigma(d)\,(1 - \sigma(d)) = n\,(1 - n)",
        worked_latex=r"= {n} \times (1 - {n}) = {value}",
    ),
    "tanh": Activation(
        "tanh",
        forward=torch.tanh,
        derivative=lambda d, n: 1 - n * n,  # f'(d) = 1 - tanh(d)^2
        backward=lambda grad_n, n: grad_n * (1 - n * n),  # dL/dd = dL/dn (1 - n^2): needs n only
        formula="tanh(d),  tanh'(d) = 1 - tanh(d)^2",
        derivative_latex=r"\tanh'(d) = 1 - \tanh^2(d) = 1 - n^2",
        worked_latex=r"= 1 - ({n})^2 = {value}",
    ),
    "relu": Activation(
        "relu",
        forward=torch.relu,
        derivative=lambda d, n: (d > 0).to(d.dtype),  # f'(d) = 1 if d > 0 else 0 (0 at the kink, as torch)
        # dL/dd = dL/dn where the unit is on, 0 where it is off; n = max(0, d) > 0 exactly when d > 0, so n is enough
        backward=lambda grad_n, n: torch.where(n > 0, grad_n, 0.0),
        formula="relu(d) = max(0, d),  relu'(d) = 1 if d > 0 else 0",
        derivative_latex=r"\mathrm{ReLU}'(d) = \begin{cases} 1 & d > 0 \\ 0 & d \le 0 \end{cases}",
        worked_latex=r",\quad d = {d} \;\Rightarrow\; f'(d) = {value}",
    ),
    "identity": Activation(
        "identity",
        forward=lambda d: d,
        derivative=lambda d, n: torch.ones_like(d),  # f'(d) = 1
        backward=lambda grad_n, n: grad_n,  # dL/dd = dL/dn: f'(d) = 1
        formula="f(d) = d,  f'(d) = 1",
        derivative_latex=r"f'(d) = 1",
        worked_latex="",
    ),
}

HIDDEN_ACTIVATIONS = ("sigmoid", "tanh", "relu")
OUTPUT_ACTIVATIONS = ("sigmoid", "tanh", "relu", "identity")


def worked_derivative(name: str, d: float, n: float, digits: int = 6) -> tuple[str, float]:
    """f'(d) of the activation ``name`` written out for one unit: its formula, then the unit's numbers plugged in
    (LaTeX), and the value, computed by the activation's own derivative from (d, n) in float64.

    Examples
    --------
    >>> latex, value = worked_derivative("sigmoid", 0.0, 0.5)
    >>> value, latex.split("=")[-1].strip(), "n\\,(1 - n)" in latex
    (0.25, '0.25', True)
    """
    name = check_choice("name", name, tuple(ACTIVATIONS))
    d, n = check_real("d", d), check_real("n", n)
    digits = check_int_range("digits", digits, 1, 17)
    activation = ACTIVATIONS[name]
    value = float(activation.derivative(torch.tensor(d, dtype=torch.float64), torch.tensor(n, dtype=torch.float64)))

    def shown(x: float) -> str:
        return f"{x:.{digits}g}"

    worked = activation.worked_latex.format(d=shown(d), n=shown(n), value=shown(value))
    return f"{activation.derivative_latex} {worked}".rstrip(), value
