"""Every string the dashboard shows, in English and Korean, kept per page. ``t(key, lang, **values)`` fills them in.

Each module holds the texts of one page or shared area as ``TEXTS = {key: {"en": ..., "ko": ...}}``; they are merged
here into one ``TEXTS``, and a key defined in two modules stops the import.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from ui.texts import (
    backward,
    chain_rule,
    check,
    common,
    compare,
    derive,
    example,
    exercises,
    glossary,
    memory,
    notebook,
    scaling,
    shell,
    start,
    step,
    sweep,
)
from ui.texts.glossary import GLOSSARY

__all__ = ["GLOSSARY", "LANGUAGES", "TEXTS", "render", "t"]

LANGUAGES = {"en": "English", "ko": "한국어"}


def _merged(*modules: ModuleType) -> dict[str, dict[str, str]]:
    """The modules' ``TEXTS`` in one dict; a key that two modules define raises ValueError naming both."""
    texts: dict[str, dict[str, str]] = {}
    defined_in: dict[str, str] = {}
    for module in modules:
        for key, entry in module.TEXTS.items():
            if key in texts:
                raise ValueError(f"text key {key!r} is defined in {defined_in[key]} and again in {module.__name__}")
            texts[key], defined_in[key] = entry, module.__name__
    return texts


TEXTS: dict[str, dict[str, str]] = _merged(shell, start, common, example, exercises, derive, compare, memory,
                                           notebook, chain_rule, backward, step, check, sweep, scaling, glossary)


def t(key: str, lang: str = "en", **values: Any) -> str:
    """The text ``key`` in ``lang`` (falling back to English), with ``values`` filled in."""
    entry = TEXTS[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


def render(message: tuple[str, dict[str, Any]], lang: str) -> str:
    """A (key, values) message in ``lang``; a value that is itself such a pair is rendered first."""
    key, values = message
    return t(key, lang, **{name: _rendered(v, lang) for name, v in values.items()})


def _rendered(value: Any, lang: str) -> Any:
    """A message value: a (key, values) pair rendered, a list of such pairs rendered and joined with "; "."""
    if isinstance(value, tuple):
        return render(value, lang)
    if isinstance(value, list) and value and all(_is_message(v) for v in value):
        return "; ".join(render(v, lang) for v in value)
    return value


def _is_message(value: Any) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], dict)
