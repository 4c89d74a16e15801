"""bp_core's results as the Altair charts the dashboard draws: the loss per epoch and the parameters per epoch of one
run or of both methods side by side. ``TrainResult.chart()`` and ``Comparison.chart()`` build them here, and the
dashboard's own chart builders (ui/charts/builders.py) build the same ones here with its words in the learner's
language, so a notebook user gets the dashboard's chart, not a look-alike (tests/test_charts.py holds them equal).

Altair is optional for bp_core: it is imported when a chart is asked for, and its absence is an ImportError naming
the extra that brings it (``pip install ".[dashboard]"``). Nothing here imports Streamlit.

Each chart comes in two halves: its *frames* (the data, computed per run) and its *skeleton* (marks, encodings,
titles; every layer reads a named dataset), so the dashboard can serialise a skeleton once per language;
``with_data`` joins them into one chart. Long histories are thinned for display (``thin``): at most ``MAX_POINTS``
epochs per series, first and last kept.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["FONT", "HEIGHT", "MAX_POINTS", "MAX_ROWS", "METHOD_COLOURS", "TITLE_COLUMNS", "WORDS", "altair",
           "finish", "legend_below", "long_history", "loss_chart", "loss_frames", "loss_skeleton", "method_colour",
           "method_dash", "parameter_chart", "parameter_frames", "parameter_skeleton", "thin", "title_lines",
           "with_data"]

MAX_POINTS = 500
MAX_ROWS = 5000  # Altair's own limit on the rows of one chart
FONT = "Noto Sans CJK KR, Noto Sans KR, Malgun Gothic, Apple SD Gothic Neo, sans-serif"
HEIGHT = 280
TITLE_COLUMNS = 40
"""The widest line of a chart's title, in columns (a Korean syllable counts two): about what a phone's 390 px show
at the title's 16 px."""

METHOD_COLOURS = ("#D55E00", "#0072B2")
"""Okabe–Ito vermillion (manual) and blue (autograd): told apart with any common colour-vision deficiency."""

WORDS: dict[str, str] = {
    "manual": "manual (chain rule)", "autograd": "autograd (backward)", "method": "method", "epoch": "epoch",
    "loss": "loss", "value": "value", "parameter": "parameter", "chart_loss": "Loss per epoch",
    "chart_params": "Parameters per epoch",
}
"""The words on the charts, in English: the dashboard passes its own (the same in English, tests/test_charts.py)."""

Frames = dict[str, pd.DataFrame]
"""The datasets of one chart, by the name its skeleton reads them under."""


def altair() -> Any:
    """The altair module, or an ImportError that says how to get it (bp_core installs without it)."""
    try:
        import altair as alt
    except ImportError as missing:
        raise ImportError('bp_core\'s charts need Altair, which bp_core installs only with its extra: '
                          'pip install ".[dashboard]" (or pip install altair)') from missing
    return alt


def _words(words: Mapping[str, str] | None) -> Mapping[str, str]:
    return WORDS if words is None else {**WORDS, **words}


def thin(frame: pd.DataFrame, max_points: int = MAX_POINTS) -> pd.DataFrame:
    """Rows at evenly spaced positions, at most ``max_points``, always the first and the last."""
    if len(frame) <= max_points:
        return frame
    keep = np.unique(np.linspace(0, len(frame) - 1, max_points).round().astype(int))
    return frame.iloc[keep]


def legend_below(label_limit: int = 300, **options: Any) -> Any:
    """Every chart's legend: below the chart, one entry per row, so that it is never wider than a phone's screen
    (a legend laid out in a row ran past 390 px on Compare, the sweep and Scaling; a browser test measures it)."""
    # full-opacity symbols: a legend shared with a translucent band drew its symbols faint
    return altair().Legend(orient="bottom", direction="vertical", labelLimit=label_limit,
                           **{"symbolOpacity": 1, **options})


def method_colour(words: Mapping[str, str] | None = None) -> Any:
    """The colour of each method in every chart that has one, from the Okabe–Ito palette that colour-blind readers
    tell apart (manual vermillion, autograd blue; line charts also dash autograd), its legend below."""
    alt, said = altair(), _words(words)
    domain = [said["manual"], said["autograd"]]
    return alt.Color("method:N", title=said["method"], scale=alt.Scale(domain=domain, range=list(METHOD_COLOURS)),
                     legend=legend_below())


def method_dash(words: Mapping[str, str] | None = None) -> Any:
    """autograd's lines dashed, manual's solid: the methods told apart without colour too."""
    alt, said = altair(), _words(words)
    domain = [said["manual"], said["autograd"]]
    return alt.StrokeDash("method:N", scale=alt.Scale(domain=domain, range=[[1, 0], [6, 4]]), legend=None)


def title_lines(title: str, columns: int = TITLE_COLUMNS) -> list[str]:
    """``title`` broken at spaces into lines of at most ``columns`` columns (a word longer than that keeps its own
    line); joined with single spaces they give ``title`` back.

    >>> title_lines("Final loss against learning rate (dashed: the bound 2/λmax = 0.1198)")
    ['Final loss against learning rate', '(dashed: the bound 2/λmax = 0.1198)']
    """
    lines: list[str] = []
    for word in title.split(" "):
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and _columns(joined) <= columns:
            lines[-1] = joined
        else:
            lines.append(word)
    return lines


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def finish(chart: Any, title: str) -> Any:
    """``chart`` with ``title`` (in lines that fit a phone), the height HEIGHT and the font and sizes every chart of
    the app uses."""
    alt = altair()
    # fit-x: the width follows the page, and HEIGHT is the plot's own; fitting the height too (Streamlit's default)
    # squeezed the plot to make room for the title's lines and the legends (seen at 20 px on Scaling, 1366 and 390)
    chart = chart.properties(title=alt.Title(title_lines(title), limit=0), height=HEIGHT,
                             autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))
    # Sizes that stay legible on a projector
    return (chart.configure(font=FONT).configure_title(anchor="start", fontSize=16)
            .configure_axis(labelFontSize=13, titleFontSize=14).configure_legend(labelFontSize=13, titleFontSize=13))


def long_history(histories: Mapping[str, pd.DataFrame], columns: list[str],
                 words: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Stack the methods' histories (thinned) into rows of (epoch, method, parameter, value) for ``columns``.

    Each series is thinned so that all of them together stay within MAX_ROWS.
    """
    said = _words(words)
    frames = []
    per_series = min(MAX_POINTS, MAX_ROWS // max(1, len(columns) * len(histories)))
    for method, history in histories.items():
        part = thin(history, per_series)[["epoch", *columns]].melt("epoch", var_name="parameter", value_name="value")
        part.insert(1, "method", said[method])
        frames.append(part)
    return pd.concat(frames, ignore_index=True)


def with_data(skeleton: Any, frames: Frames) -> Any:
    """The skeleton with its datasets inlined as records: a complete chart, as Altair would have built it."""
    return skeleton.properties(datasets={name: frame.to_dict(orient="records") for name, frame in frames.items()})


def loss_frames(histories: Mapping[str, pd.DataFrame], words: Mapping[str, str] | None = None,
                log_scale: bool = True) -> Frames:
    data = long_history(histories, ["loss"], words).rename(columns={"value": "loss"}).drop(columns="parameter")
    if log_scale:
        data = data[data["loss"] > 0]  # log(0) has no place on the axis
    return {"loss": data}


def loss_skeleton(words: Mapping[str, str] | None = None, log_scale: bool = True) -> Any:
    alt, said = altair(), _words(words)
    scale = alt.Scale(type="log") if log_scale else alt.Scale(type="linear")
    chart = alt.Chart(alt.NamedData(name="loss")).mark_line(strokeWidth=2.5).encode(
        x=alt.X("epoch:Q", title=said["epoch"]),
        y=alt.Y("loss:Q", title=said["loss"], scale=scale),
        color=method_colour(words), strokeDash=method_dash(words),
        tooltip=["method:N", "epoch:Q", alt.Tooltip("loss:Q", format=".6g")],
    )
    return finish(chart.interactive(bind_y=False), said["chart_loss"])


def parameter_frames(histories: Mapping[str, pd.DataFrame], parameters: list[str],
                     words: Mapping[str, str] | None = None) -> Frames:
    return {"parameters": long_history(histories, parameters, words)}


def parameter_skeleton(words: Mapping[str, str] | None = None) -> Any:
    alt, said = altair(), _words(words)
    pick = alt.selection_point(fields=["parameter"], bind="legend")
    chart = alt.Chart(alt.NamedData(name="parameters")).mark_line(strokeWidth=2).encode(
        x=alt.X("epoch:Q", title=said["epoch"]),
        y=alt.Y("value:Q", title=said["value"]),
        color=alt.Color("parameter:N", title=said["parameter"], scale=alt.Scale(scheme="category10"),
                        legend=alt.Legend(orient="bottom", columns=6)),
        strokeDash=method_dash(words),
        detail="method:N",
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.15)),
        tooltip=["method:N", "parameter:N", "epoch:Q", alt.Tooltip("value:Q", format=".7g")],
    ).add_params(pick)
    return finish(chart, said["chart_params"])


def loss_chart(histories: Mapping[str, pd.DataFrame], log_scale: bool = True,
               words: Mapping[str, str] | None = None) -> Any:
    """The loss per epoch of each run in ``histories`` (method → a TrainResult's history), as the dashboard draws
    it: log axis unless ``log_scale`` is False, manual solid vermillion, autograd dashed blue."""
    return with_data(loss_skeleton(words, log_scale), loss_frames(histories, words, log_scale))


def parameter_chart(histories: Mapping[str, pd.DataFrame], parameters: list[str],
                    words: Mapping[str, str] | None = None) -> Any:
    """The recorded ``parameters`` (scalar names such as ``w`` or ``W1[0,1]``) per epoch of each run, as the
    dashboard draws them: a colour per parameter, autograd dashed; a click on the legend picks one."""
    return with_data(parameter_skeleton(words), parameter_frames(histories, parameters, words))
