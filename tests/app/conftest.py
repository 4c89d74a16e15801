from pathlib import Path

import pytest
import streamlit as st
import streamlit.testing.v1.app_test as app_test_module
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


class _ServerLikePagesManager(PagesManager):
    """AppTest resets Streamlit's legacy 'pages/ folder' flag before every run, so each rerun after the first runs
    the page script alone, without app.py. A real server clears that flag for good once app.py calls
    st.navigation. This subclass does the same, so reruns here go through app.py as they do in the browser."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False


@pytest.fixture(autouse=True)
def _fresh_app_state(monkeypatch):
    monkeypatch.setattr(app_test_module, "PagesManager", _ServerLikePagesManager)
    st.cache_data.clear()  # st.cache_data outlives an AppTest in one process (streamlit#9139)
    yield
    st.cache_data.clear()


@pytest.fixture
def app():
    def start(query: dict | None = None) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=120)
        for key, value in (query or {}).items():
            at.query_params[key] = value
        return at.run()

    return start
