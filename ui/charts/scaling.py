"""Chart builders for the Scaling page: pure functions from the study's tidy table to log-log ``alt.Chart``s."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ui.charts.builders import finish, legend_below, method_colour
from ui.texts import t


def _labelled(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    return table.assign(method=[t(m, lang) for m in table["method"]])


def _x(axis: str, lang: str) -> alt.X:
    return alt.X("size:Q", title=t(f"scaling_size_{axis}", lang), scale=alt.Scale(type="log"))


def time_chart(table: pd.DataFrame, axis: str, lang: str) -> alt.TopLevelMixin:
    """Median seconds per epoch against size, a line per (model, method), the 25th-75th percentile band."""
    data = _labelled(table, lang)
    base = alt.Chart(data).encode(x=_x(axis, lang), color=method_colour(lang),
                                  detail=alt.Detail("model:N"))
    band = base.mark_area(opacity=0.2).encode(
        y=alt.Y("seconds_per_epoch_p25:Q", scale=alt.Scale(type="log")), y2="seconds_per_epoch_p75:Q")
    lines = base.mark_line(point=True).encode(
        y=alt.Y("seconds_per_epoch_median:Q", title=t("scaling_seconds", lang), scale=alt.Scale(type="log")),
        shape=alt.Shape("model:N", title=t("scaling_model", lang), legend=legend_below()),
        tooltip=["model:N", "method:N", "size:Q", alt.Tooltip("seconds_per_epoch_median:Q", format=".3g")])
    return finish(alt.layer(band, lines), t("scaling_chart_time", lang))


def saved_bytes_chart(table: pd.DataFrame, axis: str, lang: str) -> alt.TopLevelMixin:
    """Bytes saved for the backward pass (counted; the analytic count in the tooltip) against size."""
    data = _labelled(table, lang)
    chart = alt.Chart(data).mark_line(point=True).encode(
        x=_x(axis, lang), color=method_colour(lang),
        y=alt.Y("saved_for_backward_bytes:Q", title=t("bytes", lang), scale=alt.Scale(type="log")),
        shape=alt.Shape("model:N", title=t("scaling_model", lang), legend=legend_below()), detail="model:N",
        tooltip=["model:N", "method:N", "size:Q", alt.Tooltip("saved_for_backward_bytes:Q", format=","),
                 alt.Tooltip("analytic_saved_for_backward_bytes:Q", format=",")])
    return finish(chart, t("scaling_chart_memory", lang))


def rss_chart(table: pd.DataFrame, axis: str, lang: str) -> alt.TopLevelMixin:
    """Peak RSS Δ from fresh processes (median, range as error bars) against size; rows without RSS are left out."""
    data = _labelled(table.dropna(subset=["peak_rss_delta_mib_median"]), lang)
    base = alt.Chart(data).encode(x=_x(axis, lang), color=method_colour(lang))
    lines = base.mark_line(point=True).encode(
        y=alt.Y("peak_rss_delta_mib_median:Q", title=t("scaling_mib", lang), scale=alt.Scale(type="symlog")),
        shape=alt.Shape("model:N", title=t("scaling_model", lang), legend=legend_below()), detail="model:N",
        tooltip=["model:N", "method:N", "size:Q", alt.Tooltip("peak_rss_delta_mib_median:Q", format=".2f"),
                 alt.Tooltip("peak_rss_delta_mib_low:Q", format=".2f"),
                 alt.Tooltip("peak_rss_delta_mib_high:Q", format=".2f")])
    bars = base.mark_errorbar(ticks=True).encode(  # the same axis title: merged, not "MiB, peak_rss_delta_mib_low"
        y=alt.Y("peak_rss_delta_mib_low:Q", title=t("scaling_mib", lang)), y2="peak_rss_delta_mib_high:Q",
        detail="model:N")
    return finish(alt.layer(lines, bars), t("scaling_chart_rss", lang))


def ratios(table: pd.DataFrame) -> pd.DataFrame:
    """Per model and size: autograd / manual for time per epoch and for bytes saved for backward (long format)."""
    wide = table.pivot_table(index=["model", "size"], columns="method",
                             values=["seconds_per_epoch_median", "saved_for_backward_bytes"])
    time, saved = wide["seconds_per_epoch_median"], wide["saved_for_backward_bytes"]
    frame = pd.DataFrame({"scaling_ratio_time": time["autograd"] / time["manual"],
                          "scaling_ratio_saved": saved["autograd"] / saved["manual"]}).reset_index()
    return frame.melt(["model", "size"], var_name="quantity", value_name="ratio")


def ratio_chart(table: pd.DataFrame, axis: str, lang: str) -> alt.TopLevelMixin:
    """autograd / manual against size, for time and for saved bytes; 1 marks equality."""
    data = ratios(table)
    data = data.assign(quantity=[t(q, lang) for q in data["quantity"]])
    lines = alt.Chart(data).mark_line(point=True).encode(
        x=_x(axis, lang), y=alt.Y("ratio:Q", title=t("scaling_chart_ratio", lang), scale=alt.Scale(type="log")),
        color=alt.Color("quantity:N", title=t("scaling_quantity", lang), legend=legend_below()),
        shape=alt.Shape("model:N", title=t("scaling_model", lang), legend=legend_below()), detail="model:N",
        tooltip=["model:N", "quantity:N", "size:Q", alt.Tooltip("ratio:Q", format=".2f")])
    one = alt.Chart(pd.DataFrame({"ratio": [1.0]})).mark_rule(strokeDash=[4, 4], color="gray").encode(y="ratio:Q")
    return finish(alt.layer(lines, one), t("scaling_chart_ratio", lang))
