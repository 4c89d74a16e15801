"""The backward pass walked unit by unit (bp_core.teaching.backward_walk), a nudged parameter (nudge), and the checked
exercises (ui/views/exercises.py): against autograd, finite differences and the note's own first step."""

import math

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import problems

import bp_core
from bp_core.teaching import backward_walk, nudge
from ui.views import exercises
from ui.views.exercises import Exercise, check, tolerance


@settings(max_examples=40, deadline=None)
@given(problems(), st.data())
def test_every_gradient_of_the_walk_is_autograds_for_random_networks_and_samples(problem, data):
    model, params, dataset = problem
    sample = data.draw(st.one_of(st.none(), st.integers(0, dataset.n_samples - 1)))
    walk = backward_walk(model, params, dataset, sample)
    assert set(walk.gradient) == set(walk.autograd) == set(bp_core.models.scalar_names(params))
    for name, value in walk.gradient.items():
        assert value == pytest.approx(walk.autograd[name], rel=1e-9, abs=1e-12)
    if sample is None:  # an independent autograd: bp_core.gradients over the whole batch
        reference = bp_core.gradients(model, params, dataset, "autograd")
        flat = dict(zip(bp_core.models.scalar_names(reference), bp_core.models.flatten(reference).tolist()))
        for name, value in walk.gradient.items():
            assert value == pytest.approx(flat[name], rel=1e-9, abs=1e-12)


@settings(max_examples=30, deadline=None)
@given(problems(), st.data())
def test_each_step_uses_what_the_step_before_produced(problem, data):
    model, params, dataset = problem
    sample = data.draw(st.integers(0, dataset.n_samples - 1))
    walk = backward_walk(model, params, dataset, sample)
    done: dict[tuple[int, int], float] = {}  # ∂L/∂d of every unit walked so far
    for step in walk.steps:
        if step.kind == "unit":
            assert step.dL_dd == pytest.approx(step.dL_dn * step.f_prime, rel=1e-12, abs=1e-15)
            if step.from_above:  # a hidden unit: the paths through the units it feeds, already walked
                above = [done[(step.layer + 1, k)] for k in range(len(step.from_above))]
                assert [g for _, g in step.from_above] == above
                assert step.dL_dn == pytest.approx(sum(w * g for w, g in step.from_above), rel=1e-9, abs=1e-15)
            done[(step.layer, step.unit)] = step.dL_dd
        elif step.kind == "parameters":
            assert (step.layer, step.unit) in done  # its unit came first
            for _, n_before, grad in step.weights:
                assert grad == pytest.approx(step.dL_dd * n_before, rel=1e-12, abs=1e-15)


def test_the_lines_walk_is_the_notes_first_step_and_the_network_walk_ends_at_the_inputs():
    walk = backward_walk(bp_core.Line(), bp_core.Line().init_params(), bp_core.seed_line())
    assert walk.gradient == {"w": -35.0, "b": -12.0} and walk.loss == 41.0
    mlp = bp_core.MLP()
    walk = backward_walk(mlp, mlp.init_params(), bp_core.half_adder(), 3)
    assert [s.kind for s in walk.steps] == ["unit", "parameters"] * 5 + ["input"] * 2
    assert [(s.layer, s.unit) for s in walk.steps if s.kind == "unit"] == [(2, 0), (2, 1), (1, 0), (1, 1), (1, 2)]
    paths = bp_core.chain_rule_paths(mlp, mlp.init_params(), bp_core.half_adder(), "W1[0,1]", 3)
    assert walk.gradient["W1[0,1]"] == pytest.approx(paths.autograd, rel=1e-6)


def test_the_walk_works_inside_no_grad_and_inference_mode():
    mlp = bp_core.MLP()
    expected = backward_walk(mlp, mlp.init_params(), bp_core.half_adder()).gradient
    with torch.no_grad():
        assert backward_walk(mlp, mlp.init_params(), bp_core.half_adder()).gradient == expected
    with torch.inference_mode():
        assert nudge(mlp, mlp.init_params(), bp_core.half_adder(), "b2[1]", 1e-3).gradient == pytest.approx(
            expected["b2[1]"], rel=1e-9)


@pytest.mark.parametrize(("arguments", "error", "match"), [
    ({"sample": 4}, ValueError, "sample"), ({"sample": -1}, ValueError, "sample"),
    ({"sample": "0"}, TypeError, "sample"), ({"sample": True}, TypeError, "sample"),
    ({"params": {"w": torch.zeros(1, 1)}}, ValueError, "params"),
    ({"data": ([[1.0]], [[1.0]])}, ValueError, "data|x"),
])
def test_the_walk_refuses_bad_arguments_naming_them(arguments, error, match):
    mlp = bp_core.MLP()
    call = {"model": mlp, "params": mlp.init_params(), "data": bp_core.half_adder(), "sample": None} | arguments
    with pytest.raises(error, match=match):
        backward_walk(**call)
    with pytest.raises(ValueError, match="model"):
        backward_walk("mlp", mlp.init_params(), bp_core.half_adder())


def test_a_smaller_nudge_agrees_to_more_digits_and_is_the_finite_difference_done_once():
    mlp, data = bp_core.MLP(), bp_core.half_adder()
    digits = [nudge(mlp, mlp.init_params(), data, "W1[0,1]", eps).agreeing_digits for eps in (1e-1, 1e-2, 1e-3, 1e-4)]
    assert digits == sorted(digits) and digits[-1] >= digits[0] + 2
    plus = nudge(mlp, mlp.init_params(), data, "W1[0,1]", 1e-5)
    minus = nudge(mlp, mlp.init_params(), data, "W1[0,1]", -1e-5)
    central = (plus.loss_after - minus.loss_after) / 2e-5
    assert central == pytest.approx(plus.gradient, rel=1e-7)
    line = nudge(bp_core.Line(), bp_core.Line().init_params(), bp_core.seed_line(), "b", 0.5)
    assert line.gradient == -12.0 and line.change == pytest.approx(-12.0 * 0.5 + 0.25, rel=1e-12)  # exact: quadratic


@pytest.mark.parametrize(("parameter", "epsilon", "error"), [
    ("W9[0,0]", 1e-3, ValueError), ("w", 1e-3, ValueError), (3, 1e-3, TypeError), ("W1[0,1]", 0, ValueError),
    ("W1[0,1]", 11.0, ValueError), ("W1[0,1]", math.nan, ValueError), ("W1[0,1]", "1e-3", TypeError),
    ("W1[0,1]", True, TypeError),
])
def test_nudge_refuses_bad_arguments_naming_them(parameter, epsilon, error):
    mlp = bp_core.MLP()
    with pytest.raises(error, match="parameter|epsilon"):
        nudge(mlp, mlp.init_params(), bp_core.half_adder(), parameter, epsilon)


# ---- exercises

EXERCISE = Exercise("dw", ("q", {}), -35.0, ("h", {}), ("w", {}))


@pytest.mark.parametrize(("typed", "level"), [
    ("-35", "success"), ("-35.004", "success"), ("-3.5e1", "success"), (" -35 ", "success"), ("-35.01", "warning"),
    ("35", "warning"), ("", "info"), ("abc", "info"), ("-35,0", "info"), ("١٢", "info"), ("1_0", "info"),
    ("nan", "info"), ("inf", "info"), ("[x](http://evil.example)", "info"), ("9" * 100, "info"),
])
def test_an_answer_is_checked_within_four_significant_digits_and_text_that_is_not_a_number_is_named(typed, level):
    verdict = check(typed, EXERCISE, 0)
    assert verdict.level == level
    if level == "info":
        assert not verdict.counted and "](" not in str(verdict.message[1]["typed"])
        assert len(verdict.message[1]["typed"]) <= 40


def test_a_second_wrong_try_gets_the_worked_answer_and_the_tolerance_follows_the_scale():
    assert check("-34", EXERCISE, 0).level == "warning" and check("-34", EXERCISE, 1).level == "error"
    assert tolerance(-35.0) == 0.005 and tolerance(0.0312) == 5e-6 and tolerance(0.0) == exercises.FLOOR
    tiny = Exercise("t", ("q", {}), 2.2e-9, ("h", {}), ("w", {}))
    assert check("0", tiny, 0).level == "success"  # below the floor: 0 is within 5e-7


@pytest.mark.parametrize("epsilon", [-1e-3, 1e-3, -0.5, 2.0])
def test_a_nudge_of_either_sign_predicts_gradient_times_epsilon_and_the_change_is_the_closed_form(epsilon):
    """The line's loss is quadratic in w: L(w + ε) − L(w) = g ε + (Σx²/N) ε² exactly, g = −35 at the note's start
    (x = 1, 2, 3, 4: Σx²/N = 7.5). A negative ε moves the loss the other way: gradient × |ε| would fail here."""
    result = bp_core.teaching.nudge(bp_core.Line(), bp_core.Line().init_params(), bp_core.seed_line(), "w", epsilon)
    assert result.gradient == -35.0
    assert result.predicted == pytest.approx(-35.0 * epsilon, rel=1e-12)
    assert math.copysign(1.0, result.predicted) == -math.copysign(1.0, epsilon)
    assert result.change == pytest.approx(-35.0 * epsilon + 7.5 * epsilon**2, rel=1e-9, abs=1e-12)
