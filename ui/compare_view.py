"""What the Compare page draws, computed from one cached run: the charts (chosen from a mapping), the headline
metrics and the sentences that read them. The cached functions take the ``Settings`` object itself (Streamlit hashes
frozen dataclasses), so one run serves every rerun, language and chart option.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

import bp_core

from . import charts
from .settings import Settings
from .texts import t


@st.cache_data(max_entries=8, ttl=3600, show_spinner=False)
def run_comparison(settings: Settings, _lang: str = "en") -> bp_core.Comparison:
    """Both methods, measured; a progress bar while they train (created here, so a cache hit replays nothing)."""
    model, data = settings.build()
    slot = st.empty()

    def show(fraction: float, method: str) -> None:
        slot.progress(min(fraction, 1.0), text=t("training", _lang, method=t(method, _lang)))

    comparison = bp_core.compare(model, data, settings.learning_rate, settings.epochs, progress=show)
    slot.empty()
    return comparison


@st.cache_data(max_entries=16, show_spinner=False)
def stability(settings: Settings) -> bp_core.StabilityBound:
    model, data = settings.build()
    return bp_core.stability_bound(model, None, data)


def bound_sentence(settings: Settings, lang: str) -> tuple[bool, str]:
    """Before training: whether the learning rate is above the stability bound 2/λmax, and the sentence that says so."""
    bound = stability(settings)
    if settings.learning_rate > bound.learning_rate_bound:
        return True, t("bound_before", lang, lr=settings.learning_rate, bound=bound.learning_rate_bound,
                       lam=bound.lambda_max)
    exact = t("bound_exact_line" if settings.model == "line" else "bound_near_mlp", lang)
    return False, t("bound_info", lang, bound=bound.learning_rate_bound, exact=exact)


def divergence_sentences(comparison: bp_core.Comparison, lang: str) -> list[str]:
    """After training: one sentence per method that diverged, with the epoch and the bound."""
    return [t("diverged", lang, method=t(method, lang), epoch=result.diverged_at,
              bound=comparison.bound.learning_rate_bound)
            for method, result in comparison.results.items() if result.diverged_at is not None]


def _histories(comparison: bp_core.Comparison) -> dict[str, pd.DataFrame]:
    return {method: result.history for method, result in comparison.results.items()}


def _surface(comparison: bp_core.Comparison, lang: str, option: Any) -> alt.TopLevelMixin:
    surface = bp_core.loss_surface(comparison.data, *comparison.surface_window(), 41)
    return charts.surface_chart(surface, _histories(comparison), lang)


CHARTS: dict[str, Callable[[bp_core.Comparison, str, Any], alt.TopLevelMixin]] = {
    "loss": lambda c, lang, log_scale: charts.loss_chart(_histories(c), lang, log_scale),
    "parameters": lambda c, lang, names: charts.parameter_chart(_histories(c), list(names), lang),
    "difference": lambda c, lang, _: charts.difference_chart(c.difference, lang),
    "surface": _surface,
    "runtime": lambda c, lang, _: charts.runtime_chart(c.runtime_table(), lang),
    "memory": lambda c, lang, _: charts.memory_chart(c.tensor_bytes_table(), lang),
}
"""Each chart of the Compare page, from the run, the language and the chart's one option."""


@st.cache_data(max_entries=64, show_spinner=False)
def chart_spec(kind: str, settings: Settings, lang: str, option: Any = None) -> dict[str, Any]:
    """One chart of the cached run as a Vega-Lite dict, built (and validated by Altair) once per run, language and
    option: a rerun that changes nothing redraws from here instead of rebuilding every chart."""
    return CHARTS[kind](run_comparison(settings), lang, option).to_dict()


@dataclass(frozen=True)
class Metric:
    label: str
    value: str
    help: str | None = None


def ratio_words(comparison: bp_core.Comparison, lang: str) -> str:
    """The speed ratio per epoch in words; when there is none (too few timed epochs), why."""
    ratio = comparison.speed_ratio
    if ratio is None:
        fewest = min(comparison.results.values(), key=lambda r: r.epochs_run)
        if fewest.epochs_run == 0:
            return t("ratio_missing_none", lang, method=t(fewest.method, lang))
        return t("ratio_missing_few", lang, method=t(fewest.method, lang), count=fewest.epochs_run,
                 minimum=bp_core.MIN_TIMED_EPOCHS)
    if ratio >= 1:
        return t("ratio_manual_faster", lang, ratio=ratio)
    return t("ratio_autograd_faster", lang, ratio=1 / ratio)


MISSING = "—"  # a metric with no value; its help says why


def headline(comparison: bp_core.Comparison, settings: Settings, lang: str) -> list[list[Metric]]:
    """Two rows of three metrics: final losses and the largest difference; final w, b (or size) and the speed."""
    results = comparison.results
    top = [Metric(t("final_loss", lang, method=t(m, lang)), f"{r.final_loss:.4g}") if len(r.history) else
           Metric(t("final_loss", lang, method=t(m, lang)), MISSING, t("final_loss_missing", lang))
           for m, r in results.items()]
    difference = comparison.max_param_difference
    top.append(Metric(t("max_difference", lang), f"{difference:.2e}", t("max_difference_help", lang))
               if difference is not None else Metric(t("max_difference", lang), MISSING,
                                                     t("max_difference_missing", lang)))
    manual, auto = results["manual"], results["autograd"]
    if settings.model == "line":
        bottom = [Metric(t("final_param", lang, name=name), f"{manual.params[name].item():.6f}",
                         t("final_param_help", lang, autograd=auto.params[name].item())) for name in ("w", "b")]
    else:
        bottom = [Metric(t("parameter_count", lang), f"{len(manual.parameter_names)}"),
                  Metric(t("epochs_run", lang), f"{manual.epochs_run}")]
    ratio = comparison.speed_ratio
    shown = MISSING if ratio is None else f"{max(ratio, 1 / ratio):.1f}×"
    bottom.append(Metric(t("speed_ratio", lang), shown, ratio_words(comparison, lang)))
    return [top, bottom]


def runtime_sentence(comparison: bp_core.Comparison, lang: str) -> str:
    median = comparison.runtime_table().set_index("method")["median_us"]
    if len(median) < len(comparison.results):  # a method timed no epoch
        return t("runtime_missing", lang, reason=ratio_words(comparison, lang))
    return t("runtime_words", lang, manual=median["manual"], autograd=median["autograd"],
             epochs=comparison.results["manual"].epochs_run, ratio_words=ratio_words(comparison, lang))


def outputs_table(comparison: bp_core.Comparison, lang: str) -> pd.DataFrame:
    """The network's outputs after training, the method names in ``lang``."""
    outputs = bp_core.predictions(comparison.results, comparison.data)
    k = comparison.data.y.shape[1]
    names = {f"{m} ŷ[{i}]": f"{t(f'{m}_short', lang)} ŷ[{i}]" for m in comparison.results for i in range(k)}
    return outputs.rename(columns=names)


def default_parameters(names: list[str]) -> list[str]:
    """The parameters drawn at first: all of the line's, four first- and second-layer weights of a network."""
    return names if len(names) <= 4 else [n for n in ("W1[0,1]", "W1[1,1]", "W2[0,0]", "W2[1,0]") if n in names]
