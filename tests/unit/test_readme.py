"""The README stays true: its pictures exist, its two commands are the ones CI runs, and its privacy and permissions
sections say what the manifest and the code do (issue 9)."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_picture_the_readme_shows_exists() -> None:
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README)
    assert pictures
    assert [path for path in pictures if not (ROOT / path).is_file()] == []


def test_the_two_commands_of_the_readme_are_what_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    for command in ("bash setup.sh", ".venv/bin/pytest"):
        assert f"\n{command}" in README and command in ci


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end]


def test_every_permission_the_manifest_asks_for_is_justified_in_the_readme() -> None:
    manifest = json.loads((ROOT / "manifest.json").read_text())
    section = _section("Permissions")
    missing = [name for name in manifest["permissions"] if f"| `{name}` |" not in section]
    assert missing == []
    # The host permissions are Amazon's marketplace domains only, as the section says.
    assert "`https://*.amazon.<domain>/*`" in section
    assert all(re.fullmatch(r"https://\*\.amazon\.[a-z.]+/\*", host) for host in manifest["host_permissions"])
    assert "optional" in section  # whether they could be optional, and why not


def test_the_privacy_section_states_what_the_code_does() -> None:
    section = _section("Privacy")
    policy = json.loads((ROOT / "manifest.json").read_text())["content_security_policy"]["extension_pages"]
    for directive in ("default-src 'self'", "connect-src 'self'"):
        assert directive in policy and directive in section.replace("\n", " ")
    store = (ROOT / "extension" / "lib" / "case-store.js").read_text()
    (days,) = re.findall(r"const MAX_AGE_DAYS = (\d+);", store)
    assert f"each entry {days} days after its date" in section
    assert 'const PREFIX = "case:";' in store and "`case:amazon.de`" in section  # one log per site, no e-mail
