import math
import os

import numpy as np
import pandas as pd
import pytest

import bp_core
from bp_core.measure import scaling, synthetic


def test_a_tiny_study_has_one_tidy_row_per_model_size_and_method_with_units_in_the_names():
    table = scaling.scaling_study("n_samples", [4, 40], epochs=3, repeats=1, rss_repeats=0)
    assert len(table) == 2 * 2 * 2
    assert table.groupby(["model", "size", "method"]).size().eq(1).all()
    for column in ("seconds_per_epoch_median", "saved_for_backward_bytes", "analytic_saved_for_backward_bytes",
                   "peak_rss_delta_mib_median", "history_bytes"):
        assert column in table.columns
    assert (table["seconds_per_epoch_p25"] <= table["seconds_per_epoch_median"]).all()
    assert (table["seconds_per_epoch_median"] <= table["seconds_per_epoch_p75"]).all()
    assert (table["saved_for_backward_bytes"] == table["analytic_saved_for_backward_bytes"]).all()
    assert table["peak_rss_delta_mib_median"].isna().all() and (table["rss_repeats"] == 0).all()
    assert set(table["device"]) == {"cpu"}


def test_the_width_axis_grows_the_hidden_layers_on_a_fixed_number_of_rows():
    table = scaling.scaling_study("width", [3, 8], ["2-H-2"], epochs=2, repeats=1, rss_repeats=0)
    assert set(table["n_samples"]) == {scaling.WIDTH_AXIS_ROWS}
    parameters = table.drop_duplicates("size").set_index("size")["parameters"]
    assert parameters[3] == 2 * 3 + 3 + 3 * 2 + 2 and parameters[8] == 2 * 8 + 8 + 8 * 2 + 2


def test_saved_activations_grow_with_the_rows_for_both_methods():
    table = scaling.scaling_study("n_samples", [10, 1000], ["2-3-2"], epochs=2, repeats=1, rss_repeats=0)
    saved = table.set_index(["method", "size"])["saved_for_backward_bytes"]
    assert saved["manual", 1000] == 1000 * 7 * 4  # the hand-derived cache: x, n1, n2 (no d): N x 7 floats
    assert saved["autograd", 1000] == 1000 * 9 * 4 + 17 * 4  # the graph: x, n1, n2, y (N x 9) + the weights


def test_rss_is_measured_in_a_new_process_per_run_three_times_per_method(monkeypatch):
    pids = []
    real_start = scaling.start_warm_probe

    def spy(*args, **kwargs):
        probe = real_start(*args, **kwargs)
        pids.append(probe._process.pid)
        return probe

    monkeypatch.setattr(scaling, "start_warm_probe", spy)
    points = scaling.measure_point("line", "n_samples", 4, epochs=2, repeats=1, rss_repeats=3)
    assert len(pids) == 2 * 3 and len(set(pids)) == 6 and os.getpid() not in pids
    for point in points:
        assert point.rss_repeats == 3
        assert point.peak_rss_delta_mib_low <= point.peak_rss_delta_mib_median <= point.peak_rss_delta_mib_high
        assert math.isfinite(point.peak_rss_delta_mib_median)


def test_a_warm_probe_is_a_new_process_that_measures_like_a_fresh_interpreter():
    """A child forked from the warm server answers what a fresh interpreter answers for the same run: the counted
    bytes, and a peak RSS growth over its own baseline after the warm-up. (The growth itself moves by 2x between runs
    of 2 epochs, in both: a 5 ms sampler and glibc's reuse of the warm-up's freed pages; no test pins it.)"""
    from bp_core.measure import memory, probe

    started = probe.start_warm_probe(bp_core.MLP().spec(), "autograd", 0.01, 3, synthetic={"n": 1000})
    warm = started.finish()
    fresh = memory.finish_probe(memory.start_probe(bp_core.MLP(), None, "autograd", 0.01, 3, synthetic={"n": 1000}))
    assert started._process.pid != os.getpid() and started._process.exitcode == 0
    for measurement in (warm, fresh):
        assert measurement.isolated and math.isfinite(measurement.peak_rss_delta_mib)
        # the run's own growth (kilobytes of tensors, pages of the allocator), not the imports: those are in the
        # baseline, which holds torch in both kinds of process
        assert -50 < measurement.peak_rss_delta_mib < 100 and measurement.baseline_rss_mib > 100
    assert warm.tensor_bytes == fresh.tensor_bytes == bp_core.budget.analytic_tensor_bytes(bp_core.MLP(), 1000,
                                                                                           "autograd")
    with pytest.raises(ValueError, match="^epochs"):  # checked before any process starts
        probe.start_warm_probe(bp_core.MLP().spec(), "autograd", 0.01, 0, synthetic={"n": 10})
    refused = probe.start_warm_probe(bp_core.MLP().spec(), "autograd", 0.01, 2, synthetic={"n": 10},
                                     memory_budget_bytes=1)  # refused in the child: reported, not hung
    with pytest.raises(RuntimeError, match="memory probe failed: ValueError: .*memory budget"):
        refused.finish()


def test_synthetic_data_is_seeded_and_fits_the_model():
    first, second = synthetic.synthetic_data(bp_core.MLP(), 50), synthetic.synthetic_data(bp_core.MLP(), 50)
    assert first.x.shape == (50, 2) and first.y.shape == (50, 2)
    assert np.array_equal(first.x.numpy(), second.x.numpy())
    assert set(np.unique(first.y.numpy())) <= {0.0, 1.0}


def test_log_sizes_are_distinct_and_span_the_range():
    assert scaling.log_sizes(3, 1024, 5) == (3, 13, 55, 238, 1024)
    assert scaling.log_sizes(4, 4, 3) == (4,)


@pytest.mark.parametrize(("kwargs", "argument"), [
    ({"axis": "depth"}, "axis"),
    ({"sizes": []}, "sizes"),
    ({"sizes": [0, 10]}, "sizes"),
    ({"sizes": [4, 10**8]}, "sizes"),
    ({"sizes": "4,10"}, "sizes"),
    ({"sizes": [4.5]}, "sizes"),
    ({"sizes": [True]}, "sizes"),
    ({"sizes": list(range(1, 20))}, "sizes"),
    ({"families": ["2-H-2"]}, "families"),
    ({"epochs": 1}, "epochs"),
    ({"repeats": 0}, "repeats"),
    ({"rss_repeats": 2}, "rss_repeats"),
    ({"device": "cuda:9" if not bp_core.budget.torch.cuda.is_available() else "tpu"}, "device"),
])
def test_bad_study_arguments_are_refused_with_a_message_naming_them(kwargs, argument):
    call = {"axis": "n_samples", "sizes": [4], "epochs": 2, "repeats": 1, "rss_repeats": 0} | kwargs
    with pytest.raises(ValueError, match=argument):
        scaling.scaling_study(**call)


@pytest.mark.parametrize(("low", "high", "points", "argument"), [(0, 10, 3, "low"), (10, 4, 3, "low"),
                                                                 (4, 10, 0, "points"), (4, "x", 3, "high")])
def test_bad_ranges_are_refused_with_a_message(low, high, points, argument):
    with pytest.raises(ValueError, match=argument):
        scaling.log_sizes(low, high, points)


def test_the_shipped_table_is_labelled_with_machine_and_date_and_covers_both_axes():
    table = scaling.shipped_table()
    assert table is not None, "run `make scaling` to measure and ship a table"
    assert {"machine", "date", "device", "threads"} <= set(table.columns)
    assert set(table["axis"]) == set(scaling.AXES) and set(table["method"]) == {"manual", "autograd"}
    assert (table["rss_repeats"] >= 3).all()
    assert table.groupby("axis")["size"].max().to_dict() == {"n_samples": 1_000_000, "width": 1024}


def test_label_table_adds_machine_and_date():
    labelled = scaling.label_table(pd.DataFrame({"a": [1]}))
    assert "torch" in labelled["machine"].iloc[0] and len(labelled["date"].iloc[0]) == 10
