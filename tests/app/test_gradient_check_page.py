import torch
from page_helpers import kept, metric, open_page, texts

import bp_core
from ui.texts import TEXTS

PAGE = "pages/gradient_check.py"
EDITOR = "check.editor_mlp"


def tables(at) -> dict:
    """The two check tables: the page's last two data frames (float32 tab, float64 tab)."""
    return {"float32": at.dataframe[-2].value, "float64": at.dataframe[-1].value}


def test_the_default_check_shows_bp_cores_three_gradients_in_both_precisions():
    at = open_page(PAGE)
    assert not at.exception and not at.error
    assert at.title[0].value == TEXTS["check_title"]["en"]
    mlp = bp_core.MLP()
    report = bp_core.teaching.gradient_report(mlp, mlp.init_params(), bp_core.half_adder())
    for dtype, shown in tables(at).items():
        expected = report.tables[dtype].table
        assert shown["manual"].tolist() == expected["manual"].tolist()
        assert shown["finite difference"].tolist() == expected["numeric"].tolist()
        assert shown["|fin. diff. − auto|"].tolist() == expected["numeric_abs_error"].tolist()
    assert metric(at, "torch.autograd.gradcheck") == "passed"
    assert metric(at, "Rows that pass, float64") == "17 / 17"
    assert metric(at, "Rows that pass, float32") == "17 / 17"  # within what a float32 central difference can reach
    float32 = report.tables["float32"].table
    stated = next(i.value for i in at.info if "7 significant digits" in i.value)
    assert f"up to {float32['numeric_rel_error'].max():.1e} relative" in stated
    assert f"{float32['manual_rel_error'].max():.1e}" in stated
    assert metric(at, "Epoch where the run without zero_grad()") == "5"  # the line, by default
    at.radio(key="check.zero_grad_model").set_value("mlp").run()
    assert metric(at, "Epoch where the run without zero_grad()") == "—"
    assert any("never rose more than 10%" in m for m in texts(at, "markdown"))
    assert any("true gradient at those same parameters" in m for m in texts(at, "markdown"))


def test_trained_parameters_and_the_line_change_the_tables():
    at = open_page(PAGE)
    before = tables(at)["float64"]["manual"].tolist()
    at.radio(key="check.source").set_value("trained").run()
    at.slider(key="check.epoch").set_value(1000).run()
    after = tables(at)["float64"]["manual"].tolist()
    run = bp_core.train(bp_core.MLP(), bp_core.half_adder(), "manual", 1.0, 5000)
    params = {k: v.double() for k, v in bp_core.teaching.params_at(run, 1000).items()}
    assert after != before
    assert after == bp_core.models.flatten(bp_core.gradients(bp_core.MLP(), params, bp_core.half_adder())).tolist()
    at.radio(key="check.model").set_value("line").run()
    assert not at.exception
    assert tables(at)["float64"]["parameter"].tolist() == ["w", "b"]
    assert at.slider(key="check.epoch").value == 0  # each model has its own epoch
    at.radio(key="check.model").set_value("mlp").run()
    assert at.slider(key="check.epoch").value == 1000 and tables(at)["float64"]["manual"].tolist() == after


def test_a_typed_value_that_is_not_a_number_is_named_and_the_last_valid_tables_stay():
    at = open_page(PAGE)
    at.radio(key="check.source").set_value("typed").run()
    initial = tables(at)["float64"]["manual"].tolist()
    at.session_state[EDITOR] = {"edited_rows": {"1": {"value": "abc"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception
    assert any("W1[0,1]" in e and "abc" in e for e in texts(at, "error"))
    assert at.warning and tables(at)["float64"]["manual"].tolist() == initial
    assert kept(at, "check", "typed", "mlp")["value"].iloc[1] == "abc"  # what was typed is kept as typed
    at.session_state[EDITOR] = {"edited_rows": {"1": {"value": "2.5"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.error
    params = bp_core.MLP().init_params(torch.float64)
    params["W1"][0, 1] = 2.5
    expected = bp_core.models.flatten(bp_core.gradients(bp_core.MLP(), params, bp_core.half_adder())).tolist()
    assert tables(at)["float64"]["manual"].tolist() == expected


def test_what_was_typed_survives_a_visit_to_another_page():
    at = open_page(PAGE)
    at.radio(key="check.source").set_value("typed").run()
    at.session_state[EDITOR] = {"edited_rows": {"0": {"value": "0.75"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    typed = tables(at)["float64"]["manual"].tolist()
    at.switch_page("pages/glossary.py").run()
    at.switch_page(PAGE).run()
    assert at.radio(key="check.source").value == "typed"
    assert tables(at)["float64"]["manual"].tolist() == typed


def test_the_page_speaks_korean():
    at = open_page(PAGE, "ko")
    assert not at.exception
    assert at.title[0].value == TEXTS["check_title"]["ko"]
    assert {"파라미터", "판정", "유한 차분"} <= set(tables(at)["float32"].columns)
    assert metric(at, "torch.autograd.gradcheck") == "통과"
