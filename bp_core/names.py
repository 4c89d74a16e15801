"""The scalar-name grammar, its one home: one name per scalar parameter, ``w`` and ``b`` for the line, ``W1[0,1]`` and
``b2[1]`` for a network, formatted and parsed here (models, the history, the walk, the chain-rule paths and the
dashboard all use it).

A one-element tensor whose name has no layer number (the line's ``w`` and ``b``) goes by its bare name; any other
entry is ``name[i,j]`` with its index, in the tensor's flattening order. Names are ASCII: ``W١[٠,١]`` is no name.

>>> scalar_name("W1", (3, 2), (0, 1)), scalar_name("w", (1, 1), (0, 0))
('W1[0,1]', 'w')
>>> parse_scalar_name("W1[0,1]"), parse_scalar_name("b"), parse_scalar_name("W1[0,1]\\n")
(('W1', (0, 1)), ('b', None), None)
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping

import torch

from .limits import ArgumentTypeError, shown

__all__ = ["MAX_SCALAR_NAMES", "check_tensors", "iter_scalar_names", "parse_scalar_name", "scalar_name", "scalar_names",
           "scalar_position"]

_GRAMMAR = re.compile(r"([A-Za-z_][A-Za-z0-9_]*?)(?:\[([0-9]+(?:,[0-9]+)*)\])?")
"""A tensor's name, then its index in brackets, exactly as ``scalar_name`` writes it (no spaces)."""


def bare(name: str, numel: int) -> bool:
    """True when the tensor ``name`` of ``numel`` values goes by its bare name (one value, no layer number)."""
    return numel == 1 and not any(c.isdigit() for c in name)


def scalar_name(name: str, shape: tuple[int, ...], index: tuple[int, ...]) -> str:
    """The name of the entry at ``index`` of the tensor ``name`` shaped ``shape``."""
    numel = 1
    for size in shape:
        numel *= size
    if bare(name, numel):
        return name
    return f"{name}[{','.join(str(int(i)) for i in index)}]"


def parse_scalar_name(text: object) -> tuple[str, tuple[int, ...] | None] | None:
    """``(tensor name, index)`` of a scalar name (index None for a bare name), or None when ``text`` is no name."""
    if not isinstance(text, str):
        return None
    match = _GRAMMAR.fullmatch(text)
    if match is None:
        return None
    index = None if match.group(2) is None else tuple(int(i) for i in match.group(2).split(","))
    return match.group(1), index


def check_tensors(name: str, params: object) -> dict[str, torch.Tensor]:
    """Return ``params`` if it is a non-empty mapping of names to tensors (a layer's tensors at least 1-D)."""
    if not isinstance(params, Mapping) or not params or not all(
            isinstance(k, str) and isinstance(v, torch.Tensor) for k, v in params.items()):
        raise ArgumentTypeError(f"{name} must be a non-empty dict of names to tensors (e.g. bp_core.MLP()"
                                f".init_params()), got {shown(params)}")
    for key, tensor in params.items():
        if tensor.dim() == 0 and any(c.isdigit() for c in key):
            raise ValueError(f"{name}[{key!r}] must have at least one dimension (a layer's weights or biases), got "
                             "a 0-d tensor")
    return dict(params)


MAX_SCALAR_NAMES = 2_000_000
"""Most names ``scalar_names`` lists (about 0.2 GB of strings, a second or two here): a model with more parameters
is named one scalar at a time (``scalar_position``), never listed whole."""


def iter_scalar_names(params: Mapping[str, torch.Tensor]) -> Iterator[str]:
    """The names of ``scalar_names``, one at a time (the first few of a huge model cost nothing)."""
    for name, tensor in check_tensors("params", params).items():
        if bare(name, tensor.numel()):
            yield name
        else:  # itertools.product runs the last index fastest: the tensor's flattening order (none for 0 entries)
            for index in itertools.product(*(range(n) for n in tensor.shape)):
                yield f"{name}[{','.join(map(str, index))}]"


def scalar_names(params: Mapping[str, torch.Tensor]) -> list[str]:
    """One name per scalar parameter, in flattening order: ``w``, ``b`` for the line, ``W1[0,1]``, ``b2[1]``; at
    most MAX_SCALAR_NAMES (more is refused, naming ``params``).

    >>> scalar_names({"W1": torch.zeros(2, 2), "b1": torch.zeros(2)})
    ['W1[0,0]', 'W1[0,1]', 'W1[1,0]', 'W1[1,1]', 'b1[0]', 'b1[1]']
    """
    count = sum(tensor.numel() for tensor in check_tensors("params", params).values())
    if count > MAX_SCALAR_NAMES:
        raise ValueError(f"params: {count:,} scalar parameters, more than MAX_SCALAR_NAMES = {MAX_SCALAR_NAMES:,} "
                         "names can list; name one at a time with scalar_position")
    return list(iter_scalar_names(params))


def scalar_position(params: Mapping[str, torch.Tensor], text: object) -> int | None:
    """Where the scalar named ``text`` sits in the parameters' flattening order (``scalar_names(params).index(text)``
    without listing any name), or None when ``text`` names none of them.

    >>> params = {"W1": torch.zeros(3, 2), "b1": torch.zeros(3)}
    >>> scalar_position(params, "W1[1,0]"), scalar_position(params, "b1[2]"), scalar_position(params, "W1[3,0]")
    (2, 8, None)
    """
    parsed = parse_scalar_name(text)
    if parsed is None:
        return None
    wanted, index = parsed
    offset = 0
    for name, tensor in check_tensors("params", params).items():
        if name == wanted:
            if bare(name, tensor.numel()):
                return offset if index is None else None
            if index is None or len(index) != tensor.dim() or any(i >= n for i, n in zip(index, tensor.shape)):
                return None
            position = 0
            for i, n in zip(index, tensor.shape):
                position = position * n + i
            return offset + position
        offset += tensor.numel()
    return None
