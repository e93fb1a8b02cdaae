"""The shipped manifest: one file for both browsers, least privilege, no remote code."""

from __future__ import annotations

import json
from pathlib import Path

from holdguide.marketplaces import all_marketplaces

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = json.loads((ROOT / "manifest.json").read_text())


def test_host_access_is_exactly_the_marketplace_domains_from_the_data() -> None:
    expected = sorted(f"https://*.{m.domain}/*" for m in all_marketplaces())
    assert MANIFEST["host_permissions"] == expected


def test_permissions_are_least_privilege() -> None:
    assert sorted(MANIFEST["permissions"]) == ["activeTab", "scripting", "storage"]
    assert "<all_urls>" not in json.dumps(MANIFEST)


def test_csp_allows_wasm_but_no_eval_and_no_remote_script() -> None:
    policy = MANIFEST["content_security_policy"]["extension_pages"]
    assert policy == "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'"


def test_one_manifest_serves_chrome_and_firefox() -> None:
    background = MANIFEST["background"]
    assert background["service_worker"] in background["scripts"]
    gecko = MANIFEST["browser_specific_settings"]["gecko"]
    assert gecko["id"] and gecko["data_collection_permissions"] == {"required": ["none"]}
    assert float(gecko["strict_min_version"]) >= 142.0


def test_every_file_the_manifest_names_exists() -> None:
    named = [MANIFEST["action"]["default_popup"], MANIFEST["background"]["service_worker"],
             *MANIFEST["icons"].values()]
    assert [name for name in named if not (ROOT / "extension" / name).exists()] == []


def test_no_extension_file_loads_code_from_the_network() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "extension").rglob("*")
        if path.suffix in {".js", ".html", ".css"} and ("http://" in path.read_text() or "//cdn" in path.read_text())
    ]
    assert offenders == []
