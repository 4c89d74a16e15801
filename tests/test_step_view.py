import math

import pytest
import torch

import bp_core
from ui.texts import render
from ui.views import step_view as view
from ui.views import teaching


@pytest.fixture(scope="module")
def runs():
    return {key: teaching.trained(settings) for key, settings in teaching.RUNS.items()}


@pytest.mark.parametrize(("epoch", "action", "expected"), [
    (0, "previous", 0), (0, "next", 1), (998, "next", 999), (999, "next", 999), (5, "previous", 4), (5, "reset", 0),
])
def test_previous_next_and_reset_stay_within_the_run(epoch, action, expected):
    assert view.move(epoch, action, 999) == expected


@pytest.mark.parametrize("value", [None, -1, 1000, 2.5, float("nan"), float("inf"), 1e308, True, "3", [3]])
def test_a_typed_epoch_out_of_range_or_not_a_whole_number_is_refused_with_a_message(value):
    epoch, problem = view.resolve_jump(value, 999)
    assert epoch is None and problem[0] == ("step_no_jump" if value is None else "step_bad_jump")
    assert "999" in render(problem, "en") and "999" in render(problem, "ko")
    assert "None" not in render(problem, "en")


@pytest.mark.parametrize(("value", "expected"), [(0, 0), (999, 999), (12.0, 12)])
def test_a_typed_epoch_in_range_is_taken(value, expected):
    assert view.resolve_jump(value, 999) == (expected, None)


@pytest.mark.parametrize("epoch", [0, 1, 500, 998, 999])
def test_the_lines_numbers_on_the_page_are_the_histories(runs, epoch):
    run, settings = runs["line"], teaching.RUNS["line"]
    step = view.step_at(settings, epoch)
    after = bp_core.teaching.params_at(run, epoch + 1)
    assert view.matches_history(settings, epoch)
    table = view.line_table(step, "en")
    assert table["x"].tolist() == [1.0, 2.0, 3.0, 4.0] and table["y"].tolist() == [3.0, 5.0, 7.0, 9.0]
    assert table["pred = w x + b"].tolist() == step.forward["pred"][:, 0].tolist()
    formulas = view.line_formulas(step)
    assert formulas["loss"].endswith(f"&= {run.history['loss'].iloc[epoch]:.6g} \\end{{aligned}}")
    assert formulas["w"].endswith(f"= {after['w'].item():.7g}") and formulas["b"].endswith(f"= {after['b'].item():.7g}")
    assert f"= {step.gradient['w'].item():.6g} \\end" in formulas["dw"]


def test_the_first_step_on_the_line_is_the_lectures():
    formulas = view.line_formulas(view.step_at(teaching.RUNS["line"], 0))
    assert "\\frac{2}{4}(1 \\cdot (-3) + 2 \\cdot (-5) + 3 \\cdot (-7) + 4 \\cdot (-9)) \\\\ &= -35" in formulas["dw"]
    assert "&= -12 \\end" in formulas["db"]
    assert formulas["w"] == "w \\leftarrow w - lr \\cdot dw = 0 - 0.01 \\cdot (-35) = 0.35"


@pytest.mark.parametrize("epoch", [0, 2500, 4999])
def test_the_networks_update_table_is_row_e_and_row_e_plus_1(runs, epoch):
    run, settings = runs["mlp"], teaching.RUNS["mlp"]
    step = view.step_at(settings, epoch)
    table = view.update_table(step, "en")
    assert table["parameter"].tolist() == run.parameter_names
    assert table["value"].tolist() == run.history[run.parameter_names].iloc[epoch].tolist()
    assert table["new value"].tolist() == run.history[run.parameter_names].iloc[epoch + 1].tolist()
    assert view.matches_history(settings, epoch)


def test_the_networks_tables_hold_every_units_values_and_local_derivatives():
    model, _ = teaching.RUNS["mlp"].build()
    step = view.step_at(teaching.RUNS["mlp"], 10)
    forward = view.network_forward_table(step, model, "en").set_index("quantity")
    assert len(forward) == 2 + 2 * 3 + 2 * 2 + 2 and list(forward.columns) == [f"sample {i}" for i in range(4)]
    assert forward.loc["d(h2)"].tolist() == step.forward["d1"][:, 1].tolist()
    assert forward.loc["n(ŷ1)"].tolist() == step.forward["n2"][:, 0].tolist()
    local = view.network_local_table(step, model, "ko").set_index("항목")
    assert local.loc["∂L/∂d(h3)"].tolist() == step.local["dL/dd1"][:, 2].tolist()


def test_headline_metrics_are_the_steps_numbers():
    step = view.step_at(teaching.RUNS["line"], 0)
    norm = f"{math.hypot(35, 12):.7g}"
    assert view.headline(step, 0, "en") == [("Loss at epoch 0", "41"), ("Gradient norm ‖g‖", norm),
                                            ("Learning rate lr", "0.01")]
    assert torch.equal(step.gradient["w"], torch.tensor([[-35.0]]))
