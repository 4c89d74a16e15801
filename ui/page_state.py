"""Widget values of the teaching pages, kept under one plain session key so they outlive a visit to another page.

Streamlit drops a widget's key from session state in any run that does not draw that widget, so a page that is
left and reopened would start from its defaults. ``restore`` puts the kept values back before the widgets are
drawn; ``keep`` copies them after. Widgets read their value from session state only (no ``value=`` argument), so
Streamlit never sees two defaults.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import streamlit as st

KEPT = "teaching_widgets"


def restore(defaults: Mapping[str, Any]) -> None:
    """Before the widgets: every key missing from session state gets its kept value, else its default."""
    state = st.session_state
    kept = state.setdefault(KEPT, {})
    for key, default in defaults.items():
        if key not in state:
            state[key] = kept.get(key, default)


def keep(keys: Iterable[str]) -> None:
    """After the widgets: copy their values under the plain key."""
    state = st.session_state
    kept = state.setdefault(KEPT, {})
    for key in keys:
        if key in state:
            kept[key] = state[key]


def set_value(key: str, value: Any) -> None:
    """Change a widget's value from code (before it is drawn in this run) and keep it."""
    st.session_state[key] = value
    st.session_state.setdefault(KEPT, {})[key] = value
