"""The network as a Graphviz DOT graph (drawn by ``st.graphviz_chart``): each unit with its ``d`` (what goes in) and
``n`` (what comes out), each edge with its weight, and the paths of one parameter to the loss highlighted.

Pure string building, unit-tested. Units are numbered from 1 as in the lecture (x1 x2, h1 h2 h3, ŷ1 ŷ2); bp_core
counts from 0, so ``W1[0,1]`` is the weight on the edge x2 → h1.
"""

from __future__ import annotations

import torch

import bp_core
from bp_core.contract import LayeredModel
from bp_core.teaching.paths import parse_parameter

PATH_COLOUR = "#d62728"
PARAMETER_COLOUR = "#7b0d0d"
QUIET_COLOUR = "#9aa0a6"
FILL = {"input": "#eeeeee", "hidden": "#dbe9f6", "output": "#fde4c8", "loss": "#f8d0d0"}
FONT = "Helvetica,Arial,sans-serif"


def unit_name(model: LayeredModel, layer: int, index: int) -> str:
    """The lecture's name of unit ``index`` (0-based) of ``layer`` (0 = inputs): x1, h1, ŷ1 (h1_1 if deeper)."""
    return layer_unit_name(model.n_layers, layer, index)


def layer_unit_name(n_layers: int, layer: int, index: int) -> str:
    """``unit_name`` from the number of layers alone (what a drawing that holds no model knows)."""
    if layer == 0:
        return f"x{index + 1}"
    if layer == n_layers:
        return f"ŷ{index + 1}"
    return f"h{index + 1}" if n_layers == 2 else f"h{layer}_{index + 1}"


def parameter_edge(model: LayeredModel, parameter: str) -> str:
    """Where a parameter sits, in the lecture's names: 'x2 → h1' for W1[0,1], 'bias of h1' style for b1[0]."""
    ref = parse_parameter(model, parameter)
    if ref.column is not None:  # a weight: W{layer}[row, column] multiplies the n of unit column of the layer below
        return f"{unit_name(model, ref.layer - 1, ref.column)} → {unit_name(model, ref.layer, ref.row)}"
    return unit_name(model, ref.layer, ref.row)


def path_edges(model: LayeredModel, parameter: str) -> tuple[set[tuple[str, str]], str | None, tuple[str, str] | None]:
    """The edges (node ids) on every path from ``parameter`` to the loss, the unit a bias sits on, the weight's edge."""
    ref = parse_parameter(model, parameter)
    start = f"n{ref.layer}_{ref.row}"
    frontier, edges = {start}, set()
    for later in range(ref.layer + 1, model.n_layers + 1):
        nxt = {f"n{later}_{j}" for j in range(model.sizes[later])}
        edges |= {(a, b) for a in frontier for b in nxt}
        frontier = nxt
    edges |= {(a, "loss") for a in frontier}
    if ref.column is not None:
        weight_edge = (f"n{ref.layer - 1}_{ref.column}", start)
        return edges | {weight_edge}, None, weight_edge
    return edges, start, None


def _unit_label(model: LayeredModel, layer: int, index: int, values: bp_core.teaching.NetworkValues,
                params: dict[str, torch.Tensor]) -> str:
    lines = [unit_name(model, layer, index)]
    if layer == 0:
        lines.append(f"n = {values.n[0][0, index].item():.3f}")
    else:
        lines += [f"d = {values.d[layer - 1][0, index].item():.4f}", f"n = {values.n[layer][0, index].item():.4f}",
                  f"b = {params[f'b{layer}'][index].item():+.3f}"]
        if layer == model.n_layers:
            lines.append(f"y = {values.y[0, index].item():g}")
    return "\\n".join(lines)


def network_dot(model: LayeredModel, params: dict[str, torch.Tensor], values: bp_core.teaching.NetworkValues,
                parameter: str | None = None, loss_label: str = "L", layout: str = "LR") -> str:
    """DOT source of the network: ``values`` holds one row (a sample, or the batch mean); ``parameter`` highlighted;
    ``layout`` "LR" (left to right, a wide screen) or "TB" (top to bottom, a phone).

    Examples
    --------
    >>> import bp_core
    >>> mlp = bp_core.MLP()
    >>> values = bp_core.teaching.network_values(mlp, mlp.init_params(), bp_core.half_adder()).sample(3)
    >>> dot = network_dot(mlp, mlp.init_params(), values, "W1[0,1]")
    >>> dot.startswith("digraph"), dot.count("->")
    (True, 14)
    """
    edges, bias_unit, weight_edge = path_edges(model, parameter) if parameter else (set(), None, None)
    rank = "TB" if layout == "TB" else "LR"
    out = ["digraph network {", f"  rankdir={rank}; ranksep={1.5 if rank == 'LR' else 0.7}; nodesep=0.35; "
           "splines=true; bgcolor=transparent;",
           f'  node [shape=box, style="rounded,filled", fontname="{FONT}", fontsize=12, margin="0.12,0.06"];',
           f'  edge [fontname="{FONT}", fontsize=11, arrowsize=0.6];']
    for layer, width in enumerate(model.sizes):
        kind = "input" if layer == 0 else ("output" if layer == model.n_layers else "hidden")
        out.append("  { rank=same;")
        for index in range(width):
            node = f"n{layer}_{index}"
            border = (f', color="{PATH_COLOUR}", penwidth=3' if node == bias_unit else ', color="#555555"')
            out.append(f'    {node} [label="{_unit_label(model, layer, index, values, params)}", '
                       f'fillcolor="{FILL[kind]}"{border}];')
        out.append("  }")
    out.append(f'  loss [label="{loss_label}", shape=ellipse, fillcolor="{FILL["loss"]}", color="#555555"];')
    for layer in range(1, model.n_layers + 1):
        weights = params[f"W{layer}"]
        for j in range(model.sizes[layer]):
            for i in range(model.sizes[layer - 1]):
                edge = (f"n{layer - 1}_{i}", f"n{layer}_{j}")
                out.append(f'  {edge[0]} -> {edge[1]} [{_edge_style(edge, edges, weight_edge)}, '
                           f'label="{weights[j, i].item():+.2f}"];')
    for k in range(model.sizes[-1]):
        edge = (f"n{model.n_layers}_{k}", "loss")
        out.append(f"  {edge[0]} -> loss [{_edge_style(edge, edges, weight_edge)}];")
    out.append("}")
    return "\n".join(out)


def _edge_style(edge: tuple[str, str], on_path: set[tuple[str, str]], weight_edge: tuple[str, str] | None) -> str:
    if edge == weight_edge:
        return f'color="{PARAMETER_COLOUR}", fontcolor="{PARAMETER_COLOUR}", penwidth=4.5'
    if edge in on_path:
        return f'color="{PATH_COLOUR}", fontcolor="{PATH_COLOUR}", penwidth=3'
    return f'color="{QUIET_COLOUR}", fontcolor="#5f6368", penwidth=1'
