"""Derive it yourself: a gradient formula a learner writes in the lecture's PyTorch notation, evaluated safely on the
current numbers and compared with autograd's gradient, as nn-zero-to-hero's ``cmp()`` does (exact, approximate, or
wrong with the largest difference); and the lecture's bp.py trained with the learner's own formulas.

The text is never given to ``eval`` or ``exec``. ``parse_formula`` reads it with ``ast`` and accepts only numbers,
the names it is given, ``+ - * / ** @``, unary minus and plus, parentheses, one element by whole numbers
(``n2[3, 0]``), the attribute ``.T`` and a short list of
tensor methods and functions with checked arguments (``METHODS``, ``FUNCTIONS``, each also as ``torch.<name>``).
Anything else is refused with a ``FormulaError`` (a ValueError) whose ``reason`` names what was refused. Bounded: the
text's length, the number of nodes and their nesting, every exponent, every result's size (never more elements than
``element_limit`` of the names given) and the time of one evaluation.
"""

from __future__ import annotations

import ast
import math
import operator
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import torch

from ..activations import ACTIVATIONS
from ..contract import LayeredModel, check_layered, check_params
from ..cost import check_training_size
from ..data import Dataset, as_dataset, seed_line
from ..limits import ArgumentTypeError, check_int_range, check_learning_rate, clipped, shown
from ..models import Line
from .paths import chain_rule_paths

__all__ = ["compare_gradient", "DeriveProblem", "evaluate_formula", "Formula", "FormulaCheck", "FormulaError",
           "FUNCTIONS", "line_problem", "line_with_formulas", "LineWithFormulas", "MAX_TEXT", "METHODS",
           "network_problem", "network_targets", "network_with_formulas", "NetworkWithFormulas", "parse_formula",
           "path_problem"]

MAX_TEXT = 600
"""Characters a formula may have (the lecture's dw has 40; a path sum on the 2-3-2 network by hand about 170)."""
MAX_NODES = 400
"""Syntax-tree nodes a formula may have."""
MAX_DEPTH = 20
"""How deeply a formula may nest."""
MAX_EXPONENT = 8
"""The largest exponent ``**`` or ``pow`` accepts (the lecture squares)."""
MAX_NUMBER = 1e12
"""The largest magnitude a plain number may reach."""
MAX_SECONDS = 1.0
"""The CPU time one evaluation may take (the bounds above keep every allowed formula far below it)."""
METHODS = ("t", "T", "mm", "matmul", "sum", "mean", "size", "sigmoid", "tanh", "relu", "exp", "pow", "reshape",
           "unsqueeze")
"""The tensor methods a formula may call (``T`` is read as an attribute, ``x.T``)."""
FUNCTIONS = ("mm", "matmul", "sum", "mean", "sigmoid", "tanh", "relu", "exp", "pow")
"""The functions a formula may call as ``torch.<name>(...)`` or bare ``<name>(...)``."""


class FormulaError(ValueError):
    """A formula refused: ``reason`` is a short key ("syntax", "not_allowed", "unknown_name", "shape", ...), and
    ``detail`` the values the message names; ``str()`` is the English message."""

    def __init__(self, reason: str, message: str, **detail: Any) -> None:
        super().__init__(message)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Formula:
    """A parsed formula: its text and its checked syntax tree (read by ``evaluate_formula``)."""

    text: str
    tree: ast.expr = field(repr=False)


_BINARY = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**", ast.MatMult: "@"}
_ARITHMETIC = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv, "**": operator.pow}
"""The element-wise operators by symbol (``@`` is checked and applied apart)."""
_CONSTRUCTS = {ast.Lambda: "lambda", ast.Compare: "comparison", ast.BoolOp: "and/or",
               ast.IfExp: "if/else", ast.ListComp: "comprehension", ast.SetComp: "comprehension",
               ast.DictComp: "comprehension", ast.GeneratorExp: "comprehension", ast.List: "list",
               ast.Tuple: "tuple", ast.Dict: "dict", ast.Set: "set", ast.Starred: "* unpacking",
               ast.NamedExpr: ":=", ast.JoinedStr: "f-string", ast.Await: "await", ast.Yield: "yield",
               ast.Slice: "slice"}


def _construct(node: ast.AST) -> str:
    return _CONSTRUCTS.get(type(node), type(node).__name__)


def parse_formula(text: object, names: Mapping[str, object] | None = None) -> Formula:
    """``text`` read and checked: only the allowed syntax, and (when ``names`` is given) only those names.

    >>> parse_formula("2 * x.t().mm(predictions - y) / x.size(0)").text
    '2 * x.t().mm(predictions - y) / x.size(0)'
    >>> parse_formula("__import__('os')")
    Traceback (most recent call last):
    ...
    bp_core.teaching.derive.FormulaError: __import__ is not allowed: no name with double underscores
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(f"text must be a str, got {shown(text)}")
    if names is not None and not isinstance(names, Mapping):
        raise ArgumentTypeError(f"names must be a mapping of names to tensors, got {shown(names)}")
    if not text.strip():
        raise FormulaError("empty", "the formula is empty")
    if len(text) > MAX_TEXT:
        raise FormulaError("too_long", f"the formula has {len(text):,} characters; at most {MAX_TEXT} are read",
                           length=len(text), limit=MAX_TEXT)
    odd = next((char for char in text if not (char.isascii() and (char.isprintable() or char in " \t"))), None)
    if odd is not None:  # Korean, a full-width or look-alike letter, a control character: named, never normalised
        code = f"U+{ord(odd):04X}"
        raise FormulaError("not_ascii", f"the formula may use only plain printable ASCII characters; {odd!r} ({code}) "
                           "is not one", char=odd, code=code)
    if "__" in text:  # said before parsing: no dunder is read anywhere, in a name, an attribute or a string
        start = text.index("__")
        word = text[start:].split("(")[0].split(".")[0].split(" ")[0]
        raise FormulaError("dunder", f"{clipped(word, 30)} is not allowed: no name with double underscores",
                           name=clipped(word, 30))
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except (SyntaxError, ValueError, MemoryError, RecursionError) as problem:
        why = getattr(problem, "msg", None) or str(problem) or type(problem).__name__
        column = getattr(problem, "offset", None) or 1
        raise FormulaError("syntax", f"the formula cannot be read as Python: {why} (near character {column})",
                           why=why, column=column) from None
    nodes = list(ast.walk(tree))
    if len(nodes) > MAX_NODES:
        raise FormulaError("too_big", f"the formula has {len(nodes)} parts; at most {MAX_NODES} are read",
                           parts=len(nodes), limit=MAX_NODES)
    _check(tree, names, 0)
    return Formula(text.strip(), tree)


def _check(node: ast.AST, names: Mapping[str, object] | None, depth: int) -> None:
    """Refuses whatever is not allowed, naming it (walks the tree once, before anything is evaluated)."""
    if depth > MAX_DEPTH:
        raise FormulaError("too_big", f"the formula nests more than {MAX_DEPTH} deep", parts=depth, limit=MAX_DEPTH)
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
            raise FormulaError("not_allowed", f"{clipped(repr(node.value), 30)} is not allowed: only numbers",
                               what=clipped(repr(node.value), 30))
        if not math.isfinite(node.value) or abs(node.value) > MAX_NUMBER:
            raise FormulaError("number", f"the number {clipped(repr(node.value), 30)} is too large (at most "
                               f"{MAX_NUMBER:g})", value=clipped(repr(node.value), 30))
    elif isinstance(node, ast.Name):
        if names is not None and node.id not in names:
            raise FormulaError("unknown_name", f"{node.id} is not a name here; the names are {', '.join(names)}",
                               name=node.id, known=", ".join(names))
    elif isinstance(node, ast.BinOp):
        if type(node.op) not in _BINARY:
            raise FormulaError("not_allowed", f"the operator {type(node.op).__name__} is not allowed; allowed: "
                               "+ - * / ** @", what=type(node.op).__name__)
        _check(node.left, names, depth + 1)
        _check(node.right, names, depth + 1)
    elif isinstance(node, ast.UnaryOp):
        if not isinstance(node.op, (ast.USub, ast.UAdd)):
            raise FormulaError("not_allowed", f"the operator {type(node.op).__name__} is not allowed",
                               what=type(node.op).__name__)
        _check(node.operand, names, depth + 1)
    elif isinstance(node, ast.Attribute):  # only x.T (a method is read with its call)
        if node.attr != "T":
            raise FormulaError("unknown_method", f".{node.attr} is not allowed here; allowed: .T and the methods "
                               f"{', '.join(METHODS)} called with ( )", name=node.attr, allowed=", ".join(METHODS))
        _check(node.value, names, depth + 1)
    elif isinstance(node, ast.Subscript):  # one element: x[3, 1] (whole numbers only, no slices)
        _index(node)
        _check(node.value, names, depth + 1)
    elif isinstance(node, ast.Call):
        _check_call(node, names, depth)
    else:
        raise FormulaError("not_allowed", f"{_construct(node)} is not allowed in a formula", what=_construct(node))


def _index(node: ast.Subscript) -> tuple[int, ...]:
    """The whole numbers inside ``[ ]``; anything else (a slice, a name, ``...``) is refused."""
    parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
    found = []
    for part in parts:
        sign = 1
        if isinstance(part, ast.UnaryOp) and isinstance(part.op, ast.USub):
            sign, part = -1, part.operand
        if not (isinstance(part, ast.Constant) and isinstance(part.value, int) and not isinstance(part.value, bool)):
            raise FormulaError("not_allowed", "indexing takes whole numbers only, as n2[3, 0]: no slice, name or ...",
                               what="[ ]")
        found.append(sign * part.value)
    if len(found) > 4:
        raise FormulaError("not_allowed", "indexing takes at most 4 whole numbers", what="[ ]")
    return tuple(found)


def _check_call(node: ast.Call, names: Mapping[str, object] | None, depth: int) -> None:
    func = node.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "torch":
        if func.attr not in FUNCTIONS:
            raise FormulaError("unknown_method", f"torch.{func.attr} is not allowed; allowed: "
                               f"{', '.join(FUNCTIONS)}", name=f"torch.{func.attr}", allowed=", ".join(FUNCTIONS))
    elif isinstance(func, ast.Attribute):
        if func.attr not in METHODS or func.attr == "T":
            raise FormulaError("unknown_method", f".{func.attr}() is not allowed; allowed: "
                               f"{', '.join(m for m in METHODS if m != 'T')}", name=func.attr,
                               allowed=", ".join(m for m in METHODS if m != "T"))
        _check(func.value, names, depth + 1)
    elif isinstance(func, ast.Name):
        if func.id not in FUNCTIONS:
            raise FormulaError("unknown_method", f"{func.id}() is not allowed; allowed: {', '.join(FUNCTIONS)}",
                               name=func.id, allowed=", ".join(FUNCTIONS))
    else:
        raise FormulaError("not_allowed", f"calling {_construct(func)} is not allowed", what=_construct(func))
    for argument in node.args:
        _check(argument, names, depth + 1)
    for keyword in node.keywords:
        if keyword.arg not in ("dim", "keepdim"):
            raise FormulaError("not_allowed", f"the keyword {keyword.arg or '**'}= is not allowed; allowed: dim=, "
                               "keepdim=", what=f"{keyword.arg or '**'}=")
        if keyword.arg == "keepdim":
            if not (isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, bool)):
                raise FormulaError("argument", "keepdim= takes True or False", method="keepdim", why="True or False")
        else:
            _check(keyword.value, names, depth + 1)


def element_limit(names: Mapping[str, object]) -> int:
    """The most elements any value in a formula may have: the largest of the page's tensors, squared (an outer
    product over the samples), and at least 4,096."""
    largest = max((v.numel() for v in names.values() if isinstance(v, torch.Tensor)), default=1)
    return max(4096, largest * largest)


Value = torch.Tensor | int | float


class _Evaluator:
    def __init__(self, names: Mapping[str, object], limit: int) -> None:
        self.names, self.limit, self.start = names, limit, time.thread_time()

    def value(self, node: ast.AST) -> Value:
        if time.thread_time() - self.start > MAX_SECONDS:  # CPU time: a busy server does not refuse a formula
            raise FormulaError("time", f"the formula took more than {MAX_SECONDS:g} s", limit=MAX_SECONDS)
        if isinstance(node, ast.Constant):
            assert isinstance(node.value, (int, float))  # checked by _check
            return node.value
        if isinstance(node, ast.Name):
            if node.id not in self.names:
                raise FormulaError("unknown_name", f"{node.id} is not a name here; the names are "
                                   f"{', '.join(self.names)}", name=node.id, known=", ".join(self.names))
            found = self.names[node.id]
            if not isinstance(found, (torch.Tensor, int, float)) or isinstance(found, bool):
                raise ArgumentTypeError(f"names[{node.id!r}] must be a tensor or a number, got {shown(found)}")
            return found
        if isinstance(node, ast.UnaryOp):
            operand = self.value(node.operand)
            return -operand if isinstance(node.op, ast.USub) else operand
        if isinstance(node, ast.BinOp):
            return self.binary(_BINARY[type(node.op)], self.value(node.left), self.value(node.right))
        if isinstance(node, ast.Subscript):  # one element (or row) of a tensor
            tensor = self.tensor(self.value(node.value), "[ ]")
            index = _index(node)
            if len(index) > tensor.dim() or any(not -size <= i < size for i, size in zip(index, tensor.shape)):
                raise FormulaError("index", f"[{', '.join(map(str, index))}] is outside a tensor of shape "
                                   f"{_shape(tensor)}", index=", ".join(map(str, index)), shape=_shape(tensor))
            return tensor[index]
        if isinstance(node, ast.Attribute):  # .T
            return self.method("T", self.tensor(self.value(node.value), ".T"), [], {})
        assert isinstance(node, ast.Call)
        func = node.func
        args = [self.value(argument) for argument in node.args]
        keywords: dict[str, Value | bool] = {}
        for keyword in node.keywords:
            assert keyword.arg is not None
            keywords[keyword.arg] = (keyword.value.value if keyword.arg == "keepdim"  # type: ignore[attr-defined]
                                     else self.value(keyword.value))
        if isinstance(func, ast.Attribute) and not (isinstance(func.value, ast.Name) and func.value.id == "torch"):
            return self.method(func.attr, self.tensor(self.value(func.value), f".{func.attr}()"), args, keywords)
        name = func.attr if isinstance(func, ast.Attribute) else func.id  # type: ignore[attr-defined]
        if not args:
            raise FormulaError("argument", f"{name}() needs a tensor", method=name, why="a tensor first")
        return self.method(name, self.tensor(args[0], f"{name}()"), args[1:], keywords)

    def tensor(self, value: Value, where: str) -> torch.Tensor:
        if not isinstance(value, torch.Tensor):
            raise FormulaError("argument", f"{where} needs a tensor, got the number {value:g}", method=where,
                               why="a tensor")
        return value

    def check_size(self, shape: torch.Size | tuple[int, ...], what: str) -> None:
        elements = math.prod(shape)
        if elements > self.limit:
            raise FormulaError("size", f"{what} would make {elements:,} numbers; at most {self.limit:,} here",
                               what=what, elements=elements, limit=self.limit)

    def number(self, value: float | int) -> float | int:
        if not math.isfinite(value) or abs(value) > MAX_NUMBER:
            raise FormulaError("number", f"a number in the formula grows past {MAX_NUMBER:g}", value=f"{value:g}")
        return value

    def binary(self, symbol: str, left: Value, right: Value) -> Value:
        if symbol == "**":
            if isinstance(right, torch.Tensor):
                raise FormulaError("exponent", "an exponent must be a plain number, not a tensor", value="tensor",
                                   limit=MAX_EXPONENT)
            if abs(right) > MAX_EXPONENT:
                raise FormulaError("exponent", f"the exponent {right:g} is too large (at most {MAX_EXPONENT} "
                                   "either way)", value=f"{right:g}", limit=MAX_EXPONENT)
        if not isinstance(left, torch.Tensor) and not isinstance(right, torch.Tensor):
            if symbol == "@":
                raise FormulaError("argument", "@ needs two tensors", method="@", why="two tensors")
            try:
                result = _ARITHMETIC[symbol](float(left) if symbol == "**" else left, right)
            except (ZeroDivisionError, OverflowError) as problem:
                raise FormulaError("number", f"{left:g} {symbol} {right:g}: {problem}", value=f"{left:g}") from None
            if isinstance(result, complex):
                raise FormulaError("number", f"{left:g} ** {right:g} is not a real number", value=f"{left:g}")
            return self.number(result)
        try:
            if symbol == "@":
                left_t, right_t = self.tensor(left, "@"), self.tensor(right, "@")
                self.check_size(_matmul_shape(left_t, right_t), "@")
                return left_t @ right_t
            shapes = [v.shape for v in (left, right) if isinstance(v, torch.Tensor)]
            self.check_size(torch.broadcast_shapes(*shapes), symbol)
            return _ARITHMETIC[symbol](left, right)
        except RuntimeError:
            raise FormulaError("shape", f"the shapes {_shape(left)} and {_shape(right)} cannot be combined by "
                               f"{symbol}", op=symbol, left=_shape(left), right=_shape(right)) from None

    def method(self, name: str, tensor: torch.Tensor, args: list[Value], keywords: dict[str, Value | bool]) -> Value:
        takes = {"t": 0, "T": 0, "mm": 1, "matmul": 1, "sum": 1, "mean": 1, "size": 1, "sigmoid": 0, "tanh": 0,
                 "relu": 0, "exp": 0, "pow": 1, "reshape": 4, "unsqueeze": 1}[name]
        if len(args) > takes or (keywords and name not in ("sum", "mean")):
            raise FormulaError("argument", f"{name}() takes {takes} argument{'s' * (takes != 1)} here", method=name,
                               why=f"{takes} argument{'s' * (takes != 1)}")
        if name in ("t", "T"):
            if tensor.dim() > 2:
                raise FormulaError("argument", f"{name} needs at most 2 dimensions", method=name, why="2-D")
            return tensor.t()
        if name in ("mm", "matmul"):
            if len(args) != 1 or not isinstance(args[0], torch.Tensor):
                raise FormulaError("argument", f"{name}() needs one tensor", method=name, why="one tensor")
            return self.binary("@", tensor, args[0]) if name == "matmul" or (tensor.dim() == 2 and args[0].dim() == 2) \
                else _refuse_mm(tensor, args[0])
        if name in ("sum", "mean", "size", "unsqueeze"):
            dim = keywords.get("dim", args[0] if args else None)
            if dim is not None:
                if not isinstance(dim, int) or isinstance(dim, bool):
                    raise FormulaError("argument", f"{name}()'s dim must be a whole number", method=name,
                                       why="a whole-number dim")
                rank = tensor.dim() + (name == "unsqueeze")
                if not -max(rank, 1) <= dim < max(rank, 1):
                    raise FormulaError("argument", f"{name}(): dim {dim} is out of range for a {tensor.dim()}-D tensor",
                                       method=name, why=f"dim in [{-max(rank, 1)}, {max(rank, 1) - 1}]")
            if name == "size":
                if dim is None:
                    raise FormulaError("argument", "size() needs a dimension here, as x.size(0)", method=name,
                                       why="a dim, as x.size(0)")
                return int(tensor.size(dim))
            if name == "unsqueeze":
                if dim is None or tensor.dim() >= 4:
                    raise FormulaError("argument", "unsqueeze() needs a dim, and at most 4 dimensions", method=name,
                                       why="a dim")
                return tensor.unsqueeze(dim)
            keepdim = bool(keywords.get("keepdim", False))
            reduce = tensor.sum if name == "sum" else tensor.mean
            return reduce() if dim is None else reduce(dim, keepdim=keepdim)
        if name == "pow":
            if not args:
                raise FormulaError("argument", "pow() needs an exponent", method=name, why="an exponent")
            return self.binary("**", tensor, args[0])
        if name == "reshape":
            if not args or not all(isinstance(a, int) and not isinstance(a, bool) for a in args):
                raise FormulaError("argument", "reshape() takes whole numbers", method=name, why="whole numbers")
            sizes = [int(a) for a in args]
            known = math.prod(s for s in sizes if s != -1)
            if sizes.count(-1) > 1 or any(s < -1 or s == 0 for s in sizes) or (
                    -1 not in sizes and known != tensor.numel()) or (
                    -1 in sizes and (known == 0 or tensor.numel() % known)):
                raise FormulaError("shape", f"reshape{tuple(sizes)} does not fit {tensor.numel()} numbers of shape "
                                   f"{_shape(tensor)}", op="reshape", left=_shape(tensor), right=str(tuple(sizes)))
            return tensor.reshape(sizes)
        return {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu, "exp": torch.exp}[name](tensor)


def _refuse_mm(left: torch.Tensor, right: torch.Tensor) -> torch.Tensor:
    raise FormulaError("shape", f"mm() needs two matrices (2-D), got {_shape(left)} and {_shape(right)}", op="mm",
                       left=_shape(left), right=_shape(right))


def _matmul_shape(left: torch.Tensor, right: torch.Tensor) -> tuple[int, ...]:
    if left.dim() == 0 or right.dim() == 0 or left.shape[-1] != right.shape[0 if right.dim() == 1 else -2]:
        raise RuntimeError("shapes")
    if left.dim() > 2 or right.dim() > 2:
        raise RuntimeError("at most 2-D")
    return (*left.shape[:-1], *right.shape[1:]) if right.dim() == 2 else tuple(left.shape[:-1])


def _shape(value: Value) -> str:
    return str(tuple(value.shape)) if isinstance(value, torch.Tensor) else "a number"


def evaluate_formula(formula: Formula | str, names: Mapping[str, object]) -> torch.Tensor:
    """The value of ``formula`` (a ``Formula`` or text, parsed first) with ``names`` bound to the page's tensors and
    numbers; always a tensor (a plain number becomes a 0-D one). Raises FormulaError for what it refuses, a result
    that is not finite included.

    >>> names = line_problem().names
    >>> evaluate_formula("2 * x.t().mm(predictions - y) / x.size(0)", names).tolist()
    [[-35.0]]
    """
    if not isinstance(names, Mapping):
        raise ArgumentTypeError(f"names must be a mapping of names to tensors, got {shown(names)}")
    if not isinstance(formula, (Formula, str)):
        raise ArgumentTypeError(f"formula must be a str or a Formula, got {shown(formula)}")
    parsed = formula if isinstance(formula, Formula) else parse_formula(formula, names)
    evaluator = _Evaluator(names, element_limit(names))
    try:
        result = evaluator.value(parsed.tree)
    except RecursionError:
        raise FormulaError("too_big", "the formula nests too deeply", parts=MAX_DEPTH, limit=MAX_DEPTH) from None
    tensor = result if isinstance(result, torch.Tensor) else torch.tensor(float(result))
    if not bool(torch.isfinite(tensor).all()):
        raise FormulaError("not_finite", "the formula gives a value that is not finite (a division by zero, an "
                           "overflow)")
    return tensor


@dataclass(frozen=True)
class FormulaCheck:
    """A formula's value against autograd's gradient, as ``cmp()``: ``verdict`` is "exact" (every number equal),
    "approximate" (``torch.allclose``), "wrong", or "shape" (the shapes cannot be compared); ``largest`` the largest
    difference; ``mistake`` the key of the usual mistake the value matches ("sign", "two", "mean", ... or None);
    ``cause`` what a shape mismatch usually means ("transpose", "samples", or None)."""

    verdict: str
    largest: float
    shape: tuple[int, ...]
    expected: tuple[int, ...]
    mistake: str | None = None
    cause: str | None = None

    @property
    def right(self) -> bool:
        return self.verdict in ("exact", "approximate")


def compare_gradient(value: torch.Tensor, reference: torch.Tensor,
                     mistakes: Mapping[str, torch.Tensor] | None = None, samples: int | None = None) -> FormulaCheck:
    """``value`` (what the learner's formula gives) against ``reference`` (autograd's gradient). Shapes that differ
    only by dimensions of size 1 (a 0-D ``db`` against ``b.grad`` of shape (1, 1)) are compared as the same numbers.
    ``mistakes`` maps a usual mistake's key to the value it gives; ``samples`` (N) names a forgotten sum over samples.

    >>> compare_gradient(torch.tensor([[-35.0]]), torch.tensor([[-35.0]])).verdict
    'exact'
    >>> compare_gradient(torch.tensor([[-17.5]]), torch.tensor([[-35.0]]), {"two": torch.tensor([[-17.5]])}).mistake
    'two'
    """
    for name, tensor in (("value", value), ("reference", reference)):
        if not isinstance(tensor, torch.Tensor):
            raise ArgumentTypeError(f"{name} must be a torch.Tensor, got {shown(tensor)}")
    if mistakes is not None and not (isinstance(mistakes, Mapping) and all(
            isinstance(wrong, torch.Tensor) for wrong in mistakes.values())):
        raise ArgumentTypeError(f"mistakes must map a mistake's key to a tensor, got {shown(mistakes)}")
    if samples is not None:
        samples = check_int_range("samples", samples, 1, 10**9)
    got, want = tuple(value.shape), tuple(reference.shape)
    turned = len(got) == 2 and got == want[::-1] and got != want  # a row for a column too: a transpose
    if turned or (got != want and [s for s in got if s != 1] != [s for s in want if s != 1]):
        cause = None
        if turned:
            cause = "transpose"
        elif samples is not None and got and got[0] == samples and (not want or want[0] != samples):
            cause = "samples"
        return FormulaCheck("shape", math.inf, got, want, cause=cause)
    left = value.detach().reshape(reference.shape).to(torch.float64)
    right = reference.detach().to(torch.float64)
    largest = float((left - right).abs().max()) if left.numel() else 0.0
    if bool(torch.equal(value.detach().reshape(reference.shape), reference.detach())):
        return FormulaCheck("exact", 0.0, got, want)
    if bool(torch.allclose(left, right, rtol=1e-5, atol=1e-7)):
        return FormulaCheck("approximate", largest, got, want)
    mistake = next((key for key, wrong in (mistakes or {}).items()
                    if wrong.numel() == reference.numel() and bool(torch.allclose(
                        left, wrong.detach().reshape(reference.shape).to(torch.float64), rtol=1e-4, atol=1e-7))),
                   None)
    return FormulaCheck("wrong", largest, got, want, mistake=mistake)


@dataclass(frozen=True)
class DeriveProblem:
    """What a formula box offers: ``names`` (the tensors and numbers a formula may name), ``answers`` (autograd's
    value of each quantity asked for, by its name: "dw", "dL_dW2", ...), ``mistakes`` (per quantity, what each usual
    mistake gives, by the mistake's key) and ``samples`` (N, which names a forgotten sum over samples)."""

    names: Mapping[str, torch.Tensor | int]
    answers: Mapping[str, torch.Tensor]
    mistakes: Mapping[str, Mapping[str, torch.Tensor]]
    samples: int

    def check(self, text: str, target: str) -> FormulaCheck:
        """``text`` evaluated on ``names`` and compared with ``answers[target]``; FormulaError when refused."""
        if target not in self.answers:
            raise ValueError(f"target must be one of {', '.join(self.answers)}, got {shown(target)}")
        value = evaluate_formula(text, self.names)
        return compare_gradient(value, self.answers[target], self.mistakes.get(target), self.samples)


def line_problem(params: Mapping[str, torch.Tensor] | None = None, data: Dataset | None = None) -> DeriveProblem:
    """The lecture's line at ``params`` (``w``, ``b``; the lecture's zeros by default) on ``data`` (the lecture's four
    points by default): names ``x``, ``y``, ``w``, ``b``, ``predictions`` (= x.mm(w) + b, as bp.py computes it); asks
    ``dw`` and ``db``, each checked against ``loss.backward()``'s ``w.grad`` and ``b.grad``; the usual mistakes: the
    sign (ŷ − y turned round), the 2 left out, the 1/N left out.

    >>> line_problem().check("x.t().mm(predictions - y) / x.size(0)", "dw").mistake
    'two'
    """
    model = Line()
    params = check_params(model, model.init_params() if params is None else params)
    data = as_dataset(seed_line() if data is None else data, model.in_features, model.out_features)
    x, y, w, b = data.x, data.y, params["w"], params["b"]
    names = {"x": x, "y": y, "w": w, "b": b, "predictions": x.mm(w) + b}
    w_, b_ = w.clone().requires_grad_(True), b.clone().requires_grad_(True)
    torch.nn.functional.mse_loss(x.mm(w_) + b_, y).backward()
    assert w_.grad is not None and b_.grad is not None
    answers = {"dw": w_.grad, "db": b_.grad}
    samples = x.size(0)
    mistakes = {key: {"sign": -grad, "two": grad / 2, "mean": grad * samples} for key, grad in answers.items()}
    return DeriveProblem(names, answers, mistakes, samples)


def _forward(model: LayeredModel, params: Mapping[str, torch.Tensor],
             x: torch.Tensor) -> list[tuple[torch.Tensor, torch.Tensor, torch.Tensor]]:
    """The forward pass keeping every layer's (n in, d, n out), from the input up (d = n W^T + b, n = f(d))."""
    values, n = [], x
    for spec in model.layers():
        d = n @ params[spec.weight].T + params[spec.bias]
        n_out = ACTIVATIONS[spec.activation].forward(d)
        values.append((n, d, n_out))
        n = n_out
    return values


def network_problem(model: LayeredModel, params: Mapping[str, torch.Tensor], data: Dataset) -> DeriveProblem:
    """A layered network at ``params`` on ``data`` (a Dataset or a pair (x, y)). Names: ``x``, ``y``, ``N``
    (samples), ``K`` (outputs), ``n0`` (= x) … ``nL``, ``d1`` … ``dL``, ``W1`` …, ``b1`` …, and the true upstream
    gradients ``dL_dn1`` … ``dL_dnL`` and ``dL_dd1`` … ``dL_ddL`` (so each formula is checked on its own). Asks, per
    layer ``l``, ``dL_dd{l}``, ``dL_dW{l}``, ``dL_db{l}``, ``dL_dn{l-1}`` (l > 1) and the output's ``dL_dn{L}``; each
    is autograd's (``retain_grad`` on every d and n, then ``loss.backward()``). Usual mistakes: the sign, f′ left
    out, d used where n belongs, and for the output error the 2 and the 1/(N·K)."""
    model = check_layered(model)
    params = check_params(model, params)
    data = as_dataset(data, model.in_features, model.out_features)
    x, y = data.x.to(next(iter(params.values())).dtype), data.y.to(next(iter(params.values())).dtype)
    live = {name: value.detach().clone().requires_grad_(True) for name, value in params.items()}
    values = _forward(model, live, x)
    for _, d, n_out in values:  # every d and n keeps its gradient
        d.retain_grad()
        n_out.retain_grad()
    loss = torch.nn.functional.mse_loss(values[-1][2], y)
    loss.backward()
    layers = len(values)
    samples, outputs = int(y.shape[0]), int(y.shape[1])
    names: dict[str, torch.Tensor | int] = {"x": x, "y": y, "N": samples, "K": outputs, "n0": x}
    answers: dict[str, torch.Tensor] = {}
    for layer, (_, d, n_out) in enumerate(values, start=1):
        assert d.grad is not None and n_out.grad is not None
        names.update({f"d{layer}": d.detach(), f"n{layer}": n_out.detach(), f"W{layer}": params[f"W{layer}"],
                      f"b{layer}": params[f"b{layer}"], f"dL_dn{layer}": n_out.grad, f"dL_dd{layer}": d.grad})
        grad_w, grad_b = live[f"W{layer}"].grad, live[f"b{layer}"].grad
        assert grad_w is not None and grad_b is not None
        answers.update({f"dL_dd{layer}": d.grad, f"dL_dW{layer}": grad_w, f"dL_db{layer}": grad_b})
        if layer > 1:
            answers[f"dL_dn{layer - 1}"] = values[layer - 2][2].grad  # type: ignore[assignment]
    answers[f"dL_dn{layers}"] = values[-1][2].grad  # type: ignore[assignment]
    answers = {name: answers[name] for name in network_targets(model)}  # in the backward pass's order
    mistakes: dict[str, dict[str, torch.Tensor]] = {key: {"sign": -value} for key, value in answers.items()}
    output = answers[f"dL_dn{layers}"]
    mistakes[f"dL_dn{layers}"].update(two=output / 2, mean=output * samples * outputs)
    for layer in range(1, layers + 1):
        upstream = names[f"dL_dn{layer}"]
        assert isinstance(upstream, torch.Tensor)
        mistakes[f"dL_dd{layer}"]["f_prime"] = upstream
        mistakes[f"dL_dW{layer}"]["f_prime"] = upstream.t() @ names[f"n{layer - 1}"]
        mistakes[f"dL_db{layer}"]["f_prime"] = upstream.sum(0)
        if layer > 1:
            mistakes[f"dL_dW{layer}"]["d_for_n"] = names[f"dL_dd{layer}"].t() @ names[f"d{layer - 1}"]  # type: ignore
            mistakes[f"dL_dn{layer - 1}"]["f_prime"] = upstream @ params[f"W{layer}"]
    return DeriveProblem(names, answers, mistakes, samples)


def path_problem(model: LayeredModel, params: Mapping[str, torch.Tensor], data: Dataset, parameter: str,
                 sample: int | None = None) -> DeriveProblem:
    """The chain-rule page's question: the gradient of one scalar ``parameter`` (``"W1[0,1]"``) for ``sample`` (its
    part of the loss; None: the whole batch), written as the sum of its paths' products over the network's values
    (``x``, ``y``, ``N``, ``K``, ``n0`` … ``nL``, ``d1`` … ``dL``, ``W1`` …, ``b1`` …, indexed as ``n2[3, 0]``).
    Asks one quantity, named ``parameter``; its answer is autograd's (``chain_rule_paths(...).autograd``); the usual
    mistakes: one path's product alone (``one_path``, ``one_path_2`` …), the sign, the 2, the 1/(N·K)."""
    whole = network_problem(model, params, data)
    paths = chain_rule_paths(model, dict(params), data, parameter, sample)  # checks the parameter and the sample
    names = {name: value for name, value in whole.names.items() if not name.startswith("dL_")}
    answer = torch.tensor(paths.autograd, dtype=torch.float64)
    products = [float(p) for p in paths.paths["product"]]
    mistakes: dict[str, torch.Tensor] = {"sign": -answer, "two": answer / 2,
                                         "mean": answer * int(names["N"]) * int(names["K"])}
    if len(products) > 1:
        for index, product in enumerate(products, start=1):
            mistakes["one_path" if index == 1 else f"one_path_{index}"] = torch.tensor(product, dtype=torch.float64)
    return DeriveProblem(names, {parameter: answer}, {parameter: mistakes}, whole.samples)


@dataclass(frozen=True)
class LineWithFormulas:
    """bp.py run with a learner's dw and db: the loss of every epoch's forward pass, the printed losses at epochs
    100, 200, … (formatted as bp.py prints them) and the final w and b."""

    losses: tuple[float, ...]
    printed: tuple[str, ...]
    w: float
    b: float


def line_with_formulas(dw: Formula | str, db: Formula | str, epochs: int = 1000,
                       learning_rate: float = 0.01) -> LineWithFormulas:
    """The lecture's bp.py with ``dw`` and ``db`` written by the learner: each epoch computes ``predictions`` and the
    loss as bp.py does, evaluates the two formulas on them and updates ``w -= learning_rate * dw``. With the
    lecture's own formulas it prints the note's figures.

    >>> run = line_with_formulas("2 * x.t().mm(predictions - y) / x.size(0)", "2 * (predictions - y).sum() / x.size(0)")
    >>> run.printed[0], run.w, run.b
    ('0.0076', 2.0048611164093018, 0.9857079386711121)
    """
    epochs = check_int_range("epochs", epochs, 1, 10_000)
    learning_rate = check_learning_rate(learning_rate)
    for name, formula in (("dw", dw), ("db", db)):
        if not isinstance(formula, (Formula, str)):
            raise ArgumentTypeError(f"{name} must be a str or a Formula, got {shown(formula)}")
    data = seed_line()
    x, y = data.x, data.y
    w = torch.tensor([[0.0]], requires_grad=True, dtype=torch.float32)
    b = torch.tensor([[0.0]], requires_grad=True, dtype=torch.float32)
    names: dict[str, torch.Tensor] = {"x": x, "y": y, "w": w, "b": b, "predictions": x}
    parsed = [f if isinstance(f, Formula) else parse_formula(f, names) for f in (dw, db)]
    losses, printed = [], []
    with torch.no_grad():  # bp.py records a graph it never uses; the numbers are the same without it
        for epoch in range(epochs):
            predictions = x.mm(w) + b
            loss = ((predictions - y) ** 2).mean()
            names.update(w=w, b=b, predictions=predictions)
            grad_w, grad_b = (evaluate_formula(formula, names) for formula in parsed)
            w -= learning_rate * grad_w
            b -= learning_rate * grad_b
            losses.append(loss.item())
            if (epoch + 1) % 100 == 0:
                printed.append(f"{loss.item():.4f}")
    return LineWithFormulas(tuple(losses), tuple(printed), w.item(), b.item())


def network_targets(model: LayeredModel) -> tuple[str, ...]:
    """What the backward pass of ``model`` computes, in its order: the output error, then per layer from the top
    dL/dd, dL/dW, dL/db and dL/dn of the layer below (the names ``network_problem`` asks)."""
    layers = check_layered(model).n_layers
    order = [f"dL_dn{layers}"]
    for layer in range(layers, 0, -1):
        order += [f"dL_dd{layer}", f"dL_dW{layer}", f"dL_db{layer}"] + ([f"dL_dn{layer - 1}"] if layer > 1 else [])
    return tuple(order)


@dataclass(frozen=True)
class NetworkWithFormulas:
    """A network trained by hand with a learner's backward-pass formulas: the loss of every epoch's forward pass
    (before its update) and the final parameters; ``stopped_at`` the epoch whose loss was not finite, else None."""

    losses: tuple[float, ...]
    params: dict[str, torch.Tensor]
    stopped_at: int | None


def network_with_formulas(model: LayeredModel, data: Dataset, formulas: Mapping[str, str], learning_rate: float,
                          epochs: int) -> NetworkWithFormulas:
    """Train ``model`` from its initial parameters on ``data`` by plain gradient descent, each epoch's backward pass
    computed by the learner's ``formulas`` (one per name of ``network_targets``, evaluated in that order over the
    forward pass's values and the gradients already computed). With the backward's own formulas the losses are
    ``train(method="manual")``'s to float rounding (tests/test_derive.py)."""
    model = check_layered(model)
    data = as_dataset(data, model.in_features, model.out_features)
    learning_rate = check_learning_rate(learning_rate)
    epochs = check_int_range("epochs", epochs, 1, 10_000)
    if not isinstance(formulas, Mapping):
        raise ArgumentTypeError(f"formulas must map each backward-pass quantity to its text, got {shown(formulas)}")
    order = network_targets(model)
    missing = [name for name in order if name not in formulas]
    if missing:
        raise ValueError(f"formulas must give every quantity of the backward pass; missing {', '.join(missing)}")
    parsed = {name: formulas[name] if isinstance(formulas[name], Formula) else parse_formula(formulas[name])
              for name in order}
    check_training_size(model, data.n_samples, epochs, ("manual",))
    params = {name: value.clone() for name, value in model.init_params(data.x.dtype).items()}
    samples, outputs = data.n_samples, int(data.y.shape[1])
    losses: list[float] = []
    stopped = None
    with torch.no_grad():
        for epoch in range(epochs):
            names: dict[str, torch.Tensor | int] = {"x": data.x, "y": data.y, "N": samples, "K": outputs,
                                                    "n0": data.x}
            values = _forward(model, params, data.x)
            for layer, (spec, (_, d, n)) in enumerate(zip(model.layers(), values), start=1):
                names.update({f"d{layer}": d, f"n{layer}": n, f"W{layer}": params[spec.weight],
                              f"b{layer}": params[spec.bias]})
            loss = float(((values[-1][2] - data.y) ** 2).mean())
            losses.append(loss)
            if not math.isfinite(loss):
                stopped = epoch
                break
            for name in order:
                names[name] = evaluate_formula(parsed[name], names)
            for layer, spec in enumerate(model.layers(), start=1):
                for key, grad in ((spec.weight, names[f"dL_dW{layer}"]), (spec.bias, names[f"dL_db{layer}"])):
                    assert isinstance(grad, torch.Tensor)
                    if grad.numel() != params[key].numel():
                        raise FormulaError("shape", f"dL/d{key} has shape {tuple(grad.shape)}; {key} has shape "
                                           f"{tuple(params[key].shape)}", op="update", left=str(tuple(grad.shape)),
                                           right=str(tuple(params[key].shape)))
                    params[key] = params[key] - learning_rate * grad.reshape(params[key].shape)
    return NetworkWithFormulas(tuple(losses), params, stopped)
