"""Everything inside a plan and the case log comes from Python in the plan's language (issue 11).

The browser's UI language here is English, the plan's is chosen as French: the popup's chrome stays English
(_locales), while the plan's title, section headings, the situation's name, the overlay's step counter and every
word of the case-log panel are Python's French, tagged lang="fr". Real pages from tests/golden/, the real extension.
"""

from __future__ import annotations

from holdguide.guidance.caselog import labels
from holdguide.guidance.texts import load
from tests.e2e.browser import ExtensionBrowser, open_overlay_root, popup_answer
from tests.golden_cases import browser_pages, first

FRENCH = load("fr")


def test_an_orders_on_hold_page_gets_the_locked_plan_starting_with_the_password_reset(
    ext_any_site: ExtensionBrowser,
) -> None:
    ext = ext_any_site  # the test build, whose overlay root opens for a test (the release's is closed)
    case = first(browser_pages(phishing=False), situation="orders-on-hold", language="en")
    page = ext.open_page(case.url, case.document.read_text(encoding="utf-8"))
    open_overlay_root(page)
    popup = ext.open_popup(page)
    assert popup_answer(popup)["situation"] == "orders-on-hold"
    english = load("en")
    assert popup.locator("#plan-title").inner_text() == english["titles.orders-on-hold"]
    assert popup.locator("#plan li.step").first.get_attribute("data-step") == "follow-prompts"
    assert popup.locator("#plan .plan-intro").inner_text() == english["intro.lock"]

    overlay = page.locator("#hold-guide-overlay")
    overlay.wait_for(state="attached")
    total = popup.locator("#plan li.step").count()
    counter = english["ui.step_of"].replace("{n}", "1").replace("{total}", str(total))
    assert overlay.locator(".progress").inner_text() == counter  # Python's counter, not the overlay's own


def test_the_plan_and_the_case_log_speak_the_plans_language_and_the_chrome_the_browsers(ext: ExtensionBrowser) -> None:
    case = first(browser_pages(phishing=False), situation="security-lock", language="de")
    page = ext.open_page(case.url, case.document.read_text(encoding="utf-8"))
    popup = ext.open_popup(page)
    popup.locator("#plan-language").select_option("fr")
    popup.wait_for_selector("#plan[lang=fr]")

    assert popup.locator("#verdict-title").inner_text() == FRENCH["situations.security-lock"]
    assert popup.locator("#verdict-title").get_attribute("lang") == "fr"
    headings = popup.locator("#plan .plan-extras h3").all_inner_texts()
    assert FRENCH["headings.prepare"] in headings and FRENCH["headings.avoid"] in headings
    assert FRENCH["headings.reasons"] in headings
    assert popup.locator("[data-i18n=caseLogTitle]").inner_text() == "Case log: what you have tried"  # chrome

    popup.locator("#caselog-section summary").click()
    words = labels("fr")
    popup.wait_for_selector("#caselog[lang=fr]")
    options = popup.locator("#caselog-add select[name=channel] option").all_inner_texts()
    assert options == list(words["channels"].values())
    assert popup.locator("#caselog-add button[type=submit]").inner_text() == words["texts"]["add"]
    assert popup.locator("#caselog-view .muted").inner_text() == words["texts"]["empty"]


def test_the_manual_choice_names_situations_in_the_browsers_language(ext: ExtensionBrowser) -> None:
    case = first(browser_pages(phishing=False), situation="none")
    page = ext.open_page(case.url, case.document.read_text(encoding="utf-8"))
    popup = ext.open_popup(page)
    popup.locator("#manual-section summary").click()
    names = popup.locator("#manual-situation option").all_inner_texts()
    assert load("en")["situations.orders-on-hold"] in names
