
"""Chart builders, checked through their Vega-Lite dict: marks, encodings, titles and the data they carry."""

import json

import pandas as pd
import pytest
from lecture_golden import AUTOGRAD_W, MANUAL_W

import bp_core
from ui.charts import builders as charts
from ui.texts import TEXTS


@pytest.fixture(scope="module")
def comparison():
    return bp_core.compare(bp_core.Line(), bp_core.seed_line(), 0.01, 1000, measure_memory=False)


def layers(spec):
    return spec.get("layer", [spec])


def data_of(spec, layer=None):
    name = (layer or spec)["data"]["name"]
    return pd.DataFrame(spec["datasets"][name])


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_loss_chart_holds_both_methods_on_a_log_axis_with_localised_titles(comparison, lang):
    histories = {m: r.history for m, r in comparison.results.items()}
    spec = charts.whole("loss", lang, True, charts.loss_frames(histories, lang, True)).to_dict()
    assert spec["mark"]["type"] == "line"
    assert spec["encoding"]["y"]["scale"]["type"] == "log"
    assert " ".join(spec["title"]["text"]) == TEXTS["chart_loss"][lang]  # in lines that fit a phone
    data = data_of(spec)
    assert set(data["method"]) == {TEXTS["manual"][lang], TEXTS["autograd"][lang]}
    assert data.groupby("method")["epoch"].max().tolist() == [1000, 1000]
    assert "Noto Sans CJK KR" in spec["config"]["font"]


def test_linear_loss_chart_keeps_zero_losses(comparison):
    histories = {"manual": comparison.results["manual"].history.assign(loss=0.0)}
    spec = charts.whole("loss", "en", False, charts.loss_frames(histories, "en", False)).to_dict()
    assert spec["encoding"]["y"]["scale"]["type"] == "linear"
    assert len(data_of(spec)) == len(charts.thin(histories["manual"])) and (data_of(spec)["loss"] == 0).all()


def test_long_histories_are_thinned_for_display_but_keep_first_and_last():
    frame = pd.DataFrame({"epoch": range(10_001), "loss": range(10_001)})
    thin = charts.thin(frame)
    assert len(thin) <= charts.MAX_POINTS and thin["epoch"].iloc[0] == 0 and thin["epoch"].iloc[-1] == 10_000
    assert charts.thin(frame.head(10)).equals(frame.head(10))


def test_parameter_chart_has_one_series_per_parameter_and_method_with_a_legend_selection(comparison):
    histories = {m: r.history for m, r in comparison.results.items()}
    spec = charts.whole("parameters", "en", None, charts.parameter_frames(histories, ["w", "b"], "en")).to_dict()
    data = data_of(spec)
    assert set(data["parameter"]) == {"w", "b"} and data["method"].nunique() == 2
    assert spec["params"][0]["bind"] == "legend"
    final_w = data[(data.parameter == "w") & (data.epoch == 1000)]["value"]
    assert final_w.tolist() == pytest.approx([MANUAL_W, AUTOGRAD_W])


def test_difference_chart_plots_the_difference_table(comparison):
    spec = charts.whole("difference", "en", None, charts.difference_frames(comparison.difference)).to_dict()
    data = data_of(spec)
    assert data["max_abs_param_difference"].max() == comparison.max_param_difference


def test_runtime_chart_has_bars_and_percentile_whiskers():
    runtime = pd.DataFrame({"method": ["manual", "autograd"], "median_us": [20.0, 60.0], "p25_us": [18.0, 55.0],
                            "p75_us": [22.0, 70.0]})
    spec = charts.whole("runtime", "ko", None, charts.runtime_frames(runtime, "ko")).to_dict()
    marks = [layer["mark"]["type"] for layer in layers(spec)]
    assert marks == ["bar", "errorbar"]
    assert set(data_of(spec)["method"]) == {TEXTS["manual"]["ko"], TEXTS["autograd"]["ko"]}


def test_memory_chart_stacks_the_counted_tensor_bytes():
    rows = [{"method": m, "category": c, "bytes": b} for m, c, b in [
        ("manual", "parameter_bytes", 8), ("manual", "saved_for_backward_bytes", 48),
        ("autograd", "parameter_bytes", 8), ("autograd", "saved_for_backward_bytes", 64)]]
    spec = charts.whole("memory", "en", None, charts.memory_frames(pd.DataFrame(rows), "en")).to_dict()
    data = data_of(spec)
    assert data.groupby("method")["bytes"].sum().to_dict() == {"autograd (backward)": 72, "manual (chain rule)": 56}
    assert spec["encoding"]["x"]["aggregate"] == "sum"


def test_surface_chart_layers_the_heatmap_the_paths_and_their_ends(comparison):
    surface = bp_core.teaching.loss_surface(bp_core.seed_line(), (-0.5, 2.5), (-0.5, 1.5), 11)
    histories = {m: r.history for m, r in comparison.results.items()}
    spec = charts.whole("surface", "en", None, charts.surface_frames(surface, histories, "en")).to_dict()
    marks = [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in layers(spec)]
    assert marks == ["rect", "line", "point"]
    # the cells are hidden from screen readers (the chart's description speaks for them); the paths are not
    assert [layer["mark"].get("aria") for layer in layers(spec)] == [False, None, None]
    heat = data_of(spec, spec["layer"][0])
    assert len(heat) == 121 and heat["log_loss"].min() < 0
    paths = data_of(spec, spec["layer"][1])
    assert paths["method"].nunique() == 2 and paths["w"].iloc[0] == 0.0


def test_all_seventeen_network_parameters_fit_in_one_chart():
    result = bp_core.train(bp_core.MLP(), bp_core.half_adder(), "manual", 1.0, 5000)
    histories = {"manual": result.history, "autograd": result.history}
    frames = charts.parameter_frames(histories, result.parameter_names, "en")
    spec = charts.whole("parameters", "en", None, frames).to_dict()
    data = data_of(spec)
    assert len(data) <= charts.MAX_ROWS and data["parameter"].nunique() == 17
    assert data["epoch"].max() == 5000


def test_the_methods_differ_by_colour_blind_safe_hues_and_by_dash(comparison):
    """Okabe–Ito vermillion and blue, and the loss and parameter lines dashed for autograd: told apart without hue."""
    histories = {m: r.history for m, r in comparison.results.items()}
    loss = json.dumps(charts.whole("loss", "en", True, charts.loss_frames(histories, "en", True)).to_dict())
    assert '"#D55E00", "#0072B2"' in loss and "strokeDash" in loss and "#d62728" not in loss
    parameters = charts.whole("parameters", "en", None, charts.parameter_frames(histories, ["w"], "en")).to_dict()
    assert "strokeDash" in json.dumps(parameters)  # coloured by parameter, the method told by its dash


def _without_description(chart) -> dict:
    spec = chart.to_dict()
    spec.pop("description", None)
    return spec


@pytest.mark.parametrize("model", ["line", "mlp"])
def test_a_notebooks_chart_is_the_chart_the_compare_page_draws(model):
    """Issue 30 D4: Comparison.chart() and TrainResult.chart() are bp_core.charts' builders, the same ones the
    dashboard uses with its words; in English the specs are equal (the page adds its accessible description)."""
    from ui.views import compare_view

    preset = bp_core.PRESETS[model]
    network, data = preset.build()
    comparison = bp_core.compare(network, data, preset.learning_rate, 60)
    assert _without_description(compare_view.chart("loss", comparison, "en", True)) == comparison.chart().to_dict()
    names = comparison.results["manual"].parameter_names
    shown = compare_view.default_parameters(names)
    assert (_without_description(compare_view.chart("parameters", comparison, "en", shown))
            == comparison.chart("parameters").to_dict())
    one = comparison.results["manual"].chart(log_scale=False).to_dict()
    assert one["encoding"]["y"]["scale"]["type"] == "linear" and one["title"]["text"] == ["Loss per epoch"]


def test_the_chart_words_are_the_dashboards_english():
    assert {key: TEXTS[key]["en"] for key in bp_core.charts.WORDS} == bp_core.charts.WORDS


def test_without_altair_a_chart_asks_for_the_extra_and_bp_core_still_imports(monkeypatch):
    import sys

    result = bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", 0.01, 5)
    monkeypatch.setitem(sys.modules, "altair", None)  # as if it were not installed
    with pytest.raises(ImportError, match=r"\[dashboard\]"):
        result.chart()
    assert "loss" in result.sentence()  # the rest of the result works


@pytest.mark.parametrize(("kwargs", "match"), [({"kind": "surface"}, "kind"), ({"parameters": ["W9[0,0]"]},
                                                                              "parameters"),
                                               ({"kind": "parameters", "parameters": []}, "parameters"),
                                               ({"log_scale": "yes"}, "log_scale")])
def test_a_comparisons_chart_names_a_bad_argument(kwargs, match):
    comparison = bp_core.compare(bp_core.Line(), bp_core.seed_line(), 0.01, 5)
    kwargs = {"kind": "parameters", **kwargs} if "parameters" in kwargs else kwargs
    with pytest.raises((ValueError, TypeError), match=match):
        comparison.chart(**kwargs)
