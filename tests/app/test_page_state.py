"""One page state (ui.session.state): on every page with widgets, what the learner chose survives a rerun, a visit to
another page and the way back, and a language switch; a model switch and back finds each model's own values again; the
page draws no warning about a widget given two values."""

import pytest
from page_helpers import open_page, record, texts

AWAY = "pages/glossary.py"

# page, how to change one of its widgets, how to read it back, the value set (not the page's default)
CASES = [
    ("pages/compare.py", lambda at: at.radio(key="compare.model").set_value("mlp"),
     lambda at: at.radio(key="compare.model").value, "mlp"),
    ("pages/compare.py", lambda at: at.toggle(key="compare.log_scale").set_value(False),
     lambda at: at.toggle(key="compare.log_scale").value, False),
    ("pages/chain_rule.py", lambda at: at.selectbox(key="chain.parameter").set_value("W2[1,0]"),
     lambda at: at.selectbox(key="chain.parameter").value, "W2[1,0]"),
    ("pages/step_by_hand.py", lambda at: at.radio(key="step.model").set_value("mlp"),
     lambda at: at.radio(key="step.model").value, "mlp"),
    ("pages/backward.py", lambda at: at.slider(key="backward.epoch").set_value(7),
     lambda at: at.slider(key="backward.epoch").value, 7),
    ("pages/gradient_check.py", lambda at: at.radio(key="check.source").set_value("trained"),
     lambda at: at.radio(key="check.source").value, "trained"),
    ("pages/learning_rate.py", lambda at: at.radio(key="sweep.model").set_value("mlp"),
     lambda at: at.radio(key="sweep.model").value, "mlp"),
    ("pages/scaling.py", lambda at: at.radio(key="scaling.axis").set_value("width"),
     lambda at: at.radio(key="scaling.axis").value, "width"),
]


def switch_language(at, lang: str):
    at.radio(key="app.lang").set_value(lang).run()
    return at


@pytest.mark.parametrize(("page", "change", "read", "value"), CASES, ids=[f"{c[0]}:{i}" for i, c in enumerate(CASES)])
def test_a_chosen_value_survives_a_rerun_a_visit_to_another_page_and_a_language_switch(page, change, read, value):
    at = open_page(page)
    assert read(at) != value  # the default differs, so the test can fail
    change(at)
    at.run()
    assert read(at) == value and not at.exception
    at.run()
    assert read(at) == value
    at.switch_page(AWAY).run()
    assert f"{page.split('/')[-1]}" and not at.exception
    at.switch_page(page).run()
    assert read(at) == value and not at.exception
    switch_language(at, "ko")
    assert read(at) == value and not at.exception
    assert at.query_params["lang"] == "ko"  # a reload opens in the language chosen
    assert not [w for w in at.warning if "default value" in w.value]  # no value= beside session state


# widgets a page draws only after another choice: page, how to reach it, how to change it, how to read it, the value
LATER = [
    ("pages/compare.py", lambda at: at.radio(key="compare.model").set_value("mlp"),  # the line has no seed
     lambda at: (at.number_input(key="compare.seed").set_value(7), at.button(key="compare.train").click()),
     lambda at: at.number_input(key="compare.seed").value, 7),
    ("pages/gradient_check.py", lambda at: at.radio(key="check.source").set_value("trained"),  # initial: no epoch
     lambda at: at.slider(key="check.epoch").set_value(1000), lambda at: at.slider(key="check.epoch").value, 1000),
]


@pytest.mark.parametrize(("page", "reach", "change", "read", "value"), LATER, ids=[c[0] for c in LATER])
def test_a_widget_drawn_only_after_another_choice_keeps_its_value_after_a_visit_elsewhere(page, reach, change, read,
                                                                                          value):
    """A page's first runs keep such a widget's first value in session state without drawing it (state.widgets);
    Streamlit would keep that value under the bare key past the widget's life, and after a visit elsewhere it came
    back in place of the learner's (``WidgetBlock.not_drawn`` takes it out)."""
    at = open_page(page)
    reach(at)
    at.run()
    assert read(at) != value and not at.exception
    change(at)
    at.run()
    assert read(at) == value
    at.switch_page(AWAY).run()
    at.switch_page(page).run()
    assert read(at) == value and not at.exception


def test_the_chain_rule_page_keeps_each_networks_parameter_and_epoch_across_a_switch_and_back():
    at = open_page("pages/chain_rule.py")
    at.selectbox(key="chain.parameter").set_value("W1[0,1]")
    at.slider(key="chain.epoch").set_value(100).run()
    at.radio(key="chain.model").set_value("xor").run()
    assert not at.exception and at.slider(key="chain.epoch").value == 0  # XOR starts at its own first request
    at.slider(key="chain.epoch").set_value(30).run()
    at.radio(key="chain.model").set_value("mlp").run()
    assert (at.selectbox(key="chain.parameter").value, at.slider(key="chain.epoch").value) == ("W1[0,1]", 100)
    at.radio(key="chain.model").set_value("xor").run()
    assert at.slider(key="chain.epoch").value == 30 and not at.exception


def test_the_nudge_keeps_each_models_parameter_across_a_switch_and_back():
    at = open_page("pages/backward.py")
    at.selectbox(key="backward.nudge_param").set_value("b2[1]").run()
    at.slider(key="backward.epoch").set_value(12).run()
    at.radio(key="backward.model").set_value("line").run()
    assert not at.exception and at.selectbox(key="backward.nudge_param").value != "b2[1]"
    at.radio(key="backward.model").set_value("mlp").run()
    assert at.selectbox(key="backward.nudge_param").value == "b2[1]" and at.slider(key="backward.epoch").value == 12


def test_the_step_page_keeps_each_models_epoch_and_asked_parameter_across_a_switch_and_back():
    at = open_page("pages/step_by_hand.py")
    at.radio(key="step.model").set_value("mlp").run()
    at.button(key="step.next").click().run()
    at.button(key="step.next").click().run()
    at.selectbox(key="step.exercise_param").set_value("W1[0,1]").run()
    at.radio(key="step.model").set_value("line").run()
    assert at.selectbox(key="step.exercise_param").value == "w"
    at.radio(key="step.model").set_value("mlp").run()
    assert at.selectbox(key="step.exercise_param").value == "W1[0,1]" and not at.exception
    assert "Epoch 2" in at.get("progress")[0].proto.text


def test_the_sweep_keeps_each_models_range_across_a_switch_and_back():
    at = open_page("pages/learning_rate.py")
    at.number_input(key="sweep.high").set_value(0.3)
    at.button(key="sweep.run").click().run()
    at.radio(key="sweep.model").set_value("mlp").run()
    assert at.number_input(key="sweep.high").value != 0.3
    at.radio(key="sweep.model").set_value("line").run()
    assert at.number_input(key="sweep.high").value == 0.3 and not at.exception


def test_the_compare_page_keeps_each_models_learning_rate_across_a_switch_and_back():
    at = open_page("pages/compare.py")
    at.select_slider(key="compare.lr").set_value(0.02)
    at.button(key="compare.train").click().run()
    at.radio(key="compare.model").set_value("mlp").run()
    assert at.select_slider(key="compare.lr").value != 0.02 and not at.exception
    at.radio(key="compare.model").set_value("line").run()
    assert at.select_slider(key="compare.lr").value == 0.02 and not at.exception


def test_a_hint_survives_a_rerun_and_a_language_switch_and_a_second_check_does_not_raise_the_score():
    at = open_page("pages/step_by_hand.py")
    at.text_input(key="step.answer").set_value("-34").run()
    at.button(key="step.check").click().run()
    hint = [w.value for w in at.warning]
    assert hint and "Hint" in hint[0]
    at.run()
    assert [w.value for w in at.warning] == hint  # still there on a rerun
    switch_language(at, "ko")
    assert at.warning and "힌트" in at.warning[0].value and not at.exception  # the same hint, in Korean
    switch_language(at, "en")
    at.text_input(key="step.answer").set_value("-35").run()
    for _ in range(3):
        at.button(key="step.check").click().run()
    assert any("0 of 1 questions" in c for c in texts(at, "caption"))  # counted once, by its first checked answer


def test_an_answer_typed_for_one_question_does_not_carry_into_the_next():
    at = open_page("pages/step_by_hand.py")
    at.text_input(key="step.answer").set_value("-35").run()
    at.button(key="step.next").click().run()
    assert at.text_input(key="step.answer").value == ""  # another epoch: another question, an empty box
    at.button(key="step.previous").click().run()
    assert at.text_input(key="step.answer").value == "-35"  # back: what was typed for that one


def test_a_new_epoch_restarts_the_walk_and_says_so_and_the_old_place_comes_back():
    at = open_page("pages/backward.py")
    for _ in range(3):
        at.button(key="backward.next").click().run()
    at.slider(key="backward.epoch").set_value(5).run()
    assert any("starts again" in i.value and "step 3" in i.value for i in at.info)
    at.slider(key="backward.epoch").set_value(0).run()
    assert "Step 3 of" in at.get("progress")[0].proto.text and not at.exception


def test_every_record_holds_only_registered_names():
    at = open_page("pages/chain_rule.py")
    at.switch_page("pages/backward.py").run()
    from ui.session.state import PAGES

    for page in ("app", "chain", "backward"):
        rec = record(at, page)
        assert set(rec.kept) <= PAGES[page].kept and set(rec.widgets) <= PAGES[page].widgets
