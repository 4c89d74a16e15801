"""The one way a page keeps its widgets' values across reruns and page switches.

Streamlit drops a widget's key from session state in any run that does not draw that widget: when the learner is on
another page, and when a server's first request to a page URL runs that page without its shell. So every page draws its
widgets inside ``with kept(defaults):``. On entry each key missing from session state gets its kept value (else its
default); on exit the drawn values are copied under one plain session key, ``kept_widgets``, which Streamlit never
drops. Widgets read their value from session state only (no ``value=`` argument), so Streamlit never sees two
defaults. ``set_value`` changes a widget's value from code (a callback, or before the widget is drawn) and keeps it.

>>> KEPT
'kept_widgets'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import streamlit as st
from streamlit.runtime.state import SessionStateProxy

__all__ = ["KEPT", "KeptBlock", "WidgetValues", "data_editor", "dropped_edits", "kept", "kept_values", "restore",
           "keep", "set_value"]

KEPT = "kept_widgets"
WidgetValues = Mapping[str, Any] | SessionStateProxy
"""What the rules that turn a page's widgets into a request read: st.session_state, or a plain mapping in tests."""


def kept_values() -> dict[str, Any]:
    """The kept values of every page's widgets (the session's plain store; created empty on first use)."""
    return st.session_state.setdefault(KEPT, {})


def restore(defaults: Mapping[str, Any]) -> None:
    """Before the widgets: every key missing from session state gets its kept value, else its default."""
    state, store = st.session_state, kept_values()
    for key, default in defaults.items():
        if key not in state:
            state[key] = store.get(key, default)


def keep(keys: Iterable[str]) -> None:
    """After the widgets: copy the values of those drawn (or set) in this run under the plain key."""
    state, store = st.session_state, kept_values()
    for key in keys:
        if key in state:
            store[key] = state[key]


class KeptBlock:
    """The widgets of one ``with kept(...)`` block: the keys kept when it ends."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.keys = list(keys)

    def value(self, key: str, default: Any) -> Any:
        """For a widget whose kind follows its ``value=`` argument (a range slider: a tuple value): its kept value,
        else ``default``, to pass as ``value=``; never written into session state, so Streamlit sees one value. The
        key is kept when the block ends."""
        self.keys.append(key)
        return default if key in st.session_state else kept_values().get(key, default)


@contextmanager
def kept(defaults: Mapping[str, Any]) -> Iterator[KeptBlock]:
    """Draw a page's widgets inside this block: their values are restored before and kept after."""
    restore(defaults)
    block = KeptBlock(defaults)
    try:
        yield block
    finally:
        keep(block.keys)


def set_value(key: str, value: Any) -> None:
    """Change a widget's value from code (in a callback, or before the widget is drawn in this run) and keep it."""
    st.session_state[key] = value
    kept_values()[key] = value


DROPPED = "dropped_edits"  # plain key: the editor whose crafted edits were dropped, said once on the next run


def data_editor(data: Any, *, key: str, **options: Any) -> Any:
    """``st.data_editor`` that survives edits it cannot apply (a modified client's row 999, an unknown column,
    ``edited_rows`` that is not a mapping): Streamlit raises inside the call on every rerun, so the bad edits are
    dropped, the page reruns from its last valid data, and ``dropped_edits(key)`` says so once."""
    try:
        return st.data_editor(data, key=key, **options)
    except (AttributeError, IndexError, KeyError, TypeError, ValueError):
        st.session_state.pop(key, None)
        st.session_state[DROPPED] = key
        st.rerun()


def dropped_edits(key: str) -> bool:
    """True once after ``data_editor`` dropped the edits of ``key``."""
    if st.session_state.get(DROPPED) == key:
        del st.session_state[DROPPED]
        return True
    return False
