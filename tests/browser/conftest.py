"""A real Chromium (Debian's, never a downloaded one) against a live server.

Browser tests need a transactional database, which is emptied after each
test; each starts from `migrated_site` (tests/conftest.py).
"""

import io
import os
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import sync_playwright

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make between browser steps are still plain synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ADMIN_PASSWORD = "a-long-test-password"
# axe-core's rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA (2.2 adds the
# 24 × 24 px target size).
WCAG_22_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    }
}


BROWSER_TEST = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def site_url(live_server):
    """The live server's address; only loopback is ever a target."""
    assert urlsplit(live_server.url).hostname in ("localhost", "127.0.0.1")
    return live_server.url


@pytest.fixture
def demo(site_url, migrated_site, monkeypatch):
    """The demo site, as `make run` shows it."""
    monkeypatch.setenv("DEMO_ADMIN_USERNAME", "admin")
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", ADMIN_PASSWORD)
    call_command("load_demo", stdout=io.StringIO())
    return site_url


@pytest.fixture
def tab(browser):
    """A fresh browser context and page; JavaScript errors, and anything the
    Content-Security-Policy blocked (which Chromium reports on the console),
    fail the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    yield page
    context.close()
    assert errors == []


@pytest.fixture
def signed_in(tab, demo):
    """The demo's admin, signed in."""
    tab.goto(f"{demo}/admin/")
    tab.fill("#id_username", "admin")
    tab.fill("#id_password", ADMIN_PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url(f"{demo}/admin/")
    return tab
