"""A real dashboard: `streamlit run app.py` on a free port, driven by Debian's headless Chromium via Playwright."""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
"""Debian's Chromium: the browser the benchmarks and scripts/screenshots.py drive, as a learner's."""
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
"""Debian's headless build of the same Chromium (same version, same Blink), without the full browser's shell: what
Playwright itself runs headless. A new tab costs it about 0.7 CPU-s less (3.4 against 4.1 on Compare, measured in one
process), which the browser tests spend about 90 times; scripts/ensure-chromium installs it beside chromium."""
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def browser_for_tests() -> str:
    """The browser the tests drive: the headless shell where it is installed, Chromium otherwise."""
    return HEADLESS_SHELL if Path(HEADLESS_SHELL).exists() else CHROMIUM


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(log_name: str = "streamlit-e2e.log"):
    """``streamlit run app.py`` on a free loopback port, answering /_stcore/health; its URL."""
    port = _free_port()
    (ROOT / "artifacts").mkdir(exist_ok=True)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")  # each pytest-xdist worker runs servers of its own
    log = open(ROOT / "artifacts" / f"{worker}-{log_name}", "w")  # the server's own output, kept for a failed run
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("streamlit did not answer /_stcore/health within 60 s")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def server_url():
    with running_server() as url:
        yield url


@pytest.fixture
def fresh_server_url():
    """A server that has answered no page yet: its first request is the test's."""
    with running_server("streamlit-e2e-fresh.log") as url:
        yield url


@pytest.fixture(scope="session")
def chromium_browser():
    if not Path(CHROMIUM).exists() or shutil.which("fc-list") is None:
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: CI must install it (scripts/ensure-chromium)")
        pytest.skip("Debian chromium is not installed (apt-get install -y chromium fonts-noto-cjk)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=browser_for_tests(), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def laptop_context(chromium_browser):
    """One 1366 px browser context per test process. Each test opens its own tab in it (a new Streamlit session), and
    the tabs share the context's cache, so Streamlit's frontend is fetched and compiled once, not once per test: a
    first tab on Compare took 2.9-3.1 s in a new context against 2.3-2.4 s in a used one (measured in one process)."""
    context = chromium_browser.new_context(viewport={"width": 1366, "height": 900})
    yield context
    context.close()


@pytest.fixture
def app_page(laptop_context):
    page = laptop_context.new_page()
    yield page
    page.close()


DRAWN = """() => !!document.querySelector('[data-testid="stMetric"]')
    && !!document.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    && !document.querySelector('.st-key-compare-rest_pending')
    && (!document.querySelector('.st-key-compare-train') || !!document.querySelector('.st-key-compare-download_csv'))
    && !document.querySelector('[data-testid="stSkeleton"]')"""
"""True once the headline metrics are on the page, the script has finished, and nothing waits for the browser's
timer. A session's first view of Compare draws its numbers first and the rest (charts, code, downloads) on a timer
(ui.views.screens.compare.rest_soon), so on Compare (its Train button) the page is whole once its last element, the
CSV download, is there: the run's end can reach the page a few milliseconds before its last elements (Streamlit
buffers elements briefly), so the waiting marker's absence alone is not enough. And no element still waits for its
code (Streamlit draws a skeleton until an element's code is loaded: a new tab's first charts come a moment after the
download buttons)."""


def wait_until_drawn(page, timeout_ms: int = 90_000) -> None:
    """Wait for the script to finish with the headline metrics on the page, and the whole page drawn (``DRAWN``)."""
    page.wait_for_function(DRAWN, timeout=timeout_ms)


CHARTS_DRAWN = """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')].every(chart => {
    const marks = chart.querySelector('svg.marks, canvas');
    const box = marks && marks.getBoundingClientRect();
    return !!box && box.width > 0 && box.height > 0; })"""
"""True once every Vega chart on the page has drawn its marks (Vega draws them a frame or more after the run)."""


def wait_for_charts(page, timeout_ms: int = 30_000) -> None:
    """Wait until every Vega chart on ``page`` has drawn (at once on a page without charts)."""
    page.wait_for_function(CHARTS_DRAWN, timeout=timeout_ms)


SCREENSHOT_HEIGHT = 2600
"""A tall viewport so the whole page is drawn (Streamlit scrolls inside its own container)."""


def save_screenshot(page, name: str, width: int, height: int = SCREENSHOT_HEIGHT) -> Path:
    """The whole page as a PNG at ``width``; a page already at that size is taken at once, another is resized first
    and given the time its charts take to lay out again."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    if page.viewport_size != {"width": width, "height": height}:
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(1500)  # charts re-lay out for the new width
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
