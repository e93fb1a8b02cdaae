"""The shopper's details prefill the e-mails (issue 4), and the case log says when to follow up (issue 5)."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import unquote

from tests.e2e.browser import ExtensionBrowser, open_overlay_root, popup_answer
from tests.golden_cases import browser_pages

ORDER = "302-1234567-1234567"


def cs_reply_href(popup) -> str:
    return popup.locator("#plan li[data-kind=email] a").first.get_attribute("href")


def email_subject(popup) -> str:
    return unquote(cs_reply_href(popup).split("subject=", 1)[1].split("&", 1)[0])


def test_an_order_number_typed_in_the_popup_lands_in_the_email_and_the_overlay_shows_the_same_steps(
    ext_any_site: ExtensionBrowser,
) -> None:
    ext = ext_any_site  # the test build, whose overlay root opens for a test (the release's is closed)
    case = next(c for c in browser_pages(phishing=False) if c.situation == "security-lock" and c.language == "de")
    page = ext.open_page(case.url, case.document.read_text(encoding="utf-8"))
    open_overlay_root(page)
    popup = ext.open_popup(page)
    before = cs_reply_href(popup)
    assert before.startswith("mailto:cs-reply@amazon.de?") and ORDER not in unquote(before)

    popup.locator("#details-section summary").click()
    popup.locator("input[name=email]").fill("erika.mustermann@example.org")
    popup.locator("input[name=order]").fill(ORDER)
    popup.wait_for_function(f"() => decodeURIComponent(document.querySelector('#plan li[data-kind=email] a').href)"
                            f".includes('{ORDER}')")
    after = unquote(cs_reply_href(popup))
    assert ORDER in after and "erika.mustermann@example.org" in after
    x_post = popup.locator("#plan li[data-kind=x-post] a").first.get_attribute("href")
    assert ORDER not in unquote(x_post) and "erika" not in unquote(x_post)  # never in public

    popup_steps = popup.locator("#plan li.step").evaluate_all("nodes => nodes.map((n) => n.dataset.step)")
    overlay = page.locator("#hold-guide-overlay")
    overlay.wait_for(state="attached")
    overlay_steps = []
    for _ in popup_steps:
        overlay_steps.append(overlay.locator(".step-title").get_attribute("data-step"))
        overlay.locator("button.next").click() if overlay.locator("button.next").is_enabled() else None
    assert overlay_steps == popup_steps


def test_the_follow_up_date_for_an_email_skips_the_weekend(ext: ExtensionBrowser) -> None:
    case = next(c for c in browser_pages(phishing=False) if c.marketplace_domain == "amazon.de")
    page = ext.open_page(case.url, case.document.read_text(encoding="utf-8"))
    popup = ext.context.new_page()
    popup.clock.set_fixed_time(datetime(2026, 11, 26, 10, 0))  # a Thursday
    popup.goto(f"chrome-extension://{ext.extension_id}/popup/popup.html?tabId={ext.tab_id(page)}")
    popup.wait_for_selector("[data-state=ready]", state="attached")
    assert popup_answer(popup)["marketplace"] == "amazon.de"

    popup.locator("#caselog-section summary").click()
    form = popup.locator("#caselog-add")
    form.locator("select[name=channel]").select_option("email")
    form.locator("input[name=ticket]").fill("A-1001")
    form.locator("button[type=submit]").click()
    follow_up = popup.locator("[data-follow-up]")
    follow_up.wait_for()
    # Thursday + 2 business days (Friday, Monday; Saturday and Sunday are amazon.de's weekend), then follow up.
    assert follow_up.get_attribute("data-follow-up") == "2026-12-01"
    assert popup.locator("#caselog-entries time").first.get_attribute("datetime") == "2026-11-26"


def test_the_shoppers_language_choice_wins_over_the_pages_and_reaches_the_overlay(ext: ExtensionBrowser) -> None:
    """Contract, language rule: the user's choice, else the page's language, else the marketplace's default."""
    case = next(c for c in browser_pages(phishing=False) if c.situation == "security-lock" and c.language == "de")
    page = ext.open_page(case.url, case.document.read_text(encoding="utf-8"))
    popup = ext.open_popup(page)
    assert popup.locator("#plan").get_attribute("lang") == "de"

    german_subject = email_subject(popup)
    popup.locator("#plan-language").select_option("fr")
    popup.wait_for_selector("#plan[lang=fr]")
    french_subject = email_subject(popup)
    assert french_subject != german_subject and "amazon.de" in french_subject  # French words, amazon.de's links
    assert cs_reply_href(popup).startswith("mailto:cs-reply@amazon.de?")
    page.wait_for_selector("#hold-guide-overlay[lang=fr]", state="attached")
    popup.close()

    popup = ext.open_popup(page)  # the choice is remembered
    assert popup.locator("#plan").get_attribute("lang") == "fr"
    popup.locator("#plan-language").select_option("")  # back to automatic: the page's language
    popup.wait_for_selector("#plan[lang=de]")
