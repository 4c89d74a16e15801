import numpy as np
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st
from strategies import problems

import bp_core


def test_a_first_layer_weight_of_the_lecture_net_has_two_paths_per_sample():
    mlp = bp_core.MLP()
    result = bp_core.chain_rule_paths(mlp, mlp.init_params(torch.float64), bp_core.half_adder(), "W1[0,1]", sample=2)
    assert len(result.paths) == 2
    first, second = result.paths["factors"]
    where = [(f.role, f.layer, f.unit, f.column) for f in first]
    assert where == [("output_error", 2, 0, None), ("activation_derivative", 2, 0, None), ("weight", 2, 0, 0),
                     ("activation_derivative", 1, 0, None), ("input", 0, 1, None)]
    assert [(f.role, f.layer, f.unit, f.column) for f in second] == [
        ("output_error", 2, 1, None), ("activation_derivative", 2, 1, None), ("weight", 2, 1, 0),
        ("activation_derivative", 1, 0, None), ("input", 0, 1, None)]
    assert result.total == pytest.approx(result.autograd, rel=1e-12, abs=1e-15)


def test_each_factor_is_the_value_its_record_names_in_the_lecture_vocabulary():
    """error 2(ŷ - y)/(N K) of output k; f'(d) = n (1 - n) of that unit (sigmoid); the weight W[unit, column]; the
    input n of the unit below (x for the first layer), read from the forward pass's d and n."""
    mlp = bp_core.MLP()
    params, data = mlp.init_params(torch.float64), bp_core.half_adder()
    values = bp_core.teaching.network_values(mlp, params, data)
    for parameter, sample in (("W1[0,1]", 2), ("W2[1,2]", 3), ("b1[2]", 0)):
        for factors in bp_core.chain_rule_paths(mlp, params, data, parameter, sample).paths["factors"]:
            assert {f.role for f in factors} <= set(bp_core.teaching.FACTOR_ROLES)
            for f in factors:
                n = values.n[f.layer][sample, f.unit].item() if f.unit is not None else 1.0
                if f.role == "output_error":
                    expected = 2 * (n - values.y[sample, f.unit].item()) / 8  # N K = 4 x 2
                elif f.role == "activation_derivative":
                    expected = n * (1 - n)
                elif f.role == "weight":
                    expected = params[f"W{f.layer}"][f.unit, f.column].item()
                else:
                    expected = n
                assert f.value == pytest.approx(expected, rel=1e-12), (parameter, f)


def test_parameters_are_read_into_typed_references():
    mlp = bp_core.MLP()
    assert bp_core.teaching.parse_parameter(mlp, "W1[0,1]") == bp_core.teaching.ParameterRef("W", 1, 0, 1)
    assert bp_core.teaching.parse_parameter(mlp, "b2[1]") == bp_core.teaching.ParameterRef("b", 2, 1, None)
    with pytest.raises(bp_core.ArgumentTypeError, match="parameter"):
        bp_core.teaching.parse_parameter(mlp, 5)
    with pytest.raises(ValueError, match="layered"):
        bp_core.teaching.parse_parameter(bp_core.Line(), "W1[0,0]")


def test_whole_batch_paths_sum_to_the_gradient_for_every_parameter_of_the_lecture_net():
    mlp = bp_core.MLP()
    params = mlp.init_params(torch.float64)
    grads = bp_core.models.flatten(bp_core.gradients(mlp, params, bp_core.half_adder(), "autograd"))
    for name, gradient in zip(bp_core.models.scalar_names(params), grads.tolist()):
        result = bp_core.chain_rule_paths(mlp, params, bp_core.half_adder(), name)
        expected_paths = 4 * (2 if name.startswith(("W1", "b1")) else 1)
        assert len(result.paths) == expected_paths
        assert result.total == pytest.approx(gradient, rel=1e-10, abs=1e-14)


def test_path_factors_multiply_to_the_path_product():
    mlp = bp_core.MLP()
    result = bp_core.chain_rule_paths(mlp, mlp.init_params(torch.float64), bp_core.half_adder(), "b1[2]")
    for factors, product in zip(result.paths["factors"], result.paths["product"]):
        value = 1.0
        for factor in factors:
            value *= factor.value
        assert value == product
        assert factors[-1] == bp_core.teaching.Factor("input", 0, None, 1.0)  # dd/db = 1


@given(problems(), st.data())
def test_path_sums_equal_autograd_for_random_networks(problem, data):
    model, params, dataset = problem
    names = bp_core.models.scalar_names(params)
    name = data.draw(st.sampled_from(names))
    sample = data.draw(st.none() | st.integers(0, dataset.n_samples - 1))
    result = bp_core.chain_rule_paths(model, params, dataset, name, sample)
    assert result.total == pytest.approx(result.autograd, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize(("kwargs", "argument"), [
    ({"parameter": "W3[0,0]"}, "parameter"), ({"parameter": "w"}, "parameter"), ({"parameter": "W1[5,0]"}, "parameter"),
    ({"parameter": "b1[0,0]"}, "parameter"), ({"sample": 4}, "sample"), ({"sample": -1}, "sample"),
    ({"sample": True}, "sample"), ({"sample": 1.0}, "sample"), ({"parameter": "W1[0,0]\n"}, "parameter"),
    ({"params": {"W1": 0.0}}, "params"),
    ({"model": bp_core.Line(), "params": bp_core.Line().init_params(), "data": bp_core.seed_line()}, "model"),
])
def test_bad_path_requests_raise_value_error_naming_the_argument(kwargs, argument):
    call = {"model": bp_core.MLP(), "params": bp_core.MLP().init_params(), "data": bp_core.half_adder(),
            "parameter": "W1[0,0]", "sample": None} | kwargs
    with pytest.raises(ValueError, match=argument):
        bp_core.chain_rule_paths(**call)


def test_paths_are_counted_before_any_is_built(monkeypatch):
    import bp_core.teaching.paths

    def refuse(*args):
        raise AssertionError("a path was built before the count was checked")

    monkeypatch.setattr(bp_core.teaching.paths.itertools, "product", refuse)
    model = bp_core.MLP((64,) * 6)  # a first-layer weight reaches the loss by 64^4 = 16,777,216 paths per sample
    data = (torch.zeros(3, 64), torch.zeros(3, 64))
    with pytest.raises(ValueError, match=r"16,777,216 paths per sample, 50,331,648 in all, more than MAX_PATHS"):
        bp_core.chain_rule_paths(model, model.init_params(), data, "W1[0,0]")
    with pytest.raises(ValueError, match="pick one sample"):
        bp_core.chain_rule_paths(bp_core.MLP((2, 64, 64, 2)), bp_core.MLP((2, 64, 64, 2)).init_params(),
                                 (torch.zeros(1000, 2), torch.zeros(1000, 2)), "W1[0,0]")


def test_a_numpy_integer_sample_is_accepted():
    mlp = bp_core.MLP()
    result = bp_core.chain_rule_paths(mlp, mlp.init_params(), bp_core.half_adder(), "W2[1,0]", np.int64(1))
    assert len(result.paths) == 1
