"""The Compare page's memory section: every figure says where it comes from, and none depends on who else is using
the server.

- Live, every run: the exact tensor bytes per method (counted from the tensors), the analytic count beside them.
- Peak RSS per method only when it was measured in isolation (a fresh process per run, at least 3 repeats, median and
  range): from the shipped scaling-study table when it holds this model and data size, or from the "measure in a
  fresh process" button, which is refused with a message where the server lacks the memory for the processes.
- A difference in RSS is called resolvable only when the repeats' ranges do not overlap and it exceeds the resolution.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

import bp_core
from bp_core import measure
from bp_core.measure import scaling
from bp_core.measure.isolated import MIN_REPEATS

from .settings import Settings
from .texts import t


@dataclass(frozen=True)
class RSSFigure:
    """Peak RSS Δ of both methods from isolated runs, and where they come from."""

    rss: dict[str, measure.RSSSpread]
    source: str  # a sentence naming the source (table: machine, date, epochs; or this server, now)
    resolvable: bool


@st.cache_data(show_spinner=False)
def _table() -> pd.DataFrame | None:
    return scaling.shipped_table()


def table_figure(settings: Settings, n_samples: int, lang: str, table: pd.DataFrame | None) -> RSSFigure | None:
    """The shipped table's isolated RSS for this model at this data size, if any: the table measured the presets'
    models at their default options (the seed aside: it moves the start, not the memory)."""
    preset, defaults = bp_core.PRESETS[settings.model], Settings()
    family = preset.scaling_family
    changed = [name for name in preset.options if name != "seed" and getattr(settings, name) != getattr(defaults, name)]
    if table is None or family is None or changed:
        return None
    rows = table[(table["axis"] == "n_samples") & (table["model"] == family) & (table["size"] == n_samples)
                 & (table["rss_repeats"] >= MIN_REPEATS)]
    if set(rows["method"]) != {"manual", "autograd"}:
        return None
    rss = {}
    for row in rows.itertuples():
        # the table keeps median and range; three numbers stand for the repeats' spread
        rss[row.method] = measure.RSSSpread(row.method, (row.peak_rss_delta_mib_low, row.peak_rss_delta_mib_median,
                                                         row.peak_rss_delta_mib_high))
    first = rows.iloc[0]
    source = t("memory_rss_source_table", lang, machine=first["machine"], date=first["date"],
               epochs=int(first["epochs"]), repeats=int(first["rss_repeats"]))
    return RSSFigure(rss, source, measure.rss_difference_resolvable(rss["manual"], rss["autograd"]))


def isolated_figure(measured: measure.IsolatedMemory, lang: str) -> RSSFigure:
    source = t("memory_rss_source_measured", lang, epochs=measured.epochs, repeats=measured.repeats)
    return RSSFigure(measured.rss, source, measured.resolvable)


def presented(comparison: bp_core.Comparison, figure: RSSFigure | None, lang: str) -> list[str]:
    """Every memory figure and sentence the section shows, in order (pure: the page draws exactly these)."""
    lines = []
    for method, memory in (comparison.memory or {}).items():
        lines.append(t("memory_tensor_line", lang, method=t(method, lang), counted=memory.tensor_bytes.total_bytes,
                       analytic=memory.analytic_bytes.total_bytes,
                       saved=memory.tensor_bytes.saved_for_backward_bytes))
    lines.append(t("memory_tensor_source", lang))
    if figure is None:
        lines.append(t("memory_rss_not_shown", lang))
        return lines
    for method, spread in figure.rss.items():
        lines.append(t("memory_rss_line", lang, method=t(method, lang), median=spread.median_mib, low=spread.low_mib,
                       high=spread.high_mib))
    lines.append(figure.source)
    if figure.resolvable:
        larger = max(figure.rss, key=lambda m: figure.rss[m].median_mib)
        smaller = min(figure.rss, key=lambda m: figure.rss[m].median_mib)
        lines.append(t("memory_rss_resolvable", lang, larger=t(larger, lang), smaller=t(smaller, lang),
                       difference=figure.rss[larger].median_mib - figure.rss[smaller].median_mib))
    else:
        lines.append(t("memory_rss_not_resolvable", lang, res=measure.RSS_RESOLUTION_MIB))
    return lines


@st.cache_data(max_entries=4, ttl=3600, show_spinner=False)
def _measure(settings: Settings) -> measure.IsolatedMemory:
    model, data = settings.build()
    return measure.measure_isolated_memory(model, data, settings.learning_rate, settings.epochs)


def memory_section(comparison: bp_core.Comparison, settings: Settings, lang: str) -> None:
    """Draw the memory figures under the tensor-bytes chart, and the button that measures RSS in fresh processes."""
    state = st.session_state
    measured = state.get("isolated_memory", {}).get(settings)
    if st.button(t("memory_measure_button", lang), key="measure_isolated", help=t("memory_measure_help", lang)):
        room = measure.isolated_measurement_room()
        if not room.allowed:
            st.warning(t("memory_measure_refused", lang, available=room.available_mib, needed=room.needed_mib))
        else:
            with st.spinner(t("memory_measuring", lang)):
                measured = _measure(settings)
            state.setdefault("isolated_memory", {})[settings] = measured
    figure = isolated_figure(measured, lang) if measured is not None else table_figure(
        settings, comparison.data.n_samples, lang, _table())
    lines = presented(comparison, figure, lang)
    methods = len(comparison.memory or {})
    for line in lines[:methods]:
        st.markdown(line)
    for line in lines[methods:]:
        st.caption(line)
