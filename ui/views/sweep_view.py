"""What the learning-rate page shows: the sweep the learner asked for (checked, with messages), run once per request
through the server's queue (queue position, then a progress bar), and its two charts: final loss against learning
rate with the bound 2/λmax as a rule and the diverging runs marked at the top, and the loss curves of a few chosen
rates.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

import bp_core
from bp_core import limits, teaching
from ui.charts import builders as charts
from ui.server.queue_view import queued
from ui.server.worker import Job, Report
from ui.session.numbers import LR_MIN, whole_number
from ui.session.state import WidgetValues
from ui.texts import t
from ui.texts.messages import Message, entered
from ui.views.figures import SWEEP_FIGURES

DEFAULTS = {key: {"low": preset.sweep.low, "high": preset.sweep.high, "count": preset.sweep.count,
                  "epochs": preset.sweep.epochs} for key, preset in bp_core.PRESETS.items()}
"""Per preset, its default sweep (bp_core.presets.SweepRange) as the page's widget values."""
HEIGHT = 400
"""Whole chart, title, axes and legend included (Streamlit fits the spec into it): a full-width chart wants more
than the Compare page's half-width 280 to leave its log axis room."""


@dataclass(frozen=True)
class SweepRequest:
    model: str  # a key of bp_core.PRESETS
    low: float
    high: float
    count: int
    epochs: int


def default_request(model: str) -> SweepRequest:
    """The preset's default sweep (bp_core.presets.SweepRange) as a request."""
    sweep = bp_core.PRESETS[model].sweep
    return SweepRequest(model, sweep.low, sweep.high, sweep.count, sweep.epochs)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return float(value)


def _rate(value: Any) -> float | None:
    """A learning rate bp_core trains with, in [LR_MIN, MAX_LEARNING_RATE], else None (a tiny rate such as 1e-39 is
    refused here, before anything is queued, as train() would refuse it)."""
    number = _number(value)
    return number if number is not None and LR_MIN <= number <= limits.MAX_LEARNING_RATE else None


def resolve_sweep(model: str, values: WidgetValues) -> tuple[SweepRequest | None, list[Message]]:
    """The sweep to run from the typed values, or None and every reason it cannot run, in words."""
    low, high = _rate(values.get("low")), _rate(values.get("high"))
    count = whole_number(values.get("count"), 2, teaching.MAX_RUNS)
    epochs = whole_number(values.get("epochs"), 1, teaching.MAX_SWEEP_EPOCHS)
    cap = limits.MAX_LEARNING_RATE
    messages: list[Message] = []
    if low is None:
        messages.append(("sweep_bad_rate", {"which": ("sweep_low", {}), "value": entered(values.get("low")),
                                            "cap": cap, "least": LR_MIN}))
    if high is None:
        messages.append(("sweep_bad_rate", {"which": ("sweep_high", {}), "value": entered(values.get("high")),
                                            "cap": cap, "least": LR_MIN}))
    if low is not None and high is not None and not low < high:
        messages.append(("sweep_bad_order", {"low": low, "high": high}))
    if count is None:
        messages.append(("sweep_bad_count", {"value": entered(values.get("count")), "cap": teaching.MAX_RUNS}))
    if epochs is None:
        messages.append(("sweep_bad_epochs", {"value": entered(values.get("epochs")),
                                              "cap": teaching.MAX_SWEEP_EPOCHS}))
    if messages or low is None or high is None or count is None or epochs is None:
        return None, messages
    if count * epochs > teaching.MAX_SWEEP_WORK:
        return None, [("sweep_too_long", {"count": count, "epochs": epochs, "work": count * epochs,
                                          "cap": teaching.MAX_SWEEP_WORK})]
    return SweepRequest(model, low, high, count, epochs), []


SWEEP = "sweep"
"""The action's name in the server's queue (ui/server/queue_view.py)."""


def _compute(request: SweepRequest, report: Report) -> teaching.Sweep:
    """In the worker's thread: the sweep, reporting each finished run."""
    model, data = bp_core.PRESETS[request.model].build()
    return teaching.learning_rate_sweep(model, data, request.low, request.high, request.count, request.epochs,
                                        progress=lambda done, total: report(done / total, done=done, total=total))


def run_sweep(request: SweepRequest, lang: str = "en") -> teaching.Sweep:
    """The sweep, from the server's queue: the queue position while it waits, then a progress bar."""
    def progress_text(job: Job) -> str:
        return t("sweep_running", lang, done=job.figures.get("done", 0), total=request.count)

    return queued(SWEEP, request, lambda report: _compute(request, report), lang, progress_text)


def headline(sweep: teaching.Sweep, lang: str) -> list[tuple[str, str]]:
    """λmax, the bound and how many runs diverged, as (label, value) metrics."""
    diverging = int(sweep.table["diverging"].sum())
    return [*((t(text, lang), format(getattr(sweep, name), spec)) for text, name, spec in SWEEP_FIGURES),
            (t("sweep_metric_diverging", lang), f"{diverging} / {len(sweep.table)}")]


def line_closed_form(data: bp_core.Dataset) -> str:
    """LaTeX of the line's Hessian (2/N)[[Σx², Σx], [Σx, N]] on ``data``, its λmax and the bound, computed."""
    closed = teaching.line_hessian(data)
    (a, b), (_, c) = closed.hessian.tolist()
    # four aligned lines: one line ran past a phone's screen in a scroller a keyboard could not reach
    return (f"\\begin{{aligned}} H &= \\frac{{2}}{{N}}\\begin{{bmatrix}}\\sum x^2 & \\sum x \\\\ \\sum x & N"
            f"\\end{{bmatrix}} \\\\ &= \\begin{{bmatrix}}{a:g} & {b:g} \\\\ {b:g} & {c:g}\\end{{bmatrix}} \\\\ "
            f"\\lambda_{{max}} &= {closed.lambda_max:.4f} \\\\ "
            f"\\frac{{2}}{{\\lambda_{{max}}}} &= {closed.learning_rate_bound:.4f} \\end{{aligned}}")


def ceiling(sweep: teaching.Sweep) -> float:
    """Where diverging runs are drawn: a decade above every finite final loss and the starting loss."""
    ok = sweep.table.loc[~sweep.table["diverging"], "final_loss"]
    top = max([float(sweep.table["initial_loss"].max()), *ok.tolist()])
    return 10 ** math.ceil(math.log10(top) + 1)


def final_loss_chart(sweep: teaching.Sweep, lang: str) -> alt.TopLevelMixin:
    """Final loss against learning rate, both on log axes; diverging runs as triangles at the top; the bound a rule."""
    top = ceiling(sweep)
    table = sweep.table.assign(
        shown=np.where(sweep.table["diverging"], top, sweep.table["final_loss"].clip(lower=1e-30)),
        status=[t("sweep_diverging" if d else "sweep_converging", lang) for d in sweep.table["diverging"]],
        diverged_at=sweep.table["diverged_at"].astype("float64"))
    x = alt.X("learning_rate:Q", title=t("sweep_axis_lr", lang), scale=alt.Scale(type="log"))
    y = alt.Y("shown:Q", title=t("sweep_axis_final", lang, epochs=sweep.epochs), scale=alt.Scale(type="log"))
    status = [t("sweep_converging", lang), t("sweep_diverging", lang)]
    tooltip = [alt.Tooltip("learning_rate:Q", format=".4g"), alt.Tooltip("final_loss:Q", format=".4g"), "status:N",
               alt.Tooltip("diverged_at:Q", title=t("sweep_diverged_at", lang))]
    line = alt.Chart(table[~sweep.table["diverging"]]).mark_line(color="#1f77b4").encode(x=x, y=y)
    points = alt.Chart(table).mark_point(filled=True, size=90).encode(
        x=x, y=y, tooltip=tooltip,
        shape=alt.Shape("status:N", title=None, scale=alt.Scale(domain=status, range=["circle", "triangle-up"])),
        color=alt.Color("status:N", title=None, scale=alt.Scale(domain=status, range=["#1f77b4", "#d62728"]),
                        legend=charts.legend_below(400)))
    bound = pd.DataFrame({"learning_rate": [sweep.learning_rate_bound]})
    rule = alt.Chart(bound).mark_rule(color="#7b0d0d", strokeDash=[6, 4], strokeWidth=2).encode(x="learning_rate:Q")
    title = f'{t("sweep_chart_final", lang)} ({t("sweep_rule", lang, bound=sweep.learning_rate_bound)})'
    return charts.finish(alt.layer(line, points, rule), title).properties(height=HEIGHT)


def default_curves(sweep: teaching.Sweep) -> list[float]:
    """Three rates worth comparing: the smallest, the largest converging one, the smallest diverging one."""
    rates = sweep.table["learning_rate"]
    converging, diverging = rates[~sweep.table["diverging"]], rates[sweep.table["diverging"]]
    picks = [rates.iloc[0], *converging.iloc[-1:], *diverging.iloc[:1]]
    return sorted(dict.fromkeys(float(r) for r in picks))


def curves_chart(sweep: teaching.Sweep, rates: list[float], lang: str) -> alt.TopLevelMixin:
    """The loss per epoch of the chosen rates on one log axis; a diverging run's curve ends where training stopped."""
    frames = [charts.thin(sweep.losses[sweep.losses["learning_rate"] == rate]) for rate in rates]
    data = pd.concat(frames, ignore_index=True) if frames else sweep.losses.iloc[:0]
    data = data[data["loss"] > 0].assign(rate=[f"lr = {r:.4g}" for r in data["learning_rate"]])
    chart = alt.Chart(data).mark_line(strokeWidth=2.5).encode(
        x=alt.X("epoch:Q", title=t("epoch", lang)),
        y=alt.Y("loss:Q", title=t("loss", lang), scale=alt.Scale(type="log")),
        color=alt.Color("rate:N", title=None, sort=[f"lr = {r:.4g}" for r in rates],
                        legend=charts.legend_below()),
        tooltip=["rate:N", "epoch:Q", alt.Tooltip("loss:Q", format=".4g")])
    return charts.finish(chart, t("sweep_chart_curves", lang)).properties(height=HEIGHT)


COLUMNS = {"learning_rate": "sweep_col_learning_rate", "final_loss": "sweep_col_final_loss",
           "initial_loss": "sweep_col_initial_loss", "epochs_run": "sweep_col_epochs_run",
           "diverged_at": "sweep_col_diverged_at", "diverging": "sweep_col_diverging"}
"""The text key of each column of bp_core's sweep table, written out (never built from a column's name)."""


def sweep_frame(sweep: teaching.Sweep, lang: str) -> pd.DataFrame:
    """The sweep's table with its columns in ``lang``."""
    return sweep.table.rename(columns={c: t(COLUMNS[c], lang) for c in sweep.table.columns if c in COLUMNS})


CHARTS: dict[str, Callable[[teaching.Sweep, str, tuple[float, ...]], alt.TopLevelMixin]] = {
    "final": lambda sweep, lang, _: final_loss_chart(sweep, lang),
    "curves": lambda sweep, lang, rates: curves_chart(sweep, list(rates), lang),
}
"""Each chart of the page, from the sweep, the language and the learning rates whose curves are drawn."""


@st.cache_data(max_entries=32, ttl=3600, show_spinner=False)
def chart_spec(kind: str, request: SweepRequest, lang: str, rates: tuple[float, ...], _sweep: teaching.Sweep) -> dict:
    """One chart of the sweep for ``request``, built once per language and rates. The sweep is passed in, not
    fetched: a chart never sends its page back into the queue."""
    spec = CHARTS[kind](_sweep, lang, rates).to_dict()
    spec["description"] = describe(kind, _sweep, lang, rates)  # the chart's accessible name (aria-label)
    return spec


def describe(kind: str, sweep: teaching.Sweep, lang: str, rates: tuple[float, ...]) -> str:
    """One sentence from the sweep's numbers: what the chart ``kind`` shows a sighted learner."""
    table = sweep.table
    if kind == "final":
        failed = int(table["diverging"].sum())
        return t("alt_sweep_final", lang, count=len(table), low=float(table["learning_rate"].min()),
                 high=float(table["learning_rate"].max()), ok=len(table) - failed, failed=failed,
                 bound=sweep.learning_rate_bound)
    return t("alt_sweep_curves", lang, rates=", ".join(f"{rate:g}" for rate in rates) or "-")
