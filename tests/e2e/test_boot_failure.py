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


@pytest.fixture
def corrupted_wasm(playwright: Playwright, tmp_path: Path) -> Iterator[tuple[ExtensionBrowser, Path]]:
    """A copy of dist/extension whose pyodide.asm.wasm is cut in half (a damaged install), with the good bytes kept."""
    build = tmp_path / "extension"
    shutil.copytree(RELEASE_BUILD, build)
    wasm = build / "pyodide" / "pyodide.asm.wasm"
    good = tmp_path / "pyodide.asm.wasm.good"
    shutil.copy2(wasm, good)
    wasm.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    browser = launch(playwright, build, tmp_path / "profile", ServedWeb())
    yield browser, good
    browser.context.close()


def test_a_wasm_that_does_not_compile_fails_fast_and_the_retry_recovers(
    corrupted_wasm: tuple[ExtensionBrowser, Path],
) -> None:
    """Issue 9: Pyodide swallows the compile error and would hang until the 30 s guard; the bridge fails at once,
    the popup says so with a retry button, and the forms that need Python say that they do."""
    browser, good = corrupted_wasm
    case = next(c for c in browser_pages(phishing=False) if c.situation != "none")
    page = browser.open_page(case.url, case.document.read_text(encoding="utf-8"))
    popup = browser.open_popup(page, wait=False)
    # Well inside the bridge's 30 s guard (BOOT_TIMEOUT_MS): only failing fast gets there in time.
    popup.wait_for_selector("[data-state=error]", state="attached", timeout=15_000)

    english = json.loads((RELEASE_BUILD / "_locales" / "en" / "messages.json").read_text())
    assert popup.locator("#status-text").inner_text() == english["errorBoot"]["message"]
    for section in ("#paste-section", "#manual-section", "#caselog-section"):
        popup.locator(f"{section} summary").click()
        assert popup.locator(f"{section} .needs-engine").inner_text() == english["needsEngine"]["message"]
    assert popup.locator("#manual-run").is_disabled() and popup.locator("#paste-run").is_disabled()

    shutil.copy2(good, good.parent / "extension" / "pyodide" / "pyodide.asm.wasm")  # the damage repaired
    popup.locator("#retry").click()
    popup.wait_for_selector("[data-state=ready]", state="attached", timeout=45_000)
    assert popup_answer(popup)["situation"] == case.situation
