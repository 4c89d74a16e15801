"""ui.texts: every key in English and Korean with the same placeholders, every key the dashboard uses defined, every
key defined used. The dashboard's code (ui/, pages/, app.py, dashboard.py) is read with ast, never imported: no
Streamlit here."""

from __future__ import annotations

import ast
import string
import types
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from ui.texts import TEXTS, _merged

ROOT = Path(__file__).resolve().parent.parent
CODE_IN_TEXTS = ("sentences.py", "messages.py")  # ui/texts/ holds the tables, and these two modules that use them
SOURCES = [*sorted(p for p in ROOT.glob("ui/**/*.py") if "texts" not in p.parts or p.name in CODE_IN_TEXTS),
           *sorted(ROOT.glob("pages/*.py")), *sorted(ROOT.glob("*.py"))]


@dataclass
class Uses:
    """What code says about text keys. ``named``: keys it names (``t("key")``, either branch of ``t("a" if c else
    "b")``, a ``("key", {values})`` message), each with the file; these must exist. ``patterns``: (prefix, suffix) of
    keys built with f-strings (``t(f"model_{m}")``). ``listed``: strings a module that passes ``t`` a variable lists
    (tuples, lists, sets, dict keys, conditionals, assignments, and what it imports from this project); a defined key
    among them, or one that fits a pattern, counts as used."""

    named: dict[str, str] = field(default_factory=dict)
    patterns: dict[tuple[str, str], str] = field(default_factory=dict)
    listed: set[str] = field(default_factory=set)

    def covers(self, key: str) -> bool:
        return key in self.named or key in self.listed or any(fits(key, pattern) for pattern in self.patterns)


def fits(key: str, pattern: tuple[str, str]) -> bool:
    prefix, suffix = pattern
    return len(key) > len(prefix) + len(suffix) and key.startswith(prefix) and key.endswith(suffix)


def _text(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _name_key(node: ast.AST, uses: Uses, where: str) -> bool:
    """Record the key ``node`` names; False when it names none (a variable: the key comes from data)."""
    if (key := _text(node)) is not None:
        uses.named.setdefault(key, where)
        return True
    if isinstance(node, ast.IfExp):
        return _name_key(node.body, uses, where) & _name_key(node.orelse, uses, where)
    if isinstance(node, ast.JoinedStr) and len(node.values) > 1:
        prefix, suffix = _text(node.values[0]) or "", _text(node.values[-1]) or ""
        if prefix or suffix:
            uses.patterns.setdefault((prefix, suffix), where)
            return True
    return False


def _listed(node: ast.AST) -> set[str]:
    """The strings under ``node`` that are elements of tuples, lists or sets, keys or values of dicts (a mapping from
    bp_core's column names to text keys lists the keys as values) or arguments of calls."""
    found: set[str] = set()
    for inner in ast.walk(node):
        if isinstance(inner, ast.Tuple | ast.List | ast.Set):
            found |= {text for e in inner.elts if (text := _text(e)) is not None}
        elif isinstance(inner, ast.Dict):
            found |= {text for k in [*inner.keys, *inner.values] if (text := _text(k)) is not None}
        elif isinstance(inner, ast.Call):  # a record built from constants: PageInfo("pages/x.py", "page_x", ...)
            found |= {text for a in inner.args if (text := _text(a)) is not None}
    return found


def _absolute(node: ast.ImportFrom, path: Path, root: Path) -> str:
    package = path.relative_to(root).parent.parts
    base = package[: len(package) - node.level + 1] if node.level else ()
    return ".".join([*base, *([node.module] if node.module else [])])


def _imported(module: str, name: str, root: Path, hops: int = 4) -> set[str]:
    """The strings listed in ``name``'s top-level assignment in ``module`` of the project under ``root``, following
    re-exports (``from .x import name``, ``from .x import *``); nothing for a module outside the project."""
    base = root.joinpath(*module.split("."))
    path = next((p for p in (base.with_suffix(".py"), base / "__init__.py") if p.is_file()), None)
    if path is None or hops == 0:
        return set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(target, "id", None) == name for target in node.targets):
            return _listed(node.value)
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", None) == name and node.value is not None:
            return _listed(node.value)
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if (alias.asname or alias.name) == name:
                    return _imported(_absolute(node, path, root), alias.name, root, hops - 1)
                if alias.name == "*" and (found := _imported(_absolute(node, path, root), name, root, hops - 1)):
                    return found
    return set()


def _calls_t(call: ast.Call) -> bool:
    return bool(call.args) and getattr(call.func, "id", getattr(call.func, "attr", "")) == "t"


def _is_message(pair: ast.Tuple) -> bool:
    values = pair.elts[1] if len(pair.elts) == 2 else None
    return isinstance(values, ast.Dict) or (isinstance(values, ast.Call) and getattr(values.func, "id", "") == "dict")


def scan(path: Path, uses: Uses, root: Path = ROOT) -> None:
    """Add what the module at ``path`` says about text keys to ``uses`` (see Uses)."""
    where, tree = str(path.relative_to(root)), ast.parse(path.read_text(encoding="utf-8"))
    variable = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _calls_t(node):
            variable |= not _name_key(node.args[0], uses, where)
        elif isinstance(node, ast.Tuple) and _is_message(node):  # a message whose key is a variable: as t(variable)
            variable |= not _name_key(node.elts[0], uses, where)
    if not variable:
        return
    uses.listed |= _listed(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.IfExp):
            uses.listed |= {text for branch in (node.body, node.orelse) if (text := _text(branch)) is not None}
        elif isinstance(node, ast.Assign) and (text := _text(node.value)) is not None:
            uses.listed.add(text)
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                uses.listed |= _imported(_absolute(node, path, root), alias.name, root)


def dashboard_uses() -> Uses:
    uses = Uses()
    for path in SOURCES:
        scan(path, uses)
    return uses


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_key_has_an_english_and_a_korean_text_and_neither_is_empty():
    missing = [(key, lang) for key, entry in TEXTS.items() for lang in ("en", "ko")
               if not isinstance(entry.get(lang), str) or not entry[lang].strip()]
    assert missing == []


def test_the_english_and_korean_texts_of_every_key_have_the_same_placeholders():
    differ = {key: (placeholders(entry["en"]), placeholders(entry["ko"])) for key, entry in TEXTS.items()
              if placeholders(entry["en"]) != placeholders(entry["ko"])}
    assert differ == {}


def test_every_key_the_dashboard_names_is_defined_and_every_key_pattern_fits_a_defined_key():
    uses = dashboard_uses()
    assert {key: where for key, where in uses.named.items() if key not in TEXTS} == {}
    assert {pattern: where for pattern, where in uses.patterns.items()
            if not any(fits(key, pattern) for key in TEXTS)} == {}


def test_every_key_defined_is_used_by_the_dashboard():
    uses = dashboard_uses()
    assert [key for key in TEXTS if not uses.covers(key)] == []


def test_the_scan_reads_constants_branches_messages_f_strings_and_what_a_module_lists_or_imports_for_t(tmp_path):
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "__init__.py").write_text("from .names import *\n")
    (tmp_path / "core" / "names.py").write_text('CATEGORIES = ("parameter_bytes", "gradient_bytes")\n')
    (tmp_path / "page.py").write_text('''
from core import CATEGORIES
ROLES = ("error", "weight")
def draw(lang, ok, role, c, values):
    t("plain", lang)
    t("yes" if ok else "no", lang)
    t(f"teach_role_{role}", lang)
    t(f"{role}_short", lang)
    t(f"{role}", lang)
    message = ("bad_lr", {"value": 1, "reason": ("reason_empty", dict())})
    for key in ("listed_a", "listed_b"):
        t(key, lang)
    return [t(c, lang) for c in CATEGORIES]
''')
    uses = Uses()
    scan(tmp_path / "page.py", uses, root=tmp_path)
    assert set(uses.named) == {"plain", "yes", "no", "bad_lr", "reason_empty"}
    assert set(uses.patterns) == {("teach_role_", ""), ("", "_short")}
    assert {"listed_a", "listed_b", "error", "weight", "parameter_bytes", "gradient_bytes"} <= uses.listed
    assert uses.covers("teach_role_input") and uses.covers("manual_short") and not uses.covers("teach_role_")
    assert not uses.covers("never_named")


def test_a_key_that_two_modules_define_stops_the_import():
    one = types.SimpleNamespace(__name__="ui.texts.one", TEXTS={"same": {"en": "a", "ko": "가"}})
    two = types.SimpleNamespace(__name__="ui.texts.two", TEXTS={"same": {"en": "b", "ko": "나"}})
    with pytest.raises(ValueError, match="'same' is defined in ui.texts.one and again in ui.texts.two"):
        _merged(one, two)  # type: ignore[arg-type]


def test_every_korean_text_uses_the_one_word_of_the_terms_table():
    from ui.texts.glossary import GLOSSARY
    from ui.texts.terms import avoided

    korean = {key: entry["ko"] for key, entry in TEXTS.items()}
    korean |= {f"glossary:{row[0]}": " ".join(str(cell) for cell in row) for row in GLOSSARY}
    assert {key: found for key, text in korean.items() if (found := avoided(text))} == {}


def test_the_terms_check_finds_a_planted_synonym():
    from ui.texts.terms import avoided

    assert avoided("이 단계의 기울기와 갱신") == [("기울기", "그래디언트"), ("갱신", "업데이트")]
