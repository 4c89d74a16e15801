"""A bad link setting is named on every page, once, and the page still draws (issue 18, item 10)."""

import pytest
from streamlit.testing.v1 import AppTest

from ui.views.lecture_path import PAGES

from .conftest import APP


@pytest.mark.parametrize("page", [info.path for info in PAGES.values()])
def test_every_page_names_a_bad_language_and_a_bad_setting_in_its_link_once(page):
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = "xx"
    at.query_params["lr"] = "nan"
    at.switch_page(page).run()
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert sum("lang = “xx”" in w for w in warnings) == 1 and sum("lr = “nan”" in w for w in warnings) == 1
