"""The shipped manifest: one file for both browsers, least privilege, no remote code."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import build
from holdguide.marketplaces import all_marketplaces

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = json.loads((ROOT / "manifest.json").read_text())


def test_host_access_is_exactly_the_marketplace_domains_from_the_data() -> None:
    expected = sorted(f"https://*.{m.domain}/*" for m in all_marketplaces())
    assert MANIFEST["host_permissions"] == expected


def test_permissions_are_least_privilege() -> None:
    # offscreen: Chrome's document for the background's Python Worker (Firefox ignores it with a linter warning).
    # contextMenus: "Check with Hold Guide" on a selection or a link; its click grants activeTab for that tab only.
    # alarms: the follow-up reminders (issue 12); Firefox refuses it as optional, and it shows no install warning.
    assert sorted(MANIFEST["permissions"]) == ["activeTab", "alarms", "contextMenus", "offscreen", "scripting",
                                               "storage"]
    assert "<all_urls>" not in json.dumps(MANIFEST)


def test_notifications_are_asked_for_only_when_the_shopper_switches_reminders_on() -> None:
    """Issue 12: `notifications` is optional (the options page's switch requests it, a user gesture); the options
    page opens in a tab."""
    assert MANIFEST["optional_permissions"] == ["notifications"]
    assert "notifications" not in MANIFEST["permissions"]
    assert MANIFEST["options_ui"] == {"page": "options/options.html", "open_in_tab": True}


def test_the_content_script_only_announces_and_its_match_list_is_built_from_the_data() -> None:
    (script,) = MANIFEST["content_scripts"]
    assert script["js"] == ["content/announce.js"] and script["matches"] == []  # build.py fills the list
    built = json.loads((ROOT / "dist" / "extension" / "manifest.json").read_text())["content_scripts"][0]["matches"]
    assert built == build.account_page_patterns() and built


def test_background_analysis_asks_for_no_host_beyond_the_host_permissions() -> None:
    granted = [pattern.removeprefix("https://*.").removesuffix("/*") for pattern in MANIFEST["host_permissions"]]
    for page in build.account_page_patterns():
        host = urlsplit(page).hostname or ""
        assert page.startswith("https://") and any(host.endswith(f".{domain}") for domain in granted), page


def test_account_pages_cite_their_sources() -> None:
    pages = tomllib.loads((ROOT / "py" / "holdguide" / "data" / "account_pages.toml").read_text())["page"]
    assert pages and all(page["source"].strip() and page["what"].strip() for page in pages)
    assert all(page["path"].startswith("/") for page in pages)


def test_csp_allows_wasm_but_no_eval_and_nothing_but_the_extensions_own_files() -> None:
    """Issue 9: every fetch, image, style and frame of our pages comes from the extension itself; Pyodide fetches its
    own files from there too (the browser tests boot it in the popup, the offscreen document and its Worker)."""
    policy = MANIFEST["content_security_policy"]["extension_pages"]
    directives = {name: values for name, *values in (part.split() for part in policy.split(";"))}
    assert directives == {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'"],
        "object-src": ["'none'"],
        "connect-src": ["'self'"],
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
    }


def test_one_manifest_serves_chrome_and_firefox() -> None:
    background = MANIFEST["background"]
    assert background["service_worker"] in background["scripts"]
    gecko = MANIFEST["browser_specific_settings"]["gecko"]
    assert gecko["id"] and gecko["data_collection_permissions"] == {"required": ["none"]}
    assert float(gecko["strict_min_version"]) >= 142.0


def test_every_file_the_manifest_names_exists() -> None:
    named = [MANIFEST["action"]["default_popup"], MANIFEST["background"]["service_worker"],
             *MANIFEST["icons"].values(), *MANIFEST["content_scripts"][0]["js"], MANIFEST["options_ui"]["page"]]
    assert [name for name in named if not (ROOT / "extension" / name).exists()] == []


def test_no_extension_file_loads_code_from_the_network() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "extension").rglob("*")
        if path.suffix in {".js", ".html", ".css"} and ("http://" in path.read_text() or "//cdn" in path.read_text())
    ]
    assert offenders == []
