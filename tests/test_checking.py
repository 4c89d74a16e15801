import pytest
import torch

import bp_core
from bp_core import models, teaching
from bp_core.teaching.checking import WRONG_MARGIN, tolerances


@pytest.mark.parametrize("model_key", ["line", "mlp"])
def test_every_number_of_the_table_is_the_gradient_that_bp_core_computes_in_that_dtype(model_key):
    model, data = bp_core.PRESETS[model_key].build()
    params = model.init_params()
    for dtype, torch_dtype in (("float32", torch.float32), ("float64", torch.float64)):
        table = teaching.gradient_table(model, params, data, dtype).table
        assert table["parameter"].tolist() == models.scalar_names(params)
        cast = {k: v.to(torch_dtype) for k, v in params.items()}
        for method in ("manual", "autograd", "numeric"):
            expected = models.flatten(bp_core.gradients(model, cast, data, method)).double().tolist()
            assert table[method].tolist() == expected
        assert table["manual_abs_error"].tolist() == (table["manual"] - table["autograd"]).abs().tolist()
        assert table["numeric_abs_error"].tolist() == (table["numeric"] - table["autograd"]).abs().tolist()


@pytest.mark.parametrize("model_key", ["line", "mlp"])
def test_both_precisions_pass_a_tolerance_that_fits_their_dtype_and_the_verdict_follows_it(model_key):
    model, data = bp_core.PRESETS[model_key].build()
    run = bp_core.train(model, data, "manual", bp_core.PRESETS[model_key].learning_rate, 100)
    for params in (model.init_params(), teaching.params_at(run, 100)):
        report = teaching.gradient_report(model, params, data)
        assert report.gradcheck_passed
        for dtype, table in report.tables.items():
            assert table.passed, (dtype, table.table)
            frame, scale = table.table, 1 + table.table["autograd"].abs()
            assert (frame["numeric_abs_error"] <= table.numeric_tolerance * scale).all()
            largest = frame["autograd"].abs().max()
            assert (frame["manual_abs_error"] <= table.manual_tolerance * (frame["autograd"].abs() + largest)).all()
        # float32's finite differences are far rougher than float64's, and would fail float64's tolerance
        single, double = report.tables["float32"].table, report.tables["float64"].table
        assert single["numeric_rel_error"].max() > 1000 * double["numeric_rel_error"].max()
        assert (single["numeric_abs_error"] > tolerances("float64")[0] * (1 + single["autograd"].abs())).any()


def test_the_tolerances_are_ten_times_machine_epsilon_to_the_two_thirds_and_64_epsilon():
    for dtype, eps in (("float32", 2.0**-23), ("float64", 2.0**-52)):
        assert tolerances(dtype) == (10 * eps ** (2 / 3), 64 * eps)


def test_a_finite_difference_beyond_its_tolerance_is_called_off(monkeypatch):
    real = teaching.checking.gradients

    def nudged(model, params, data, method, **kwargs):
        grads = real(model, params, data, method, **kwargs)
        return {k: v + 1e-3 for k, v in grads.items()} if method == "numeric" else grads

    monkeypatch.setattr(teaching.checking, "gradients", nudged)
    table = teaching.gradient_table(bp_core.MLP(), bp_core.MLP().init_params(), bp_core.half_adder(), "float32")
    assert set(table.table["verdict"]) == {"finite_difference_off"}


def test_a_wrong_backward_is_a_mismatch_in_both_precisions(monkeypatch):
    model = bp_core.MLP()
    original = model.manual_packed

    def off_by_a_factor(theta, x, y):
        loss, grad = original(theta, x, y)
        return loss, grad * 1.01

    monkeypatch.setattr(model, "manual_packed", off_by_a_factor)
    report = teaching.gradient_report(model, model.init_params(), bp_core.half_adder())
    assert not report.gradcheck_passed
    for table in report.tables.values():
        assert set(table.table["verdict"]) == {"manual_mismatch"}


def test_forgetting_zero_grad_on_the_line_goes_wrong_at_the_first_epoch_10_percent_worse():
    runs = teaching.zero_grad_comparison(bp_core.Line(), bp_core.seed_line(), 0.01, 200)
    history = runs.history
    worse = history["loss_without"] > (1 + WRONG_MARGIN) * history["loss_with"]
    assert runs.went_wrong_at == int(history.loc[worse, "epoch"].iloc[0]) == 5
    assert WRONG_MARGIN == 0.10  # the page states it: "more than 10% above"
    plain = history["loss_without"] > 1.10 * history["loss_with"]  # the stated rule, written out
    assert runs.went_wrong_at == int(history.loc[plain, "epoch"].iloc[0])
    assert history.loc[:1, "loss_with"].tolist() == history.loc[:1, "loss_without"].tolist()  # same until then
    assert history["grad_norm_without"].iloc[1] > history["grad_norm_with"].iloc[1]  # .grad holds g0 + g1


def test_the_run_without_zero_grad_steps_with_the_sum_of_all_past_gradients():
    runs = teaching.zero_grad_comparison(bp_core.MLP(), bp_core.half_adder(), 1.0, 50)
    assert runs.went_wrong_at is None  # the sigmoid net's loss never rises 10% above the correct run's here
    norms = runs.history["grad_norm_without"]
    assert norms.iloc[-1] > 10 * runs.history["grad_norm_with"].iloc[-1]
    without = bp_core.train(bp_core.MLP(), bp_core.half_adder(), "autograd", 1.0, 3, zero_grad=False)
    g = [models.flatten(bp_core.gradients(bp_core.MLP(), teaching.params_at(without, e), bp_core.half_adder(),
                                           "autograd")) for e in range(3)]
    assert without.history["grad_norm"].iloc[2] == pytest.approx(float((g[0] + g[1] + g[2]).double().norm()),
                                                                 rel=1e-5)


def test_the_accumulated_gradient_is_set_beside_the_true_gradient_at_the_same_parameters():
    runs = teaching.zero_grad_comparison(bp_core.Line(), bp_core.seed_line(), 0.01, 30)
    without = bp_core.train(bp_core.Line(), bp_core.seed_line(), "autograd", 0.01, 30, zero_grad=False)
    assert runs.last_epoch == 30
    assert runs.accumulated_norm == without.history["grad_norm"].iloc[30]
    true = models.flatten(bp_core.gradients(bp_core.Line(), teaching.params_at(without, 30), bp_core.seed_line(),
                                            "autograd"))
    assert runs.true_norm == pytest.approx(float(true.double().norm()), rel=1e-6)


def test_a_diverging_run_without_zero_grad_counts_as_going_wrong_where_it_diverged():
    runs = teaching.zero_grad_comparison(bp_core.Line(), bp_core.seed_line(), 1.0, 300)
    assert runs.went_wrong_at == runs.diverged_at == 4
    assert runs.history["loss_without"].iloc[5:].isna().all()  # training stopped there, the rows are NaN


@pytest.mark.parametrize(("call", "argument"), [
    (lambda: teaching.gradient_table(bp_core.Line(), bp_core.Line().init_params(), bp_core.seed_line(), "float16"),
     "dtype"),
    (lambda: teaching.gradient_table(bp_core.Line(), {"w": torch.zeros(1, 1)}, bp_core.seed_line()), "params"),
    (lambda: teaching.zero_grad_comparison(bp_core.Line(), bp_core.seed_line(), -1.0, 10), "learning_rate"),
    (lambda: teaching.zero_grad_comparison(bp_core.Line(), bp_core.seed_line(), 0.01, 0), "epochs"),
])
def test_bad_arguments_raise_naming_the_argument(call, argument):
    with pytest.raises(ValueError, match=argument):
        call()
