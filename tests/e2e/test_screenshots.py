"""Screenshots of the ready popup and the expanded overlay in four languages, for the README (issue 5).

Each language gets its own browser whose UI language is that language, so the popup's own labels
(_locales) and the plan (Python's texts, chosen by the page's language) are both shown as a shopper sees them.
The pictures land in docs/screenshots/; the assertions check what the pictures are meant to show.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Playwright

from tests.e2e.browser import RELEASE_BUILD, ExtensionBrowser, ServedWeb, launch, popup_answer
from tests.golden_cases import browser_pages

UI_LANGUAGES = {"en": "en-US", "de": "de", "ja": "ja", "ar": "ar"}
RIGHT_TO_LEFT = {"ar"}


@pytest.fixture(params=list(UI_LANGUAGES))
def localized(
    request: pytest.FixtureRequest, playwright: Playwright, tmp_path: Path
) -> Iterator[tuple[str, ExtensionBrowser]]:
    language = request.param
    browser = launch(playwright, RELEASE_BUILD, tmp_path / "profile", ServedWeb(), ui_language=UI_LANGUAGES[language])
    yield language, browser
    browser.context.close()


def test_popup_and_overlay_screenshots(localized: tuple[str, ExtensionBrowser], screenshot) -> None:
    language, browser = localized
    case = next(c for c in browser_pages(phishing=False) if c.language == language and c.situation != "none")
    page = browser.open_page(case.url, case.document.read_text(encoding="utf-8"))
    popup = browser.open_popup(page)
    popup.set_viewport_size({"width": 420, "height": 900})
    assert popup_answer(popup)["situation"] == case.situation

    plan = popup.locator("#plan")
    assert plan.get_attribute("lang") == language
    assert popup.evaluate("() => document.documentElement.lang").split("-")[0] == language
    host = page.locator("#hold-guide-overlay")
    host.wait_for(state="attached")
    assert host.get_attribute("lang") == language
    assert host.get_attribute("dir") == ("rtl" if language in RIGHT_TO_LEFT else "ltr")

    screenshot(popup, f"popup-{language}")
    page.bring_to_front()
    screenshot(page, f"overlay-{language}")
