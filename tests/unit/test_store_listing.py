"""The store listing's texts (scripts/store_listing.py, issue 12): a description for every locale within the stores'
limits, a justification for every permission the manifest asks for, and the privacy statement taken from the README.
The screenshots are checked in tests/e2e/test_store_screenshots.py."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from scripts import store_listing

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = json.loads((ROOT / "manifest.json").read_text(encoding="utf-8"))
README = (ROOT / "README.md").read_text(encoding="utf-8")
LOCALES = store_listing.locales()
#: A locale whose texts must be written in its own script (Latin-only text there means "not translated").
SCRIPTS = {"ja": ("HIRAGANA", "KATAKANA", "CJK UNIFIED IDEOGRAPH"), "ar": ("ARABIC",)}


def test_the_listing_follows_the_extension_locales() -> None:
    assert len(LOCALES) == 12 and "en" in LOCALES
    assert sorted(path.stem for path in (ROOT / "store").glob("*.toml")) == LOCALES


@pytest.mark.parametrize("locale", LOCALES)
def test_every_locale_has_a_short_and_a_long_description_within_the_limits(locale: str) -> None:
    texts = store_listing.descriptions(locale)
    assert 0 < len(texts["short"]) <= 132  # Chrome's limit for the summary
    assert 0 < len(texts["long"]) <= 16_000  # the Chrome Web Store's limit for the description
    assert "\n" not in texts["short"]
    assert len(texts["long"]) > 3 * len(texts["short"])


@pytest.mark.parametrize("locale", [code for code in LOCALES if code != "en"])
def test_every_description_is_translated(locale: str) -> None:
    english = store_listing.descriptions("en")
    texts = store_listing.descriptions(locale)
    assert texts["short"] != english["short"] and texts["long"] != english["long"]
    if locale in SCRIPTS:
        letters = [unicodedata.name(c, "") for c in texts["short"] + texts["long"] if c.isalpha()]
        own = sum(name.startswith(SCRIPTS[locale]) for name in letters)
        assert own > 0.6 * len(letters)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_description_states_the_privacy_facts(locale: str) -> None:
    """What the README promises: it names Hold Guide, the escalation address and the case log's 180 days."""
    long = store_listing.descriptions(locale)["long"]
    for fact in ("Hold Guide", "cs-reply@", "@AmazonHelp", "Pyodide", "180"):
        assert fact in long


def test_a_missing_or_too_long_description_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_listing, "TEXTS", tmp_path)
    monkeypatch.setattr(store_listing, "ROOT", tmp_path)
    with pytest.raises(store_listing.ListingError, match="missing"):
        store_listing.descriptions("en")
    (tmp_path / "en.toml").write_text(f'short = "{"x" * 133}"\nlong = "y"\n', encoding="utf-8")
    with pytest.raises(store_listing.ListingError, match="133 characters, limit 132"):
        store_listing.descriptions("en")


def test_every_manifest_permission_and_host_permission_is_justified() -> None:
    justified = store_listing.justify_permissions(MANIFEST)
    assert [entry["permission"] for entry in justified["permissions"]] == MANIFEST["permissions"]
    assert all(entry["justification"] for entry in justified["permissions"])
    hosts = [host for group in justified["host_permissions"] for host in group["hosts"]]
    assert sorted(hosts) == sorted(MANIFEST["host_permissions"])
    assert [group["pattern"] for group in justified["host_permissions"]] == ["https://*.amazon.<domain>/*"]
    assert all("`" not in entry["justification"] for entry in justified["permissions"])  # plain text for the form


def test_a_permission_without_a_readme_row_fails() -> None:
    manifest = {**MANIFEST, "permissions": [*MANIFEST["permissions"], "tabs"]}
    with pytest.raises(store_listing.ListingError, match="tabs"):
        store_listing.justify_permissions(manifest)


def test_a_host_permission_outside_the_readme_groups_fails() -> None:
    manifest = {**MANIFEST, "host_permissions": [*MANIFEST["host_permissions"], "https://*.example.com/*"]}
    with pytest.raises(store_listing.ListingError, match=r"example\.com"):
        store_listing.justify_permissions(manifest)
    manifest = {**MANIFEST, "host_permissions": ["<all_urls>"]}
    with pytest.raises(store_listing.ListingError, match="<all_urls>"):
        store_listing.justify_permissions(manifest)


def test_the_privacy_statement_is_the_readme_privacy_section() -> None:
    statement = store_listing.privacy_statement()
    section = store_listing.readme_section("Privacy")
    assert len(section) > 500 and section in statement
    assert "nothing is sent anywhere" in statement
    assert "## Permissions" not in statement and "## Privacy" not in statement
    with pytest.raises(store_listing.ListingError, match="empty"):
        store_listing.privacy_statement("# x\n\n## Privacy\n\n## Permissions\n\nrows\n")


def test_the_texts_are_written_to_the_store_folder(tmp_path: Path) -> None:
    store_listing.write_texts(tmp_path, LOCALES)
    assert (tmp_path / "privacy.md").read_text(encoding="utf-8") == store_listing.privacy_statement()
    table = (tmp_path / "permissions.md").read_text(encoding="utf-8")
    assert all(f"| `{name}` |" in table for name in MANIFEST["permissions"])
    assert all(f"`{host}`" in table for host in MANIFEST["host_permissions"])
    assert json.loads((tmp_path / "permissions.json").read_text(encoding="utf-8")) == \
        store_listing.justify_permissions(MANIFEST)
    for locale in LOCALES:
        for key, text in store_listing.descriptions(locale).items():
            assert (tmp_path / locale / f"{key}.txt").read_text(encoding="utf-8") == text + "\n"
