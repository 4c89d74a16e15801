"""The server's one queue as the pages use it: the shared ``Worker`` and one call that sends a heavy action through it,
draws the waiting (the queue position, then the progress) and returns the result.

Every heavy action goes through ``queued``: Compare's training, the learning-rate sweep, the Scaling page's live
run, the zero_grad comparison, the lecture example's run and the fresh-process measurement (exclusive: one at a time
per server, whatever BACKPROP_LAB_WORKERS says). The computation runs in the worker's thread, never in the page's:
at most ``workers`` at once for the whole server, one per identical request (the key is the action's name and its
request), the last few kept for the next learner. Each session keeps its own last result per action, so a rerun with
the same request (a toggle, a language, a page switch) never waits in the queue behind other learners.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import streamlit as st

from ui.server.worker import Job, Report, Worker
from ui.session import state
from ui.texts import t

WAIT_POLL_SECONDS = 0.25
"""How often a waiting page looks at its queue position and progress (it redraws only what changed)."""

Result = TypeVar("Result")
ProgressText = Callable[[Job], str]
"""The progress bar's text while the job runs, from what it last reported (``job.stage``, ``job.figures``)."""


@st.cache_resource(show_spinner=False)
def server_queue() -> Worker:
    """The server's one worker, shared by every session and every page. app.py's warm-up builds it when the server
    starts (ui/server/start.py), beside the process-wide settings it needs; any first use builds it otherwise."""
    return Worker()


def waiting_view(ahead: int, job: Job, workers: int, lang: str, progress_text: ProgressText
                 ) -> tuple[str, float, str]:
    """What a waiting page shows: ("info", 0, "N runs ahead of yours") while queued, else ("progress", fraction,
    text)."""
    if ahead:
        return "info", 0.0, t("queue_one" if ahead == 1 else "queue_many", lang, ahead=ahead, workers=workers)
    return "progress", round(job.fraction, 2), progress_text(job)


def wait(job: Job, worker: Worker, lang: str, progress_text: ProgressText) -> None:
    """Draw the waiting in one slot until ``job`` has finished, then clear it."""
    if job.done():
        return
    slot, shown = st.empty(), None
    while not job.wait(WAIT_POLL_SECONDS):
        now = waiting_view(worker.ahead(job), job, worker.workers, lang, progress_text)
        if now == shown:
            continue  # redraw only what changed: twenty waiting pages must not keep the server busy
        shown = now  # each redraw also lets Streamlit stop or rerun this script
        kind, fraction, text = now
        if kind == "info":
            slot.info(text)
        else:
            slot.progress(fraction, text=text)
    slot.empty()


def submit(action: str, request: Hashable, compute: Callable[[Report], Any], *, exclusive: bool = False) -> Job:
    """The server queue's job for (``action``, ``request``): submitted, joined in flight or served from a kept result.
    The one place that forms a job's key, for the pages (``queued``) and the server's warm-up alike."""
    return server_queue().submit((action, request), compute, action=action, exclusive=exclusive)


def queued(action: str, request: Hashable, compute: Callable[[Report], Result], lang: str,
           progress_text: ProgressText, *, exclusive: bool = False) -> Result:
    """``compute(report)`` for ``request``, through the server's queue, the waiting drawn here.

    This session's last result of ``action`` is returned at once when it was for an equal request. Otherwise the job
    for (``action``, ``request``) is submitted (or joined, or served from a kept result) and waited for. Should it
    raise, the same exception is raised here, in the page's thread: the page says why, as it would have had it
    computed itself. Results are shared between sessions, not copied: a page must not change them.
    """
    mine: dict[str, tuple[Hashable, Any]] = state.recall("app", "results", {})
    last = mine.get(action)
    if last is not None and last[0] == request:
        return last[1]
    job = submit(action, request, compute, exclusive=exclusive)
    wait(job, server_queue(), lang, progress_text)
    result = job.result()
    state.remember("app", "results", {**mine, action: (request, result)})
    return result
