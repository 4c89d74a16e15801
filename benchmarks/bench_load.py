"""A class at once: twenty learners open twenty different share links at the same moment and press Train once.

Starts ``streamlit run app.py`` on a free loopback port (as tests/e2e do); each learner is a client of Streamlit's own
websocket protocol (``/_stcore/stream``: the BackMsg and ForwardMsg protobufs the browser exchanges): it opens its
link (a ``rerun_script`` with the link's query string), waits for the run, then presses Train (a rerun with the form
submit button's trigger). No browser runs here: on this 2-core machine twenty Chromium pages would spend more CPU
drawing than the server spends working (seen: about 14 CPU-seconds of Chromium per learner), and a class's browsers
run on the learners' own machines. Measures, and prints with its target:

1. time from the first link opened to the last learner's result after Train, against the same 20 runs back to back
   in one fresh process through ``bp_core.compare``, timed once before and once after the class, the mean
   (target <= 1.5x);
2. peak resident memory of the server process while the class works (psutil, sampled every 0.1 s; target <= 690 MB,
   Streamlit Community Cloud's smallest container);
3. the server's memory 3 minutes after every session closed, against its one-session level: one learner opened the
   default page, trained, and left (target <= one-session + 50 MB).

Each learner's final loss is checked against the back-to-back run with the same settings (no cross-talk). Every wait
has a time limit; the server and the browser are stopped at the end, whatever happened.
Run: ``python benchmarks/bench_load.py [--learners 20] [--settle 180]``. A benchmark, not a test.
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
from ui.worker import default_workers  # noqa: E402 - after the path that finds it

MB = 1e6  # Cloud's "690 MB" and the figures are decimal megabytes
TARGET_RATIO, TARGET_PEAK_MB, TARGET_SETTLED_MB = 1.5, 690.0, 50.0
RUN_TIMEOUT_SECONDS = 600
FINISHED = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY


def class_links(learners: int) -> list[dict[str, str]]:
    """Distinct settings a class might share: lines and networks mixed, 1000-5000 epochs, a few above the bound."""
    links = []
    for i in range(learners):
        epochs = str(1000 + (i * 700) % 4001)
        if i % 2 == 0:
            lr = ("0.005", "0.01", "0.02", "0.03", "0.05", "0.07", "0.1", "0.115", "0.13", "0.011")[i // 2 % 10]
            links.append({"model": "line", "lr": lr, "epochs": epochs, "lang": "ko" if i % 4 == 0 else "en"})
        else:
            lr = ("0.5", "1.0", "2.0", "3.0", "5.0")[i // 2 % 5]
            act = ("sigmoid", "tanh", "relu")[i % 3]
            links.append({"model": "mlp", "lr": lr, "epochs": epochs, "seed": str(i), "act": act, "lang": "en"})
    return links


BACK_TO_BACK = r"""
import json, sys, time
import torch
torch.set_num_threads(1)
sys.path.insert(0, sys.argv[1])
from ui.settings import Settings
import bp_core
links = json.loads(sys.stdin.read())
def settings(link):
    return Settings(link["model"], float(link["lr"]), int(link["epochs"]), int(link.get("seed", 0)),
                    link.get("act", "sigmoid"))
model, data = Settings().build()
bp_core.compare(model, data, 0.01, 10)  # one-time costs, paid by the server's first page too
start, cpu = time.perf_counter(), time.process_time()
losses = []
for link in links:
    s = settings(link)
    losses.append(bp_core.compare(*s.build(), s.learning_rate, s.epochs).results["manual"].final_loss)
print(json.dumps({"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "losses": losses}))
"""


def back_to_back(links: list[dict[str, str]]) -> tuple[float, float, list[float]]:
    """The same runs one after another in one fresh process, measured as the page measures them."""
    done = subprocess.run([sys.executable, "-c", BACK_TO_BACK, str(ROOT)], input=json.dumps(links), cwd=ROOT,
                          capture_output=True, text=True, timeout=1800, check=True)
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    return answer["seconds"], answer["cpu"], answer["losses"]


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


def start_server(port: int, log) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).read() == b"ok":
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("streamlit did not answer /_stcore/health within 90 s")


class Learner:
    """One browser tab, spoken to in Streamlit's websocket protocol."""

    def __init__(self, port: int, link: dict[str, str]) -> None:
        self.port, self.query = port, urllib.parse.urlencode(link)
        self.page_hash, self.train_id, self.loss = "", "", ""
        self.socket = None

    async def open(self) -> None:
        self.socket = await websockets.connect(f"ws://127.0.0.1:{self.port}/_stcore/stream",
                                               subprotocols=["streamlit"], max_size=None, open_timeout=60)

    async def rerun(self, widgets: list[WidgetState]) -> None:
        """Ask for a run, as the browser does, and read the page it draws until the run has finished."""
        state = ClientState(query_string=self.query, page_script_hash=self.page_hash,
                            widget_states=WidgetStates(widgets=widgets))
        await self.socket.send(BackMsg(rerun_script=state).SerializeToString())
        deadline = time.monotonic() + RUN_TIMEOUT_SECONDS
        while True:
            frame = await asyncio.wait_for(self.socket.recv(), max(1.0, deadline - time.monotonic()))
            message = ForwardMsg()
            message.ParseFromString(frame)
            kind = message.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = message.new_session.page_script_hash
            elif kind == "page_info_changed":
                self.query = message.page_info_changed.query_string
            elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                self._read(message.delta.new_element)
            elif kind == "script_finished" and message.script_finished == FINISHED:
                return

    def _read(self, element) -> None:
        kind = element.WhichOneof("type")
        if kind == "button" and element.button.id.endswith("-train"):
            self.train_id = element.button.id
        elif kind == "metric" and element.metric.label.startswith(("Final loss, manual", "최종 손실, 수동")):
            self.loss = element.metric.body

    async def visit_and_train(self) -> tuple[float, str]:
        """Open the link, wait for its run, press Train, wait for the rerun: (seconds to the result, final loss)."""
        start = time.perf_counter()
        await self.open()
        await self.rerun([])
        if not self.train_id:
            raise RuntimeError(f"no Train button on the page for ?{self.query}")
        self.loss = ""
        await self.rerun([WidgetState(id=self.train_id, trigger_value=True)])
        return time.perf_counter() - start, self.loss

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()


async def drive(port: int, links: list[dict[str, str]], sampler: RssSampler) -> dict:
    alone = Learner(port, {})  # one learner: the default page, Train, then leaves
    await alone.visit_and_train()
    await alone.close()
    await asyncio.sleep(5)
    one_session = sampler.latest
    sampler.reset_peak()
    learners = [Learner(port, link) for link in links]
    cpu_before = cpu_seconds(sampler.process.pid)
    start = time.perf_counter()
    try:
        answers = await asyncio.gather(*(learner.visit_and_train() for learner in learners))
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
    args = parser.parse_args()
    links = class_links(args.learners)
    load_before = os.getloadavg()
    port = free_port()
    (ROOT / "artifacts").mkdir(exist_ok=True)
    with open(ROOT / "artifacts" / "streamlit-bench-load.log", "w") as log:
        server = start_server(port, log)
        sampler = RssSampler(server.pid)
        try:
            before = back_to_back(links)  # the server sits idle; once before and once after the class, so that
            seen = asyncio.run(drive(port, links, sampler))  # a change in the machine's other load evens out
            closed_at = time.perf_counter()
            after = back_to_back(links)
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
    shown = [loss for _, loss in seen["answers"]]
    matching = sum(f"{expected:.4g}" == got for expected, got in zip(after[2], shown))
    ratio = seen["class_seconds"] / baseline_seconds
    peak_mb, one_mb, settled_mb = seen["peak"] / MB, seen["one_session"] / MB, settled / MB
    print(f"learners: {len(links)} distinct links ({sum(lk['model'] == 'mlp' for lk in links)} networks), each a "
          f"websocket session; final losses matching bp_core.compare: {matching}/{len(links)}")
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f} (1 min; {os.cpu_count()} cores); "
          f"CPU: the server {seen['server_cpu']:.1f} s for the class, back to back {baseline_cpu:.1f} s; "
          f"runs trained at once: {default_workers()}")
    print(f"time to the last result: {seen['class_seconds']:.1f} s; the same runs back to back in one process: "
          f"{baseline_seconds:.1f} s (mean of {before[0]:.1f} s before and {after[0]:.1f} s after); ratio {ratio:.2f} "
          f"(target <= {TARGET_RATIO}: {verdict(ratio <= TARGET_RATIO)})")
    print(f"peak server RSS: {peak_mb:.0f} MB "
          f"(target <= {TARGET_PEAK_MB:.0f} MB: {verdict(peak_mb <= TARGET_PEAK_MB)})")
    print(f"server RSS {args.settle:.0f} s after the sessions closed: {settled_mb:.0f} MB; one-session level "
          f"{one_mb:.0f} MB; difference {settled_mb - one_mb:+.0f} MB (target <= +{TARGET_SETTLED_MB:.0f} MB: "
          f"{verdict(settled_mb - one_mb <= TARGET_SETTLED_MB)})")


if __name__ == "__main__":
    main()
