"""The Compare page's memory section: every figure says where it comes from, and none depends on who else is using
the server.

- Live, every run: the exact tensor bytes per method (counted from the tensors), the analytic count beside them.
- Peak RSS per method only when it was measured in isolation (a fresh process per run, at least 3 repeats, median and
  range): from the shipped scaling-study table when it holds this model and data size, or from the "measure in a
  fresh process" button. The measurement goes through the server's queue as an exclusive job (one at a time per
  server, however many workers it has) and checks the free memory when it starts, not when the button is pressed:
  it is refused with a message where the server lacks the memory for the processes then.
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
from ui.server.queue_view import queued
from ui.session import state
from ui.session.settings import Settings
from ui.texts import t


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


MEASURE = "isolated_memory"
"""The action's name in the server's queue (ui/server/queue_view.py); exclusive: one measurement at a time per
server."""


class NoRoom(Exception):
    """The machine lacked the memory for the measuring processes when the measurement was to start."""

    def __init__(self, room: measure.MeasurementRoom) -> None:
        super().__init__(f"about {room.needed_mib:.0f} MiB needed, {room.available_mib:.0f} MiB free")
        self.room = room


def _measure(settings: Settings) -> measure.IsolatedMemory:
    """In the worker's thread, the server's only measurement at this moment (an exclusive job): the memory is checked
    now, as it starts, so presses that waited in the queue are not all let through by the same free memory."""
    room = measure.isolated_measurement_room()
    if not room.allowed:
        raise NoRoom(room)  # not kept: the next press checks again
    model, data = settings.build()
    return measure.measure_isolated_memory(model, data, settings.learning_rate, settings.epochs)


def measure_in_fresh_processes(settings: Settings, lang: str) -> measure.IsolatedMemory | None:
    """The measurement for ``settings`` through the server's queue (queue position, then a bar that says it is
    measuring), or None and a warning with the figures when the machine lacked the memory as it was to start."""
    try:
        return queued(MEASURE, settings, lambda report: _measure(settings), lang,
                      lambda job: t("memory_measuring", lang), exclusive=True)
    except NoRoom as refused:
        st.warning(t("memory_measure_refused", lang, available=refused.room.available_mib,
                     needed=refused.room.needed_mib))
        return None


def memory_section(comparison: bp_core.Comparison, settings: Settings, lang: str) -> None:
    """Draw the memory figures under the tensor-bytes chart, and the button that measures RSS in fresh processes."""
    kept = state.recall("compare", "isolated_memory", {})
    measured = kept.get(settings)
    if st.button(t("memory_measure_button", lang), key=state.key("compare", "measure"),
                 help=t("memory_measure_help", lang)):
        fresh = measure_in_fresh_processes(settings, lang)
        if fresh is not None:
            measured = fresh
            state.remember("compare", "isolated_memory", {**kept, settings: fresh})
    figure = isolated_figure(measured, lang) if measured is not None else table_figure(
        settings, comparison.data.n_samples, lang, _table())
    lines = presented(comparison, figure, lang)
    methods = len(comparison.memory or {})
    for line in lines[:methods]:
        st.markdown(line)
    for line in lines[methods:]:
        st.caption(line)
