
import pandas as pd
import pytest

import bp_core
from ui.texts import TEXTS, render
from ui.views import check_view as view
from ui.views import teaching

NAMES = ["w", "b"]


def frame(values):
    return pd.DataFrame({"parameter": NAMES, "value": values})


def test_typed_values_round_trip_exactly():
    values = tuple(bp_core.models.flatten(bp_core.MLP().init_params()).tolist())
    names = bp_core.models.scalar_names(bp_core.MLP().init_params())
    assert view.parse_typed(view.typed_frame(names, values), names) == (values, [])


@pytest.mark.parametrize(("cells", "expected"), [(["1.5", " -2 "], (1.5, -2.0)), (["1e-3", "-0.5"], (0.001, -0.5)),
                                                 ([3, 4.25], (3.0, 4.25))])
def test_numbers_typed_in_any_usual_way_are_read(cells, expected):
    assert view.parse_typed(frame(cells), NAMES) == (expected, [])


@pytest.mark.parametrize(("cells", "keys"), [
    (["abc", "1"], ["check_bad_cell"]), (["", "1"], ["check_bad_cell"]), ([None, "1"], ["check_bad_cell"]),
    (["nan", "1"], ["check_bad_range"]), (["inf", "-inf"], ["check_bad_range", "check_bad_range"]),
    (["1e308", "1"], ["check_bad_range"]), (["1001", "1"], ["check_bad_range"]), (["1,5", "x"], ["check_bad_cell"] * 2),
    (["−0.5", "1"], ["check_bad_cell"]), (["١", "1"], ["check_bad_cell"]), (["1_000", "1"], ["check_bad_cell"]),
    (["[click](http://evil.example)", "1"], ["check_bad_cell"]), (["9" * 100_000, "1"], ["check_bad_cell"]),
])
def test_cells_that_are_not_usable_numbers_are_each_named(cells, keys):
    values, messages = view.parse_typed(frame(cells), NAMES)
    assert values is None and [m[0] for m in messages] == keys
    named = [n for n, c in zip(NAMES, cells) if c not in ("1",)]
    for message, name in zip(messages, named):
        assert message[1]["name"] == name
        assert len(message[1]["value"]) <= 40 and "](" not in message[1]["value"]  # one escaped, shortened echo
        assert name in render(message, "en") and name in render(message, "ko")


def test_a_table_with_other_rows_is_refused():
    assert view.parse_typed(frame(["1", "2"]).iloc[::-1], NAMES) == (None, [("check_bad_rows", {})])


@pytest.mark.parametrize(("value", "expected"), [(3, 3), (-1, 0), (6000, 5000), (True, 0), ("7", 0), (2.5, 0)])
def test_an_epoch_kept_from_another_run_is_brought_into_range(value, expected):
    assert view.valid_epoch(value, 5000) == expected


def test_the_check_tables_on_the_page_are_bp_cores_report_at_the_chosen_parameters():
    settings = teaching.RUNS["mlp"]
    values = view.values_at(settings, "trained", 300)
    model, data = settings.build()
    params = bp_core.teaching.params_at(teaching.trained(settings), 300)
    assert values == tuple(bp_core.models.flatten(params).tolist())
    report = view.report(settings, values)
    expected = bp_core.teaching.gradient_report(model, params, data)
    assert report.gradcheck_passed == expected.gradcheck_passed
    for dtype in ("float32", "float64"):
        shown = view.check_table(report.tables[dtype], "ko")
        table = expected.tables[dtype].table
        assert list(shown.columns[:2]) == ["파라미터", "판정"]
        assert shown["직접 미분"].tolist() == table["manual"].tolist()
        assert shown["유한 차분"].tolist() == table["numeric"].tolist()
        assert set(shown["판정"]) <= {"✓ 통과", "✗ 유한 차분 불일치"}
        assert set(view.table_columns(shown)) == set(shown.columns[2:])


def test_the_zero_grad_section_names_the_epoch_or_says_why_there_is_none():
    line = view.zero_grad(teaching.RUNS["line"])
    assert line.went_wrong_at == 5
    assert "epoch 5" in view.zero_grad_sentence(line, "en") and "에폭 5" in view.zero_grad_sentence(line, "ko")
    network = view.zero_grad(teaching.RUNS["mlp"])
    assert network.went_wrong_at is None and "never rose" in view.zero_grad_sentence(network, "en")
    spec = view.zero_grad_chart(line, "grad_norm", "en").to_dict()
    assert spec["layer"][1]["mark"]["type"] == "rule"  # the epoch it went wrong
    data = spec["datasets"][spec["layer"][0]["data"]["name"]]
    assert {row["run"] for row in data} == {"with zero_grad()", "without zero_grad()"}
    assert len(data) == 2 * (view.ZERO_GRAD_EPOCHS + 1)


def test_a_diverged_run_without_zero_grad_is_said_so():
    runs = bp_core.teaching.zero_grad_comparison(bp_core.Line(), bp_core.seed_line(), 1.0, 50)
    assert "diverged" in view.zero_grad_sentence(runs, "en")


def test_no_text_strikes_through_in_markdown():
    """Streamlit's markdown reads ~text~ as strikethrough (the Scaling page's Korean sentence showed "(범위 68.8~68.8),
    직접 미분 …~" struck through at 390 px): every range is written with an en dash, 25–75, on every page."""
    for key, entry in TEXTS.items():
        for lang in ("en", "ko"):
            assert "~" not in entry.get(lang, ""), (key, lang)


def test_every_column_and_verdict_bp_core_gives_has_its_text_written_out():
    """Text keys are listed, never built from bp_core's column names: a column bp_core adds fails here, in a test,
    not as a KeyError on a learner's page."""
    from bp_core.teaching.checking import VERDICTS
    from ui.texts import TEXTS
    from ui.views import sweep_view

    table = bp_core.teaching.gradient_table(bp_core.MLP(), bp_core.MLP().init_params(), bp_core.half_adder())
    assert set(table.table.columns) == set(view.COLUMNS) and set(VERDICTS) == set(view.VERDICT_TEXTS)
    sweep = bp_core.teaching.learning_rate_sweep(bp_core.Line(), bp_core.seed_line(), 0.01, 0.1, 2, 5)
    assert set(sweep.table.columns) == set(sweep_view.COLUMNS)
    assert all(key in TEXTS for key in [*view.COLUMNS.values(), *view.VERDICT_TEXTS.values(),
                                        *sweep_view.COLUMNS.values()])
