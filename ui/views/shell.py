"""The app shell (dashboard.py: page config, language switch, navigation), also when a page script runs without it.

With a ``pages/`` folder next to dashboard.py, Streamlit starts in its legacy multipage mode: a server's first
request to a page URL, and every rerun under AppTest, runs the page script alone, without dashboard.py, so the sidebar
would lose its language switch and the navigation its titles. Each page therefore begins with ``run_app_if_alone()``:
when dashboard.py is not running, it runs dashboard.py (which calls ``st.navigation`` and draws the intended page
inside the shell) and stops the bare run. dashboard.py marks its run with ``app_running()``.
"""

from __future__ import annotations

import runpy
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st

APP = Path(__file__).resolve().parents[2] / "dashboard.py"
_local = threading.local()  # each script run has its own thread


PAGE_STYLE = """<style>
.katex-display { padding-right: 4px; }
.stCode .token.comment, .stCode .token.punctuation { color: #55585f; }
.stCode .token.keyword, .stCode .token.function { color: #0b57a4; }
.stCode .token.operator { color: #a3400a; }
.stCode .token.number { color: #0f665a; }
.stCode .token.boolean, .stCode .token.string { color: #0b6628; }
</style>"""
"""Two fixes to Streamlit's defaults that axe-core asked for. A displayed formula's box is 2 px narrower than
KaTeX's content, which made every formula a scroll region a keyboard cannot reach (scrollable-region-focusable):
4 px of padding lets the box hold it. The code blocks' syntax colours are darkened: Streamlit's own (comments
#808495, numbers #29B09D, strings #09AB3B …) are 2.2–3.6:1 on its code background #F7F7F6, below WCAG AA's 4.5:1
(color-contrast, on the extra example's programs); these are each at least 5.9:1 on it."""


@contextmanager
def app_running() -> Iterator[None]:
    """dashboard.py wraps ``st.navigation(...).run()`` in this, so the pages it runs know the shell is drawn."""
    _local.depth = getattr(_local, "depth", 0) + 1
    try:
        yield
    finally:
        _local.depth -= 1


def run_app_if_alone() -> None:
    """First line of every page: run the whole app instead when this page was started without dashboard.py."""
    if getattr(_local, "depth", 0) == 0:
        runpy.run_path(str(APP), run_name="__main__")
        st.stop()


def one_torch_thread() -> None:
    """Tiny tensors: one thread avoids thread-pool overhead and leaves Cloud's 1-2 cores to the server itself (each
    script run and the server's warm-up at start call this)."""
    import torch  # here, not at the top: app.py imports ui without torch, so the server answers before torch loads

    torch.set_num_threads(1)
