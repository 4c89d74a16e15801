"""Checked exercises (ui/views/exercises.py): answers typed as people type them, the right answer told apart from
what a usual mistake gives (each named by its hint), and an update checked below the change it makes."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bp_core
from ui.session.numbers import parse_answer
from ui.texts import TEXTS, render
from ui.texts.messages import Unusable
from ui.views import step_view
from ui.views.exercises import Exercise, check, update_tolerance, usual_mistakes

DW = Exercise("dw", ("q", {}), -35.0, ("h", {}), ("w", {}), mistakes=usual_mistakes(-35.0, "gradient", samples=4))


@pytest.mark.parametrize("typed", ["-35", "\u221235", "\uff0d\uff13\uff15", "- 35", "−35.0", "-3.5e1", "-3.5×10^1",
                                   "-70/2", " -35 "])
def test_the_right_answer_is_accepted_as_people_type_it(typed):
    assert check(typed, DW, 0).level == "success"


@pytest.mark.parametrize(("typed", "value"), [("1/4", 0.25), ("-1/8", -0.125), ("1.5×10^-3", 0.0015),
                                               ("1.5·10⁻³", 0.0015), ("２．５", 2.5), ("+7", 7.0)])
def test_fractions_powers_of_ten_and_full_width_digits_are_read_exactly(typed, value):
    assert parse_answer(typed) == value


@pytest.mark.parametrize(("typed", "reason"), [("", "reason_empty"), ("1/0", "reason_zero_denominator"),
                                                ("abc", "reason_not_a_number"), ("nan", "reason_not_finite"),
                                                ("1e999", "reason_not_finite"), ("9" * 61, "reason_too_long"),
                                                ("١٢", "reason_not_a_number"), ("1/2/3", "reason_not_a_number")])
def test_what_is_not_a_number_is_refused_with_its_reason(typed, reason):
    with pytest.raises(Unusable) as refused:
        parse_answer(typed)
    assert refused.value.reason[0] == reason


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_text_that_is_not_a_number_is_said_once_in_either_language(lang):
    verdict = check("abc", DW, 0)
    text = render(verdict.message, lang)
    assert verdict.level == "info" and not verdict.counted
    assert text.count("not a number" if lang == "en" else "숫자가 아닙니다") == 1


@pytest.mark.parametrize(("typed", "hint"), [("35", "exm_sign"), ("-17.5", "exm_two"), ("-140", "exm_mean")])
def test_each_usual_mistake_on_the_notes_dw_gets_its_named_hint_without_the_number(typed, hint):
    for wrong_before in (0, 1):  # named on a second wrong try too, instead of the worked answer
        verdict = check(typed, DW, wrong_before)
        assert verdict.level == "warning" and verdict.message[1]["hint"] == (hint, {})
        for lang in ("en", "ko"):
            assert "-35" not in render(verdict.message, lang) and "35" not in TEXTS[hint][lang]


def test_a_wrong_answer_that_is_no_usual_mistake_gets_the_hint_then_the_worked_answer():
    assert check("-30", DW, 0).message[1]["hint"] == ("h", {}) and check("-30", DW, 1).level == "error"


def test_the_update_tolerance_is_half_the_change():
    assert update_tolerance(2.00489, 2.004875) == 7.5e-06
    assert update_tolerance(1.0, 1.0) is None  # nothing changed: the unchanged value is the answer


@pytest.fixture(scope="module")
def line_run():
    preset = bp_core.PRESETS["line"]
    model, data = preset.build()
    return model, data, bp_core.train(model, data, "manual", preset.learning_rate, preset.epochs)


@given(epoch=st.integers(0, 998), parameter=st.sampled_from(["w", "b"]))
def test_the_unchanged_parameter_is_refused_at_every_epoch_of_the_lecture_and_the_right_one_accepted(
        line_run, epoch, parameter):
    model, data, run = line_run
    step = bp_core.teaching.manual_step(model, bp_core.teaching.params_at(run, epoch), data, 0.01)
    exercise = step_view.step_exercise(step, model, "update", parameter, epoch)
    before, after = step.params[parameter].item(), step.new_params[parameter].item()
    if before == after:  # the update is below float32's resolution: unchanged is then right
        assert check(repr(before), exercise, 0).level == "success"
        return
    unchanged = check(f"{before:.9g}", exercise, 0)
    assert unchanged.level == "warning" and unchanged.message[1]["hint"] == ("exm_unchanged", {})
    exact = before - 0.01 * step.gradient[parameter].item()  # what the learner computes from the page's figures
    assert check(f"{exact:.9g}", exercise, 0).level == "success"


@pytest.mark.parametrize("model_key", ["mlp", "xor"])
def test_the_unchanged_parameter_is_refused_on_the_networks_too(model_key):
    preset = bp_core.PRESETS[model_key]
    model, data = preset.build()
    run = bp_core.train(model, data, "manual", preset.learning_rate, 200)
    for epoch in (0, 50, 199):
        step = bp_core.teaching.manual_step(model, bp_core.teaching.params_at(run, epoch), data, preset.learning_rate)
        for parameter in bp_core.models.scalar_names(step.params):
            exercise = step_view.step_exercise(step, model, "update", parameter, epoch)
            flat = dict(zip(bp_core.models.scalar_names(step.params), bp_core.models.flatten(step.params).tolist()))
            if exercise.answer != flat[parameter]:
                assert check(f"{flat[parameter]:.9g}", exercise, 0).level == "warning", (epoch, parameter)


def test_the_step_pages_first_gradient_question_names_the_missing_two_and_mean():
    model, data = bp_core.PRESETS["line"].build()
    step = bp_core.teaching.manual_step(model, model.init_params(), data, 0.01)
    exercise = step_view.step_exercise(step, model, "gradient", "w", 0)
    assert exercise.answer == -35.0
    assert {key: value for value, key in exercise.mistakes} == {"exm_sign": 35.0, "exm_two": -17.5, "exm_mean": -140.0}
    assert math.isclose(exercise.tolerance, 0.005)


def test_every_mistake_an_exercise_names_has_its_hint_in_both_languages():
    from ui.views.exercises import MISTAKE_HINTS

    model, data = bp_core.PRESETS["line"].build()
    step = bp_core.teaching.manual_step(model, model.init_params(), data, 0.01)
    named = {key for what in ("gradient", "loss", "update")
             for _, key in step_view.step_exercise(step, model, what, "w", 0).mistakes}
    assert named <= set(MISTAKE_HINTS)
    assert all(TEXTS[key]["en"] and TEXTS[key]["ko"] for key in MISTAKE_HINTS)


def test_the_walk_names_d_used_where_n_belongs_and_f_prime_left_out():
    from ui.views import backward_view

    model, data = bp_core.PRESETS["mlp"].build()
    walk = bp_core.teaching.backward_walk(model, model.init_params(), data, 3)
    kinds = {}
    for revealed in range(len(walk.steps)):
        exercise = backward_view.next_exercise(walk, revealed, "t")
        for value, key in exercise.mistakes:
            kinds.setdefault(key, (exercise, value))
    assert {"exm_sign", "exm_f_prime", "exm_d_for_n"} <= set(kinds)
    for key, (exercise, value) in kinds.items():
        verdict = check(f"{value:.9g}", exercise, 0)
        assert verdict.level == "warning" and verdict.message[1]["hint"] == (key, {}), key
