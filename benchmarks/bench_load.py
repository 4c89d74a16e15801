"""A class at once: twenty learners spread over four pages open them at the same moment and press one button each.

The mixed class (the default; benchmarks/class_mix.py): learners dealt in turn to Compare (a distinct share link,
then Train), the learning-rate sweep (a distinct sweep near the page's cap of 24,000 epochs), the Scaling page's live
run (a distinct axis and number of sizes) and the lecture example (Run both programs: one request, so one run for
all five). ``--compare-only``: every learner on Compare with a distinct share link (the first class, issue 18).

Starts ``streamlit run app.py`` on a free loopback port (as tests/e2e do); each learner is a client of Streamlit's own
websocket protocol (``/_stcore/stream``: the BackMsg and ForwardMsg protobufs the browser exchanges): it opens its
page (a ``rerun_script`` with the page's URL path and the link's query string), waits for the run, then presses its
button (a rerun with the widgets' values and the button's trigger, as the browser sends a form). No browser runs
here: on this 2-core machine twenty Chromium pages would spend more CPU drawing than the server spends working
(seen: about 14 CPU-seconds of Chromium per learner), and a class's browsers run on the learners' own machines.
Measures, and prints with its target:

1. time from the first page opened to the last learner's result after the press, against the same work back to back
   in one fresh process through the same bp_core calls (each distinct piece once: the server computes identical
   requests once), timed once before and once after the class, the mean (target <= 1.5x; ``--compare-only`` <= 1.2x);
2. peak resident memory of the server process while the class works (psutil, sampled every 0.1 s; target <= 690 MB,
   Streamlit Community Cloud's smallest container);
3. the server's memory 3 minutes after every session closed, against its one-session level: one learner opened each
   page of the class at its defaults, pressed its button (the lecture example's page only opened: its one run would
   be kept for the class), and left (target <= one-session + 50 MB).

Each learner's page is checked against the back-to-back work with the same settings (no cross-talk): Compare's final
loss, the sweep's count of diverging runs, the Scaling page's live caption, the example's sentences. Every wait has a
time limit; the server is stopped at the end, whatever happened.
Run: ``python benchmarks/bench_load.py [--learners 20] [--settle 180] [--compare-only]``. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import psutil
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from class_mix import KINDS, Visit, compare_class, distinct_work, mixed_class  # noqa: E402 - next to this script

from ui.server.worker import default_workers  # noqa: E402 - after the path that finds it
from ui.texts import t  # noqa: E402 - after the path that finds it

MB = 1e6  # Cloud's "690 MB" and the figures are decimal megabytes
TARGET_RATIO = {"compare": 1.2, "mixed": 1.5}  # the class of twenty on Compare (issue 19), the mixed class (issue 18)
TARGET_PEAK_MB, TARGET_SETTLED_MB = 690.0, 50.0
RUN_TIMEOUT_SECONDS = 600
FINISHED = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY


def back_to_back(pieces: list[dict]) -> tuple[float, float, list]:
    """The same work one piece after another in one fresh process (benchmarks/class_mix.py), measured as the pages
    measure it: (seconds, CPU-seconds, what each piece's page must show)."""
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "class_mix.py")], input=json.dumps(pieces),
                          cwd=ROOT, capture_output=True, text=True, timeout=1800, check=True)
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    return answer["seconds"], answer["cpu"], answer["shown"]


class RssSampler:
    """Peak and latest resident memory of one process, sampled from a thread."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.process, self.interval = psutil.Process(pid), interval
        self.peak = self.latest = float(self.process.memory_info().rss)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.latest = float(self.process.memory_info().rss)
            except psutil.Error:
                return
            self.peak = max(self.peak, self.latest)

    def reset_peak(self) -> None:
        self.peak = self.latest

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch_server(port: int, log, script: Path = ROOT / "app.py", before_exec=None) -> subprocess.Popen:
    """``streamlit run app.py`` (or ``script``) on ``port`` (loopback), its output into ``log``; not yet answering.
    ``before_exec`` runs in the child before it execs (bench_class_memory.py moves it into a memory group there)."""
    return subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true", "--server.port",
         str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, preexec_fn=before_exec)


def wait_for_health(server: subprocess.Popen, port: int, seconds: float = 90, poll: float = 0.3) -> None:
    """Return once the server answers /_stcore/health; stop it and exit after ``seconds`` without an answer."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).read() == b"ok":
                return
        except OSError:
            time.sleep(poll)
    server.terminate()
    raise SystemExit(f"streamlit did not answer /_stcore/health within {seconds:g} s")


def start_server(port: int, log) -> subprocess.Popen:
    server = launch_server(port, log)
    wait_for_health(server, port)
    return server


class Learner:
    """One browser tab on one page, spoken to in Streamlit's websocket protocol."""

    def __init__(self, port: int, visit: Visit) -> None:
        self.port, self.visit, self.query = port, visit, urllib.parse.urlencode(visit.query)
        self.page_hash = ""
        self.ids: dict[str, str] = {}  # widget key -> the widget's id on the page
        self.options: dict[str, list[str]] = {}  # radio key -> its options as the page writes them
        self.texts: list[str] = []  # markdown and captions of the last run
        self.metrics: dict[str, str] = {}  # label -> value of the last run
        self.socket = None

    async def open(self) -> None:
        self.socket = await websockets.connect(f"ws://127.0.0.1:{self.port}/_stcore/stream",
                                               subprotocols=["streamlit"], max_size=None, open_timeout=60)

    async def rerun(self, widgets: list[WidgetState]) -> None:
        """Ask for a run, as the browser does, and read the page it draws until the run has finished. A run that
        leaves a timer (a session's first view of Compare draws the rest of the page on one) is followed, as in the
        browser, by the timer's run after its interval, and the page is read until the run that follows has
        finished too."""
        self.texts, self.metrics = [], {}
        await self.socket.send(self._run_request(widgets))
        deadline = time.monotonic() + RUN_TIMEOUT_SECONDS
        timer = None
        while True:
            frame = await asyncio.wait_for(self.socket.recv(), max(1.0, deadline - time.monotonic()))
            message = ForwardMsg()
            message.ParseFromString(frame)
            kind = message.WhichOneof("type")
            if kind == "navigation":
                self.page_hash = message.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query = message.page_info_changed.query_string
            elif kind == "auto_rerun":
                timer = message.auto_rerun
            elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                self._read(message.delta.new_element)
            elif kind == "script_finished" and message.script_finished == FINISHED:
                if timer is None:
                    return
                await asyncio.sleep(timer.interval)  # the browser's timer; the fragment then reruns the whole page
                request = self._run_request(widgets, fragment_id=timer.fragment_id, is_auto_rerun=True)
                timer, self.texts, self.metrics = None, [], {}
                await self.socket.send(request)

    def _run_request(self, widgets: list[WidgetState], **fragment) -> bytes:
        """The browser's request for a run of this page with ``widgets`` (of one fragment, with ``fragment``)."""
        state = ClientState(query_string=self.query, page_script_hash=self.page_hash, page_name=self.visit.page,
                            widget_states=WidgetStates(widgets=widgets), **fragment)
        return BackMsg(rerun_script=state).SerializeToString()

    def _read(self, element) -> None:
        kind = element.WhichOneof("type")
        if kind in ("button", "number_input", "radio"):
            widget = getattr(element, kind)
            self.ids[widget.id.rsplit("-", 1)[-1]] = widget.id  # a keyed widget's id ends with "-<key>"
            if kind == "radio":
                self.options[widget.id.rsplit("-", 1)[-1]] = list(widget.options)
        elif kind == "markdown":
            self.texts.append(element.markdown.body)
        elif kind == "metric":
            self.metrics[element.metric.label] = element.metric.body

    def press(self) -> list[WidgetState]:
        """The widget states sent with the one press: the visit's values, then the button's trigger."""
        visit, states = self.visit, []
        for key, value in visit.values.items():
            states.append(WidgetState(id=self.ids[key], double_value=float(value)))
        for key, index in visit.radios.items():
            states.append(WidgetState(id=self.ids[key], string_value=self.options[key][index]))
        if visit.button not in self.ids:
            raise RuntimeError(f"no button {visit.button!r} on the page {visit.page} for ?{self.query}")
        return [*states, WidgetState(id=self.ids[visit.button], trigger_value=True)]

    async def visit_and_press(self) -> tuple[float, Learner]:
        """Open the link, wait for its page, press the button once, wait for the result: (seconds to it, self)."""
        start = time.perf_counter()
        await self.open()
        await self.rerun([])
        await self.rerun(self.press())
        return time.perf_counter() - start, self

    def shows(self, expected) -> bool:
        """Whether the page after the press shows what the same work back to back gave."""
        lang = self.visit.query.get("lang", "en")
        if self.visit.kind == "compare":
            return self.metrics.get(t("final_loss", lang, method=t("manual", lang))) == f"{expected:.4g}"
        if self.visit.kind == "sweep":
            return self.metrics.get(t("sweep_metric_diverging", lang)) == expected
        if self.visit.kind == "scaling":
            return t("scaling_live", lang) in self.texts
        return all(sentence in self.texts for sentence in expected[lang])

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()


ALONE = {"compare": [Visit("compare", "compare", {}, "compare.train")],
         "mixed": [Visit("compare", "compare", {}, "compare.train"), Visit("sweep", "learning_rate", {}, "sweep.run"),
                   Visit("scaling", "scaling", {}, "scaling.run"), Visit("example", "lecture_example", {}, "")]}
"""The one learner who sets the one-session level: the defaults of each page of the class, each button pressed (the
lecture example's page only opened: its one run would otherwise be kept for the class)."""


async def drive(port: int, visits: list[Visit], alone: list[Visit], sampler: RssSampler) -> dict:
    for visit in alone:  # one learner: each page at its defaults, then leaves
        learner = Learner(port, visit)
        await learner.open()
        await learner.rerun([])
        if visit.button:
            await learner.rerun(learner.press())
        await learner.close()
    await asyncio.sleep(5)
    one_session = sampler.latest
    sampler.reset_peak()
    learners = [Learner(port, visit) for visit in visits]
    cpu_before = cpu_seconds(sampler.process.pid)
    start = time.perf_counter()
    try:
        answers = await asyncio.gather(*(learner.visit_and_press() for learner in learners))
        class_seconds = time.perf_counter() - start
        server_cpu = cpu_seconds(sampler.process.pid) - cpu_before
        peak = sampler.peak
    finally:
        await asyncio.gather(*(learner.close() for learner in learners))  # the class leaves at once
    return {"one_session": one_session, "class_seconds": class_seconds, "peak": peak, "answers": answers,
            "server_cpu": server_cpu}


def cpu_seconds(pid: int) -> float:
    times = psutil.Process(pid).cpu_times()
    return times.user + times.system


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=20)
    parser.add_argument("--settle", type=float, default=180.0, help="seconds to wait after the sessions close")
    parser.add_argument("--compare-only", action="store_true", help="every learner on Compare (the first class)")
    args = parser.parse_args()
    mode = "compare" if args.compare_only else "mixed"
    visits = compare_class(args.learners) if args.compare_only else mixed_class(args.learners)
    pieces = distinct_work(visits)
    load_before = os.getloadavg()
    port = free_port()
    (ROOT / "artifacts").mkdir(exist_ok=True)
    with open(ROOT / "artifacts" / "streamlit-bench-load.log", "w") as log:
        server = start_server(port, log)
        sampler = RssSampler(server.pid)
        try:
            before = back_to_back(pieces)  # the server sits idle; once before and once after the class, so that
            seen = asyncio.run(drive(port, visits, ALONE[mode], sampler))  # the machine's other load evens out
            closed_at = time.perf_counter()
            after = back_to_back(pieces)
            time.sleep(max(0.0, args.settle - (time.perf_counter() - closed_at)))
            settled = sampler.latest
        finally:
            sampler.stop()
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
    load_after = os.getloadavg()

    baseline_seconds, baseline_cpu = (before[0] + after[0]) / 2, (before[1] + after[1]) / 2
    expected = {json.dumps(piece, sort_keys=True): shown for piece, shown in zip(pieces, after[2])}
    right = [learner.shows(expected[json.dumps(learner.visit.work(), sort_keys=True)])
             for _, learner in seen["answers"]]
    last = {kind: max((s for s, learner in seen["answers"] if learner.visit.kind == kind), default=0.0)
            for kind in KINDS}
    ratio = seen["class_seconds"] / baseline_seconds
    peak_mb, one_mb, settled_mb = seen["peak"] / MB, seen["one_session"] / MB, settled / MB
    counts = ", ".join(f"{sum(v.kind == kind for v in visits)} {kind}" for kind in KINDS if last[kind])
    print(f"learners: {len(visits)} ({counts}), each a websocket session pressing its page's button once; "
          f"{len(pieces)} distinct pieces of work; pages showing what the same work back to back gave: "
          f"{sum(right)}/{len(right)}")
    wrong = [learner for (_, learner), ok in zip(seen["answers"], right) if not ok]
    if wrong:
        print("pages NOT showing it: " + "; ".join(f"{w.visit.kind} ?{w.query}: {w.metrics} {w.texts[:3]}"
                                                   for w in wrong))
    print("last result per page: " + ", ".join(f"{kind} {last[kind]:.1f} s" for kind in KINDS if last[kind]))
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f} (1 min; {os.cpu_count()} cores); "
          f"CPU: the server {seen['server_cpu']:.1f} s for the class, back to back {baseline_cpu:.1f} s; "
          f"computations at once: {default_workers()}")
    print(f"time to the last result: {seen['class_seconds']:.1f} s; the same work back to back in one process: "
          f"{baseline_seconds:.1f} s (mean of {before[0]:.1f} s before and {after[0]:.1f} s after); ratio {ratio:.2f} "
          f"(target <= {TARGET_RATIO[mode]}: {verdict(ratio <= TARGET_RATIO[mode])})")
    print(f"peak server RSS: {peak_mb:.0f} MB "
          f"(target <= {TARGET_PEAK_MB:.0f} MB: {verdict(peak_mb <= TARGET_PEAK_MB)})")
    print(f"server RSS {args.settle:.0f} s after the sessions closed: {settled_mb:.0f} MB; one-session level "
          f"{one_mb:.0f} MB; difference {settled_mb - one_mb:+.0f} MB (target <= +{TARGET_SETTLED_MB:.0f} MB: "
          f"{verdict(settled_mb - one_mb <= TARGET_SETTLED_MB)})")


if __name__ == "__main__":
    main()
