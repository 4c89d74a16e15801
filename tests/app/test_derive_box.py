"""The derive box on the step page (issue 32): a gradient written as PyTorch code, checked against autograd, the usual
mistakes named, hostile text refused with a message and no traceback, and bp.py trained with the learner's formulas
printing the note's figures. Both languages; the box's memory survives a rerun and a language switch."""

import json

import pyarrow as pa
import pytest
from apptest_helpers import chart_title
from page_helpers import open_page, texts

from bp_core.lecture import note
from ui.texts import t

PAGE = "pages/step_by_hand.py"
DW = "2 * x.t().mm(predictions - y) / x.size(0)"
DB = "2 * (predictions - y).sum() / x.size(0)"


def check(at, target: str, formula: str):
    at.radio(key="derive_target").set_value(target).run()
    at.text_input(key="derive_formula").set_value(formula).run()
    return at.button(key="derive_check").click().run()


def shown(at) -> str:
    return " | ".join(texts(at, "success") + texts(at, "error") + texts(at, "warning") + texts(at, "info"))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_lectures_formulas_are_exact_the_missing_2_is_named_and_training_prints_the_notes_figures(lang):
    at = open_page(PAGE, lang)
    assert not at.exception
    assert at.button(key="derive_train").disabled  # nothing right yet
    check(at, "dw", "x.t().mm(predictions - y) / x.size(0)")
    assert t("exm_two", lang) in shown(at)
    check(at, "dw", DW)
    assert t("derive_exact", lang, target="∂L/∂w") in shown(at)
    check(at, "db", DB)
    assert t("derive_exact", lang, target="∂L/∂b") in shown(at)
    at.button(key="derive_train").click().run()
    assert not at.exception
    said = t("derive_trained_same", lang, total=10, w="2.0048611164093018", b="0.9857079386711121")
    assert said in texts(at, "success")
    table = next(frame.value for frame in at.dataframe if t("derive_col_note", lang) in frame.value.columns)
    assert list(table[t("derive_col_yours", lang)]) == list(note.LOSSES_EVERY_100)
    charts = [c for c in at.get("vega_lite_chart") if chart_title(json.loads(c.proto.spec)) == t("derive_chart_title",
                                                                                                   lang)]
    assert len(charts) == 1  # the learner's loss curve beside autograd's: 1000 epochs each
    frame = pa.ipc.open_stream(charts[0].proto.datasets[0].data.data).read_all().to_pandas()
    assert frame["run"].value_counts().to_dict() == {t("derive_legend_yours", lang): 1000,
                                                     t("derive_legend_autograd", lang): 1000}


@pytest.mark.parametrize("hostile", ["__import__('os')", "().__class__", "x.repeat(10**6, 10**6)", "10**10**10",
                                     "엑스 * 2", "lambda: 1", "x" * 300])
def test_hostile_text_is_refused_with_a_message_and_kept_in_the_box(hostile):
    at = open_page(PAGE)
    check(at, "dw", hostile)
    assert not at.exception
    assert any(message.startswith("“") for message in texts(at, "info")), shown(at)
    assert at.text_input(key="derive_formula").value == hostile[:300]


def test_the_verdict_survives_a_rerun_and_a_language_switch_and_a_second_check_scores_once():
    at = open_page(PAGE)
    check(at, "dw", "2 * x.t().mm(y - predictions) / x.size(0)")
    assert t("exm_sign", "en") in shown(at)
    at.button(key="derive_check").click().run()
    at.run()
    at.radio(key="app.lang").set_value("ko").run()
    assert t("exm_sign", "ko") in shown(at)
    assert at.text_input(key="derive_formula").value == "2 * x.t().mm(y - predictions) / x.size(0)"
    assert t("derive_score", "ko", right=0, tried=1) in texts(at, "caption")
    check(at, "db", DB)  # another question: its own empty box first, then its own verdict
    at.radio(key="derive_target").set_value("dw").run()
    assert at.text_input(key="derive_formula").value == "2 * x.t().mm(y - predictions) / x.size(0)"


def test_a_network_asks_each_layers_quantities_and_names_d_where_n_belongs():
    at = open_page(PAGE)
    at.radio(key="step.model").set_value("mlp").run()
    options = at.radio(key="derive_target").options
    assert options[0] == "∂L/∂n2" and "∂L/∂W2" in options and "∂L/∂n1" in options
    check(at, "dL_dW2", "dL_dd2.t().mm(n1)")
    assert t("derive_exact", "en", target="∂L/∂W2") in shown(at)
    check(at, "dL_dW2", "dL_dd2.t().mm(d1)")
    assert t("exm_d_for_n", "en") in shown(at)
    check(at, "dL_dd2", "dL_dn2")
    assert t("exm_f_prime", "en") in shown(at)
    check(at, "dL_dW2", "n1.t().mm(dL_dd2)")
    assert t("derive_cause_transpose", "en") in shown(at)
    assert not at.exception


def test_the_chain_page_asks_the_chosen_weights_path_sum_and_names_one_path_alone():
    at = open_page("pages/chain_rule.py")
    at.selectbox(key="chain.parameter").set_value("W1[0,1]").run()
    at.selectbox(key="chain.sample").set_value(3).run()
    assert at.radio(key="derive_target").options == ["∂L/∂W1[0,1]"]
    one = [f"2 * (n2[3, {k}] - y[3, {k}]) / (N * K) * n2[3, {k}] * (1 - n2[3, {k}]) * W2[{k}, 0] * n1[3, 0] * "
           f"(1 - n1[3, 0]) * x[3, 1]" for k in (0, 1)]
    at.text_input(key="derive_formula").set_value(one[0]).run()
    at.button(key="derive_check").click().run()
    assert t("exm_one_path", "en") in shown(at)
    at.text_input(key="derive_formula").set_value(" + ".join(one)).run()
    at.button(key="derive_check").click().run()
    assert not at.exception
    assert any(message.startswith("✓") for message in texts(at, "success")), shown(at)


NETWORK = {"dL_dn2": "2 * (n2 - y) / (N * K)", "dL_dd2": "dL_dn2 * n2 * (1 - n2)", "dL_dW2": "dL_dd2.t().mm(n1)",
           "dL_db2": "dL_dd2.sum(0)", "dL_dn1": "dL_dd2.mm(W2)", "dL_dd1": "dL_dn1 * n1 * (1 - n1)",
           "dL_dW1": "dL_dd1.t().mm(n0)", "dL_db1": "dL_dd1.sum(dim=0)"}


def test_a_network_trains_with_the_learners_backward_pass_once_every_quantity_is_right():
    at = open_page(PAGE)
    at.radio(key="step.model").set_value("mlp").run()
    assert at.button(key="derive_train").disabled
    for target, formula in NETWORK.items():
        check(at, target, formula)
    at.button(key="derive_train").click().run()
    assert not at.exception
    said = next(s for s in texts(at, "success") if s.startswith("Your backward pass trained the network"))
    largest = float(said.rsplit("at most ", 1)[1].rstrip("."))
    assert largest < 1e-5  # the learner's formulas are the backward's: the curves agree to float rounding
    titles = [chart_title(json.loads(chart.proto.spec)) for chart in at.get("vega_lite_chart")]
    assert t("derive_chart_title", "en") in titles
