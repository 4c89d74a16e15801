import pandas as pd
import pytest

from ui.settings import (
    EPOCHS_CAP,
    LECTURE_POINTS,
    LR_OPTIONS,
    Settings,
    points_problem,
    read_query_params,
    to_query_params,
)
from ui.texts import TEXTS, t


def test_learning_rate_options_are_log_spaced_and_include_the_lectures_value():
    assert 0.01 in LR_OPTIONS and 1.0 in LR_OPTIONS and LR_OPTIONS == sorted(LR_OPTIONS)
    ratios = [b / a for a, b in zip(LR_OPTIONS, LR_OPTIONS[1:])]
    assert max(ratios) <= 3.0 and min(ratios) >= 1.2


def test_query_params_round_trip_a_run():
    settings = Settings("mlp", 0.3, 2500, 7, "tanh")
    params = to_query_params(settings, "ko")
    valid, bad = read_query_params(params)
    assert bad == [] and valid == {"model": "mlp", "lr": 0.3, "epochs": 2500, "seed": 7, "act": "tanh", "lang": "ko"}
    custom = Settings(points=((0.0, 1.0), (1.5, -2.0)))
    assert read_query_params(to_query_params(custom, "en"))[0]["pts"] == ((0.0, 1.0), (1.5, -2.0))
    assert "pts" not in to_query_params(Settings(), "en")


@pytest.mark.parametrize(("name", "value"), [("lr", "0"), ("lr", "nan"), ("lr", "1e9"), ("epochs", str(EPOCHS_CAP + 1)),
                                             ("epochs", "ten"), ("model", "cnn"), ("act", "gelu"), ("pts", "1:2:3"),
                                             ("pts", "1:inf"), ("lang", "fr"), ("seed", "-1")])
def test_out_of_range_query_params_are_named_and_dropped(name, value):
    valid, bad = read_query_params({name: value})
    assert bad == [name] and valid == {}


def test_points_problems_are_reported_with_a_reason():
    assert points_problem(pd.DataFrame(LECTURE_POINTS, columns=["x", "y"])) is None
    assert points_problem(pd.DataFrame(columns=["x", "y"]))[0] == "reason_no_rows"
    assert points_problem(pd.DataFrame([[1.0, None]], columns=["x", "y"]))[0] == "reason_not_numbers"
    assert points_problem(pd.DataFrame([[1.0, "a"]], columns=["x", "y"]))[0] == "reason_not_numbers"
    assert points_problem(pd.DataFrame([[1.0, 2.0]] * 201, columns=["x", "y"]))[0] == "reason_too_many"


def test_settings_build_the_models_the_page_names():
    line, data = Settings().build()
    assert type(line).__name__ == "Line" and data.y.reshape(-1).tolist() == [3, 5, 7, 9]
    mlp, data = Settings("mlp", 1.0, 10, 3, "relu").build()
    assert mlp.sizes == (2, 3, 2) and mlp.activation == "relu" and mlp.seed == 3 and data.name == "half_adder"


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
    from ui.settings import resolve_settings

    resolved = resolve_settings(_values(lr_exact=0.119), None, LECTURE_POINTS, None)
    assert resolved.settings.learning_rate == 0.119 and resolved.messages == []


def test_resolve_settings_names_a_bad_learning_rate_and_keeps_the_last_valid_settings():
    from ui.settings import resolve_settings

    last = Settings(learning_rate=0.05, epochs=300)
    resolved = resolve_settings(_values(lr_exact=-1.0), None, LECTURE_POINTS, last)
    assert resolved.settings == last
    assert resolved.messages == [("bad_lr", {"cap": 100.0, "value": -1.0})]
    fresh = resolve_settings(_values(model="mlp", lr_exact=1e9), None, LECTURE_POINTS, None)
    assert fresh.settings.learning_rate == 1.0 and fresh.settings.model == "mlp"  # the network's default


def test_resolve_settings_takes_edited_points_or_names_why_not():
    from ui.settings import resolve_settings
    from ui.texts import render

    good = pd.DataFrame([[0.0, 1.0], [1.0, 3.0]], columns=["x", "y"])
    resolved = resolve_settings(_values(), good, LECTURE_POINTS, None)
    assert resolved.valid_points == ((0.0, 1.0), (1.0, 3.0)) == resolved.settings.points
    bad = pd.DataFrame([[0.0, 1.0], [1.0, 1e7]], columns=["x", "y"])
    resolved = resolve_settings(_values(), bad, ((5.0, 5.0),), None)
    assert resolved.valid_points == ((5.0, 5.0),) and resolved.settings.points == ((5.0, 5.0),)
    assert "within ±1e+06" in render(resolved.messages[0], "en")
