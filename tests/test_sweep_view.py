import math

import numpy as np
import pytest

import bp_core
from ui.texts import render
from ui.views import sweep_view as view

GOOD = {"low": 0.001, "high": 0.5, "count": 25, "epochs": 300}


@pytest.fixture(scope="module")
def sweep():
    return bp_core.teaching.learning_rate_sweep(bp_core.Line(), bp_core.seed_line(), 0.001, 0.5, 25, 300)


@pytest.mark.parametrize("model", list(bp_core.PRESETS))
def test_the_defaults_are_a_valid_sweep(model):
    request, messages = view.resolve_sweep(model, view.DEFAULTS[model])
    assert messages == [] and request == view.SweepRequest(model, *view.DEFAULTS[model].values())


@pytest.mark.parametrize(("changes", "keys"), [
    ({"low": 0.0}, ["sweep_bad_rate"]), ({"low": -1.0}, ["sweep_bad_rate"]),
    ({"low": float("nan")}, ["sweep_bad_rate"]), ({"high": float("inf")}, ["sweep_bad_rate"]),
    ({"high": 1e308}, ["sweep_bad_rate"]), ({"low": True}, ["sweep_bad_rate"]),
    ({"low": None}, ["sweep_bad_rate"]), ({"low": 1e-39}, ["sweep_bad_rate"]), ({"low": 5e-324}, ["sweep_bad_rate"]),
    ({"low": 1e-300}, ["sweep_bad_rate"]),  # below float32's smallest normal: train() would refuse it in the queue
    ({"low": "0.1"}, ["sweep_bad_rate"]), ({"low": 0.5, "high": 0.5}, ["sweep_bad_order"]),
    ({"low": 0.9, "high": 0.5}, ["sweep_bad_order"]), ({"count": 1}, ["sweep_bad_count"]),
    ({"count": 41}, ["sweep_bad_count"]), ({"count": 2.5}, ["sweep_bad_count"]),
    ({"epochs": 0}, ["sweep_bad_epochs"]), ({"epochs": 2001}, ["sweep_bad_epochs"]),
    ({"count": 40, "epochs": 2000}, ["sweep_too_long"]),
    ({"low": -1.0, "count": 0, "epochs": 10**9}, ["sweep_bad_rate", "sweep_bad_count", "sweep_bad_epochs"]),
])
def test_a_sweep_that_cannot_run_is_refused_with_every_reason(changes, keys):
    request, messages = view.resolve_sweep("line", GOOD | changes)
    assert request is None and [m[0] for m in messages] == keys
    for message in messages:
        assert render(message, "en") and render(message, "ko")


def test_the_work_cap_is_bp_cores():
    message = view.resolve_sweep("line", GOOD | {"count": 40, "epochs": 2000})[1][0]
    assert str(bp_core.teaching.MAX_SWEEP_WORK) in render(message, "en")
    with pytest.raises(ValueError, match="too long"):
        bp_core.teaching.learning_rate_sweep(bp_core.Line(), bp_core.seed_line(), 0.001, 0.5, 40, 2000)


def test_diverging_runs_are_drawn_at_the_top_not_dropped_and_the_bound_is_a_rule(sweep):
    spec = view.final_loss_chart(sweep, "en").to_dict()
    points = spec["datasets"][spec["layer"][1]["data"]["name"]]
    assert len(points) == 25
    top = view.ceiling(sweep)
    shown = {row["learning_rate"]: row["shown"] for row in points}
    for rate, diverging, final in sweep.table[["learning_rate", "diverging", "final_loss"]].itertuples(index=False):
        assert shown[rate] == (top if diverging else final)
    assert all(math.isfinite(v) for v in shown.values()) and top > sweep.table["initial_loss"].max()
    assert spec["layer"][1]["encoding"]["shape"]["scale"]["range"] == ["circle", "triangle-up"]
    rule = spec["layer"][2]
    assert rule["mark"]["type"] == "rule"
    assert spec["datasets"][rule["data"]["name"]] == [{"learning_rate": sweep.learning_rate_bound}]
    assert spec["layer"][0]["encoding"]["x"]["scale"]["type"] == "log"
    assert spec["layer"][0]["encoding"]["y"]["scale"]["type"] == "log"
    assert "2/λmax = 0.1198" in " ".join(spec["title"]["text"])


def test_the_curves_are_the_chosen_runs_losses(sweep):
    rates = view.default_curves(sweep)
    converging = sweep.table.loc[~sweep.table["diverging"], "learning_rate"]
    assert rates == [0.001, float(converging.max()), float(sweep.table.loc[sweep.table["diverging"],
                                                                           "learning_rate"].min())]
    spec = view.curves_chart(sweep, rates, "ko").to_dict()
    data = spec["datasets"][spec["data"]["name"]]
    assert {row["learning_rate"] for row in data} == set(rates)
    assert all(row["loss"] > 0 and math.isfinite(row["loss"]) for row in data)


def test_the_lines_closed_form_is_computed_from_its_data():
    latex = view.line_closed_form(bp_core.seed_line())
    assert "15 & 5 \\\\ 5 & 2" in latex and "16.7006" in latex and "0.1198" in latex
    other = view.line_closed_form(bp_core.make_dataset([[0.0], [2.0]], [[1.0], [5.0]], 1, 1))
    assert "4 & 2 \\\\ 2 & 2" in other


def test_headline_and_table_speak_both_languages(sweep):
    failed = int(sweep.table["diverging"].sum())
    assert view.headline(sweep, "en")[2] == ("Runs that did not converge", f"{failed} / 25")
    assert view.headline(sweep, "ko")[1][0] == "한계 2/λmax"
    assert "학습률" in view.sweep_frame(sweep, "ko").columns
    assert np.isclose(float(view.headline(sweep, "en")[1][1]), sweep.learning_rate_bound, rtol=1e-3)


def test_each_chart_name_builds_its_own_chart(sweep):
    rates = tuple(view.default_curves(sweep))
    assert view.CHARTS["final"](sweep, "en", rates).to_dict() == view.final_loss_chart(sweep, "en").to_dict()
    assert view.CHARTS["curves"](sweep, "en", rates).to_dict() == view.curves_chart(sweep, list(rates), "en").to_dict()
    assert set(view.CHARTS) == {"final", "curves"}


def test_every_rate_the_page_accepts_the_library_sweeps_and_the_smallest_it_refuses_is_named():
    """Issue 31 finding 1: the page accepted 1e-39, train() refused it inside the queue job. The page now checks with
    bp_core's own bound (bp_core.limits.smallest_learning_rate), and the sweep refuses it at its door, naming low."""
    least = bp_core.limits.smallest_learning_rate()
    request, messages = view.resolve_sweep("line", GOOD | {"low": least, "high": least * 10, "count": 2, "epochs": 1})
    assert messages == [] and request is not None
    model, data = bp_core.PRESETS["line"].build()
    bp_core.teaching.learning_rate_sweep(model, data, request.low, request.high, request.count, request.epochs)
    with pytest.raises(ValueError, match=r"\blow\b"):
        bp_core.teaching.learning_rate_sweep(model, data, 1e-39, 0.1, 2, 1)
