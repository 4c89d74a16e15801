import pytest
from e2e.conftest import save_screenshot

pytestmark = pytest.mark.e2e


def test_a_first_request_to_a_page_url_on_a_fresh_server_shows_the_whole_app(fresh_server_url, app_page):
    """With a pages/ folder Streamlit runs a page URL's script without app.py on a server's first request; the page
    then runs the app itself, so the sidebar has the language switch and the navigation its titles."""
    app_page.goto(f"{fresh_server_url}/glossary?lang=ko")
    app_page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=90_000)
    app_page.wait_for_selector('[data-testid="stDataFrame"]', timeout=90_000)
    assert app_page.locator("h1").first.inner_text() == "용어집"
    assert app_page.locator(".st-key-lang_radio").count() == 1
    nav = app_page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "비교: 직접 미분 vs 자동 미분" in nav and "용어집" in nav
    assert app_page.locator('[data-testid="stException"]').count() == 0
    save_screenshot(app_page, "glossary-ko-first-request", 1366, 1200)
