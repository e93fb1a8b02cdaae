"""Every labelled text the detector is measured on, read one way for the tests and scripts/accuracy.py.

- the golden fixtures (``tests/golden/<case>/``): real pages and messages, some marked ``constructed``;
- the held-out rounds (``tests/heldout/round-<n>.toml``): real texts no rule was built on, each round scored
  once at first sight before any change (``first_seen``), the honest measure of generalisation;
- the translation round (``tests/translations/<lang>.toml``): real English notices, one per template, written
  in the other eleven languages as Amazon words them (``constructed``), reported apart.

A held-out or translated case is scored as plain text plus its URL (and sender), as the issue asks: the words
alone must carry them; structure is extra evidence for live pages.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

from holdguide.inputs import page_from_path
from holdguide.model import PageInput

TESTS = Path(__file__).resolve().parent
GOLDEN = TESTS / "golden"
HELDOUT = TESTS / "heldout"
TRANSLATIONS = TESTS / "translations"


@dataclass(frozen=True)
class Labelled:
    """One labelled text: where it is from, what it must answer, and the detector's input for it."""

    corpus: str  # "golden", "round-<n>", "translation-<lang>"
    id: str
    page: PageInput
    situation: str
    phishing: bool
    language: str | None
    real: bool  # False for constructed texts
    expected_failure: str | None = None


def golden() -> list[Labelled]:
    cases = []
    for folder in sorted(p for p in GOLDEN.iterdir() if (p / "expected.json").is_file()):
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        source = folder / "page.html" if (folder / "page.html").exists() else folder / "message.txt"
        cases.append(Labelled("golden", folder.name, page_from_path(source, url=expected["url"]),
                              expected["situation"], expected["phishing"], expected.get("language"),
                              expected["source"]["quality"] != "constructed", expected.get("xfail")))
    return cases


def rounds() -> list[dict]:
    """Every held-out round file, in round order: ``[{"round": {...}, "case": [...]}, ...]``."""
    found = [tomllib.loads(p.read_text(encoding="utf-8")) for p in HELDOUT.glob("round-*.toml")]
    return sorted(found, key=lambda r: r["round"]["number"])


def round_page(case: dict) -> PageInput:
    """The detector's input for one held-out case (a message when a sender is given)."""
    sender = case.get("sender")
    return PageInput(text=case["text"], url=case.get("url"), sender=sender, kind="message" if sender else "page")


def awaiting(held: dict) -> bool:
    """A round not yet scored by the current design (``first_seen_concepts = "?"``): its cases stay out of every
    figure until ``scripts/first_sight.py`` scores it once, so no change is made while looking at it."""
    return held["round"].get("first_seen_concepts") == "?"


def heldout(include_awaiting: bool = False) -> list[Labelled]:
    return [Labelled(f"round-{r['round']['number']}", c["id"], round_page(c), c["situation"], c["phishing"],
                     c.get("language"), True, c.get("expected_failure"))
            for r in rounds() if include_awaiting or not awaiting(r) for c in r["case"]]


def translation_files() -> dict[str, dict]:
    return {p.stem: tomllib.loads(p.read_text(encoding="utf-8")) for p in sorted(TRANSLATIONS.glob("*.toml"))}


def translations() -> list[Labelled]:
    """Every case of the translation round, English originals included (``real`` only for those)."""
    files = translation_files()
    labels = {c["id"]: c for c in files["en"]["case"]}
    cases = []
    for lang, data in files.items():
        for case in data["case"]:
            label = labels[case["id"]]
            page = PageInput(text=case["text"], url=case.get("url"))
            cases.append(Labelled(f"translation-{lang}", case["id"], page, label["situation"], label["phishing"],
                                  lang, lang == "en"))
    return cases
