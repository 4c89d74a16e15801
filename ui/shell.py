"""The app shell (app.py: page config, language switch, navigation), also when a page script runs without it.

With a ``pages/`` folder next to app.py, Streamlit starts in its legacy multipage mode: a server's first request to
a page URL, and every rerun under AppTest, runs the page script alone, without app.py, so the sidebar would lose its
language switch and the navigation its titles. Each page therefore begins with ``run_app_if_alone()``: when app.py
is not running, it runs app.py (which calls ``st.navigation`` and draws the intended page inside the shell) and
stops the bare run. app.py marks its run with ``app_running()``.
"""

from __future__ import annotations

import runpy
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st

APP = Path(__file__).resolve().parents[1] / "app.py"
_local = threading.local()  # each script run has its own thread


@contextmanager
def app_running() -> Iterator[None]:
    """app.py wraps ``st.navigation(...).run()`` in this, so the pages it runs know the shell is drawn."""
    _local.depth = getattr(_local, "depth", 0) + 1
    try:
        yield
    finally:
        _local.depth -= 1


def run_app_if_alone() -> None:
    """First line of every page: run the whole app instead when this page was started without app.py."""
    if getattr(_local, "depth", 0) == 0:
        runpy.run_path(str(APP), run_name="__main__")
        st.stop()
