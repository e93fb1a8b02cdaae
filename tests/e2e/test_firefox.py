"""The release build end to end in real Firefox: the contract's "loadable as is in Chrome and Firefox".

Playwright cannot drive stock Firefox, so tests/firefox/popup_e2e.mjs drives Debian's firefox-esr over WebDriver
BiDi with puppeteer-core (npm, no browser download). This wrapper picks the same real fixtures as
test_popup_and_overlay.py (by label, from tests/golden/), runs the script and asserts on what it reports:
the extension installs, the event page analysed an Amazon account page as it loaded (the answer kept for the
tab, the badge), the popup opened with ?tabId= answers with the contract's hooks, and the page gets the overlay
(hold page) or none (normal page); Python started from the memory snapshot, or plainly when the snapshot is
broken. It also saves a screenshot of the popup in Firefox. The hold page plants elements named like the extension's
objects and a fake #hold-guide-overlay (issue 9): Firefox's content scripts see the page's DOM through other
wrappers than Chrome's, so the overlay's defence against DOM clobbering and its closed shadow root are checked here
too, with the extension pages' CSP.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import build
from tests.e2e import browser
from tests.e2e.browser import RELEASE_BUILD, ROOT, SCREENSHOTS, TEST_BUILD
from tests.golden_cases import Case, all_cases, browser_pages, first

SCRIPT = ROOT / "tests" / "firefox" / "popup_e2e.mjs"
OFFICIAL_PAGES = browser_pages(phishing=False)


def firefox_binary() -> str:
    """Debian's ``firefox-esr`` (never a downloaded browser); the test fails, with the reason, without it."""
    try:
        return browser.firefox_binary()
    except RuntimeError as missing:
        pytest.fail(str(missing))


def on_account_page(url: str) -> bool:
    """Whether the background reads this URL as it loads (the content script's match list, build.py)."""
    return any(re.fullmatch(re.escape(p).replace(r"\*", ".*"), url) for p in build.account_page_patterns())


def case_args(case: Case, *, overlay: bool, marketplace: str | None, screenshot: Path | None = None,
              plant: bool = False) -> dict:
    background = on_account_page(case.url)
    return {
        "name": case.id,
        "url": case.url,
        "html": str(case.document),
        "expected": {"situation": case.situation, "marketplace": marketplace, "phishing": False, "overlay": overlay,
                     # guidance before the click: the event page's answer for the tab, and the badge
                     "kept": case.situation if background else None,
                     "badge": "!" if background and case.situation != "none" else ""},
        **({"screenshot": str(screenshot)} if screenshot else {}),
        **({"plant": True} if plant else {}),
    }


def run_firefox(args: dict, timeout: int = 280) -> tuple[dict, str]:
    """Run tests/firefox/popup_e2e.mjs (or ``args["script"]``, another script there); its RESULT line and everything
    it printed. Fails unless the script reported no failure and exited 0."""
    if not (ROOT / "node_modules" / "puppeteer-core").exists() or not shutil.which("node"):
        pytest.fail("puppeteer-core is missing; run setup.sh (npm ci)")
    script = SCRIPT.with_name(args.pop("script")) if "script" in args else SCRIPT  # another script of tests/firefox
    run = subprocess.run(
        ["node", str(script), json.dumps({"firefox": firefox_binary(), **args})],
        capture_output=True, text=True, timeout=timeout, cwd=ROOT,
    )
    output = run.stdout + run.stderr
    result_line = next((line for line in run.stdout.splitlines() if line.startswith("RESULT ")), None)
    assert result_line, output
    result = json.loads(result_line.removeprefix("RESULT "))
    assert result["failures"] == [], output
    assert run.returncode == 0, output
    return result, output


def test_release_build_in_firefox_answers_and_draws_the_overlay(tmp_path: Path) -> None:
    if not (RELEASE_BUILD / "manifest.json").exists():
        pytest.fail(f"{RELEASE_BUILD} is missing; run `python build.py`")
    hold = first(
        [c for c in OFFICIAL_PAGES if urlsplit(c.url).path.startswith("/ap/")],
        situation="security-lock", language="de", host="www.amazon.de",
    )
    normal = first(OFFICIAL_PAGES, situation="none")
    shot = SCREENSHOTS / f"firefox-popup-{hold.language}-{hold.situation}.png"

    result, output = run_firefox({
        "extension": str(RELEASE_BUILD),
        "profile": str(tmp_path / "firefox-profile"),
        "cases": [
            case_args(hold, overlay=True, marketplace="amazon.de", screenshot=shot, plant=True),
            case_args(normal, overlay=False, marketplace=None),
        ],
        "boot": "snapshot",
    })

    for case in (hold, normal):
        assert any(check.startswith(f"{case.id}: data-situation") for check in result["checks"]), output
        assert any(check.startswith(f"{case.id}: badge") for check in result["checks"]), output
    assert any(check.startswith(f"{hold.id}: background answer kept") for check in result["checks"]), output
    assert any(check.startswith(f"{hold.id}: answer and badge gone") for check in result["checks"]), output
    assert any(check.startswith(f"{hold.id}: #hold-guide-overlay in the page") for check in result["checks"]), output
    assert any(check.startswith(f"{hold.id}: its shadow root is closed") for check in result["checks"]), output
    assert any(check.startswith(f"{hold.id}: drawn beside the planted") for check in result["checks"]), output
    assert any(check.startswith(f"{normal.id}: no overlay in the page") for check in result["checks"]), output
    assert any(check.startswith("background's Python started from: snapshot") for check in result["checks"]), output
    assert shot.stat().st_size > 0


def test_firefox_falls_back_to_the_plain_start_when_the_snapshot_is_broken(tmp_path: Path) -> None:
    broken = tmp_path / "extension"
    shutil.copytree(RELEASE_BUILD, broken)
    snapshot = broken / "pyodide" / build.SNAPSHOT_NAME
    snapshot.write_bytes(snapshot.read_bytes()[: 1 << 20])  # truncated: the restore fails
    hold = first([c for c in OFFICIAL_PAGES if on_account_page(c.url)], situation="security-lock")

    result, output = run_firefox({
        "extension": str(broken),
        "profile": str(tmp_path / "firefox-profile"),
        "cases": [case_args(hold, overlay=True, marketplace=None)],
        "boot": "plain",
    })

    assert any(check.startswith(f"{hold.id}: background answer kept") for check in result["checks"]), output
    assert any(check.startswith(f"{hold.id}: data-situation") for check in result["checks"]), output
    assert any(check.startswith("background's Python started from: plain") for check in result["checks"]), output


CONTEXT_MENU_SCRIPT = ROOT / "tests" / "firefox" / "context_menu_e2e.mjs"


def test_context_menu_check_in_firefox(tmp_path: Path) -> None:
    """"Check with Hold Guide" (issue 12) in Firefox with the test build: the event page's click handler (its test hook;
    no driver opens a native menu) stores the request and opens the check page beside the tab, which answers with
    #check's hooks. A real Amazon mail selected in a web-mail page, and a link whose real target is a look-alike."""
    if not (TEST_BUILD / "manifest.json").exists():
        pytest.fail(f"{TEST_BUILD} is missing; run `python build.py`")
    mail = next(c for c in all_cases() if not c.is_page and not c.phishing and c.situation != "none"
                and c.language == "en" and not c.known_miss)
    lookalike = "https://amazon-account-verify.com/signin?ref=mail"
    cases = [
        {"name": mail.id, "url": "https://mail.example.net/inbox/message/1",
         "html": f"<!doctype html><h1>Inbox</h1><div id=mail><pre>{html.escape(mail.document.read_text('utf-8'))}"
                 "</pre></div>",
         "select": "#mail",
         "expected": {"situation": mail.situation, "phishing": False, "source": "selection"}},
        {"name": "lookalike-link", "url": "https://mail.example.net/inbox/message/2",
         "html": f'<!doctype html><p>Please confirm: <a href="{lookalike}">https://www.amazon.com/your-account</a>',
         "info": {"linkUrl": lookalike, "linkText": "https://www.amazon.com/your-account"},
         "expected": {"situation": "none", "phishing": True, "source": "link"}},
    ]
    result, output = run_firefox({"script": CONTEXT_MENU_SCRIPT.name, "extension": str(TEST_BUILD),
                                  "profile": str(tmp_path / "firefox-profile"), "cases": cases}, timeout=240)
    for case in cases:
        for hook in ("data-situation", "data-phishing", "data-source"):
            assert any(check.startswith(f"{case['name']}: {hook}") for check in result["checks"]), output
    assert any(check.startswith("the menu entry exists") for check in result["checks"]), output
