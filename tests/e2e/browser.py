"""The real browser for end-to-end tests: Debian's Chromium with the built extension loaded.

Nothing here is mocked: the extension is ``dist/extension/`` (or the test-only ``dist/extension-test/``) as
``build.py`` wrote it, Pyodide boots for real inside it, and fixture pages are served at real Amazon URLs
through a catch-all route, which also records every request that would have left the machine.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, Playwright, Request, Route

ROOT = Path(__file__).resolve().parents[2]
RELEASE_BUILD = ROOT / "dist" / "extension"
TEST_BUILD = ROOT / "dist" / "extension-test"
SCREENSHOTS = ROOT / "docs" / "screenshots"
READY_TIMEOUT_MS = 45_000


def chromium_binary() -> str:
    """Debian's ``chromium`` (never a Playwright download: none can be fetched here)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise RuntimeError("Debian's chromium is not installed; run setup.sh")
    return found


def firefox_binary() -> str:
    """Debian's ``firefox-esr`` (never a downloaded browser)."""
    found = shutil.which("firefox-esr") or shutil.which("firefox")
    if not found:
        raise RuntimeError("Debian's firefox-esr is not installed; run setup.sh")
    return found


@dataclass
class ServedWeb:
    """Pages we serve at real URLs; any other request from a page is refused and recorded."""

    pages: dict[str, tuple[str, str]] = field(default_factory=dict)  # url -> (content type, body)
    refused: list[str] = field(default_factory=list)

    def serve(self, url: str, body: str, content_type: str = "text/html; charset=utf-8") -> str:
        self.pages[url] = (content_type, body)
        return url

    def handle(self, route: Route, request: Request) -> None:
        if not request.url.startswith(("http://", "https://", "ws://", "wss://")):
            route.continue_()  # the extension's own files (chrome-extension://), data: and blob: URLs
            return
        if request.url in self.pages:
            content_type, body = self.pages[request.url]
            route.fulfill(status=200, content_type=content_type, body=body)
            return
        self.refused.append(request.url)
        route.abort("blockedbyclient")


@dataclass
class ExtensionBrowser:
    """A persistent Chromium context with one build of the extension loaded."""

    context: BrowserContext
    extension_id: str
    web: ServedWeb

    @property
    def worker(self):
        return self.context.service_workers[0]

    def open_page(self, url: str, body: str) -> Page:
        self.web.serve(url, body)
        page = self.context.new_page()
        page.goto(url)
        return page

    def tab_id(self, page: Page) -> int:
        """Chrome's id for the tab showing ``page`` (the newest such tab, asked of the service worker)."""
        return self.worker.evaluate(
            "async (url) => Math.max(...(await chrome.tabs.query({})).filter((t) => t.url === url).map((t) => t.id))",
            page.url,
        )

    def open_popup(self, tab_page: Page | None = None, wait: bool = True) -> Page:
        """The popup as a tab, told which tab to analyse with ?tabId= (contract)."""
        query = f"?tabId={self.tab_id(tab_page)}" if tab_page else ""
        popup = self.context.new_page()
        popup.goto(f"chrome-extension://{self.extension_id}/popup/popup.html{query}")
        if wait:
            wait_until_settled(popup)
        return popup

    def clear_storage(self) -> None:
        self.worker.evaluate("async () => Promise.all([chrome.storage.local.clear(), chrome.storage.session.clear()])")


def wait_until_settled(popup: Page) -> str:
    """Wait for data-state to leave "loading"; returns the final state."""
    popup.wait_for_selector("[data-state=ready], [data-state=error]", state="attached", timeout=READY_TIMEOUT_MS)
    return popup.get_attribute("[data-state]", "data-state")


def launch(
    playwright: Playwright, build: Path, profile: Path, web: ServedWeb, ui_language: str = "en-US",
    headless: bool = True,
) -> ExtensionBrowser:
    """Chromium with ``build`` loaded; ``ui_language`` is the browser's UI language (the popup's _locales).

    ``headless=False`` opens real windows (scripts/demo.py), sized by the window manager rather than a fixed viewport.
    """
    if not (build / "manifest.json").exists():
        raise RuntimeError(f"{build} is missing; run `python build.py`")
    context = playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=chromium_binary(),
        headless=headless,
        viewport={"width": 1280, "height": 900} if headless else None,
        no_viewport=not headless,
        args=[
            f"--disable-extensions-except={build}",
            f"--load-extension={build}",
            "--no-sandbox",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            f"--lang={ui_language}",
            *(() if headless else ("--test-type",)),  # a person's window (demo.py): no infobar about --no-sandbox
        ],
        env={**os.environ, "LANGUAGE": ui_language.replace("-", "_")},
        locale=ui_language,
    )
    context.route("**/*", web.handle)
    worker = context.service_workers[0] if context.service_workers else context.wait_for_event("serviceworker")
    return ExtensionBrowser(context=context, extension_id=worker.url.split("/")[2], web=web)


#: The test build's hook (build.py switches content/overlay.js's TEST_HOOKS on there): a page whose <html> carries this
#: attribute when the overlay draws gets an open shadow root, so Playwright's locators reach inside; any other page
#: gets a closed one, as every page does with the release build.
TEST_OPEN_SHADOW = "data-hold-guide-test-open-shadow"
#: In the test build the overlay marks its own host, which a test then finds beside a #hold-guide-overlay a hostile
#: page planted.
OUR_OVERLAY = "[data-hold-guide-test-host]"


def open_overlay_root(page: Page) -> None:
    """Ask the test build's overlay for an open shadow root on this page (call it again after a reload)."""
    page.evaluate(f"() => document.documentElement.setAttribute('{TEST_OPEN_SHADOW}', '')")


def shadow_text(page: Page, host_selector: str = "#hold-guide-overlay[data-situation]") -> str:
    """The text inside the first matching host's shadow root, closed or open (DevTools' DOM domain pierces closed
    roots, which no page script can): for checking what the overlay shows where neither the page nor Playwright's
    locators may look. <style> contents are left out."""
    session = page.context.new_cdp_session(page)
    try:
        found = session.send("DOM.querySelector", {
            "nodeId": session.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"], "selector": host_selector})
        if not found["nodeId"]:
            return ""
        host = session.send("DOM.describeNode", {"nodeId": found["nodeId"], "depth": -1, "pierce": True})["node"]
        return "".join(_texts(root) for root in host.get("shadowRoots", []))
    finally:
        session.detach()


def _texts(node: dict) -> str:
    if node.get("nodeName") == "STYLE":
        return ""
    own = node.get("nodeValue", "") if node.get("nodeType") == 3 else ""
    return own + "".join(_texts(child) for child in node.get("children", []))


def popup_answer(popup: Page) -> dict[str, str | None]:
    """The contract's hooks on the popup's one data-state element."""
    element = popup.locator("[data-state]")
    return {name: element.get_attribute(f"data-{name}") for name in ("state", "situation", "marketplace", "phishing")}

