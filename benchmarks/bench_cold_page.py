"""A cold server's first page and a new learner on a warm server, in a real headless Chromium (issue 19, item 3).

Per round, in fresh processes:
1. bare: ``python -c "import torch, streamlit, pandas, altair; <one SGD step>"``, timed whole (what any page must
   pay: the libraries and torch's first optimizer);
2. cold: Chromium launched first (its own start is not the server's), then ``streamlit run app.py`` started; the time
   from starting the server to the Compare page's first metric in the browser (the page opened as soon as the server
   answers /_stcore/health; the first request to /compare is the server's first script run);
3. warm new learner: on the same server, after the cold page, a new Chromium process is launched and opens the
   Compare page at the default settings; the time from launching it to the first metric (Chromium's launch included).

Targets: cold <= 1.5x bare (median over rounds of the per-round ratio); warm new learner < 1.5 s (median).
The page cache is not dropped (that needs privileges this machine's containers do not give); every round runs the
same files, so all three figures are with a warm page cache. Run: ``python benchmarks/bench_cold_page.py [--rounds 3]``.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(Path(__file__).resolve().parent)]

from bench_load import free_port, launch_server, wait_for_health  # noqa: E402
from e2e.conftest import CHROMIUM, LAUNCH_ARGS  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

BARE = ("import torch, streamlit, pandas, altair; t = torch.zeros(2, requires_grad=True); "
        "o = torch.optim.SGD([t], lr=0.1); (t * t).sum().backward(); o.step()")
FIRST_METRIC = '[data-testid="stMetric"]'
TARGET_COLD_RATIO, TARGET_WARM_SECONDS = 1.5, 1.5


def bare_seconds() -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", BARE], check=True, cwd=ROOT)
    return time.perf_counter() - began


def one_round(playwright) -> tuple[float, float, float, float]:
    """(bare, cold, health, warm new learner) seconds."""
    bare = bare_seconds()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    began = time.perf_counter()
    server = launch_server(port, subprocess.DEVNULL)
    try:
        wait_for_health(server, port, seconds=60, poll=0.05)
        health = time.perf_counter() - began
        page = browser.new_page()
        page.goto(f"{url}/compare")
        page.wait_for_selector(FIRST_METRIC, timeout=120_000)
        cold = time.perf_counter() - began
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=120_000)
        browser.close()
        began = time.perf_counter()
        learner = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = learner.new_page()
        page.goto(f"{url}/compare")
        page.wait_for_selector(FIRST_METRIC, timeout=60_000)
        warm = time.perf_counter() - began
        learner.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    return bare, cold, health, warm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    results = []
    with sync_playwright() as playwright:
        for index in range(rounds):
            bare, cold, health, warm = one_round(playwright)
            results.append((bare, cold, warm))
            print(f"round {index + 1}: bare imports + one SGD step {bare:.2f} s; cold server to Compare's first "
                  f"metric {cold:.2f} s (health after {health:.2f} s), {cold / bare:.2f}x bare; warm server, new "
                  f"learner (Chromium launch included) {warm:.2f} s", flush=True)
    ratio = statistics.median(cold / bare for bare, cold, _ in results)
    warm = statistics.median(w for _, _, w in results)
    print(f"cold first page / bare imports: {ratio:.2f}x (median of {rounds}; target <= {TARGET_COLD_RATIO}x: "
          f"{'met' if ratio <= TARGET_COLD_RATIO else 'NOT met'})")
    print(f"new learner on a warm server: {warm:.2f} s (median; target < {TARGET_WARM_SECONDS} s: "
          f"{'met' if warm < TARGET_WARM_SECONDS else 'NOT met'})")
    print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
