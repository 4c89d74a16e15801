import pytest
import torch

import bp_core
from bp_core import models, teaching


@pytest.fixture(scope="module")
def runs():
    return {key: bp_core.train(*preset.build(), "manual", preset.learning_rate, 300)
            for key, preset in bp_core.PRESETS.items()}


@pytest.mark.parametrize("model_key", ["line", "mlp"])
@pytest.mark.parametrize("epoch", [0, 1, 57, 299])
def test_a_step_from_history_row_e_lands_exactly_on_row_e_plus_1(runs, model_key, epoch):
    run = runs[model_key]
    preset = bp_core.PRESETS[model_key]
    step = teaching.manual_step(run.model, teaching.params_at(run, epoch), preset.make_data(), preset.learning_rate)
    after = teaching.params_at(run, epoch + 1)
    assert all(torch.equal(step.new_params[name], after[name]) for name in after)
    assert step.loss == run.history["loss"].iloc[epoch]
    assert step.grad_norm == pytest.approx(run.history["grad_norm"].iloc[epoch], rel=1e-12)


def test_params_at_reads_the_history_row_in_the_runs_dtype(runs):
    run = runs["mlp"]
    params = teaching.params_at(run, 10)
    assert {k: (v.dtype, v.shape) for k, v in params.items()} == {
        k: (v.dtype, v.shape) for k, v in run.initial_params.items()}
    assert models.flatten(params).double().tolist() == run.history[run.parameter_names].iloc[10].tolist()
    assert all(torch.equal(teaching.params_at(run, 0)[k], run.initial_params[k]) for k in params)


def test_the_lines_step_shows_the_lectures_formulas():
    data = bp_core.seed_line()
    params = {"w": torch.tensor([[0.5]], dtype=torch.float64), "b": torch.tensor([[-0.25]], dtype=torch.float64)}
    step = teaching.manual_step(bp_core.Line(), params, data, 0.01)
    x, y = data.x.double(), data.y.double()
    pred = 0.5 * x - 0.25
    torch.testing.assert_close(step.forward["pred"], pred)
    torch.testing.assert_close(step.forward["error"], pred - y)
    torch.testing.assert_close(step.local["dL/dpred"], 2 * (pred - y) / 4)
    assert step.gradient["w"].item() == pytest.approx((2 * x.T @ (pred - y) / 4).item(), rel=1e-14)
    assert step.gradient["b"].item() == pytest.approx((2 * (pred - y).sum() / 4).item(), rel=1e-14)
    assert step.loss == pytest.approx(((pred - y) ** 2).mean().item(), rel=1e-14)
    assert step.new_params["w"].item() == pytest.approx(0.5 - 0.01 * step.gradient["w"].item(), rel=1e-15)


def test_the_networks_local_derivatives_multiply_into_autograds_gradient():
    mlp, data = bp_core.MLP(), bp_core.half_adder()
    params = mlp.init_params(torch.float64)
    step = teaching.manual_step(mlp, params, data, 1.0)
    auto = bp_core.gradients(mlp, params, data, "autograd")
    local, forward = step.local, step.forward
    torch.testing.assert_close(local["dL/dd2"], local["dL/dn2"] * local["f2'"])
    torch.testing.assert_close(local["dL/dn2"], 2 * (forward["n2"] - data.y.double()) / 8)
    torch.testing.assert_close(local["f1'"], forward["n1"] * (1 - forward["n1"]))  # sigmoid: f'(d) = n (1 - n)
    torch.testing.assert_close(local["dL/dd2"].T @ forward["n1"], auto["W2"], rtol=1e-12, atol=1e-15)
    torch.testing.assert_close(local["dL/dd1"].T @ forward["x"], auto["W1"], rtol=1e-12, atol=1e-15)
    torch.testing.assert_close(local["dL/dd1"].sum(0), auto["b1"], rtol=1e-12, atol=1e-15)
    for name in params:
        torch.testing.assert_close(step.gradient[name], auto[name], rtol=1e-12, atol=1e-15)


def test_network_values_hold_d_and_n_of_every_unit_and_the_batch_loss():
    mlp, data = bp_core.MLP(), bp_core.half_adder()
    params = mlp.init_params()
    values = teaching.network_values(mlp, params, data)
    torch.testing.assert_close(values.d[0], data.x @ params["W1"].T + params["b1"])
    torch.testing.assert_close(values.n[1], torch.sigmoid(values.d[0]))
    assert torch.equal(values.n[2], mlp.predict(params, data.x))
    assert values.loss == pytest.approx(torch.nn.functional.mse_loss(values.n[2], data.y).item())
    mean, one = values.mean(), values.sample(3)
    torch.testing.assert_close(mean.d[1], values.d[1].mean(0, keepdim=True))
    torch.testing.assert_close(one.n[0], data.x[3:4])
    assert one.loss == values.loss


@pytest.mark.parametrize(("call", "error", "argument"), [
    (lambda run: teaching.params_at(run, 301), ValueError, "epoch"),
    (lambda run: teaching.params_at(run, -1), ValueError, "epoch"),
    (lambda run: teaching.params_at(run, True), ValueError, "epoch"),
    (lambda run: teaching.params_at(run, 2.0), ValueError, "epoch"),
    (lambda run: teaching.params_at("run", 0), TypeError, "result"),
    (lambda run: teaching.manual_step(run.model, run.params, bp_core.seed_line(), 0.0), ValueError, "learning_rate"),
    (lambda run: teaching.manual_step(run.model, run.params, bp_core.seed_line(), float("nan")), ValueError,
     "learning_rate"),
    (lambda run: teaching.manual_step(run.model, {"w": torch.zeros(1, 1)}, bp_core.seed_line(), 0.1), ValueError,
     "params"),
    (lambda run: teaching.manual_step("line", run.params, bp_core.seed_line(), 0.1), TypeError, "model"),
    (lambda run: teaching.network_values(run.model, run.params, bp_core.seed_line()), ValueError, "model"),
    (lambda run: teaching.network_values(bp_core.MLP(), bp_core.MLP().init_params(), bp_core.half_adder()
                                        ).sample(4), ValueError, "sample"),
])
def test_bad_arguments_raise_naming_the_argument(runs, call, error, argument):
    with pytest.raises(error, match=argument):
        call(runs["line"])
