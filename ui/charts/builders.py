"""Chart builders: pure functions from data frames to ``alt.Chart``, titles and axes in the chosen language. The loss
and parameter charts are bp_core.charts' (what ``TrainResult.chart()`` and ``Comparison.chart()`` give a notebook),
here with the words in the learner's language; the rest are the dashboard's own.

Each chart comes in two halves: its *frames* (``*_frames``: the data, computed per run) and its *skeleton*
(``*_skeleton``: marks, encodings, titles; every layer reads a named dataset). A skeleton depends only on the language
and a structural option (the loss axis), so the page turns it into a Vega-Lite dict once per server and, per run, only
adds the frames (``spec``): building and serialising the Altair objects cost about 70 ms a chart, six charts a page, on
every new run (seen with a class of twenty). ``whole`` joins the two halves into an ``alt`` chart (what
ui.views.compare_view.chart gives notebooks and tests); both paths give the same Vega-Lite dict (tests/test_charts.py).

Long histories are thinned for display (``thin``): at most ``MAX_POINTS`` epochs per series, first and last kept.
The full history stays available for download.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from bp_core import charts
from bp_core.charts import (
    FONT,
    HEIGHT,
    MAX_POINTS,
    MAX_ROWS,
    METHOD_COLOURS,
    TITLE_COLUMNS,
    WORDS,
    Frames,
    finish,
    legend_below,
    thin,
    title_lines,
    with_data,
)
from bp_core.comparison import TENSOR_BYTE_CATEGORIES
from ui.texts import t

__all__ = ["FONT", "HEIGHT", "MAX_POINTS", "MAX_ROWS", "METHOD_COLOURS", "TITLE_COLUMNS", "Frames", "finish",
           "legend_below", "nudge_chart", "spec", "thin", "title_lines", "whole", "with_data", "words"]



def words(lang: str) -> dict[str, str]:
    """bp_core.charts' words (axis titles, methods, titles) in ``lang``."""
    return {key: t(key, lang) for key in WORDS}


def method_colour(lang: str) -> alt.Color:
    return charts.method_colour(words(lang))


def _dash(lang: str) -> alt.StrokeDash:
    return charts.method_dash(words(lang))


def long_history(histories: dict[str, pd.DataFrame], columns: list[str], lang: str) -> pd.DataFrame:
    return charts.long_history(histories, columns, words(lang))


def loss_frames(histories: dict[str, pd.DataFrame], lang: str, log_scale: bool = True) -> Frames:
    return charts.loss_frames(histories, words(lang), log_scale)


def loss_skeleton(lang: str, log_scale: bool = True) -> alt.TopLevelMixin:
    return charts.loss_skeleton(words(lang), log_scale)


def parameter_frames(histories: dict[str, pd.DataFrame], parameters: list[str], lang: str) -> Frames:
    return charts.parameter_frames(histories, parameters, words(lang))


def parameter_skeleton(lang: str, _: Any = None) -> alt.TopLevelMixin:
    return charts.parameter_skeleton(words(lang))


def difference_frames(difference: pd.DataFrame) -> Frames:
    return {"difference": thin(difference)[["epoch", "max_abs_param_difference"]]}


def difference_skeleton(lang: str, _: Any = None) -> alt.TopLevelMixin:
    chart = alt.Chart(alt.NamedData(name="difference")).mark_area(line={"color": "#6a3d9a"}, color="#cab2d6").encode(
        x=alt.X("epoch:Q", title=t("epoch", lang)),
        y=alt.Y("max_abs_param_difference:Q", title=t("difference", lang), axis=alt.Axis(format=".1e")),
        tooltip=["epoch:Q", alt.Tooltip("max_abs_param_difference:Q", format=".3e")],
    )
    return finish(chart, t("chart_difference", lang))


def runtime_frames(runtime: pd.DataFrame, lang: str) -> Frames:
    """``runtime``: method (key), median_us, p25_us, p75_us."""
    return {"runtime": runtime.assign(method=[t(m, lang) for m in runtime["method"]])}


def runtime_skeleton(lang: str, _: Any = None) -> alt.TopLevelMixin:
    base = alt.Chart(alt.NamedData(name="runtime")).encode(
        y=alt.Y("method:N", title=None, sort=None, axis=alt.Axis(labelLimit=220)))
    bars = base.mark_bar(height=28).encode(
        x=alt.X("median_us:Q", title=t("microseconds", lang)), color=method_colour(lang),
        tooltip=["method:N", alt.Tooltip("median_us:Q", format=".2f"), alt.Tooltip("p25_us:Q", format=".2f"),
                 alt.Tooltip("p75_us:Q", format=".2f")],
    )
    spread = base.mark_errorbar(ticks=True, color="black").encode(
        x=alt.X("p25_us:Q", title=t("microseconds", lang)), x2="p75_us:Q")
    return finish(alt.layer(bars, spread), t("chart_runtime", lang))


def memory_frames(tensor_bytes: pd.DataFrame, lang: str) -> Frames:
    """``tensor_bytes``: method (key), category (a TensorBytes field name, also its text key), bytes."""
    return {"memory": tensor_bytes.assign(method=[t(m, lang) for m in tensor_bytes["method"]],
                                          category=[t(c, lang) for c in tensor_bytes["category"]])}


def memory_skeleton(lang: str, _: Any = None) -> alt.TopLevelMixin:
    order = [t(c, lang) for c in TENSOR_BYTE_CATEGORIES]
    chart = alt.Chart(alt.NamedData(name="memory")).mark_bar(height=28).encode(
        y=alt.Y("method:N", title=None, sort=None, axis=alt.Axis(labelLimit=220)),
        x=alt.X("sum(bytes):Q", title=t("bytes", lang)),
        color=alt.Color("category:N", title=t("category", lang), sort=order,
                        scale=alt.Scale(domain=order, range=["#4c78a8", "#f58518", "#54a24b", "#b279a2"]),
                        legend=legend_below()),
        tooltip=["method:N", "category:N", "bytes:Q"],
    )
    return finish(chart, t("chart_memory", lang))


def surface_frames(surface: pd.DataFrame, trajectories: dict[str, pd.DataFrame], lang: str) -> Frames:
    """``surface``: w, b, loss on a grid; ``trajectories``: per method a history with w and b."""
    grid = surface.assign(log_loss=np.log10(surface["loss"].clip(lower=1e-12)))
    step_w = float(np.diff(np.unique(grid["w"]))[0])
    step_b = float(np.diff(np.unique(grid["b"]))[0])
    grid = grid.assign(w2=grid["w"] + step_w, b2=grid["b"] + step_b)
    paths = pd.concat([thin(h)[["epoch", "w", "b"]].assign(method=t(m, lang)) for m, h in trajectories.items()],
                      ignore_index=True)
    return {"grid": grid, "paths": paths, "ends": paths.groupby("method", as_index=False).last()}


def surface_skeleton(lang: str, _: Any = None) -> alt.TopLevelMixin:
    # aria=False: the 41 x 41 cells are hidden from screen readers (each was a labelled graphic, 1,681 stops before
    # the paths); the chart's description says what they show. axe-core's pass over Compare is cheaper for it too
    heat = alt.Chart(alt.NamedData(name="grid")).mark_rect(aria=False).encode(
        x=alt.X("w:Q", title="w"), x2="w2:Q", y=alt.Y("b:Q", title="b"), y2="b2:Q",
        color=alt.Color("log_loss:Q", title=t("log10_loss", lang), scale=alt.Scale(scheme="viridis")),
        tooltip=[alt.Tooltip("w:Q", format=".2f"), alt.Tooltip("b:Q", format=".2f"),
                 alt.Tooltip("loss:Q", format=".4g")],
    )
    lines = alt.Chart(alt.NamedData(name="paths")).mark_line(strokeWidth=2.5, point=False).encode(
        x="w:Q", y="b:Q", order="epoch:Q", color=method_colour(lang), strokeDash=_dash(lang),
        tooltip=["method:N", "epoch:Q", alt.Tooltip("w:Q", format=".5f"), alt.Tooltip("b:Q", format=".5f")],
    )
    ends = alt.Chart(alt.NamedData(name="ends")).mark_point(
        shape="diamond", size=120, filled=True, color="white").encode(x="w:Q", y="b:Q")
    chart = alt.layer(heat, lines, ends).resolve_scale(color="independent")
    return finish(chart, t("chart_surface", lang))


def whole(kind: str, lang: str, option: Any, frames: Frames) -> alt.TopLevelMixin:
    """The chart ``kind`` as a complete Altair chart: its skeleton (in ``lang``, with the structural ``option``) and
    ``frames``."""
    return with_data(SKELETONS[kind](lang, option), frames)


SKELETONS: dict[str, Callable[[str, Any], alt.TopLevelMixin]] = {
    "loss": loss_skeleton, "parameters": parameter_skeleton, "difference": difference_skeleton,
    "runtime": runtime_skeleton, "memory": memory_skeleton, "surface": surface_skeleton,
}
"""Each chart's skeleton, from the language and its structural option (the loss chart's log axis; None otherwise)."""


@functools.lru_cache(maxsize=64)
def _skeleton_dict(kind: str, lang: str, structure: Any) -> dict[str, Any]:
    # Not validated here (a third of a build's cost): tests/test_charts.py validates every chart, data included
    return SKELETONS[kind](lang, structure).to_dict(validate=False)


def spec(kind: str, lang: str, structure: Any, frames: Frames) -> dict[str, Any]:
    """A Vega-Lite dict for Streamlit: the cached skeleton (a fresh copy: Streamlit takes ``datasets`` out of the dict
    it is given) with the frames as its datasets, which Streamlit sends as Arrow tables."""
    return {**copy.deepcopy(_skeleton_dict(kind, lang, structure)), "datasets": dict(frames)}


def nudge_chart(x: np.ndarray, y: np.ndarray, epsilon: float, lang: str) -> alt.LayerChart:
    """The start page's first picture: the points (x, y) and the line ŷ = w·x (b = 0) at w = 0 and at w = ``epsilon``,
    over x from 0 to the largest x; a legend below names the three marks."""
    points_label, before, after = (t(k, lang) for k in ("start_first_points", "start_first_before",
                                                        "start_first_after"))
    ends = np.array([0.0, float(np.max(x))])
    lines = pd.concat([pd.DataFrame({"x": ends, "y": w * ends, "mark": label})
                       for w, label in ((0.0, before), (epsilon, after))], ignore_index=True)
    colour = alt.Color("mark:N", title=None, legend=legend_below(),
                       scale=alt.Scale(domain=[points_label, before, after], range=["#000000", "#999999",
                                                                                     METHOD_COLOURS[1]]))
    # grey and blue differ in lightness as well as hue; a dash would draw a blot in the legend's circle
    drawn = alt.Chart(lines).mark_line(strokeWidth=3).encode(
        x=alt.X("x:Q", title="x"), color=colour,
        y=alt.Y("y:Q", title="y, ŷ", scale=alt.Scale(domain=[min(0.0, float(np.min(y))),
                                                             max(float(np.max(y)), epsilon * ends[1]) + 1])))
    dots = alt.Chart(pd.DataFrame({"x": x, "y": y, "mark": points_label})).mark_circle(size=120, opacity=1).encode(
        x="x:Q", y="y:Q", color=colour, tooltip=["x:Q", "y:Q"])
    chart = finish(alt.layer(drawn, dots), t("start_first_chart", lang, epsilon=epsilon))
    assert isinstance(chart, alt.LayerChart)  # finish configures a chart and keeps its kind
    return chart
