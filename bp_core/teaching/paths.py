"""Every path from one MLP parameter to the loss, with the local derivative on each edge (the lecture's figure).

A weight W_l[j, i] feeds unit j of layer l; from there the signal reaches the loss through every choice of one unit
in each later layer. Along a path the gradient is the product of the local derivatives, read from the loss back:
output error x f_L'(d) x weight x ... x f_l'(d) x input n. The gradient is the sum of these products over all paths and
samples. For a first-layer weight of the 2-3-2 net that is two paths per sample: through output 0 and output 1.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from typing import Literal

import pandas as pd
import torch

from ..budget import check_call_work
from ..contract import Model, Params, check_layered, check_params
from ..data import as_dataset
from ..display import html_card
from ..grad_mode import grad_enabled
from ..limits import ArgumentTypeError, check_int_range, shown
from ..names import parse_scalar_name
from .gradient_methods import gradients

__all__ = ["FACTOR_ROLES", "MAX_PATHS", "chain_rule_paths", "ChainRulePaths", "Factor", "FactorRole",
           "parse_parameter", "ParameterRef"]

MAX_PATHS = 5_000
"""Most paths one call lists (counted before any is built: the product of the later layers' widths x samples)."""
_LAYER_TENSOR = re.compile(r"([Wb])([0-9]+)")  # a layered network's tensor names: W1, b1, W2, ...

FactorRole = Literal["output_error", "activation_derivative", "weight", "input"]
FACTOR_ROLES: tuple[FactorRole, ...] = ("output_error", "activation_derivative", "weight", "input")
"""The lecture's kinds of factor along a path: 출력 × 액 × 웨 × 액 × 앤, output error x activation derivative f'(d)
x weight x ... x the input n (the ``n`` coming into the parameter's unit; 1 for a bias)."""


@dataclass(frozen=True)
class ParameterRef:
    """One scalar parameter of a network, ``W{layer}[row, column]`` or ``b{layer}[row]`` (counted from 0)."""

    kind: Literal["W", "b"]  # a weight or a bias
    layer: int  # 1..L: the layer whose units it feeds
    row: int  # the unit of ``layer`` it feeds
    column: int | None  # a weight's unit of layer - 1 (whose n it multiplies); None for a bias


@dataclass(frozen=True)
class Factor:
    """One factor of a path's product: which of the lecture's factors it is, where it sits, and its value.

    Layers count from 0 (the input x) to L (the output ŷ) and units from 0, as in ``MLP.forward``'s cache.
    ``output_error`` is ∂L/∂ŷ of output ``unit`` (layer L); ``activation_derivative`` is f'(d) of ``unit`` in
    ``layer``; ``weight`` is W{layer}[unit, column]; ``input`` is the n of ``unit`` in ``layer`` (the layer below
    the parameter's; 0 is x), or a bias's constant 1 (``unit`` None).
    """

    role: FactorRole
    layer: int  # 0..L
    unit: int | None  # None only for a bias's input, the constant 1
    value: float
    column: int | None = None  # a weight's unit in layer - 1 (whose n it multiplies); None for the other roles


@dataclass(frozen=True, eq=False)
class ChainRulePaths:
    """The paths of one parameter; ``paths`` has one row per (sample, path)."""

    parameter: str
    paths: pd.DataFrame  # sample, factors (list of Factor, from the loss back: error, f', weight, ..., input), product
    total: float  # sum of all path products
    autograd: float  # the same gradient from autograd, for comparison

    @property
    def paths_per_sample(self) -> int:
        return int((self.paths["sample"] == self.paths["sample"].iloc[0]).sum())

    def sentence(self) -> str:
        """The paths in one sentence built from their numbers (what ``_repr_html_`` leads with)."""
        return (f"{len(self.paths):,} path(s) from {self.parameter} to the loss: their products sum to "
                f"{self.total:.9g}; autograd gives {self.autograd:.9g}.")

    def _repr_html_(self) -> str:
        table = pd.DataFrame({"sample": self.paths["sample"],
                              "factors": [" × ".join(f"{f.value:.4g}" for f in factors)
                                          for factors in self.paths["factors"]],
                              "product": self.paths["product"]})
        return html_card(f"ChainRulePaths: {self.parameter}", self.sentence(), table)


def parse_parameter(model: Model, parameter: str) -> ParameterRef:
    """Where one scalar parameter of a layered network sits: ``'W1[0,1]'`` is ParameterRef('W', 1, 0, 1),
    ``'b2[1]'`` is ParameterRef('b', 2, 1, None).

    Examples
    --------
    >>> import bp_core
    >>> parse_parameter(bp_core.MLP(), "W1[0,1]")
    ParameterRef(kind='W', layer=1, row=0, column=1)
    """
    model = check_layered(model)
    if not isinstance(parameter, str):
        raise ArgumentTypeError(f"parameter must name one scalar such as 'W1[0,1]' or 'b2[1]', got {shown(parameter)}")
    parsed = parse_scalar_name(parameter)  # the one grammar for names (bp_core.names)
    tensor = None if parsed is None else _LAYER_TENSOR.fullmatch(parsed[0])
    if parsed is None or tensor is None or parsed[1] is None or not 1 <= len(parsed[1]) <= 2:
        raise ValueError(f"parameter must name one scalar such as 'W1[0,1]' or 'b2[1]', got {parameter!r}")
    kind: Literal["W", "b"] = "W" if tensor.group(1) == "W" else "b"
    layer, row = int(tensor.group(2)), parsed[1][0]
    column = parsed[1][1] if len(parsed[1]) == 2 else None
    if not 1 <= layer <= model.n_layers or row >= model.sizes[layer] or (kind == "W") != (column is not None) or (
            column is not None and column >= model.sizes[layer - 1]):
        raise ValueError(f"parameter {parameter!r} does not exist in {model!r}")
    return ParameterRef(kind, layer, row, column)


@grad_enabled
def chain_rule_paths(model: Model, params: Params, data: object, parameter: str = "W1[0,0]",
                     sample: int | None = None) -> ChainRulePaths:
    """List every path from ``parameter`` to the loss, for one sample (index) or the whole batch (None).

    Each path's factors are ``Factor`` records, read from the loss back in the lecture's order: output error,
    f_L'(d), weight, ..., f_l'(d), input n. The number of paths is counted first, without building any: more than
    ``MAX_PATHS`` is refused with a message.

    Examples
    --------
    >>> import bp_core
    >>> mlp = bp_core.MLP()
    >>> result = bp_core.chain_rule_paths(mlp, mlp.init_params(), bp_core.half_adder(), "W1[0,1]", sample=3)
    >>> len(result.paths)
    2
    >>> [factor.role for factor in result.paths["factors"][0]]
    ['output_error', 'activation_derivative', 'weight', 'activation_derivative', 'input']
    """
    try:
        layered = check_layered(model)
    except ValueError:
        raise ValueError(f"model must be a layered network such as bp_core.MLP(), got {model!r}: the line has a "
                         "single path per sample (error x input)") from None
    model = layered
    params = check_params(model, params)
    ref = parse_parameter(model, parameter)
    layer, row = ref.layer, ref.row
    data = as_dataset(data, model.in_features, model.out_features).to(next(iter(params.values())).dtype)
    n_samples = data.n_samples
    check_call_work(model, n_samples, "the forward pass keeping every unit and autograd's reference gradient",
                    passes=1, forwards=1, copies=3, dtype=data.x.dtype)
    if sample is not None:
        sample = check_int_range("sample (None for the whole batch)", sample, 0, n_samples - 1)
    later = [range(model.sizes[m]) for m in range(layer + 1, model.n_layers + 1)]
    per_sample = math.prod(len(units) for units in later)  # one unit chosen in each later layer
    n_paths = per_sample * (1 if sample is not None else n_samples)
    if n_paths > MAX_PATHS:
        advice = "pick one sample" if sample is None and per_sample <= MAX_PATHS else "pick a later layer's parameter"
        raise ValueError(f"parameter {parameter!r} has {per_sample:,} paths per sample, {n_paths:,} in all, more than "
                         f"MAX_PATHS = {MAX_PATHS:,}; {advice}")

    with torch.no_grad():
        cache = model.forward_values(params, data.x)  # (n_in, d, n_out) per layer
        y_hat = cache[-1][2]
        error = 2 * (y_hat - data.y) / y_hat.numel()  # dL/dŷ  (N, K)
    rows = []
    for s in range(n_samples) if sample is None else [sample]:
        n_in = cache[layer - 1][0]  # what comes into the parameter's layer: x itself for the first layer
        if ref.column is None:
            source = Factor("input", layer - 1, None, 1.0)  # dd/db = 1
        else:
            source = Factor("input", layer - 1, ref.column, n_in[s, ref.column].item())  # dd/dW = n_in
        for units in itertools.product(*later):
            chain = (row, *units)  # unit index in layers layer .. L
            factors = [Factor("output_error", model.n_layers, chain[-1], error[s, chain[-1]].item())]
            for m in range(model.n_layers, layer - 1, -1):
                unit = chain[m - layer]
                _, d, n_out = cache[m - 1]
                derivative = model.layer_activation(m).derivative(d[s, unit], n_out[s, unit]).item()  # f'(d)
                factors.append(Factor("activation_derivative", m, unit, derivative))
                if m > layer:
                    below = chain[m - layer - 1]
                    factors.append(Factor("weight", m, unit, params[f"W{m}"][unit, below].item(), below))
            factors.append(source)
            product = 1.0
            for factor in factors:
                product *= factor.value
            rows.append({"sample": s, "factors": factors, "product": product})
    table = pd.DataFrame(rows, columns=["sample", "factors", "product"])
    if sample is None:
        reference = gradients(model, params, data, "autograd")
    else:
        one = type(data)(data.x[sample:sample + 1], data.y[sample:sample + 1], data.name)
        reference = gradients(model, params, one, "autograd")
        reference = {k: v / n_samples for k, v in reference.items()}  # this sample's share of the batch mean
    name = f"{ref.kind}{layer}"
    gradient = reference[name][row, ref.column] if ref.column is not None else reference[name][row]
    return ChainRulePaths(parameter, table, float(table["product"].sum()), float(gradient))
