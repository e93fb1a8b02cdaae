"""See Hold Guide run: one command opens a real browser with the built extension on a replica of an Amazon hold page.

    .venv/bin/python scripts/demo.py                                   # German, orders on hold, in Chromium
    .venv/bin/python scripts/demo.py --lang ja --situation security-lock --firefox
    .venv/bin/python scripts/demo.py --lang en --situation payment-verification --phishing   # a fake page
    .venv/bin/python scripts/demo.py --headless                        # print the popup's answer as JSON, exit 0/1

The replica is a golden fixture (tests/golden/<case>/page.html, chosen by its label's language and situation),
served at its real Amazon URL by request interception, as the end-to-end tests do; every other request is refused
(Playwright's route for the whole context in Chromium, which also covers the tabs a clicked link opens; in Firefox
the interception of the page, with a proxy that is not there behind it for everything else), so nothing reaches the
network and a link a person follows shows a "blocked" page. The browser starts in a fresh temporary profile:
Debian's Chromium through Playwright with ``dist/extension/`` loaded (tests/e2e/browser.py), or, with ``--firefox``,
Debian's firefox-esr over WebDriver BiDi (scripts/demo_firefox.mjs, tests/firefox/firefox.mjs). The popup for the
page's tab opens in a window of its own beside it (``popup.html?tabId=N``, the contract's way to point it at a tab),
so its answer and the overlay on the page show at once, and a person can click through both. The script ends when
the browser (or the page's tab) is closed; with ``--headless`` it prints the popup's data-state, data-situation,
data-marketplace and data-phishing and whether #hold-guide-overlay is in the page, and exits 0 when that matches the
fixture's label.

The release build is used whenever the page is on an Amazon host: it can be driven headless there, since its host
permissions let the popup read the tab without the toolbar click. A fake page (``--phishing``) or a non-Amazon
negative needs ``dist/extension-test/``, which may read every site (and lets tests open the overlay's shadow root on
request; nothing here asks): with the release build only a real click on the toolbar button (``activeTab``) grants
such a page, and a popup opened in a window never gets that grant. Firefox's popup labels stay English unless a
language pack of firefox-esr is installed (Chromium is started in the page's language).

A development tool, not part of the wheel: py/holdguide knows nothing of browsers.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from tests.golden_cases import Case, browser_pages  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Page

RELEASE_BUILD = ROOT / "dist" / "extension"
TEST_BUILD = ROOT / "dist" / "extension-test"
FIREFOX_SCRIPT = ROOT / "scripts" / "demo_firefox.mjs"
#: Overlay drawn just after the popup's answer; this bounds the wait for it.
OVERLAY_TIMEOUT_MS = 10_000
#: The popup's UI language (_locales) follows the browser's: Chromium is started in the page's language.
UI_LANGUAGES = {"en": "en-US", "pt": "pt-BR"}


def on_amazon(url: str) -> bool:
    """Whether the release manifest's host permissions (``https://*.amazon.<domain>/*``) cover ``url``."""
    manifest = json.loads((ROOT / "manifest.json").read_text(encoding="utf-8"))
    host = urlsplit(url).hostname or ""
    for pattern in manifest["host_permissions"]:
        domain = (urlsplit(pattern).hostname or "").removeprefix("*.")
        if urlsplit(url).scheme == "https" and (host == domain or host.endswith("." + domain)):
            return True
    return False


def fixtures() -> list[Case]:
    """Pages a browser can show, those on an Amazon host first (they run with the release build)."""
    return sorted(browser_pages(), key=lambda case: (not on_amazon(case.url or ""), case.id))


def available() -> str:
    """What --lang / --situation / --phishing can pick, one line per language."""
    by_language: dict[str, set[str]] = defaultdict(set)
    for case in fixtures():
        by_language[case.language or "?"].add(case.situation + (" (--phishing)" if case.phishing else ""))
    return "\n".join(
        textwrap.fill(f"{language}: {', '.join(sorted(found))}", 100, initial_indent="  ", subsequent_indent="      ",
                      break_on_hyphens=False)
        for language, found in sorted(by_language.items())
    )


def choose(language: str, situation: str, phishing: bool) -> Case:
    for case in fixtures():
        if (case.language, case.situation, case.phishing) == (language, situation, phishing):
            return case
    kind = "fake " if phishing else ""
    raise SystemExit(f"demo: no {kind}{situation} page in {language} among the golden fixtures. Available:\n"
                     f"{available()}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Open the built extension in a real browser on a replica of an Amazon hold page (no network).",
        epilog=f"replica pages (tests/golden/), by language:\n{available()}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--lang", default="de", help="the page's language (default: de)")
    parser.add_argument("--situation", default="orders-on-hold", help="the page's situation (default: orders-on-hold)")
    parser.add_argument("--phishing", action="store_true", help="a fake page imitating that situation")
    parser.add_argument("--firefox", action="store_true", help="Debian's firefox-esr instead of Chromium")
    parser.add_argument("--headless", action="store_true",
                        help="no window: print the popup's answer and the overlay's presence as JSON, exit 0/1")
    return parser.parse_args(argv)


#: Run by the extension (Chrome's service worker): the page's window on the left, the popup's window on the right of
#: the screen. The overlay docks to the right of the page and starts collapsed to a tab when the page is narrower
#: than 1200 px (content/overlay.js), so on a screen narrower than 1640 px click its tab to open it.
SIDE_BY_SIDE = """async ({tabId, url, screen}) => {
    const width = 440;
    if (!screen) return chrome.windows.create({url, type: "popup", width, height: 900});
    const tab = await chrome.tabs.get(tabId);
    await chrome.windows.update(tab.windowId, {
        state: "normal", left: screen.left, top: screen.top, width: screen.width - width, height: screen.height,
    }).catch(() => {});  // a window manager may refuse; the demo goes on with the windows where they are
    await chrome.windows.create({
        url, type: "popup", left: screen.left + screen.width - width, top: screen.top, width, height: screen.height,
    }).catch(() => chrome.windows.create({url, type: "popup", width, height: 900}));
}"""


def screen(page: Page, headless: bool) -> dict | None:
    """The screen's free area, as the page sees it; None headless (nobody looks, and its screen is tiny)."""
    if headless:
        return None
    return page.evaluate("() => ({left: screen.availLeft ?? 0, top: screen.availTop ?? 0, "
                         "width: screen.availWidth, height: screen.availHeight})")


def run_chromium(case: Case, build: Path, headless: bool) -> dict:
    """Chromium through Playwright (tests/e2e/browser.py's launch), the popup in a window beside the page."""
    # Requests from the extension's service worker are routed (refused) too, as in the tests' conftest.
    os.environ.setdefault("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    from tests.e2e.browser import ServedWeb, launch, popup_answer, wait_until_settled

    language = case.language or "en"
    with sync_playwright() as playwright, tempfile.TemporaryDirectory(prefix="hold-guide-demo-") as profile:
        # A fresh profile that does not offer to translate the replica page (its bubble would cover the overlay).
        (Path(profile) / "Default").mkdir()
        (Path(profile) / "Default" / "Preferences").write_text(json.dumps({"translate": {"enabled": False}}))
        web = ServedWeb()
        browser = launch(playwright, build, Path(profile), web, ui_language=UI_LANGUAGES.get(language, language),
                         headless=headless)
        context = browser.context
        page = context.pages[0] if context.pages else context.new_page()
        web.serve(case.url or "", case.document.read_text(encoding="utf-8"))
        page.goto(case.url or "")
        tab_id = browser.tab_id(page)
        popup_url = f"chrome-extension://{browser.extension_id}/popup/popup.html?tabId={tab_id}"
        with context.expect_page(lambda opened: opened.url == popup_url) as opened:
            # The extension itself opens the window (chrome.windows needs no permission); Playwright adopts it.
            browser.worker.evaluate(SIDE_BY_SIDE, {"tabId": tab_id, "url": popup_url, "screen": screen(page, headless)})
        popup = opened.value
        wait_until_settled(popup)
        answer = popup_answer(popup)
        overlay = page.locator("#hold-guide-overlay[data-situation]")
        if answer["state"] == "ready" and answer["situation"] != "none":
            with contextlib.suppress(PlaywrightTimeout):  # then reported as overlay: false
                overlay.first.wait_for(state="attached", timeout=OVERLAY_TIMEOUT_MS)
        result = {**answer, "overlay": overlay.count() > 0, "refused": list(web.refused)}
        report(case, build, "chromium", result)
        if not headless:
            print("demo: Chromium stays open; close it (or the page's tab) to end.", file=sys.stderr)
            page.wait_for_event("close", timeout=0)
        with contextlib.suppress(Exception):  # already gone with the window the person closed
            context.close()
        return result


def run_firefox(case: Case, build: Path, headless: bool) -> dict:
    """firefox-esr over WebDriver BiDi (scripts/demo_firefox.mjs), which prints `ANSWER {json}` once ready."""
    from tests.e2e.browser import firefox_binary

    with tempfile.TemporaryDirectory(prefix="hold-guide-demo-firefox-") as profile:
        call = {"firefox": firefox_binary(), "extension": str(build), "profile": profile, "url": case.url,
                "html": str(case.document), "headless": headless}
        node = subprocess.Popen(["node", str(FIREFOX_SCRIPT), json.dumps(call)], cwd=ROOT, stdout=subprocess.PIPE,
                                text=True)
        result: dict = {}
        assert node.stdout is not None
        try:
            for line in node.stdout:  # the script prints its answer, then (with a window) waits for the person
                if line.startswith("ANSWER "):
                    result = json.loads(line.removeprefix("ANSWER "))
                    report(case, build, "firefox", result)
                else:
                    print(line, end="", file=sys.stderr)
        except BaseException:  # interrupted (Ctrl+C): take Firefox down too (puppeteer closes it on SIGTERM)
            node.terminate()
            raise
        if node.wait() != 0 and not result:
            raise SystemExit(f"demo: Firefox run failed (exit {node.returncode})")
        return result


def report(case: Case, build: Path, browser: str, result: dict) -> None:
    print(json.dumps({
        "case": case.id, "url": case.url, "browser": browser, "build": str(build.relative_to(ROOT)),
        **{key: result.get(key) for key in ("state", "situation", "marketplace", "phishing", "overlay")},
        "expected": {"situation": case.situation, "phishing": case.phishing},
        "refused": result.get("refused", []),
    }, ensure_ascii=False), flush=True)


def as_labelled(case: Case, result: dict) -> bool:
    """The popup answered what the fixture's label says, and the overlay is there exactly when there is a hold."""
    return (result.get("state") == "ready" and result.get("situation") == case.situation
            and result.get("phishing") == str(case.phishing).lower()
            and result.get("overlay") == (case.situation != "none"))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # Stopped from outside: unwind like Ctrl+C, so the browser (and Firefox's node driver) goes too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    case = choose(args.lang, args.situation, args.phishing)
    build = RELEASE_BUILD if on_amazon(case.url or "") else TEST_BUILD
    if not (build / "manifest.json").exists():
        raise SystemExit(f"demo: {build.relative_to(ROOT)} is missing; run `.venv/bin/python build.py`")
    if not args.headless and sys.platform == "linux" and not (os.environ.get("DISPLAY")
                                                              or os.environ.get("WAYLAND_DISPLAY")):
        # Said plainly here rather than as the browser's own start-up failure, a page of log further down.
        raise SystemExit("demo: no display to open a window on; run it in a desktop session, under `xvfb-run`, "
                         "or with --headless")
    if build == TEST_BUILD:
        print(f"demo: {case.url} is not on Amazon: using the test build (reads every site; see --help)",
              file=sys.stderr)
    result = (run_firefox if args.firefox else run_chromium)(case, build, args.headless)
    return 0 if as_labelled(case, result) or not args.headless else 1


if __name__ == "__main__":
    sys.exit(main())
