"""ui/session/settings.py: the Compare page's widgets turned into the settings to run, and what the settings build."""

import math

import numpy as np
import pandas as pd
import pytest

import bp_core
from ui.session.numbers import LR_MIN, POINT_LIMIT
from ui.session.points import LECTURE_POINTS
from ui.session.settings import LR_OPTIONS, Settings, resolve_settings
from ui.texts import TEXTS, render, t


def test_learning_rate_options_are_log_spaced_and_include_the_lectures_value():
    assert 0.01 in LR_OPTIONS and 1.0 in LR_OPTIONS and LR_OPTIONS == sorted(LR_OPTIONS)
    ratios = [b / a for a, b in zip(LR_OPTIONS, LR_OPTIONS[1:])]
    assert max(ratios) <= 3.0 and min(ratios) >= 1.2



def cells(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=["x", "y"], dtype=object)


WIDGETS = {"model": "line", "lr": 0.01, "lr_exact": None, "epochs": 1000, "seed": 0, "activation": "sigmoid"}


def test_resolving_bad_cells_keeps_the_last_valid_points_and_names_at_most_five_cells():
    last = ((1.0, 2.0),)
    resolved = resolve_settings(WIDGETS, cells(*[["x", "y"]] * 4), last, None)
    assert resolved.settings.points == last and resolved.valid_points == last
    key, values = resolved.messages[0]
    assert key == "bad_data" and len(values["cells"]) == 6 and values["cells"][-1] == ("cells_more", {"count": 3})
    text = render(resolved.messages[0], "en")
    assert "row 1, x “x”: not a number" in text and "and 3 more cells" in text
    good = resolve_settings(WIDGETS, cells(["5", "11"]), last, None)
    assert good.messages == [] and good.settings.points == ((5.0, 11.0),)


@pytest.mark.parametrize("lr", [0.0, -1.0, 1e-320, 101.0, math.nan, math.inf, "0.05", True])
def test_an_unusable_exact_learning_rate_is_named_and_the_last_valid_settings_run(lr):
    last = Settings(learning_rate=0.05, epochs=10)
    resolved = resolve_settings(WIDGETS | {"lr_exact": lr}, None, LECTURE_POINTS, last)
    assert resolved.settings == last and resolved.messages[0][0] == "bad_lr"
    assert resolve_settings(WIDGETS | {"lr_exact": lr}, None, LECTURE_POINTS, None).settings.learning_rate == 0.01


def test_the_smallest_learning_rate_is_the_smallest_normal_float32():
    assert LR_MIN == float(np.finfo(np.float32).tiny) and np.float32(LR_MIN) > 0
    assert resolve_settings(WIDGETS | {"lr_exact": LR_MIN}, None, LECTURE_POINTS, None).messages == []


def test_settings_build_the_models_the_page_names():
    line, data = Settings().build()
    assert type(line).__name__ == "Line" and data.y.reshape(-1).tolist() == [3, 5, 7, 9]
    mlp, data = Settings("mlp", 1.0, 10, 3, "relu").build()
    assert mlp.sizes == (2, 3, 2) and mlp.activation == "relu" and mlp.seed == 3 and data.name == "half_adder"


def test_points_at_the_limit_train_to_finite_float32_losses():
    extreme = ((POINT_LIMIT, -POINT_LIMIT), (-POINT_LIMIT, POINT_LIMIT))
    settings = Settings(learning_rate=LR_MIN, epochs=3, points=extreme)
    result = bp_core.train(*settings.build(), "manual", settings.learning_rate, settings.epochs)
    assert np.isfinite(result.history["loss"]).all() and result.diverged_at is None


def test_every_text_exists_in_both_languages_with_the_same_placeholders():
    import string

    for key, entry in TEXTS.items():
        assert set(entry) == {"en", "ko"}, key
        fields = [{f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f} for lang in ("en", "ko")]
        assert fields[0] == fields[1], key
    assert t("lr_used", "ko", lr=0.5) == "사용한 학습률: 0.5"


def _values(**changes):
    return {"model": "line", "lr": 0.01, "lr_exact": None, "epochs": 1000, "seed": 0, "activation": "sigmoid"} | changes


def test_resolve_settings_uses_the_exact_learning_rate_over_the_slider():
    from ui.session.settings import resolve_settings

    resolved = resolve_settings(_values(lr_exact=0.119), None, LECTURE_POINTS, None)
    assert resolved.settings.learning_rate == 0.119 and resolved.messages == []


def test_resolve_settings_names_a_bad_learning_rate_and_keeps_the_last_valid_settings():
    from ui.session.settings import resolve_settings

    last = Settings(learning_rate=0.05, epochs=300)
    resolved = resolve_settings(_values(lr_exact=-1.0), None, LECTURE_POINTS, last)
    assert resolved.settings == last
    assert resolved.messages == [("bad_lr", {"value": "-1.0", "reason": ("reason_lr_range",
                                                                           {"low": LR_MIN, "high": 100.0})})]
    fresh = resolve_settings(_values(model="mlp", lr_exact=1e9), None, LECTURE_POINTS, None)
    assert fresh.settings.learning_rate == 1.0 and fresh.settings.model == "mlp"  # the network's default


def test_resolve_settings_takes_edited_points_or_names_why_not():
    from ui.session.settings import resolve_settings
    from ui.texts import render

    good = cells(["0.0", "1.0"], ["1", "3"])
    resolved = resolve_settings(_values(), good, LECTURE_POINTS, None)
    assert resolved.valid_points == ((0.0, 1.0), (1.0, 3.0)) == resolved.settings.points
    bad = cells(["0.0", "1.0"], ["1.0", "1e7"])
    resolved = resolve_settings(_values(), bad, ((5.0, 5.0),), None)
    assert resolved.valid_points == ((5.0, 5.0),) and resolved.settings.points == ((5.0, 5.0),)
    assert "row 2, y “1e7”: beyond ±1e+06" in render(resolved.messages[0], "en")


def test_the_settings_rules_import_no_streamlit():
    """ui/session/settings.py says "No Streamlit here": a fresh interpreter that imports it has not loaded streamlit."""
    import subprocess
    import sys
    from pathlib import Path

    code = "import sys, ui.session.settings; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         cwd=Path(__file__).resolve().parents[1], check=True).stdout.strip()
    assert out == "False"


@pytest.mark.parametrize(("name", "typed", "echo"), [
    ("epochs", None, "nothing: the box is empty"), ("epochs", 2.5, "2.5"), ("epochs", 0.0, "0.0"),
    ("epochs", 1e9, "1000000000.0"), ("seed", -1.0, "-1.0"), ("seed", None, "nothing: the box is empty"),
    ("seed", 0.5, "0.5")])
def test_resolve_settings_names_an_epochs_or_seed_box_that_is_empty_or_not_whole(name, typed, echo):
    """An empty box (also where Streamlit put back NaN or inf from a modified client) or a fraction is named in the
    learner's words, and the last valid settings run; nothing is rounded or read as 0."""
    last = Settings(learning_rate=0.05, epochs=300, seed=7)
    resolved = resolve_settings(_values(**{name: typed}), None, LECTURE_POINTS, last)
    assert resolved.settings == last
    assert [m[0] for m in resolved.messages] == ["bad_whole"]
    for lang in ("en", "ko"):
        text = render(resolved.messages[0], lang)
        assert (echo if echo[0] != "n" or lang == "en" else "없음 (빈 칸)") in text
    fresh = resolve_settings(_values(**{name: typed}), None, LECTURE_POINTS, None)
    assert fresh.settings.epochs == bp_core.PRESETS["line"].epochs and fresh.settings.seed == 0


def test_resolve_settings_reads_whole_floats_from_the_float_boxes():
    resolved = resolve_settings(_values(epochs=250.0, seed=3.0), None, LECTURE_POINTS, None)
    assert resolved.messages == [] and resolved.settings.epochs == 250 and resolved.settings.seed == 3
    assert type(resolved.settings.epochs) is int and type(resolved.settings.seed) is int


def test_settings_for_a_model_take_its_presets_learning_rate_and_epochs_unless_epochs_are_given():
    for name, preset in bp_core.PRESETS.items():
        made = Settings.for_model(name)
        assert (made.model, made.learning_rate, made.epochs) == (name, preset.learning_rate, preset.epochs)
        assert (made.seed, made.activation, made.points) == (Settings().seed, Settings().activation, Settings().points)
        assert Settings.for_model(name, 20).epochs == 20
        assert Settings.for_model(name, 20).learning_rate == preset.learning_rate
