"""The overlay as a step-by-step companion on the Amazon page, and the case log behind it (issue 5).

Real pages from tests/golden/, the real extension, real Pyodide; the shopper's keyboard is Playwright's. The release
overlay's shadow root is closed, so Playwright's locators cannot reach inside it; these tests use the test build,
which opens it when the test marks the page (tests/e2e/browser.py, open_overlay_root). tests/e2e/test_hostile_pages.py
checks the closed root of both builds against a hostile page.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import Locator, Page

from holdguide.guidance.texts import load
from tests.e2e.browser import ExtensionBrowser, open_overlay_root, popup_answer, shadow_text
from tests.golden_cases import Case, browser_pages

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def hold_page(language: str = "en") -> Case:
    """A real hold page whose plan has several steps (any situation but a warning, which has two)."""
    return next(
        c for c in browser_pages(phishing=False)
        if c.language == language and c.situation not in {"none", "account-warning"}
    )


def overlay(page: Page) -> Locator:
    return page.locator("#hold-guide-overlay")


def open_with_overlay(ext: ExtensionBrowser, case: Case) -> tuple[Page, Page]:
    page = ext.open_page(case.url, case.document.read_text(encoding="utf-8"))
    open_overlay_root(page)
    popup = ext.open_popup(page)
    assert popup_answer(popup)["situation"] == case.situation
    overlay(page).wait_for(state="attached")
    page.bring_to_front()
    return page, popup


def progress(page: Page) -> str:
    return overlay(page).locator(".progress").inner_text()


def focused_class(page: Page) -> str:
    return page.evaluate(
        "() => document.getElementById('hold-guide-overlay').shadowRoot.activeElement?.className ?? ''"
    )


def test_the_overlay_walks_through_the_steps_by_keyboard_alone(ext_any_site: ExtensionBrowser) -> None:
    ext = ext_any_site
    page, _ = open_with_overlay(ext, hold_page())
    assert overlay(page).locator("h3").count() == 1  # one step at a time
    first_title = overlay(page).locator(".step-title").inner_text()

    # Tab from the top of the page until the focus enters the overlay (it is the last thing in the document).
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement?.id") == "hold-guide-overlay":
            break
    else:
        raise AssertionError("the overlay is not reachable with Tab")
    while "next" not in focused_class(page):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert progress(page).startswith(("Step 2", "2"))  # "Step 2 of N" in the plan's language
    assert overlay(page).locator(".step-title").inner_text() != first_title

    page.keyboard.press("Shift+Tab")  # back to "Back"
    assert "back" in focused_class(page)
    page.keyboard.press("Enter")
    assert overlay(page).locator(".step-title").inner_text() == first_title

    page.keyboard.press("Escape")  # collapses to a small tab, which keeps the focus
    assert overlay(page).locator(".panel").count() == 0
    assert "tab" in focused_class(page)
    page.keyboard.press("Enter")
    assert overlay(page).locator(".panel").is_visible()


def test_the_overlay_never_covers_amazons_own_form(ext_any_site: ExtensionBrowser) -> None:
    ext = ext_any_site
    for case in [c for c in browser_pages(phishing=False) if c.situation != "none"][:4]:
        page, _ = open_with_overlay(ext, case)
        panel = overlay(page).locator(".panel, .tab").first.bounding_box()
        for form in page.locator("form").all():
            box = form.bounding_box()
            if box and box["width"] > 0:
                overlaps = not (panel["x"] >= box["x"] + box["width"] or panel["x"] + panel["width"] <= box["x"]
                                or panel["y"] >= box["y"] + box["height"] or panel["y"] + panel["height"] <= box["y"])
                assert not overlaps, f"overlay covers a form on {case.id}"


def test_page_styles_do_not_reach_into_the_overlay(ext_any_site: ExtensionBrowser) -> None:
    ext = ext_any_site
    page, _ = open_with_overlay(ext, hold_page())
    page.add_style_tag(
        content="* { color: rgb(255, 0, 0) !important; font-size: 40px !important; }"
        " button { display: none !important; }"
    )
    title = overlay(page).locator(".step-title")
    assert title.evaluate("n => getComputedStyle(n).color") != "rgb(255, 0, 0)"
    assert overlay(page).locator("button.next").is_visible()


def test_marking_a_step_done_survives_a_reload_and_shows_in_the_case_log(ext_any_site: ExtensionBrowser) -> None:
    ext = ext_any_site
    case = hold_page()
    page, popup = open_with_overlay(ext, case)
    first_step = overlay(page).locator(".step-title").get_attribute("data-step")
    overlay(page).locator("button.done").click()
    assert overlay(page).locator(".step-title").get_attribute("data-step") != first_step  # moved on
    popup.close()

    page.reload()
    assert overlay(page).count() == 0  # a reload removes it; the popup draws it again
    open_overlay_root(page)
    popup = ext.open_popup(page)
    overlay(page).wait_for(state="attached")
    assert overlay(page).locator(".step-title").get_attribute("data-step") != first_step  # resumes after it

    popup.locator("#caselog-section summary").click()
    entry = popup.locator(f"#caselog-entries li[data-step='{first_step}']")
    entry.wait_for()
    assert entry.get_attribute("data-outcome") == "done"


def test_a_phishing_page_shows_only_the_warning_and_says_why(ext_any_site: ExtensionBrowser) -> None:
    """Issue 9: on a page that is not Amazon's, the overlay shows the danger and the safe way out in a sentence, and
    says that the popup is where the plan is; no steps, no links, nothing to log, never the shopper's details."""
    case = next(c for c in browser_pages(phishing=True) if c.situation != "none")
    page = ext_any_site.open_page(case.url, case.document.read_text(encoding="utf-8"))
    popup = ext_any_site.open_popup(page, wait=False)
    popup.locator("#details-section summary").click()
    popup.locator("input[name=email]").fill("erika.mustermann@example.org")
    popup.locator("input[name=order]").fill("302-1234567-1234567")
    popup.wait_for_selector("[data-state=ready]", state="attached")
    popup.wait_for_timeout(600)  # the re-analysis after typing
    assert popup_answer(popup)["phishing"] == "true"

    overlay(page).wait_for(state="attached")
    shown = shadow_text(page)  # closed: this page was not marked for the test hook
    assert "erika.mustermann" not in shown and "302-1234567" not in shown
    words = load(popup.locator("#plan").get_attribute("lang"))
    assert shown.startswith(popup.locator("#verdict-title").inner_text())  # the danger leads, as in the popup
    assert words["ui.untrusted"] in shown
    steps = popup.locator("#plan li.step h3").all_inner_texts()
    assert steps and not any(step in shown for step in steps)  # the steps are the popup's


def run_axe(page: Page, include: str | None = None) -> list[dict]:
    page.evaluate(AXE.read_text(encoding="utf-8") + ";0")  # evaluate bypasses the page's CSP, a script tag would not
    context = json.dumps({"include": [[include]]} if include else None)
    results = page.evaluate(f"async () => (await axe.run({context} ?? document)).violations")
    return [v for v in results if v["impact"] in {"serious", "critical"}]


def test_axe_finds_no_serious_violations_in_the_ready_popup_and_the_overlay(ext_any_site: ExtensionBrowser) -> None:
    ext = ext_any_site
    page, popup = open_with_overlay(ext, hold_page())
    for section in ("#details-section", "#paste-section", "#manual-section", "#caselog-section"):
        popup.locator(f"{section} summary").click()
    assert run_axe(popup) == []
    assert run_axe(page, "#hold-guide-overlay") == []


def luminance(css_color: str) -> float:
    red, green, blue = (int(part) for part in re.findall(r"\d+", css_color)[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


def test_the_overlay_follows_dark_mode_and_reduced_motion(ext_any_site: ExtensionBrowser) -> None:
    ext = ext_any_site
    page, _ = open_with_overlay(ext, hold_page())
    panel = overlay(page).locator(".panel")
    page.emulate_media(color_scheme="light", reduced_motion="no-preference")
    light = panel.evaluate("n => getComputedStyle(n).backgroundColor")
    assert panel.evaluate("n => getComputedStyle(n).transitionDuration") != "0s"
    page.emulate_media(color_scheme="dark", reduced_motion="reduce")
    dark = panel.evaluate("n => getComputedStyle(n).backgroundColor")
    assert luminance(dark) < 0.3 < luminance(light)
    assert panel.evaluate("n => getComputedStyle(n).transitionDuration") == "0s"


def test_the_overlay_styles_do_not_leak_into_the_page(ext: ExtensionBrowser) -> None:
    case = hold_page()
    page = ext.open_page(case.url, case.document.read_text(encoding="utf-8"))
    probe = """() => [document.body, ...document.querySelectorAll('button, a, h2, h3, ul, p')].slice(0, 40)
        .map((n) => { const s = getComputedStyle(n); return [s.font, s.color, s.background, s.padding].join('|'); })"""
    before = page.evaluate(probe)
    ext.open_popup(page)
    overlay(page).wait_for(state="attached")
    assert page.evaluate(probe) == before
