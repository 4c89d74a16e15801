"""Links a stranger might share and cells a learner might type: no exception, a named message, a page that works."""

import pytest
from lecture_golden import SHOWN_B, SHOWN_W
from page_helpers import kept

import bp_core
from ui.texts import TEXTS
from ui.texts.messages import shown


def metric(at, label_start: str) -> str:
    return next(m for m in at.metric if m.label.startswith(label_start))


def final_line(at) -> tuple[str, str]:
    return metric(at, "Final w").value, metric(at, "Final b").value


def assert_page_works(at) -> None:
    assert not at.exception
    assert at.title[0].value in (TEXTS["compare_title"]["en"], TEXTS["compare_title"]["ko"])
    assert len(at.metric) >= 6 and len(at.get("vega_lite_chart")) >= 5


CRASH_LINKS = [
    ({"pts": "1:3,2:1e308"}, "pts"), ({"pts": "1:1e20,2:5"}, "pts"), ({"lr": "1e-320"}, "lr"),
    ({"epochs": "1e3"}, "epochs"), ({"model": "mlp", "pts": "1:3,2:5"}, "pts"), ({"lang": "xx"}, "lang"),
    ({"lr": "nan"}, "lr"), ({"lr": "inf"}, "lr"), ({"lr": "-0"}, "lr"), ({"lr": "1e308"}, "lr"),
    ({"epochs": "1_000"}, "epochs"), ({"epochs": " 5 "}, "epochs"), ({"epochs": "0x10"}, "epochs"),
    ({"epochs": "٥"}, "epochs"), ({"lr": ""}, "lr"), ({"model": "mlp", "seed": "-1"}, "seed"),
    ({"model": "mlp", "act": "<script>"}, "act"), ({"model": "🙂"}, "model"), ({"lr": ["0.1", "0.2"]}, "lr"),
    ({"pts": ",".join(f"{i}:{i}" for i in range(10_000))}, "pts"), ({"pts": "9" * 50_000}, "pts"),
    ({"pts": "[x](http://evil.example)"}, "pts"),
]


@pytest.mark.parametrize(("query", "name"), CRASH_LINKS, ids=[str(q)[:40] for q, _ in CRASH_LINKS])
def test_a_crash_link_names_the_bad_setting_and_the_page_and_train_still_work(app, query, name):
    at = app(query)
    assert_page_works(at)
    warnings = [w.value for w in at.warning]
    assert any(f"setting {name}" in w for w in warnings), warnings
    assert all(len(w) < 600 for w in warnings)  # quoted, not echoed
    assert not at.error
    at.button(key="compare.train").click().run()
    assert_page_works(at)
    assert name not in at.query_params or at.query_params[name] != query[name]


def test_garbage_in_every_parameter_at_once_falls_back_to_the_lectures_run(app):
    garbage = {name: "\\u0000%$#@!{}[]" for name in ("model", "lr", "epochs", "seed", "act", "pts", "lang")}
    at = app(garbage)
    assert_page_works(at)
    named = " ".join(w.value for w in at.warning)
    assert all(f"setting {name}" in named for name in garbage)
    assert final_line(at) == (SHOWN_W, SHOWN_B)
    at.button(key="compare.train").click().run()
    assert_page_works(at) and final_line(at) == (SHOWN_W, SHOWN_B)


def test_a_shared_link_reproduces_the_numbers_bit_for_bit(app):
    lr = 0.11987654321
    at = app({"lr": repr(lr), "epochs": "1000"})
    assert_page_works(at)
    manual = bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", lr, 1000)
    autograd = bp_core.train(bp_core.Line(), bp_core.seed_line(), "autograd", lr, 1000)
    assert metric(at, "Final loss, manual").value == f"{manual.final_loss:.4g}"
    assert metric(at, "Final w").help == f"autograd: {autograd.params['w'].item()!r}"  # every bit of the float
    assert at.query_params["lr"] == "0.11987654321"
    at.button(key="compare.train").click().run()  # pressing Train keeps the exact value
    assert at.query_params["lr"] == "0.11987654321"
    assert metric(at, "Final w").help == f"autograd: {autograd.params['w'].item()!r}"


def test_points_with_many_digits_round_trip_through_the_link_exactly(app):
    points = ((0.30000000000000004, -1.2345678901234567), (2.000000000000001, 3.141592653589793))
    link = ",".join(f"{x!r}:{y!r}" for x, y in points)
    at = app({"pts": link})
    assert_page_works(at) and not at.warning
    assert kept(at, "compare", "valid_points") == points
    assert at.query_params["pts"] == link
    x = [[p[0]] for p in points]
    y = [[p[1]] for p in points]
    expected = bp_core.train(bp_core.Line(), (x, y), "autograd", 0.01, 1000).params["w"].item()
    assert metric(at, "Final w").help == f"autograd: {expected!r}"


EDITOR = "compare.points"


def edit(at, edited_rows=None, added_rows=None, deleted_rows=None):
    at.session_state["compare.points_open"] = True  # the table is folded until opened
    at.session_state[EDITOR] = {"edited_rows": edited_rows or {}, "added_rows": added_rows or [],
                                "deleted_rows": deleted_rows or []}
    return at.button(key="compare.train").click().run()


@pytest.mark.parametrize(("cell", "reason"), [
    ("abc", "not a number"), ("1e308", "beyond ±1e+06"), ("inf", "not a finite number"), ("", "empty"),
    ("1_000", "not a number"), ("0x10", "not a number"), ("nan", "not a finite number"), ("1e999", "not a finite"),
])
def test_a_cell_the_training_cannot_use_is_named_and_stays_in_the_table(app, cell, reason):
    at = app()
    edit(at, {"1": {"x": cell}})
    assert not at.exception
    errors = " ".join(e.value for e in at.error)
    assert f"row 2, x “{shown(cell)}”: {reason}" in errors, errors  # as typed, Markdown escaped
    assert final_line(at) == (SHOWN_W, SHOWN_B)  # the last valid points trained
    assert at.session_state[EDITOR]["edited_rows"] == {"1": {"x": cell}} or \
        at.session_state[EDITOR]["edited_rows"] == {1: {"x": cell}}  # the edit is kept, not reset
    edit(at, {"1": {"x": "2.5"}})  # fixing the cell trains on the fixed points
    assert not at.error
    fixed = bp_core.train(bp_core.Line(), ([[1.0], [2.5], [3.0], [4.0]], [[3.0], [5.0], [7.0], [9.0]]), "manual",
                          0.01, 1000).params
    assert final_line(at) == (f"{fixed['w'].item():.6f}", f"{fixed['b'].item():.6f}")


def test_several_bad_cells_are_all_named_and_deleting_every_row_is_refused(app):
    at = app()
    edit(at, {"0": {"x": "one"}, "2": {"y": "-2e6"}}, [{"x": "7"}])
    errors = " ".join(e.value for e in at.error)
    assert "row 1, x “one”" in errors and "row 3, y “-2e6”" in errors and "row 5, y “”: empty" in errors
    edit(at, deleted_rows=[0, 1, 2, 3])
    assert any(TEXTS["reason_no_rows"]["en"] in e.value for e in at.error)
    assert not at.exception and final_line(at) == (SHOWN_W, SHOWN_B)


def test_sentences_under_the_charts_follow_a_diverging_run(app):
    at = app({"lr": "0.2"})
    captions = " ".join(c.value for c in at.caption)
    assert "Up to the divergence at epoch 11" in captions and "10⁻⁷ to 10⁻⁵" not in captions
    assert "to epoch 11, the last finite one before the divergence" in captions


def test_a_one_epoch_run_shows_no_speed_ratio_but_the_reason(app):
    at = app({"epochs": "1"})
    assert_page_works(at)
    assert metric(at, TEXTS["speed_ratio"]["en"]).value == "—"
    assert any("no speed ratio" in c.value for c in at.caption)


def test_a_network_run_that_splits_apart_says_so_under_the_difference_chart(app):
    at = app({"model": "mlp", "lr": "70", "epochs": "300"})
    assert_page_works(at)
    captions = " ".join(c.value for c in at.caption)
    assert "the two runs are apart by more than 0.001" in captions and "above the stability bound" in captions
    assert any("stayed finite" in i.value for i in at.info)


def tables(at) -> list:
    return list(at.dataframe)


def test_the_points_table_is_folded_until_opened_and_its_label_counts_the_points_in_use(app):
    at = app({"pts": "1:3,2:5,3:7"})
    assert not at.exception and not tables(at)  # the line's page draws no other table: the grid is not sent
    label = TEXTS["data_points_open"]["en"].format(n=3)
    assert [e.label for e in at.expander if e.label == label] == [label]
    at.session_state["compare.points_open"] = True
    at.run()
    assert not at.exception and [len(t.value) for t in tables(at)] == [3]


def test_edits_survive_folding_the_table_and_a_visit_to_another_page(app):
    at = app()
    edit(at, {"3": {"y": "10"}})
    edited = bp_core.train(bp_core.Line(), ([[1.0], [2.0], [3.0], [4.0]], [[3.0], [5.0], [7.0], [10.0]]), "manual",
                           0.01, 1000).params
    assert final_line(at) == (f"{edited['w'].item():.6f}", f"{edited['b'].item():.6f}")
    at.session_state["compare.points_open"] = False
    at.run()  # folded: no table sent, the edited points still trained
    assert not at.exception and not tables(at)
    assert final_line(at) == (f"{edited['w'].item():.6f}", f"{edited['b'].item():.6f}")
    at.switch_page("pages/glossary.py").run()
    at.switch_page("pages/compare.py").run()
    assert final_line(at) == (f"{edited['w'].item():.6f}", f"{edited['b'].item():.6f}")
    assert not tables(at)  # still folded, as it was left
    at.session_state["compare.points_open"] = True
    at.run()  # opened again: the table shows what was typed, the edit applied once
    assert not at.exception
    assert len(tables(at)) == 1 and list(kept(at, "compare", "points_typed")["y"]) == ["3.0", "5.0", "7.0", "10"]
    at.button(key="compare.train").click().run()
    assert final_line(at) == (f"{edited['w'].item():.6f}", f"{edited['b'].item():.6f}")


def test_a_bad_cell_is_still_there_and_named_after_folding_and_opening_the_table(app):
    at = app()
    edit(at, {"1": {"x": "abc"}})
    assert "row 2, x “abc”" in " ".join(e.value for e in at.error)
    at.session_state["compare.points_open"] = False
    at.run()
    assert not at.exception and final_line(at) == (SHOWN_W, SHOWN_B)  # the last valid points
    at.session_state["compare.points_open"] = True
    at.run()
    assert len(tables(at)) == 1 and list(kept(at, "compare", "points_typed")["x"]) == ["1.0", "abc", "3.0", "4.0"]
    assert "row 2, x “abc”" in " ".join(e.value for e in at.error)
