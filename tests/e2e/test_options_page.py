"""The options page (issue 12): what Hold Guide keeps, shown as stored; export as a file; delete all; reachable from
the popup. Release build: the page needs no test hook."""

from __future__ import annotations

import json

from playwright.sync_api import Page

from tests.e2e.browser import READY_TIMEOUT_MS, ExtensionBrowser

DETAILS = {"name": "Erika Mustermann", "email": "erika@example.org", "order": "302-1234567-1234567", "tickets": ""}
CASES = {
    "case:amazon.de": [{"when": "2026-11-26", "channel": "email", "ticket": "A-1001", "note": "sent the invoice"}],
    "case:amazon.fr": [{"when": "2026-11-27", "channel": "chat", "ticket": "F-22", "note": ""}],
}


def options_page(ext: ExtensionBrowser, hash_: str = "") -> Page:
    page = ext.context.new_page()
    page.clock.set_fixed_time("2026-11-30T10:00:00")  # the entries above stay unexpired, whatever today is
    page.goto(f"chrome-extension://{ext.extension_id}/options/options.html{hash_}")
    page.wait_for_selector("#options[data-loaded=ready]", state="attached", timeout=READY_TIMEOUT_MS)
    return page


def store(ext: ExtensionBrowser, local: dict, session: dict | None = None) -> None:
    ext.worker.evaluate("([local, session]) => Promise.all([chrome.storage.local.set(local), "
                        "chrome.storage.session.set(session)])", [local, session or {}])


def test_it_shows_the_remembered_details_and_each_case_log_with_its_follow_up(ext: ExtensionBrowser) -> None:
    store(ext, {"details": DETAILS, **CASES})
    page = options_page(ext)
    assert page.locator("#details-where").inner_text() == "Remembered on this device."
    assert page.locator("dd[data-field=email]").inner_text() == "erika@example.org"
    assert page.locator("dd[data-field=order]").inner_text() == DETAILS["order"]
    assert page.locator(".case").evaluate_all("nodes => nodes.map((n) => n.dataset.marketplace)") == [
        "amazon.de", "amazon.fr"]
    german = page.locator(".case[data-marketplace='amazon.de']")
    assert "A-1001" in german.inner_text() and "sent the invoice" in german.inner_text()
    assert german.locator("time").first.get_attribute("datetime") == "2026-11-26"
    # Python's follow-up day, as the popup's case log shows it: Thursday + 2 business days, then follow up.
    assert german.locator("[data-follow-up]").get_attribute("data-follow-up") == "2026-12-01"
    assert page.locator(".case.current").count() == 0  # no #case= asked for


def test_details_kept_for_the_session_are_said_to_be_so(ext: ExtensionBrowser) -> None:
    store(ext, {}, {"details": {**DETAILS, "email": "session@example.org"}})
    page = options_page(ext)
    assert page.locator("#details-where").inner_text() == "Kept until the browser closes."
    assert page.locator("dd[data-field=email]").inner_text() == "session@example.org"
    assert page.locator("#cases-empty").is_visible()


def test_a_case_in_the_address_is_marked_and_shows_its_prefilled_follow_up_email(ext: ExtensionBrowser) -> None:
    store(ext, {"details": DETAILS, **CASES})
    page = options_page(ext, "#case=amazon.fr")
    current = page.locator(".case.current")
    assert current.get_attribute("data-marketplace") == "amazon.fr"
    assert current.get_attribute("aria-current") == "true"
    mail = current.locator("a[href^='mailto:']").first.get_attribute("href")
    assert "F-22" in mail and "Erika" in mail  # the stored details prefill it


def test_export_downloads_everything_shown_as_json(ext: ExtensionBrowser) -> None:
    store(ext, {"details": DETAILS, **CASES})
    page = options_page(ext)
    with page.expect_download() as download:
        page.locator("#export").click()
    saved = download.value
    assert saved.suggested_filename == "hold-guide-data-2026-11-30.json"
    assert saved.url.startswith("blob:chrome-extension://")  # made in the page, not fetched from anywhere
    data = json.loads(saved.path().read_text(encoding="utf-8"))
    assert data["details"] == {"kept": "device", "name": DETAILS["name"], "email": DETAILS["email"],
                               "order": DETAILS["order"]}
    assert data["caseLogs"]["amazon.de"][0]["ticket"] == "A-1001"
    assert set(data["caseLogs"]) == {"amazon.de", "amazon.fr"}
    assert data["reminders"] is False


def test_delete_all_asks_for_a_second_click_then_empties_the_extensions_storage(ext: ExtensionBrowser) -> None:
    store(ext, {"details": DETAILS, "planLanguage": "de", **CASES}, {"details": DETAILS, "tab:7": {"url": "x"}})
    page = options_page(ext)
    page.locator("#delete-all").click()
    # One click only arms the button: a misclick must not wipe the case log.
    assert page.locator("#delete-all").get_attribute("data-armed") == "true"
    assert "again" in page.locator("#delete-all").inner_text()
    kept = ext.worker.evaluate("async () => Object.keys(await chrome.storage.local.get(null)).length")
    assert kept == len(CASES) + 2
    page.locator("#delete-all").click()
    page.locator("#data-status").filter(has_text="deleted").wait_for()
    assert page.locator("#delete-all").get_attribute("data-armed") is None
    page.wait_for_selector("#options[data-loaded=ready]", state="attached")
    stored = ext.worker.evaluate("async () => [await chrome.storage.local.get(null), "
                                 "await chrome.storage.session.get(null)]")
    assert stored == [{}, {}]
    assert page.locator(".case").count() == 0 and page.locator("#cases-empty").is_visible()
    assert page.locator("#details-where").inner_text() == "No details are stored."


def test_the_popup_opens_the_options_page(ext: ExtensionBrowser) -> None:
    popup = ext.open_popup(wait=False)
    with ext.context.expect_page() as opened:
        popup.locator("#open-options").click()
    assert opened.value.url == f"chrome-extension://{ext.extension_id}/options/options.html"
