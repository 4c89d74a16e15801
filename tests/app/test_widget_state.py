"""One way to keep widget values (ui.widget_state): on every page with widgets, a value the learner chose survives a
rerun, a visit to another page and the way back, and the page draws no warning about a widget given two values."""

import pytest
from page_helpers import open_page

from ui import widget_state

AWAY = "pages/glossary.py"

# page, how to change one of its widgets, how to read it back, the value set (not the page's default)
CASES = [
    ("pages/compare.py", lambda at: at.radio(key="model").set_value("mlp"), lambda at: at.radio(key="model").value,
     "mlp"),
    ("pages/compare.py", lambda at: at.toggle(key="log_scale").set_value(False),
     lambda at: at.toggle(key="log_scale").value, False),
    ("pages/chain_rule.py", lambda at: at.selectbox(key="param").set_value("W2[1,0]"),
     lambda at: at.selectbox(key="param").value, "W2[1,0]"),
    ("pages/step_by_hand.py", lambda at: at.radio(key="step_model").set_value("mlp"),
     lambda at: at.radio(key="step_model").value, "mlp"),
    ("pages/gradient_check.py", lambda at: at.radio(key="gc_source").set_value("trained"),
     lambda at: at.radio(key="gc_source").value, "trained"),
    ("pages/learning_rate.py", lambda at: at.radio(key="sw_model").set_value("mlp"),
     lambda at: at.radio(key="sw_model").value, "mlp"),
    ("pages/scaling.py", lambda at: at.radio(key="scaling_axis").set_value("width"),
     lambda at: at.radio(key="scaling_axis").value, "width"),
]


@pytest.mark.parametrize(("page", "change", "read", "value"), CASES, ids=[f"{c[0]}:{i}" for i, c in enumerate(CASES)])
def test_a_chosen_value_survives_a_rerun_and_a_visit_to_another_page(page, change, read, value):
    at = open_page(page)
    assert read(at) != value  # the default differs, so the test can fail
    change(at)
    at.run()
    assert read(at) == value and not at.exception
    at.run()
    assert read(at) == value
    at.switch_page(AWAY).run()
    assert widget_state.KEPT in at.session_state
    at.switch_page(page).run()
    assert read(at) == value and not at.exception
    assert not [w for w in at.warning if "default value" in w.value]  # no value= beside session state


def test_the_compare_settings_outlive_a_visit_to_a_teaching_page_that_has_its_own_model_switch():
    at = open_page("pages/compare.py")
    at.radio(key="model").set_value("mlp").run()
    at.switch_page("pages/step_by_hand.py").run()
    at.radio(key="step_model").set_value("xor").run()
    at.switch_page("pages/compare.py").run()
    assert at.radio(key="model").value == "mlp" and not at.exception
    at.switch_page("pages/step_by_hand.py").run()
    assert at.radio(key="step_model").value == "xor"


def test_parameters_chosen_for_one_model_are_dropped_for_another_that_lacks_them():
    at = open_page("pages/compare.py")
    at.multiselect(key="params_shown").set_value(["w"]).run()
    assert at.multiselect(key="params_shown").value == ["w"]
    at.radio(key="model").set_value("mlp").run()
    chosen = at.multiselect(key="params_shown").value
    assert chosen and "w" not in chosen and not at.exception
