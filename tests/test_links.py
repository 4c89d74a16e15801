"""ui/session/links.py: the shareable link read parameter by parameter (every unusable one named with the reason) and
written with every float exact."""

import math

import pytest

import bp_core
from ui.session.links import read_query_params, to_query_params
from ui.session.numbers import POINT_LIMIT
from ui.session.settings import EPOCHS_CAP, Settings
from ui.texts import TEXTS, render


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

