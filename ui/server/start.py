"""What a server does once when it starts, in a background thread, before and beside the first learner's request.

A cold server's first page pays torch's import (~1.3 s here), pandas, Altair and our own modules, then torch's first
optimizer (``torch.optim.SGD`` imports ``torch._dynamo`` and sympy on its first ``add_param_group``, ~1.3 s), then
the default run. The server itself answers after ~0.7 s, and a browser needs about as long again to load Streamlit's
page before it asks for a script run; ``warm_up`` starts all of that work in that gap:

1. it imports every module of ``bp_core`` and ``ui`` (and so torch, pandas and Altair). Until that is done no script
   runs: ``AfterImports`` holds each new browser connection (Streamlit's websocket; the page and its files are
   served at once). Python's imports are not safe to run side by side here: a thread that imports ``bp_core.lecture``
   while another is inside ``bp_core/__init__`` finds the parent package half made and fails (a circular import
   across threads, seen on a fresh server's first request to the lecture example);
2. it then submits the Compare page's default run to the server's queue (its first ``torch.optim.SGD`` paying
   torch's one-time costs), so the first learner joins it in flight or finds it kept.

Nothing here is needed for correctness: should a step fail, it is logged, the connections are let through, and the
first learner computes as before. This module imports nothing heavy itself: app.py imports it before the server
answers.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import pkgutil
import threading
from typing import Any

log = logging.getLogger(__name__)

PACKAGES = ("bp_core", "ui")
"""Every module of these is imported before a script may run (``__main__`` modules excepted: they run a program)."""
IMPORT_WAIT_SECONDS = 120.0
"""The most a connection waits for the imports (a stuck import must not lock learners out)."""

LARGEST_IMPORTS = ("torch", "torch._dynamo", "pandas", "altair")
"""What the server imports first, one at a time, releasing the page cache each read before the next (a container's
memory limit counts it; see ``worker.release_file_cache``): torch, what torch's first optimizer step imports
(``torch._dynamo``, and sympy with it), pandas, Altair. Together they read about 600 MiB of files."""

CLOSED_SESSION_SWEEP_SECONDS = 30.0
"""How often the server drops closed tabs' sessions whose time-to-live has passed (``sweep_closed_sessions``)."""

imported = threading.Event()
"""Set once ``warm_up`` has imported everything (or failed to): from then on connections pass at once."""


def import_everything() -> list[str]:
    """Import every module of ``PACKAGES``, torch set to one thread first; the names imported, in order."""
    from ui.views.shell import one_torch_thread

    one_torch_thread()
    names = []
    for name in PACKAGES:
        package = importlib.import_module(name)
        names.append(name)
        for module in pkgutil.walk_packages(package.__path__, f"{name}."):
            if module.name.rsplit(".", 1)[-1] != "__main__":
                importlib.import_module(module.name)
                names.append(module.name)
    return names


def configure_process() -> None:
    """The server's process-wide settings, set once here where they can be seen (never inside a cache factory):

    - a short GIL switch interval (``worker.favour_short_gil_turns``): the queue's computations and the pages'
      scripts share the cores in short turns, so a page keeps drawing while a run trains;
    - the modules imported so far frozen out of the garbage collector (``worker.freeze_startup_objects``): a full
      collection then scans only what sessions made since (seen: 0 ms instead of 310 ms, the GIL held).

    Called after ``import_everything``, so the freeze takes torch, pandas, Altair and our modules with it."""
    from ui.server.worker import favour_short_gil_turns, freeze_startup_objects

    favour_short_gil_turns()
    freeze_startup_objects()


def warm_up() -> None:
    """Import everything (then let scripts run), set the process-wide settings, build the server's one queue, then
    start the default run (the default preset's, what Compare asks for first) and a short run of each other model
    (``compare_view.start_other_models_runs``), and wait for them. After torch's import, after the other imports, after
    the default run and after the others, the page cache of the files read is released
    (``worker.release_file_cache``): a container's memory limit counts it."""
    from ui.server.worker import release_file_cache

    try:
        for name in LARGEST_IMPORTS:  # one at a time, the page cache each read released before the next
            importlib.import_module(name)
            release_file_cache()
        import_everything()
        release_file_cache()
    except Exception:  # an optimisation only: scripts then import for themselves
        log.warning("the server's warm-up could not import everything; scripts import for themselves", exc_info=True)
        return
    finally:
        imported.set()
    try:
        from ui.server.queue_view import server_queue
        from ui.views.compare_view import start_default_run, start_other_models_runs

        configure_process()
        server_queue()  # the queue is built here, when the server starts, not by the first learner's page
        start_default_run().result()  # the first torch.optim.SGD is made here, off every learner's request
        release_file_cache()  # what that step imported (torch._dynamo, sympy) was read from disk
        for job in start_other_models_runs():  # the networks' code is read from disk here, not in a class
            job.result()
        release_file_cache()
    except Exception:  # an optimisation only: the first learner then computes as before
        log.warning("the server's warm-up failed; the first learner computes what it would have", exc_info=True)


def start_warm_up() -> threading.Thread:
    """``warm_up`` in a daemon thread (the server never waits for it), the thread returned."""
    thread = threading.Thread(target=warm_up, name="backprop-lab-warm-up", daemon=True)
    thread.start()
    return thread


class AfterImports:
    """ASGI middleware: a websocket connection (a browser about to ask for a script run) waits until ``imported``
    is set, at most ``IMPORT_WAIT_SECONDS``; every other request passes at once (health, the page, its files)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "websocket":
            await until_imported()
        await self.app(scope, receive, send)


async def until_imported(poll_seconds: float = 0.05) -> None:
    """Return once ``imported`` is set, or after ``IMPORT_WAIT_SECONDS``. It polls on the event loop rather than
    waiting in a thread: twenty connections at once would otherwise hold the loop's default executor."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + IMPORT_WAIT_SECONDS
    while not imported.is_set() and loop.time() < deadline:
        await asyncio.sleep(poll_seconds)


def expire_closed_sessions(storage: Any = None) -> int:
    """Drop the closed tabs' sessions whose time-to-live (``server.disconnectedSessionTTL``) has passed; how many.

    Streamlit keeps a closed tab's session (its state, its last page) so that a reconnect finds it, in a cache of at
    most 128 that drops an expired session only when it is next written or read, that is when another learner
    connects. After a class left, up to 128 sessions stayed in memory until the next learner came: 800 sessions
    coming and going left the server +58 MB above its level (benchmarks/bench_class_memory.py). ``storage`` is that
    cache (``streamlit.runtime.caching.ttl_cache.TTLCache``); by default the running server's, found through
    Streamlit's runtime (private attributes: should a Streamlit release rename them, nothing is dropped and the
    server runs as before). Call it on the server's event loop, where Streamlit itself uses the cache."""
    if storage is None:
        from streamlit.runtime import Runtime

        try:
            storage = Runtime.instance()._session_mgr._session_storage._cache  # type: ignore[attr-defined]
        except (RuntimeError, AttributeError):
            return 0
    expire = getattr(storage, "expire", None)
    return len(expire()) if callable(expire) else 0


async def sweep_closed_sessions(every_seconds: float = CLOSED_SESSION_SWEEP_SECONDS) -> None:
    """``expire_closed_sessions`` every ``every_seconds`` on the server's event loop, until cancelled; the worker's
    collection (every 30 s, ui/server/worker.py) then gives their memory back."""
    while True:
        await asyncio.sleep(every_seconds)
        try:
            expire_closed_sessions()
        except Exception:  # a sweep must never stop the server
            log.warning("could not drop expired closed sessions", exc_info=True)
