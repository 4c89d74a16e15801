"""What the teaching pages share: the presets' training runs (cached), and parameters at an epoch of them.

The runs are the presets' (bp_core.PRESETS, each at its own learning rate and epochs: the line at lr 0.01 for 1000
epochs, the 2-3-2 network on the half adder at lr 1.0 for 5000 epochs, ...), trained by hand; row ``e`` of a history
holds the parameters after ``e`` updates. Cached functions take the frozen ``Settings`` (Streamlit hashes it), so each
run is trained once per server.
"""

from __future__ import annotations

import streamlit as st

import bp_core
from bp_core.contract import LayeredModel, check_layered
from ui.server.queue_view import queued
from ui.server.worker import Report
from ui.session import state
from ui.session.presets import choices
from ui.session.settings import Settings
from ui.texts import t

RUNS = {model: Settings.for_model(model) for model in bp_core.PRESETS}
"""The training run each teaching page reads, per model."""


TEACHING_RUN = "teaching_run"
"""The action's name in the server's queue (ui/server/queue_view.py): a preset's run that the teaching pages read."""


def _train(settings: Settings, report: Report) -> bp_core.TrainResult:
    """In the worker's thread: the manual run, its progress reported."""
    model, data = settings.build()
    return bp_core.train(model, data, "manual", settings.learning_rate, settings.epochs,
                         progress=lambda done, total: report(done / total, done=done, total=total))


@st.cache_data(max_entries=4, ttl=3600, show_spinner=False)
def trained(settings: Settings, _lang: str = "en") -> bp_core.TrainResult:
    """The manual run for ``settings``, trained in the server's one queue (the queue position, then a progress bar
    in the learner's language; a cache hit draws none)."""
    return queued(TEACHING_RUN, settings, lambda report: _train(settings, report), _lang,
                  lambda job: t("teach_training", _lang, epochs=settings.epochs))


@st.cache_data(max_entries=8, ttl=3600, show_spinner=False)
def last_epoch(settings: Settings, _lang: str = "en") -> int:
    """The last history row: the epochs requested, fewer if the run stopped early (cached: a warm rerun reads an
    int, not the whole run). Each page asks this first, in its language: the run's progress is said in it."""
    return len(trained(settings, _lang).history) - 1


def params_at(settings: Settings, epoch: int) -> bp_core.contract.Params:
    """The parameters after ``epoch`` updates of the run for ``settings``."""
    return bp_core.teaching.params_at(trained(settings), epoch)


def model_name(model: str, lang: str) -> str:
    return t(f"model_{model}", lang)


def choose_run(page: str, lang: str, offered_on: str, default: str | None = None, name: str = "model") -> Settings:
    """A switch between the presets offered on the page ``offered_on`` (``default``, else its first, at first; kept
    in ``page``'s record as its widget ``name``) and the run it picks."""
    models = choices(offered_on)
    with state.widgets(page, {name: default if default in models else models[0]}):
        chosen = st.radio(t("model", lang), models, key=state.key(page, name), horizontal=True,
                          format_func=lambda m: model_name(m, lang))
    return RUNS[chosen]


def layered(model: bp_core.Model) -> LayeredModel:
    """``model`` as a network the teaching views follow layer by layer (bp_core.contract.LayeredModel: sizes, layers,
    each layer's activation and forward values); ValueError for any other model."""
    return check_layered(model)
