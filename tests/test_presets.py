"""The presets table carries every model-specific fact the dashboard needs, and the dashboard asks it: no page or ui
module compares a model kind's name, and every fact a preset states is borne out by the model it builds."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest
import torch

import bp_core
from bp_core.measure import scaling
from bp_core.presets import OPTIONS
from ui.session.presets import PAGES, VIEWS, view
from ui.session.settings import EPOCHS_CAP, LR_OPTIONS, Settings
from ui.texts import TEXTS

ROOT = Path(__file__).resolve().parent.parent
KINDS = {"line", "mlp"} | set(bp_core.PRESETS) | set(bp_core.Model.registry)
"""The names of the model kinds and presets: what a page would compare if it branched on a model's kind."""


def _is_kind(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value in KINDS


def kind_branches(source: str) -> list[tuple[int, str]]:
    """(line, what) for each place ``source`` compares a value with a kind's name (``==``, ``!=``, ``in`` a literal
    holding it), matches on one (``case "line":``) or keys a dict literal by one."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            held = [e for o in operands if isinstance(o, ast.Tuple | ast.List | ast.Set) for e in o.elts]
            if any(_is_kind(o) for o in [*operands, *held]):
                found.append((node.lineno, "comparison"))
        elif isinstance(node, ast.MatchValue) and _is_kind(node.value):
            found.append((node.lineno, "match"))
        elif isinstance(node, ast.Dict) and any(_is_kind(key) for key in node.keys):
            found.append((node.lineno, "dict key"))
    return sorted(found)


def test_no_page_or_ui_module_branches_on_a_model_kinds_name():
    sources = [*sorted(ROOT.glob("ui/**/*.py")), *sorted(ROOT.glob("pages/*.py")), *sorted(ROOT.glob("*.py"))]
    sources.remove(ROOT / "ui" / "session" / "presets.py")  # the presentation table itself
    found = {f"{path.relative_to(ROOT)}:{line}": what for path in sources
             for line, what in kind_branches(path.read_text(encoding="utf-8"))}
    assert len(sources) > 20 and found == {}


def test_the_kind_name_check_finds_comparisons_matches_and_dict_keys():
    source = '''
if settings.model == "line": pass
if "mlp" != model: pass
if model in ("line", "other"): pass
match model:
    case "mlp": pass
DEFAULTS = {"line": 1}
if preset.editable_points and model == "points": pass
'''
    assert kind_branches(source) == [(2, "comparison"), (3, "comparison"), (4, "comparison"), (6, "match"),
                                     (7, "dict key")]


@pytest.fixture(params=list(bp_core.PRESETS), ids=str)
def preset(request) -> bp_core.Preset:
    return bp_core.PRESETS[request.param]


def names_of(model: bp_core.Model) -> list[str]:
    return bp_core.models.scalar_names(model.init_params())


def test_each_preset_is_filed_under_its_key_and_its_defaults_fit_the_dashboard(preset):
    assert bp_core.PRESETS[preset.key] is preset
    assert preset.epochs <= EPOCHS_CAP and preset.learning_rate in LR_OPTIONS  # the slider must hold it
    assert set(view(preset.key).pages) <= set(PAGES) and set(preset.options) <= set(OPTIONS)


def test_bp_core_holds_the_problem_and_ui_its_presentation():
    """Every preset has one row of presentation in ui/session/presets.py and its name and data caption in both
    languages; bp_core's Preset carries no page, label, caption or view."""
    assert list(VIEWS) == list(bp_core.PRESETS)
    for key in bp_core.PRESETS:
        assert TEXTS[f"model_{key}"]["en"] and TEXTS[f"model_{key}"]["ko"]
        assert TEXTS[f"data_{key}"]["en"] and TEXTS[f"data_{key}"]["ko"]
    fields = {f.name for f in dataclasses.fields(bp_core.Preset)}
    assert not fields & {"pages", "labels", "data_caption", "step_formulas", "headline_parameters", "loss_surface",
                         "exact_bound"}


def test_the_dashboards_settings_start_each_option_at_the_presets_default(preset):
    """ui/session/shared.py starts seed and activation from Settings' defaults: a preset's defaults must be the same."""
    defaults = Settings()
    options = {name: getattr(defaults, name) for name in preset.options}
    assert preset.build(**options)[0] == preset.build()[0]


def test_settings_build_what_the_preset_builds(preset):
    model, data = Settings(preset.key).build()
    expected_model, expected_data = preset.build()
    assert model == expected_model
    assert torch.equal(data.x, expected_data.x) and torch.equal(data.y, expected_data.y)


def test_what_a_preset_says_about_its_model_holds(preset):
    model, data = preset.build()
    names = names_of(model)
    shown = view(preset.key)
    # the chain-rule page follows layered networks, and the line as the one unit it is (Line.as_network)
    assert ("chain_rule" in shown.pages) == (model.layered or hasattr(model, "as_network"))
    if shown.loss_surface or shown.step_formulas or model.quadratic_loss:  # the line's views and closed form
        assert isinstance(model, bp_core.Line) and names == ["w", "b"]
    if model.quadratic_loss:
        closed = bp_core.teaching.line_hessian(data)
        bound = bp_core.stability_bound(model, None, data)
        assert closed.learning_rate_bound == pytest.approx(bound.learning_rate_bound, rel=1e-9)
    assert set(shown.headline_parameters) <= set(names)
    if preset.editable_points:
        assert model.in_features == model.out_features == 1
    if preset.scaling_family is not None:
        assert preset.scaling_family in scaling.FAMILIES["n_samples"]
        measured = scaling.study_model(preset.scaling_family, 4, "n_samples").spec()
        assert {k: v for k, v in measured.items() if k != "seed"} == {
            k: v for k, v in model.spec().items() if k != "seed"}


def test_a_label_that_counts_parameters_counts_them_right(preset):
    count = len(names_of(preset.build()[0]))
    label = TEXTS[f"model_{preset.key}"]
    if "parameters" in label["en"]:
        assert f"{count} parameters" in label["en"] and f"파라미터 {count}개" in label["ko"]


def test_every_preset_trains_by_hand_to_a_low_loss_with_its_own_settings(preset):
    result = bp_core.train(*preset.build(), "manual", preset.learning_rate, preset.epochs)
    assert result.diverged_at is None and result.final_loss < 0.05


def test_build_takes_the_options_a_preset_offers_and_points_only_where_they_are_editable():
    line, network = bp_core.PRESETS["line"], bp_core.PRESETS["mlp"]
    model, data = line.build(((0.0, 1.0), (2.0, 5.0)))
    assert data.x.tolist() == [[0.0], [2.0]] and data.y.tolist() == [[1.0], [5.0]] and data.name == "points"
    assert network.build(seed=4, activation="relu")[0] == bp_core.MLP((2, 3, 2), "relu", "sigmoid", 4)
    with pytest.raises(ValueError, match="options of preset 'line'"):
        line.build(seed=1)
    with pytest.raises(ValueError, match="points must be None for preset 'mlp'"):
        network.build(((0.0, 1.0),))
    with pytest.raises(ValueError, match="points must be"):
        line.build(((0.0, 1.0, 2.0),))
    with pytest.raises(ValueError, match="activation"):
        network.build(activation="gelu")


def test_the_xor_preset_learns_what_no_line_can_fit():
    preset = bp_core.PRESETS["xor"]
    model, data = preset.build()
    assert data.x.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]] and data.y.reshape(-1).tolist() == [0, 1, 1, 0]
    design = torch.cat([data.x, torch.ones(4, 1)], dim=1).double()  # the best plane: 0.5 everywhere
    plane = torch.linalg.lstsq(design, data.y.double()).solution
    assert ((design @ plane - data.y) ** 2).mean().item() == pytest.approx(0.25)
    result = bp_core.train(model, data, "manual", preset.learning_rate, preset.epochs)
    assert preset.epochs <= EPOCHS_CAP and result.final_loss < 0.005  # well below 0.05
    outputs = bp_core.models.predict(model, result.params, data.x)
    assert outputs.round().reshape(-1).tolist() == [0, 1, 1, 0]


def test_the_exact_bound_is_the_models_quadratic_loss_which_the_sweep_reports():
    assert bp_core.Line.quadratic_loss and not bp_core.MLP.quadratic_loss
    sweep = bp_core.teaching.learning_rate_sweep(bp_core.Line(), bp_core.seed_line(), 0.01, 0.1, 2, 5)
    assert sweep.exact_bound
    assert not bp_core.teaching.learning_rate_sweep(bp_core.MLP(), bp_core.half_adder(), 0.1, 1.0, 2, 5).exact_bound
