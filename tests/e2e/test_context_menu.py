""""Check with Hold Guide" in the context menu (issue 12), end to end in real Chromium with the test build.

No test can open a native context menu, so the test build's background exposes the click's own handler
(``globalThis.holdGuideTest.checkFromMenu(info, tab)``, switched on by build.py's TEST_HOOK_FILES) and each test
calls it with the OnClickData Chrome would pass for a real tab: the selection or the link, and the page's address.
The rest is real: the request goes through storage.session, the check page opens in a new tab, asks the background's
Python (Pyodide) with the popup's paste analysis (op "message") and draws the answer with the popup's renderer.
The texts are golden fixtures (real mails and SMS), picked by their labels.
"""

from __future__ import annotations

import html
import json

from playwright.sync_api import Page

from tests.e2e.browser import READY_TIMEOUT_MS, ROOT, ExtensionBrowser
from tests.golden_cases import all_cases

WEBMAIL = "https://mail.example.net/inbox/message/1"
FORUM = "https://forum.example.org/t/is-this-sms-real/42"
LOOKALIKE = "https://amazon-account-verify.com/signin?ref=mail"
HOOKS = ("state", "situation", "marketplace", "phishing", "source")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def show_in_page(ext: ExtensionBrowser, url: str, text: str) -> Page:
    """A page showing `text` as a web-mail shows a message (its line breaks kept)."""
    return ext.open_page(url, f"<!doctype html><html><body><h1>Inbox</h1><div id=mail><pre>{html.escape(text)}</pre>"
                              "</div></body></html>")


def select_message(page: Page) -> str:
    """Select the message in the page as the shopper would with the mouse; the selection's text."""
    return page.evaluate("""() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById("mail"));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      return getSelection().toString();
    }""")


def check_from_menu(ext: ExtensionBrowser, page: Page, info: dict) -> Page:
    """The context menu's click on `page` with `info` (Chrome's OnClickData); the check page it opens, settled."""
    info = {"menuItemId": "hold-guide-check", "frameId": 0, "pageUrl": page.url, **info}
    with ext.context.expect_page() as opened:
        ext.worker.evaluate(
            "async ([info, tabId]) => globalThis.holdGuideTest.checkFromMenu(info, await chrome.tabs.get(tabId))",
            [info, ext.tab_id(page)],
        )
    check = opened.value
    check.wait_for_selector("#check[data-state=ready], #check[data-state=error]", state="attached",
                            timeout=READY_TIMEOUT_MS)
    return check


def hooks(check: Page) -> dict[str, str | None]:
    element = check.locator("[data-state]")
    assert element.count() == 1  # the page's one data-state element (as the popup's contract)
    assert element.get_attribute("id") == "check"
    return {name: element.get_attribute(f"data-{name}") for name in HOOKS}


def message_case(*, phishing: bool, with_link: bool = False):
    return next(
        c for c in all_cases()
        if not c.is_page and c.phishing == phishing and c.situation != "none" and not c.known_miss
        and (c.language == "en") and (not with_link or "http" in c.document.read_text(encoding="utf-8"))
    )


def test_the_menu_entry_exists_in_the_test_build(ext_any_site: ExtensionBrowser) -> None:
    worker = ext_any_site.worker
    # contextMenus has no getAll; update() fails for an id the browser does not know (the negative control).
    assert worker.evaluate("() => globalThis.holdGuideTest.menuExists()") is True
    assert worker.evaluate("() => globalThis.holdGuideTest.menuExists('no-such-entry')") is False
    assert worker.evaluate("() => globalThis.holdGuideTest.menuTitle()") == "Check with Hold Guide"


def test_a_real_amazon_mail_selected_in_web_mail_gets_its_situation(ext_any_site: ExtensionBrowser) -> None:
    case = message_case(phishing=False)
    text = case.document.read_text(encoding="utf-8")
    page = show_in_page(ext_any_site, WEBMAIL, text)
    selected = select_message(page)
    # Chrome's selectionText runs the lines together; the handler reads the selection's own text (activeTab), so a
    # copied mail's From: and Subject: lines stay lines for Python.
    check = check_from_menu(ext_any_site, page, {"selectionText": " ".join(selected.split())})

    assert hooks(check) == {"state": "ready", "situation": case.situation, "marketplace": case.marketplace_domain,
                            "phishing": "false", "source": "selection"}
    assert check.locator("#checked-text").text_content() == selected
    assert check.locator("#source").inner_text() == "Found on mail.example.net"  # shown, not judged
    assert check.locator("#link-target").is_hidden()
    assert check.locator("#result li.step").count() >= 1  # the plan, drawn by the popup's renderer


def test_a_fake_sms_with_a_look_alike_link_pasted_anywhere_is_a_fake(ext_any_site: ExtensionBrowser) -> None:
    case = message_case(phishing=True, with_link=True)
    page = show_in_page(ext_any_site, FORUM, case.document.read_text(encoding="utf-8"))
    check = check_from_menu(ext_any_site, page, {"selectionText": select_message(page)})

    answer = hooks(check)
    assert (answer["state"], answer["phishing"], answer["source"]) == ("ready", "true", "selection")
    assert answer["situation"] == case.situation
    assert check.locator("#result .phishing[role=alert] li").count() >= 1  # the reasons Python found


def test_a_link_is_judged_by_its_real_target(ext_any_site: ExtensionBrowser) -> None:
    # The text shown is Amazon's own address; the href is a look-alike host. Chrome passes only the href.
    page = ext_any_site.open_page(
        WEBMAIL, f'<!doctype html><p>Please confirm: <a id=go href="{LOOKALIKE}">https://www.amazon.com/your-account</a>')
    check = check_from_menu(ext_any_site, page, {"linkUrl": LOOKALIKE})

    answer = hooks(check)
    assert (answer["state"], answer["phishing"], answer["source"]) == ("ready", "true", "link")
    assert check.locator("#link-url").text_content() == LOOKALIKE
    assert "amazon-account-verify.com" in " ".join(check.locator("#result .phishing li").all_inner_texts())


def test_a_link_to_amazon_itself_is_no_fake(ext_any_site: ExtensionBrowser) -> None:
    official = "https://www.amazon.com/gp/css/order-history"
    page = ext_any_site.open_page(WEBMAIL, f'<!doctype html><p><a href="{official}">Your orders</a>')
    check = check_from_menu(ext_any_site, page, {"linkUrl": official, "linkText": "Your orders"})

    assert hooks(check) == {"state": "ready", "situation": "none", "marketplace": "", "phishing": "false",
                            "source": "link"}


def test_plain_unrelated_text_is_no_hold(ext_any_site: ExtensionBrowser) -> None:
    page = ext_any_site.open_page(FORUM, "<!doctype html><p>Lunch at noon? Bring the slides for Thursday.")
    # Nothing selected in the page any more (or a frame we cannot read): the browser's selectionText is used.
    check = check_from_menu(ext_any_site, page, {"selectionText": "Lunch at noon? Bring the slides for Thursday."})

    assert hooks(check) == {"state": "ready", "situation": "none", "marketplace": "", "phishing": "false",
                            "source": "selection"}
    assert check.locator("#result .result-title").inner_text() == "No account hold found in this text"
    assert check.locator("#result li.step").count() == 0


def test_selected_markup_is_shown_as_text_never_run(ext_any_site: ExtensionBrowser) -> None:
    markup = """<img src=x onerror="document.title='pwned'"> Your Amazon account is on hold <b>now</b>"""
    page = ext_any_site.open_page(FORUM, "<!doctype html><p>a forum post")
    check = check_from_menu(ext_any_site, page, {"selectionText": markup})

    assert hooks(check)["state"] == "ready"
    assert check.locator("#checked-text").text_content() == markup
    assert check.locator("#result img, #checked img, #result b, #checked b").count() == 0
    assert check.title() != "pwned"


def test_a_check_that_is_gone_says_so(ext_any_site: ExtensionBrowser) -> None:
    check = ext_any_site.context.new_page()
    check.goto(f"chrome-extension://{ext_any_site.extension_id}/check/check.html?check=unknown")
    check.wait_for_selector("#check[data-state=error]", state="attached", timeout=READY_TIMEOUT_MS)
    assert "no longer available" in check.locator("#status-text").inner_text()


def test_session_storage_keeps_the_last_ten_checks(ext_any_site: ExtensionBrowser) -> None:
    """README, Privacy: a check is kept under check:<id> in session storage, the last 10 only."""
    page = ext_any_site.open_page(FORUM, "<!doctype html><p>a forum post")
    ids = [
        ext_any_site.worker.evaluate(
            "async ([info, tabId]) =>"
            " (await globalThis.holdGuideTest.checkFromMenu(info, await chrome.tabs.get(tabId))).id",
            [{"selectionText": f"note {n}", "pageUrl": page.url}, ext_any_site.tab_id(page)],
        )
        for n in range(12)
    ]
    kept = ext_any_site.worker.evaluate(
        "async () => Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith('check:'))")
    assert sorted(kept) == sorted(f"check:{id_}" for id_ in ids[-10:])


def test_axe_finds_no_serious_violations_on_the_check_page(ext_any_site: ExtensionBrowser) -> None:
    page = ext_any_site.open_page(WEBMAIL, f'<!doctype html><a href="{LOOKALIKE}">Verify</a>')
    check = check_from_menu(ext_any_site, page, {"linkUrl": LOOKALIKE})
    check.locator("#checked summary").click()
    for scheme in ("light", "dark"):
        check.emulate_media(color_scheme=scheme)
        check.evaluate(AXE.read_text(encoding="utf-8") + ";0")  # evaluate bypasses the page's CSP (a script tag not)
        violations = check.evaluate("async () => (await axe.run(document)).violations")
        serious = [v for v in violations if v["impact"] in {"serious", "critical"}]
        assert serious == [], json.dumps(serious)[:2000]
