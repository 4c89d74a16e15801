"""One bounded queue for the whole server's heavy work: every page's training, sweep, live measurement and profile
goes through it.

A class opens the same link at once. Without a bound, twenty script threads would train side by side on one or two
cores, each slower than the last, and the server's memory would hold twenty runs in flight. ``Worker`` runs at most
``workers`` computations at a time (one by default: see DEFAULT_WORKERS) and the exclusive ones (the fresh-process
measurement: two child processes of ~300 MB) one at a time, tells a waiting learner how many runs are ahead of
theirs, computes once however many sessions ask for the same key at the same moment (single flight), keeps a few
finished results for the next learner with the same request, and gives freed memory back to the operating system.

No Streamlit here: ``ui/server/queue_view.py`` holds the one instance (``st.cache_resource``) and draws the waiting.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
import itertools
import os
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

DEFAULT_WORKERS = 1
"""Runs trained at once unless BACKPROP_LAB_WORKERS says otherwise. Measured here (2 cores, 20 learners at once,
benchmarks/bench_load.py): one worker brought the last result in 79 s using 75 CPU-seconds of the server, two workers
in 84 s using 89: a run holds the GIL for most of its small torch operations, so a second run at the same time adds
contention, not speed, and one worker leaves the other core to drawing the learners' pages."""

SWITCH_INTERVAL_SECONDS = 0.0002
"""How long a Python thread may hold the GIL while another waits (Python's default is 0.005 s). A training run
releases the GIL in every small torch operation and then waits for it again: with a page being drawn in another
thread it waited up to the full interval each time (seen here: a 2,000-epoch network run took 17.6 s instead of
2.4 s next to one busy thread at 5 ms, 4.2 s at 0.2 ms, and the busy thread also did more work)."""

Report = Callable[..., None]
"""What a run calls to say how far it is: ``report(fraction, stage="", **figures)``, a fraction in [0, 1], the stage's
name (e.g. the method) and any figures the page's progress text needs (``done=3, total=24``)."""


WORKERS_VARIABLE = "BACKPROP_LAB_WORKERS"
"""Environment variable that sets the number of runs trained at once (an integer in [1, 64]), for a larger server."""


def default_workers() -> int:
    """DEFAULT_WORKERS, or the environment variable BACKPROP_LAB_WORKERS when it holds an integer in [1, 64]."""
    chosen = os.environ.get(WORKERS_VARIABLE, "")
    if chosen.isascii() and chosen.isdigit() and 1 <= int(chosen) <= 64:
        return int(chosen)
    return DEFAULT_WORKERS


def favour_short_gil_turns() -> None:
    """Set the interpreter's GIL switch interval to SWITCH_INTERVAL_SECONDS (process-wide; once per server)."""
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)


def freeze_startup_objects() -> None:
    """Move every object alive now (the imported modules: torch, Streamlit, pandas, Altair) out of the garbage
    collector's reach (``gc.freeze``), once the server has imported what it needs. A full collection then scans only
    what sessions created since: seen here, 0 ms instead of 310 ms over 375,000 objects, with the GIL held."""
    gc.freeze()


def _load_libc() -> Any:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name or "libc.so.6")
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
        return libc
    except (OSError, AttributeError):  # not glibc: nothing to trim
        return None


_LIBC = _load_libc()


M_ARENA_MAX = -8
"""glibc's ``mallopt`` parameter for the most malloc arenas (malloc.h)."""
MALLOC_ARENAS = 2
"""The most glibc malloc arenas the server's threads share (``tune_malloc``)."""
M_MMAP_THRESHOLD = -3
"""glibc's ``mallopt`` parameter for the size from which an allocation gets pages of its own (malloc.h)."""
MMAP_THRESHOLD = 256 * 1024
"""The server's fixed mmap threshold in bytes (``tune_malloc``)."""


def tune_malloc(arenas: int = MALLOC_ARENAS, mmap_threshold: int = MMAP_THRESHOLD) -> bool:
    """Two glibc malloc settings for a server whose sessions come and go, as ``MALLOC_ARENA_MAX`` and
    ``MALLOC_MMAP_THRESHOLD_`` would set them from the environment, which Streamlit Community Cloud does not let us
    set; whether glibc took both. app.py calls it when Streamlit imports it, before the server's threads start.

    - At most ``arenas`` arenas for the threads made from now on (``M_ARENA_MAX``). glibc otherwise gives each new
      thread an arena of its own, up to 8 per core, and every session's script runs in a thread of its own: freed
      memory then stays spread over many arenas, where ``malloc_trim`` can return only whole free pages. Measured
      (benchmarks/bench_class_memory.py --churn-only, 200 sessions, 150 s settle, one run each): +49.4 MB with
      glibc's default, +45.8 MB set in app.py's lifespan (too late: threads had their arenas), +37.5 MB set when
      app.py is imported, +34.7 MB from the environment variable.
    - Allocations of ``mmap_threshold`` bytes and more get pages of their own, given back to the system when freed
      (``M_MMAP_THRESHOLD``, which also turns off glibc's sliding threshold: after the first such block is freed,
      glibc raises it up to 32 MiB, and a run's tensors, frames and pickled results then land in the arenas and
      leave holes there). Measured the same way, one run each: +33.8 MB without it, +28.6 MB with it."""
    if _LIBC is None or not hasattr(_LIBC, "mallopt"):
        return False
    took = [_LIBC.mallopt(M_ARENA_MAX, arenas), _LIBC.mallopt(M_MMAP_THRESHOLD, mmap_threshold)]  # each asked
    return all(took)


def arrow_on_system_malloc() -> bool:
    """PyArrow's buffers from the C library's malloc instead of its bundled mimalloc, as
    ``ARROW_DEFAULT_MEMORY_POOL=system`` would set it from the environment; whether PyArrow took it. app.py calls it
    when Streamlit imports it, before any buffer is made.

    PyArrow holds pandas' string columns and every table Streamlit sends to the browser. Its mimalloc pool kept the
    memory of a class's tables after they were freed: 200 sessions on Compare, 20 at a time, left the server +82 MB
    above its level 120 s later and still +82 MB at 300 s; with the system pool +32 MB at 120 s (one run each, the
    same harness; benchmarks/README, issue 31). glibc's arenas are trimmed every 30 s (``give_back_memory``)."""
    try:
        import pyarrow
    except ImportError:
        return False
    pyarrow.set_memory_pool(pyarrow.system_memory_pool())
    return bool(pyarrow.default_memory_pool().backend_name == "system")


def give_back_memory() -> bool:
    """Return freed heap pages to the operating system (glibc ``malloc_trim(0)``); False where there is no glibc.

    glibc keeps memory that Python and torch freed in its arenas (one per thread that allocated), so a server's
    resident memory stays at its peak after the sessions that needed it have gone.
    """
    if _LIBC is None:
        return False
    _LIBC.malloc_trim(0)
    return True


def files_read_for_code() -> set[str]:
    """The files this process read its code from: every file it maps now (torch's and the other shared libraries),
    every imported module's source and bytecode, and Streamlit's frontend once Streamlit is imported."""
    paths = set()
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            for line in maps:
                fields = line.split(maxsplit=5)
                if len(fields) == 6 and fields[5].startswith("/"):
                    paths.add(fields[5].rstrip("\n").removesuffix(" (deleted)"))
    except OSError:  # no /proc (not Linux): the modules' files only
        pass
    for module in list(sys.modules.values()):
        for name in ("__file__", "__cached__"):
            path = getattr(module, name, None)
            if isinstance(path, str):
                paths.add(path)
    if "streamlit" in sys.modules:
        paths.update(_frontend_files())
    return paths


@functools.cache
def _frontend_files() -> tuple[str, ...]:
    """The files of Streamlit's frontend, which the server sends to every new browser (26 MB in 360 files)."""
    import streamlit

    static = os.path.join(os.path.dirname(streamlit.__file__), "static")
    return tuple(os.path.join(folder, name) for folder, _, names in os.walk(static) for name in names)


def release_file_cache(paths: Iterable[str] | None = None) -> int:
    """Ask the kernel to drop the page cache of the files the server read its code from (``files_read_for_code``, or
    ``paths``) where no process maps it (``posix_fadvise(POSIX_FADV_DONTNEED)``); how many files were advised, 0
    where the system has no ``posix_fadvise``.

    A container's memory limit counts the page cache its processes read in. ``import torch`` reads about 300 MiB of
    its 415 MB ``libtorch_cpu.so`` into the cache, though the process maps only a part of it; torch's first optimizer
    step (``torch._dynamo``, sympy), pandas, Streamlit and Altair add about 300 MiB more, so a fresh server sat at
    Community Cloud's 690 MiB before the first learner came (benchmarks/bench_class_memory.py), and every learner's
    memory then had to wait for the kernel to reclaim cache under the limit. Pages that a process maps stay (the
    kernel leaves them); a file read again later is read from disk. Measured here in a fresh 690 MiB group, the page
    cache dropped first: the imports and one SGD step peaked at 690 MiB; released after torch, after the other
    imports and after the step, they peaked at 515 MiB and settled at 428 MiB."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return 0
    advised = 0
    for path in files_read_for_code() if paths is None else paths:
        try:
            descriptor = os.open(path, os.O_RDONLY)
        except OSError:  # gone, or not ours to read: nothing to release
            continue
        try:
            advise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
            advised += 1
        except OSError:
            pass
        finally:
            os.close(descriptor)
    return advised


@dataclass(eq=False)
class Job:
    """One computation: queued, then running, then done (its ``future`` holds the result or the exception)."""

    key: Hashable
    number: int  # order of submission
    action: Hashable = ""  # the kind of work; its results are kept apart from other kinds'
    exclusive: bool = False  # at most one exclusive job runs at a time, however many workers the server has
    future: Future = field(default_factory=Future)
    started: bool = False
    fraction: float = 0.0  # how far the run is, as last reported
    stage: str = ""  # what the run last reported doing
    figures: dict[str, Any] = field(default_factory=dict)  # what else it reported (done=3, total=24)

    def report(self, fraction: float, stage: str = "", **figures: Any) -> None:
        """Called from the worker thread by the run itself; the waiting script threads read it."""
        self.fraction, self.stage = min(max(float(fraction), 0.0), 1.0), stage
        self.figures = figures  # one assignment: a reader sees the old figures or the new ones, never half

    def done(self) -> bool:
        return self.future.done()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait up to ``timeout`` seconds; True once the run has finished (or failed)."""
        try:
            self.future.exception(timeout)
        except TimeoutError:
            return False
        return True

    def result(self) -> Any:
        """The run's result; raises the run's exception in whoever asks for it."""
        return self.future.result()


class Worker:
    """One queue for the server's heavy work: at most ``workers`` computations at once, exclusive ones one at a time,
    one computation per key at a time, the last ``keep`` results of each action kept ``ttl_seconds``.

    Jobs start in the order they were submitted, except that an exclusive job waits while another exclusive job
    runs and the jobs behind it go first. An exclusive job also takes one of the ``workers`` places: the fresh-process
    measurement is exclusive, and its child processes use the same cores and memory as a training run, so the server
    never runs more than ``workers`` computations, nor two sets of measuring processes.

    Few results are kept, per action (``submit``'s ``action``: Compare's runs do not push the lecture example's one
    run out): a 5,000-epoch network run holds about 3 MB, each session keeps its own last result per action
    (ui/server/queue_view.py), and what is kept stays in the server after the class has left.

    Examples
    --------
    >>> worker = Worker(workers=1)
    >>> job = worker.submit("square of 3", lambda report: 3 * 3)
    >>> job.result(), worker.submit("square of 3", lambda report: 0).result()  # the second is served from the first
    (9, 9)
    >>> worker.shutdown()
    """

    def __init__(self, workers: int | None = None, keep: int = 4, ttl_seconds: float = 3600.0,
                 trim: Callable[[], Any] = give_back_memory, trim_every_seconds: float | None = 30.0,
                 release_files: Callable[[], Any] = release_file_cache) -> None:
        self.workers = default_workers() if workers is None else workers
        if not (isinstance(self.workers, int) and 1 <= self.workers <= 64):
            raise ValueError(f"workers must be an integer in [1, 64], got {workers!r}")
        self.keep, self.ttl_seconds, self._trim, self._release_files = keep, ttl_seconds, trim, release_files
        self._stopped = threading.Event()
        if trim_every_seconds is not None:  # sessions that close free memory with no run to trim after
            threading.Thread(target=self._trim_now_and_then, args=(trim_every_seconds,), daemon=True,
                             name="give-back-memory").start()
        self._lock = threading.Lock()
        self._ready = threading.Condition(self._lock)  # a job was queued, an exclusive job ended, or shutdown
        self._waiting: list[tuple[Job, Callable[[Report], Any]]] = []  # queued, in submission order
        self._exclusive_running = False
        self._in_flight: dict[Hashable, Job] = {}  # queued or running
        # action -> key -> (finished at, result), oldest first
        self._results: dict[Hashable, OrderedDict[Hashable, tuple[float, Any]]] = {}
        self._numbers = itertools.count()
        self.runs_computed = 0  # how many runs actually computed (not served from another caller's run)
        self._threads = [threading.Thread(target=self._serve, daemon=True, name=f"queue-worker_{i}")
                         for i in range(self.workers)]
        for thread in self._threads:
            thread.start()

    def submit(self, key: Hashable, compute: Callable[[Report], Any], *, action: Hashable = "",
               exclusive: bool = False) -> Job:
        """The job that computes ``compute(report)`` for ``key``: a kept result, the run already in flight for this
        key, or a new run queued behind the others. ``action``: the kind of work (its results are kept apart from
        other kinds'; a key belongs to one action). ``exclusive``: never two such jobs at once (see the class)."""
        with self._lock:
            if self._stopped.is_set():
                raise RuntimeError("this worker was shut down")
            kept = self._kept(action, key)
            if kept is not None:
                served = Job(key, -1, started=True, fraction=1.0)
                served.future.set_result(kept)
                return served
            in_flight = self._in_flight.get(key)
            if in_flight is not None:
                return in_flight
            job = Job(key, next(self._numbers), action, exclusive)
            self._in_flight[key] = job
            self._waiting.append((job, compute))
            self._ready.notify()
            return job

    def ahead(self, job: Job) -> int:
        """How many runs, submitted before ``job`` and not finished, it waits for; 0 once it runs."""
        with self._lock:
            if job.started or job.done():
                return 0
            return sum(1 for other in self._in_flight.values() if other.number < job.number)

    def queued(self) -> int:
        """Runs in flight: queued or running."""
        with self._lock:
            return len(self._in_flight)

    def shutdown(self) -> None:
        """Stop taking jobs; those already queued still run; return once every one has finished."""
        with self._lock:
            self._stopped.set()
            self._ready.notify_all()
        for thread in self._threads:
            thread.join()

    def _trim_now_and_then(self, seconds: float) -> None:
        """Every ``seconds``: collect reference cycles (Streamlit's collection after each script run is switched off
        in .streamlit/config.toml) and give the freed memory back, the page cache of the code's files with it (the
        browsers' first visits and lazy imports read files in again)."""
        while not self._stopped.wait(seconds):
            gc.collect()
            self._trim()
            self._release_files()

    def _kept(self, action: Hashable, key: Hashable) -> Any:
        """A kept result for ``key`` that is younger than ttl_seconds (refreshed as the newest), else None."""
        results = self._results.get(action)
        entry = None if results is None else results.get(key)
        if results is None or entry is None:
            return None
        if time.monotonic() - entry[0] > self.ttl_seconds:
            del results[key]
            return None
        results.move_to_end(key)
        return entry[1]

    def _next(self) -> tuple[Job, Callable[[Report], Any]] | None:
        """Under the lock: the oldest queued job that may start now (no exclusive one while another runs)."""
        for index, (job, compute) in enumerate(self._waiting):
            if not (job.exclusive and self._exclusive_running):
                del self._waiting[index]
                job.started = True
                self._exclusive_running |= job.exclusive
                return job, compute
        return None

    def _serve(self) -> None:
        """One of the ``workers`` threads: take the next job that may start, run it; until shut down and drained."""
        while True:
            with self._ready:
                picked = self._next()
                while picked is None:
                    if self._stopped.is_set() and not self._waiting:
                        return
                    self._ready.wait()
                    picked = self._next()
            job, compute = picked
            try:
                self._run(job, compute)
            finally:
                if job.exclusive:
                    with self._ready:
                        self._exclusive_running = False
                        self._ready.notify_all()

    def _run(self, job: Job, compute: Callable[[Report], Any]) -> None:
        """Compute, keep the result, wake every caller; a failure reaches this key's callers only."""
        try:
            result = compute(job.report)
        except BaseException as error:  # noqa: BLE001 - handed to the callers, the thread goes on serving
            with self._lock:
                del self._in_flight[job.key]
            job.future.set_exception(error)
        else:
            with self._lock:
                self.runs_computed += 1
                results = self._results.setdefault(job.action, OrderedDict())
                results[job.key] = (time.monotonic(), result)
                while len(results) > self.keep:
                    results.popitem(last=False)
                del self._in_flight[job.key]
            job.future.set_result(result)
        finally:
            # compute's temporaries (all but its result) were freed as it returned (a failed run's traceback, kept in
            # the future, still holds its frames); glibc keeps freed pages in its arenas: hand them back to the system
            self._trim()
