import pytest
from e2e.conftest import save_screenshot

from ui.texts import t
from ui.views.lecture_path import PAGES

pytestmark = pytest.mark.e2e


def test_a_first_request_to_a_page_url_on_a_fresh_server_shows_the_whole_app(fresh_server_url, app_page):
    """With a pages/ folder Streamlit runs a page URL's script without the shell on a server's first request; the page
    then runs the app itself, so the sidebar has the language switch and the navigation its titles."""
    app_page.goto(f"{fresh_server_url}/glossary?lang=ko")
    app_page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=90_000)
    app_page.get_by_text("backpropagation").first.wait_for(timeout=90_000)
    assert app_page.locator("h1").first.inner_text() == "용어집"
    assert app_page.locator(".st-key-app-lang").count() == 1
    nav = app_page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "비교: 직접 미분 vs 자동 미분" in nav and "용어집" in nav
    assert app_page.locator('[data-testid="stException"]').count() == 0
    save_screenshot(app_page, "glossary-ko-first-request", 1366, 1200)


HEADINGS = {"": "start_title", "chain_rule": "chain_title", "step_by_hand": "step_title", "compare": "compare_title",
            "gradient_check": "check_title", "learning_rate": "sweep_title", "scaling": "scaling_title",
            "glossary": "glossary_title", "lecture_example": "example_title", "backward": "backward_title"}
"""Each page's own URL and the text key of its heading."""


def test_every_page_of_the_navigation_has_a_heading_here():
    assert set(HEADINGS) == {page.url_path for page in PAGES.values()}


@pytest.mark.parametrize("path", list(HEADINGS))
def test_a_fresh_servers_first_request_to_a_pages_own_url_shows_that_page(fresh_server_url, app_page, path):
    """No 'Page not found' dialog: the default page lives at "/" and every other page at its file's stem."""
    app_page.goto(f"{fresh_server_url}/{path}")
    heading = t(HEADINGS[path], "en")
    app_page.wait_for_function("(t) => document.querySelector('h1')?.innerText === t", arg=heading, timeout=90_000)
    app_page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=90_000)
    app_page.wait_for_timeout(1000)  # the dialog, if any, opens after the first script run
    assert "Page not found" not in app_page.locator("body").inner_text()
    assert app_page.locator('[data-testid="stException"]').count() == 0
