"""Reading what AppTest rendered: chart specs, their titles and the data frames inside the charts."""

import json

import pyarrow as pa


def chart_specs(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]


def chart_title(spec: dict) -> str | None:
    title = spec.get("title")
    text = title.get("text") if isinstance(title, dict) else title
    return " ".join(text) if isinstance(text, list) else text  # a title in lines that fit a phone


def chart_data(at, title: str):
    """The data frames behind the chart titled ``title``, one per dataset."""
    for chart in at.get("vega_lite_chart"):
        if chart_title(json.loads(chart.proto.spec)) == title:
            return [pa.ipc.open_stream(d.data.data).read_all().to_pandas() for d in chart.proto.datasets]
    raise AssertionError(f"no chart titled {title!r}; have {[chart_title(s) for s in chart_specs(at)]}")
