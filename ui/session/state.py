"""The one owner of ``st.session_state``: each page's memory as one typed record, under registered, namespaced keys.

Streamlit keeps a widget's value under its key and drops the key in any run that does not draw the widget (the
learner is on another page; a server's first request to a page URL runs that page without dashboard.py). So a page
draws its widgets inside ``with widgets(page, defaults, model=...)``: before, each widget key missing from session
state gets the value kept in the page's record (else its default); after, the drawn values are copied into the
record, which Streamlit never drops. A widget's key is ``page.name`` (``key("chain", "parameter")`` is
``"chain.parameter"``) and every name is registered in ``PAGES``. The names a page lists as ``per_model`` are kept
for each model on its own: the chain-rule page switched to XOR and back is at W1[0,1], epoch 100 again.

Everything else a page remembers is in the same record, typed: the walk's position per walk, each exercise's answer,
tries and verdict, and named values (the last valid request, a kept result) through ``remember`` and ``recall``.
Nothing outside this module reads or writes ``st.session_state`` (tests/test_state.py fails if any code does).

>>> key("chain", "parameter")
'chain.parameter'
>>> key("chain", "lr")
Traceback (most recent call last):
...
KeyError: "page 'chain' registers no widget 'lr'"
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

__all__ = ["PAGES", "ExerciseRecord", "PageRecord", "PageSpec", "WidgetBlock", "WidgetValues", "data_editor",
           "drop_widget", "dropped_edits", "editor_known", "exercise", "exercise_box_text", "forget", "key", "position",
           "recall", "record", "remember", "set_position", "set_value", "value", "values", "widgets"]


@dataclass(frozen=True)
class PageSpec:
    """What one page may keep: its widgets' names (a key is ``page.name``), the ones kept per model, the names of
    its other kept values, and name prefixes of widgets made one per item (``range_`` + an axis); ``separator``
    joins page and name in a key (``_`` for the derive box drawn on two pages: ``derive_formula``)."""

    widgets: frozenset[str]
    per_model: frozenset[str] = frozenset()
    kept: frozenset[str] = frozenset()
    families: frozenset[str] = frozenset()
    separator: str = "."


WidgetValues = Mapping[str, Any]
"""What the rules that turn a page's widgets into a request read: ``values(page)``, or a plain mapping in tests."""


def _spec(widgets: str, per_model: str = "", kept: str = "", families: str = "", separator: str = ".") -> PageSpec:
    return PageSpec(frozenset(widgets.split()), frozenset(per_model.split()), frozenset(kept.split()),
                    frozenset(families.split()), separator)


EXERCISE_WIDGETS = "answer check show another"
"""Each exercise box's widgets: the typed answer, Check (ui.views.exercises.exercise_box), Show me and Another one."""

PAGES: dict[str, PageSpec] = {
    "app": _spec("lang", kept="lang url_problems compare_start points_base initialised results dropped"),
    "compare": _spec("model lr lr_exact epochs seed activation points points_open train log_scale params_shown "
                     "measure download_csv download_json notebook outputs code_open code_tuned rest_pending",
                     per_model="lr lr_exact epochs params_shown",
                     kept="valid_points points_typed points_table last_valid isolated_memory rest"),
    "chain": _spec(f"model parameter sample epoch layout note_w1 note_w2 exercise_what paths_table notebook "
                   f"{EXERCISE_WIDGETS}",
                   per_model="parameter sample epoch", kept="last variants"),
    "step": _spec(f"model previous next reset jump go exercise_what exercise_param exercise_hide line_table "
                  f"forward_table local_table update_table notebook {EXERCISE_WIDGETS}",
                  per_model="exercise_param", kept="epoch variants"),
    "backward": _spec(f"model sample epoch layout play previous next reset units gradients nudge_param nudge_eps "
                      f"notebook {EXERCISE_WIDGETS}", per_model="sample epoch nudge_param",
                      kept="last_move walk variants"),
    "check": _spec("model source epoch zero_grad_model notebook", per_model="epoch", kept="base typed last",
                   families="editor_ table_"),
    "sweep": _spec("model low high count epochs run curves table notebook", per_model="low high count epochs",
                   kept="last"),
    "scaling": _spec("axis points run show_shipped", kept="live", families="range_"),
    "example": _spec("run times notebook", kept="result", families="memory_ whole_"),
    "start": _spec("progress progress_csv progress_json epsilon path_1 path_2 path_3"),
    "derive": _spec("target formula check train", per_model="target", kept="right trained",
                    separator="_"),  # the derive box: its keys are derive_formula, derive_check, ...
}
"""Every page's registered names. A page that keeps nothing (the glossary) has no entry."""


def _registered(page: str, name: str, kind: str) -> None:
    spec = PAGES.get(page)
    if spec is None:
        raise KeyError(f"no page {page!r} is registered")
    names = spec.widgets if kind == "widget" else spec.kept
    if name not in names and not (kind == "widget" and any(name.startswith(p) for p in spec.families)):
        raise KeyError(f"page {page!r} registers no {kind} {name!r}")


def key(page: str, name: str) -> str:
    """The session-state key of the widget ``name`` of ``page``: ``page.name`` (a registered name only)."""
    _registered(page, name, "widget")
    return f"{page}{PAGES[page].separator}{name}"


@dataclass
class ExerciseRecord:
    """One exercise's own memory: what was typed in its box, wrong tries, the verdict shown, and how it scored."""

    typed: str = ""
    wrong: int = 0
    verdict: Any = None  # ui.views.exercises.Verdict of the last check, shown on every run until the answer changes
    checked: str | None = None  # the text that verdict is about
    first_right: bool | None = None  # the verdict of its first checked answer: scored once, by that
    revealed: bool = False  # the learner looked at the answers before answering: not scored
    question: Any = None  # the question's message, for the progress a learner downloads


@dataclass
class PageRecord:
    """Everything one page remembers, kept under the session key ``page.record``."""

    page: str
    widgets: dict[str, Any] = field(default_factory=dict)  # widget name -> value drawn last
    model: str | None = None  # the model (or axis) the per-model widgets were drawn for last
    per_model: dict[str, dict[str, Any]] = field(default_factory=dict)  # model -> per-model widget name -> value
    kept: dict[str, Any] = field(default_factory=dict)  # registered name -> value (remember / recall)
    kept_per_model: dict[str, dict[str, Any]] = field(default_factory=dict)  # model -> name -> value
    positions: dict[str, int] = field(default_factory=dict)  # walk identity -> steps revealed
    exercises: dict[str, ExerciseRecord] = field(default_factory=dict)  # exercise identity -> its memory
    exercise_drawn: str | None = None  # the exercise whose box was drawn last


def record(page: str) -> PageRecord:
    """The page's record (created empty on first use)."""
    if page not in PAGES:
        raise KeyError(f"no page {page!r} is registered")
    state_key = f"{page}{PAGES[page].separator}record"
    found = st.session_state.get(state_key)
    if not isinstance(found, PageRecord):  # first use, or something crafted in its place
        found = PageRecord(page)
        st.session_state[state_key] = found
    return found


# ---- widgets


class WidgetBlock:
    """The widgets of one ``with widgets(...)`` block; ``switched`` is True when the model changed since the last
    draw (the per-model values were just brought back)."""

    def __init__(self, page: str, names: Iterable[str], model: str | None, switched: bool) -> None:
        self.page, self.names, self.model, self.switched = page, list(names), model, switched
        self.undrawn: list[str] = []

    def not_drawn(self, *names: str) -> None:
        """Say that this run draws no widget for ``names`` (a model without that setting, a form left for later):
        their values are kept in the page's record when the block ends, and taken out of session state. Streamlit
        keeps a value written under a key that no widget of the run uses under that bare key, also after a widget
        with the key is drawn and gone again, and it then comes back in place of the learner's value after a page
        switch."""
        self.undrawn.extend(names)

    def value(self, name: str, default: Any) -> Any:
        """For a widget whose kind follows its ``value=`` argument (a range slider: a tuple value): its kept value,
        else ``default``, to pass as ``value=``; never written into session state, so Streamlit sees one value. The
        name is kept when the block ends."""
        self.names.append(name)
        if key(self.page, name) in st.session_state:
            return default
        return record(self.page).widgets.get(name, default)


def _kept_value(rec: PageRecord, name: str, model: str | None, default: Any) -> Any:
    if model is not None and name in PAGES[rec.page].per_model:
        return rec.per_model.get(model, {}).get(name, default)
    return rec.widgets.get(name, default)


@contextmanager
def widgets(page: str, defaults: Mapping[str, Any], *, model: str | None = None) -> Iterator[WidgetBlock]:
    """Draw a page's widgets inside this block: their values are restored before and kept after.

    ``defaults`` maps each widget name to its first value. With ``model``, the page's per-model names are kept for
    each model: after a switch they come back as that model had them (else its defaults)."""
    rec, state = record(page), st.session_state
    switched = model is not None and rec.model is not None and rec.model != model
    if switched:  # the page's other per-model widgets, drawn later in this run, come back as this model had them
        for name in PAGES[page].per_model - set(defaults):
            state.pop(key(page, name), None)
            if name in rec.per_model.get(model or "", {}):
                rec.widgets[name] = rec.per_model[model or ""][name]
            else:
                rec.widgets.pop(name, None)
    for name, default in defaults.items():
        widget_key = key(page, name)
        if switched and name in PAGES[page].per_model:
            state[widget_key] = _kept_value(rec, name, model, default)
        elif widget_key not in state:
            state[widget_key] = _kept_value(rec, name, model, default)
    if model is not None:
        rec.model = model
    block = WidgetBlock(page, defaults, model, switched)
    try:
        yield block
    finally:
        _keep(rec, block.names, model)
        for name in block.undrawn:
            state.pop(key(page, name), None)


def _keep(rec: PageRecord, names: Iterable[str], model: str | None) -> None:
    state = st.session_state
    for name in names:
        widget_key = key(rec.page, name)
        if widget_key in state:
            rec.widgets[name] = state[widget_key]
            if model is not None and name in PAGES[rec.page].per_model:
                rec.per_model.setdefault(model, {})[name] = state[widget_key]


def value(page: str, name: str, default: Any = None) -> Any:
    """The widget's value now: session state's, else the kept one, else ``default``."""
    widget_key = key(page, name)
    if widget_key in st.session_state:
        return st.session_state[widget_key]
    return record(page).widgets.get(name, default)


def values(page: str) -> dict[str, Any]:
    """Every widget value of ``page`` now, by name (what a page's rules read to build its request)."""
    rec, state, prefix = record(page), st.session_state, f"{page}{PAGES[page].separator}"
    now = dict(rec.widgets)
    now.update({k[len(prefix):]: state[k] for k in list(state.keys())
                if isinstance(k, str) and k.startswith(prefix) and k != f"{prefix}record"})
    return now


def set_value(page: str, name: str, new: Any) -> None:
    """Change a widget's value from code (in a callback, or before the widget is drawn in this run) and keep it."""
    st.session_state[key(page, name)] = new
    rec = record(page)
    rec.widgets[name] = new
    if rec.model is not None and name in PAGES[page].per_model:
        rec.per_model.setdefault(rec.model, {})[name] = new


def drop_widget(page: str, name: str) -> None:
    """Forget a widget's value in session state (it starts again from its kept value on the next draw)."""
    st.session_state.pop(key(page, name), None)


# ---- other kept values


def remember(page: str, name: str, kept: Any, *, model: str | None = None) -> None:
    """Keep ``kept`` under the registered ``name`` of ``page`` (for ``model`` alone, when given)."""
    _kept(page, name, model)[name] = kept


def recall(page: str, name: str, default: Any = None, *, model: str | None = None) -> Any:
    """What was kept under ``name`` of ``page`` (for ``model``, when given), else ``default``."""
    return _kept(page, name, model).get(name, default)


def forget(page: str, name: str, *, model: str | None = None) -> None:
    """Drop what was kept under ``name`` of ``page`` (for ``model``, when given)."""
    _kept(page, name, model).pop(name, None)


def _kept(page: str, name: str, model: str | None) -> dict[str, Any]:
    """The dict that keeps the registered ``name`` of ``page``: the page's own, or ``model``'s."""
    _registered(page, name, "kept")
    rec = record(page)
    return rec.kept if model is None else rec.kept_per_model.setdefault(model, {})


def position(page: str, walk: str) -> int:
    """Steps revealed in the walk ``walk`` of ``page`` (0 until the learner moves)."""
    return record(page).positions.get(walk, 0)


def set_position(page: str, walk: str, steps: int) -> None:
    record(page).positions[walk] = steps


def exercise(page: str, ident: str) -> ExerciseRecord:
    """The memory of the exercise ``ident`` on ``page`` (created on first use)."""
    return record(page).exercises.setdefault(ident, ExerciseRecord())


def exercise_box_text(page: str, ident: str, box: str = "answer") -> str:
    """Before an exercise's box (the widget ``box``) is drawn: when another exercise was drawn last, the box shows
    what was typed for this one (empty for a new one), so an answer never carries from one question into another;
    its text now."""
    rec, box = record(page), key(page, box)
    if rec.exercise_drawn != ident or box not in st.session_state:
        st.session_state[box] = exercise(page, ident).typed
        rec.exercise_drawn = ident
    typed = st.session_state[box]
    exercise(page, ident).typed = typed if isinstance(typed, str) else ""
    return exercise(page, ident).typed


# ---- data editors: crafted edits dropped, said once


def data_editor(data: Any, *, page: str, name: str, **options: Any) -> Any:
    """``st.data_editor`` under ``key(page, name)`` that survives edits it cannot apply (a modified client's row 999,
    an unknown column, ``edited_rows`` that is not a mapping): Streamlit raises inside the call on every rerun, so the
    bad edits are dropped, the page reruns from its last valid data, and ``dropped_edits`` says so once."""
    editor_key = key(page, name)
    try:
        return st.data_editor(data, key=editor_key, **options)
    except (AttributeError, IndexError, KeyError, TypeError, ValueError):
        st.session_state.pop(editor_key, None)
        remember("app", "dropped", editor_key)
        st.rerun()


def dropped_edits(page: str, name: str) -> bool:
    """True once after ``data_editor`` dropped the edits of ``page``'s editor ``name``."""
    if recall("app", "dropped") == key(page, name):
        forget("app", "dropped")
        return True
    return False


def editor_known(page: str, name: str) -> bool:
    """True when the editor has its state from an earlier run of this page (False on its first draw, or after a
    visit elsewhere)."""
    return key(page, name) in st.session_state

