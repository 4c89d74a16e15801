"""What the gradient-check page shows: where the parameters come from (the start, an epoch of the lecture's run, or
typed in), the three gradients in float32 and float64 with a verdict per row, and the forgotten ``zero_grad()``.
Parsing the typed table is pure and unit-tested; the computations are cached on hashable values, and the zero_grad
runs go through the server's queue (ui/server/queue_view.py).
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd
import streamlit as st
import torch

import bp_core
from bp_core.teaching.checking import WRONG_MARGIN
from ui.charts import builders as charts
from ui.server.queue_view import queued
from ui.session.numbers import parse_real, whole_number
from ui.session.settings import Settings
from ui.texts import t
from ui.texts.messages import Message, Unusable, shown
from ui.views import teaching

SOURCES = ("initial", "trained", "typed")
PARAMETER_LIMIT = 1e3
"""Largest |value| a typed parameter may have: beyond it sigmoids saturate and float32 losses lose every digit."""
ZERO_GRAD_EPOCHS = 200
Values = tuple[float, ...]


def typed_frame(names: list[str], values: Values) -> pd.DataFrame:
    """The editable table: one row per parameter, its value as text (so anything typed can be read and named)."""
    return pd.DataFrame({"parameter": names, "value": [repr(float(v)) for v in values]})


def parse_typed(frame: pd.DataFrame, names: list[str]) -> tuple[Values | None, list[Message]]:
    """The typed values in ``names`` order, or None and one message per cell that is not a usable number."""
    messages: list[Message] = []
    values = []
    if list(frame.get("parameter", [])) != names:
        return None, [("check_bad_rows", {})]
    for name, cell in zip(names, frame["value"]):
        empty = cell is None or (not isinstance(cell, str) and pd.isna(cell))  # an emptied cell reads None or NaN
        text = "" if empty else str(cell).strip()
        try:  # the dashboard's one number grammar (ui/session/numbers.py), as on the Compare page
            value = parse_real(text)
        except Unusable as problem:
            key = "check_bad_range" if problem.reason[0] == "reason_not_finite" else "check_bad_cell"
            messages.append((key, {"name": name, "value": shown(text), "reason": problem.reason,
                                   "limit": PARAMETER_LIMIT}))
            continue
        if abs(value) > PARAMETER_LIMIT:
            messages.append(("check_bad_range", {"name": name, "value": shown(text), "limit": PARAMETER_LIMIT}))
            continue
        values.append(value)
    return (tuple(values), []) if not messages else (None, messages)


def valid_epoch(value: object, last: int) -> int:
    """``value`` if it is an epoch of the run (0..last), the nearest one if it is an integer outside, else 0."""
    whole = whole_number(value, -(2**63), 2**63)
    return 0 if whole is None else min(max(whole, 0), last)


def values_at(settings: Settings, source: str, epoch: int) -> Values:
    """The parameters of a source as plain floats (hashable for the cache)."""
    params = teaching.params_at(settings, epoch if source == "trained" else 0)
    return tuple(bp_core.models.flatten(params).tolist())


GRADIENT_REPORT = "gradient_report"
"""The action's name in the server's queue: the three gradients in both precisions and gradcheck."""


def _report(settings: Settings, values: Values) -> bp_core.teaching.GradientReport:
    """In the worker's thread: the report at ``values``."""
    model, data = settings.build()
    like = model.init_params(torch.float64)
    params = bp_core.models.unflatten(torch.tensor(values, dtype=torch.float64), like)
    return bp_core.teaching.gradient_report(model, params, data)


@st.cache_data(max_entries=32, ttl=3600, show_spinner=False)
def report(settings: Settings, values: Values, _lang: str = "en") -> bp_core.teaching.GradientReport:
    """The report for ``settings`` at ``values``, computed in the server's one queue."""
    return queued(GRADIENT_REPORT, (settings, values), lambda _: _report(settings, values), _lang,
                  lambda job: t("check_computing", _lang))


COLUMNS = {"parameter": "check_col_parameter", "verdict": "check_col_verdict", "manual": "check_col_manual",
           "autograd": "check_col_autograd", "numeric": "check_col_numeric",
           "manual_abs_error": "check_col_manual_abs_error", "manual_rel_error": "check_col_manual_rel_error",
           "numeric_abs_error": "check_col_numeric_abs_error", "numeric_rel_error": "check_col_numeric_rel_error"}
"""The text key of each column of bp_core's gradient table, written out (never built from a column's name: a column
bp_core adds keeps its own name until it is listed here; tests/test_check_view.py lists them all)."""
VERDICT_TEXTS = {"pass": "check_verdict_pass", "finite_difference_off": "check_verdict_finite_difference_off",
                 "manual_mismatch": "check_verdict_manual_mismatch"}
"""The text key of each of bp_core.teaching.checking.VERDICTS."""


def check_table(table: bp_core.teaching.GradientTable, lang: str) -> pd.DataFrame:
    """The table in ``lang``, the verdict next to the parameter: column names and verdicts translated, numbers
    unchanged."""
    frame = table.table.assign(verdict=[t(VERDICT_TEXTS[v], lang) for v in table.table["verdict"]])
    frame = frame[["parameter", "verdict", *[c for c in frame.columns if c not in ("parameter", "verdict")]]]
    return frame.rename(columns={c: t(COLUMNS[c], lang) for c in frame.columns if c in COLUMNS})


def table_columns(frame: pd.DataFrame) -> dict:
    """Gradients to 7 significant digits (float32 holds about 7), errors to 2."""
    gradient = st.column_config.NumberColumn(format="%.7g")
    errors = {name: st.column_config.NumberColumn(format="%.1e", width="small", help=name)  # header cut: full on hover
              for name in frame.columns[5:9]}
    return {name: gradient for name in frame.columns[2:5]} | errors


ZERO_GRAD = "zero_grad"
"""The action's name in the server's queue (ui/server/queue_view.py)."""


def _zero_grad(settings: Settings, epochs: int) -> bp_core.teaching.ZeroGradComparison:
    """In the worker's thread: both runs."""
    model, data = settings.build()
    return bp_core.teaching.zero_grad_comparison(model, data, settings.learning_rate, epochs)


def zero_grad(settings: Settings, lang: str = "en", epochs: int = ZERO_GRAD_EPOCHS
              ) -> bp_core.teaching.ZeroGradComparison:
    """The runs with and without zero_grad(), from the server's queue (the queue position while it waits)."""
    return queued(ZERO_GRAD, (settings, epochs), lambda report: _zero_grad(settings, epochs), lang,
                  lambda job: t("zero_grad_running", lang, epochs=epochs))


def zero_grad_chart(comparison: bp_core.teaching.ZeroGradComparison, quantity: str, lang: str) -> alt.TopLevelMixin:
    """``quantity`` ("loss" or "grad_norm") per epoch, with and without zero_grad(), on a log axis."""
    columns = {f"{quantity}_with": t("zero_grad_with", lang), f"{quantity}_without": t("zero_grad_without", lang)}
    data = (comparison.history[["epoch", *columns]].rename(columns=columns)
            .melt("epoch", var_name="run", value_name="value").dropna())
    data = data[data["value"] > 0]  # a log axis has no place for 0
    colour = alt.Color("run:N", title=None, scale=alt.Scale(domain=list(columns.values()),
                                                            range=["#1f77b4", "#d62728"]),
                       legend=charts.legend_below(400))
    chart = alt.Chart(data).mark_line(strokeWidth=2.5).encode(
        x=alt.X("epoch:Q", title=t("epoch", lang)),
        y=alt.Y("value:Q", title=t(f"zero_grad_{quantity}", lang), scale=alt.Scale(type="log")),
        color=colour, tooltip=["run:N", "epoch:Q", alt.Tooltip("value:Q", format=".6g")])
    if comparison.went_wrong_at is not None:
        rule = alt.Chart(pd.DataFrame({"epoch": [comparison.went_wrong_at]})).mark_rule(
            color="#7b0d0d", strokeDash=[4, 3]).encode(x="epoch:Q")
        chart = alt.layer(chart, rule)
    return charts.finish(chart, t(f"zero_grad_chart_{quantity}", lang)).properties(height=340)


@st.cache_data(max_entries=16, ttl=3600, show_spinner=False)
def zero_grad_spec(settings: Settings, quantity: str, lang: str,
                   _comparison: bp_core.teaching.ZeroGradComparison) -> dict:
    """One chart of the runs for ``settings``, built once per quantity and language; the runs are passed in, not
    fetched, so a chart never sends its page back into the queue."""
    spec = zero_grad_chart(_comparison, quantity, lang).to_dict()
    spec["description"] = zero_grad_sentence(_comparison, lang)  # the chart's accessible name: what it shows
    return spec


def zero_grad_sentence(comparison: bp_core.teaching.ZeroGradComparison, lang: str) -> str:
    """When the run without zero_grad() went wrong, in words; or that its loss never rose above the correct one. The
    gradient it steps with is set beside the true gradient at the same parameters (its own, at its last epoch)."""
    norms = {"last": comparison.last_epoch, "accumulated": comparison.accumulated_norm, "true": comparison.true_norm,
             "margin": 100 * WRONG_MARGIN}
    if comparison.went_wrong_at is None:
        return t("zero_grad_never", lang, epochs=comparison.epochs, **norms)
    key = "zero_grad_diverged" if comparison.went_wrong_at == comparison.diverged_at else "zero_grad_wrong"
    row = comparison.history.set_index("epoch").loc[comparison.went_wrong_at]
    return t(key, lang, epoch=comparison.went_wrong_at, without=row["loss_without"], with_=row["loss_with"], **norms)


def float32_sentence(report: bp_core.teaching.GradientReport, lang: str) -> str:
    """Why float32's finite differences are rough, with this table's numbers: how many leading digits L(p + e) and
    L(p - e) share (2e|g| against |L|, the median over the parameters), the largest relative misses of both dtypes'
    finite differences and the largest relative gap between manual and autograd in float32."""
    single, double = report.tables["float32"], report.tables["float64"]
    spread = (2 * single.epsilon * single.table["autograd"].abs() / max(abs(single.loss), 1e-300)).median()
    shared = max(0, math.floor(-math.log10(spread))) if spread > 0 else 7
    return t("check_float32_why", lang, shared=shared, left=max(0, 7 - shared), two_eps=2 * single.epsilon,
             miss32=float(single.table["numeric_rel_error"].max()),
             miss64=float(double.table["numeric_rel_error"].max()),
             gap32=float(single.table["manual_rel_error"].max()))
