"""The backward pass walked on the drawn network, the nudge, and the exercises on the step, chain-rule and backward
pages, driven as a learner would (AppTest, both languages)."""

import re

import pytest
from page_helpers import open_page, record, texts

import bp_core
from ui.texts import TEXTS

PAGE = "pages/backward.py"


def graph(at) -> str:
    return at.get("graphviz_chart")[0].proto.spec


def unit_labels(dot: str) -> dict[str, str]:
    """Each node's label by node id (inputs, units and the loss)."""
    return dict(re.findall(r'^\s+(n\d+_\d+) \[label="([^"]*)"', dot, re.M))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_walking_to_the_end_labels_every_unit_and_every_gradient_equals_autograds(lang):
    at = open_page(PAGE, lang)
    assert not at.exception and not at.error
    assert at.title[0].value == TEXTS["backward_title"][lang]
    assert at.radio(key="backward.model").value == "mlp"
    assert not any("∂L/∂" in label for label in unit_labels(graph(at)).values())  # the forward pass only
    steps = 0
    while "Step 12 of 12" not in at.get("progress")[0].proto.text and "12단계 중 12단계" not in at.get(
            "progress")[0].proto.text:
        at.button(key="backward.next").click().run()
        assert not at.exception
        steps += 1
        if steps == 3:  # a step writes its formulas with the numbers
            assert any("\\times" in latex.value for latex in at.latex)
        if steps > 40:
            break
    assert steps == 12  # 5 units, their 5 parameter steps, 2 inputs
    labels = unit_labels(graph(at))
    assert len(labels) == 7 and all("∂L/∂n" in label for label in labels.values())
    table = at.dataframe[0].value
    assert (table.iloc[:, 3].abs() < 1e-12).all()
    mlp = bp_core.MLP()
    params = bp_core.teaching.params_at(bp_core.train(mlp, bp_core.half_adder(), "manual", 1.0, 5000), 0)
    paths = bp_core.chain_rule_paths(mlp, params, bp_core.half_adder(), "W1[0,1]", 3)
    assert float(table.set_index(table.columns[0]).loc["W1[0,1]"].iloc[1]) == pytest.approx(paths.autograd, rel=1e-6)
    at.button(key="backward.next").click().run()  # past the end: stays at the end
    assert not at.exception and len(at.success) == 1


def test_previous_reset_and_the_place_survive_a_visit_to_another_page():
    at = open_page(PAGE)
    for _ in range(4):
        at.button(key="backward.next").click().run()
    at.button(key="backward.previous").click().run()
    assert "Step 3 of 12" in at.get("progress")[0].proto.text
    at.switch_page("pages/glossary.py").run()
    at.switch_page(PAGE).run()
    assert "Step 3 of 12" in at.get("progress")[0].proto.text
    at.button(key="backward.reset").click().run()
    assert "Step 0 of 12" in at.get("progress")[0].proto.text


def test_the_line_walks_as_a_tiny_graph_and_the_notes_first_step_is_its_exercise():
    at = open_page(PAGE)
    at.radio(key="backward.model").set_value("line").run()
    at.selectbox(key="backward.sample").set_value("batch").run()
    at.text_input(key="backward.answer").set_value("-12").run()  # Σ ∂L/∂d of ŷ: the note's db
    at.button(key="backward.check").click().run()
    assert not at.exception and at.success[0].value.startswith("✓")
    at.button(key="backward.next").click().run()
    at.text_input(key="backward.answer").set_value("-35").run()  # ∂L/∂w: the note's dw
    at.button(key="backward.check").click().run()
    assert at.success[0].value.startswith("✓")
    at.button(key="backward.next").click().run()
    dot = graph(at)
    assert "∂L/∂w = -35" in dot and "∂L/∂b = -12" in dot and dot.count("->") == 2  # x → ŷ → L


def test_the_batch_walk_sums_over_the_samples_and_says_so():
    at = open_page(PAGE)
    at.selectbox(key="backward.sample").set_value("batch").run()
    assert any("sums over the 4 samples" in c for c in texts(at, "caption"))
    for _ in range(12):
        at.button(key="backward.next").click().run()
    assert not at.exception and (at.dataframe[0].value.iloc[:, 3].abs() < 1e-12).all()


def test_play_advances_on_its_own_and_stops_at_the_end():
    at = open_page(PAGE)
    at.toggle(key="backward.play").set_value(True).run()
    assert not at.exception
    positions = record(at, "backward").positions
    positions.update({walk: 12 for walk in positions})
    at.run()
    assert at.toggle(key="backward.play").value is False or "Step 12 of 12" in at.get("progress")[0].proto.text


def test_a_nudge_shows_the_change_beside_gradient_times_epsilon_and_how_many_digits_agree():
    at = open_page(PAGE)
    at.selectbox(key="backward.nudge_param").set_value("W2[0,0]")
    at.select_slider(key="backward.nudge_eps").set_value(1e-6).run()
    mlp = bp_core.MLP()
    params = bp_core.teaching.params_at(bp_core.train(mlp, bp_core.half_adder(), "manual", 1.0, 5000), 0)
    expected = bp_core.teaching.nudge(mlp, params, bp_core.half_adder(), "W2[0,0]", 1e-6)
    sentence = [m for m in texts(at, "markdown") if m.startswith("With ε")][0]
    assert f"{expected.agreeing_digits} significant digit" in sentence and f"{expected.change:.6g}" in sentence
    assert expected.agreeing_digits >= 5


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_an_exercise_on_each_page_refuses_a_wrong_answer_with_a_hint_then_the_worked_answer(lang):
    for page, key in (("pages/step_by_hand.py", "step"), ("pages/chain_rule.py", "chain"), (PAGE, "backward")):
        at = open_page(page, lang)
        answer = at.text_input(key=f"{key}.answer")
        answer.set_value("12345").run()
        at.button(key=f"{key}.check").click().run()
        assert not at.exception and at.warning, page
        at.button(key=f"{key}.check").click().run()
        assert at.error and not at.exception, page
        at.text_input(key=f"{key}.answer").set_value("[x](http://evil.example)").run()
        at.button(key=f"{key}.check").click().run()
        assert at.info and "](" not in at.info[-1].value and not at.exception, page
        assert at.text_input(key=f"{key}.answer").value == "[x](http://evil.example)"  # kept as typed
        # one question, checked three times: counted once, by its first checked answer (wrong)
        assert any(TEXTS["exercise_score"][lang].format(right=0, tried=1) == c for c in texts(at, "caption")), page


def test_the_notes_first_step_is_an_exercise_on_the_step_page():
    at = open_page("pages/step_by_hand.py")
    at.toggle(key="step.exercise_hide").set_value(True).run()
    assert not [latex for latex in at.latex if "dw" in latex.value]  # the answers are hidden while trying
    at.text_input(key="step.answer").set_value("-35").run()
    at.button(key="step.check").click().run()
    assert at.success[0].value.startswith("✓")
    at.selectbox(key="step.exercise_param").set_value("b").run()
    at.text_input(key="step.answer").set_value("-12").run()
    at.button(key="step.check").click().run()
    assert at.success[0].value.startswith("✓") and "2 of 2 questions right" in " ".join(texts(at, "caption"))


def test_another_one_walks_another_sample_or_epoch_from_its_start():
    at = open_page(PAGE)
    at.button(key="backward.next").click().run()
    before = (at.session_state["backward.sample"], at.session_state["backward.epoch"])
    at.button(key="backward.another").click().run()
    assert not at.exception
    assert (at.session_state["backward.sample"], at.session_state["backward.epoch"]) != before
    assert at.text_input(key="backward.answer").value == ""
    assert any(bar.proto.text.startswith("Step 0 of") for bar in at.get("progress"))  # a new walk, from its start
