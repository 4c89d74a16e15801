"""The backward pass walked unit by unit, in the lecture's terms: forward once for the values, then from the loss back
to the inputs, each derivative computed from what the step before produced.

For each layer from the output down, and each unit in it, two steps:

- ``unit``: ∂L/∂n of the unit (the output error 2(ŷ − y)/(N·K) at the output; below it, the sum over the units it
  feeds of weight × their ∂L/∂d: the note's paths meeting), then f′(d) (its formula, e.g. σ′ = n(1 − n)), then
  ∂L/∂d = ∂L/∂n × f′(d);
- ``parameters``: the gradients of the weights into the unit, ∂L/∂W[unit, j] = ∂L/∂d × n_j of the layer before,
  and of its bias, ∂L/∂b = ∂L/∂d.

Then one ``input`` step per input: ∂L/∂x, the sum over the first layer's units of weight × their ∂L/∂d (nothing is
updated with it; it shows the derivatives reaching the inputs).

For one sample the loss is that sample's term of the batch loss (its share of the gradient, as on the chain-rule
page); for the whole batch every figure of a unit is summed over the samples, and a parameter's gradient is the sum
over the samples of ∂L/∂d × n (not a product of sums). Everything is computed in float64 from the given parameters,
and autograd's gradient of the same loss, also in float64, comes with it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import torch

from ..activations import ACTIVATIONS
from ..budget import check_call_work
from ..contract import Model, Params, check_model, check_params
from ..cost import parameter_count
from ..data import Dataset, as_dataset
from ..display import html_card
from ..grad_mode import grad_enabled
from ..limits import check_int_range
from ..names import scalar_name

__all__ = ["MAX_WALK_PARAMETERS", "BackwardWalk", "WalkStep", "backward_walk"]

MAX_WALK_PARAMETERS = 200_000
"""Most parameters a walk takes: it records a figure per parameter and a step per unit in Python (about 20 µs per
parameter here: 2.25 million took 47 s), so 200,000 take a few seconds; a walk of more is no longer read by anyone."""

@dataclass(frozen=True)
class WalkStep:
    """One step of the walk: which unit, what it computes, and the numbers it computes them from.

    Layers count from 1 (the first layer of weights) to L (the outputs); units from 0. For a ``unit`` step:
    ``dL_dn``, ``f_prime`` (None for the whole batch: it is one number per sample), ``dL_dd``, and ``from_above``:
    (weight, ∂L/∂d) of each unit it feeds (empty at the output, where ``output`` holds (ŷ, y) instead, the sums over
    the samples for the whole batch). For a ``parameters`` step: ``weights``, (name, n before, gradient) for each
    weight into the unit (n before is None for the whole batch), and ``bias``, (name, gradient).
    """

    kind: str  # "unit", "parameters" or "input"
    layer: int  # 0 for an input step
    unit: int
    dL_dd: float
    dL_dn: float | None = None
    f_prime: float | None = None
    d: float | None = None  # the unit's d and n (one sample), for f′'s formula
    n: float | None = None
    activation: str = ""
    output: tuple[float, float] | None = None  # (ŷ, y), one sample, output units
    from_above: tuple[tuple[float, float], ...] = ()
    weights: tuple[tuple[str, float | None, float], ...] = ()
    bias: tuple[str, float] | None = None


@dataclass(frozen=True)
class BackwardWalk:
    """The forward values, the walk's steps in order, and every parameter's gradient beside autograd's."""

    sample: int | None  # None: the whole batch
    n_samples: int
    n_outputs: int
    loss: float  # the loss the walk differentiates (one sample's term, or the batch loss)
    d: tuple[torch.Tensor, ...]  # per layer 1..L: (units,) for one sample, (N, units) for the batch
    n: tuple[torch.Tensor, ...]  # per layer 0..L (0: the input)
    steps: tuple[WalkStep, ...]
    gradient: dict[str, float]  # every scalar parameter's gradient from the walk, by name (W1[0,1], b2[1], w, b)
    autograd: dict[str, float]  # the same from loss.backward() in float64

    def sentence(self) -> str:
        """The walk in one sentence built from its numbers (what ``_repr_html_`` leads with)."""
        largest = max((abs(self.gradient[k] - self.autograd[k]) for k in self.gradient), default=0.0)
        which = "the whole batch" if self.sample is None else f"sample {self.sample}"
        return (f"The backward pass for {which} in {len(self.steps)} steps: loss {self.loss:.6g}; every gradient "
                f"within {largest:.1e} of autograd's.")

    def _repr_html_(self) -> str:
        table = pd.DataFrame({"parameter": list(self.gradient), "the walk": list(self.gradient.values()),
                              "autograd": [self.autograd[k] for k in self.gradient]})
        return html_card("BackwardWalk", self.sentence(), table)


def _scalar(name: str, tensor: torch.Tensor, index: tuple[int, ...]) -> str:
    """The scalar name of this entry (bp_core.names: the line's w, b; else name[i,j])."""
    return scalar_name(name, tuple(tensor.shape), index)


@grad_enabled
def backward_walk(model: Model, params: Params, data: object, sample: int | None = None) -> BackwardWalk:
    """Walk the backward pass of ``model`` at ``params`` on ``data``, unit by unit from the loss back.

    Parameters
    ----------
    model : a bp_core model that is a stack of layers (``Model.layers``: Line, MLP)
    params : dict of tensors
        The model's parameters (float32 or float64); the walk computes in float64.
    data : Dataset or (x, y)
    sample : int or None
        One sample's term of the loss (its index), or the whole batch (None).

    Examples
    --------
    >>> import bp_core
    >>> walk = backward_walk(bp_core.Line(), bp_core.Line().init_params(), bp_core.seed_line())
    >>> walk.gradient, [step.kind for step in walk.steps]
    ({'w': -35.0, 'b': -12.0}, ['unit', 'parameters', 'input'])
    """
    model = check_model(model)
    layers = model.layers()
    params = check_params(model, params)
    dataset: Dataset = as_dataset(data, model.in_features, model.out_features)
    if sample is not None:
        sample = check_int_range("sample (None for the whole batch)", sample, 0, dataset.n_samples - 1)
    n_samples, n_outputs = dataset.n_samples, dataset.y.shape[1]
    count = parameter_count(model)
    if count > MAX_WALK_PARAMETERS:
        raise ValueError(f"model: the walk makes a step for every unit and a figure for every one of its {count:,} "
                         f"parameters, more than MAX_WALK_PARAMETERS = {MAX_WALK_PARAMETERS:,}; use narrower or fewer "
                         "layers")
    check_call_work(model, n_samples, "the walk's forward and backward pass in float64", passes=1, copies=3,
                    dtype=torch.float64)

    # autograd's reference in float64 (grad_enabled has left any caller's no_grad or inference_mode)
    leaves = {name: tensor.detach().to(torch.float64).requires_grad_(True) for name, tensor in params.items()}
    x, y = dataset.x.to(torch.float64), dataset.y.to(torch.float64)
    n_values, d_values = [x], []
    for layer in layers:
        weight = leaves[layer.weight].reshape(-1, n_values[-1].shape[1])
        d_layer = n_values[-1] @ weight.T + leaves[layer.bias].reshape(-1)
        d_values.append(d_layer)
        n_values.append(ACTIVATIONS[layer.activation].forward(d_layer))
    squared = (n_values[-1] - y) ** 2 / (n_samples * n_outputs)  # each entry's term of the batch MSE
    loss = squared.sum() if sample is None else squared[sample].sum()
    grads = torch.autograd.grad(loss, list(leaves.values()))
    autograd = {}
    for (name, leaf), grad in zip(leaves.items(), grads):
        for index in torch.cartesian_prod(*[torch.arange(s) for s in leaf.shape]).reshape(leaf.numel(), -1).tolist():
            autograd[_scalar(name, leaf, tuple(index))] = float(grad[tuple(index)])

    n_all = [value.detach() for value in n_values]
    d_all = [value.detach() for value in d_values]
    rows = slice(None) if sample is None else slice(sample, sample + 1)
    mask = torch.zeros(n_samples, 1, dtype=torch.float64)
    mask[rows] = 1.0
    top = len(layers)
    dL_dn = 2 * (n_all[top] - y) / (n_samples * n_outputs) * mask  # (N, K): zero outside the chosen sample
    steps: list[WalkStep] = []
    gradient: dict[str, float] = {}
    one = sample is not None
    above: tuple[torch.Tensor, torch.Tensor] | None = None  # (∂L/∂d, weight) of the layer above, once walked

    def pick(values: torch.Tensor, unit: int) -> float:
        """A unit's figure: the chosen sample's, or the sum over the samples."""
        return float(values[sample, unit]) if sample is not None else float(values[:, unit].sum())

    for position in range(top, 0, -1):
        layer = layers[position - 1]
        activation = ACTIVATIONS[layer.activation]
        d_layer, n_layer, n_before = d_all[position - 1], n_all[position], n_all[position - 1]
        f_prime = activation.derivative(d_layer, n_layer)
        dL_dd = dL_dn * f_prime
        weight = params[layer.weight].detach().to(torch.float64).reshape(n_layer.shape[1], n_before.shape[1])
        weight_grad = dL_dd.T @ n_before  # (units, units before): summed over the samples
        for unit in range(n_layer.shape[1]):
            from_above: tuple[tuple[float, float], ...] = ()
            if above is not None:
                from_above = tuple((float(above[1][k, unit]), pick(above[0], k)) for k in range(above[1].shape[0]))
            output = (float(n_layer[sample, unit]), float(y[sample, unit])) if one and position == top else None
            steps.append(WalkStep(
                "unit", position, unit, dL_dd=pick(dL_dd, unit), dL_dn=pick(dL_dn, unit),
                f_prime=float(f_prime[sample, unit]) if one else None,
                d=float(d_layer[sample, unit]) if one else None, n=float(n_layer[sample, unit]) if one else None,
                activation=layer.activation, output=output, from_above=from_above))
            weights = []
            for j in range(n_before.shape[1]):
                name = _scalar(layer.weight, params[layer.weight], (unit, j)
                               if params[layer.weight].dim() == 2 else (j,))
                gradient[name] = float(weight_grad[unit, j])
                weights.append((name, float(n_before[sample, j]) if one else None, gradient[name]))
            bias_index = (unit,) if params[layer.bias].dim() == 1 else (unit, 0)
            bias_name = _scalar(layer.bias, params[layer.bias], bias_index)
            gradient[bias_name] = pick(dL_dd, unit)
            steps.append(WalkStep("parameters", position, unit, dL_dd=pick(dL_dd, unit), activation=layer.activation,
                                  weights=tuple(weights), bias=(bias_name, gradient[bias_name])))
        above = (dL_dd, weight)
        dL_dn = dL_dd @ weight  # (N, units before): every unit below sums weight × ∂L/∂d over the units it feeds
    for unit in range(n_all[0].shape[1]):  # the inputs: how the loss would move with x (no parameter to update)
        assert above is not None
        from_above = tuple((float(above[1][k, unit]), pick(above[0], k)) for k in range(above[1].shape[0]))
        steps.append(WalkStep("input", 0, unit, dL_dd=pick(dL_dn, unit), dL_dn=pick(dL_dn, unit),
                              n=float(n_all[0][sample, unit]) if one else None, from_above=from_above))
    d_shown = tuple(t[sample] if one else t for t in d_all)
    n_shown = tuple(t[sample] if one else t for t in n_all)
    return BackwardWalk(sample, n_samples, n_outputs, float(loss.detach()), d_shown, n_shown, tuple(steps),
                        gradient, autograd)
