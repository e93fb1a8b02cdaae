"""Issue 9's page attacks, end to end in Chromium: the page is the adversary, and the popup is where a verdict holds.

Each attack page carries a hostile script, as the issue tried them: it looks for shadow roots to read the overlay
(the shopper's name and order number sit in its mailto links) and to rewrite its warning ("Genuine Amazon page,
safe to sign in"), forces every shadow root open by patching attachShadow, watches the DOM with a MutationObserver,
clicks the overlay's buttons to log steps as done, plants elements and globals named like the extension's objects
and a #hold-guide-overlay of its own, and hides the host with CSS. The phishing pages are the issue's (a look-alike
host with guard lines, a punycode host with seller and scam-warning lines, a web-mail page with a look-alike link);
a host that is not Amazon's needs the test build, which may read any site. What the overlay shows is read through
DevTools' DOM domain (browser.shadow_text), which pierces closed roots where no page script can.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page

from holdguide.guidance.plan import situation_label
from holdguide.guidance.texts import load, text
from tests.e2e.browser import (
    OUR_OVERLAY,
    RELEASE_BUILD,
    ExtensionBrowser,
    open_overlay_root,
    popup_answer,
    shadow_text,
)
from tests.golden_cases import Case, browser_pages, first

ENGLISH = load("en")
UI = json.loads((RELEASE_BUILD / "_locales" / "en" / "messages.json").read_text(encoding="utf-8"))
FAKE_CLAIM = "Genuine Amazon page, safe to sign in"
ORDER = "302-1234567-7654321"
EMAIL = "erika.mustermann@example.org"

#: The hostile page script. It never stops trying: on every DOM change and every 50 ms.
HOSTILE_SCRIPT = f"""<script>
  window.__seen = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {{ return attach.call(this, {{ ...init, mode: "open" }}); }};
  function attack() {{
    for (const element of document.querySelectorAll("*")) {{
      const root = element.shadowRoot;
      if (!root) continue;
      window.__seen.push(root.textContent, ...[...root.querySelectorAll("a")].map((a) => a.href));
      for (const node of root.querySelectorAll(".warning, h2, .untrusted-note")) {{
        if (node.textContent !== "{FAKE_CLAIM}") node.textContent = "{FAKE_CLAIM}";
      }}
      for (const button of root.querySelectorAll("button.done, button.failed, button.next")) {{
        button.click();
        button.dispatchEvent(new MouseEvent("click", {{ bubbles: true, composed: true }}));
      }}
    }}
    for (const host of document.querySelectorAll("#hold-guide-overlay")) {{
      try {{ host.attachShadow({{ mode: "open" }}); }} catch {{}}
      if (host.textContent !== "{FAKE_CLAIM}") host.textContent = "{FAKE_CLAIM}";
    }}
  }}
  new MutationObserver(attack).observe(document.documentElement, {{ childList: true, subtree: true }});
  setInterval(attack, 50);
</script>
<style>#hold-guide-overlay {{ display: none !important; opacity: 0 !important; }}</style>"""

#: Elements whose ids name the extension's objects (DOM clobbering makes them properties of `window`, in the content
#: script's world too; `browser` is not Chrome's API there), a fake #hold-guide-overlay, and page globals.
PLANTED = """<div id="HoldGuideOverlay"></div><div id="HoldGuideCases"></div><div id="HoldGuideRender"></div>
<div id="browser"></div><form id="chrome"><input name="storage"></form>
<div id="hold-guide-overlay">planted by the page</div>
<script>window.HoldGuideOverlay = { show: () => Promise.resolve() }; window.HoldGuideCases = {};</script>"""

LOCKED = ("<h1>Your Amazon account has been locked</h1><p>Your Amazon account has been locked and your orders are on "
          "hold.</p><p>Sign in to verify your payment information.</p><form action='/signin'><label>Email <input "
          "name='email' type='email'></label><label>Password <input name='password' type='password'></label>"
          "<button>Continue</button></form>")

#: Issue 9's phishing pages: the guard lines that once switched the guard off, and a web-mail look-alike link.
ATTACK_PAGES = {
    "lookalike-host-with-guard-lines": ("https://amazon-support.help/ap/signin", "page",
                                        LOCKED + "<p>Was this information helpful?</p>"),
    "punycode-host-with-seller-and-scam-lines": (
        "https://www.xn--mazon-3ve.de/ap/signin", "page",
        LOCKED + "<p>Seller Central</p><p>Fraudsters may imitate Amazon. Never share your password.</p>"),
    "webmail-with-a-lookalike-link": (
        "https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJ", "message",
        "<nav><a href='https://mail.google.com/mail/u/0/#inbox'>Inbox</a> <a href='https://accounts.google.com/'>"
        "Google Account</a></nav><h2>Your Amazon account has been locked</h2><p>Dear customer,</p><p>Your Amazon "
        "account has been locked and your orders are on hold because we could not verify your payment information."
        "</p><p>To restore access, verify your account: <a href='https://www.google.com/url?q=https://amazon-konto-"
        "sicherheit.com/verify&amp;sa=D'>Verify now</a></p><p>Amazon Customer Service</p>"),
}


def page_html(body: str, *extra: str, lang: str = "en") -> str:
    return f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'><title>Amazon</title>{''.join(extra)}" \
           f"</head><body>{body}</body></html>"


def with_script(case: Case, *extra: str) -> str:
    """A real hold page from tests/golden/ with the hostile additions at the top of its <head>."""
    html = case.document.read_text(encoding="utf-8")
    return html.replace("<head>", "<head>" + "".join(extra), 1) if "<head>" in html else "".join(extra) + html


def hold_page() -> Case:
    return first(browser_pages(phishing=False), situation="security-lock", language="de", host="www.amazon.de")


def case_log(ext: ExtensionBrowser) -> dict[str, object]:
    """Every case log in the extension's storage, by key."""
    return ext.worker.evaluate(
        "async () => Object.fromEntries(Object.entries(await chrome.storage.local.get(null))"
        ".filter(([key]) => key.startsWith('case:')))")


def wait_for_our_overlay(page: Page, situation: str) -> None:
    page.locator(f"#hold-guide-overlay[data-situation='{situation}']").wait_for(state="attached")
    page.wait_for_timeout(400)  # the hostile script's turn: its MutationObserver and its 50 ms timer


# --- the release build on an official page: the page must not read, drive or stop the overlay ------------------
def test_a_page_cannot_read_the_overlay_nor_the_details_in_it(ext: ExtensionBrowser) -> None:
    case = hold_page()
    page = ext.open_page(case.url, with_script(case, HOSTILE_SCRIPT))
    popup = ext.open_popup(page)
    popup.locator("#details-section summary").click()
    popup.locator("input[name=email]").fill(EMAIL)
    popup.locator("input[name=order]").fill(ORDER)
    popup.wait_for_function(f"() => decodeURIComponent(document.querySelector('#plan li[data-kind=email] a').href)"
                            f".includes('{ORDER}')")  # the details are in the plan the overlay draws
    wait_for_our_overlay(page, case.situation)
    page.wait_for_timeout(600)  # the overlay redrawn with the details

    ours = page.locator(f"#hold-guide-overlay[data-situation='{case.situation}']")
    assert ours.evaluate("host => host.shadowRoot") is None  # closed, though the page patched attachShadow
    assert page.evaluate("() => window.__seen") == []  # the page found no shadow root to read at all
    shown = shadow_text(page)
    assert popup.locator("#plan li.step h3").first.inner_text() in shown and FAKE_CLAIM not in shown


def test_planted_names_and_a_fake_host_do_not_stop_the_overlay(ext: ExtensionBrowser) -> None:
    case = hold_page()
    page = ext.open_page(case.url, with_script(case, PLANTED))  # the parser puts the elements first in the body
    assert page.evaluate("() => window.HoldGuideOverlay !== undefined && document.getElementById('browser') !== null")
    popup = ext.open_popup(page)
    assert popup_answer(popup)["situation"] == case.situation
    wait_for_our_overlay(page, case.situation)
    assert popup.locator("#plan li.step h3").first.inner_text() in shadow_text(page)

    popup.close()
    ext.open_popup(page)  # drawn again: a fresh host in place of ours, the page's own left alone
    page.wait_for_timeout(400)
    hosts = page.evaluate("() => [...document.querySelectorAll('#hold-guide-overlay')].map((n) => n.dataset.situation)")
    assert hosts.count(case.situation) == 1 and len(hosts) == 2  # ours, and the one the page planted


# --- the test build: a page given the overlay's open root still cannot log steps ---------------------------------
def test_a_page_cannot_log_steps_as_done_even_with_the_root_open(ext_any_site: ExtensionBrowser) -> None:
    ext = ext_any_site
    case = hold_page()
    page = ext.open_page(case.url, with_script(case, HOSTILE_SCRIPT))
    open_overlay_root(page)  # the test hook: here the page itself reaches the buttons
    popup = ext.open_popup(page)
    first_step = popup.locator("#plan li.step").first.get_attribute("data-step")
    overlay = page.locator(OUR_OVERLAY)
    overlay.wait_for(state="attached")
    page.wait_for_timeout(1_000)  # the page clicks "done", "didn't work" and "next" all the while

    assert page.evaluate("() => window.__seen.length") > 0  # it did reach the buttons
    assert case_log(ext) == {}
    assert overlay.locator(".step-title").get_attribute("data-step") == first_step  # "next" did not move it

    page.bring_to_front()
    overlay.locator("button.done").click()  # the shopper's own click counts (positive control)
    overlay.locator(".step-title").filter(has_not=page.locator(f"[data-step='{first_step}']")).wait_for()
    assert [entry["step"] for entry in case_log(ext)["case:amazon.de"]] == [first_step]


# --- the test build on phishing pages: the warning holds, the popup leads with the danger -------------------------
@pytest.mark.parametrize("attack", list(ATTACK_PAGES))
def test_the_popup_on_an_attack_page_leads_with_the_danger(ext_any_site: ExtensionBrowser, attack: str) -> None:
    url, medium, body = ATTACK_PAGES[attack]
    ext_any_site.web.serve(url.split("#")[0], page_html(body, HOSTILE_SCRIPT))  # a request carries no #fragment
    page = ext_any_site.context.new_page()
    page.goto(url)
    popup = ext_any_site.open_popup(page)

    answer = popup_answer(popup)
    assert answer["state"] == "ready" and answer["phishing"] == "true" and answer["situation"] != "none"
    assert popup.locator("#verdict-title").inner_text() == ENGLISH[f"verdict.fake-{medium}"]
    imitated = text("en", "verdict.imitates", situation=situation_label(answer["situation"], "en"))
    assert popup.locator("#verdict-imitates").inner_text() == imitated
    assert popup.locator("#phishing-box").is_visible() and popup.locator("#phishing-reasons li").count() > 0
    no_signs = ENGLISH["warnings.no-fake-signs"].split("{")[0]
    assert no_signs not in popup.locator("body").inner_text()  # never "no signs of a fake" beside a fake

    page.locator(OUR_OVERLAY).wait_for(state="attached")
    page.wait_for_timeout(600)  # the hostile script's turn
    shown = shadow_text(page, OUR_OVERLAY)  # closed: the page was not marked for the test hook
    assert shown.startswith(ENGLISH[f"verdict.fake-{medium}"]) and ENGLISH["ui.untrusted"] in shown
    assert FAKE_CLAIM not in shown and page.evaluate("() => window.__seen") == []
    style = page.locator(OUR_OVERLAY).evaluate("n => [getComputedStyle(n).display, getComputedStyle(n).opacity]")
    assert style == ["block", "1"]  # the page's CSS cannot hide the host


# --- faults: an unreadable tab, a case log of the wrong shape -----------------------------------------------------
def test_a_pdf_on_an_amazon_url_says_the_tab_cannot_be_read(ext: ExtensionBrowser) -> None:
    url = "https://www.amazon.de/gp/help/customer/konto-gesperrt.pdf"
    pdf = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
           b"3 0 obj<</Type/Page/MediaBox[0 0 200 200]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    ext.web.pages[url] = ("application/pdf", pdf)  # type: ignore[assignment]
    page = ext.context.new_page()
    page.goto(url)
    assert page.evaluate("() => document.contentType") == "application/pdf"  # Chromium's PDF viewer shows it

    popup = ext.open_popup(page)
    assert popup_answer(popup)["state"] == "error"
    assert popup.locator("#status-text").inner_text() == UI["errorRead"]["message"]


def seed(ext: ExtensionBrowser, items: dict[str, object]) -> None:
    ext.worker.evaluate("async (items) => chrome.storage.local.set(items)", items)


def test_old_case_logs_are_merged_expired_and_stripped_of_bad_entries(ext: ExtensionBrowser) -> None:
    """Keys of the old form carried the typed e-mail; they become the marketplace's log, without the entries older
    than the stated 180 days and without the entries of the wrong shape; a log of the wrong shape costs nothing."""
    today = date.today()
    recent = {"when": (today - timedelta(days=10)).isoformat(), "channel": "email", "ticket": "A-1001", "note": "",
              "step": "", "outcome": ""}
    expired = {**recent, "when": (today - timedelta(days=200)).isoformat(), "ticket": "OLD-1"}
    seed(ext, {f"case:amazon.de|{EMAIL}": [expired, None, 5, {"when": "yesterday"}, recent],
               "case:amazon.fr": {}, "case:amazon.it": [None, 5]})
    case = hold_page()
    page = ext.open_page(case.url, case.document.read_text(encoding="utf-8"))
    popup = ext.open_popup(page)
    wait_for_our_overlay(page, case.situation)  # the wrong shapes did not stop it

    assert case_log(ext) == {"case:amazon.de": [recent]}
    assert not any(EMAIL in key or "@" in key for key in case_log(ext))
    popup.locator("#caselog-section summary").click()
    popup.locator("#caselog-entries li").first.wait_for()
    entries = popup.locator("#caselog-entries li")
    assert entries.count() == 1 and "A-1001" in entries.first.inner_text()
    assert "180" in popup.locator("#caselog-hint").inner_text()


def test_a_log_of_the_wrong_shape_still_takes_new_entries_and_shows_no_null(ext: ExtensionBrowser) -> None:
    seed(ext, {"case:amazon.de": [None, 5]})
    case = hold_page()
    page = ext.open_page(case.url, case.document.read_text(encoding="utf-8"))
    popup = ext.open_popup(page)
    popup.locator("#caselog-section summary").click()
    view = popup.locator("#caselog-view")
    view.locator(".muted").wait_for()
    assert "null" not in view.inner_text()  # nothing logged, so no follow-up is due

    form = popup.locator("#caselog-add")
    form.locator("select[name=channel]").select_option("chat")
    form.locator("input[name=ticket]").fill("B-2002")
    form.locator("button[type=submit]").click()
    popup.locator("#caselog-entries li").first.wait_for()
    (log,) = case_log(ext).values()
    assert [entry["ticket"] for entry in log] == ["B-2002"]
    assert "null" not in view.inner_text()


def test_clear_my_details_clears_the_case_log_and_no_key_holds_the_email(ext: ExtensionBrowser) -> None:
    case = hold_page()
    page = ext.open_page(case.url, case.document.read_text(encoding="utf-8"))
    popup = ext.open_popup(page)
    popup.locator("#details-section summary").click()
    popup.locator("input[name=email]").fill(EMAIL)
    popup.locator("#caselog-section summary").click()
    form = popup.locator("#caselog-add")
    form.locator("input[name=ticket]").fill("C-3003")
    form.locator("button[type=submit]").click()
    popup.locator("#caselog-entries li").first.wait_for()
    keys = ext.worker.evaluate("async () => Object.keys(await chrome.storage.local.get(null))")
    assert "case:amazon.de" in keys and not any("@" in key for key in keys)

    popup.locator("#details-clear").click()
    popup.locator("#caselog-view .muted").wait_for()
    assert case_log(ext) == {}
    assert popup.locator("input[name=email]").input_value() == ""
