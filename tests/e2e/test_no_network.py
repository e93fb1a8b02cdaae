"""No request leaves the browser: Pyodide, its standard library and our wheel all come from the extension.

Every request a page, the popup or the service worker makes to http(s) reaches the catch-all route of
tests/e2e/browser.py, which serves only our fixture pages and records the rest. The positive control proves
that a request started from an extension page really is seen there; without it, "nothing recorded" could simply
mean the recorder was blind. Since issue 9 the extension pages' CSP (connect-src 'self') refuses a fetch to anywhere
else before it leaves, so the control is a navigation the popup starts (as its links do when clicked), and the
refused fetch is checked as the CSP's own work.
"""

from __future__ import annotations

from tests.e2e.browser import ExtensionBrowser, popup_answer
from tests.golden_cases import browser_pages

CONTROL_URL = "https://control.invalid/positive-control"


def test_a_full_analysis_sends_no_request_anywhere(ext: ExtensionBrowser) -> None:
    case = next(c for c in browser_pages(phishing=False) if c.situation != "none")
    ext.web.refused.clear()
    page = ext.open_page(case.url, case.document.read_text(encoding="utf-8"))
    popup = ext.open_popup(page)
    assert popup_answer(popup)["state"] == "ready"
    page.locator("#hold-guide-overlay").wait_for(state="attached")
    popup.locator("#details-section summary").click()
    popup.locator("#details-form input[name=order]").fill("302-1234567-1234567")  # Python runs again
    popup.wait_for_timeout(500)

    assert ext.web.refused == []

    # The CSP refuses the popup's own fetch to another site: it never reaches the network, nor the recorder.
    violated = popup.evaluate("""url => new Promise((resolve) => {
        document.addEventListener("securitypolicyviolation", (event) => resolve(event.effectiveDirective));
        fetch(url).catch(() => null);
    })""", CONTROL_URL)
    popup.wait_for_timeout(300)
    assert violated == "connect-src" and ext.web.refused == []

    # Positive control: the same recorder does see a request the popup starts on purpose (a navigation).
    with ext.context.expect_page() as opened:
        popup.evaluate("url => window.open(url)", CONTROL_URL)
    opened.value.wait_for_timeout(300)
    assert ext.web.refused == [CONTROL_URL]
