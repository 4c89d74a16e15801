"""Every path from one MLP parameter to the loss, with the local derivative on each edge (the lecture's figure).

A weight W_l[j, i] feeds unit j of layer l; from there the signal reaches the loss through every choice of one unit
in each later layer. Along a path the gradient is the product of the local derivatives, read from the loss back:
output error x f_L' x weight x ... x f_l' x input. The gradient is the sum of these products over all paths and
samples. For a first-layer weight of the 2-3-2 net that is two paths per sample: through output 0 and output 1.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass

import pandas as pd
import torch

from ..contract import Params, check_model
from ..data import as_dataset
from ..limits import check_int_range, check_params
from ..models import MLP
from .gradient_methods import gradients

__all__ = ["MAX_PATHS", "chain_rule_paths", "ChainRulePaths"]

MAX_PATHS = 5_000
"""Most paths one call lists (counted before any is built: the product of the later layers' widths x samples)."""
_NAME = re.compile(r"^([Wb])(\d+)\[(\d+)(?:,(\d+))?\]$")


@dataclass(frozen=True, eq=False)
class ChainRulePaths:
    """The paths of one parameter; ``paths`` has one row per (sample, path)."""

    parameter: str
    paths: pd.DataFrame  # sample, path, factors (list of (label, value)), product
    total: float  # sum of all path products
    autograd: float  # the same gradient from autograd, for comparison

    @property
    def paths_per_sample(self) -> int:
        return int((self.paths["sample"] == self.paths["sample"].iloc[0]).sum())


def parse_parameter(model, name: str) -> tuple[str, int, int, int | None]:
    """Split ``'W1[0,1]'`` into ('W', layer 1, row 0, column 1); ``'b2[1]'`` into ('b', 2, 1, None)."""
    match = _NAME.fullmatch(name) if isinstance(name, str) else None
    if match is None:
        raise ValueError(f"parameter must name one scalar such as 'W1[0,1]' or 'b2[1]', got {name!r}")
    kind, layer, row = match.group(1), int(match.group(2)), int(match.group(3))
    col = None if match.group(4) is None else int(match.group(4))
    if not 1 <= layer <= model.n_layers or row >= model.sizes[layer] or (kind == "W") != (col is not None) or (
            col is not None and col >= model.sizes[layer - 1]):
        raise ValueError(f"parameter {name!r} does not exist in {model!r}")
    return kind, layer, row, col


def chain_rule_paths(model: MLP, params: Params, data: object, parameter: str = "W1[0,0]",
                     sample: int | None = None) -> ChainRulePaths:
    """List every path from ``parameter`` to the loss, for one sample (index) or the whole batch (None).

    The number of paths is counted first, without building any: more than ``MAX_PATHS`` is refused with a message.

    Examples
    --------
    >>> import bp_core
    >>> mlp = bp_core.MLP()
    >>> result = bp_core.chain_rule_paths(mlp, mlp.init_params(), bp_core.half_adder(), "W1[0,1]", sample=3)
    >>> len(result.paths)
    2
    """
    if not check_model(model).layered:
        raise ValueError(f"model must be a layered network such as bp_core.MLP(), got {model!r}: the line has a "
                         "single path per sample (error x input)")
    params = check_params(model, params)
    kind, layer, row, col = parse_parameter(model, parameter)
    data = as_dataset(data, model.in_features, model.out_features).to(next(iter(params.values())).dtype)
    n = data.n_samples
    if sample is not None:
        sample = check_int_range("sample (None for the whole batch)", sample, 0, n - 1)
    later = [range(model.sizes[m]) for m in range(layer + 1, model.n_layers + 1)]
    per_sample = math.prod(len(units) for units in later)  # one unit chosen in each later layer
    n_paths = per_sample * (1 if sample is not None else n)
    if n_paths > MAX_PATHS:
        advice = "pick one sample" if sample is None and per_sample <= MAX_PATHS else "pick a later layer's parameter"
        raise ValueError(f"parameter {parameter!r} has {per_sample:,} paths per sample, {n_paths:,} in all, more than "
                         f"MAX_PATHS = {MAX_PATHS:,}; {advice}")

    with torch.no_grad():
        y_hat, cache = model.forward(params, data.x)
        error = 2 * (y_hat - data.y) / y_hat.numel()  # dL/dy_hat  (N, K)
    rows = []
    for s in range(n) if sample is None else [sample]:
        a_in = cache[layer - 1][0]
        if kind == "b":
            source = ("1", 1.0)  # dz/db = 1
        else:  # dz/dW = the input to this layer: x itself for the first layer
            source = (f"x[{col}]" if layer == 1 else f"a{layer - 1}[{col}]", a_in[s, col].item())
        for units in itertools.product(*later):
            chain = (row, *units)  # unit index in layers layer .. L
            factors = [(f"dL/dŷ[{chain[-1]}]", error[s, chain[-1]].item())]
            for m in range(model.n_layers, layer - 1, -1):
                unit = chain[m - layer]
                _, z, out = cache[m - 1]
                derivative = model.layer_activation(m).derivative(z[s, unit], out[s, unit]).item()
                factors.append((f"f{m}'(z{m}[{unit}])", derivative))
                if m > layer:
                    below = chain[m - layer - 1]
                    factors.append((f"W{m}[{unit},{below}]", params[f"W{m}"][unit, below].item()))
            factors.append(source)
            product = 1.0
            for _, value in factors:
                product *= value
            units_on_path = [f"ŷ[{u}]" if m == model.n_layers else f"h{m}[{u}]"
                             for m, u in zip(range(layer, model.n_layers + 1), chain)]
            label = " → ".join([parameter, *units_on_path, "L"])
            rows.append({"sample": s, "path": label, "factors": factors, "product": product})
    table = pd.DataFrame(rows, columns=["sample", "path", "factors", "product"])
    if sample is None:
        reference = gradients(model, params, data, "autograd")
    else:
        one = type(data)(data.x[sample:sample + 1], data.y[sample:sample + 1], data.name)
        reference = gradients(model, params, one, "autograd")
        reference = {k: v / n for k, v in reference.items()}  # this sample's share of the batch mean
    name = f"{kind}{layer}"
    gradient = reference[name][row, col] if kind == "W" else reference[name][row]
    return ChainRulePaths(parameter, table, float(table["product"].sum()), float(gradient))
