"""The shopper's details stay in the browser session unless they opt in, and "clear" wipes them (issue 4)."""

from __future__ import annotations

from tests.e2e.browser import ExtensionBrowser
from tests.golden_cases import browser_pages

STORED = "async (area) => (await chrome.storage[area].get('details')).details ?? null"


def test_details_are_kept_for_the_session_only_until_remember_is_ticked_and_clear_wipes_them(
    ext: ExtensionBrowser,
) -> None:
    case = next(c for c in browser_pages(phishing=False) if c.situation != "none")
    page = ext.open_page(case.url, case.document.read_text(encoding="utf-8"))
    popup = ext.open_popup(page)
    popup.locator("#details-section summary").click()
    popup.locator("input[name=name]").fill("Erika Mustermann")
    popup.locator("input[name=order]").fill("302-1234567-1234567")
    popup.wait_for_timeout(500)  # the form saves after a short pause in typing
    assert ext.worker.evaluate(STORED, "session")["name"] == "Erika Mustermann"
    assert ext.worker.evaluate(STORED, "local") is None  # nothing on disk by default
    popup.close()

    popup = ext.open_popup(page)  # reopened in the same browser session: still there
    assert popup.locator("input[name=order]").input_value() == "302-1234567-1234567"
    popup.locator("#details-section summary").click()
    popup.locator("input[name=remember]").check()
    popup.wait_for_timeout(500)
    assert ext.worker.evaluate(STORED, "local")["order"] == "302-1234567-1234567"
    assert ext.worker.evaluate(STORED, "session") is None

    popup.locator("#details-clear").click()
    popup.wait_for_timeout(300)
    assert ext.worker.evaluate(STORED, "local") is None and ext.worker.evaluate(STORED, "session") is None
    assert popup.locator("input[name=name]").input_value() == ""


def test_an_invalid_order_number_is_explained_next_to_the_field(ext: ExtensionBrowser) -> None:
    case = next(c for c in browser_pages(phishing=False) if c.situation != "none")
    popup = ext.open_popup(ext.open_page(case.url, case.document.read_text(encoding="utf-8")))
    popup.locator("#details-section summary").click()
    popup.locator("input[name=order]").fill("12345")
    popup.wait_for_function("() => document.getElementById('order-error').textContent.includes('123-1234567')")
