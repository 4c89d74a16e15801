"""Full-page screenshots of every page at 1366 and 390 px (a phone's User-Agent) in English and Korean, for a person
to look at: `.venv/bin/python scripts/screenshots.py artifacts/looked_at` (about five minutes; it starts its own
server on a free port, as the browser tests do, and stops it).

Streamlit scrolls inside its own container, so each page's viewport is made as tall as its content before the shot.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from e2e.conftest import CHROMIUM, LAUNCH_ARGS, running_server  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

PHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
         "Version/17.0 Mobile/15E148 Safari/604.1")
PAGES = ["", "chain_rule", "backward", "step_by_hand", "lecture_example", "compare", "gradient_check",
         "learning_rate", "scaling", "glossary"]
DRAWN = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def main(folder: str) -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    with running_server("screenshots.log") as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        for width in (1366, 390):
            context = browser.new_context(viewport={"width": width, "height": 1000},
                                          user_agent=PHONE if width == 390 else None)
            page = context.new_page()
            for lang in ("en", "ko"):
                for path in PAGES:
                    page.goto(f"{url}/{path}?lang={lang}")
                    page.wait_for_selector("h1", timeout=90_000)
                    page.wait_for_selector(DRAWN, timeout=120_000)
                    page.wait_for_timeout(2500)  # charts lay out after the run
                    height = page.evaluate(
                        "() => document.querySelector('[data-testid=\"stMain\"]')?.scrollHeight || 3000")
                    page.set_viewport_size({"width": width, "height": min(int(height) + 50, 9000)})
                    page.wait_for_timeout(1200)
                    page.screenshot(path=str(out / f"{path or 'start'}-{lang}-{width}.png"), full_page=True)
                    page.set_viewport_size({"width": width, "height": 1000})
            context.close()
        browser.close()
    print(f"40 screenshots in {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "artifacts/looked_at")
