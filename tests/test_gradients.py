import pytest
import torch
from hypothesis import assume, given
from strategies import far_from_kinks, line_problems, problems

import bp_core


@given(problems() | line_problems())
def test_manual_gradient_equals_autograd_in_float64(problem):
    model, params, data = problem
    manual = bp_core.gradients(model, params, data, "manual")
    auto = bp_core.gradients(model, params, data, "autograd")
    for name in params:
        torch.testing.assert_close(manual[name], auto[name], rtol=1e-9, atol=1e-12)


@given(problems() | line_problems())
def test_manual_gradient_equals_central_finite_differences(problem):
    model, params, data = problem
    assume(far_from_kinks(model, params, data))
    manual = bp_core.gradients(model, params, data, "manual")
    numeric = bp_core.gradients(model, params, data, "numeric")
    for name in params:
        torch.testing.assert_close(manual[name], numeric[name], rtol=1e-6, atol=1e-6)


def test_line_gradient_at_zero_is_the_lecture_formula():
    data = bp_core.seed_line()
    grads = bp_core.gradients(bp_core.Line(), bp_core.Line().init_params(), data, "manual")
    error = -data.y  # pred = 0
    assert grads["w"].item() == pytest.approx((2 * data.x.T @ error / 4).item())
    assert grads["b"].item() == pytest.approx((2 * error.sum() / 4).item())
    assert grads["w"].shape == (1, 1) and grads["b"].shape == (1, 1)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_gradients_keep_the_dtype_and_shape_of_the_parameters(dtype):
    model = bp_core.MLP()
    params = model.init_params(dtype)
    for method in ("manual", "autograd", "numeric"):
        grads = bp_core.gradients(model, params, bp_core.half_adder(), method)
        assert {k: (v.dtype, v.shape) for k, v in grads.items()} == {k: (dtype, v.shape) for k, v in params.items()}


def test_gradient_check_table_has_every_parameter_and_passes_gradcheck():
    model = bp_core.MLP()
    check = bp_core.gradient_check(model, model.init_params(torch.float64), bp_core.half_adder())
    assert check.table["parameter"].tolist() == bp_core.models.scalar_names(model.init_params())
    assert len(check.table) == 17 and check.dtype == "float64"
    assert set(check.table["verdict"]) == {"pass"}  # gradient_table's vocabulary: one for the library and the page
    assert check.gradcheck_passed
    assert (check.table["numeric_abs_error"] < 1e-6).all()
    table = bp_core.teaching.gradient_table(model, model.init_params(torch.float64), bp_core.half_adder(), "float64")
    assert check.table.drop(columns="exact").equals(table.table)  # a thin view over gradient_table
    assert check.table["exact"].tolist() == (table.table["manual"] == table.table["autograd"]).tolist()


def test_gradcheck_catches_a_wrong_manual_backward(monkeypatch):
    model = bp_core.Line()
    original = model.manual_packed

    def off_by_a_factor(theta, x, y):
        loss, grad = original(theta, x, y)
        return loss, grad * 1.01

    monkeypatch.setattr(model, "manual_packed", off_by_a_factor)
    assert not bp_core.teaching.gradcheck_manual(model, model.init_params(), bp_core.seed_line())
    check = bp_core.gradient_check(model, model.init_params(), bp_core.seed_line())
    assert set(check.table["verdict"]) == {"manual_mismatch"} and not check.table["exact"].any()


@pytest.mark.parametrize(("kwargs", "argument"), [
    ({"method": "symbolic"}, "method"),
    ({"params": {"w": torch.zeros(1, 1)}}, "params"),
    ({"params": {"w": torch.zeros(2, 1), "b": torch.zeros(1, 1)}}, "params"),
    ({"params": {"w": torch.full((1, 1), float("nan")), "b": torch.zeros(1, 1)}}, "params"),
    ({"data": ([[1.0]], [[1.0], [2.0]])}, "x and y"),
    ({"params": {"w": 0.0, "b": 0.0}}, r"params\['w'\] must be a torch.Tensor"),
    ({"params": {"w": torch.zeros(1, 1, dtype=torch.int64), "b": torch.zeros(1, 1)}}, r"params\['w'\]"),
    ({"model": "line"}, "model"),
    ({"method": "numeric", "epsilon": float("inf")}, "epsilon"),
    ({"method": "numeric", "epsilon": "abc"}, "epsilon"),
    ({"method": "numeric", "epsilon": 0.0}, "epsilon"),
    ({"method": "manual", "epsilon": 1e-3}, "epsilon applies to method='numeric' only"),
])
def test_gradients_reject_bad_arguments_by_name(kwargs, argument):
    call = {"model": bp_core.Line(), "params": bp_core.Line().init_params(), "data": bp_core.seed_line(),
            "method": "manual"} | kwargs
    with pytest.raises(ValueError, match=argument):
        bp_core.gradients(**call)


def test_parameters_that_require_grad_give_the_same_gradients_and_stay_out_of_any_graph():
    params = {k: v.clone().requires_grad_(True) for k, v in bp_core.MLP().init_params().items()}
    for method in ("manual", "autograd", "numeric"):
        grads = bp_core.gradients(bp_core.MLP(), params, bp_core.half_adder(), method)
        expected = bp_core.gradients(bp_core.MLP(), bp_core.MLP().init_params(), bp_core.half_adder(), method)
        assert all(torch.equal(grads[k], expected[k]) and not grads[k].requires_grad for k in grads)
    assert all(p.grad is None for p in params.values())


def test_finite_differences_beyond_the_work_cap_are_refused_up_front():
    model = bp_core.MLP((64,) * 6)  # 20,800 parameters: 41,600 forward passes over 1,000 samples
    params, data = model.init_params(), (torch.zeros(1000, 64), torch.zeros(1000, 64))
    with pytest.raises(ValueError, match=r"method='numeric': 2 forward passes for each of 20800 parameters"):
        bp_core.gradients(model, params, data, "numeric")
    with pytest.raises(ValueError, match=r"params: 4 forward passes .*estimated at .* s here.*MAX_CALL_SECONDS"):
        bp_core.gradient_check(model, params, data)
    with pytest.raises(ValueError, match="MAX_CALL_SECONDS"):
        bp_core.teaching.gradcheck_manual(model, params, data)
    assert bp_core.gradients(model, params, data, "manual")["W1"].shape == (64, 64)  # one pass: fine


@pytest.mark.parametrize("method", ["manual", "autograd", "numeric"])
def test_an_overflowing_gradient_is_refused_naming_params_by_every_method(method):
    """Issue 31 finding 4: at w = 3e38 'manual' and 'autograd' returned inf where 'numeric' refused; gradient_check
    then called both inf 'exact'. Every method now refuses, naming params."""
    huge = {"w": torch.tensor([[3e38]]), "b": torch.zeros(1, 1)}
    with pytest.raises(ValueError, match="params"):
        bp_core.gradients(bp_core.Line(), huge, bp_core.seed_line(), method)
    with pytest.raises(ValueError, match="params"):
        bp_core.gradient_check(bp_core.Line(), huge, bp_core.seed_line())
