"""A real browser (Debian's chromium, driven by Playwright) against a live Panj server."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

SCREENSHOTS = Path(
    os.environ.get("PANJ_SCREENSHOTS", Path(__file__).resolve().parents[2] / "docs" / "screenshots")
)


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no chromium on this machine: apt-get install chromium")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in the test thread; the ORM calls in these
    # tests happen before and after the browser acts, never concurrently.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def demo(transactional_db):
    from panj.directory.demo import load_demo_network

    load_demo_network()


@pytest.fixture
def phone(browser, live_server, demo):
    """A 360-pixel-wide phone screen, with JavaScript."""
    context = browser.new_context(viewport={"width": 360, "height": 780}, base_url=live_server.url)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def laptop_without_js(browser, live_server, demo):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, base_url=live_server.url, java_script_enabled=False
    )
    page = context.new_page()
    yield page
    context.close()


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def sign_in(page, email: str = "alice@demo.panj.org") -> None:
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill("panj-demo")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
