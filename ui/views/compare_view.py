"""What the Compare page draws, computed from one run: the run itself (through the server's one queue), the charts
(chosen from a mapping), the headline metrics. The sentences that read them live in ui/texts/sentences.py.

Runs go through ``ui.server.queue_view.queued``: one computation at a time (``ui.server.worker.DEFAULT_WORKERS``; the
environment variable BACKPROP_LAB_WORKERS allows more), a waiting learner sees how many runs are ahead of theirs, twenty
sessions asking for the same settings at once share one run, and the last few runs are kept for whoever asks next. The
queue's results are shared, not copied: nothing here changes a ``Comparison``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

import bp_core
from bp_core.limits import METHODS
from ui.charts import builders as charts
from ui.server.queue_view import queued, submit
from ui.server.worker import Job, Report
from ui.session import state
from ui.session.presets import DEFAULT_MODEL, view
from ui.session.settings import Settings
from ui.texts import sentences, t

COMPARE = "compare"
"""The action's name in the server's queue (ui/server/queue_view.py) and in this session's kept results."""


def _compute(settings: Settings, report: Report) -> bp_core.Comparison:
    """In the worker's thread: both methods, measured."""
    model, data = settings.build()
    return bp_core.compare(model, data, settings.learning_rate, settings.epochs, progress=report)


def start_default_run() -> Job:
    """The default settings' run (what the Compare page asks for when opened without a link), submitted to the
    server's queue under the key the page uses: the first learner joins it while it runs, or finds it kept."""
    settings = Settings()
    return submit(COMPARE, settings, lambda report: _compute(settings, report))


WARM_UP = "warm-up"
"""The queue's action for the warm-up's short runs of the other models: kept apart from Compare's kept runs, which
they would otherwise push out."""
WARM_UP_EPOCHS = 20
"""Epochs of each other model's warm-up run: enough for every operation of a run, forward and backward, to have
run once."""


def start_other_models_runs() -> list[Job]:
    """A short run (WARM_UP_EPOCHS epochs, both methods, measured as the page measures) of every preset's model other
    than the default's, submitted to the server's queue under the action WARM_UP. Their first forward and backward
    passes read the code they need from libtorch (a page fault reads the disk's read-ahead window around it, 8 MiB
    here) while the server warms up, where that page cache is then released, instead of in a class's first minute,
    where it added about 85 MiB to the container's peak (benchmarks/README, issue 31)."""
    others = [Settings.for_model(name, WARM_UP_EPOCHS) for name in bp_core.PRESETS if name != DEFAULT_MODEL]
    return [submit(WARM_UP, settings, functools.partial(_compute, settings)) for settings in others]


def run_comparison(settings: Settings, lang: str, settings_on_page: bool = False) -> bp_core.Comparison:
    """The run for ``settings``, from the server's queue; while it waits, the queue position, then a progress bar.

    Should the run raise, the learner reads why in their language, and where their settings are (the sidebar, or the
    page itself on a phone: ``settings_on_page``), and the page stops there (no traceback).
    """
    def progress_text(job: Job) -> str:
        return t("training", lang, method=t(job.stage, lang) if job.stage in METHODS else "...")

    try:
        return queued(COMPARE, settings, lambda report: _compute(settings, report), lang, progress_text)
    except Exception as error:  # a learner gets a sentence in their language, never a traceback
        st.error(t("run_failed_on_page" if settings_on_page else "run_failed", lang,
                   error=f"{type(error).__name__}: {error}"))
        st.stop()
        raise  # st.stop raises; this line is for the type checker


STABILITY = "stability_bound"
"""The action's name in the server's queue: the stability bound at the run's initial parameters."""


def _stability(settings: Settings) -> bp_core.teaching.StabilityBound:
    model, data = settings.build()
    return bp_core.stability_bound(model, None, data)


def stability(settings: Settings, lang: str = "en") -> bp_core.teaching.StabilityBound:
    """The bound for ``settings``: it is at the initial parameters, so the learning rate and epochs do not enter it,
    and the cache and the queue see the settings without them (another rate reuses the bound)."""
    return _stability_at_start(replace(settings, learning_rate=bp_core.PRESETS[settings.model].learning_rate,
                                       epochs=1), lang)


@st.cache_data(max_entries=16, show_spinner=False)
def _stability_at_start(at_start: Settings, _lang: str) -> bp_core.teaching.StabilityBound:
    """Computed in the server's one queue."""
    return queued(STABILITY, at_start, lambda _: _stability(at_start), _lang,
                  lambda job: t("bound_computing", _lang))


def bound_sentence(settings: Settings, lang: str) -> tuple[bool, str]:
    """Before training: whether the learning rate is above the stability bound 2/λmax, and the sentence that says so."""
    return sentences.bound_sentence(stability(settings, lang), settings.model, settings.learning_rate, lang)


def _histories(comparison: bp_core.Comparison) -> dict[str, pd.DataFrame]:
    return {method: result.history for method, result in comparison.results.items()}


def _surface_frames(comparison: bp_core.Comparison, lang: str, option: Any) -> charts.Frames:
    surface = bp_core.teaching.loss_surface(comparison.data, *comparison.surface_window(), 41)
    return charts.surface_frames(surface, _histories(comparison), lang)


FRAMES: dict[str, Callable[[bp_core.Comparison, str, Any], charts.Frames]] = {
    "loss": lambda c, lang, log_scale: charts.loss_frames(_histories(c), lang, log_scale),
    "parameters": lambda c, lang, names: charts.parameter_frames(_histories(c), list(names), lang),
    "difference": lambda c, lang, _: charts.difference_frames(c.difference),
    "surface": _surface_frames,
    "runtime": lambda c, lang, _: charts.runtime_frames(c.runtime_table(), lang),
    "memory": lambda c, lang, _: charts.memory_frames(c.tensor_bytes_table(), lang),
}
"""The data of each chart of the Compare page, from the run, the language and the chart's one option."""


def structure(kind: str, option: Any) -> Any:
    """The part of a chart's option that changes its skeleton: the loss chart's log axis; nothing else."""
    return bool(option) if kind == "loss" else None


def chart(kind: str, comparison: bp_core.Comparison, lang: str, option: Any) -> alt.TopLevelMixin:
    """One chart of the run as a complete Altair chart (what ``chart_spec`` sends, for tests and notebooks)."""
    skeleton = charts.SKELETONS[kind](lang, structure(kind, option))
    return charts.with_data(skeleton, FRAMES[kind](comparison, lang, option)).properties(
        description=describe(kind, comparison, lang))  # the chart's accessible name (aria-label)


def chart_spec(kind: str, lang: str, option: Any, comparison: bp_core.Comparison) -> dict[str, Any]:
    """One chart of ``comparison`` as a Vega-Lite dict, built once per run (its ``run_id``: the same settings
    computed again are another run, with other timings), language and option: the chart's skeleton (built once per
    server) with this run's frames. The run is passed in, not fetched: an evicted run is never recomputed."""
    return _chart_spec(kind, comparison.run_id, lang, option, comparison)


@st.cache_data(max_entries=64, show_spinner=False)
def _chart_spec(kind: str, run_id: int, lang: str, option: Any, _comparison: bp_core.Comparison) -> dict[str, Any]:
    spec = charts.spec(kind, lang, structure(kind, option), FRAMES[kind](_comparison, lang, option))
    spec["description"] = describe(kind, _comparison, lang)  # the chart's accessible name (aria-label)
    return spec


def _loss_words(c: bp_core.Comparison, lang: str) -> str:
    histories = {m: r.history["loss"] for m, r in c.results.items() if len(r.history)}
    manual, auto = histories.get("manual"), histories.get("autograd")
    if manual is None or auto is None:
        return t("alt_loss_missing", lang)
    return t("alt_loss", lang, epochs=c.results["manual"].epochs_run, first=float(manual.iloc[0]),
             manual=float(manual.iloc[-1]), autograd=float(auto.iloc[-1]))


def _parameter_words(c: bp_core.Comparison, lang: str) -> str:
    params = c.results["manual"].params
    names = bp_core.models.scalar_names(params)
    values = bp_core.models.flatten(params).tolist()
    shown = ", ".join(f"{n} {v:.4g}" for n, v in list(zip(names, values))[:4])
    more = len(names) - 4
    return t("alt_parameters_more" if more > 0 else "alt_parameters", lang, count=len(names), shown=shown, more=more)


def _memory_words(c: bp_core.Comparison, lang: str) -> str:
    table = c.tensor_bytes_table().groupby("method")["bytes"].sum()
    manual, autograd = (f"{int(table.get(method, 0)):,}" for method in ("manual", "autograd"))
    return t("alt_memory", lang, manual=manual, autograd=autograd)


DESCRIPTIONS: dict[str, Callable[[bp_core.Comparison, str], str]] = {
    "loss": _loss_words, "parameters": _parameter_words, "difference": sentences.difference_sentence,
    "surface": sentences.surface_sentence, "runtime": sentences.runtime_sentence, "memory": _memory_words}
"""What a sighted learner takes from each chart, in one sentence built from the run's numbers (its alt text)."""


def describe(kind: str, comparison: bp_core.Comparison, lang: str) -> str:
    """The one-sentence description of the chart ``kind`` of ``comparison`` in ``lang``."""
    return DESCRIPTIONS[kind](comparison, lang)


@dataclass(frozen=True)
class Metric:
    label: str
    value: str
    help: str | None = None


def headline(comparison: bp_core.Comparison, settings: Settings, lang: str) -> list[list[Metric]]:
    """Two rows of three metrics: final losses and the largest difference; the final values of the preset's headline
    parameters (w, b), else the parameter count and epochs run; and the speed."""
    results = comparison.results
    top = [Metric(t("final_loss", lang, method=t(m, lang)), f"{r.final_loss:.4g}") if len(r.history) else
           Metric(t("final_loss", lang, method=t(m, lang)), sentences.MISSING, t("final_loss_missing", lang))
           for m, r in results.items()]
    difference = comparison.max_param_difference  # None when no epoch is shared
    top.append(Metric(t("max_difference", lang), f"{difference:.2e}", sentences.max_difference_help(comparison, lang))
               if difference is not None else
               Metric(t("max_difference", lang), sentences.MISSING, t("max_difference_missing", lang)))
    manual, auto = results["manual"], results["autograd"]
    named = view(settings.model).headline_parameters
    if named:
        bottom = [Metric(t("final_param", lang, name=name), f"{manual.params[name].item():.6f}",
                         t("final_param_help", lang, autograd=auto.params[name].item())) for name in named]
    else:
        bottom = [Metric(t("parameter_count", lang), f"{len(manual.parameter_names)}"),
                  Metric(t("epochs_run", lang), f"{manual.epochs_run}")]
    bottom.append(Metric(t("speed_ratio", lang), sentences.ratio_value(comparison),
                         sentences.ratio_words(comparison, lang)))
    return [top, bottom]


def export_json(settings: Settings, comparison: bp_core.Comparison) -> str:
    """The JSON download: the settings and the run's headline results (built when the learner clicks)."""
    return json.dumps({"settings": settings.as_dict()} | comparison.summary(), indent=2)


def outputs_table(comparison: bp_core.Comparison, lang: str) -> pd.DataFrame:
    """The network's outputs after training, the method names in ``lang``."""
    outputs = bp_core.teaching.predictions(comparison.results, comparison.data)
    k = comparison.data.y.shape[1]
    names = {f"{m} ŷ[{i}]": f"{t(f'{m}_short', lang)} ŷ[{i}]" for m in comparison.results for i in range(k)}
    return outputs.rename(columns=names)


def default_parameters(names: list[str]) -> list[str]:
    """The parameters drawn at first: all of the line's, four first- and second-layer weights of a network."""
    return names if len(names) <= 4 else [n for n in ("W1[0,1]", "W1[1,1]", "W2[0,0]", "W2[1,0]") if n in names]


def code_expander(model: bp_core.Model, lang: str) -> None:
    """The code behind the numbers: each method's plain loop (what a learner reads; the numbers are its numbers, bit
    for bit), and the tuned loops that ran behind a toggle. Drawn only while the expander is open (a rerun from the
    kept run): two highlighted listings sent with every run slowed the page's first paint by ~0.6 s."""
    with st.expander(t("code_title", lang), key=state.key("compare", "code_open"), on_change="rerun") as box:
        if not box.open:
            return
        st.caption(t("code_caption", lang))
        for col, method in zip(st.columns(2), METHODS):
            col.markdown(f"**{t(method, lang)}**")
            col.code(bp_core.training.update_step_source(model, method), language="python", wrap_lines=True)
        with state.widgets("compare", {"code_tuned": False}):
            tuned = st.toggle(t("code_tuned", lang), key=state.key("compare", "code_tuned"))
        if tuned:
            for col, method in zip(st.columns(2), METHODS):
                col.code(bp_core.training.update_step_source(model, method, tuned=True), language="python",
                         wrap_lines=True)
