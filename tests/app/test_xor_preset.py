"""The third preset, added through the presets table alone (XOR on a 2-2-1 tanh network), on every page that offers
it: the Compare page and its links, the chain rule, one step by hand, the gradient check and the learning rate."""

import pytest
from apptest_helpers import chart_specs, chart_title
from page_helpers import metric, open_page, texts

import bp_core
from ui.texts import TEXTS

XOR = bp_core.PRESETS["xor"]
NAMES = bp_core.models.scalar_names(XOR.build()[0].init_params())


@pytest.fixture(scope="module")
def history():
    return bp_core.train(*XOR.build(), "manual", XOR.learning_rate, XOR.epochs).history


def test_the_compare_page_trains_xor_with_its_defaults_and_offers_only_its_options(app):
    at = app()
    at.radio(key="compare.model").set_value("xor").run()
    assert not at.exception and not at.error
    assert at.number_input(key="compare.epochs").value == 2000 and at.select_slider(key="compare.lr").value == 1.0
    expected = bp_core.train(*XOR.build(), "manual", 1.0, 2000)
    assert float(metric(at, "Final loss, manual")) == pytest.approx(expected.final_loss, rel=1e-3)
    assert metric(at, "Parameters") == "9"
    assert at.number_input(key="compare.seed").value == 0
    assert not [s for s in at.selectbox if s.key == "activation"] and not at.get("arrow_data_editor")
    assert TEXTS["data_xor"]["en"] in texts(at, "caption")
    assert TEXTS["chart_surface"]["en"] not in [chart_title(s) for s in chart_specs(at)]
    assert at.dataframe[0].value.shape[0] == 4  # the outputs after training, one row per sample
    assert dict(at.query_params) == {"model": "xor", "lr": "1.0", "epochs": "2000", "lang": "en", "seed": "0"}


def test_a_link_opens_xor_with_its_seed_and_names_the_settings_it_does_not_use(app):
    at = app({"model": "xor", "seed": "1", "act": "relu", "epochs": "300"})
    assert not at.exception
    warnings = " ".join(texts(at, "warning"))
    assert "setting act does not apply to the Network 2-2-1 (9 parameters, XOR)" in warnings
    expected = bp_core.train(*XOR.build(seed=1), "manual", 1.0, 300)
    assert float(metric(at, "Final loss, manual")) == pytest.approx(expected.final_loss, rel=1e-3)
    assert at.query_params["model"] == "xor" and at.query_params["seed"] == "1" and "act" not in at.query_params


def test_the_chain_rule_page_follows_xor_path_by_path():
    at = open_page("pages/chain_rule.py")
    assert at.radio(key="chain.model").value == "mlp"  # the lecture's network first; the line has no layers to follow
    assert len(at.radio(key="chain.model").options) == len(bp_core.PRESETS)  # the line too, as one unit
    at.radio(key="chain.model").set_value("xor").run()
    assert not at.exception and not at.error
    assert len(at.selectbox(key="chain.parameter").options) == len(NAMES) == 9
    assert at.selectbox(key="chain.parameter").value == "W2[0,0]"  # the note's w₁ on this network too
    at.selectbox(key="chain.parameter").set_value("W1[0,1]").run()
    at.button(key="chain.show").click().run()  # the page's question answered by "show me": every figure on screen
    table = at.dataframe[0].value
    assert table["path"].tolist() == ["x2 → h1 → ŷ1 → L"]
    model, data = XOR.build()
    expected = bp_core.chain_rule_paths(model, model.init_params(), data, "W1[0,1]", 3)
    assert table["product"].tolist() == expected.paths["product"].tolist()
    assert float(metric(at, "autograd's gradient")) == pytest.approx(expected.autograd, rel=1e-8)
    assert any("9 weights and biases, trained by hand at learning rate 1 for 2000 epochs" in c
               for c in texts(at, "caption"))


def test_one_step_by_hand_on_xor_lands_on_the_next_history_row(history):
    at = open_page("pages/step_by_hand.py")
    at.toggle(key="step.exercise_hide").set_value(False)  # the answers are hidden until one is checked: show them
    at.radio(key="step.model").set_value("xor").run()
    at.number_input(key="step.jump").set_value(700)
    at.button(key="step.go").click().run()
    assert not at.exception and not at.error
    update = at.dataframe[2].value
    assert update["parameter"].tolist() == NAMES
    assert update["new value"].tolist() == history[NAMES].iloc[701].tolist()
    assert metric(at, "Loss at epoch 700") == f"{history['loss'].iloc[700]:.7g}"
    assert any("f1 = tanh, f2 = sigmoid" in c and "the outputs are n(ŷ1)." in c for c in texts(at, "caption"))
    assert any("9 weights and biases make a 9 × 1 gradient" in m for m in texts(at, "markdown"))
    assert at.success


def test_the_gradient_check_page_checks_xors_nine_gradients():
    at = open_page("pages/gradient_check.py")
    at.radio(key="check.model").set_value("xor").run()
    assert not at.exception and not at.error
    model, data = XOR.build()
    expected = bp_core.teaching.gradient_report(model, model.init_params(), data).tables["float64"].table
    assert at.dataframe[-1].value["manual"].tolist() == expected["manual"].tolist()
    assert metric(at, "Rows that pass, float64") == "9 / 9"
    at.radio(key="check.zero_grad_model").set_value("xor").run()
    assert not at.exception
    assert metric(at, "Epoch where the run without zero_grad()")


def test_the_learning_rate_page_sweeps_xor_from_its_own_range():
    at = open_page("pages/learning_rate.py")
    at.radio(key="sweep.model").set_value("xor").run()
    assert not at.exception and not at.error
    assert at.number_input(key="sweep.count").value == 10 and at.number_input(key="sweep.high").value == 100.0
    model, data = XOR.build()
    bound = bp_core.stability_bound(model, None, data).learning_rate_bound
    assert metric(at, "Bound 2/λmax") == f"{bound:.4g}"
    assert TEXTS["sweep_network_local"]["en"] in texts(at, "caption") and not texts(at, "latex")
