"""The README stays true: its pictures exist, and its two commands are the ones CI runs."""

from __future__ import annotations

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
