import math

import numpy as np
import pandas as pd
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st
from lecture_golden import AUTOGRAD_B, AUTOGRAD_W, LOSSES_EVERY_100, MANUAL_B, MANUAL_W

import bp_core


def test_manual_training_reproduces_the_lectures_printed_parameters_exactly():
    result = bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", 0.01, 1000)
    assert result.params["w"].dtype == torch.float32
    assert result.params["w"].item() == MANUAL_W
    assert result.params["b"].item() == MANUAL_B


def test_autograd_training_reproduces_the_lectures_second_script_exactly():
    result = bp_core.train(bp_core.Line(), bp_core.seed_line(), "autograd", 0.01, 1000)
    assert result.params["w"].item() == AUTOGRAD_W
    assert result.params["b"].item() == AUTOGRAD_B


@pytest.mark.parametrize("method", ["manual", "autograd"])
def test_losses_every_100_epochs_match_the_lectures_lines(method):
    result = bp_core.train(bp_core.Line(), bp_core.seed_line(), method, 0.01, 1000)
    # "Epoch [k/1000]" prints the loss of the k-th forward pass: history row k - 1
    printed = [f"{result.history['loss'][k - 1]:.4f}" for k in range(100, 1001, 100)]
    assert printed == LOSSES_EVERY_100


def test_history_has_one_row_per_epoch_from_the_start_with_named_columns():
    result = bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", 0.01, 10)
    history = result.history
    assert history.columns.tolist() == ["epoch", "loss", "w", "b", "grad_norm"]
    assert history["epoch"].tolist() == list(range(11))
    assert history.loc[0, "loss"] == pytest.approx((9 + 25 + 49 + 81) / 4)
    assert history.loc[0, ["w", "b"]].tolist() == [0.0, 0.0]
    assert history.loc[0, "grad_norm"] == pytest.approx(math.hypot(35.0, 12.0))
    assert history.loc[1, ["w", "b"]].tolist() == pytest.approx([0.35, 0.12])
    assert history.loc[10, "w"] == result.params["w"].item()
    assert result.epochs_run == 10 and len(result.epoch_seconds) == 10
    assert (result.epoch_seconds > 0).all()


def test_mlp_history_names_every_scalar_parameter():
    result = bp_core.train(bp_core.MLP(), bp_core.half_adder(), "autograd", 0.5, 3)
    names = result.history.columns.tolist()[2:-1]
    assert names[:2] == ["W1[0,0]", "W1[0,1]"] and names[-1] == "b2[1]" and len(names) == 17
    initial = bp_core.models.flatten(bp_core.MLP().init_params()).double().numpy()
    assert np.array_equal(result.history.loc[0, names].to_numpy(dtype=float), initial)


@given(method=st.sampled_from(["manual", "autograd"]), activation=st.sampled_from(["sigmoid", "tanh", "relu"]),
       seed=st.integers(0, 10_000), lr=st.floats(0.01, 2.0), epochs=st.integers(1, 60))
def test_history_is_bit_identical_across_two_runs(method, activation, seed, lr, epochs):
    model = bp_core.MLP(activation=activation, seed=seed)
    first = bp_core.train(model, bp_core.half_adder(), method, lr, epochs)
    second = bp_core.train(model, bp_core.half_adder(), method, lr, epochs)
    pd.testing.assert_frame_equal(first.history, second.history, check_exact=True)


def test_both_methods_agree_on_the_half_adder_to_float32_rounding():
    manual = bp_core.train(bp_core.MLP(), bp_core.half_adder(), "manual", 1.0, 2000)
    auto = bp_core.train(bp_core.MLP(), bp_core.half_adder(), "autograd", 1.0, 2000)
    difference = (manual.history.iloc[:, 1:] - auto.history.iloc[:, 1:]).abs().to_numpy().max()
    assert difference < 1e-4
    assert manual.final_loss < 0.01  # the network learns XOR and AND


@given(lr=st.floats(0.121, 1.0))
def test_training_above_the_stability_bound_stops_cleanly(lr):
    result = bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", lr, 20000)
    assert result.diverged_at is not None
    assert np.isfinite(result.history.drop(columns="epoch").to_numpy()).all()
    assert len(result.history) == result.diverged_at + 1 or len(result.history) == result.diverged_at
    assert result.epochs_run == len(result.history) - 1


@pytest.mark.parametrize("method", ["manual", "autograd"])
def test_training_below_the_stability_bound_converges(method):
    result = bp_core.train(bp_core.Line(), bp_core.seed_line(), method, 0.119, 3000)
    assert result.diverged_at is None and result.final_loss < 1e-6


def test_a_huge_learning_rate_reaches_non_finite_loss_and_keeps_only_finite_rows():
    result = bp_core.train(bp_core.Line(), bp_core.seed_line(), "autograd", 100, 1000)
    assert result.diverged_at is not None and result.diverged_at <= 3
    assert np.isfinite(result.history["loss"]).all()


def test_skipping_zero_grad_accumulates_gradients():
    good = bp_core.train(bp_core.Line(), bp_core.seed_line(), "autograd", 0.01, 3)
    bad = bp_core.train(bp_core.Line(), bp_core.seed_line(), "autograd", 0.01, 3, zero_grad=False)
    assert bad.history.loc[0, "grad_norm"] == good.history.loc[0, "grad_norm"]
    # second step: the stored gradient is the sum of the first two gradients
    manual_first = torch.tensor([-35.0, -12.0])
    w1, b1 = bad.history.loc[1, ["w", "b"]]
    second = bp_core.gradients(bp_core.Line(), {"w": torch.tensor([[w1]], dtype=torch.float32),
                                                "b": torch.tensor([[b1]], dtype=torch.float32)},
                               bp_core.seed_line(), "manual")
    expected = torch.linalg.vector_norm(manual_first + torch.tensor([second["w"].item(), second["b"].item()]))
    assert bad.history.loc[1, "grad_norm"] == pytest.approx(float(expected), rel=1e-5)
    assert bad.history.loc[1, "grad_norm"] != pytest.approx(good.history.loc[1, "grad_norm"], rel=1e-3)


def test_progress_callback_reports_up_to_the_total():
    calls = []
    bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", 0.01, 1000, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (1000, 1000)
    assert 50 <= len(calls) <= 101
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_autograd_setup_time_is_reported_apart_from_epoch_times(monkeypatch):
    """A fake clock that ticks 1 s per reading, and an optimizer whose construction costs 100 s of it: the set-up
    must hold those 100 s (+1 tick) and every epoch exactly one tick."""
    import bp_core.training

    class Clock:
        now = 0.0

        def perf_counter(self):
            self.now += 1.0
            return self.now

    clock = Clock()
    real_sgd = torch.optim.SGD

    def slow_sgd(*args, **kwargs):
        clock.now += 100.0
        return real_sgd(*args, **kwargs)

    monkeypatch.setattr(bp_core.tuned.loops, "time", clock)
    monkeypatch.setattr(torch.optim, "SGD", slow_sgd)
    result = bp_core.train(bp_core.Line(), bp_core.seed_line(), "autograd", 0.01, 5)
    assert result.setup_seconds == 101.0
    assert result.epoch_seconds.tolist() == [1.0] * 5


def test_user_data_trains_and_the_model_object_is_unchanged():
    model = bp_core.Line()
    result = bp_core.train(model, ([[0.0], [1.0]], [[1.0], [3.0]]), "manual", 0.1, 2000)
    assert result.params["w"].item() == pytest.approx(2.0, abs=1e-3)
    assert model.init_params()["w"].item() == 0.0


@pytest.mark.parametrize(("kwargs", "argument"), [
    ({"learning_rate": 0}, "learning_rate"),
    ({"learning_rate": -0.1}, "learning_rate"),
    ({"learning_rate": float("nan")}, "learning_rate"),
    ({"learning_rate": float("inf")}, "learning_rate"),
    ({"learning_rate": 101}, "learning_rate"),
    ({"learning_rate": "fast"}, "learning_rate"),
    ({"epochs": 0}, "epochs"),
    ({"epochs": bp_core.limits.MAX_EPOCHS + 1}, "epochs"),
    ({"epochs": 10.5}, "epochs"),
    ({"epochs": True}, "epochs"),
    ({"method": "symbolic"}, "method"),
    ({"data": ([[1.0], [float("nan")]], [[1.0], [2.0]])}, "x"),
    ({"data": ([[1.0], [2.0]], [[1.0], [float("inf")]])}, "y"),
    ({"data": ([1.0, 2.0], [[1.0], [2.0]])}, "x"),
    ({"data": (torch.zeros(0, 1), torch.zeros(0, 1))}, "x"),
    ({"data": ([[1.0, 2.0]], [[1.0]])}, "x"),
    ({"data": ([[1.0]], [[1.0, 2.0]])}, "y"),
    ({"data": ([[1.0], [2.0]], [[1.0]])}, "x and y"),
    ({"data": "points"}, "data"),
    ({"data": ([["a"]], [[1.0]])}, "x"),
    ({"zero_grad": False}, "zero_grad"),
    ({"learning_rate": "0.05"}, "learning_rate"),
    ({"learning_rate": True}, "learning_rate"),
    ({"zero_grad": "yes"}, "zero_grad"),
    ({"progress": "abc"}, "progress"),
    ({"progress": lambda: None}, "progress"),
    ({"model": bp_core.Line}, "model"),
    ({"data": ([[1.0, 2.0]], [[1.0]])}, r"shape \(1, 2\).*in_features=1"),
])
def test_bad_arguments_raise_value_error_naming_the_argument(kwargs, argument):
    call = {"model": bp_core.Line(), "data": bp_core.seed_line(), "method": "manual", "learning_rate": 0.01,
            "epochs": 10} | kwargs
    with pytest.raises(ValueError, match=argument):
        bp_core.train(**call)


@pytest.mark.parametrize(("kwargs", "argument"), [
    ({"sizes": (2,)}, "sizes"), ({"sizes": (2, 0, 2)}, "sizes"), ({"sizes": "232"}, "sizes"),
    ({"activation": "gelu"}, "activation"), ({"output_activation": "softmax"}, "output_activation"),
    ({"seed": -1}, "seed"),
])
def test_bad_network_settings_raise_value_error_naming_the_argument(kwargs, argument):
    with pytest.raises(ValueError, match=argument):
        bp_core.MLP(**kwargs)


@pytest.mark.parametrize("method", ["manual", "autograd"])
def test_a_loss_that_is_not_finite_at_epoch_0_returns_an_empty_history_instead_of_raising(method):
    data = ([[1.0], [2.0]], [[1e20], [5.0]])  # (1e20)^2 overflows float32: the very first loss is inf
    result = bp_core.train(bp_core.Line(), data, method, 0.01, 10)
    assert result.diverged_at == 0 and result.epochs_run == 0
    assert result.history.columns.tolist() == ["epoch", "loss", "w", "b", "grad_norm"] and len(result.history) == 0
    assert math.isnan(result.final_loss) and result.seconds_per_epoch_median is None
    assert all(torch.equal(result.params[k], result.initial_params[k]) for k in result.params)


def test_a_history_beyond_the_cap_is_refused_up_front_with_the_estimate():
    model = bp_core.MLP((2, 64, 64, 2))  # 4,482 parameters: 200,000 epochs would be 7 GB of float64 history
    with pytest.raises(ValueError, match=r"record_params is too large .*history 10 GiB"):  # the memory budget first
        bp_core.train(model, bp_core.half_adder(), "manual", 0.1, 200_000, record_params="all")
    with pytest.raises(ValueError, match=r"epochs: 200000 epochs of 4482 parameters .*MAX_HISTORY_CELLS") as raised:
        bp_core.train(model, bp_core.half_adder(), "manual", 0.1, 200_000, record_params="all",
                      memory_budget_bytes=2**40)
    assert f"at most {bp_core.limits.MAX_HISTORY_CELLS // 4482 - 1} epochs" in str(raised.value)
    bounded = bp_core.history.record_policy(model, "auto", 200_000)  # the default records at a stride instead (issue 8)
    assert bounded.rows(200_000) * len(bounded.names) <= bp_core.limits.MAX_HISTORY_CELLS


def test_arithmetic_beyond_the_cap_is_refused_up_front():
    model = bp_core.MLP((64,) * 6)  # 20,800 parameters
    data = (torch.zeros(10_000, 64), torch.zeros(10_000, 64))
    with pytest.raises(ValueError, match=r"epochs: 1 run\(s\) \(1 manual\) x 900 epochs .*s here.*MAX_CALL_SECONDS"):
        bp_core.train(model, data, "manual", 0.1, 900)


def test_progress_is_checked_before_training_and_called_with_done_and_total():
    with pytest.raises(TypeError, match="progress must accept 2 positional arguments"):
        bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", 0.01, 10, progress=lambda done: None)
    calls = []
    bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", 0.01, 10, progress=lambda *args: calls.append(args))
    assert calls[-1] == (10, 10)


def _reference_autograd_rows(model, data, lr, epochs):
    """A plain MSELoss + SGD loop that clones the parameters and keeps loss.item() before every step."""
    x1 = model.design(data.x)
    theta = model.pack(model.init_params(dtype=data.x.dtype)).clone().requires_grad_(True)
    optimizer = torch.optim.SGD([theta], lr=lr)
    rows, losses = [], []
    for epoch in range(epochs + 1):
        loss = torch.nn.MSELoss()(model.predict_packed(theta, x1), data.y)
        rows.append(theta.detach().clone().reshape(-1).double().numpy())
        losses.append(loss.item())
        if epoch < epochs:
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return np.stack(rows), np.array(losses)


@pytest.mark.parametrize("numpy_views", [True, False], ids=["numpy views", "torch copy_"])
@pytest.mark.parametrize("model, dtype, lr",
                         [(bp_core.Line(), torch.float32, 0.05), (bp_core.MLP(), torch.float64, 2.0)],
                         ids=["line float32", "2-3-2 float64"])
def test_autograd_history_rows_are_the_parameters_before_each_step_bit_for_bit(monkeypatch, numpy_views, model,
                                                                                 dtype, lr):
    # the recorder copies the parameter that step() updates in place: through NumPy views on the CPU, else copy_
    if not numpy_views:
        monkeypatch.setattr(bp_core.tuned.recorder, "numpy_views_fit", lambda start: False)
    data = bp_core.seed_line() if model.kind == "line" else bp_core.half_adder()
    data = bp_core.make_dataset(data.x.to(dtype), data.y.to(dtype))
    result = bp_core.train(model, data, "autograd", lr, 40)
    assert result.diverged_at is None
    rows, losses = _reference_autograd_rows(model, data, lr, 40)
    np.testing.assert_array_equal(result.history[result.parameter_names].to_numpy(), rows)
    np.testing.assert_array_equal(result.history["loss"].to_numpy(), losses)
