import pandas as pd
import pytest
import torch
from page_helpers import metric, open_page, record, texts

import bp_core
from ui.texts import TEXTS, t
from ui.views import chain_view as view

PAGE = "pages/chain_rule.py"
MLP, DATA = bp_core.MLP(), bp_core.half_adder()


def reveal(at):
    """Press "show me the answer" when the page asks one: until then the sum, the gradient and (asked a factor) the
    products are blank."""
    if "chain.show" in [button.key for button in at.button]:
        at.button(key="chain.show").click().run()
    return at


def shown(at) -> tuple[float, float]:
    """The page's own numbers: the sum of the table's products and autograd's gradient from the metric."""
    reveal(at)
    product = "product" if "product" in at.dataframe[0].value else "곱"
    products = pd.to_numeric(at.dataframe[0].value[product], errors="coerce")  # a blank (asked) cell is not summed
    return float(products.sum()), float(metric(at, "autograd's gradient"))


def params_at(epoch: int):
    return bp_core.teaching.params_at(bp_core.train(MLP, DATA, "manual", 1.0, 5000), epoch)


def test_the_page_shows_two_paths_for_w1_0_1_sample_3_that_sum_to_autograd_within_1e_6():
    at = open_page(PAGE)
    assert not at.exception and not at.error
    assert at.title[0].value == TEXTS["chain_title"]["en"]
    at.selectbox(key="chain.parameter").set_value("W1[0,1]").run()
    at.button(key="chain.show").click().run()  # the asked f′ is blank until shown (tested below)
    table = at.dataframe[0].value
    assert table.columns.tolist() == ["sample", "path", "① output error", "② f2′(d)", "③ weight", "④ f1′(d)",
                                      "⑤ input n", "product"]  # the lecture's order: 출력 × 액 × 웨 × 액 × 앤
    assert table["path"].tolist() == ["x2 → h1 → ŷ1 → L", "x2 → h1 → ŷ2 → L"]
    factors = bp_core.chain_rule_paths(MLP, MLP.init_params(), DATA, "W1[0,1]", 3).paths["factors"]
    assert [row.iloc[2:7].tolist() for _, row in table.iterrows()] == [[f.value for f in fs] for fs in factors]
    total, autograd = shown(at)
    assert abs(total - autograd) < 1e-6
    expected = bp_core.chain_rule_paths(MLP, MLP.init_params(), DATA, "W1[0,1]", 3)
    assert table["product"].tolist() == expected.paths["product"].tolist()
    assert autograd == pytest.approx(expected.autograd, rel=1e-8)
    dot = at.get("graphviz_chart")[0].proto.spec
    assert "n0_1 -> n1_0 [color=\"#7b0d0d\"" in dot and dot.count("penwidth=3") >= 4
    assert any("출력 × 액 × 웨 × 액 × 앤" in m for m in texts(at, "markdown"))


def test_the_parameter_sample_and_epoch_each_change_the_paths():
    at = open_page(PAGE)
    at.selectbox(key="chain.parameter").set_value("W2[1,0]").run()
    assert at.dataframe[0].value["path"].tolist() == ["h1 → ŷ2 → L"]
    at.selectbox(key="chain.sample").set_value("batch").run()
    assert at.dataframe[0].value["sample"].tolist() == [0, 1, 2, 3]
    before = shown(at)
    at.slider(key="chain.epoch").set_value(2000).run()
    assert not at.exception
    total, autograd = shown(at)
    assert (total, autograd) != before and abs(total - autograd) < 1e-6
    grad = bp_core.gradients(MLP, params_at(2000), DATA, "autograd")["W2"][1, 0].item()
    assert autograd == pytest.approx(grad, rel=1e-7)
    assert any("epoch 2000" in c for c in texts(at, "caption"))


def test_out_of_range_values_kept_from_before_are_named_and_the_last_valid_view_stays():
    at = open_page(PAGE)
    at.selectbox(key="chain.parameter").set_value("W1[0,1]")
    at.slider(key="chain.epoch").set_value(100).run()
    before = shown(at)
    at.switch_page("pages/glossary.py").run()  # the widgets' keys are dropped; their kept values come back later
    record(at, "chain").per_model["mlp"].update({"parameter": "W7[0,0]", "sample": 7, "epoch": 99_999})
    at.switch_page(PAGE).run()
    assert not at.exception
    errors = " ".join(texts(at, "error"))
    assert "W7[0,0]" in errors and "Sample 7" in errors and "99999" in errors
    assert shown(at) == before
    assert (at.selectbox(key="chain.parameter").value, at.selectbox(key="chain.sample").value,
            at.slider(key="chain.epoch").value) == ("W1[0,1]", 3, 100)
    at.run()
    assert not at.error  # the valid values were put back


def test_the_choice_survives_a_visit_to_another_page():
    at = open_page(PAGE)
    at.selectbox(key="chain.parameter").set_value("b1[2]").run()
    at.slider(key="chain.epoch").set_value(321).run()
    at.switch_page("pages/glossary.py").run()
    at.switch_page(PAGE).run()
    assert at.selectbox(key="chain.parameter").value == "b1[2]" and at.slider(key="chain.epoch").value == 321


def test_the_page_speaks_korean():
    at = open_page(PAGE, "ko")
    assert not at.exception
    assert at.title[0].value == TEXTS["chain_title"]["ko"]
    assert {"경로", "곱", "① 출력 오차"} <= set(at.dataframe[0].value.columns)
    assert metric(at, "자동 미분의 그래디언트")
    assert torch.isfinite(torch.tensor(float(metric(reveal(at), "행 1개의 합 (경로 1개 × 샘플 1개)"))))
    assert any("강의의 **w₁**" in m for m in texts(at, "markdown"))


def test_the_page_opens_on_the_notes_w1_and_its_input_factor_is_not_1():
    at = open_page(PAGE)
    assert at.selectbox(key="chain.parameter").value == "W2[0,0]"  # the note's first worked example, an output weight
    row = at.dataframe[0].value.iloc[0]
    assert row["path"] == "h1 → ŷ1 → L" and 0 < row["⑤ input n"] < 1  # 앤: the hidden unit's n, visible
    assert "the note's w₁" in at.header[-1].value or any("w₁" in s.value for s in at.header)
    assert "= the note's w₁" in at.selectbox(key="chain.parameter").format_func("W2[0,0]")


def test_the_notes_w2_button_shows_two_paths_one_through_each_output_whose_sum_is_autograds():
    at = open_page(PAGE)
    at.button(key="chain.note_w2").click().run()
    assert not at.exception and at.selectbox(key="chain.parameter").value == "W1[0,0]"
    assert at.dataframe[0].value["path"].tolist() == ["x1 → h1 → ŷ1 → L", "x1 → h1 → ŷ2 → L"]
    total, autograd = shown(at)
    assert total == pytest.approx(autograd, abs=1e-8)
    at.button(key="chain.note_w1").click().run()
    assert at.selectbox(key="chain.parameter").value == "W2[0,0]"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_activation_derivative_on_the_paths_is_written_as_its_formula_with_the_units_numbers(lang):
    at = open_page(PAGE, lang)
    at.button(key="chain.note_w2").click().run()
    assert len(at.latex) == 2  # the f′ asked (the page's first question) stays blank until answered or shown
    at.button(key="chain.show").click().run()
    table = at.dataframe[0].value
    latex = [element.value for element in at.latex]
    assert len(latex) == 3 and all("\\sigma(d)\\,(1 - \\sigma(d))" in formula for formula in latex)  # σ(1 − σ)
    values = {float(formula.rsplit("=", 1)[1].strip("$\n ")) for formula in latex}
    factors = {float(f"{v:.6g}") for column in (3, 5) for v in table.iloc[:, column]}  # ② f2′ and ④ f1′
    assert values == factors and len(factors) == 3


def test_the_worked_derivative_is_autograds_derivative_of_the_activation_at_d():
    for name in bp_core.activations.ACTIVATIONS:
        activation = bp_core.activations.ACTIVATIONS[name]
        for d in (-1.3, 0.2, 2.5):
            x = torch.tensor(d, dtype=torch.float64, requires_grad=True)
            n = activation.forward(x)
            (expected,) = torch.autograd.grad(n, x)
            latex, value = bp_core.activations.worked_derivative(name, d, float(n))
            assert value == pytest.approx(float(expected), rel=1e-12)
            assert latex.endswith(f"{value:.6g}") or name == "identity"


@pytest.mark.parametrize("what", ["f_prime", "product", "sum"])
def test_nothing_on_the_page_shows_the_asked_value_before_an_answer_or_a_show_me(what):
    at = open_page(PAGE)
    at.radio(key="chain.exercise_what").set_value(what).run()
    request = view.ChainRequest("W2[0,0]", 3, 0)
    asked = view.chain_exercise(request, what).answer
    shown = f"{asked:.6g}"  # as any part of the page would print it

    def on_screen(at) -> list[str]:
        frames = [f"{v:.6g}" for frame in at.dataframe for v in frame.value.select_dtypes("number").to_numpy().ravel()
                  if v == v]
        return frames + [m.value for m in at.metric] + [latex.value for latex in at.latex]

    assert not [text for text in on_screen(at) if shown in text], what
    # nor anything it can be divided back out of: the sum, autograd's gradient and, for a factor or a product, the
    # products
    assert [m.value for m in at.metric][:3] == ["?", "?", "?"], what
    product = t("teach_col_product", "en")
    (paths,) = [frame.value for frame in at.dataframe if product in frame.value.columns]
    if what != "sum":  # asked the sum, the products are what it adds (one path: its product is the sum, blank too)
        assert paths[product].astype(str).str.strip().isin(["", "nan", "None"]).all(), what
    at.text_input(key="chain.answer").set_value(shown).run()
    at.button(key="chain.check").click().run()
    assert at.success and [text for text in on_screen(at) if shown in text], what  # answered: shown


def test_another_one_asks_about_another_parameter_sample_or_epoch_with_an_empty_box():
    at = open_page(PAGE)
    keys = ("chain.parameter", "chain.sample", "chain.epoch")
    before = tuple(at.session_state[k] for k in keys)
    at.text_input(key="chain.answer").set_value("0.5").run()
    for _ in range(3):
        at.button(key="chain.another").click().run()
        assert not at.exception
        now = tuple(at.session_state[k] for k in keys)
        assert now != before and now[1] != view.BATCH
        assert at.text_input(key="chain.answer").value == ""
        before = now


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_chain_rule_page_offers_the_notes_line_as_one_unit_with_dw_as_its_paths_sum(lang):
    """Issue 27 D6: the note's line on the chain-rule page, drawn as the network of one unit it is; at epoch 0 its
    W1[0,0] (the note's w) has one path per sample and their sum over the batch is the note's dw = −35."""
    at = open_page("pages/chain_rule.py", lang)
    at.radio(key="chain.model").set_value("line").run()
    at.selectbox(key="chain.parameter").set_value("W1[0,0]").run()
    at.selectbox(key="chain.sample").set_value("batch").run()
    at.slider(key="chain.epoch").set_value(0).run()
    assert not at.exception and not at.error
    assert t("chain_line_neuron", lang, n=4) in [m.value for m in at.markdown]
    model, data = bp_core.Line(), bp_core.seed_line()
    network, params = model.as_network(model.init_params())
    paths = bp_core.chain_rule_paths(network, params, data, "W1[0,0]", None)
    assert len(paths.paths) == 4 and paths.total == paths.autograd == -35.0  # the note's dw at w = b = 0
    assert metric(at, t("chain_autograd", lang)) in ("-35", "?")  # hidden while it is the asked value
