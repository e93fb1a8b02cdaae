"""When Python cannot start, the popup says so instead of spinning forever (issue 2).

Chromium blocks the wasm compile of an extension page whose CSP lacks 'wasm-unsafe-eval', and
loadPyodide() then hangs without rejecting (../shared/notes/platform-facts.md). This test builds exactly that
broken copy of dist/extension/ (CSP without it, and the bridge's 30 s guard shortened so the test is quick) and
checks the guard turns the hang into the error state with the popup's own message.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Playwright

from tests.e2e.browser import RELEASE_BUILD, ExtensionBrowser, ServedWeb, launch, popup_answer
from tests.golden_cases import browser_pages

BRIDGE_TIMEOUT = "const BOOT_TIMEOUT_MS = 30_000;"


@pytest.fixture
def broken_build(playwright: Playwright, tmp_path: Path) -> Iterator[ExtensionBrowser]:
    build = tmp_path / "extension"
    shutil.copytree(RELEASE_BUILD, build)
    manifest = json.loads((build / "manifest.json").read_text())
    manifest["content_security_policy"]["extension_pages"] = "script-src 'self'; object-src 'self'"
    (build / "manifest.json").write_text(json.dumps(manifest))
    bridge = build / "lib" / "py-bridge.js"
    assert BRIDGE_TIMEOUT in bridge.read_text(), "the bridge's boot guard moved; update this test"
    bridge.write_text(bridge.read_text().replace(BRIDGE_TIMEOUT, "const BOOT_TIMEOUT_MS = 4_000;"))
    browser = launch(playwright, build, tmp_path / "profile", ServedWeb())
    yield browser
    browser.context.close()


def test_a_blocked_wasm_compile_ends_in_a_clear_error(broken_build: ExtensionBrowser) -> None:
    case = next(c for c in browser_pages(phishing=False) if c.situation != "none")
    page = broken_build.open_page(case.url, case.document.read_text(encoding="utf-8"))
    popup = broken_build.open_popup(page)

    assert popup_answer(popup)["state"] == "error"
    english = json.loads((RELEASE_BUILD / "_locales" / "en" / "messages.json").read_text())
    assert popup.locator("#status-text").inner_text() == english["errorBoot"]["message"]
    assert popup.locator("#status").is_visible()
