"""Follow-up reminders (issue 12): an alarm per case log on Python's follow-up day, only with the shopper's consent,
and a notification whose click opens the options page at that case.

Runs on the test build: it holds `notifications` from the start (a headless test cannot answer the permission
prompt) and exposes `globalThis.holdGuideReminders` in the background (build.py, TEST_HOOK_FILES), so a test can
ring an alarm now instead of on the follow-up day, and follow a notification's click through the same code the
browser's click event runs. Everything else (storage, alarms, notifications, Python's dates) is the real thing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from playwright.sync_api import Page

from holdguide.guidance.caselog import follow_up_date
from holdguide.marketplaces import by_domain
from tests.e2e.browser import READY_TIMEOUT_MS, TEST_BUILD, ExtensionBrowser
from tests.e2e.test_firefox import run_firefox

ALARM = "follow-up:amazon.de"

#: Today in the browser's own time zone, as lib/case-store.js writes dates.
TODAY_JS = ("(() => { const n = new Date(); "
            "return new Date(n - n.getTimezoneOffset() * 60000).toISOString().slice(0, 10); })()")


@pytest.fixture
def ext(ext_any_site: ExtensionBrowser) -> Iterator[ExtensionBrowser]:
    """The test build, with no reminder left over from another test (alarms and notifications outlive storage)."""
    yield ext_any_site
    ext_any_site.worker.evaluate("""async () => {
        await chrome.storage.local.clear();
        await chrome.alarms.clearAll();
        for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
    }""")


def seed_case(ext: ExtensionBrowser) -> str:
    """A case log for amazon.de with one chat today; returns today's date as the browser sees it."""
    today = ext.worker.evaluate(TODAY_JS)
    ext.worker.evaluate("(items) => chrome.storage.local.set(items)",
                        {"case:amazon.de": [{"when": today, "channel": "chat", "ticket": "C-4711", "note": ""}]})
    return today


def open_options(ext: ExtensionBrowser, hash_: str = "") -> Page:
    page = ext.context.new_page()
    page.goto(f"chrome-extension://{ext.extension_id}/options/options.html{hash_}")
    page.wait_for_selector("#options[data-loaded=ready]", state="attached", timeout=READY_TIMEOUT_MS)
    return page


def alarms(ext: ExtensionBrowser) -> dict[str, float]:
    return ext.worker.evaluate(
        "async () => Object.fromEntries((await chrome.alarms.getAll()).map((a) => [a.name, a.scheduledTime]))")


def expected_time(ext: ExtensionBrowser, today: str) -> float:
    """09:00 local time on the day Python says to follow up after a chat today."""
    day = follow_up_date(date.fromisoformat(today), "chat", by_domain("amazon.de"))
    return ext.worker.evaluate("([y, m, d]) => new Date(y, m - 1, d, 9).getTime()", [day.year, day.month, day.day])


def wait_until(check: Callable[[], bool], what: str) -> None:
    """Wait for something the extension does asynchronously (Playwright's wait_for_function does not await)."""
    deadline = time.monotonic() + READY_TIMEOUT_MS / 1000
    while not check():
        assert time.monotonic() < deadline, f"never happened: {what}"
        time.sleep(0.05)


def switch_on(ext: ExtensionBrowser, options: Page) -> None:
    options.locator("#reminders-switch").check()
    wait_until(lambda: ext.worker.evaluate("chrome.storage.local.get('reminders')") == {"reminders": True},
               "the consent is stored")


def test_switching_reminders_on_schedules_the_case_follow_up_and_its_notification_opens_the_case(
    ext: ExtensionBrowser,
) -> None:
    today = seed_case(ext)
    options = open_options(ext)
    assert not options.locator("#reminders-switch").is_checked()
    switch_on(ext, options)

    wanted = ext.worker.evaluate("holdGuideReminders.sync()")  # the same sync the consent's change started
    assert wanted == {ALARM: expected_time(ext, today)}
    assert alarms(ext) == {ALARM: expected_time(ext, today)}

    ext.worker.evaluate(f"holdGuideReminders.fire('{ALARM}')")
    shown = ext.worker.evaluate("chrome.notifications.getAll()")
    assert list(shown) == [ALARM]

    with ext.context.expect_page() as opened:
        ext.worker.evaluate(f"holdGuideReminders.click('{ALARM}')")
    case_page = opened.value
    assert case_page.url == f"chrome-extension://{ext.extension_id}/options/options.html#case=amazon.de"
    case_page.wait_for_selector("#options[data-loaded=ready]", state="attached", timeout=READY_TIMEOUT_MS)
    current = case_page.locator(".case.current")
    assert current.get_attribute("data-marketplace") == "amazon.de"
    assert "C-4711" in current.inner_text()
    mail = current.locator("a[href^='mailto:']").first.get_attribute("href")
    assert mail.startswith("mailto:") and "C-4711" in mail  # the prefilled follow-up e-mail names the ticket
    assert ext.worker.evaluate("chrome.notifications.getAll()") == {}  # the click took the notification away


def test_a_new_case_entry_while_reminders_are_on_reschedules_and_switching_off_removes_every_alarm(
    ext: ExtensionBrowser,
) -> None:
    options = open_options(ext)
    switch_on(ext, options)
    assert ext.worker.evaluate("holdGuideReminders.sync()") == {}  # no case log yet: nothing to remind
    today = seed_case(ext)
    wait_until(lambda: ALARM in alarms(ext), "the storage change schedules the alarm")
    assert alarms(ext) == {ALARM: expected_time(ext, today)}

    options.locator("#reminders-switch").uncheck()
    wait_until(lambda: alarms(ext) == {}, "switching off removes the alarms")
    assert ext.worker.evaluate("chrome.storage.local.get('reminders')") == {}
    assert ext.worker.evaluate("holdGuideReminders.sync()") == {}
    assert alarms(ext) == {}


def test_without_consent_there_is_no_alarm_and_no_notification(ext: ExtensionBrowser) -> None:
    seed_case(ext)
    assert ext.worker.evaluate("holdGuideReminders.sync()") == {}
    assert alarms(ext) == {}
    ext.worker.evaluate(f"holdGuideReminders.fire('{ALARM}')")  # even an alarm that rang shows nothing
    assert ext.worker.evaluate("chrome.notifications.getAll()") == {}


def test_reminders_and_the_options_page_in_firefox(tmp_path: Path) -> None:
    """The same path in Debian's Firefox ESR (tests/firefox/reminders_e2e.mjs over WebDriver BiDi): switch on, the
    alarm at the follow-up time, a ring and its click opening the case, switch off. Whether the notification is
    listed is reported only: Firefox headless may keep no list of shown notifications."""
    today = date.today()
    day = follow_up_date(today, "chat", by_domain("amazon.de"))
    alarm_at = datetime(day.year, day.month, day.day, 9).timestamp() * 1000  # local time, as Firefox's
    result, output = run_firefox({
        "script": "reminders_e2e.mjs",
        "extension": str(TEST_BUILD),
        "profile": str(tmp_path / "firefox-profile"),
        "entry": {"when": today.isoformat(), "channel": "chat", "ticket": "C-4711", "note": ""},
        "alarmAt": alarm_at,
    })
    assert any(check.startswith("the follow-up alarm is set") for check in result["checks"]), output
    assert any(check.startswith("its click opens the options page") for check in result["checks"]), output
    assert any(check.startswith("that page marks the case") for check in result["checks"]), output
    assert any(check.startswith("switching off removes") for check in result["checks"]), output
