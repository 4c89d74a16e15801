"""Twenty learners on Compare in a small container, then 800 sessions that come and go (issue 31, item 3).

Part 1, the class, as the issue reproduces Streamlit Community Cloud's smallest container:
1. the page cache dropped (``echo 3 > /proc/sys/vm/drop_caches``), so every file the server reads is charged to it;
2. ``streamlit run app.py`` started inside a new cgroup-v1 memory group limited to 690 MiB (the server's process joins
   it before it execs, so its imports, its page cache and every child are counted);
3. twenty headless Chromium pages, outside the group (one browser, a context each), open Compare at once with
   distinct share links (benchmarks/class_mix.py: lines and networks, 1000-5000 epochs, some above the bound) and
   wait for the by-hand final loss;
4. read: the group's ``memory.max_usage_in_bytes`` (page cache included) and ``memory.failcnt``, the OOM kills from
   ``memory.oom_control``, and how many pages show the final loss the same work gives back to back in a fresh process
   (computed after the class, outside the group, so it does not warm the server's page cache).
Targets: 20 of 20 correct, peak <= 600 MiB, 0 OOM kills, and the first learner's first metric no later than last
round's 60 s after the server started (with the page cache dropped, so slower than bench_cold_page's), printed with
when the server answered health and when Chromium, started then, was up (its own files are read from disk as well).

Part 2, churn, on the same server: the class leaves, and after the sessions' time-to-live (60 s,
.streamlit/config.toml) and the worker's 30-second collection the server's resident memory is the level. Then 800
sessions, 20 at a time, each a websocket client of Streamlit's own protocol (bench_load.py's Learner) that opens
Compare at one of the class's links, waits for the run and closes; after the same settling, the server's resident
memory again. Target: at most +20 MB over the level (decimal megabytes, as bench_load.py).

Needs root and a cgroup-v1 memory controller at /sys/fs/cgroup/memory (this machine has both); says so and stops where
either is missing. About 25 minutes (each of the 800 sessions trains its link again: the queue keeps 4 runs).
``--churn-only`` runs part 2 alone on a server outside any group, the level taken after one session;
``--class-only`` part 1 alone (about 3 minutes here). During the class the group's usage is sampled every 0.1 s, and the
highest sample is printed with what it held (anonymous memory, page cache, the part of it mapped) and when; every
sample goes to artifacts/class-memory-samples.csv.
A benchmark, not a test. Run: ``python benchmarks/bench_class_memory.py [--sessions 800] [--settle 100]
[--churn-only | --class-only]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(Path(__file__).resolve().parent)]

from bench_load import Learner, back_to_back, free_port, launch_server, verdict, wait_for_health  # noqa: E402
from class_mix import compare_class, distinct_work  # noqa: E402
from e2e.conftest import CHROMIUM, DRAWN, LAUNCH_ARGS  # noqa: E402

from ui.texts import t  # noqa: E402 - after the path that finds it

GROUP = Path("/sys/fs/cgroup/memory/backprop_lab_bench")
LIMIT_MIB, TARGET_PEAK_MIB, TARGET_CHURN_MB = 690, 600, 20.0
LAST_ROUND_FIRST_METRIC_S = 60.0
"""Issue 31, item 3: the first page no later than last round's (the issue's figure for the round before it on the
same simulation: 60 s)."""
MIB, MB = 2**20, 1e6
FIRST_METRIC = '[data-testid="stMetric"]'


def can_make_group() -> bool:
    return (GROUP.parent / "memory.limit_in_bytes").exists() and os.geteuid() == 0


def make_group() -> Path:
    """A fresh memory group limited to LIMIT_MIB (an old one from an interrupted run is removed first)."""
    if GROUP.exists():
        GROUP.rmdir()
    GROUP.mkdir()
    (GROUP / "memory.limit_in_bytes").write_text(str(LIMIT_MIB * MIB))
    return GROUP


def read_group(name: str) -> str:
    return (GROUP / name).read_text()


class Sampler(threading.Thread):
    """The group's usage every ``every`` seconds until stopped: each sample's seconds after ``started``, usage and
    ``memory.stat`` fields (rss, cache, mapped_file: bytes) in ``samples``."""

    def __init__(self, started: float, every: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.started, self.every, self.done = started, every, threading.Event()
        self.samples: list[dict[str, float]] = []

    def run(self) -> None:
        while not self.done.wait(self.every):
            stat = dict(line.split() for line in read_group("memory.stat").splitlines())
            self.samples.append({"at": time.perf_counter() - self.started,
                                 "usage": int(read_group("memory.usage_in_bytes")),
                                 **{name: int(stat[name]) for name in ("rss", "cache", "mapped_file")}})

    def stop(self) -> str:
        """Stop sampling; the highest sample, in words."""
        self.done.set()
        self.join()
        if not self.samples:
            return "no sample"
        h = max(self.samples, key=lambda sample: sample["usage"])
        return (f"{h['usage'] / MIB:.0f} MiB at {h['at']:.1f} s: anonymous {h['rss'] / MIB:.0f} MiB, page cache "
                f"{h['cache'] / MIB:.0f} MiB ({h['mapped_file'] / MIB:.0f} MiB of it mapped)")


def oom_kills() -> int:
    fields = dict(line.split() for line in read_group("memory.oom_control").splitlines())
    return int(fields.get("oom_kill", 0))


def start_in_group(port: int, log) -> subprocess.Popen:
    """``streamlit run app.py`` on ``port``, its process moved into the group before it execs (children follow)."""
    procs = GROUP / "cgroup.procs"

    def join() -> None:
        procs.write_text(str(os.getpid()))

    return launch_server(port, log, before_exec=join)


async def chromium_class(port: int, links: list[dict[str, str]], started: float) -> tuple[list[str], float, float]:
    """Each link opened in its own Chromium context at once; the by-hand final loss each page shows, the seconds
    from ``started`` to Chromium's launch returning (the pages are opened right after it), and to the first metric on
    any page."""
    from urllib.parse import urlencode

    from playwright.async_api import async_playwright

    first: list[float] = []

    async def learner(browser, link: dict[str, str]) -> str:
        context = await browser.new_context(viewport={"width": 1366, "height": 900})
        try:
            page = await context.new_page()
            await page.goto(f"http://127.0.0.1:{port}/compare?{urlencode(link)}", timeout=300_000)
            await page.wait_for_selector(FIRST_METRIC, timeout=300_000)
            first.append(time.perf_counter() - started)
            label = t("final_loss", link["lang"], method=t("manual", link["lang"]))
            metric = page.locator(FIRST_METRIC, has_text=label).first
            await page.wait_for_function(DRAWN, timeout=300_000)  # the whole page, the rest after the numbers too
            return (await metric.locator('[data-testid="stMetricValue"]').inner_text()).strip()
        finally:
            await context.close()

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        launched = time.perf_counter() - started
        try:
            shown = await asyncio.gather(*(learner(browser, link) for link in links))
        finally:
            await browser.close()
    return list(shown), launched, min(first)


async def churn(port: int, visits, sessions: int, at_once: int = 20) -> int:
    """``sessions`` websocket sessions, ``at_once`` at a time, each opening its visit's link, waiting for the run and
    closing; how many saw their run finish."""
    done = 0
    for begin in range(0, sessions, at_once):
        batch = [Learner(port, visits[(begin + i) % len(visits)]) for i in range(min(at_once, sessions - begin))]

        async def one(learner: Learner) -> bool:
            try:
                await learner.open()
                await learner.rerun([])
                return bool(learner.metrics)
            finally:
                await learner.close()

        done += sum(await asyncio.gather(*(one(learner) for learner in batch)))
    return done


def settled_rss(server: psutil.Process, seconds: float) -> float:
    """The server's resident memory after ``seconds`` without sessions (their time-to-live, the worker's collection)."""
    time.sleep(seconds)
    return server.memory_info().rss


def churn_only(visits, sessions: int, settle: float) -> None:
    """Part 2 alone: a server of its own (no group, page cache as it is), one session for the level, then the
    churn."""
    port = free_port()
    with open(ROOT / "artifacts" / "streamlit-bench-churn.log", "w") as log:
        server = launch_server(port, log)
        try:
            wait_for_health(server, port)
            asyncio.run(churn(port, visits, 1))
            process = psutil.Process(server.pid)
            level = settled_rss(process, settle)
            served = asyncio.run(churn(port, visits, sessions))
            after = settled_rss(process, settle)
        finally:
            server.terminate()
            server.wait(timeout=20)
    print(f"churn alone: {served}/{sessions} sessions saw their run; server RSS {settle:.0f} s after one session "
          f"{level / MB:.0f} MB, {settle:.0f} s after the {sessions} sessions {after / MB:.0f} MB: "
          f"{(after - level) / MB:+.1f} MB (target <= +{TARGET_CHURN_MB:.0f} MB: "
          f"{verdict(after - level <= TARGET_CHURN_MB * MB)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=20)
    parser.add_argument("--sessions", type=int, default=800)
    parser.add_argument("--settle", type=float, default=100.0, help="seconds without sessions before each level")
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--churn-only", action="store_true",
                      help="part 2 alone, on a server outside any group (the level after one session)")
    only.add_argument("--class-only", action="store_true", help="part 1 alone")
    args = parser.parse_args()
    if args.churn_only:
        churn_only(compare_class(args.learners), args.sessions, args.settle)
        return
    visits = compare_class(args.learners)
    links = [visit.query for visit in visits]
    if not can_make_group():  # make bench goes on to the next benchmark
        print("the small-container class: NOT run (it needs root and a cgroup-v1 memory controller at "
              "/sys/fs/cgroup/memory); --churn-only runs part 2 without them")
        return
    print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())}", flush=True)
    make_group()
    subprocess.run(["sync"], check=True)
    Path("/proc/sys/vm/drop_caches").write_text("3\n")
    port = free_port()
    (ROOT / "artifacts").mkdir(exist_ok=True)
    try:
        with open(ROOT / "artifacts" / "streamlit-bench-class-memory.log", "w") as log:
            started = time.perf_counter()
            server = start_in_group(port, log)
            try:
                sampler = Sampler(started)
                sampler.start()
                wait_for_health(server, port, seconds=180)
                healthy = time.perf_counter() - started
                shown, launched, first_metric = asyncio.run(chromium_class(port, links, started))
                highest = sampler.stop()
                with open(ROOT / "artifacts" / "class-memory-samples.csv", "w") as samples:
                    samples.write("seconds,usage_mib,anonymous_mib,page_cache_mib,mapped_mib\n")
                    samples.writelines(f"{x['at']:.1f},{x['usage'] / MIB:.1f},{x['rss'] / MIB:.1f},"
                                       f"{x['cache'] / MIB:.1f},{x['mapped_file'] / MIB:.1f}\n"
                                       for x in sampler.samples)
                peak = int(read_group("memory.max_usage_in_bytes"))
                failcnt, kills = int(read_group("memory.failcnt")), oom_kills()
                if not args.class_only:
                    process = psutil.Process(server.pid)
                    level = settled_rss(process, args.settle)
                    served = asyncio.run(churn(port, visits, args.sessions))
                    after = settled_rss(process, args.settle)
                    usage = int(read_group("memory.usage_in_bytes"))
            finally:
                server.terminate()
                try:
                    server.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    server.kill()
    finally:
        time.sleep(1)
        if GROUP.exists():
            GROUP.rmdir()
    pieces = distinct_work(visits)
    losses = back_to_back(pieces)[2]
    expected = {json.dumps(piece, sort_keys=True): f"{loss:.4g}" for piece, loss in zip(pieces, losses)}
    right = sum(value == expected[json.dumps(visit.work(), sort_keys=True)] for value, visit in zip(shown, visits))
    peak_mib = peak / MIB
    print(f"the class: {len(links)} Chromium learners on Compare, distinct links; pages showing the final loss the same"
          f" work gives back to back: {right}/{len(links)} (target all: {verdict(right == len(links))})")
    print(f"the group's peak (page cache included, limit {LIMIT_MIB} MiB): {peak_mib:.0f} MiB (target <= "
          f"{TARGET_PEAK_MIB} MiB: {verdict(peak_mib <= TARGET_PEAK_MIB)}); times at the limit (failcnt) {failcnt}; "
          f"OOM kills {kills} (target 0: {verdict(kills == 0)})")
    print(f"the highest sample (every 0.1 s from the server's start to the class's end): {highest}")
    print(f"first learner's first metric {first_metric:.1f} s after the server started (page cache dropped; target "
          f"<= {LAST_ROUND_FIRST_METRIC_S:.0f} s, last round's: {verdict(first_metric <= LAST_ROUND_FIRST_METRIC_S)}): "
          f"the server answered health at {healthy:.1f} s, Chromium (started then, its files read from disk too) was "
          f"up at {launched:.1f} s, the first metric {first_metric - launched:.1f} s after that")
    if not args.class_only:
        print(f"churn: {served}/{args.sessions} sessions saw their run; server RSS {args.settle:.0f} s after the "
              f"class left {level / MB:.0f} MB, {args.settle:.0f} s after the {args.sessions} sessions "
              f"{after / MB:.0f} MB: "
              f"{(after - level) / MB:+.1f} MB (target <= +{TARGET_CHURN_MB:.0f} MB: "
              f"{verdict(after - level <= TARGET_CHURN_MB * MB)}); the group's usage then {usage / MIB:.0f} MiB")
    print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
