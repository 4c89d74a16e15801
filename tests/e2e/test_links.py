"""Links in a real browser: a page that does not exist, a crash link, and an exact learning rate through Train."""

import contextlib

import pytest
from e2e.conftest import wait_until_drawn
from e2e.test_browser import assert_no_error_on_page, metric_value
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

pytestmark = pytest.mark.e2e


def press_train_and_wait(page) -> None:
    """Press Train, then wait for the rerun to end. A cached rerun can start and end between two polls of the
    'running' state (seen on a loaded machine), so not seeing it is no failure; the short pause covers that case."""
    page.locator(".st-key-compare-train").get_by_role("button").click()
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="running"]', timeout=5_000,
                               state="attached")
    page.wait_for_timeout(500)
    wait_until_drawn(page)


def test_a_page_that_does_not_exist_opens_the_start_page_without_an_error(server_url, app_page):
    app_page.goto(f"{server_url}/no-such-page?lr=0.05")
    app_page.wait_for_selector('[data-testid="stPageLink"]', timeout=90_000)
    assert app_page.locator("h1").first.inner_text() == "Backpropagation, from the lecture"
    assert app_page.locator('[data-testid="stException"]').count() == 0


def test_a_crash_link_names_the_setting_and_train_still_works(server_url, app_page):
    app_page.goto(f"{server_url}/compare?pts=1:3,2:1e308&epochs=1e3")
    wait_until_drawn(app_page)
    alerts = " ".join(app_page.locator('[data-testid="stAlert"]').all_inner_texts())
    assert "setting pts = “1:3,2:1e308” cannot be used" in alerts and "setting epochs = “1e3”" in alerts
    assert_no_error_on_page(app_page)
    before = metric_value(app_page, "Final w")
    press_train_and_wait(app_page)
    assert metric_value(app_page, "Final w") == before
    assert_no_error_on_page(app_page)


def test_an_exact_learning_rate_from_a_link_survives_pressing_train(server_url, app_page):
    app_page.goto(f"{server_url}/compare?lr=0.11987654321&epochs=1000")
    wait_until_drawn(app_page)
    first = metric_value(app_page, "Final loss, manual")
    press_train_and_wait(app_page)
    assert "lr=0.11987654321" in app_page.url
    assert metric_value(app_page, "Final loss, manual") == first
    assert "Learning rate used: 0.11987654321" in app_page.locator('[data-testid="stMain"]').inner_text()
