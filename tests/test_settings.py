import math

import numpy as np
import pandas as pd
import pytest

import bp_core
from ui.settings import (
    EPOCHS_CAP,
    LECTURE_POINTS,
    LR_MIN,
    LR_OPTIONS,
    MAX_POINTS,
    POINT_LIMIT,
    Settings,
    parse_points_table,
    parse_real,
    points_frame,
    read_query_params,
    resolve_settings,
    shown,
    to_query_params,
)
from ui.texts import TEXTS, render, t


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


def test_links_carry_every_float_exactly_so_a_shared_link_reproduces_the_run_bit_for_bit():
    awkward = (0.1 + 0.2, 1 / 3, -123456.78901234567, 5e-324 * 1e300, math.nextafter(2.0, 3.0), -0.0)
    settings = Settings(learning_rate=0.11987654321, points=tuple((x, x * 7.123456789012345) for x in awkward))
    valid, problems = read_query_params(to_query_params(settings, "en"))
    assert problems == []
    assert valid["lr"] == 0.11987654321 and valid["pts"] == settings.points
    assert [math.copysign(1, x) for x, _ in valid["pts"]] == [math.copysign(1, x) for x in awkward]


def problem_names(problems) -> list[str]:
    return [values["name"] for _, values in problems]


@pytest.mark.parametrize(("name", "value"), [
    ("lr", "0"), ("lr", "-0"), ("lr", "nan"), ("lr", "inf"), ("lr", "-inf"), ("lr", "1e9"), ("lr", "1e308"),
    ("lr", "1e-320"), ("lr", "1e-39"), ("lr", ""), ("lr", " 0.1"), ("lr", "0.1 "), ("lr", "0x10"), ("lr", "1_0"),
    ("lr", "١"), ("lr", "０.５"), ("lr", "1e99999"), ("lr", "0.1" + "0" * 100), ("lr", "abc"), ("lr", "1/2"),
    ("epochs", str(EPOCHS_CAP + 1)), ("epochs", "0"), ("epochs", "-0"), ("epochs", "ten"), ("epochs", "1e3"),
    ("epochs", "1_000"), ("epochs", " 5 "), ("epochs", "5.0"), ("epochs", "0x10"), ("epochs", "٥"), ("epochs", ""),
    ("epochs", "9" * 5000), ("epochs", "+5"),
    ("seed", "-1"), ("seed", "-0"), ("seed", str(bp_core.limits.MAX_SEED + 1)), ("seed", "1.5"), ("seed", ""),
    ("model", "cnn"), ("model", ""), ("model", "LINE"), ("act", "gelu"), ("lang", "fr"), ("lang", "xx"),
    ("pts", "1:2:3"), ("pts", "1:inf"), ("pts", "1:nan"), ("pts", "1:3,2:1e308"), ("pts", "1:1e20,2:5"),
    ("pts", "1:3,"), ("pts", ""), ("pts", "1"), ("pts", "a:b"), ("pts", "1:2;3:4"),
    ("pts", ",".join(["1:2"] * 10_000)), ("pts", f"1:{POINT_LIMIT * 1.0000001!r}"), ("pts", "x" * 100_000),
])
def test_unusable_query_params_are_named_with_a_reason_and_dropped(name, value):
    params = {name: value} if name not in ("act", "seed") else {"model": "mlp", name: value}
    valid, problems = read_query_params(params)
    assert name not in valid and problem_names(problems) == [name]
    key, values = problems[0]
    assert key == "bad_link_param" and values["reason"][0] in TEXTS
    text = render(problems[0], "ko") + render(problems[0], "en")
    assert len(text) < 600  # a 100,000-character link is quoted, not echoed


@pytest.mark.parametrize(("name", "value", "expected"), [
    ("lr", "1e-3", 0.001), ("lr", ".5", 0.5), ("lr", "5.", 5.0), ("lr", "+0.25", 0.25), ("lr", "100", 100.0),
    ("lr", "1.2e-38", 1.2e-38), ("epochs", "0010", 10), ("epochs", str(EPOCHS_CAP), EPOCHS_CAP),
    ("pts", "-0:0", ((-0.0, 0.0),)), ("pts", "1e6:-1e6", ((1e6, -1e6),)), ("lang", "ko", "ko"),
])
def test_usable_query_params_are_read_exactly(name, value, expected):
    valid, problems = read_query_params({name: value})
    assert problems == [] and valid[name] == expected


def test_a_repeated_key_is_used_when_its_values_agree_and_named_when_they_differ():
    assert read_query_params({"lr": ["0.1", "0.1"]}) == ({"lr": 0.1}, [])
    valid, problems = read_query_params({"lr": ["0.1", "0.2"], "epochs": ["5"]})
    assert valid == {"epochs": 5} and problem_names(problems) == ["lr"]
    assert problems[0][1]["reason"][0] == "reason_repeated"


def test_settings_of_the_other_model_are_named_as_ignored():
    valid, problems = read_query_params({"model": "mlp", "pts": "1:2", "seed": "3"})
    assert valid == {"model": "mlp", "seed": 3}
    assert [(key, values["name"]) for key, values in problems] == [("link_param_ignored", "pts")]
    valid, problems = read_query_params({"seed": "-3", "act": "tanh"})
    assert valid == {} and [(key, values["name"]) for key, values in problems] == [("link_param_ignored", "seed"),
                                                                                  ("link_param_ignored", "act")]


def test_values_quoted_in_messages_cannot_inject_markdown_and_are_cut_short():
    assert shown("[click](http://evil.example)") == r"\[click\]\(http://evil.example\)"
    assert shown("$x$ **b** <img> `c`") == r"\$x\$ \*\*b\*\* \<img\> \`c\`"
    assert len(shown("9" * 1000)) <= 31 and shown("9" * 1000).endswith("…")
    assert shown("a\x00b\nc") == "a�b�c"


@pytest.mark.parametrize(("text", "reason"), [
    ("", "reason_empty"), ("abc", "reason_not_a_number"), ("inf", "reason_not_finite"),
    ("-Infinity", "reason_not_finite"), ("NaN", "reason_not_finite"), ("1e400", "reason_not_finite"),
    ("1_000", "reason_not_a_number"),
    ("0x10", "reason_not_a_number"), ("١٢", "reason_not_a_number"), ("1,5", "reason_not_a_number"),
    ("1" * 41, "reason_too_long"), ("--1", "reason_not_a_number"), ("1e", "reason_not_a_number"),
])
def test_the_number_grammar_refuses_what_float_would_accept_or_round(text, reason):
    with pytest.raises(ValueError) as raised:
        parse_real(text)
    assert raised.value.reason[0] == reason


def cells(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=["x", "y"], dtype=object)


def test_the_points_table_holds_exact_text_and_parses_back_to_the_same_floats():
    points = ((0.1 + 0.2, -1 / 3), (1e-300, 123456.789))
    frame = points_frame(points)
    assert frame.to_numpy().tolist() == [["0.30000000000000004", "-0.3333333333333333"], ["1e-300", "123456.789"]]
    assert parse_points_table(frame) == (points, [])
    assert parse_points_table(points_frame(LECTURE_POINTS)) == (LECTURE_POINTS, [])


def test_every_hostile_cell_is_named_by_row_column_what_was_typed_and_why():
    frame = cells(["abc", "1"], [" 2 ", "1e308"], [None, "inf"], ["3", ""], [float("nan"), True], ["1e6", "-1e6"],
                  [np.float64(2.5), 4], ["１", "nan"])
    points, problems = parse_points_table(frame)
    assert points is None
    found = [(v["row"], v["column"], v["typed"], v["reason"][0]) for _, v in problems]
    assert found == [
        (1, "x", "abc", "reason_not_a_number"), (2, "y", "1e308", "reason_beyond_limit"), (3, "x", "", "reason_empty"),
        (3, "y", "inf", "reason_not_finite"), (4, "y", "", "reason_empty"), (5, "x", "", "reason_empty"),
        (5, "y", "True", "reason_not_a_number"), (8, "x", "１", "reason_not_a_number"),
        (8, "y", "nan", "reason_not_finite"),
    ]
    assert "row 2, y “1e308”: beyond ±1e+06" in render(problems[1], "en")
    assert "2행 y “1e308”" in render(problems[1], "ko")


def test_a_table_with_no_rows_or_too_many_rows_is_refused_as_a_whole():
    assert parse_points_table(cells())[1] == [("reason_no_rows", {})]
    assert parse_points_table(cells(*[["1", "2"]] * (MAX_POINTS + 1)))[1] == [("reason_too_many", {"cap": MAX_POINTS})]
    assert parse_points_table(cells(*[["1", "2"]] * MAX_POINTS))[0] == ((1.0, 2.0),) * MAX_POINTS


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
    from ui.settings import resolve_settings

    resolved = resolve_settings(_values(lr_exact=0.119), None, LECTURE_POINTS, None)
    assert resolved.settings.learning_rate == 0.119 and resolved.messages == []


def test_resolve_settings_names_a_bad_learning_rate_and_keeps_the_last_valid_settings():
    from ui.settings import resolve_settings

    last = Settings(learning_rate=0.05, epochs=300)
    resolved = resolve_settings(_values(lr_exact=-1.0), None, LECTURE_POINTS, last)
    assert resolved.settings == last
    assert resolved.messages == [("bad_lr", {"value": "-1.0", "reason": ("reason_lr_range",
                                                                           {"low": LR_MIN, "high": 100.0})})]
    fresh = resolve_settings(_values(model="mlp", lr_exact=1e9), None, LECTURE_POINTS, None)
    assert fresh.settings.learning_rate == 1.0 and fresh.settings.model == "mlp"  # the network's default


def test_resolve_settings_takes_edited_points_or_names_why_not():
    from ui.settings import resolve_settings
    from ui.texts import render

    good = cells(["0.0", "1.0"], ["1", "3"])
    resolved = resolve_settings(_values(), good, LECTURE_POINTS, None)
    assert resolved.valid_points == ((0.0, 1.0), (1.0, 3.0)) == resolved.settings.points
    bad = cells(["0.0", "1.0"], ["1.0", "1e7"])
    resolved = resolve_settings(_values(), bad, ((5.0, 5.0),), None)
    assert resolved.valid_points == ((5.0, 5.0),) and resolved.settings.points == ((5.0, 5.0),)
    assert "row 2, y “1e7”: beyond ±1e+06" in render(resolved.messages[0], "en")
