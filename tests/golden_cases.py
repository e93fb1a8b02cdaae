"""The golden fixture folders (tests/golden/<case>/), read once for every test that needs real pages.

Each folder holds ``page.html`` or ``message.txt`` and ``expected.json`` (its label and its source). The
browser tests pick their pages from here by what the label says, never by a hard-coded case name, so a new
fixture is picked up without touching a test.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

GOLDEN = Path(__file__).resolve().parent / "golden"


@dataclass(frozen=True)
class Case:
    id: str
    folder: Path
    expected: dict[str, Any]

    @property
    def document(self) -> Path:
        return next(p for p in (self.folder / "page.html", self.folder / "message.txt") if p.exists())

    @property
    def is_page(self) -> bool:
        return self.document.name == "page.html"

    @property
    def url(self) -> str | None:
        return self.expected.get("url")

    @property
    def host(self) -> str:
        return urlsplit(self.url or "").hostname or ""

    @property
    def marketplace_domain(self) -> str | None:
        return self.expected.get("marketplace")

    @property
    def situation(self) -> str:
        return self.expected["situation"]

    @property
    def language(self) -> str | None:
        return self.expected.get("language")

    @property
    def phishing(self) -> bool:
        return bool(self.expected.get("phishing"))

    @property
    def known_miss(self) -> str | None:
        return self.expected.get("xfail")


@cache
def all_cases() -> tuple[Case, ...]:
    return tuple(
        Case(folder.name, folder, json.loads((folder / "expected.json").read_text(encoding="utf-8")))
        for folder in sorted(GOLDEN.iterdir())
        if (folder / "expected.json").exists()
    )


def browser_pages(*, phishing: bool | None = None) -> list[Case]:
    """Cases a browser can show: HTML pages with an https URL, not known misses."""
    return [
        case
        for case in all_cases()
        if case.is_page and (case.url or "").startswith("https://") and not case.known_miss
        and (phishing is None or case.phishing == phishing)
    ]


def first(cases: list[Case], **wanted: Any) -> Case:
    """The first case whose attributes have the wanted values (e.g. situation="security-lock", language="de")."""
    for case in cases:
        if all(getattr(case, key) == value for key, value in wanted.items()):
            return case
    raise LookupError(f"no golden page with {wanted}; add a real fixture for it")
