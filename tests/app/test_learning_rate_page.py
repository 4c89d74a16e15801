import json

import pyarrow as pa
from apptest_helpers import chart_data, chart_title
from page_helpers import metric, open_page, texts

import bp_core
from ui.texts import TEXTS

PAGE = "pages/learning_rate.py"


def sweep_points(at, lang="en"):
    """The points of the final-loss chart, one per learning rate (its line layer holds the converging ones only)."""
    for chart in at.get("vega_lite_chart"):
        if chart_title(json.loads(chart.proto.spec)).startswith(TEXTS["sweep_chart_final"][lang]):
            frames = [pa.ipc.open_stream(d.data.data).read_all().to_pandas() for d in chart.proto.datasets]
            return max((frame for frame in frames if "shown" in frame.columns), key=len)
    raise AssertionError("no final-loss chart")


def sweep(at, **values):
    for key, value in values.items():
        at.number_input(key=f"sweep.{key}").set_value(value)
    at.button(key="sweep.run").click().run()


def test_the_default_sweep_on_the_line_marks_the_runs_above_the_bound_at_the_top():
    at = open_page(PAGE)
    assert not at.exception and not at.error
    assert at.title[0].value == TEXTS["sweep_title"]["en"]
    assert metric(at, "λmax") == "16.7" and metric(at, "Bound 2/λmax") == "0.1198"
    points = sweep_points(at)
    assert len(points) == 25 and points["shown"].notna().all()
    above = points["learning_rate"] > 0.1198
    assert (points.loc[above, "shown"] == points["shown"].max()).all() and above.sum() == 6
    assert metric(at, "Runs that did not converge") == "6 / 25"
    latex = " ".join(texts(at, "latex"))
    assert "15 & 5 \\\\ 5 & 2" in latex and "16.7006" in latex and "0.1198" in latex
    curves = chart_data(at, TEXTS["sweep_chart_curves"]["en"])[0]
    assert curves["learning_rate"].nunique() == 3


def test_range_count_and_epochs_change_the_sweep_and_the_network_has_its_own_defaults():
    at = open_page(PAGE)
    sweep(at, low=0.01, high=0.1, count=5, epochs=100)
    assert not at.exception and not at.error
    points = sweep_points(at)
    assert points["learning_rate"].round(6).tolist() == [0.01, 0.017783, 0.031623, 0.056234, 0.1]
    expected = bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", 0.1, 100).final_loss
    assert points["final_loss"].iloc[-1] == expected and metric(at, "Runs that did not converge") == "0 / 5"
    at.radio(key="sweep.model").set_value("mlp").run()
    assert not at.exception
    assert at.number_input(key="sweep.count").value == 10 and at.number_input(key="sweep.high").value == 100.0
    assert len(sweep_points(at)) == 10 and metric(at, "Bound 2/λmax") == "16.68"


def test_a_sweep_that_cannot_run_is_explained_and_the_last_valid_one_stays():
    at = open_page(PAGE)
    sweep(at, count=5)
    sweep(at, low=0.0)
    assert not at.exception
    assert any("Smallest learning rate must be a number from 1.18e-38" in e for e in texts(at, "error"))
    assert any("last valid sweep: 5 rates" in w for w in texts(at, "warning"))
    assert len(sweep_points(at)) == 5 and at.number_input(key="sweep.low").value == 0.0
    sweep(at, low=0.001, count=40, epochs=2000)
    assert any("would take too long" in e for e in texts(at, "error"))
    assert len(sweep_points(at)) == 5


def test_the_chosen_curves_are_drawn():
    at = open_page(PAGE)
    rates = at.multiselect(key="sweep.curves").options
    assert len(rates) == 25
    at.multiselect(key="sweep.curves").set_value([0.001, 0.5]).run()
    curves = chart_data(at, TEXTS["sweep_chart_curves"]["en"])[0]
    assert set(curves["learning_rate"]) == {0.001, 0.5}


def test_the_page_speaks_korean():
    at = open_page(PAGE, "ko")
    assert not at.exception
    assert at.title[0].value == TEXTS["sweep_title"]["ko"]
    assert metric(at, "한계 2/λmax") == "0.1198"
    assert len(sweep_points(at, "ko")) == 25
    assert at.button(key="sweep.run").label == "실행"
