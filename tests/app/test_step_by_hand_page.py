import pytest
from page_helpers import kept, metric, open_page, texts

import bp_core
from ui.texts import TEXTS

PAGE = "pages/step_by_hand.py"


def right(at) -> list[str]:
    """The exercise's own verdicts that say right (the page's other success boxes aside)."""
    return [box.value for box in at.success if box.value.startswith("✓ Right")]


def showing_answers(at):
    """The learner switches the hiding off (the page hides the answers until one is checked)."""
    at.toggle(key="step.exercise_hide").set_value(False).run()
    return at


@pytest.fixture(scope="module")
def histories():
    return {key: bp_core.train(*p.build(), "manual", p.learning_rate, p.epochs).history
            for key, p in bp_core.PRESETS.items()}


def w_update(at) -> str:
    formulas = [latex.strip("$ \n") for latex in texts(at, "latex")]  # st.latex wraps its body in $$ ... $$
    return next(latex for latex in formulas if latex.startswith("w \\leftarrow"))


def test_the_first_step_on_the_line_shows_the_lectures_numbers_and_matches_the_history(histories):
    at = showing_answers(open_page(PAGE))
    assert not at.exception and not at.error
    assert at.title[0].value == TEXTS["step_title"]["en"]
    assert metric(at, "Loss at epoch 0") == "41"
    latex = " ".join(texts(at, "latex"))
    assert "&= -35 \\end{aligned}" in latex and "&= -12 \\end{aligned}" in latex
    assert w_update(at).endswith(f"= {histories['line']['w'].iloc[1]:.7g}")
    assert at.success and "row 1" in at.success[0].value


def test_next_previous_reset_and_a_jump_move_through_the_history(histories):
    at = showing_answers(open_page(PAGE))
    at.button(key="step.next").click().run()
    at.button(key="step.next").click().run()
    assert metric(at, "Loss at epoch 2") == f"{histories['line']['loss'].iloc[2]:.7g}"
    assert w_update(at).endswith(f"= {histories['line']['w'].iloc[3]:.7g}")
    at.button(key="step.previous").click().run()
    assert metric(at, "Loss at epoch 1")
    at.number_input(key="step.jump").set_value(500)
    at.button(key="step.go").click().run()
    assert metric(at, "Loss at epoch 500") == f"{histories['line']['loss'].iloc[500]:.7g}"
    assert at.success and not at.error
    at.button(key="step.reset").click().run()
    assert metric(at, "Loss at epoch 0") == "41"


@pytest.mark.parametrize("typed", [1000, -3, 10**12])
def test_a_jump_out_of_range_is_explained_and_the_epoch_stays(typed):
    at = showing_answers(open_page(PAGE))
    at.button(key="step.next").click().run()
    at.number_input(key="step.jump").set_value(typed)
    at.button(key="step.go").click().run()
    assert not at.exception
    assert any(f"Epoch {typed} cannot be shown" in e and "0 to 999" in e for e in texts(at, "error"))
    assert metric(at, "Loss at epoch 1") and at.number_input(key="step.jump").value == typed


def test_the_network_shows_every_value_and_its_17_updates_equal_the_next_history_row(histories):
    at = showing_answers(open_page(PAGE))
    at.radio(key="step.model").set_value("mlp").run()
    at.number_input(key="step.jump").set_value(1234)
    at.button(key="step.go").click().run()
    assert not at.exception
    history, names = histories["mlp"], bp_core.models.scalar_names(bp_core.MLP().init_params())
    update = at.dataframe[2].value
    assert update["parameter"].tolist() == names
    assert update["value"].tolist() == history[names].iloc[1234].tolist()
    assert update["new value"].tolist() == history[names].iloc[1235].tolist()
    assert metric(at, "Loss at epoch 1234") == f"{history['loss'].iloc[1234]:.7g}"
    assert len(at.dataframe[0].value) == 14 and len(at.dataframe[1].value) == 15


def test_the_epoch_and_model_survive_a_page_switch_and_each_model_keeps_its_own_epoch():
    at = showing_answers(open_page(PAGE))
    for _ in range(3):
        at.button(key="step.next").click().run()
    at.radio(key="step.model").set_value("mlp").run()
    assert metric(at, "Loss at epoch 0")
    at.button(key="step.next").click().run()
    at.switch_page("pages/glossary.py").run()
    at.switch_page(PAGE).run()
    assert at.radio(key="step.model").value == "mlp" and metric(at, "Loss at epoch 1")
    at.radio(key="step.model").set_value("line").run()
    assert metric(at, "Loss at epoch 3")


def test_the_page_speaks_korean():
    at = showing_answers(open_page(PAGE, "ko"))
    assert not at.exception
    assert at.title[0].value == TEXTS["step_title"]["ko"]
    assert at.button(key="step.next").label == "다음 ▶" and metric(at, "에폭 0의 손실") == "41"
    assert "pred − y" in at.dataframe[0].value.columns


@pytest.mark.parametrize(("crafted", "says"), [(float("nan"), "Type an epoch from 0 to 999 first"),
                                               (1e308, "Epoch 1e+308 cannot be shown")])
def test_a_crafted_jump_value_is_named_and_what_arrived_stays_in_the_box(crafted, says):
    at = open_page(PAGE)
    at.session_state["step.jump"] = crafted
    at.run()
    at.button(key="step.go").click().run()
    assert not at.exception and any(says in e for e in texts(at, "error"))


def test_the_answers_are_hidden_until_a_right_answer_and_typed_minus_signs_are_read():
    """Predict, then reveal: the note's first step asks dw = −35 with the loss, the gradient and the update hidden;
    "−35" (U+2212, the app's own minus) and "－35" (a Korean IME's full-width minus) are both right."""
    at = open_page(PAGE)
    assert not at.metric and not [latex for latex in at.latex if "dw" in latex.value]
    assert TEXTS["exercise_hidden"]["en"] in [info.value for info in at.info]
    at.text_input(key="step.answer").set_value("\uff0d35").run()
    at.button(key="step.check").click().run()
    assert right(at) and at.metric and [latex for latex in at.latex if "dw" in latex.value]
    at.text_input(key="step.answer").set_value("\u221235").run()
    at.button(key="step.check").click().run()
    assert right(at) and any("1 of 1 questions" in c for c in texts(at, "caption"))


def test_at_epoch_998_the_unchanged_w_is_refused_for_the_update_and_named(histories):
    at = open_page(PAGE)
    at.number_input(key="step.jump").set_value(998)
    at.button(key="step.go").click().run()
    at.radio(key="step.exercise_what").set_value("update").run()
    before = histories["line"]["w"].iloc[998]
    question = [m.value for m in at.markdown if "after one update" in m.value][0]
    assert f"{before:.9g}" in question  # what the question needs is on the screen
    at.text_input(key="step.answer").set_value(f"{before:.6g}").run()  # the unchanged w as the page rounds it
    at.button(key="step.check").click().run()
    assert at.warning and "value before the update" in at.warning[0].value and not right(at)
    after = histories["line"]["w"].iloc[999]
    at.text_input(key="step.answer").set_value(f"{after:.9g}").run()
    at.button(key="step.check").click().run()
    assert right(at)


def asked(at) -> tuple[int, str, str]:
    """The step page's question now: its epoch (from the page's record), parameter and kind."""
    return (kept(at, "step", "epoch", "line") or 0, at.selectbox(key="step.exercise_param").value,
            at.radio(key="step.exercise_what").value)


def test_another_one_draws_fresh_variants_after_the_notes_first_step_with_an_empty_box_and_the_score_kept():
    at = open_page(PAGE)
    assert asked(at) == (0, "w", "gradient")  # the note's own first step: dw = -35 at epoch 0
    at.text_input(key="step.answer").set_value("-35").run()
    at.button(key="step.check").click().run()
    assert right(at)
    seen = [asked(at)]
    for _ in range(4):
        at.button(key="step.another").click().run()
        assert not at.exception
        seen.append(asked(at))
        assert seen[-1] != seen[-2]  # never the question already on screen
        assert at.text_input(key="step.answer").value == ""  # its own empty box
        assert TEXTS["exercise_score"]["en"].format(right=1, tried=1) in texts(at, "caption")
    assert len(set(seen)) == 5  # the seeded sequence's first four (checked: they differ)
    again = open_page(PAGE)  # another learner: the same seeded sequence, so a class can compare
    again.button(key="step.another").click().run()
    at_first = open_page(PAGE)
    at_first.button(key="step.another").click().run()
    assert asked(again) == asked(at_first) != (0, "w", "gradient")


def test_the_notes_epoch_caption_says_what_bp_py_prints_and_only_for_the_line():
    """Issue 28: row e's loss is bp.py's epoch e + 1, printed by the note only when e + 1 is a multiple of 100; the
    networks are no program of the note's, so their caption does not mention it."""
    at = open_page("pages/step_by_hand.py")
    at.toggle(key="step.exercise_hide").set_value(False).run()
    assert any("not this one" in c for c in texts(at, "caption"))  # row 0: epoch 1, not printed
    at.number_input(key="step.jump").set_value(99.0)
    at.button(key="step.go").click().run()
    assert any("`Epoch [100/1000]`" in c and "not this one" not in c for c in texts(at, "caption"))
    at.radio(key="step.model").set_value("mlp").run()
    assert not any("bp.py" in c for c in texts(at, "caption"))
