"""The popup says what the CLI says (issue 3): one real page per situation, and a phishing page.

The popup's answer (the contract's data-* hooks) is compared with `holdguide analyze - --url URL --json` run
on the page's own visible text as Chromium rendered it (document.body.innerText), so the two paths
(content script -> Pyodide, file -> CPython) cannot drift apart unnoticed. A situation that Amazon announces
only by e-mail (a warning) is checked through the popup's "check a message" box against the CLI on the same
message file.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from holdguide.model import SITUATIONS
from tests.e2e.browser import ExtensionBrowser, popup_answer
from tests.golden_cases import Case, all_cases, browser_pages


def cli_answer(text: str, url: str) -> dict:
    run = subprocess.run(
        [sys.executable, "-m", "holdguide", "analyze", "-", "--url", url, "--json"],
        input=text, capture_output=True, text=True, check=True, timeout=60,
    )
    return json.loads(run.stdout)


def compare(browser: ExtensionBrowser, case: Case) -> None:
    page = browser.open_page(case.url, case.document.read_text(encoding="utf-8"))
    popup = browser.open_popup(page)
    shown = popup_answer(popup)
    cli = cli_answer(page.evaluate("() => document.body.innerText"), case.url)

    assert shown["state"] == "ready"
    assert (shown["situation"], shown["marketplace"] or None, shown["phishing"]) == (
        cli["situation"], cli["marketplace"], json.dumps(cli["phishing"])
    )
    assert shown["situation"] == case.situation  # and both are right


def compare_pasted(browser: ExtensionBrowser, case: Case) -> None:
    popup = browser.open_popup(None)  # no page needed: the message is pasted
    popup.locator("#paste-section summary").click()
    popup.locator("#paste-text").fill(case.document.read_text(encoding="utf-8"))
    popup.locator("#paste-run").click()
    result = popup.locator("#paste-result[data-paste-situation]")
    result.wait_for(state="attached")
    run = subprocess.run([sys.executable, "-m", "holdguide", "analyze", str(case.document), "--json"],
                         capture_output=True, text=True, check=True, timeout=60)
    cli = json.loads(run.stdout)

    shown = [result.get_attribute(f"data-paste-{name}") for name in ("situation", "marketplace", "phishing")]
    assert shown == [cli["situation"], cli["marketplace"] or "", json.dumps(cli["phishing"])]
    assert shown[0] == case.situation
    assert popup_answer(popup)["situation"] is None  # the page's hooks are untouched by a pasted message


@pytest.mark.parametrize("situation", SITUATIONS)
def test_popup_and_cli_agree_on_real_wording_of_each_situation(situation: str, ext: ExtensionBrowser) -> None:
    pages = [c for c in browser_pages(phishing=False) if c.situation == situation]
    if pages:
        compare(ext, pages[0])
    else:
        messages = [c for c in all_cases() if not c.is_page and c.situation == situation
                    and not c.phishing and not c.known_miss]
        compare_pasted(ext, messages[0])


def test_popup_and_cli_agree_on_a_phishing_page(ext_any_site: ExtensionBrowser) -> None:
    case = next(c for c in browser_pages(phishing=True) if c.situation != "none")
    compare(ext_any_site, case)
