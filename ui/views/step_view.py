"""What the one-step page shows: the epoch to show (moved by buttons or typed), and one manual step of the lecture's
run as tables and formulas with the numbers plugged in. The step comes from ``manual_step`` at the history's
row ``e``, so its update equals row ``e + 1`` of ``train()``'s history exactly (tests/test_step_view.py).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st
import torch

import bp_core
from bp_core import models
from bp_core.contract import LayeredModel
from ui.charts.network_graph import unit_name
from ui.session import state
from ui.session.numbers import whole_number
from ui.session.settings import Settings
from ui.texts import t
from ui.texts.messages import Message, shown
from ui.views import teaching
from ui.views.exercises import (
    Exercise,
    answered,
    exercise_box,
    next_variant,
    reveal,
    update_tolerance,
    usual_mistakes,
)

ACTIONS = ("previous", "next", "reset")


def current_epoch(model: str) -> int:
    """The epoch the learner is at on ``model`` (each model its own; kept in the page's record)."""
    return int(state.recall("step", "epoch", 0, model=model))


def go_to(model: str, epoch: int) -> None:
    state.remember("step", "epoch", epoch, model=model)


def move(epoch: int, action: str, last_step: int) -> int:
    """The epoch after pressing Previous, Next or Reset; stays within [0, last_step]."""
    if action == "reset":
        return 0
    return min(max(epoch + (1 if action == "next" else -1), 0), last_step)


def resolve_jump(value: Any, last_step: int) -> tuple[int | None, Message | None]:
    """A typed epoch: an integer in [0, last_step], else None and the message that says why."""
    if value is None:  # an empty box (Streamlit also turns a NaN into None)
        return None, ("step_no_jump", {"high": last_step})
    epoch = whole_number(value, 0, last_step)
    if epoch is None:
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        return None, ("step_bad_jump", {"value": f"{value:.15g}" if number else shown(value), "high": last_step})
    return epoch, None


@st.cache_data(max_entries=64, ttl=3600, show_spinner=False)
def step_at(settings: Settings, epoch: int) -> bp_core.teaching.ManualStep:
    """One manual step from history row ``epoch`` of the lecture's run."""
    model, data = settings.build()
    return bp_core.teaching.manual_step(model, teaching.params_at(settings, epoch), data, settings.learning_rate)


def derive_problem(settings: Settings, epoch: int) -> bp_core.teaching.DeriveProblem:
    """What the derive box asks at history row ``epoch``: a layered network's backward-pass quantities, else the
    line's dw and db (bp_core.teaching.derive), on the numbers this page shows."""
    model, data = settings.build()
    params = teaching.params_at(settings, epoch)
    if isinstance(model, LayeredModel):
        return bp_core.teaching.network_problem(model, params, data)
    return bp_core.teaching.line_problem(params, data)


def headline(step: bp_core.teaching.ManualStep, epoch: int, lang: str) -> list[tuple[str, str]]:
    """The loss, the gradient's norm and the learning rate of the step, as (label, value) metrics."""
    return [(t("step_metric_loss", lang, epoch=epoch), f"{step.loss:.7g}"),
            (t("step_metric_norm", lang), f"{step.grad_norm:.7g}"),
            (t("step_metric_lr", lang), f"{step.learning_rate:g}")]


@st.cache_data(max_entries=64, ttl=3600, show_spinner=False)
def matches_history(settings: Settings, epoch: int) -> bool:
    """Whether the step's loss is row ``epoch``'s loss and its update row ``epoch + 1``'s parameters, bit for bit."""
    run, step = teaching.trained(settings), step_at(settings, epoch)
    after = bp_core.teaching.params_at(run, epoch + 1)
    return step.loss == run.history["loss"].iloc[epoch] and all(
        bool(torch.equal(step.new_params[name], after[name])) for name in after)


def _num(value: float, digits: int = 6) -> str:
    """A number for a formula, bracketed when negative."""
    return f"{value:.{digits}g}" if value >= 0 else f"({value:.{digits}g})"


def line_table(step: bp_core.teaching.ManualStep, lang: str) -> pd.DataFrame:
    """Per data point: x, y, the prediction, its error and the local derivative ∂L/∂pred."""
    f = step.forward
    return pd.DataFrame({"x": f["x"][:, 0].tolist(), "y": f["y"][:, 0].tolist(),
                         t("step_col_pred", lang): f["pred"][:, 0].tolist(),
                         t("step_col_error", lang): f["error"][:, 0].tolist(),
                         "∂L/∂pred = 2(pred − y)/N": step.local["dL/dpred"][:, 0].tolist()})


def line_formulas(step: bp_core.teaching.ManualStep) -> dict[str, str]:
    """LaTeX for the loss, both gradients (the lecture's formulas, numbers plugged in) and both updates."""
    x, error = step.forward["x"][:, 0].tolist(), step.forward["error"][:, 0].tolist()
    n, lr = len(x), step.learning_rate
    # the per-point terms to 4 digits, as the table shows them (long sums stay on screen); results in full
    squares = " + ".join(f"{_num(e, 4)}^2" for e in error)
    products = " + ".join(f"{_num(a, 4)} \\cdot {_num(e, 4)}" for a, e in zip(x, error))
    sums = " + ".join(_num(e, 4) for e in error)
    dw, db = step.gradient["w"].item(), step.gradient["b"].item()
    w, b = step.params["w"].item(), step.params["b"].item()
    new_w, new_b = step.new_params["w"].item(), step.new_params["b"].item()
    return {
        "loss": aligned("L", "\\frac{1}{N}\\sum (pred - y)^2", f"\\frac{{1}}{{{n}}}({squares})", f"{step.loss:.6g}"),
        "dw": aligned("dw", "\\frac{2}{N} x^T (pred - y)", f"\\frac{{2}}{{{n}}}({products})", f"{dw:.6g}"),
        "db": aligned("db", "\\frac{2}{N} \\sum (pred - y)", f"\\frac{{2}}{{{n}}}({sums})", f"{db:.6g}"),
        "w": f"w \\leftarrow w - lr \\cdot dw = {_num(w)} - {lr:g} \\cdot {_num(dw)} = {new_w:.7g}",
        "b": f"b \\leftarrow b - lr \\cdot db = {_num(b)} - {lr:g} \\cdot {_num(db)} = {new_b:.7g}",
    }


def aligned(name: str, *steps: str) -> str:
    """``name = step1 = step2 = ...``, one step per line, aligned at the equals signs (long sums stay on screen)."""
    lines = " \\\\ ".join(f"&= {step}" for step in steps)
    return f"\\begin{{aligned}} {name} {lines} \\end{{aligned}}"


def network_words(model: bp_core.Model) -> dict[str, str]:
    """What the network's step texts state about it, read from the model: its activations (one name when every layer
    has the same, else per layer: f1 = tanh, f2 = sigmoid), its outputs (n(ŷ1), n(ŷ2)) and its parameter count."""
    model = teaching.layered(model)
    names = {layer: model.layer_activation(layer).name for layer in range(1, model.n_layers + 1)}
    activations = (f"f = {names[1]}" if len(set(names.values())) == 1
                   else ", ".join(f"f{layer} = {name}" for layer, name in names.items()))
    outputs = ", ".join(f"n({unit_name(model, model.n_layers, i)})" for i in range(model.sizes[-1]))
    count = sum(params.numel() for params in model.init_params().values())
    return {"activations": activations, "outputs": outputs, "count": str(count)}


def network_forward_table(step: bp_core.teaching.ManualStep, model: bp_core.Model, lang: str) -> pd.DataFrame:
    """Rows: every unit's d and n (and the targets), in forward order; columns: the samples."""
    model, f = teaching.layered(model), step.forward
    rows = {f"{unit_name(model, 0, i)}": f["x"][:, i] for i in range(model.sizes[0])}
    for layer in range(1, model.n_layers + 1):
        for i in range(model.sizes[layer]):
            name = unit_name(model, layer, i)
            rows[f"d({name})"] = f[f"d{layer}"][:, i]
            rows[f"n({name})"] = f[f"n{layer}"][:, i]
    rows |= {f"y{i + 1}": f["y"][:, i] for i in range(model.sizes[-1])}
    return _by_sample(rows, lang)


def network_local_table(step: bp_core.teaching.ManualStep, model: bp_core.Model, lang: str) -> pd.DataFrame:
    """Rows: the backward's local derivatives from the output down; columns: the samples."""
    model, rows = teaching.layered(model), {}
    top = model.n_layers
    for layer in range(top, 0, -1):
        for i in range(model.sizes[layer]):
            name = unit_name(model, layer, i)
            rows[f"∂L/∂n({name})"] = step.local[f"dL/dn{layer}"][:, i]
            rows[f"f{layer}′(d({name}))"] = step.local[f"f{layer}'"][:, i]
            rows[f"∂L/∂d({name})"] = step.local[f"dL/dd{layer}"][:, i]
    return _by_sample(rows, lang)


def derivative_formulas(step: bp_core.teaching.ManualStep, model: bp_core.Model) -> tuple[str, str, str]:
    """The network's activation derivatives as formulas, one per layer (``f1′ = σ′(d) = σ(d)(1 − σ(d)) = n(1 − n)``,
    inline Markdown math), and the first hidden unit's f′ for sample 0 worked out with its numbers (LaTeX): the
    unit's name and the formula."""
    model = teaching.layered(model)
    layers = range(1, model.n_layers + 1)
    formulas = ", ".join(f"$f_{layer}$ = {model.layer_activation(layer).name}: "
                         f"${model.layer_activation(layer).derivative_latex}$" for layer in layers)
    name = model.layer_activation(1).name
    d, n = float(step.forward["d1"][0, 0]), float(step.forward["n1"][0, 0])
    latex, _ = bp_core.activations.worked_derivative(name, d, n)
    return formulas, unit_name(model, 1, 0), latex


EXERCISES = ("gradient", "loss", "update")
"""What the step page's exercise asks: a parameter's gradient (the first by default: the note's dw = −35 at epoch 0),
the loss, or a parameter after the update."""


def step_exercise(step: bp_core.teaching.ManualStep, model: bp_core.Model, what: str, parameter: str,
                  epoch: int) -> Exercise:
    """The exercise ``what`` about this step, for ``parameter`` (a scalar name), checked against ``step``."""
    names = bp_core.models.scalar_names(step.params)
    parameter = parameter if parameter in names else names[0]
    gradient = dict(zip(names, bp_core.models.flatten(step.gradient).tolist()))
    before = dict(zip(names, bp_core.models.flatten(step.params).tolist()))
    after = dict(zip(names, bp_core.models.flatten(step.new_params).tolist()))
    line = not isinstance(model, LayeredModel)  # no stack of layers: the line's formulas
    ident = f"step:{what}:{parameter}:{epoch}:{step.loss!r}:{step.learning_rate!r}"
    terms = step.forward["y"].numel()  # what the mean squared error averages over: N·K
    if what == "loss":
        hint: Message = (("exh_line_loss", {"w": before.get("w", 0.0), "b": before.get("b", 0.0)}) if line
                         else ("exh_network_loss", {}))
        return Exercise(ident, ("exq_step_loss", {}), step.loss, hint,
                        ("exw_value", {"formula": "L", "answer": step.loss}),
                        mistakes=usual_mistakes(step.loss, "loss", samples=terms))
    if what == "update":
        answer, value = after[parameter], before[parameter]
        formula = f"{value:.9g} − {step.learning_rate:g} × ({gradient[parameter]:.7g})"
        return Exercise(ident, ("exq_step_update", {"param": parameter, "value": value, "lr": step.learning_rate}),
                        answer, ("exh_update", {"value": value, "lr": step.learning_rate, "param": parameter}),
                        ("exw_value", {"formula": formula, "answer": answer}),
                        allowed=update_tolerance(value, answer), digits=9,
                        mistakes=usual_mistakes(answer, "update", before=value, learning_rate=step.learning_rate))
    hint = ((("exh_line_w" if parameter == names[0] else "exh_line_b"), {}) if line
            else ("exh_network_gradient", {"param": parameter}))
    return Exercise(ident, ("exq_step_gradient", {"param": parameter}), gradient[parameter], hint,
                    ("exw_value", {"formula": _gradient_terms(step, model, parameter), "answer": gradient[parameter]}),
                    mistakes=usual_mistakes(gradient[parameter], "gradient", samples=terms))


def _gradient_terms(step: bp_core.teaching.ManualStep, model: bp_core.Model, parameter: str) -> str:
    """A parameter's gradient as the sum over the samples it is, terms written out (four digits each)."""
    if not isinstance(model, LayeredModel):  # the line: dw = (2/N) Σ x (pred − y), db = (2/N) Σ (pred − y)
        x, error = step.forward["x"][:, 0].tolist(), step.forward["error"][:, 0].tolist()
        inputs = x if parameter == bp_core.models.scalar_names(step.params)[0] else [1.0] * len(x)
        terms = " + ".join(f"{a:.4g}×({e:.4g})" for a, e in zip(inputs, error))
        return f"(2/{len(x)}) × ({terms})"
    ref = bp_core.teaching.parse_parameter(model, parameter)
    dL_dd = step.local[f"dL/dd{ref.layer}"][:, ref.row].tolist()
    below = ([1.0] * len(dL_dd) if ref.column is None
             else step.forward["x" if ref.layer == 1 else f"n{ref.layer - 1}"][:, ref.column].tolist())
    return " + ".join(f"({g:.4g})×({n:.4g})" for g, n in zip(dL_dd, below))


def another_step(model: str, names: list[str], last_step: int) -> None:
    """"Another one": a fresh variant of the step's exercise (another epoch, parameter and question), the next of
    this session's seeded sequence for ``model`` (the same sequence for every learner, so a class can compare); the
    note's own first step (epoch 0, dw) stays the first one. Runs as a button's callback, before the next run."""
    now = (current_epoch(model), state.value("step", "exercise_param"), state.value("step", "exercise_what"))
    variant = next_variant("step", model, now, lambda rng: (rng.randint(0, last_step), rng.choice(names),
                                                             rng.choice(EXERCISES)))
    go_to(model, variant[0])
    state.set_value("step", "exercise_param", variant[1])
    state.set_value("step", "exercise_what", variant[2])


def exercise_section(step: bp_core.teaching.ManualStep, model: bp_core.Model, model_key: str, epoch: int,
                     lang: str, last_step: int) -> bool:
    """The page's exercise on this step (what to compute, which parameter, hide the answers) and its answer box;
    True while the answers below stay hidden: by default until a right answer is checked (predict, then reveal).
    Switching the hiding off is the "show me": the answers appear and the exercise is not scored."""
    names = bp_core.models.scalar_names(step.params)
    defaults = {"exercise_what": EXERCISES[0], "exercise_param": names[0], "exercise_hide": True}
    with state.widgets("step", defaults, model=model_key):  # the parameter asked about: each model its own
        if state.value("step", "exercise_param") not in names:  # crafted
            state.set_value("step", "exercise_param", names[0])
        left, middle, right = st.columns([1.4, 1, 1.2], vertical_alignment="bottom")
        what = left.radio(t("exercise_pick", lang), EXERCISES, key=state.key("step", "exercise_what"),
                          horizontal=True, format_func=lambda option: t(f"exercise_what_{option}", lang))
        parameter = middle.selectbox(t("exercise_param", lang), names, key=state.key("step", "exercise_param"),
                                     disabled=what == "loss")
        hide = right.toggle(t("exercise_hide", lang), key=state.key("step", "exercise_hide"))
    exercise = step_exercise(step, model, what, parameter, epoch)
    exercise_box("step", exercise, lang, another=lambda: another_step(model_key, names, last_step))
    if answered("step", exercise):  # predict, then reveal: a right answer shows the answers below
        return False
    if not hide:  # the learner asked to see them first: this exercise is not scored
        reveal("step", exercise)
    return bool(hide)


def _by_sample(rows: dict[str, Any], lang: str) -> pd.DataFrame:
    frame = pd.DataFrame({name: values.tolist() for name, values in rows.items()}).T
    frame.columns = [t("teach_sample_short", lang, number=i) for i in range(frame.shape[1])]
    return frame.rename_axis(t("step_col_value", lang)).reset_index()


def number_columns(frame: pd.DataFrame, digits: int = 7) -> dict[str, Any]:
    """Every numeric column to ``digits`` significant digits (Streamlit would round to 4 decimals)."""
    number = st.column_config.NumberColumn(format=f"%.{digits}g")
    return {name: number for name in frame.columns if pd.api.types.is_numeric_dtype(frame[name])}


def table_height(frame: pd.DataFrame) -> int:
    """Pixels that show every row without a scroll bar inside the table."""
    return 35 * (len(frame) + 1) + 3


def update_table(step: bp_core.teaching.ManualStep, lang: str) -> pd.DataFrame:
    """One row per scalar parameter: value, gradient, lr × gradient, and the new value (value − lr × gradient)."""
    names = models.scalar_names(step.params)
    before, grad = models.flatten(step.params), models.flatten(step.gradient)
    after = models.flatten(step.new_params)
    return pd.DataFrame({t("parameter", lang): names, t("step_col_before", lang): before.tolist(),
                         t("step_col_gradient", lang): grad.tolist(),
                         t("step_col_lr_gradient", lang, lr=step.learning_rate): (step.learning_rate * grad).tolist(),
                         t("step_col_after", lang): after.tolist()})
