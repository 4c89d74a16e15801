import math

import pytest

import bp_core


@pytest.mark.parametrize("method", ["manual", "autograd"])
def test_runtime_reports_ordered_percentiles_and_keeps_setup_apart(method):
    m = bp_core.measure_runtime(bp_core.Line(), bp_core.seed_line(), method, 0.01, 200, repeats=3, warmup=1)
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
        bp_core.measure_runtime(**call)
