"""Fixtures for the browser tests: one Chromium per build and test session, pages served as Amazon URLs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, Playwright

from tests.e2e.browser import RELEASE_BUILD, SCREENSHOTS, TEST_BUILD, ExtensionBrowser, ServedWeb, launch

# Without this, requests from the extension's service worker bypass context.route and a "no request left
# the browser" check would be blind to them (Playwright 1.5x+, see ../shared/notes/platform-facts.md).
os.environ.setdefault("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")


@pytest.fixture(scope="session")
def release_browser(playwright: Playwright, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ExtensionBrowser]:
    """The release build (least privilege: Amazon hosts only) in headless Chromium."""
    browser = launch(playwright, RELEASE_BUILD, tmp_path_factory.mktemp("profile-release"), ServedWeb())
    yield browser
    browser.context.close()


@pytest.fixture(scope="session")
def test_build_browser(playwright: Playwright, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ExtensionBrowser]:
    """The test-only build, which may read any site: needed to analyse look-alike (phishing) hosts headless."""
    browser = launch(playwright, TEST_BUILD, tmp_path_factory.mktemp("profile-test"), ServedWeb())
    yield browser
    browser.context.close()


def _fresh(browser: ExtensionBrowser) -> Iterator[ExtensionBrowser]:
    """``browser`` with clean storage, closing the pages a test left open."""
    browser.clear_storage()
    yield browser
    for page in browser.context.pages:
        page.close()


@pytest.fixture
def ext(release_browser: ExtensionBrowser) -> Iterator[ExtensionBrowser]:
    """The release browser, fresh for each test."""
    yield from _fresh(release_browser)


@pytest.fixture
def ext_any_site(test_build_browser: ExtensionBrowser) -> Iterator[ExtensionBrowser]:
    """The test-only build, fresh for each test."""
    yield from _fresh(test_build_browser)


@pytest.fixture
def screenshot() -> object:
    """Save a screenshot under docs/screenshots/ (the README shows them) and return its path."""

    def take(page: Page, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path))
        return path

    return take
