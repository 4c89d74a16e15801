"""The lecture's two models, each with a forward pass and a backward pass derived by hand with the chain rule.

Both keep the written contract ``bp_core.contract.Model``: code elsewhere asks the model (its ``spec``, what its
backward keeps, whether it is layered) instead of testing its type. No autograd call appears on the manual path:
``manual_packed`` computes the loss and every gradient from the values its forward pass keeps. ``predict_packed`` is
the same forward without a cache, for autograd. Both work on one packed parameter tensor ``theta``
(``pack``/``unpack`` convert from and to named parameters).
"""

from __future__ import annotations

import numbers
from collections.abc import Callable
from typing import Any

import torch

from .activations import ACTIVATIONS, HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS, Activation
from .contract import Layer, LayeredModel, Model, Params, check_params
from .limits import MAX_SEED, ArgumentTypeError, check_choice, check_float_dtype, check_int_range, shown
from .names import check_tensors, scalar_names
from .tuned.networks import layered_manual

__all__ = ["MAX_WIDTH", "MLP", "flatten", "Line", "scalar_names", "unflatten"]

MAX_WIDTH = 2**31 - 1
"""Largest layer width a network may declare (a torch dimension); what actually trains is bounded by memory."""


def flatten(params: Params) -> torch.Tensor:
    """All parameters as one vector (P,), in ``scalar_names`` order."""
    return _flatten(check_tensors("params", params))


def unflatten(vector: torch.Tensor, like: Params) -> Params:
    """Split a vector (P,) into views shaped like the tensors of ``like``."""
    like = check_tensors("like", like)
    size = sum(t.numel() for t in like.values())
    if not isinstance(vector, torch.Tensor) or vector.dim() != 1:
        raise ArgumentTypeError(f"vector must be a 1-D tensor of {size} values, got {shown(vector)}")
    if vector.numel() != size:
        raise ValueError(f"vector must hold {size} values (as many as like's tensors), got {vector.numel()}")
    return _unflatten(vector, like)


def _flatten(params: Params) -> torch.Tensor:
    return torch.cat([p.reshape(-1) for p in params.values()])


def _unflatten(vector: torch.Tensor, like: Params) -> Params:
    out: Params = {}
    start = 0
    for name, tensor in like.items():
        out[name] = vector[start:start + tensor.numel()].reshape(tensor.shape)
        start += tensor.numel()
    return out


class Line(Model):
    """y_hat = x w + b with ``w`` (1, 1) and ``b`` (1, 1), both starting at zero as in the lecture.

    Internally the two parameters are the rows of one column theta = [w; b] (2, 1), and the forward pass is
    [x, 1] @ theta, which is x w + 1 b: one matrix product instead of a product and a sum. Its hand-derived
    gradient 2 [x, 1]^T (pred - y) / N has the lecture's dw = 2 x^T (pred - y) / N in its first row and
    db = 2 sum(pred - y) / N in its second.

    Examples
    --------
    >>> import bp_core
    >>> bp_core.Line().init_params()["w"].tolist()
    [[0.0]]
    """

    kind = "line"
    quadratic_loss = True  # pred is linear in (w, b): H = 2/N [x,1]ᵀ[x,1] everywhere
    in_features = 1
    out_features = 1

    def init_params(self, dtype: torch.dtype = torch.float32) -> Params:
        dtype = check_float_dtype("dtype", dtype)
        return {"w": torch.zeros(1, 1, dtype=dtype), "b": torch.zeros(1, 1, dtype=dtype)}

    def layers(self) -> tuple[Layer, ...]:
        """One unit, the prediction: d = x w + b, n = d (no activation)."""
        return (Layer("w", "b", "identity"),)

    def as_network(self, params: Params | None = None) -> tuple[MLP, Params]:
        """The line as what it is, a network of one unit: ``MLP((1, 1))`` with the identity as its activation,
        ``W1 = w`` and ``b1 = b`` (fresh tensors; ``params`` None: the line's starting ones). It gives the same
        predictions, loss and gradients, so the chain rule on it is the line's: one path per sample,
        error × f′(d) × x with f′ = 1 (``W1[0,0]`` is w, ``b1[0]`` is b).

        >>> network, params = Line().as_network({"w": torch.tensor([[2.0]]), "b": torch.tensor([[1.0]])})
        >>> network.sizes, params["W1"].tolist(), params["b1"].tolist()
        ((1, 1), [[2.0]], [1.0])
        """
        params = check_params(self, self.init_params() if params is None else params)
        network = MLP((1, 1), output_activation="identity")
        return network, {"W1": params["w"].reshape(1, 1).clone(), "b1": params["b"].reshape(1).clone()}

    def pack(self, params: Params) -> torch.Tensor:
        """theta = [w; b], shape (2, 1)."""
        return torch.cat([params["w"].reshape(1, 1), params["b"].reshape(1, 1)])

    def unpack(self, theta: torch.Tensor) -> Params:
        return {"w": theta[0:1], "b": theta[1:2]}  # views, (1, 1) each

    def design(self, x: torch.Tensor) -> torch.Tensor:
        """[x, 1], shape (N, 2): the column of ones carries the bias."""
        return torch.cat([x, torch.ones_like(x)], dim=1)

    def predict_packed(self, theta: torch.Tensor, x1: torch.Tensor) -> torch.Tensor:
        return torch.mm(x1, theta)  # (N, 1) = (N, 2) @ (2, 1), i.e. x w + b

    def manual_packed(self, theta: torch.Tensor, x1: torch.Tensor,
                      y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Forward once for the values, then backward for the derivatives (the lecture's formulas, stacked)."""
        n = x1.shape[0]
        error = x1 @ theta - y  # pred - y, with pred = x w + b                  (N, 1)
        loss = (error * error).mean()  # L = (1/N) sum (pred - y)^2
        # [dw; db] = 2 [x, 1]^T (pred - y) / N: the rows are dw = 2 x^T (pred - y) / N and db = 2 sum(pred - y) / N
        grad = 2 * (x1.T @ error) / n  # (2, 1) = (2, N) @ (N, 1); the 2 and the 1/N scale two numbers, not N
        return loss, grad

    def saved_values(self, n_samples: int, method: str) -> int:
        """The manual backward keeps [x, 1] and pred - y (3 values a row); autograd's graph [x, 1], pred and y."""
        return (3 if method == "manual" else 4) * n_samples

    def design_values(self, n_samples: int) -> int:
        return 2 * n_samples  # [x, 1]

    def backward_keeps(self, theta: torch.Tensor, x1: torch.Tensor, y: torch.Tensor) -> list[torch.Tensor]:
        return [x1, x1 @ theta - y]  # [x, 1] and pred - y

    def spec(self) -> dict[str, Any]:
        return {"kind": self.kind}

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> Line:
        return cls()

    def manual_source(self) -> list[Callable[..., Any]]:
        return [type(self).manual_packed]

    def __repr__(self) -> str:
        return "Line()"


class MLP(LayeredModel):
    """A fully connected network, by default the lecture's 2-3-2 with sigmoid hidden and output units (17 parameters).

    ``sizes`` lists the layer widths from input to output; layer ``l`` holds ``W{l}`` (out, in) and ``b{l}`` (out,),
    initialised as ``torch.nn.Linear`` does (uniform in +-1/sqrt(in)) from a generator seeded with ``seed``.

    Examples
    --------
    >>> import bp_core
    >>> sum(p.numel() for p in bp_core.MLP().init_params().values())
    17
    """

    kind = "mlp"
    layered = True

    def __init__(self, sizes: tuple[int, ...] | list[int] = (2, 3, 2), activation: str = "sigmoid",
                 output_activation: str = "sigmoid", seed: int = 0):
        # no bound on a width from the page: train() refuses a network whose working set exceeds the memory budget
        allowed = f"sizes must be a tuple of 2 to 6 layer widths, integers in [1, {MAX_WIDTH:,}]"
        if not isinstance(sizes, (tuple, list)):
            raise ArgumentTypeError(f"{allowed}, got {shown(sizes)}")
        if not 2 <= len(sizes) <= 6:
            raise ValueError(f"{allowed}, got {len(sizes)} widths")
        for width in sizes:
            if isinstance(width, bool) or not isinstance(width, numbers.Integral):
                raise ArgumentTypeError(f"{allowed}, got {shown(width)} among them")
            if not 1 <= width <= MAX_WIDTH:
                raise ValueError(f"{allowed}, got {shown(width)} among them")
        self.sizes = tuple(int(width) for width in sizes)
        self.activation = check_choice("activation", activation, HIDDEN_ACTIVATIONS)
        self.output_activation = check_choice("output_activation", output_activation, OUTPUT_ACTIVATIONS)
        self.seed = check_int_range("seed", seed, 0, MAX_SEED)
        self.in_features, self.out_features = self.sizes[0], self.sizes[-1]
        self.n_layers = len(self.sizes) - 1
        self._shapes: dict[str, torch.Tensor] = {}
        for layer in range(1, self.n_layers + 1):
            # meta tensors: shapes only, no memory, whatever the widths
            self._shapes[f"W{layer}"] = torch.empty(self.sizes[layer], self.sizes[layer - 1], device="meta")
            self._shapes[f"b{layer}"] = torch.empty(self.sizes[layer], device="meta")

    def layers(self) -> tuple[Layer, ...]:
        """Layer l: d = n W{l}^T + b{l}, n = f(d), from the first hidden layer to the outputs."""
        return tuple(Layer(f"W{layer}", f"b{layer}", self.layer_activation(layer).name)
                     for layer in range(1, self.n_layers + 1))

    def layer_activation(self, layer: int) -> Activation:
        """Layer ``layer``'s activation (1-based): ``activation`` for hidden layers, ``output_activation`` last."""
        return ACTIVATIONS[self.output_activation if layer == self.n_layers else self.activation]

    def init_params(self, dtype: torch.dtype = torch.float32) -> Params:
        dtype = check_float_dtype("dtype", dtype)
        generator = torch.Generator().manual_seed(self.seed)
        params = {}
        for layer in range(1, self.n_layers + 1):
            fan_in, fan_out = self.sizes[layer - 1], self.sizes[layer]
            bound = fan_in ** -0.5
            params[f"W{layer}"] = (torch.rand(fan_out, fan_in, generator=generator) * 2 - 1) * bound
            params[f"b{layer}"] = (torch.rand(fan_out, generator=generator) * 2 - 1) * bound
        return {name: p.to(dtype) for name, p in params.items()}

    def parameter_shapes(self) -> dict[str, tuple[int, ...]]:
        return {name: tuple(t.shape) for name, t in self._shapes.items()}

    def pack(self, params: Params) -> torch.Tensor:
        return _flatten(params)  # (P,)

    def unpack(self, theta: torch.Tensor) -> Params:
        return _unflatten(theta, self._shapes)  # views into theta

    def design(self, x: torch.Tensor) -> torch.Tensor:
        return x

    def predict_packed(self, theta: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        return self.predict(self.unpack(theta), x)

    def manual_packed(self, theta: torch.Tensor, x1: torch.Tensor,
                      y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        loss, grads = self.manual_loss_and_grads(self.unpack(theta), x1, y)
        return loss, _flatten(grads)

    def tuned_manual_packed(self, theta: torch.Tensor, x1: torch.Tensor,
                            y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """``manual_packed`` in fewer passes, bit for bit (bp_core/tuned/networks.py says how)."""
        return layered_manual(self, theta, x1, y)

    def backward_keeps(self, theta: torch.Tensor, x1: torch.Tensor, y: torch.Tensor) -> list[torch.Tensor]:
        _, cache = self.forward(self.unpack(theta), x1)
        return [cache[0][0]] + [n_out for _, n_out in cache]  # x, then each layer's n = f(d); no d

    def spec(self) -> dict[str, Any]:
        return {"kind": self.kind, "sizes": list(self.sizes), "activation": self.activation,
                "output_activation": self.output_activation, "seed": self.seed}

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> MLP:
        sizes = spec["sizes"]
        return cls(tuple(sizes) if isinstance(sizes, list) else sizes, spec["activation"], spec["output_activation"],
                   spec["seed"])

    def manual_source(self) -> list[Callable[..., Any]]:
        return [type(self).manual_packed, type(self).forward, type(self).backward]

    def predict(self, params: Params, x: torch.Tensor) -> torch.Tensor:
        n = x  # the input layer's n is x  (N, sizes[0])
        for layer in range(1, self.n_layers + 1):
            n = self.layer_activation(layer).forward(n @ params[f"W{layer}"].T + params[f"b{layer}"])  # n = f(d)
        return n

    def forward(self, params: Params, x: torch.Tensor) -> tuple[torch.Tensor, list[tuple[torch.Tensor, torch.Tensor]]]:
        """The forward pass, keeping per layer (n_in, n_out) for the backward pass: ``n_in`` what comes in from the
        layer below (x for the first layer), ``n_out = f(d)`` what comes out. The weighted sum ``d`` is not kept: the
        backward needs only n (``Activation.backward``); ``forward_values`` keeps it, for showing."""
        cache = []
        n = x  # the input layer's n is x                       (N, sizes[0])
        for layer in range(1, self.n_layers + 1):
            d = n @ params[f"W{layer}"].T + params[f"b{layer}"]  # d = n_in W^T + b  (N, sizes[layer])
            n_out = self.layer_activation(layer).forward(d)  # n_out = f(d)         (N, sizes[layer])
            cache.append((n, n_out))
            n = n_out
        return n, cache

    def forward_values(self, params: Params, x: torch.Tensor) -> list[tuple[torch.Tensor, torch.Tensor, torch.Tensor]]:
        """Every value of the forward pass, for showing: per layer (n_in, d, n_out). ``forward`` keeps no d, so each
        layer's d is formed again from what it kept, by the same operations (the same numbers)."""
        _, cache = self.forward(params, x)
        return [(n_in, n_in @ params[f"W{layer}"].T + params[f"b{layer}"], n_out)
                for layer, (n_in, n_out) in enumerate(cache, start=1)]

    def backward(self, params: Params, cache: list[tuple[torch.Tensor, torch.Tensor]],
                 y_hat: torch.Tensor, y: torch.Tensor) -> Params:
        """The chain rule, layer by layer from the output: error x f' x weight x f' x ... x input n."""
        n_samples, k = y.shape
        grads = {}
        grad_n = 2 * (y_hat - y) / (n_samples * k)  # dL/dn of the output (dL/dy_hat): the output error  (N, K)
        for layer in range(self.n_layers, 0, -1):
            n_in, n_out = cache[layer - 1]
            grad_d = self.layer_activation(layer).backward(grad_n, n_out)  # dL/dd = dL/dn * f'(d)  (N, out)
            # dd/dW = n_in: dL/dW = grad_d^T n_in, summed over the samples; computed as (n_in^T grad_d)^T, the same
            # sums, because torch's matrix product is much faster with the samples as the inner dimension this way
            grads[f"W{layer}"] = (n_in.T @ grad_d).T  # (out, in)
            grads[f"b{layer}"] = grad_d.sum(0)  # dd/db = 1                                   (out,)
            if layer > 1:  # the input x needs no gradient: the chain stops at the first layer
                grad_n = grad_d @ params[f"W{layer}"]  # dd/dn_in = W: dL/dn of the layer below   (N, in)
        return {name: grads[name] for name in params}

    def manual_loss_and_grads(self, params: Params, x: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, Params]:
        """Forward once for the values, then backward for the derivatives."""
        y_hat, cache = self.forward(params, x)
        loss = ((y_hat - y) ** 2).mean()  # MSE over all N x K entries, as torch.nn.MSELoss()
        return loss, self.backward(params, cache, y_hat, y)

    def __repr__(self) -> str:
        return (f"MLP(sizes={self.sizes}, activation={self.activation!r}, "
                f"output_activation={self.output_activation!r}, seed={self.seed})")


def manual_loss_and_grads(model: Model, params: Params, x: torch.Tensor, y: torch.Tensor
                          ) -> tuple[torch.Tensor, Params]:
    """The model's hand-derived loss and gradients, for parameters given by name."""
    theta = model.pack(params)
    loss, grad = model.manual_packed(theta, model.design(x), y)
    return loss, {name: g.clone() for name, g in model.unpack(grad).items()}


def predict(model: Model, params: Params, x: torch.Tensor) -> torch.Tensor:
    """The model's prediction for parameters given by name (autograd flows back to them)."""
    return model.predict_packed(model.pack(params), model.design(x))
