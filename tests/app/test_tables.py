"""No table on any page shows Streamlit's grey "None" (issue 29 D1): a missing value is a blank cell."""

import pandas as pd
import pytest
from page_helpers import open_page

PAGES = ["pages/start.py", "pages/compare.py", "pages/chain_rule.py", "pages/backward.py", "pages/step_by_hand.py",
         "pages/gradient_check.py", "pages/learning_rate.py", "pages/scaling.py", "pages/lecture_example.py",
         "pages/glossary.py"]


@pytest.mark.parametrize("page", PAGES)
def test_no_table_holds_a_missing_value(page):
    at = open_page(page)
    if page.endswith("backward.py"):  # mid-walk
        for _ in range(3):
            at.button(key="backward.next").click().run()
    if page.endswith("step_by_hand.py"):  # the answers shown
        at.toggle(key="step.exercise_hide").set_value(False).run()
    for table in at.dataframe:
        frame = table.value
        if isinstance(frame, pd.DataFrame):
            assert not frame.isna().any().any(), (page, [c for c in frame.columns if frame[c].isna().any()])


def test_the_chain_pages_concealed_cell_is_blank_and_the_sweeps_converging_runs_have_no_divergence_epoch():
    at = open_page("pages/chain_rule.py")
    assert any((table.value == "").any().any() for table in at.dataframe)  # the asked value, blank until answered
    at = open_page("pages/learning_rate.py")
    sweep = next(table.value for table in at.dataframe if "diverged at epoch" in table.value.columns)
    assert "" in sweep["diverged at epoch"].tolist()
