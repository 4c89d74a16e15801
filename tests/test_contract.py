"""Every preset's model and a few more through the same battery (scikit-learn's check_estimator habit): shapes,
pack/unpack, manual == autograd, the spec round trip, and the library's functions working on it with no
model-specific code.

``Regression1H`` below is a model defined only here: that the whole library serves it unchanged is the test
that the contract, not type checks, is what the library relies on.
"""

from __future__ import annotations

import inspect
from typing import Any

import pytest
import torch

import bp_core
from bp_core.contract import Model, Params


class Regression1H(Model):
    """y_hat = v . tanh(W x + c) + d: a 1-H-1 regression net with its own hand-derived backward."""

    kind = "regression_1h_test"

    def __init__(self, hidden: int = 4):
        self.hidden, self.in_features, self.out_features = hidden, 1, 1

    def __repr__(self) -> str:  # a test id the same in every pytest-xdist worker (no address)
        return f"Regression1H(hidden={self.hidden})"

    def init_params(self, dtype: torch.dtype = torch.float32) -> Params:
        g = torch.Generator().manual_seed(0)
        return {"W": torch.rand(self.hidden, 1, generator=g).to(dtype) - 0.5,
                "c": torch.zeros(self.hidden, dtype=dtype), "v": torch.rand(self.hidden, generator=g).to(dtype),
                "d": torch.zeros(1, dtype=dtype)}

    def pack(self, params: Params) -> torch.Tensor:
        return bp_core.models.flatten(params)

    def unpack(self, theta: torch.Tensor) -> Params:
        return bp_core.models.unflatten(theta, self.init_params(theta.dtype))

    def design(self, x: torch.Tensor) -> torch.Tensor:
        return x

    def predict_packed(self, theta: torch.Tensor, x1: torch.Tensor) -> torch.Tensor:
        p = self.unpack(theta)
        return torch.tanh(x1 @ p["W"].T + p["c"]) @ p["v"].unsqueeze(1) + p["d"]

    def manual_packed(self, theta, x1, y):
        p = self.unpack(theta)
        h = torch.tanh(x1 @ p["W"].T + p["c"])  # (N, H)
        y_hat = h @ p["v"].unsqueeze(1) + p["d"]  # (N, 1)
        grad_y = 2 * (y_hat - y) / y.numel()  # dL/dy_hat (N, 1)
        grad_z = (grad_y @ p["v"].unsqueeze(0)) * (1 - h * h)  # (N, H)
        grads = {"W": grad_z.T @ x1, "c": grad_z.sum(0), "v": (grad_y * h).sum(0), "d": grad_y.sum(0)}
        return ((y_hat - y) ** 2).mean(), bp_core.models.flatten(grads)

    def backward_keeps(self, theta, x1, y):
        return [x1, torch.tanh(x1 @ self.unpack(theta)["W"].T)]

    def spec(self) -> dict[str, Any]:
        return {"kind": self.kind, "hidden": self.hidden}

    @classmethod
    def from_spec(cls, spec):
        return cls(spec["hidden"])

    def manual_source(self):
        return [type(self).manual_packed]


def _data(model):
    x = torch.linspace(-1, 1, 6, dtype=torch.float64).reshape(6, 1).repeat(1, model.in_features)
    y = torch.sin(torch.arange(6 * model.out_features, dtype=torch.float64)).reshape(6, model.out_features)
    return bp_core.make_dataset(x, y, model.in_features, model.out_features)


MODELS = [*(preset.build()[0] for preset in bp_core.PRESETS.values()),  # every model the dashboard offers
          bp_core.MLP((1, 4, 1), "tanh", "identity", seed=2), bp_core.MLP((3, 4, 3, 2), "relu", "sigmoid", seed=1),
          Regression1H()]


@pytest.fixture(params=MODELS, ids=repr)
def model(request):
    return request.param


def test_pack_and_unpack_are_inverse_and_predictions_have_the_output_shape(model):
    params = model.init_params(torch.float64)
    theta = model.pack(params)
    assert all(torch.equal(model.unpack(theta)[name], params[name]) for name in params)
    assert torch.equal(model.pack(model.unpack(theta)), theta)
    data = _data(model)
    assert model.predict_packed(theta, model.design(data.x.double())).shape == (6, model.out_features)


def test_the_hand_derived_gradient_equals_autograd_in_float64(model):
    params = {k: v + 0.1 for k, v in model.init_params(torch.float64).items()}
    data = _data(model).to(torch.float64)
    manual = bp_core.gradients(model, params, data, "manual")
    auto = bp_core.gradients(model, params, data, "autograd")
    for name in params:
        torch.testing.assert_close(manual[name], auto[name], rtol=1e-9, atol=1e-12)
    assert bp_core.teaching.gradcheck_manual(model, params, data)


def test_the_spec_rebuilds_an_equal_model(model):
    rebuilt = bp_core.contract.model_from_spec(model.spec())
    assert rebuilt == model and type(rebuilt) is type(model)


def test_the_library_serves_every_model_with_no_model_specific_code(model):
    data = _data(model)
    for method in ("manual", "autograd"):
        result = bp_core.train(model, data, method, 0.05, 20)
        assert result.epochs_run == 20 and len(result.history) == 21
        tensor_bytes = bp_core.measure.count_tensor_bytes(model, data, method)
        assert tensor_bytes.parameter_bytes == sum(p.numel() for p in model.init_params().values()) * 4
        source = bp_core.training.update_step_source(model, method)
        assert ("manual_packed" if method == "manual" else "loss.backward(") in source
    comparison = bp_core.compare(model, data, 0.05, 20, measure_memory=False)
    assert comparison.max_param_difference < 1e-4
    assert bp_core.stability_bound(model, None, data).lambda_max > 0
    assert all(inspect.getsource(part) for part in model.manual_source())


@pytest.mark.parametrize("key", list(bp_core.PRESETS))
def test_every_presets_model_and_data_pass_the_contract_together(key):
    """The battery above runs each preset's model on synthetic data; here on the preset's own data, in float64."""
    model, data = bp_core.PRESETS[key].build()
    data = data.to(torch.float64)
    params = model.init_params(torch.float64)
    assert model.predict_packed(model.pack(params), model.design(data.x)).shape == data.y.shape
    manual = bp_core.gradients(model, params, data, "manual")
    auto = bp_core.gradients(model, params, data, "autograd")
    for name in params:
        torch.testing.assert_close(manual[name], auto[name], rtol=1e-9, atol=1e-12)


def test_relu_derivative_at_the_kink_is_zero_as_in_torch():
    """relu'(0) = 0 in torch; a manual backward using d >= 0 differs only where d == 0 exactly: zero weights and
    biases and a zero input put every unit's d there."""
    model = bp_core.MLP((2, 3, 2), "relu", "relu")
    params = {name: torch.zeros_like(p) for name, p in model.init_params(torch.float64).items()}
    data = bp_core.make_dataset([[0.0, 0.0]], [[1.0, 1.0]], 2, 2, dtype=torch.float64)
    manual = bp_core.gradients(model, params, data, "manual")
    auto = bp_core.gradients(model, params, data, "autograd")
    for name in params:
        assert torch.equal(manual[name], auto[name]), name
    assert all(float(g.abs().sum()) == 0.0 for g in manual.values())  # relu'(0) = 0 stops every path


@pytest.mark.parametrize("not_a_model", [bp_core.Line, "line", None, 3, object()])
def test_anything_but_a_model_instance_is_refused_with_a_type_error_naming_model(not_a_model):
    with pytest.raises(TypeError, match="model must be a bp_core model instance"):
        bp_core.train(not_a_model, bp_core.seed_line(), "manual", 0.01, 10)


def test_the_line_as_a_network_of_one_unit_gives_the_same_loss_and_gradients():
    """bp_core.Line.as_network: the chain-rule page draws the note's line as MLP((1, 1)) with the identity; it must
    be the same function (predictions, loss) with the same gradients (autograd on both), W1[0,0] = w and b1[0] = b."""
    line = bp_core.Line()
    params = {"w": torch.tensor([[0.7]], dtype=torch.float64), "b": torch.tensor([[-0.3]], dtype=torch.float64)}
    data = bp_core.seed_line().to(torch.float64)
    network, as_network = line.as_network(params)
    assert network.sizes == (1, 1) and as_network["W1"].item() == 0.7 and as_network["b1"].item() == -0.3
    predict = bp_core.models.predict
    assert torch.equal(predict(line, params, data.x), predict(network, as_network, data.x))
    line_grad = bp_core.gradients(line, params, data, "autograd")
    network_grad = bp_core.gradients(network, as_network, data, "autograd")
    assert line_grad["w"].item() == network_grad["W1"].item() and line_grad["b"].item() == network_grad["b1"].item()
    as_network["W1"] += 1  # fresh tensors: the line's own are untouched
    assert params["w"].item() == 0.7
