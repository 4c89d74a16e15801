from pathlib import Path

import pytest
import streamlit as st
from page_helpers import rest_drawn
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "dashboard.py")  # each session's script (app.py: its server)


@pytest.fixture(autouse=True)
def _fresh_app_state():
    st.cache_data.clear()  # st.cache_data outlives an AppTest in one process (streamlit#9139)
    yield
    st.cache_data.clear()


@pytest.fixture
def app():
    def start(query: dict | None = None, *, whole: bool = True) -> AppTest:
        """The Compare page, opened with ``query`` as its link's parameters; with ``whole``, the rest that a session's
        first view leaves to the browser's timer drawn as that timer would (else the first run alone)."""
        at = AppTest.from_file(APP, default_timeout=120)
        for key, value in (query or {}).items():
            at.query_params[key] = value
        at.switch_page("pages/compare.py").run()  # the Compare page; the app opens on the start page
        return rest_drawn(at) if whole else at

    return start
