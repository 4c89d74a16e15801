"""The written contract of a bp_core model, the registry of model kinds, and the check at the public door.

Code outside the models asks a model through this contract (``spec``, ``backward_keeps``, ``layered``,
``manual_source``) instead of testing its type, so bp_core's functions serve a new model with no edit. The dashboard
offers a model once it is a row of ``bp_core.PRESETS``: the row states what the dashboard needs to know about it.
"""

from __future__ import annotations

import abc
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import torch

from .limits import FLOAT_DTYPES, ArgumentTypeError, shown

__all__ = ["check_layered", "check_model", "check_params", "Layer", "LayeredModel", "Model", "model_from_spec"]

Params = dict[str, torch.Tensor]


@dataclass(frozen=True)
class Layer:
    """One layer as the backward walk reads it: d = n_before W^T + b, n = f(d)."""

    weight: str  # the params key of its weight, read as (units, units before)
    bias: str  # the params key of its bias, read as (units,)
    activation: str  # a key of bp_core.activations.ACTIVATIONS


class Model(abc.ABC):
    """The contract of a bp_core model: shapes, initial parameters, packing, forward, hand-derived backward.

    ``theta`` is all parameters packed into one tensor; ``x1 = design(x)`` is the input as the forward pass reads
    it. A new model subclasses this, sets ``kind`` (its name in ``spec``) and implements every abstract method; then
    training, comparison, gradients, measurement and the teaching functions serve it with no edit
    (``tests/test_contract.py`` runs every preset's model, and a model defined only there, through the contract). To
    offer it in the dashboard, add a row to ``bp_core.PRESETS`` (bp_core/presets.py).
    """

    kind: ClassVar[str]  # the name in spec() and in the registry
    layered: ClassVar[bool] = False  # True when chain_rule_paths can follow it unit by unit (sizes, layers)
    quadratic_loss: ClassVar[bool] = False  # True when the MSE is quadratic in the parameters (a linear model): its
    # Hessian is the same everywhere, so the stability bound 2/λmax holds at every point, not only near the start
    registry: ClassVar[dict[str, type[Model]]] = {}
    in_features: int
    out_features: int

    def layers(self) -> tuple[Layer, ...]:
        """The model as a stack of layers from the input up (bp_core.teaching.backward_walk follows it unit by unit).
        A model that is not such a stack keeps this default, which raises ValueError naming the model."""
        raise ValueError(f"model {type(self).__name__} is not a stack of layers the backward walk can follow")

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "kind" in cls.__dict__:  # a concrete model (an abstract contract such as LayeredModel sets none)
            Model.registry[cls.kind] = cls

    @abc.abstractmethod
    def init_params(self, dtype: torch.dtype = torch.float32) -> Params:
        """The starting parameters, by name."""

    @abc.abstractmethod
    def pack(self, params: Params) -> torch.Tensor:
        """All parameters in one tensor ``theta``."""

    @abc.abstractmethod
    def unpack(self, theta: torch.Tensor) -> Params:
        """Views into ``theta``, by name (the inverse of ``pack``)."""

    @abc.abstractmethod
    def design(self, x: torch.Tensor) -> torch.Tensor:
        """The input as the forward pass reads it (``x1``)."""

    @abc.abstractmethod
    def predict_packed(self, theta: torch.Tensor, x1: torch.Tensor) -> torch.Tensor:
        """The forward pass, (N, out_features); autograd can flow back through it."""

    @abc.abstractmethod
    def manual_packed(self, theta: torch.Tensor, x1: torch.Tensor,
                      y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Forward once for the values, then backward by hand: (MSE loss, gradient shaped like ``theta``)."""

    def tuned_manual_packed(self, theta: torch.Tensor, x1: torch.Tensor,
                            y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """What ``train`` runs for ``manual_packed``: the same numbers bit for bit, in fewer passes where the model
        knows how (tests/test_tuned.py holds them equal). By default ``manual_packed`` itself."""
        return self.manual_packed(theta, x1, y)

    @abc.abstractmethod
    def backward_keeps(self, theta: torch.Tensor, x1: torch.Tensor, y: torch.Tensor) -> list[torch.Tensor]:
        """The tensors the hand-derived backward reads, as ``manual_packed`` keeps them (for tensor bytes)."""

    @abc.abstractmethod
    def spec(self) -> dict[str, Any]:
        """A JSON-ready description; ``model_from_spec(model.spec())`` builds an equal model."""

    @classmethod
    @abc.abstractmethod
    def from_spec(cls, spec: dict[str, Any]) -> Model:
        """The model ``spec`` describes (``spec["kind"] == cls.kind``)."""

    @abc.abstractmethod
    def manual_source(self) -> list[Callable[..., Any]]:
        """The functions that compute the hand-derived update, in reading order (shown to learners)."""

    def saved_values(self, n_samples: int, method: str) -> int:
        """How many values the backward keeps for ``method`` ("manual" or "autograd") over ``n_samples`` rows, from
        the shapes alone (bp_core.budget.analytic_tensor_bytes and the memory budget read it). A model that knows
        overrides it (the line, a layered network); by default an estimate: the input, the prediction and the target
        per row, and for autograd the parameters once more."""
        per_row = self.in_features + 2 * self.out_features
        extra = 0 if method == "manual" else sum(math.prod(s) for s in self.parameter_shapes().values())
        return n_samples * per_row + extra

    def design_values(self, n_samples: int) -> int:
        """Values the design matrix ``design(x)`` adds to the data over ``n_samples`` rows (the line's [x, 1]: 2 a
        row); 0 by default (the input as it is)."""
        return 0

    def parameter_shapes(self) -> dict[str, tuple[int, ...]]:
        """The shape of each parameter tensor, by name (models with many parameters override this to allocate
        nothing)."""
        return {name: tuple(t.shape) for name, t in self.init_params().items()}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Model) and self.spec() == other.spec()

    def __hash__(self) -> int:
        return hash(repr(sorted(self.spec().items())))


class LayeredModel(Model):
    """The contract of a model that is a stack of layers, d = n_before W^T + b and n = f(d), which the teaching tools
    follow unit by unit (the chain rule path by path, one step by hand, the network's values): what ``layered`` used
    to imply, declared. Its parameters are ``W1``, ``b1``, ... ``WL``, ``bL``; layer 1 reads the input."""

    layered: ClassVar[bool] = True
    sizes: tuple[int, ...]  # widths from the input to the output: (2, 3, 2) for the lecture's network
    n_layers: int  # len(sizes) - 1

    @abc.abstractmethod
    def layer_activation(self, layer: int) -> Any:
        """The activation (bp_core.activations.Activation) of ``layer``, 1 .. n_layers."""

    @abc.abstractmethod
    def forward_values(self, params: Params, x: torch.Tensor) -> list[tuple[torch.Tensor, torch.Tensor, torch.Tensor]]:
        """Every value of the forward pass, for showing: per layer (n_in, d, n_out)."""

    def saved_values(self, n_samples: int, method: str) -> int:
        """What the chain rule reads (manual): the input and each layer's n = f(d), never d. What autograd's graph
        saves: the input, every layer's output, y, and the weights (the packed parameters once) when a layer's input
        needs a gradient, i.e. from layer 2 on."""
        layers = self.sizes[1:]
        if method == "manual":
            return n_samples * (self.sizes[0] + sum(layers))
        weights = sum(math.prod(s) for s in self.parameter_shapes().values()) if len(layers) >= 2 else 0
        return n_samples * (self.sizes[0] + sum(layers) + self.sizes[-1]) + weights


def check_layered(model: object, name: str = "model") -> LayeredModel:
    """``model`` when it keeps the layered contract (``LayeredModel``); else ValueError naming ``name``."""
    checked = check_model(model, name)
    if not isinstance(checked, LayeredModel):
        raise ValueError(f"{name} must be a layered network such as bp_core.MLP(), got {checked!r}")
    return checked


def model_from_spec(spec: dict[str, Any]) -> Model:
    """Rebuild a model from ``Model.spec()``; raises ValueError for an unknown kind or missing or unexpected keys."""
    if not isinstance(spec, dict):
        raise ArgumentTypeError(f"spec must be a dict such as Model.spec() returns, got {type(spec).__name__}")
    kind = spec.get("kind")
    if not isinstance(kind, str) or kind not in Model.registry:
        raise ValueError(f"spec['kind'] must be one of {sorted(Model.registry)}, got {kind!r}")
    try:
        model = Model.registry[kind].from_spec(spec)
    except KeyError as error:
        raise ValueError(f"spec for {kind!r} lacks the key {error}: pass what Model.spec() returns") from None
    if set(model.spec()) != set(spec):
        raise ValueError(f"spec for {kind!r} must have exactly the keys {sorted(model.spec())}, got "
                         f"{sorted(map(str, spec))}")
    return model


def check_model(model: object, name: str = "model") -> Model:
    """Return ``model`` if it is an instance of a bp_core model; ArgumentTypeError (a TypeError) otherwise."""
    if not isinstance(model, Model):
        kinds = ", ".join(f"bp_core.{cls.__name__}()" for cls in Model.registry.values())
        hint = f" (the class itself; call it: {model.__name__}())" if isinstance(model, type) else ""
        raise ArgumentTypeError(f"{name} must be a bp_core model instance ({kinds}), got {shown(model)}{hint}")
    return model


def check_params(model: Model, params: object, name: str = "params") -> dict[str, torch.Tensor]:
    """Return ``params`` as a dict in the model's order if it maps the model's names to float32 or float64 tensors
    (one dtype) of the right shapes, all finite. Tensors that require grad are detached: the caller's graph is
    never extended."""
    reference = model.parameter_shapes()  # shapes only: nothing is allocated before the arguments are known good
    example = f"as model.init_params() gives them for {model!r}"
    if not isinstance(params, Mapping):
        raise ArgumentTypeError(f"{name} must be a dict of tensors with keys {sorted(reference)} ({example}), "
                                f"got {shown(params)}")
    if set(params) != set(reference):
        missing = sorted(set(reference) - set(params))
        extra = sorted(map(repr, set(params) - set(reference)))
        raise ValueError(f"{name} must have exactly the keys {sorted(reference)} ({example}); missing {missing}, "
                         f"unexpected [{', '.join(extra)}]")
    checked = {}
    for key, shape in ((k, tuple(v)) for k, v in reference.items()):
        tensor = params[key]
        if not isinstance(tensor, torch.Tensor):
            raise ArgumentTypeError(f"{name}[{key!r}] must be a torch.Tensor of shape {shape}, float32 or float64 "
                                    f"({example}), got {shown(tensor)}")
        if tensor.dtype not in FLOAT_DTYPES or tensor.is_quantized or tensor.device.type not in ("cpu", "cuda"):
            raise ArgumentTypeError(f"{name}[{key!r}] must be float32 or float64 on the CPU or a GPU, got "
                                    f"{tensor.dtype} on {tensor.device.type}")
        if tuple(tensor.shape) != shape:
            raise ValueError(f"{name}[{key!r}] must have shape {shape}, got {tuple(tensor.shape)}")
        tensor = tensor.detach()
        if not torch.isfinite(tensor).all():
            raise ValueError(f"{name}[{key!r}] must be finite (no NaN or inf)")
        checked[key] = tensor
    if len({t.dtype for t in checked.values()}) != 1:
        raise ArgumentTypeError(f"{name} must all be float32 or all float64 tensors, got "
                                f"{ {k: str(v.dtype) for k, v in checked.items()} }")
    return checked
