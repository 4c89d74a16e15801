"""Number boxes sent NaN or inf by a modified client (issue 31, finding 8): Streamlit reads a value it cannot use in
a float box as the box's empty default, so the page names an empty box (never "you entered 0.0") and nothing raises,
in the whole-number boxes too (an int box would raise int(NaN) inside Streamlit before the page runs)."""

import math

import pytest
from page_helpers import open_page, texts

PAGES = {
    "pages/learning_rate.py": (["sweep.low", "sweep.high", "sweep.count", "sweep.epochs"], "sweep.run"),
    "pages/compare.py": (["compare.lr_exact", "compare.epochs"], "compare.train"),
    "pages/scaling.py": (["scaling.points"], "scaling.run"),
}
CASES = [(page, box, submit) for page, (boxes, submit) in PAGES.items() for box in boxes]


@pytest.mark.parametrize("value", [math.nan, math.inf])
@pytest.mark.parametrize(("page", "box", "submit"), CASES)
def test_a_crafted_nan_or_inf_in_a_number_box_is_named_not_raised(page, box, submit, value):
    at = open_page(page)
    at.number_input(key=box).set_value(value)
    at.button(key=submit).click().run()
    assert not at.exception
    errors = texts(at, "error")
    if box == "compare.lr_exact":  # an empty exact rate means "use the slider": the slider's rate runs, unnamed
        assert not errors and at.number_input(key=box).value is None
        return
    assert any("nothing: the box is empty" in e for e in errors), errors
    assert not any("0.0" in e for e in errors)
