"""Paste a message into the popup (issue 5): the same Python analysis, in its own area, never a "genuine"."""

from __future__ import annotations

from holdguide.guidance.texts import load
from tests.e2e.browser import ExtensionBrowser, popup_answer
from tests.golden_cases import all_cases


def paste(ext: ExtensionBrowser, text: str):
    popup = ext.open_popup(None)
    popup.locator("#paste-section summary").click()
    popup.locator("#paste-text").fill(text)
    popup.locator("#paste-run").click()
    popup.locator("#paste-result[data-paste-situation]").wait_for(state="attached")
    return popup


def test_a_pasted_phishing_message_gets_the_warning_and_the_safe_way_out(ext: ExtensionBrowser) -> None:
    case = next(c for c in all_cases() if not c.is_page and c.phishing and not c.known_miss)
    popup = paste(ext, case.document.read_text(encoding="utf-8"))
    result = popup.locator("#paste-result")
    assert result.get_attribute("data-paste-phishing") == "true"
    # The danger leads (issue 9): "This message is likely a fake" in the plan's language, what it imitates second.
    language = result.locator(".result-title").get_attribute("lang")
    assert result.locator(".result-title").inner_text() == load(language)["verdict.fake-message"]
    assert result.locator(".result-imitates").count() == (1 if case.situation != "none" else 0)
    assert result.locator(".phishing[role=alert] li").count() >= 1  # the reasons found
    steps = result.locator("li.step").evaluate_all("nodes => nodes.map((n) => n.dataset.step)")
    assert steps == ["do-not-act", "open-amazon-directly", "report-phishing"]
    assert popup_answer(popup)["situation"] is None  # the page's own hooks are untouched


def test_a_pasted_message_without_fake_signs_is_not_called_genuine(ext: ExtensionBrowser) -> None:
    case = next(c for c in all_cases() if not c.is_page and not c.phishing and c.situation != "none"
                and c.language == "en" and not c.known_miss)
    popup = paste(ext, case.document.read_text(encoding="utf-8"))
    result = popup.locator("#paste-result")
    assert result.get_attribute("data-paste-phishing") == "false"
    warnings = " ".join(result.locator(".hg-warnings li").all_inner_texts())
    assert "does not prove" in warnings and "Message Center" in warnings
    assert "genuine" not in result.inner_text().lower()
