import pytest
from e2e.conftest import save_screenshot

from ui.texts import t
from ui.views.lecture_path import PAGES

pytestmark = pytest.mark.e2e


HEADINGS = {"": "start_title", "chain_rule": "chain_title", "step_by_hand": "step_title", "compare": "compare_title",
            "gradient_check": "check_title", "learning_rate": "sweep_title", "scaling": "scaling_title",
            "glossary": "glossary_title", "lecture_example": "example_title", "backward": "backward_title"}
"""Each page's own URL and the text key of its heading."""


def test_every_page_of_the_navigation_has_a_heading_here():
    assert set(HEADINGS) == {page.url_path for page in PAGES.values()}


@pytest.mark.slow_first  # 35-41 s: last in the e2e block, it was the suite's tail (ended 9-14 s after the others)
def test_a_fresh_servers_first_requests_to_every_pages_own_url_at_once_show_those_pages(fresh_server_url,
                                                                                       chromium_browser):
    """Every page's own URL opened at once, in a tab each, as a fresh server's first requests (a class opening the
    links it was given): no 'Page not found' dialog (the default page lives at "/", every other page at its file's
    stem), each page's heading, no error. With a pages/ folder Streamlit runs a page URL's script without the shell on
    a server's first request; the page then runs the app itself, so the sidebar has the language switch and the
    navigation its titles (checked on the glossary, opened in Korean)."""
    context = chromium_browser.new_context(viewport={"width": 1366, "height": 1200})
    try:
        tabs = {}
        for path in HEADINGS:
            tabs[path] = context.new_page()
            tabs[path].goto(f"{fresh_server_url}/{path}" + ("?lang=ko" if path == "glossary" else ""))
        for path, tab in tabs.items():
            heading = t(HEADINGS[path], "ko" if path == "glossary" else "en")
            tab.wait_for_function("(t) => document.querySelector('h1')?.innerText === t", arg=heading,
                                  timeout=120_000)
            tab.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=120_000)
        tabs["glossary"].get_by_text("backpropagation").first.wait_for(timeout=60_000)
        tabs["glossary"].wait_for_timeout(1000)  # the dialog, if any, opens after the first script run
        for path, tab in tabs.items():
            assert "Page not found" not in tab.locator("body").inner_text(), path
            assert tab.locator('[data-testid="stException"]').count() == 0, path
        glossary = tabs["glossary"]
        assert glossary.locator(".st-key-app-lang").count() == 1
        nav = glossary.locator('[data-testid="stSidebarNav"]').inner_text()
        assert "비교: 직접 미분 vs 자동 미분" in nav and "용어집" in nav
        save_screenshot(glossary, "glossary-ko-first-request", 1366, 1200)
    finally:
        context.close()
