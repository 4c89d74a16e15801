import math

import pytest

import bp_core
from bp_core import measure


@pytest.mark.parametrize("method", ["manual", "autograd"])
def test_runtime_reports_ordered_percentiles_and_keeps_setup_apart(method):
    m = measure.measure_runtime(bp_core.Line(), bp_core.seed_line(), method, 0.01, 200, repeats=3, warmup=1)
    assert 0 < m.seconds_per_epoch_p25 <= m.seconds_per_epoch_median <= m.seconds_per_epoch_p75
    assert m.total_seconds_median >= 200 * m.seconds_per_epoch_p25
    assert m.repeats == 3 and m.epochs == 200
    assert not math.isnan(m.setup_seconds_warm)


@pytest.mark.parametrize(("kwargs", "argument"), [({"repeats": 0}, "repeats"), ({"warmup": -1}, "warmup"),
                                                  ({"epochs": 0}, "epochs"), ({"method": "x"}, "method")])
def test_measurement_arguments_are_checked(kwargs, argument):
    call = {"model": bp_core.Line(), "data": bp_core.seed_line(), "method": "manual", "learning_rate": 0.01,
            "epochs": 10} | kwargs
    with pytest.raises(ValueError, match=argument):
        measure.measure_runtime(**call)


def test_runs_that_diverge_at_epoch_0_measure_no_epoch_and_say_so_with_none():
    m = measure.measure_runtime(bp_core.Line(), ([[1.0], [2.0]], [[1e20], [5.0]]), "manual", 0.01, 50, repeats=2)
    assert m.epochs_timed == 0
    assert m.seconds_per_epoch_median is None and m.seconds_per_epoch_p25 is None and m.seconds_per_epoch_p75 is None
    assert m.total_seconds_median > 0


def test_repeats_times_epochs_are_bounded_up_front():
    with pytest.raises(ValueError, match=r"repeats: \(warmup \+ repeats\) x epochs = \(1 \+ 5\) x 200000"):
        measure.measure_runtime(bp_core.Line(), bp_core.seed_line(), "manual", 0.01, 200_000, repeats=5)


def test_the_percentiles_count_every_measured_epoch():
    m = measure.measure_runtime(bp_core.Line(), bp_core.seed_line(), "manual", 0.01, 20, repeats=3, warmup=0)
    assert m.epochs_timed == 60 and m.setup_seconds_warm is not None
    single = measure.measure_runtime(bp_core.Line(), bp_core.seed_line(), "manual", 0.01, 20, repeats=1, warmup=0)
    assert single.setup_seconds_warm is None
