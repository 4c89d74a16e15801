import pytest
import torch

import bp_core
from bp_core import models, teaching
from bp_core.teaching.checking import FD_ATOL, FD_RTOL, WRONG_MARGIN


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
def test_float64_passes_the_tight_check_and_float32_fails_it_at_the_finite_difference_only(model_key):
    model, data = bp_core.PRESETS[model_key].build()
    run = bp_core.train(model, data, "manual", bp_core.PRESETS[model_key].learning_rate, 100)
    for params in (model.init_params(), teaching.params_at(run, 100)):
        report = teaching.gradient_report(model, params, data)
        assert report.gradcheck_passed
        assert report.tables["float64"].passed
        float32 = report.tables["float32"].table
        assert "manual_mismatch" not in set(float32["verdict"])
        assert (float32["verdict"] == "finite_difference_off").any()
        off = float32[float32["verdict"] == "finite_difference_off"]
        assert (off["numeric_abs_error"] > FD_ATOL + FD_RTOL * off["autograd"].abs()).all()


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
