"""What the backward-pass page shows: the walk (bp_core.teaching.backward_walk) on the drawn network, step by step,
each step's formula with its numbers, the walk's place, the next value as an exercise, and a nudged parameter.

The graph is Graphviz DOT built here from the walk alone, so the line (x → ŷ → L) and any layered network draw the
same way; left to right on a wide screen, top to bottom on a phone.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st
import torch

import bp_core
from bp_core.names import parse_scalar_name
from bp_core.teaching import BackwardWalk, WalkStep
from ui.charts.network_graph import FILL, FONT, PARAMETER_COLOUR, PATH_COLOUR, QUIET_COLOUR, layer_unit_name
from ui.session import state
from ui.session.settings import Settings
from ui.texts import t
from ui.texts.messages import Message
from ui.views import teaching
from ui.views.exercises import Exercise, next_variant
from ui.views.figures import NUDGE_FIGURES
from ui.views.step_view import aligned
from ui.views.step_view import number_columns as number_columns_to

BATCH = "batch"
LAYOUTS = ("LR", "TB")
PLAY_SECONDS = 1.5
"""How long play mode shows each step."""


@st.cache_data(max_entries=64, ttl=3600, show_spinner=False)
def walk_at(settings: Settings, sample: int | None, epoch: int) -> BackwardWalk:
    model, data = settings.build()
    return bp_core.teaching.backward_walk(model, teaching.params_at(settings, epoch), data, sample)


@st.cache_data(max_entries=64, ttl=3600, show_spinner=False)
def parameter_values(settings: Settings, epoch: int) -> dict[str, float]:
    """Every scalar parameter's value at ``epoch``, by name."""
    params = teaching.params_at(settings, epoch)
    return dict(zip(bp_core.models.scalar_names(params), bp_core.models.flatten(params).tolist()))


NUDGES = (-1.0, -0.1, -0.01, -0.001, -1e-4, -1e-6, 1e-6, 1e-4, 0.001, 0.01, 0.1, 1.0)
"""The nudges offered, both signs; the default is −0.001."""


@st.cache_data(max_entries=64, ttl=3600, show_spinner=False)
def nudge_at(settings: Settings, epoch: int, parameter: str, epsilon: float) -> bp_core.teaching.Nudge:
    model, data = settings.build()
    return bp_core.teaching.nudge(model, teaching.params_at(settings, epoch), data, parameter, epsilon)


def nudge_metrics(nudged: bp_core.teaching.Nudge, lang: str) -> list[tuple[str, str]]:
    return [(t(text, lang), format(getattr(nudged, name), spec)) for text, name, spec in NUDGE_FIGURES]


def number_columns(frame: pd.DataFrame) -> dict[str, Any]:
    """Numbers to 9 significant digits (``step_view.number_columns``), the difference in scientific notation."""
    return {**number_columns_to(frame, 9), frame.columns[3]: st.column_config.NumberColumn(format="%.2e")}


def walk_id(settings: Settings, sample: int | None, epoch: int) -> str:
    return f"{settings}|{sample}|{epoch}"


def position(ident: str, last: int) -> int:
    """Steps revealed for this walk (0: the forward pass only), kept per walk in the page's record."""
    return min(max(0, int(state.position("backward", ident))), last)


def move(ident: str, action: str, last: int) -> None:
    """on_click of the walk's buttons: next, previous, reset."""
    now = position(ident, last)
    target = {"next": now + 1, "previous": now - 1, "reset": 0}[action]
    state.set_position("backward", ident, min(max(0, target), last))
    state.remember("backward", "last_move", time.monotonic())


@dataclass(frozen=True)
class WalkPlace:
    """Where the learner was in a walk: its model, sample (None: the batch), epoch and steps revealed."""

    model: str
    sample: int | None
    epoch: int
    done: int


def restarted(ident: str, place: WalkPlace) -> WalkPlace | None:
    """The place left behind when the walk shown changed (another sample or epoch) and the new one starts at the
    forward pass while the old one, on the same model, had steps revealed; else None. The walk shown is kept as the
    page's ``walk``."""
    before = state.recall("backward", "walk")
    state.remember("backward", "walk", (ident, place))
    if before is None or before[0] == ident or place.done > 0 or before[1].done == 0 or before[1].model != place.model:
        return None
    return before[1]


def play(ident: str, last: int) -> None:
    """Play mode: a fragment that reruns every PLAY_SECONDS and shows the next step (the whole page redraws)."""

    @st.fragment(run_every=PLAY_SECONDS)
    def tick() -> None:
        waited = time.monotonic() - state.recall("backward", "last_move", 0.0)
        if waited >= PLAY_SECONDS * 0.9 and position(ident, last) < last:
            move(ident, "next", last)
            st.rerun(scope="app")

    tick()


def _names(walk: BackwardWalk) -> Callable[..., str]:
    """Unit names as the chain-rule page writes them (``network_graph.layer_unit_name``: x1, h1, ŷ1, h1_1 if deeper),
    and the line's x and ŷ, as text (latex=False) or LaTeX."""
    top = len(walk.n) - 1

    def name(layer: int, unit: int, latex: bool = False) -> str:
        text = layer_unit_name(top, layer, unit)
        if top == 1 and walk.n[layer].shape[-1] == 1:  # the line: x → ŷ
            text = text[:-1]
        if not latex:
            return text
        letter, number = (r"\hat{y}", text[1:]) if text[0] == "ŷ" else (text[0], text[1:])
        return f"{letter}_{{{number.replace('_', ',')}}}" if number else letter

    return name


def _value(tensor: torch.Tensor, unit: int, sample: int | None) -> float:
    return float(tensor[unit]) if sample is not None else float(tensor[:, unit].mean())


def walk_dot(walk: BackwardWalk, values: dict[str, float], revealed: int, layout: str = "LR",
             lang: str = "en") -> str:
    """DOT source: every unit with its forward d and n (means for the whole batch) and, once the walk has reached it,
    its ∂L/∂n, f′ and ∂L/∂d; every edge with its weight and, once reached, ∂L/∂w; the current step highlighted.
    Top to bottom (for a phone) the labels are compact: a unit's name, n and its last derivative reached; an edge
    its ∂L/∂w once reached (``unit_table`` holds every figure)."""
    compact = layout == "TB"
    name = _names(walk)
    top = len(walk.n) - 1
    shown = walk.steps[:revealed]
    units = {(s.layer, s.unit): s for s in shown if s.kind in ("unit", "input")}
    params = {(s.layer, s.unit): s for s in shown if s.kind == "parameters"}
    weights_into = {(s.layer, s.unit): s.weights for s in walk.steps if s.kind == "parameters"}  # every edge's name
    current = walk.steps[revealed - 1] if revealed else None
    one = walk.sample is not None
    rank = "LR" if layout not in LAYOUTS else layout
    out = ["digraph walk {", f"  rankdir={rank}; ranksep={1.4 if rank == 'LR' else 0.6}; nodesep=0.35; "
           "bgcolor=transparent;",
           f'  node [shape=box, style="rounded,filled", fontname="{FONT}", fontsize=12, margin="0.12,0.06"];',
           f'  edge [fontname="{FONT}", fontsize=10, arrowsize=0.6];']
    prefix = "" if one else "Σ "
    for layer in range(top + 1):
        kind = "input" if layer == 0 else ("output" if layer == top else "hidden")
        out.append("  { rank=same;")
        for unit in range(walk.n[layer].shape[-1]):
            lines = [name(layer, unit)]
            if layer == 0:
                lines.append(f"n = {_value(walk.n[0], unit, walk.sample):.3f}")
            else:
                lines += [f"d = {_value(walk.d[layer - 1], unit, walk.sample):.4f}",
                          f"n = {_value(walk.n[layer], unit, walk.sample):.4f}"]
            step = units.get((layer, unit))
            if step is not None:
                lines.append(f"{prefix}∂L/∂n = {step.dL_dn:.4g}")
                if layer > 0:
                    if step.f_prime is not None:
                        lines.append(f"f′(d) = {step.f_prime:.4g}")
                    lines.append(f"{prefix}∂L/∂d = {step.dL_dd:.4g}")
            grads = params.get((layer, unit))
            if grads is not None and grads.bias is not None:
                lines.append(f"∂L/∂{grads.bias[0]} = {grads.bias[1]:.4g}")
            on = current is not None and (current.layer, current.unit) == (layer, unit)
            border = f', color="{PATH_COLOUR}", penwidth=3' if on else ', color="#555555"'
            if compact:  # a phone: the name, n, and the last derivative reached (the table below has the rest)
                lines = lines[:1] + [line for line in lines if line.startswith("n =")] + (
                    [line for line in lines if "∂L/∂d" in line or ("∂L/∂n" in line and layer == 0)][-1:])
            label = "\\n".join(lines)
            out.append(f'    n{layer}_{unit} [label="{label}", fillcolor="{FILL[kind]}"{border}];')
        out.append("  }")
    loss_name = loss_label(walk, lang)
    out.append(f'  loss [label="{loss_name} = {walk.loss:.5g}", shape=ellipse, fillcolor="{FILL["loss"]}", '
               'color="#555555"];')
    reads = set()
    if current is not None and current.kind in ("unit", "input") and current.from_above:
        reads = {(current.layer, current.unit, k) for k in range(len(current.from_above))}
    for layer in range(1, top + 1):
        for unit in range(walk.n[layer].shape[-1]):
            grads = params.get((layer, unit))
            for j in range(walk.n[layer - 1].shape[-1]):
                weight_name = weights_into[(layer, unit)][j][0]
                label = f"{values.get(weight_name, float('nan')):+.2f}"
                if grads is not None:
                    label = f"{grads.weights[j][2]:.2g}" if compact else label + f"\\n∂L/∂w = {grads.weights[j][2]:.3g}"
                elif compact:
                    label = ""
                hot = current is not None and current.kind == "parameters" and (current.layer, current.unit) == (
                    layer, unit)
                read = (layer - 1, j, unit) in reads
                style = (f'color="{PARAMETER_COLOUR}", fontcolor="{PARAMETER_COLOUR}", penwidth=3' if hot else
                         f'color="{PATH_COLOUR}", fontcolor="{PATH_COLOUR}", penwidth=2.5' if read else
                         f'color="{QUIET_COLOUR}", fontcolor="#3c4043", penwidth=1')
                out.append(f'  n{layer - 1}_{j} -> n{layer}_{unit} [{style}, label="{label}"];')
    for k in range(walk.n[top].shape[-1]):
        hot = current is not None and current.kind == "unit" and current.layer == top and current.unit == k
        colour = PATH_COLOUR if hot else QUIET_COLOUR
        out.append(f'  n{top}_{k} -> loss [color="{colour}", penwidth={2.5 if hot else 1}];')
    out.append("}")
    return "\n".join(out)


def unit_table(walk: BackwardWalk, revealed: int, lang: str) -> pd.DataFrame:
    """Every unit's figures so far, one row each (what the compact graph leaves out)."""
    name = _names(walk)
    reached = {(s.layer, s.unit): s for s in walk.steps[:revealed] if s.kind in ("unit", "input")}
    rows = []
    for layer in range(len(walk.n)):
        for unit in range(walk.n[layer].shape[-1]):
            step = reached.get((layer, unit))
            rows.append({t("walk_col_unit", lang): name(layer, unit),
                         "d": None if layer == 0 else _value(walk.d[layer - 1], unit, walk.sample),
                         "n": _value(walk.n[layer], unit, walk.sample),
                         "∂L/∂n": None if step is None else step.dL_dn,
                         "f′(d)": None if step is None else step.f_prime,
                         "∂L/∂d": None if step is None or layer == 0 else step.dL_dd})
    return pd.DataFrame(rows)


def loss_label(walk: BackwardWalk, lang: str) -> str:
    """What the loss node holds: one sample's term of the batch loss, or the batch loss."""
    return (t("walk_loss_sample", lang, number=walk.sample) if walk.sample is not None
            else t("walk_loss_batch", lang))


def stacked(line: str) -> str:
    r"""``a = b = c`` as one equals sign a line (``step_view.aligned``), so a long sum stays on a phone's screen.

    >>> print(stacked("x = y + z = 3"))
    \begin{aligned} x &= y + z \\ &= 3 \end{aligned}
    """
    parts = line.split(" = ")
    if len(parts) <= 2 or "cases" in line:
        return line
    return aligned(parts[0], *parts[1:])


def step_latex(walk: BackwardWalk, step: WalkStep) -> list[str]:
    """The step's formulas with the numbers plugged in (LaTeX), in the lecture's terms."""
    return [stacked(line) for line in _step_lines(walk, step)]


def _step_lines(walk: BackwardWalk, step: WalkStep) -> list[str]:
    name = _names(walk)
    top = len(walk.n) - 1
    unit = name(step.layer, step.unit, latex=True)
    one = walk.sample is not None
    total = r"\sum_{i}" if not one else ""
    if step.kind == "parameters":
        below = name(step.layer - 1, 0, latex=True)
        lines = []
        for j, (weight, n_before, grad) in enumerate(step.weights):
            below = name(step.layer - 1, j, latex=True)
            if one:
                lines.append(rf"\frac{{\partial L}}{{\partial {_tex(weight)}}} = "
                             rf"\frac{{\partial L}}{{\partial d_{{{unit}}}}} \times n_{{{below}}} = "
                             rf"{step.dL_dd:.6g} \times {n_before:.6g} = {grad:.6g}")
            else:
                lines.append(rf"\frac{{\partial L}}{{\partial {_tex(weight)}}} = \sum_i \frac{{\partial L}}{{\partial "
                             rf"d_{{{unit},i}}}} \, n_{{{below},i}} = {grad:.6g}")
        if step.bias is not None:
            lines.append(rf"\frac{{\partial L}}{{\partial {_tex(step.bias[0])}}} = "
                         rf"{total}\frac{{\partial L}}{{\partial d_{{{unit}}}}} = {step.bias[1]:.6g}")
        return lines
    if step.kind == "unit" and step.layer == top:
        if one and step.output is not None:
            y_hat, y = step.output
            first = (rf"\frac{{\partial L}}{{\partial n_{{{unit}}}}} = \frac{{2(\hat y - y)}}{{N K}} = "
                     rf"\frac{{2 \times ({y_hat:.6g} - {y:.6g})}}{{{walk.n_samples} \times {walk.n_outputs}}} = "
                     rf"{step.dL_dn:.6g}")
        else:
            first = (rf"\frac{{\partial L}}{{\partial n_{{{unit}}}}} = \sum_i \frac{{2(\hat y_i - y_i)}}{{N K}} = "
                     rf"{step.dL_dn:.6g}")
    else:
        terms = " + ".join(f"({w:.4g})({g:.4g})" for w, g in step.from_above)
        first = (rf"\frac{{\partial L}}{{\partial n_{{{unit}}}}} = {total}\sum_k W_{{k}} "
                 rf"\frac{{\partial L}}{{\partial d_k}} = {terms} = {step.dL_dn:.6g}")
    if step.kind == "input":
        return [first]
    lines = [first]
    if one and step.d is not None and step.n is not None:
        latex, _ = bp_core.activations.worked_derivative(step.activation, step.d, step.n)
        lines.append(latex)
        lines.append(rf"\frac{{\partial L}}{{\partial d_{{{unit}}}}} = \frac{{\partial L}}{{\partial n}} \times f'(d)"
                     rf" = {step.dL_dn:.6g} \times {step.f_prime:.6g} = {step.dL_dd:.6g}")
    else:
        lines.append(rf"\frac{{\partial L}}{{\partial d_{{{unit}}}}} = \sum_i \frac{{\partial L}}{{\partial n_i}}"
                     rf" \, f'(d_i) = {step.dL_dd:.6g}")
    return lines


def _tex(parameter: str) -> str:
    """A parameter name in LaTeX, read by the one scalar-name grammar (bp_core.names): W1[0,1] → W1_{0,1}."""
    parsed = parse_scalar_name(parameter)
    if parsed is None or parsed[1] is None:
        return parameter
    return f"{parsed[0]}_{{{','.join(map(str, parsed[1]))}}}"


def step_caption(walk: BackwardWalk, step: WalkStep, lang: str) -> str:
    """What the step computes and from what, in words."""
    name = _names(walk)
    unit = name(step.layer, step.unit)
    top = len(walk.n) - 1
    if step.kind == "parameters":
        return t("walk_step_parameters", lang, unit=unit)
    if step.kind == "input":
        return t("walk_step_input", lang, unit=unit)
    return t("walk_step_output" if step.layer == top else "walk_step_hidden", lang, unit=unit,
             count=len(step.from_above))


def next_exercise(walk: BackwardWalk, revealed: int, ident: str) -> Exercise | None:
    """The value the next step reveals, asked before it does (None at the end of the walk)."""
    if revealed >= len(walk.steps):
        return None
    step = walk.steps[revealed]
    name = _names(walk)
    unit = name(step.layer, step.unit)
    key = f"walk:{ident}:{revealed}"
    if step.kind == "parameters":
        weight, _, grad = step.weights[0]
        return Exercise(key, ("exq_walk_weight", {"param": weight}), grad, ("exh_walk_weight", {}),
                        ("exw_value", {"formula": step_latex_plain(step, 0), "answer": grad}),
                        mistakes=_weight_mistakes(walk, step))
    top = len(walk.n) - 1
    source: Message = ("exh_walk_source_output" if step.layer == top else "exh_walk_source_hidden", {})
    if step.kind == "input":
        return Exercise(key, ("exq_walk_input", {"unit": unit}), step.dL_dd, ("exh_walk_input", {}),
                        ("exw_value", {"formula": f"∂L/∂{unit}", "answer": step.dL_dd}))
    formula = (f"{step.dL_dn:.6g} × {step.f_prime:.6g}" if step.f_prime is not None
               else "Σ ∂L/∂n × f′(d) over the samples")
    mistakes = [(-step.dL_dd, "exm_sign")] if step.dL_dd else []
    if step.f_prime is not None and step.dL_dn is not None and step.f_prime != 1:
        mistakes.append((step.dL_dn, "exm_f_prime"))  # ∂L/∂n without × f′(d)
    return Exercise(key, ("exq_walk_unit", {"unit": unit}), step.dL_dd, ("exh_walk_unit", {"source": source}),
                    ("exw_value", {"formula": formula, "answer": step.dL_dd}), mistakes=tuple(mistakes))


def _weight_mistakes(walk: BackwardWalk, step: WalkStep) -> tuple[tuple[float, str], ...]:
    """What the usual mistakes give for the step's first weight gradient: the sign flipped, and (one sample, a
    weight above the first layer) the d of the unit below used where its n = f(d) belongs."""
    weight, n_before, grad = step.weights[0]
    mistakes = [(-grad, "exm_sign")] if grad else []
    parsed = parse_scalar_name(weight)
    if parsed is not None and parsed[1] is not None and len(parsed[1]) == 2 and step.layer >= 2:
        d_below = walk.d[step.layer - 2]  # (units,) for one sample; (N, units) for the whole batch
        if d_below.dim() == 1 and n_before is not None and step.dL_dd is not None:
            mistakes.append((step.dL_dd * float(d_below[parsed[1][1]]), "exm_d_for_n"))
    return tuple((value, key) for value, key in mistakes if value != grad)


def step_latex_plain(step: WalkStep, j: int) -> str:
    weight, n_before, grad = step.weights[j]
    if n_before is None:
        return f"Σ ∂L/∂d × n = {grad:.6g}"
    return f"{step.dL_dd:.6g} × {n_before:.6g}"


def gradient_table(walk: BackwardWalk, lang: str) -> pd.DataFrame:
    """Every parameter's gradient from the walk beside autograd's, and their difference."""
    names = list(walk.autograd)
    return pd.DataFrame({t("walk_col_parameter", lang): names,
                         t("walk_col_walk", lang): [walk.gradient[n] for n in names],
                         t("walk_col_autograd", lang): [walk.autograd[n] for n in names],
                         t("walk_col_difference", lang): [walk.gradient[n] - walk.autograd[n] for n in names]})


def another_walk(model: str, samples: int, last_epoch: int) -> None:
    """"Another one" on the backward page: another sample and epoch, a new walk from its start (a button's
    callback; the page says the old place is kept)."""
    now = (state.value("backward", "sample"), state.value("backward", "epoch"))
    variant = next_variant("backward", model, now, lambda rng: (rng.randrange(samples), rng.randint(0, last_epoch)))
    state.set_value("backward", "sample", variant[0])
    state.set_value("backward", "epoch", variant[1])
