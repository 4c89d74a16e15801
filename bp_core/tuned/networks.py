"""The hand-derived forward and backward of a layered network (``bp_core.MLP``), tuned: what ``train`` runs for
``MLP.manual_packed``, held to it bit for bit by tests/test_tuned.py.

Each line does the arithmetic of ``MLP.forward`` and ``MLP.backward`` in the same order, so every number is the same;
what differs is where results go and how many passes over the (N, width) tensors it takes:
- ``d = n_in W^T + b`` is the matrix product, then ``b`` added in place: the product is a temporary no one else reads;
- ``n = f(d)`` is applied in place on ``d`` (``sigmoid_``): the backward reads only n, so d need not survive;
- dL/dd = dL/dn (1 - n) n is computed by ``torch.ops.aten.sigmoid_backward``, which evaluates exactly
  ``grad * (1 - n) * n`` per element in one pass (the plain code takes three), written over n itself: n has been read
  for the last time (the layer above already used it as its input). ReLU likewise (``threshold_backward``: dL/dn
  where n > 0, else 0). tanh keeps the plain arithmetic: its fused kernel rounds 1 - n^2 differently here.
"""

from __future__ import annotations

from collections.abc import Callable

import torch

from ..activations import ACTIVATIONS
from ..contract import Model

__all__ = ["layered_manual"]

_aten = torch.ops.aten


def _sigmoid_backward(grad_n: torch.Tensor, n: torch.Tensor) -> torch.Tensor:
    return _aten.sigmoid_backward.grad_input(grad_n, n, grad_input=n)  # grad_n (1 - n) n, into n


def _relu_backward(grad_n: torch.Tensor, n: torch.Tensor) -> torch.Tensor:
    return _aten.threshold_backward.grad_input(grad_n, n, 0, grad_input=n)  # grad_n where n > 0, else 0, into n


_IN_PLACE: dict[str, tuple[Callable[[torch.Tensor], torch.Tensor], Callable[[torch.Tensor, torch.Tensor],
                                                                              torch.Tensor]]] = {
    "sigmoid": (torch.Tensor.sigmoid_, _sigmoid_backward),
    "relu": (torch.Tensor.relu_, _relu_backward),
    "tanh": (torch.Tensor.tanh_, ACTIVATIONS["tanh"].backward),
    "identity": (lambda d: d, ACTIVATIONS["identity"].backward),
}
"""Per activation: n = f(d) in place on d, and dL/dd from (dL/dn, n), each the plain arithmetic bit for bit."""


def layered_manual(model: Model, theta: torch.Tensor, x: torch.Tensor,
                   y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """``model.manual_packed(theta, x, y)`` for a layered model, with fewer passes and allocations (same bits)."""
    params = model.unpack(theta)
    layers = model.layers()
    kept = [x]  # x, then each layer's n = f(d)
    n = x
    for layer in layers:
        forward_in_place, _ = _IN_PLACE[layer.activation]
        d = torch.mm(n, params[layer.weight].T).add_(params[layer.bias])  # d = n_in W^T + b
        n = forward_in_place(d)  # n = f(d), over d
        kept.append(n)
    n_samples, k = y.shape
    error = n - y  # y_hat - y
    loss = (error ** 2).mean()
    grad_n = error.mul_(2).div_(n_samples * k)  # 2 (y_hat - y) / (N K), over the error: the same two roundings
    grads: dict[str, torch.Tensor] = {}
    for position in range(len(layers), 0, -1):
        layer = layers[position - 1]
        _, backward = _IN_PLACE[layer.activation]
        n_in, n_out = kept[position - 1], kept[position]
        grad_d = backward(grad_n, n_out)
        grads[layer.weight] = (n_in.T @ grad_d).T
        grads[layer.bias] = grad_d.sum(0)
        if position > 1:
            grad_n = grad_d @ params[layer.weight]
    return loss, torch.cat([grads[name].reshape(-1) for name in params])
