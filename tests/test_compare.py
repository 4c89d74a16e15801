import numpy as np
import pandas as pd
import pytest
import torch
from lecture_golden import AUTOGRAD_W, MANUAL_W

import bp_core
from bp_core import measure, teaching, training
from bp_core.comparison import MIN_TIMED_EPOCHS
from bp_core.teaching import least_squares_line


def test_compare_trains_both_methods_from_the_same_start_and_measures_each_run():
    comparison = bp_core.compare(bp_core.Line(), bp_core.seed_line(), 0.01, 1000)
    manual, auto = comparison.results["manual"], comparison.results["autograd"]
    assert manual.params["w"].item() == MANUAL_W  # the measured run is the lecture's run
    assert auto.params["w"].item() == AUTOGRAD_W
    assert manual.history.loc[0, ["w", "b"]].tolist() == auto.history.loc[0, ["w", "b"]].tolist() == [0.0, 0.0]
    assert set(comparison.memory) == {"manual", "autograd"}
    assert comparison.memory["autograd"].tensor_bytes == measure.count_tensor_bytes(
        bp_core.Line(), bp_core.seed_line(), "autograd")
    assert comparison.speed_ratio == pytest.approx(auto.seconds_per_epoch_median / manual.seconds_per_epoch_median)
    assert not comparison.above_bound


def test_difference_table_is_the_largest_parameter_gap_per_epoch():
    comparison = bp_core.compare(bp_core.MLP(), bp_core.half_adder(), 1.0, 300, measure_memory=False)
    manual, auto = (comparison.results[m].history for m in ("manual", "autograd"))
    names = comparison.results["manual"].parameter_names
    expected = (manual[names] - auto[names]).abs().max(axis=1).to_numpy()
    np.testing.assert_array_equal(comparison.difference["max_abs_param_difference"].to_numpy(), expected)
    assert comparison.max_param_difference == expected.max()
    assert comparison.max_param_difference < 1e-4  # float32 rounding at most (0 here: the same products as autograd)


def test_compare_above_the_bound_flags_it_and_returns_the_finite_part():
    comparison = bp_core.compare(bp_core.Line(), bp_core.seed_line(), 0.2, 1000, measure_memory=False)
    assert comparison.above_bound
    assert all(r.diverged_at is not None for r in comparison.results.values())
    assert np.isfinite(comparison.difference.to_numpy()).all()


def test_progress_reaches_one_across_both_methods():
    seen = []
    bp_core.compare(bp_core.Line(), bp_core.seed_line(), 0.01, 500, measure_memory=False,
                    progress=lambda fraction, method: seen.append((fraction, method)))
    assert seen[-1] == (1.0, "autograd")
    assert [f for f, _ in seen] == sorted(f for f, _ in seen)
    assert {m for _, m in seen} == {"manual", "autograd"}


def test_loss_surface_matches_the_closed_form_mse():
    surface = teaching.loss_surface(bp_core.seed_line(), (-1.0, 3.0), (-2.0, 2.0), 9)
    x, y = np.array([1.0, 2.0, 3.0, 4.0]), np.array([3.0, 5.0, 7.0, 9.0])
    for row in surface.sample(10, random_state=0).itertuples():
        assert row.loss == pytest.approx(np.mean((row.w * x + row.b - y) ** 2), rel=1e-12)
    assert len(surface) == 81


def test_predictions_are_the_models_outputs_at_the_final_parameters():
    comparison = bp_core.compare(bp_core.MLP(), bp_core.half_adder(), 1.0, 100, measure_memory=False)
    table = teaching.predictions(comparison.results, bp_core.half_adder())
    result = comparison.results["autograd"]
    expected = result.model.predict(result.params, bp_core.half_adder().x)
    np.testing.assert_allclose(table[["autograd ŷ[0]", "autograd ŷ[1]"]].to_numpy(), expected.numpy(), rtol=1e-6)
    assert table[["y[0]", "y[1]"]].to_numpy().tolist() == bp_core.half_adder().y.tolist()


def test_update_step_source_is_the_code_that_ran():
    manual = training.update_step_source(bp_core.Line(), "manual")
    assert "error = x1 @ theta - y" in manual and "grad = 2 * (x1.T @ error) / n" in manual
    assert "theta - learning_rate * grad" in manual
    auto = training.update_step_source(bp_core.Line(), "autograd")
    assert "loss.backward(" in auto and "optimizer.step()" in auto and "optimizer.zero_grad()" in auto
    assert "def backward" in training.update_step_source(bp_core.MLP(), "manual")


@pytest.mark.parametrize(("kwargs", "argument"), [({"learning_rate": 0}, "learning_rate"), ({"epochs": 0}, "epochs"),
                                                  ({"data": ([[1.0]], [[np.nan]])}, "y")])
def test_compare_checks_its_arguments(kwargs, argument):
    call = {"model": bp_core.Line(), "data": bp_core.seed_line(), "learning_rate": 0.01, "epochs": 10,
            "measure_memory": False} | kwargs
    with pytest.raises(ValueError, match=argument):
        bp_core.compare(**call)


@pytest.mark.parametrize(("kwargs", "argument"), [({"resolution": 1}, "resolution"), ({"w_range": (1, 0)}, "w_range"),
                                                  ({"b_range": (0, float("inf"))}, "b_range")])
def test_loss_surface_checks_its_arguments(kwargs, argument):
    call = {"data": bp_core.seed_line(), "w_range": (0, 1), "b_range": (0, 1), "resolution": 5} | kwargs
    with pytest.raises(ValueError, match=argument):
        teaching.loss_surface(**call)


def test_history_frames_are_plain_pandas():
    comparison = bp_core.compare(bp_core.Line(), bp_core.seed_line(), 0.01, 5, measure_memory=False)
    assert isinstance(comparison.results["manual"].history, pd.DataFrame)
    assert comparison.results["manual"].params["w"].dtype == torch.float32


@pytest.fixture(scope="module")
def measured():
    return bp_core.compare(bp_core.Line(), bp_core.seed_line(), 0.01, 300)


def test_runtime_table_is_the_percentiles_of_each_runs_epoch_times(measured):
    table = measured.runtime_table().set_index("method")
    for method, result in measured.results.items():
        assert table.loc[method, "median_us"] == pytest.approx(np.median(result.epoch_seconds) * 1e6)
        assert table.loc[method, "p25_us"] == pytest.approx(np.percentile(result.epoch_seconds, 25) * 1e6)
        assert table.loc[method, "p75_us"] == pytest.approx(np.percentile(result.epoch_seconds, 75) * 1e6)


def test_tensor_bytes_table_adds_up_to_the_counted_bytes(measured):
    table = measured.tensor_bytes_table()
    for method in ("manual", "autograd"):
        counted = measure.count_tensor_bytes(bp_core.Line(), bp_core.seed_line(), method).total_bytes
        assert table[table.method == method]["bytes"].sum() == counted


def test_history_csv_holds_every_epoch_of_both_methods(measured):
    import io

    frame = pd.read_csv(io.StringIO(measured.history_csv()))
    assert len(frame) == 2 * 301 and set(frame["method"]) == {"manual", "autograd"}
    manual = frame[frame.method == "manual"].reset_index(drop=True)
    assert manual["w"].iloc[-1] == measured.results["manual"].history["w"].iloc[-1]


def test_summary_is_json_ready_and_matches_the_results(measured):
    import json

    summary = json.loads(json.dumps(measured.summary()))
    assert summary["results"]["manual"]["params"]["w"] == [measured.results["manual"].params["w"].item()]
    assert summary["max_param_difference"] == measured.max_param_difference
    assert summary["results"]["autograd"]["tensor_bytes"] == measured.memory["autograd"].tensor_bytes.total_bytes


def test_surface_window_covers_both_trajectories_and_the_true_line(measured):
    (w_low, w_high), (b_low, b_high) = measured.surface_window()
    for result in measured.results.values():
        assert w_low < result.history["w"].min() and result.history["w"].max() < w_high
        assert b_low < result.history["b"].min() and result.history["b"].max() < b_high
    assert w_low < 2.0 < w_high and b_low < 1.0 < b_high


def test_surface_window_follows_edited_points_not_the_lectures_answer():
    data = bp_core.make_dataset([[0.0], [1.0], [2.0]], [[-10.0], [-7.0], [-4.0]])  # y = 3x - 10
    comparison = bp_core.compare(bp_core.Line(), data, 0.01, 50, measure_memory=False)
    assert least_squares_line(data) == pytest.approx((3.0, -10.0))
    (w_low, w_high), (b_low, b_high) = comparison.surface_window()
    assert w_low < 3.0 < w_high and b_low < -10.0 < b_high


def test_comparison_without_memory_says_nothing_about_resolution():
    comparison = bp_core.compare(bp_core.Line(), bp_core.seed_line(), 0.01, 10, measure_memory=False)
    assert comparison.memory is None
    assert comparison.tensor_bytes_table().empty


DIVERGES_AT_ONCE = ([[1.0], [2.0]], [[1e20], [5.0]])  # the first loss overflows float32


def test_a_run_that_diverges_at_epoch_0_compares_without_raising_and_says_what_is_missing():
    import json

    comparison = bp_core.compare(bp_core.Line(), DIVERGES_AT_ONCE, 0.01, 100, measure_memory=False)
    assert all(r.diverged_at == 0 and len(r.history) == 0 for r in comparison.results.values())
    assert comparison.speed_ratio is None and "timed no epoch" in comparison.speed_ratio_missing
    assert comparison.max_param_difference is None and comparison.difference.empty
    assert comparison.runtime_table().empty
    assert comparison.runtime_table().columns.tolist() == ["method", "median_us", "p25_us", "p75_us", "epochs_timed"]
    summary = json.loads(json.dumps(comparison.summary(), allow_nan=False))
    assert summary["speed_ratio_autograd_over_manual"] is None and summary["max_param_difference"] is None
    assert summary["results"]["autograd"]["seconds_per_epoch_median"] is None
    assert "timed no epoch" in summary["speed_ratio_missing"]


def test_a_speed_ratio_needs_enough_timed_epochs_per_method():
    few = bp_core.compare(bp_core.Line(), bp_core.seed_line(), 0.01, MIN_TIMED_EPOCHS - 1,
                          measure_memory=False)
    assert few.speed_ratio is None
    assert few.speed_ratio_missing.endswith(f"timed only {MIN_TIMED_EPOCHS - 1} epoch(s) (the run was "
                                            f"short); a ratio needs at least {MIN_TIMED_EPOCHS} per method")
    enough = bp_core.compare(bp_core.Line(), bp_core.seed_line(), 0.01, MIN_TIMED_EPOCHS,
                             measure_memory=False)
    assert enough.speed_ratio > 0 and enough.speed_ratio_missing is None
    diverged = bp_core.compare(bp_core.Line(), bp_core.seed_line(), 0.5, 1000, measure_memory=False)
    assert diverged.speed_ratio is None and "diverged at epoch" in diverged.speed_ratio_missing


def test_runtime_table_counts_the_epochs_behind_each_median():
    comparison = bp_core.compare(bp_core.Line(), bp_core.seed_line(), 0.01, 30, measure_memory=False)
    assert comparison.runtime_table()["epochs_timed"].tolist() == [30, 30]


def test_loss_surface_over_many_samples_is_computed_in_chunks_and_matches_the_closed_form():
    x = torch.linspace(-1, 1, 10_000, dtype=torch.float64).reshape(-1, 1)
    data = bp_core.make_dataset(x, 3 * x - 1, dtype=torch.float64)
    surface = teaching.loss_surface(data, (0.0, 6.0), (-4.0, 2.0), 201)
    assert len(surface) == 201**2
    xs, ys = x.numpy()[:, 0], (3 * x - 1).numpy()[:, 0]
    for row in surface.sample(5, random_state=1).itertuples():
        assert row.loss == pytest.approx(np.mean((row.w * xs + row.b - ys) ** 2), rel=1e-12)


def test_parameter_difference_and_predictions_refuse_results_of_different_models():
    line = bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", 0.01, 3)
    mlp = bp_core.train(bp_core.MLP(), bp_core.half_adder(), "manual", 1.0, 3)
    with pytest.raises(ValueError, match="a and b must train the same model"):
        bp_core.comparison.parameter_difference(line, mlp)
    with pytest.raises(ValueError, match="results must all come from the same model"):
        teaching.predictions({"manual": line, "autograd": mlp}, bp_core.seed_line())


def test_compare_refuses_work_beyond_the_cap_before_training():
    data = (torch.zeros(10_000, 64), torch.zeros(10_000, 64))
    with pytest.raises(ValueError, match=r"epochs: 2 run\(s\) \(1 manual, 1 autograd\) x 200 epochs .*MAX_CALL_SEC"):
        bp_core.compare(bp_core.MLP((64,) * 6), data, 0.01, 200, measure_memory=False)
