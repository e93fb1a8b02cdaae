"""Guidance before the click (issue 10), in real Chromium with the release build.

On Amazon's sign-in and account pages the background reads the page as it loads (content/announce.js -> the
service worker -> content/collect.js -> Python in the offscreen document's Worker), keeps the answer for the tab
and sets the badge; the popup then shows that answer at once. Elsewhere nothing runs. Each test states one of
these promises; the pages are real fixtures served at their real Amazon URLs.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, Playwright

import build
from tests.e2e.browser import RELEASE_BUILD, ExtensionBrowser, ServedWeb, launch, popup_answer
from tests.golden_cases import Case, browser_pages

ACCOUNT_PAGE = [re.compile("^" + re.escape(p).replace(r"\*", ".*") + "$") for p in build.account_page_patterns()]
HOLD_PAGES = [c for c in browser_pages(phishing=False)
              if c.situation != "none" and any(p.match(c.url) for p in ACCOUNT_PAGE)]
WAIT_S = 30


def kept(browser: ExtensionBrowser, tab: int) -> dict | None:
    """The answer the background keeps for tab `tab` (lib/tab-answers.js), as storage.session holds it."""
    return browser.worker.evaluate("async (tab) => (await chrome.storage.session.get(`tab:${tab}`))[`tab:${tab}`]", tab)


def badge(browser: ExtensionBrowser, tab: int) -> tuple[str, str]:
    return tuple(browser.worker.evaluate(
        "async (tabId) => [await chrome.action.getBadgeText({tabId}), await chrome.action.getTitle({tabId})]", tab))


def wait_until_kept(browser: ExtensionBrowser, tab: int, source: str | None = None) -> dict:
    """The tab's kept answer once it is no longer pending (and, if given, came from `source`)."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        entry = kept(browser, tab)
        if entry and entry["state"] != "pending" and source in (None, entry["source"]):
            return entry
        time.sleep(0.1)
    raise AssertionError(f"no answer kept for tab {tab} after {WAIT_S} s: {kept(browser, tab)}")


def contexts(browser: ExtensionBrowser) -> list[str]:
    return browser.worker.evaluate("async () => (await chrome.runtime.getContexts({})).map((c) => c.contextType)")


def open_hold_page(browser: ExtensionBrowser, case: Case) -> tuple[Page, int]:
    page = browser.open_page(case.url, case.document.read_text(encoding="utf-8"))
    return page, browser.tab_id(page)


@pytest.fixture
def fresh_browser(playwright: Playwright, tmp_path: Path) -> Iterator[ExtensionBrowser]:
    """A browser of its own: what stays resident must not depend on what earlier tests left running."""
    browser = launch(playwright, RELEASE_BUILD, tmp_path / "profile", ServedWeb())
    yield browser
    browser.context.close()


@pytest.mark.parametrize("case", HOLD_PAGES[:3], ids=lambda c: c.id)
def test_an_account_page_is_analysed_as_it_loads_with_a_badge_and_no_overlay(ext: ExtensionBrowser, case: Case) -> None:
    page, tab = open_hold_page(ext, case)

    entry = wait_until_kept(ext, tab)

    assert entry["state"] == "ready" and entry["source"] == "background"
    assert entry["url"] == page.url  # the browser's URL for the tab
    assert entry["answer"]["situation"] == case.situation
    label = entry["answer"]["plan"]["situation_label"]  # Python's name for it, as the popup shows it
    assert badge(ext, tab) == ("!", f"Hold Guide: {label} ({entry['answer']['marketplace']})")
    assert page.locator("#hold-guide-overlay").count() == 0  # no overlay before the click


def test_the_popup_shows_the_kept_answer_at_once_and_then_draws_the_overlay(ext: ExtensionBrowser) -> None:
    case = HOLD_PAGES[0]
    page, tab = open_hold_page(ext, case)
    entry = wait_until_kept(ext, tab)

    popup = ext.open_popup(page)

    assert popup_answer(popup) == {"state": "ready", "situation": entry["answer"]["situation"],
                                   "marketplace": entry["answer"]["marketplace"] or "",
                                   "phishing": str(entry["answer"]["phishing"]).lower()}
    assert popup.locator("#plan-title").inner_text() == entry["answer"]["plan"]["title"]
    page.locator("#hold-guide-overlay").wait_for(state="attached")
    assert page.locator("#hold-guide-overlay").get_attribute("data-situation") == case.situation


def test_a_popup_opened_while_the_page_loads_waits_for_the_background_answer(ext: ExtensionBrowser) -> None:
    case = HOLD_PAGES[1]
    ext.web.serve(case.url, case.document.read_text(encoding="utf-8"))
    page = ext.context.new_page()
    page.goto(case.url, wait_until="domcontentloaded")
    popup = ext.open_popup(page)  # at once: the background may still be booting

    assert popup_answer(popup)["situation"] == case.situation
    assert wait_until_kept(ext, ext.tab_id(page))["answer"]["situation"] == case.situation


def test_leaving_the_page_clears_its_answer_and_badge(ext: ExtensionBrowser) -> None:
    page, tab = open_hold_page(ext, HOLD_PAGES[0])
    wait_until_kept(ext, tab)

    ext.web.serve("https://www.amazon.de/gp/cart/view.html", CART_PAGE)
    page.goto("https://www.amazon.de/gp/cart/view.html")
    page.wait_for_timeout(500)

    assert kept(ext, tab) is None
    assert badge(ext, tab)[0] == ""


def test_a_page_the_popup_analysed_is_checked_again_when_it_loads_again(ext: ExtensionBrowser) -> None:
    case = HOLD_PAGES[0]
    url = f"https://{case.host}/gp/your-account/order-history"  # an Amazon page outside the account-page list
    assert not any(pattern.match(url) for pattern in ACCOUNT_PAGE)
    page = ext.open_page(url, case.document.read_text(encoding="utf-8"))
    tab = ext.tab_id(page)
    page.wait_for_timeout(300)
    assert kept(ext, tab) is None  # nothing ran before the click
    popup = ext.open_popup(page)
    shown = popup_answer(popup)["situation"]
    assert wait_until_kept(ext, tab, source="popup")["answer"]["situation"] == shown
    popup.close()

    page.reload()

    assert wait_until_kept(ext, tab, source="background")["answer"]["situation"] == shown


CART_PAGE = """<!doctype html><html lang="de"><head><title>Amazon.de Einkaufswagen</title></head>
<body><h1>Einkaufswagen</h1><p>Ihr Einkaufswagen ist leer.</p></body></html>"""
PRODUCT_PAGE = """<!doctype html><html lang="de"><head><title>Amazon.de: Wasserkocher</title></head>
<body><h1 id="title">Wasserkocher, 1,7 l</h1><p>Auf Lager.</p><button>In den Einkaufswagen</button></body></html>"""


def test_an_ordinary_amazon_page_starts_nothing_but_the_background(fresh_browser: ExtensionBrowser) -> None:
    for url, body in [("https://www.amazon.de/dp/B000TEST00", PRODUCT_PAGE),
                      ("https://www.amazon.de/gp/cart/view.html", CART_PAGE)]:
        page = fresh_browser.open_page(url, body)
        page.wait_for_timeout(1_000)
        tab = fresh_browser.tab_id(page)

        assert contexts(fresh_browser) == ["BACKGROUND"]
        assert kept(fresh_browser, tab) is None
        assert badge(fresh_browser, tab)[0] == ""


def test_python_goes_away_when_idle(playwright: Playwright, tmp_path: Path) -> None:
    """The offscreen document closes itself once idle (a copy of the build with a 2 s idle time instead of 30 s)."""
    build_copy = tmp_path / "extension"
    shutil.copytree(RELEASE_BUILD, build_copy)
    client = build_copy / "lib" / "worker-client.js"
    assert "export const IDLE_MS = 30_000;" in client.read_text(), "the idle time moved; update this test"
    client.write_text(client.read_text().replace("export const IDLE_MS = 30_000;", "export const IDLE_MS = 2_000;"))
    browser = launch(playwright, build_copy, tmp_path / "profile", ServedWeb())
    try:
        page, tab = open_hold_page(browser, HOLD_PAGES[0])
        wait_until_kept(browser, tab)
        assert "OFFSCREEN_DOCUMENT" in contexts(browser)

        page.wait_for_timeout(4_000)

        assert contexts(browser) == ["BACKGROUND"]
        assert badge(browser, tab)[0] == "!"  # the answer and badge stay; only Python went away
    finally:
        browser.context.close()


def python_status(browser: ExtensionBrowser) -> dict:
    """How the background's Python started (offscreen/python-worker.js reports it)."""
    return browser.worker.evaluate("async () => chrome.runtime.sendMessage({target: 'offscreen', type: 'status'})")


def test_a_broken_snapshot_gives_the_same_answer_through_the_plain_start(
    ext: ExtensionBrowser, playwright: Playwright, tmp_path: Path
) -> None:
    case = HOLD_PAGES[0]
    page, tab = open_hold_page(ext, case)
    from_snapshot = wait_until_kept(ext, tab)["answer"]
    assert python_status(ext)["boot"]["path"] == "snapshot"
    broken = tmp_path / "extension"
    shutil.copytree(RELEASE_BUILD, broken)
    snapshot = broken / "pyodide" / build.SNAPSHOT_NAME
    data = bytearray(snapshot.read_bytes())
    data[3_000_000:3_400_000] = bytes(b ^ 0x5A for b in data[3_000_000:3_400_000])
    snapshot.write_bytes(bytes(data))
    browser = launch(playwright, broken, tmp_path / "profile", ServedWeb())
    try:
        page, tab = open_hold_page(browser, case)

        plain = wait_until_kept(browser, tab)["answer"]

        boot = python_status(browser)["boot"]
        assert boot["path"] == "plain" and boot["snapshotError"]
        assert plain == from_snapshot
        assert popup_answer(browser.open_popup(page))["situation"] == case.situation
    finally:
        browser.context.close()
