"""ui.session.state is the one owner of st.session_state: no other code names it, and every widget key is made by
``state.key`` from a registered name."""

import ast
from pathlib import Path

import pytest

from ui.session import state

ROOT = Path(__file__).resolve().parents[1]
CODE = sorted([*ROOT.glob("ui/**/*.py"), *ROOT.glob("pages/*.py"), ROOT / "dashboard.py", ROOT / "app.py"])
OWNER = ROOT / "ui" / "session" / "state.py"


def _session_state_uses(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(), str(path))
    return [node.lineno for node in ast.walk(tree)
            if (isinstance(node, ast.Attribute) and node.attr == "session_state")
            or (isinstance(node, ast.Name) and node.id == "session_state")
            or (isinstance(node, ast.alias) and node.name == "session_state")]


def test_no_code_but_ui_state_reads_or_writes_session_state():
    found = {str(path.relative_to(ROOT)): lines for path in CODE if path != OWNER
             for lines in [_session_state_uses(path)] if lines}
    assert found == {}
    assert _session_state_uses(OWNER)  # the check sees what it looks for


def test_the_check_would_catch_a_write(tmp_path):
    planted = tmp_path / "page.py"
    planted.write_text("import streamlit as st\nst.session_state['lr'] = 1\n")
    assert _session_state_uses(planted) == [2]


def _literal_keys(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(), str(path))
    return [(node.lineno, ast.unparse(kw.value)) for node in ast.walk(tree) if isinstance(node, ast.Call)
            for kw in node.keywords
            if kw.arg == "key" and isinstance(kw.value, (ast.Constant, ast.JoinedStr))]


def test_every_widget_key_is_made_by_state_key_from_a_registered_name():
    found = {str(path.relative_to(ROOT)): keys for path in CODE for keys in [_literal_keys(path)] if keys}
    assert found == {}


def test_keys_are_namespaced_and_unregistered_names_refused():
    assert state.key("chain", "parameter") == "chain.parameter"
    assert state.key("scaling", "range_width") == "scaling.range_width"  # a registered family
    with pytest.raises(KeyError, match="registers no widget 'lr'"):
        state.key("chain", "lr")
    with pytest.raises(KeyError, match="no page 'nowhere'"):
        state.key("nowhere", "x")


def test_every_per_model_name_is_one_of_the_pages_widgets():
    for page, spec in state.PAGES.items():
        assert spec.per_model <= spec.widgets, page
        assert all(not name.startswith(".") and "." not in name for name in spec.widgets | spec.kept), page
