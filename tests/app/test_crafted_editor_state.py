"""Crafted editor state from a modified client (issue 18, item 13): the page drops it, says so once, keeps its last
valid data and draws; the next rerun is clean."""

import pytest
from page_helpers import open_page

from ui.texts import TEXTS

JUNK = [{"edited_rows": "junk", "added_rows": [], "deleted_rows": []},
        {"edited_rows": {999: {"x": "1"}}, "added_rows": [], "deleted_rows": []},
        {"edited_rows": {0: {"zzz": "1"}}, "added_rows": [], "deleted_rows": []},
        {"edited_rows": {}, "added_rows": "junk", "deleted_rows": []}]


@pytest.mark.parametrize("junk", JUNK)
def test_the_compare_pages_points_editor_recovers_from_crafted_state(junk):
    at = open_page("pages/compare.py")
    at.session_state["compare.points_open"] = True  # the table is folded until opened
    at.run()
    metrics = [m.value for m in at.metric]
    at.session_state["compare.points"] = junk
    at.run()
    assert not at.exception and [w.value for w in at.warning] == [TEXTS["edits_dropped"]["en"]]
    assert [m.value for m in at.metric] == metrics  # the last valid data: the same run
    at.run()
    assert not at.exception and not at.warning


@pytest.mark.parametrize("junk", JUNK[:3])
def test_the_gradient_checks_typed_table_recovers_from_crafted_state(junk):
    at = open_page("pages/gradient_check.py")
    at.radio(key="check.source").set_value("typed").run()
    key = "check.editor_mlp"  # the lecture network, the page's first model
    at.session_state[key] = junk
    at.run()
    assert not at.exception and TEXTS["edits_dropped"]["en"] in [w.value for w in at.warning]
    at.run()
    assert not at.exception
