"""The teaching entry points are typed in full: every parameter and the return value annotated (mypy checks the
annotations against the code; this test keeps them from being dropped)."""

import inspect

import pytest

from bp_core import data, teaching

ENTRY_POINTS = [
    teaching.gradients, teaching.gradient_check, teaching.gradcheck_manual, teaching.chain_rule_paths,
    teaching.stability_bound, teaching.manual_step, teaching.network_values, teaching.params_at,
    data.make_dataset, data.as_dataset, teaching.learning_rate_sweep, teaching.line_hessian,
    teaching.gradient_table, teaching.gradient_report, teaching.zero_grad_comparison,
]


@pytest.mark.parametrize("function", ENTRY_POINTS, ids=lambda f: f.__name__)
def test_every_parameter_and_the_return_of_a_teaching_entry_point_is_annotated(function):
    signature = inspect.signature(function)
    assert signature.return_annotation is not inspect.Signature.empty
    assert [name for name, p in signature.parameters.items() if p.annotation is inspect.Parameter.empty] == []
