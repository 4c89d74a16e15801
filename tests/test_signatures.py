"""The teaching entry points are typed in full: every parameter and the return value annotated (mypy checks the
annotations against the code; this test keeps them from being dropped)."""

import ast
import inspect
import tomllib
from pathlib import Path

import pytest

from bp_core import data, teaching

ENTRY_POINTS = [getattr(teaching, name) for name in teaching.__all__ if inspect.isfunction(getattr(teaching, name))]
ENTRY_POINTS += [data.make_dataset, data.as_dataset]


def test_every_public_teaching_function_is_checked():
    """The list is read from teaching.__all__, not written by hand (a hand list had missed parse_parameter)."""
    names = {function.__name__ for function in ENTRY_POINTS}
    assert {"parse_parameter", "gradients", "chain_rule_paths", "backward_walk", "nudge"} <= names


@pytest.mark.parametrize("function", ENTRY_POINTS, ids=lambda f: f.__name__)
def test_every_parameter_and_the_return_of_a_teaching_entry_point_is_annotated(function):
    signature = inspect.signature(function)
    assert signature.return_annotation is not inspect.Signature.empty
    assert [name for name, p in signature.parameters.items() if p.annotation is inspect.Parameter.empty] == []


ROOT = Path(__file__).resolve().parents[1]


def untyped_defs(tree: ast.AST) -> list[str]:
    """Each function in ``tree`` with a parameter (``self`` and ``cls`` aside) or its return left unannotated: what
    mypy's disallow_untyped_defs refuses, read without running mypy (tens of seconds from an empty cache)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            arguments = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
            arguments += [a for a in (node.args.vararg, node.args.kwarg) if a is not None]
            bare = [a.arg for a in arguments if a.annotation is None and a.arg not in ("self", "cls")]
            # as mypy: an __init__ with an annotated parameter needs no return type (it is None)
            typed_init = node.name == "__init__" and any(a.annotation is not None for a in arguments)
            if bare or (node.returns is None and not typed_init):
                found.append(f"{node.name}({', '.join(bare)}){'' if node.returns else ' with no return type'}")
    return found


def test_mypy_refuses_any_function_whose_types_are_left_out_except_the_notes_programs():
    """make test runs mypy with disallow_untyped_defs over bp_core, ui, pages and app.py, so an untyped ``model``
    parameter (or any other) fails it; only the note's two programs, kept as the note wrote them, are exempt."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mypy"]
    assert config["disallow_untyped_defs"] is True
    exempt = [o for o in config["overrides"] if o.get("disallow_untyped_defs") is False]
    assert [o["module"] for o in exempt] == [["bp_core.lecture.bp", "bp_core.lecture.bp_pytorch"]]
    assert set(config["files"]) >= {"bp_core", "ui", "pages", "app.py"}


def test_the_untyped_def_finder_finds_a_planted_untyped_model_and_passes_our_code():
    planted = ast.parse("def train(model, epochs: int) -> None: ...\ndef f(self, x: int): ...")
    assert untyped_defs(planted) == ["train(model)", "f() with no return type"]
    files = [p for folder in ("bp_core", "ui", "pages") for p in (ROOT / folder).rglob("*.py")]
    found = {str(p.relative_to(ROOT)): untyped_defs(ast.parse(p.read_text())) for p in files
             if p.parent.name != "lecture" or p.stem not in ("bp", "bp_pytorch")}
    assert {path: defs for path, defs in found.items() if defs} == {}
