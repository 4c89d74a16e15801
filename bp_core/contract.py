"""The written contract of a bp_core model, the registry of model kinds, and the check at the public door.

Code outside the models asks a model through this contract (``spec``, ``backward_keeps``, ``layered``,
``manual_source``) instead of testing its type, so bp_core's functions serve a new model with no edit. The dashboard
offers a model once it is a row of ``bp_core.PRESETS``: the row states what the dashboard needs to know about it.
"""

from __future__ import annotations

import abc
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

import torch

from .limits import ArgumentTypeError, shown

__all__ = ["check_model", "Layer", "Model", "model_from_spec"]

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

    def parameter_shapes(self) -> dict[str, tuple[int, ...]]:
        """The shape of each parameter tensor, by name (models with many parameters override this to allocate
        nothing)."""
        return {name: tuple(t.shape) for name, t in self.init_params().items()}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Model) and self.spec() == other.spec()

    def __hash__(self) -> int:
        return hash(repr(sorted(self.spec().items())))


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
