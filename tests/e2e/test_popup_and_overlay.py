"""The walking skeleton, end to end: the built extension reads an Amazon tab with our Python and answers.

Pages are real fixtures (tests/golden/) served at their real Amazon URLs; the popup is opened as a tab with
?tabId= (contract), Pyodide boots inside the extension, and the overlay is looked for in the page.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.e2e.browser import ExtensionBrowser, popup_answer
from tests.golden_cases import browser_pages, first

OFFICIAL_PAGES = browser_pages(phishing=False)


def test_german_security_lock_on_amazon_de_signin_gets_plan_and_overlay(ext: ExtensionBrowser) -> None:
    case = first(
        [c for c in OFFICIAL_PAGES if urlsplit(c.url).path.startswith("/ap/")],
        situation="security-lock", language="de", host="www.amazon.de",
    )
    page = ext.open_page(case.url, case.document.read_text(encoding="utf-8"))
    popup = ext.open_popup(page)

    answer = popup_answer(popup)
    assert answer == {"state": "ready", "situation": "security-lock", "marketplace": "amazon.de", "phishing": "false"}
    assert popup.locator("#plan").is_visible()
    overlay = page.locator("#hold-guide-overlay")
    overlay.wait_for(state="attached")
    assert overlay.get_attribute("data-situation") == "security-lock"


def test_english_hold_page_gets_its_situation_and_overlay(ext: ExtensionBrowser) -> None:
    case = next(c for c in OFFICIAL_PAGES if c.language == "en" and c.situation != "none")
    page = ext.open_page(case.url, case.document.read_text(encoding="utf-8"))
    popup = ext.open_popup(page)

    assert popup_answer(popup)["situation"] == case.situation
    page.locator("#hold-guide-overlay").wait_for(state="attached")
    assert page.locator("#hold-guide-overlay").get_attribute("data-situation") == case.situation


def test_normal_amazon_page_answers_none_and_draws_no_overlay(ext: ExtensionBrowser) -> None:
    case = first(OFFICIAL_PAGES, situation="none")
    page = ext.open_page(case.url, case.document.read_text(encoding="utf-8"))
    popup = ext.open_popup(page)

    assert popup_answer(popup) | {"marketplace": None} == {
        "state": "ready", "situation": "none", "marketplace": None, "phishing": "false",
    }
    assert popup.locator("#plan").is_hidden()
    assert page.locator("#hold-guide-overlay").count() == 0


def test_popup_without_a_readable_tab_says_so(ext: ExtensionBrowser) -> None:
    """A tab the extension may not read (here: another extension page) ends in a clear error, not a spinner."""
    popup = ext.open_popup(None)  # its own tab is the active one: an extension page, which cannot be scripted
    assert popup_answer(popup)["state"] == "error"
    assert popup.locator("#status-text").inner_text().strip() != ""


@pytest.mark.parametrize("build", ["release", "test"])
def test_both_builds_boot_python(build: str, request: pytest.FixtureRequest) -> None:
    browser: ExtensionBrowser = request.getfixturevalue("ext" if build == "release" else "ext_any_site")
    case = first(OFFICIAL_PAGES, situation="none")
    page = browser.open_page(case.url, case.document.read_text(encoding="utf-8"))
    assert popup_answer(browser.open_popup(page))["state"] == "ready"
