"""The Scaling page's pieces: the dashboard's caps for a live run, the cached shipped table and chart specs, the live
run with its progress bar, and the sentences that read the result from the numbers.

The library accepts any size whose working set fits its memory budget; the page lets a learner ask only for runs
that finish in seconds on a small shared server (``LIVE_SIZES``), runs them through the server's one queue, and
measures no peak RSS live (that needs a fresh process per run: the shipped table has it).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from bp_core.budget import format_bytes
from bp_core.measure import RSS_RESOLUTION_MIB, RSSSpread, rss_difference_resolvable, scaling
from bp_core.measure.isolated import MIN_REPEATS
from ui.charts import scaling as scaling_charts
from ui.server.queue_view import queued
from ui.server.worker import Job, Report
from ui.session.presets import STUDY_FAMILIES
from ui.texts import t

LIVE_SIZES = {
    "n_samples": (4, 10, 40, 100, 400, 1_000, 4_000, 10_000, 40_000, 100_000),
    "width": (3, 8, 16, 32, 64, 128, 256),
}
"""What a live run may use, per axis: the dashboard's own caps (the shipped table goes to 1,000,000 rows and 1,024)."""

LIVE_DEFAULT_RANGE = {"n_samples": (4, 100_000), "width": (3, 256)}
LIVE_MAX_POINTS = 5
LIVE_EPOCHS, LIVE_REPEATS = 5, 2


@st.cache_data(show_spinner=False)
def shipped() -> pd.DataFrame | None:
    return scaling.shipped_table()


def live_sizes(axis: str, low: int, high: int, points: int) -> tuple[int, ...]:
    """``points`` log-spaced sizes in [low, high], within the live caps."""
    allowed = LIVE_SIZES[axis]
    low, high = max(min(low, high), allowed[0]), min(max(low, high), allowed[-1])
    return scaling.log_sizes(low, high, max(1, min(points, LIVE_MAX_POINTS)))


SCALING_LIVE = "scaling_live"
"""The action's name in the server's queue (ui/server/queue_view.py)."""


def _compute(axis: str, sizes: tuple[int, ...], report: Report) -> pd.DataFrame:
    """In the worker's thread: both families at ``sizes``, reporting each finished measurement."""
    def progress(done: int, total: int, label: str) -> None:
        report(done / total, label, done=done, total=total)

    return scaling.scaling_study(axis, sizes, epochs=LIVE_EPOCHS, repeats=LIVE_REPEATS, rss_repeats=0,
                                 progress=progress)


def run_live(axis: str, sizes: tuple[int, ...], lang: str) -> pd.DataFrame:
    """Measure both families at ``sizes`` here (no RSS), through the server's queue: the queue position while it
    waits, then a progress bar. Measured alone (at most ``workers`` computations at once), not beside a class's
    training runs in other threads."""
    def progress_text(job: Job) -> str:
        return t("scaling_progress", lang, label=job.stage or ("✓" if job.fraction else "…"),
                 done=job.figures.get("done", 0), total=job.figures.get("total", len(sizes) * 2))

    return queued(SCALING_LIVE, (axis, sizes), lambda report: _compute(axis, sizes, report), lang, progress_text)


@st.cache_data(max_entries=32, show_spinner=False)
def chart_specs(table: pd.DataFrame, axis: str, lang: str) -> dict[str, dict[str, Any]]:
    """The page's charts as Vega-Lite dicts, built once per table, axis and language."""
    rows = table[table["axis"] == axis]
    rows = rows.assign(model=[family(model, lang) for model in rows["model"]])  # the legend in the learner's words
    specs = {"time": scaling_charts.time_chart(rows, axis, lang).to_dict(),
             "memory": scaling_charts.saved_bytes_chart(rows, axis, lang).to_dict(),
             "ratio": scaling_charts.ratio_chart(rows, axis, lang).to_dict()}
    if rows["peak_rss_delta_mib_median"].notna().any():
        specs["rss"] = scaling_charts.rss_chart(rows, axis, lang).to_dict()
    described = " ".join(reading(table, axis, lang))  # what each family's largest size shows, in numbers
    for spec in specs.values():
        spec["description"] = described  # each chart's accessible name (aria-label)
    return specs


def family(model: str, lang: str) -> str:
    """A model family of the study in ``lang``: the line by its name, a network by its widths (2-3-2, 2-H-2)."""
    return t(STUDY_FAMILIES[model], lang) if model in STUDY_FAMILIES else model


def _seconds(s: float) -> str:
    return f"{s * 1e3:.3g} ms" if s >= 1e-3 else f"{s * 1e6:.3g} µs"


def reading(table: pd.DataFrame, axis: str, lang: str) -> list[str]:
    """Per model family, one reading of its largest size: what each method keeps, and its time per epoch."""
    sentences = []
    rows = table[table["axis"] == axis]
    for model, part in rows.groupby("model", sort=False):
        largest = part[part["size"] == part["size"].max()].set_index("method")
        auto, manual = largest.loc["autograd"], largest.loc["manual"]
        size = f"{'N' if axis == 'n_samples' else 'H'} = {int(auto['size']):,}"
        sentences.append(t(
            "scaling_reading", lang, model=family(str(model), lang), size=size,
            auto=format_bytes(auto["saved_for_backward_bytes"]),
            manual=format_bytes(manual["saved_for_backward_bytes"]),
            memory_ratio=manual["saved_for_backward_bytes"] / auto["saved_for_backward_bytes"],
            auto_time=_seconds(auto["seconds_per_epoch_median"]),
            manual_time=_seconds(manual["seconds_per_epoch_median"]),
            time_ratio=auto["seconds_per_epoch_median"] / manual["seconds_per_epoch_median"]))
        if auto["rss_repeats"] >= MIN_REPEATS and manual["rss_repeats"] >= MIN_REPEATS:
            spreads = [RSSSpread(m, (r["peak_rss_delta_mib_low"], r["peak_rss_delta_mib_median"],
                                     r["peak_rss_delta_mib_high"]))
                       for m, r in (("autograd", auto), ("manual", manual))]
            verdict = (t("scaling_resolvable", lang) if rss_difference_resolvable(spreads[0], spreads[1])
                       else t("scaling_not_resolvable", lang, res=RSS_RESOLUTION_MIB))
            sentences[-1] += " " + t(
                "scaling_reading_rss", lang, auto=auto["peak_rss_delta_mib_median"],
                manual=manual["peak_rss_delta_mib_median"],
                auto_low=auto["peak_rss_delta_mib_low"], auto_high=auto["peak_rss_delta_mib_high"],
                manual_low=manual["peak_rss_delta_mib_low"], manual_high=manual["peak_rss_delta_mib_high"],
                verdict=verdict)
    return sentences


def source_caption(table: pd.DataFrame, lang: str, live: bool) -> str:
    if live:
        return t("scaling_live", lang)
    first = table.iloc[0]
    return t("scaling_shipped", lang, machine=first["machine"], date=first["date"], threads=int(first["threads"]),
             device=first["device"], repeats=int(table["rss_repeats"].min()))
