"""What the chain-rule page shows: the request (parameter, sample, epoch) checked, the paths as a table in the
lecture's order, and the graph, computed once per request (cached on the frozen request and run settings).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

import bp_core
from bp_core.contract import LayeredModel
from ui.charts.network_graph import network_dot, parameter_edge, unit_name
from ui.session import state
from ui.session.numbers import whole_number
from ui.session.presets import LECTURE_NETWORK
from ui.session.settings import Settings
from ui.session.state import WidgetValues
from ui.texts import t
from ui.texts.messages import Message
from ui.views import teaching
from ui.views.exercises import Exercise, next_variant

RUN = teaching.RUNS[LECTURE_NETWORK]
"""The run the page starts on (the lecture's 2-3-2 network); it takes any preset whose pages include it."""
BATCH = "batch"
"""The sample choice that means the whole batch."""
ROLES = ("error", "f_out", "weight", "f_hidden", "input")
"""The lecture's order of the factors along a path: output error × f2′ × weight × f1′ × input."""


@dataclass(frozen=True)
class ChainRequest:
    parameter: str = "W2[0,0]"  # the note's first worked example, its w₁ (an output weight): see note_examples
    sample: int | None = 3  # None: the whole batch
    epoch: int = 0


NOTE_NAMES = {"w1": "w₁", "w2": "w₂"}
"""The note's names of its two worked examples (LECTURE.md, sections 5 and 6)."""


def note_examples(model: bp_core.Model) -> dict[str, str]:
    """The note's two worked examples as bp_core parameter names. Its ``w₁`` is a weight of the output layer (one
    path to the loss): here the last layer's first weight, W{L}[0,0] (the first unit below → the first output). Its
    ``w₂`` is a weight of the hidden layer below (one path through each output): W{L-1}[0,0]. ``w₁`` and ``w₂`` are
    the names of the note's examples, not layer numbers: its d, n, b and f number the layers as bp_core does.

    >>> note_examples(bp_core.MLP((2, 3, 2)))
    {'w1': 'W2[0,0]', 'w2': 'W1[0,0]'}
    """
    top = teaching.layered(model).n_layers
    if top < 2:  # the note's line as one unit: no hidden layer, no w₂ (the page says what its W1 and b1 are)
        return {}
    return {"w1": f"W{top}[0,0]", "w2": f"W{top - 1}[0,0]"}


def note_name(model: bp_core.Model, parameter: str) -> str | None:
    """The note's name for ``parameter`` when it is one of the note's worked examples (w₁, w₂), else None."""
    return next((NOTE_NAMES[key] for key, name in note_examples(model).items() if name == parameter), None)


def parameter_label(model: LayeredModel, parameter: str, lang: str) -> str:
    """A parameter as the selector shows it: its name, its edge, and the note's name where it is one."""
    edge = f"{parameter}  ({parameter_edge(teaching.layered(model), parameter)})"
    named = note_name(model, parameter)
    return edge if named is None else f"{edge}  {t('chain_note_name', lang, name=named)}"


def table_title(model: bp_core.Model, parameter: str, lang: str) -> str:
    """The paths table's title, with the note's name of the parameter where it is one."""
    title = t("chain_table_title", lang, param=parameter)
    named = note_name(model, parameter)
    return title if named is None else f"{title} {t('chain_note_name', lang, name=named)}"


@st.cache_data(max_entries=64, ttl=3600, show_spinner=False)
def derivative_steps(request: ChainRequest, settings: Settings = RUN
                     ) -> list[tuple[int, int, str, str, float, float]]:
    """For one sample: every activation derivative on the request's paths, worked out with the unit's d and n, as
    (layer, unit, activation name, LaTeX, value, the unit's n), output layer first; none for the whole batch (the
    boxes then show means, and f′ of a mean is not the mean of f′)."""
    if request.sample is None:
        return []
    model, data = network(settings)
    values = bp_core.teaching.network_values(model, chain_params(settings, request.epoch), data)
    one = values.sample(request.sample)
    units = sorted({(f.layer, f.unit) for factors in chain_paths(request, settings).paths["factors"] for f in factors
                    if f.role == "activation_derivative" and f.unit is not None},
                   key=lambda unit: (-unit[0], unit[1]))
    steps = []
    for layer, unit in units:
        name, n = model.layer_activation(layer).name, float(one.n[layer][0, unit])
        latex, value = bp_core.activations.worked_derivative(name, float(one.d[layer - 1][0, unit]), n)
        steps.append((layer, unit, name, latex, value, n))
    return steps


EXERCISES = ("f_prime", "product", "sum")
"""What the chain-rule page's exercise asks: an activation derivative on the first path (one sample only), the first
path's product, or the sum of every row's product."""


def same_shown(value: float, asked: float | None) -> bool:
    """True when ``value`` would show the number asked: equal to six significant digits (the table prints six, the
    metrics nine; a float32 factor and bp_core's float64 value differ in the eighth).

    >>> same_shown(0.2499981, 0.24999806), same_shown(0.1, 0.2), same_shown(0.1, None)
    (True, False, False)
    """
    return asked is not None and abs(value - asked) <= 5e-6 * max(abs(asked), 1e-12)


def conceal(frame: pd.DataFrame, asked: float | None, products: str | None = None) -> pd.DataFrame:
    """``frame`` with every number that would show the asked value blanked (NaN: the cell reads empty), so the table
    never answers the question before the learner does; with ``products`` (the product column's name) that column
    blanked too, where the question is a factor or a product (a product divided by the other factors gives the
    factor back)."""
    if asked is None:
        return frame
    hidden = frame.copy()
    if products is not None:
        hidden[products] = float("nan")
    for column in hidden.columns:
        if pd.api.types.is_float_dtype(hidden[column]):
            mask = hidden[column].map(lambda v: same_shown(float(v), asked))
            hidden[column] = hidden[column].mask(mask)
    return hidden


def offered_exercises(request: ChainRequest) -> tuple[str, ...]:
    """The exercises the request can ask: all three for one sample; for the whole batch no single f′, so not that.

    >>> offered_exercises(ChainRequest(sample=None))
    ('product', 'sum')
    """
    return EXERCISES if request.sample is not None else tuple(e for e in EXERCISES if e != "f_prime")


@st.cache_data(max_entries=64, ttl=3600, show_spinner=False)
def chain_exercise(request: ChainRequest, what: str, settings: Settings = RUN) -> Exercise:
    """The exercise ``what`` about the request's paths, checked against bp_core.chain_rule_paths."""
    model, _ = network(settings)
    paths = chain_paths(request, settings)
    steps = derivative_steps(request, settings)
    ident = f"chain:{what}:{request}:{settings}"
    if what == "f_prime" and steps:
        layer, unit, name, latex, value, n = steps[0]
        formula = bp_core.activations.ACTIVATIONS[name].derivative_latex
        return Exercise(ident, ("exq_chain_f_prime", {"unit": unit_name(model, layer, unit)}), value,
                        ("exh_chain_f_prime", {"formula": f"${formula}$", "n": n}),
                        ("exw_value", {"formula": f"${latex}$", "answer": value}))
    if what in ("f_prime", "product"):  # f′ needs one sample; the whole batch asks for the product instead
        factors = [f.value for f in paths.paths["factors"].iloc[0]]
        product = float(paths.paths["product"].iloc[0])
        written = " × ".join(f"({v:.6g})" for v in factors)
        return Exercise(ident, ("exq_chain_product", {}), product, ("exh_chain_product", {"factors": written}),
                        ("exw_value", {"formula": written, "answer": product}))
    products = " + ".join(f"({v:.6g})" for v in paths.paths["product"])
    return Exercise(ident, ("exq_chain_sum", {"param": request.parameter}), float(paths.total),
                    ("exh_chain_sum", {"count": len(paths.paths)}),
                    ("exw_value", {"formula": products, "answer": float(paths.total)}))


def first_request(names: list[str], n_samples: int) -> ChainRequest:
    """Where a network starts: the default request where it has that parameter and sample, else its first ones."""
    default = ChainRequest()
    return ChainRequest(default.parameter if default.parameter in names else names[0],
                        default.sample if default.sample is not None and default.sample < n_samples else 0, 0)


def resolve_chain(values: WidgetValues, names: list[str], n_samples: int, last_epoch: int,
                  last: ChainRequest | None) -> tuple[ChainRequest, list[Message]]:
    """The request from the widgets' values (``parameter``, ``sample``, ``epoch``); what is out of range is named
    and replaced by the last valid value (else the default)."""
    fallback = last or ChainRequest()
    messages: list[Message] = []
    parameter = values.get("parameter")
    if parameter not in names:
        messages.append(("teach_bad_param", {"value": parameter}))
        parameter = fallback.parameter
    typed_sample = values.get("sample")
    sample = None if typed_sample == BATCH else whole_number(typed_sample, 0, n_samples - 1)
    if sample is None and typed_sample != BATCH:
        messages.append(("teach_bad_sample", {"value": typed_sample, "high": n_samples - 1}))
        sample = fallback.sample
    typed_epoch = values.get("epoch")
    epoch = whole_number(typed_epoch, 0, last_epoch)
    if epoch is None:
        messages.append(("teach_bad_epoch", {"value": typed_epoch, "high": last_epoch}))
        epoch = min(fallback.epoch, last_epoch)
    return ChainRequest(parameter, sample, epoch), messages


def factor_column(factor: bp_core.teaching.Factor, n_layers: int) -> str:
    """The table column (one of ``ROLES``) of a path's factor: an activation derivative is the output's (f2′) or a
    hidden unit's (f1′)."""
    if factor.role == "activation_derivative":
        return "f_out" if factor.layer == n_layers else "f_hidden"
    return {"output_error": "error", "weight": "weight", "input": "input"}[factor.role]


def path_name(factors: list[bp_core.teaching.Factor], model: LayeredModel) -> str:
    """A path in the lecture's unit names, from the input n it starts at (none for a bias) to the loss:
    'x2 → h1 → ŷ1 → L'."""
    units = sorted((f.layer, f.unit) for f in factors if f.role == "activation_derivative" and f.unit is not None)
    start = [(f.layer, f.unit) for f in factors if f.role == "input" and f.unit is not None]
    return " → ".join([*(unit_name(model, layer, unit) for layer, unit in [*start, *units]), "L"])


def paths_table(paths: bp_core.teaching.ChainRulePaths, model: LayeredModel, lang: str) -> pd.DataFrame:
    """One row per (sample, path): the path in unit names, the factors' values in the lecture's order (blank where
    a path has no such factor, e.g. a second-layer weight), and the product."""
    rows = []
    for sample, factors, product in zip(paths.paths["sample"], paths.paths["factors"], paths.paths["product"]):
        row: dict[str, Any] = {"sample": int(sample), "path": path_name(factors, model)}
        row |= {role: None for role in ROLES}
        for factor in factors:
            row[factor_column(factor, model.n_layers)] = factor.value
        row["product"] = product
        rows.append(row)
    columns = {"sample": t("teach_col_sample", lang), "path": t("teach_col_path", lang),
               "product": t("teach_col_product", lang)}
    columns |= {role: t(f"teach_role_{role}", lang) for role in ROLES}
    return pd.DataFrame(rows).rename(columns=columns)


def table_columns(lang: str) -> dict[str, Any]:
    """Column settings of the paths table: numbers to 6 significant digits, each factor explained on hover."""
    columns: dict[str, Any] = {t(f"teach_role_{role}", lang): st.column_config.NumberColumn(
        help=t(f"teach_help_{role}", lang), format="%.6g", width="small") for role in ROLES}
    columns[t("teach_col_product", lang)] = st.column_config.NumberColumn(format="%.6g", width="small")
    columns[t("teach_col_sample", lang)] = st.column_config.NumberColumn(width="small")
    return columns


def network(settings: Settings = RUN) -> tuple[LayeredModel, bp_core.Dataset]:
    """The run's network and data. This page draws layered networks; the note's line is drawn as the network of one
    unit it is (``Line.as_network``: W1[0,0] is w, b1[0] is b)."""
    model, data = settings.build()
    return _drawn(model, model.init_params())[0], data


def _drawn(model: bp_core.Model, params: bp_core.models.Params) -> tuple[LayeredModel, bp_core.models.Params]:
    """The network the page draws for ``model`` and ``params`` named as it names them: a layered network as it is,
    the line through ``as_network``."""
    if not isinstance(model, LayeredModel) and hasattr(model, "as_network"):
        return model.as_network(params)
    return teaching.layered(model), params


def chain_params(settings: Settings, epoch: int) -> bp_core.models.Params:
    """The run's parameters at ``epoch`` as the network of ``network(settings)`` names them."""
    model, _ = settings.build()
    return _drawn(model, teaching.params_at(settings, epoch))[1]


@st.cache_data(max_entries=64, ttl=3600, show_spinner=False)
def chain_paths(request: ChainRequest, settings: Settings = RUN) -> bp_core.teaching.ChainRulePaths:
    model, data = network(settings)
    return bp_core.chain_rule_paths(model, chain_params(settings, request.epoch), data, request.parameter,
                                    request.sample)


def derive_problem(request: ChainRequest, settings: Settings = RUN) -> bp_core.teaching.DeriveProblem:
    """The derive box's question on this page: the chosen parameter's gradient for the chosen sample, as the sum of
    its paths' products written over the network's values (bp_core.teaching.path_problem)."""
    model, data = network(settings)
    return bp_core.teaching.path_problem(model, chain_params(settings, request.epoch), data, request.parameter,
                                         request.sample)


LAYOUTS = ("LR", "TB")
"""The graph left to right (a wide screen) or top to bottom (a phone)."""


@st.cache_data(max_entries=64, ttl=3600, show_spinner=False)
def graph(request: ChainRequest, settings: Settings = RUN, layout: str = "LR") -> tuple[str, float]:
    """The DOT source for the request, and the batch loss at that epoch."""
    model, data = network(settings)
    params = chain_params(settings, request.epoch)
    values = bp_core.teaching.network_values(model, params, data)
    one = values.mean() if request.sample is None else values.sample(request.sample)
    return network_dot(model, params, one, request.parameter, f"L = {values.loss:.5f}", layout), values.loss


@st.cache_data(max_entries=64, ttl=3600, show_spinner=False)
def table(request: ChainRequest, lang: str, settings: Settings = RUN) -> pd.DataFrame:
    model, _ = network(settings)
    return paths_table(chain_paths(request, settings), model, lang)


def sample_label(sample: int | str, data: bp_core.Dataset, lang: str) -> str:
    """A sample's label, as 'sample 3: x = (1, 1), y = (0, 1)' (counted from 0, as bp_core), or the whole batch."""
    if sample == BATCH:
        return t("teach_whole_batch", lang, n=data.n_samples)
    row = whole_number(sample, 0, data.n_samples - 1)
    if row is None:
        return str(sample)  # a value resolve_chain refuses; the label must not fail before it does
    x = ", ".join(f"{v:g}" for v in data.x[row].tolist())
    y = ", ".join(f"{v:g}" for v in data.y[row].tolist())
    return t("teach_sample_label", lang, number=row, x=x, y=y)


def another_chain(model: str, names: list[str], samples: int, last_epoch: int) -> None:
    """"Another one" on the chain-rule page: another parameter, sample and epoch (a button's callback)."""
    now = tuple(state.value("chain", name) for name in ("parameter", "sample", "epoch"))
    variant = next_variant("chain", model, now, lambda rng: (rng.choice(names), rng.randrange(samples),
                                                             rng.randint(0, last_epoch)))
    for name, value in zip(("parameter", "sample", "epoch"), variant):
        state.set_value("chain", name, value)
