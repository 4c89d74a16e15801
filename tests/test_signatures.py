"""The teaching entry points are typed in full: every parameter and the return value annotated (mypy checks the
annotations against the code; this test keeps them from being dropped)."""

import inspect

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
