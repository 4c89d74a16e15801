import math

import numpy as np
import pytest
import torch

import bp_core
from bp_core.teaching.sweep import check_sweep, learning_rates


@pytest.mark.parametrize("x", [[1.0, 2.0, 3.0, 4.0], [-2.5, 0.0, 7.0], [3.0]])
def test_the_lines_closed_form_hessian_equals_stability_bounds(x):
    data = bp_core.make_dataset([[v] for v in x], [[2 * v - 1] for v in x], 1, 1)
    closed = bp_core.teaching.line_hessian(data)
    measured = bp_core.stability_bound(bp_core.Line(), None, data)
    torch.testing.assert_close(closed.hessian, measured.hessian, rtol=1e-12, atol=1e-12)
    assert closed.lambda_max == pytest.approx(measured.lambda_max, rel=1e-12)
    assert closed.learning_rate_bound == pytest.approx(measured.learning_rate_bound, rel=1e-12)


def test_the_lectures_line_has_the_lectures_hessian_and_bound():
    closed = bp_core.teaching.line_hessian(bp_core.seed_line())
    assert closed.hessian.tolist() == [[15.0, 5.0], [5.0, 2.0]]
    assert closed.lambda_max == pytest.approx(16.70, abs=0.005)
    assert closed.learning_rate_bound == pytest.approx(0.1198, abs=5e-5)


def test_learning_rates_are_log_spaced_with_exact_ends():
    rates = learning_rates(0.001, 0.5, 25)
    assert rates[0] == 0.001 and rates[-1] == 0.5 and len(rates) == 25
    assert np.allclose(np.diff(np.log(rates)), math.log(500) / 24)


def test_on_the_line_every_rate_below_the_bound_converges_and_every_rate_above_diverges():
    sweep = bp_core.teaching.learning_rate_sweep(bp_core.Line(), bp_core.seed_line(), 0.001, 0.5, 25, 300)
    table = sweep.table
    assert len(table) == 25 and sweep.exact_bound
    below = table["learning_rate"] < sweep.learning_rate_bound
    assert not table.loc[below, "diverging"].any() and table.loc[~below, "diverging"].all()
    assert (table.loc[below, "final_loss"] < table.loc[below, "initial_loss"]).all()
    assert table.loc[~below, "diverged_at"].notna().all()  # above the bound the loss explodes within 300 epochs
    assert np.isfinite(sweep.losses["loss"]).all()
    stopped = sweep.losses.groupby("learning_rate")["epoch"].max()
    assert (stopped[table.loc[~below, "learning_rate"]].to_numpy() < 300).all()


def test_each_run_of_a_sweep_is_train_at_that_rate():
    sweep = bp_core.teaching.learning_rate_sweep(bp_core.MLP(), bp_core.half_adder(), 0.5, 8.0, 3, 50)
    assert not sweep.exact_bound
    for rate, final in zip(sweep.table["learning_rate"], sweep.table["final_loss"]):
        assert final == bp_core.train(bp_core.MLP(), bp_core.half_adder(), "manual", rate, 50).final_loss
    bound = bp_core.stability_bound(bp_core.MLP(), None, bp_core.half_adder())
    assert sweep.learning_rate_bound == bound.learning_rate_bound


def test_progress_is_reported_once_per_run():
    calls = []
    bp_core.teaching.learning_rate_sweep(bp_core.Line(), bp_core.seed_line(), 0.01, 0.1, 4, 5,
                                progress=lambda *done: calls.append(done))
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]


@pytest.mark.parametrize(("args", "argument"), [
    ((0.1, 0.1, 5, 10), "low must be below high"), ((0.5, 0.1, 5, 10), "low must be below high"),
    ((0.0, 0.1, 5, 10), "low"), ((float("nan"), 0.1, 5, 10), "low"), ((0.01, 1e308, 5, 10), "high"),
    ((0.01, 0.1, 1, 10), "count"), ((0.01, 0.1, 41, 10), "count"),
    ((0.01, 0.1, True, 10), "count"), ((0.01, 0.1, 5.0, 10), "count"), ((0.01, 0.1, 5, 0), "epochs"),
    ((0.01, 0.1, 5, 2001), "epochs"), ((0.01, 0.1, 40, 2000), "too long"),
])
def test_a_sweep_out_of_range_is_refused_naming_the_argument(args, argument):
    with pytest.raises(ValueError, match=argument):
        check_sweep(*args)
    with pytest.raises(ValueError, match=argument):
        bp_core.teaching.learning_rate_sweep(bp_core.Line(), bp_core.seed_line(), *args)
