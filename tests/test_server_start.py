"""The server's warm-up at start (app.py, ui/server/start.py): it imports every module before any script may run
(browser connections wait for that, nothing else does), it leaves the Compare page's default run kept in the server's
queue under the page's own key, a failure costs nothing but the warm-up, and ``streamlit run app.py`` finds an st.App
that serves dashboard.py and starts the warm-up beside the server."""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import torch

import bp_core
from ui.server import start as server_start
from ui.server.queue_view import submit
from ui.session.settings import Settings
from ui.views import compare_view

ROOT = Path(__file__).resolve().parents[1]


def run_async(coroutine):
    """``asyncio.run`` in a thread of its own: the browser tests' Playwright keeps an event loop in this one."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_the_warm_up_leaves_the_default_run_kept_under_the_compare_pages_key():
    server_start.warm_up()
    settings = Settings()

    def must_not_run(_report):
        raise AssertionError("the default run was computed again")

    job = submit(compare_view.COMPARE, settings, must_not_run)  # as the page's queued() submits
    assert job.future.done()  # served from what the warm-up kept, not queued
    kept = job.result()
    model, data = settings.build()
    fresh = bp_core.compare(model, data, settings.learning_rate, settings.epochs)
    for method in ("manual", "autograd"):
        for name, value in fresh.results[method].params.items():
            assert torch.equal(kept.results[method].params[name], value), (method, name)
    assert torch.get_num_threads() == 1


def test_the_warm_up_runs_every_other_model_briefly_apart_from_the_compare_pages_kept_runs():
    """Each preset's model but the default's trains WARM_UP_EPOCHS epochs in the warm-up, both methods, through the
    queue under its own action: a page asking for that model later computes its own run (nothing is served from the
    warm-up's), and the default run stays kept for the Compare page."""
    server_start.warm_up()
    others = [name for name in bp_core.PRESETS if name != Settings().model]
    assert others  # the presets hold more than the default model
    for name in others:
        settings = Settings.for_model(name, compare_view.WARM_UP_EPOCHS)
        job = submit(compare_view.WARM_UP, settings, lambda _report: pytest.fail("the warm-up did not run this model"))
        assert job.future.done()
        run = job.result()
        assert set(run.results) == {"manual", "autograd"}
        assert run.results["manual"].history["epoch"].iloc[-1] == compare_view.WARM_UP_EPOCHS
        kept = submit(compare_view.COMPARE, settings, lambda _report: "computed for the page")
        assert kept.result() == "computed for the page"
    default = submit(compare_view.COMPARE, Settings(), lambda _report: pytest.fail("the default run was not kept"))
    assert default.future.done()


def test_every_module_of_bp_core_and_ui_is_imported_but_no_program():
    names = server_start.import_everything()
    files = {".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
             for package in server_start.PACKAGES for path in (ROOT / package).rglob("*.py")}
    assert set(names) == files - {"bp_core.__main__"}
    assert len(names) == len(set(names))


def test_a_browser_connection_waits_for_the_imports_and_nothing_else_does(monkeypatch):
    monkeypatch.setattr(server_start, "imported", server_start.threading.Event())
    passed = []

    async def inner(scope, _receive, _send):
        passed.append(scope["type"])

    gate = server_start.AfterImports(inner)

    async def scenario():
        await gate({"type": "http"}, None, None)
        assert passed == ["http"]  # health, the page, its files: at once
        connection = asyncio.create_task(gate({"type": "websocket"}, None, None))
        await asyncio.sleep(0.3)
        assert passed == ["http"]  # held while the imports run
        server_start.imported.set()
        await asyncio.wait_for(connection, 5)
        assert passed == ["http", "websocket"]

    run_async(scenario())


def test_a_stuck_import_holds_a_connection_no_longer_than_the_limit(monkeypatch):
    monkeypatch.setattr(server_start, "imported", server_start.threading.Event())
    monkeypatch.setattr(server_start, "IMPORT_WAIT_SECONDS", 0.2)

    async def waited() -> float:
        loop = asyncio.get_running_loop()
        began = loop.time()
        await server_start.until_imported(poll_seconds=0.01)
        return loop.time() - began

    assert run_async(waited()) >= 0.2  # held until the limit, then let through (it returned: not locked out)


def test_a_failing_import_lets_every_connection_through_and_skips_the_run(monkeypatch, caplog):
    monkeypatch.setattr(server_start, "imported", server_start.threading.Event())

    def broken():
        raise ImportError("no torch today")

    monkeypatch.setattr(server_start, "import_everything", broken)
    monkeypatch.setattr(compare_view, "start_default_run", lambda: pytest.fail("ran without its modules"))
    with caplog.at_level(logging.WARNING, logger=server_start.__name__):
        server_start.warm_up()
    assert server_start.imported.is_set() and "no torch today" in caplog.text


def test_a_failing_warm_up_is_logged_and_raises_nothing(monkeypatch, caplog):
    def broken():
        raise RuntimeError("no default run today")

    monkeypatch.setattr(compare_view, "start_default_run", broken)
    with caplog.at_level(logging.WARNING, logger=server_start.__name__):
        server_start.warm_up()
    assert "warm-up failed" in caplog.text and "no default run today" in caplog.text


def test_app_py_is_an_st_app_serving_dashboard_py_that_starts_the_warm_up_beside_the_server():
    """In a fresh process (an st.App pins Streamlit's script path for its process): importing app.py loads no torch
    (the server answers first), and the lifespan returns at once with the warm-up running in its own thread."""
    probe = (
        "import asyncio, threading, streamlit as st, app, ui.server.start\n"
        "release = threading.Event()\n"
        "ui.server.start.warm_up = release.wait  # the thread's name, not its work, is looked at here\n"
        "assert isinstance(app.app, st.App), type(app.app)\n"
        "print(app.app.script_path.name, 'torch' in __import__('sys').modules)\n"
        "async def enter():\n"
        "    async with app.warm_first_page(app.app):\n"
        "        print(sorted(t.name for t in threading.enumerate() if t.name == 'backprop-lab-warm-up'))\n"
        "    release.set()\n"
        "asyncio.run(enter())\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["dashboard.py False", "['backprop-lab-warm-up']"]


def test_closed_sessions_past_their_time_to_live_are_dropped_without_waiting_for_the_next_learner():
    """Streamlit's store of closed tabs' sessions drops an expired one only when it is next used; the server's sweep
    drops them as soon as their time-to-live has passed, and keeps the ones still inside it (a reconnect finds
    them)."""
    from streamlit.runtime.caching.ttl_cache import TTLCache

    now = [0.0]
    sessions: TTLCache[str, object] = TTLCache(maxsize=128, ttl=60, timer=lambda: now[0])
    for i in range(100):
        sessions[f"closed-{i}"] = object()
    now[0] = 30.0
    sessions["recent"] = object()
    now[0] = 61.0
    assert len(sessions._data) == 101  # Streamlit itself still holds every one of them
    assert server_start.expire_closed_sessions(sessions) == 100
    assert list(sessions._data) == ["recent"]
    assert server_start.expire_closed_sessions(object()) == 0  # not a store it knows: nothing happens


def test_the_sweep_finds_streamlits_store_of_closed_sessions_where_this_release_keeps_it():
    """The sweep reaches the store through Streamlit's private attributes (Runtime._session_mgr, its
    _session_storage, that one's _cache): this release still names them so, or the sweep would silently do nothing."""
    import inspect

    from streamlit.runtime import Runtime, memory_session_storage, websocket_session_manager

    assert "self._session_mgr = " in inspect.getsource(Runtime.__init__)
    assert "self._session_storage = " in inspect.getsource(websocket_session_manager.WebsocketSessionManager.__init__)
    assert callable(memory_session_storage.MemorySessionStorage()._cache.expire)
    assert server_start.expire_closed_sessions() == 0  # no server running here: nothing to sweep, no error


def test_the_sweep_runs_on_the_event_loop_until_cancelled(monkeypatch):
    calls = []
    monkeypatch.setattr(server_start, "expire_closed_sessions", lambda: calls.append(1) or 0)

    async def run() -> None:
        sweep = asyncio.create_task(server_start.sweep_closed_sessions(every_seconds=0.01))
        await asyncio.sleep(0.1)
        sweep.cancel()

    asyncio.run(run())
    assert len(calls) >= 3


def app_py_calls_before_building_the_server(function: str) -> bool:
    """True when app.py calls ``function`` at module level before it builds ``st.App`` (whose server starts the
    threads)."""
    import ast

    body = ast.parse((ROOT / "app.py").read_text(encoding="utf-8")).body
    calls = [i for i, node in enumerate(body) if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
             and ast.unparse(node.value.func) == function]
    builds = [i for i, node in enumerate(body) if isinstance(node, ast.Assign) and "st.App(" in ast.unparse(node)]
    return bool(calls and builds and calls[0] < builds[0])


def test_app_py_tunes_glibcs_malloc_before_it_builds_the_server():
    """The settings are made when Streamlit imports app.py, at module level and before ``st.App`` (whose server starts
    the threads): set in the lifespan, the arena limit came too late to help (benchmarks/README)."""
    assert app_py_calls_before_building_the_server("tune_malloc")


def test_app_py_puts_pyarrow_on_the_system_malloc_before_it_builds_the_server():
    """PyArrow's mimalloc pool kept a class's freed tables (benchmarks/README, issue 31): app.py hands PyArrow to
    glibc's malloc when Streamlit imports it, and in a fresh process the call takes."""
    assert app_py_calls_before_building_the_server("arrow_on_system_malloc")
    probe = ("import pyarrow; before = pyarrow.default_memory_pool().backend_name; "
             "from ui.server.worker import arrow_on_system_malloc; "
             "print(before, arrow_on_system_malloc(), pyarrow.default_memory_pool().backend_name)")
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    before, took, after = done.stdout.split()
    assert before != "system" and (took, after) == ("True", "system")  # the default differs, so the test can fail


def test_glibc_takes_both_malloc_settings_here_and_nothing_is_asked_of_a_libc_without_mallopt(monkeypatch):
    from ui.server import worker

    asked = []

    class Recording:
        def __init__(self, answers):
            self.answers = list(answers)

        def mallopt(self, parameter, value):
            asked.append((parameter, value))
            return self.answers.pop(0)

    assert worker.tune_malloc() is True  # this machine's glibc takes both (mallopt returns 1)
    monkeypatch.setattr(worker, "_LIBC", Recording([1, 1]))
    assert worker.tune_malloc() is True
    assert asked == [(-8, 2), (-3, 256 * 1024)]  # M_ARENA_MAX and M_MMAP_THRESHOLD, as malloc.h numbers them
    asked.clear()
    monkeypatch.setattr(worker, "_LIBC", Recording([0, 1]))  # a glibc that refuses the first still gets the second
    assert worker.tune_malloc() is False
    assert asked == [(-8, 2), (-3, 256 * 1024)]
    monkeypatch.setattr(worker, "_LIBC", None)
    assert worker.tune_malloc() is False



def resident_bytes(path: Path) -> int:
    """How many bytes of ``path`` sit in the page cache, asked of the kernel (``mincore`` on a fresh mapping of the
    file, which reads nothing in)."""
    import ctypes
    import mmap

    libc = ctypes.CDLL(None, use_errno=True)
    libc.mmap.restype = ctypes.c_void_p
    libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_long]
    libc.munmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    libc.mincore.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_ubyte)]
    size = path.stat().st_size
    pages = (size + mmap.PAGESIZE - 1) // mmap.PAGESIZE
    descriptor = os.open(path, os.O_RDONLY)
    try:
        address = libc.mmap(None, size, mmap.PROT_READ, mmap.MAP_SHARED, descriptor, 0)
        assert address not in (None, ctypes.c_void_p(-1).value), ctypes.get_errno()
        try:
            flags = (ctypes.c_ubyte * pages)()
            assert libc.mincore(address, size, flags) == 0, ctypes.get_errno()
        finally:
            libc.munmap(address, size)
    finally:
        os.close(descriptor)
    return sum(flag & 1 for flag in flags) * mmap.PAGESIZE


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="posix_fadvise and mincore as Linux has them")
def test_the_page_cache_of_a_file_read_is_released_and_the_file_reads_the_same_after(tmp_path):
    from ui.server.worker import release_file_cache

    path = tmp_path / "read.bin"
    content = bytes(range(256)) * 16384  # 4 MiB
    with open(path, "wb") as file:
        file.write(content)
        file.flush()
        os.fsync(file.fileno())  # written out: the kernel drops clean pages only, as code files' always are
    assert path.read_bytes() == content
    if resident_bytes(path) < len(content) // 2:
        pytest.skip("this file system keeps no page cache for the file (tmpfs or similar)")
    assert release_file_cache([str(path), str(tmp_path / "gone.bin")]) == 1  # a missing file is passed over
    assert resident_bytes(path) < len(content) // 8
    assert path.read_bytes() == content


def test_the_files_released_are_the_code_this_process_maps_and_imported():
    from ui.server import worker

    files = worker.files_read_for_code()
    libtorch = [path for path in files if Path(path).name.startswith("libtorch_cpu")]
    assert libtorch and all(Path(path).is_file() for path in libtorch)  # mapped: read from /proc/self/maps
    assert worker.__file__ in files and worker.__cached__ in files  # an imported module's source and bytecode
    import streamlit

    assert str(Path(streamlit.__file__).parent / "static" / "index.html") in files  # sent to every browser


def test_the_warm_up_releases_the_page_cache_after_each_of_the_largest_imports_and_after_the_run(monkeypatch):
    import importlib
    from types import SimpleNamespace

    from ui.server import worker

    events: list[str] = []
    import_module = importlib.import_module

    def noted_import(name, *args, **kwargs):
        if name in server_start.LARGEST_IMPORTS:
            events.append(name)
        return import_module(name, *args, **kwargs)

    monkeypatch.setattr(server_start, "importlib", SimpleNamespace(import_module=noted_import))  # start.py's own
    monkeypatch.setattr(worker, "release_file_cache", lambda: events.append("release") or 0)
    server_start.warm_up()
    first = [step for name in server_start.LARGEST_IMPORTS for step in (name, "release")]
    assert events[:len(first)] == first
    assert events[len(first):] == ["release", "release", "release"]  # after every module, the default run, the others
