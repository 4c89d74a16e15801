"""One step of gradient descent by hand, with every value on the way: forward, loss, local derivatives, gradient,
update. In the lecture's words, ``d`` is what goes into a unit (the weighted sum) and ``n`` what comes out of it
(after the activation ``f``).

The gradient and the update come from the model's own ``manual_packed`` and the same ``theta - lr * grad`` that
``train(method="manual")`` runs, so a step from row ``e`` of a manual history lands exactly (bit for bit) on row
``e + 1``. The intermediate values repeat the backward's own expressions, for reading.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

from ..budget import check_call_work
from ..contract import LayeredModel, Model, Params, check_layered, check_model, check_params
from ..data import as_dataset
from ..limits import ArgumentTypeError, check_int_range, check_trainable_rate, shown
from ..models import scalar_names, unflatten
from ..training import TrainResult
from .gradient_methods import finite_gradients

__all__ = ["manual_step", "ManualStep", "network_values", "NetworkValues", "params_at"]


def params_at(result: TrainResult, epoch: int) -> Params:
    """The parameters of history row ``epoch`` (after ``epoch`` updates) in the run's dtype, as fresh tensors.

    The history holds float32 values widened to float64, so the cast back is exact.

    Examples
    --------
    >>> import bp_core
    >>> run = bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", 0.01, 3)
    >>> params_at(run, 1)["w"].tolist()
    [[0.3499999940395355]]
    """
    if not isinstance(result, TrainResult):
        raise ArgumentTypeError(f"result must be a bp_core.TrainResult (what train() returns), got {shown(result)}")
    epoch = check_int_range("epoch", epoch, 0, len(result.history) - 1)
    like = result.initial_params
    every = scalar_names(like)
    if list(result.parameter_names) != every:
        raise ValueError(f"result recorded {len(result.parameter_names)} of the model's {len(every)} parameters "
                         "(record_params); params_at needs every one: train with record_params='all'")
    recorded = result.parameter_history
    rows = recorded.index[recorded["epoch"] == epoch]
    if len(rows) == 0:
        raise ValueError(f"epoch {epoch} is not among the recorded rows (every {result.record_stride} epochs and the "
                         "last): pick one of those, or train with record_params='all'")
    row = recorded[result.parameter_names].loc[rows[0]].to_numpy()
    vector = torch.tensor(row, dtype=torch.float64).to(next(iter(like.values())).dtype)
    return {name: tensor.clone() for name, tensor in unflatten(vector, like).items()}


@dataclass(frozen=True, eq=False)
class NetworkValues:
    """The forward pass of a layered network, unit by unit (float tensors, one row per sample)."""

    d: list[torch.Tensor]  # layer 1..L: what goes into each unit, d = n_prev W^T + b   (N, width)
    n: list[torch.Tensor]  # layer 0..L: what comes out, n = f(d); n[0] is the input x   (N, width)
    y: torch.Tensor  # targets (N, K)
    loss: float  # MSE over all N x K entries

    def mean(self) -> NetworkValues:
        """The batch mean of every value (one row), for a picture of the whole batch."""
        return NetworkValues([t.mean(0, keepdim=True) for t in self.d], [t.mean(0, keepdim=True) for t in self.n],
                             self.y.mean(0, keepdim=True), self.loss)

    def sample(self, index: int) -> NetworkValues:
        """The values of one sample (one row); ``loss`` stays the batch loss."""
        index = check_int_range("sample", index, 0, self.y.shape[0] - 1)
        pick = slice(index, index + 1)
        return NetworkValues([t[pick] for t in self.d], [t[pick] for t in self.n], self.y[pick], self.loss)


def network_values(model: Model, params: Params, data: object) -> NetworkValues:
    """Forward once through a layered network and keep ``d`` and ``n`` of every unit.

    Examples
    --------
    >>> import bp_core
    >>> mlp = bp_core.MLP()
    >>> values = network_values(mlp, mlp.init_params(), bp_core.half_adder())
    >>> [tuple(t.shape) for t in values.d], [tuple(t.shape) for t in values.n]
    ([(4, 3), (4, 2)], [(4, 2), (4, 3), (4, 2)])
    """
    model = check_layered(model)  # forward_values() gives (input, d, n) per layer, as chain_rule_paths reads it
    params = check_params(model, params)
    dtype = next(iter(params.values())).dtype
    data = as_dataset(data, model.in_features, model.out_features).to(dtype)
    check_call_work(model, data.n_samples, "one forward pass keeping every unit's d and n", forwards=1, copies=2,
                    dtype=dtype)
    with torch.no_grad():
        cache = model.forward_values(params, data.x)
        y_hat = cache[-1][2]
        loss = torch.nn.functional.mse_loss(y_hat, data.y).item()
    if not math.isfinite(loss) or not all(bool(torch.isfinite(n).all()) for _, _, n in cache):
        raise ValueError(f"params: the forward pass is not finite in {dtype} at these parameters (a value or the "
                         "loss overflows); pass smaller params")
    return NetworkValues([d for _, d, _ in cache], [data.x, *[n for _, _, n in cache]], data.y, loss)


@dataclass(frozen=True, eq=False)
class ManualStep:
    """One update by hand. Tensors keep the parameters' dtype; one row per sample where there are samples.

    ``forward`` for the line: ``x``, ``y``, ``pred`` (= w x + b), ``error`` (= pred - y). For a network: ``x``,
    ``y``, ``d1``, ``n1``, ..., ``dL``, ``nL`` (``nL`` is the output y_hat).
    ``local`` for the line: ``dL/dpred`` (= 2 (pred - y) / N); ``dpred/dw`` is x and ``dpred/db`` is 1. For a
    network: ``dL/dn{L}`` (the output error 2 (y_hat - y) / (N K)), then per layer l from L down to 1 ``f{l}'``
    (f'(d) of each unit) and ``dL/dd{l}`` (= dL/dn{l} * f{l}'), and ``dL/dn{l-1}`` (= dL/dd{l} W{l}) below it.
    """

    learning_rate: float
    params: Params  # before the step
    forward: dict[str, torch.Tensor]
    loss: float
    local: dict[str, torch.Tensor]
    gradient: Params  # shaped like params
    new_params: Params  # params - learning_rate * gradient, computed as train() does

    @property
    def grad_norm(self) -> float:
        return float(torch.linalg.vector_norm(torch.cat([g.reshape(-1) for g in self.gradient.values()]).double()))


def manual_step(model: Model, params: Params, data: object, learning_rate: float) -> ManualStep:
    """Forward once for the values, backward once for the derivatives, then ``w <- w - lr * g``.

    Examples
    --------
    >>> import bp_core
    >>> step = manual_step(bp_core.Line(), bp_core.Line().init_params(), bp_core.seed_line(), 0.01)
    >>> step.loss, step.gradient["w"].item(), step.gradient["b"].item(), round(step.new_params["w"].item(), 6)
    (41.0, -35.0, -12.0, 0.35)
    """
    model = check_model(model)
    params = check_params(model, params)
    dtype = next(iter(params.values())).dtype
    learning_rate = check_trainable_rate(learning_rate, dtype)
    data = as_dataset(data, model.in_features, model.out_features).to(dtype)
    check_call_work(model, data.n_samples, "one step by hand (its forward and backward, every unit's values kept)",
                    passes=1, copies=3, dtype=dtype)
    x, y = data.x, data.y
    with torch.no_grad():
        theta = model.pack(params).clone()
        loss, grad = model.manual_packed(theta, model.design(x), y)  # the code train(method="manual") runs
        finite_gradients("manual", dtype, model.unpack(grad))
        new_theta = theta - learning_rate * grad  # the update train() makes
        if not bool(torch.isfinite(new_theta).all()):
            raise ValueError(f"learning_rate: the update params - {learning_rate!r} x gradient leaves the range of "
                             f"{dtype}; use a smaller learning rate or float64 params")
        if isinstance(model, LayeredModel):  # every unit's d and n, and the local derivatives layer by layer
            forward, local = _network_values(model, params, x, y)
        else:  # any other model: its prediction and the output error (the line: pred = w x + b)
            pred = model.predict_packed(theta, model.design(x))  # (N, K)
            error = pred - y  # (N, K)
            forward = {"x": x, "y": y, "pred": pred, "error": error}
            local = {"dL/dpred": 2 * error / error.numel()}
    return ManualStep(learning_rate, {k: v.clone() for k, v in params.items()}, forward, loss.item(), local,
                      {k: v.clone() for k, v in model.unpack(grad).items()},
                      {k: v.clone() for k, v in model.unpack(new_theta).items()})


def _network_values(model: LayeredModel, params: Params, x: torch.Tensor, y: torch.Tensor
                    ) -> tuple[dict[str, torch.Tensor], dict[str, torch.Tensor]]:
    """d and n of every layer, then the backward's local derivatives, layer by layer from the output."""
    cache = model.forward_values(params, x)
    y_hat = cache[-1][2]
    forward = {"x": x, "y": y}
    for layer, (_, d, n) in enumerate(cache, start=1):
        forward[f"d{layer}"], forward[f"n{layer}"] = d, n
    top = model.n_layers
    local = {f"dL/dn{top}": 2 * (y_hat - y) / y.numel()}  # the output error   (N, K)
    for layer in range(top, 0, -1):
        _, d, n = cache[layer - 1]
        local[f"f{layer}'"] = model.layer_activation(layer).derivative(d, n)  # f'(d)  (N, width)
        local[f"dL/dd{layer}"] = local[f"dL/dn{layer}"] * local[f"f{layer}'"]  # (N, width)
        if layer > 1:
            local[f"dL/dn{layer - 1}"] = local[f"dL/dd{layer}"] @ params[f"W{layer}"]  # (N, width below)
    return forward, local
