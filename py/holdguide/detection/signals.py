"""Load the signal tables (``data/signals/<lang>.toml``) and match them against folded text.

A *signal* is a regular expression, written against folded text (see :mod:`.normalize`), that speaks for one
situation with a weight: 3 decides alone, 2 and 1 only add up. A *guard* speaks against any verdict: the
text is ABOUT holds (a help article, a news story, a scam warning) or about something out of scope (a seller
account). Every signal and guard carries the example texts it must match and the texts it must not; the unit
tests hold them to that. Patterns are kept linear (no nested repetition) so 150 000 characters stay fast.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from holdguide.datafiles import load_toml, toml_names
from holdguide.detection.normalize import Folded


@dataclass(frozen=True)
class Signal:
    """One pattern that speaks for a situation (``kind == "signal"``) or against any verdict (``"guard"``)."""

    id: str
    kind: str
    language: str
    topic: str  # the situation id for a signal, the guard kind ("help-article", "scam-warning"...) for a guard
    weight: int
    pattern: re.Pattern[str]
    subtype: str | None
    source: str
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]


@dataclass(frozen=True)
class Language:
    """What one ``signals/<lang>.toml`` says about its language besides the signals."""

    code: str
    stopwords: frozenset[str]
    brand: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    """A signal found in a text, with the folded span it matched."""

    signal: Signal
    start: int
    end: int


def _signal(entry: dict[str, Any], kind: str, language: str) -> Signal:
    return Signal(
        id=entry["id"],
        kind=kind,
        language=language,
        topic=entry["situation"] if kind == "signal" else entry["kind"],
        weight=int(entry.get("weight", 1)),
        pattern=re.compile(entry["pattern"]),
        subtype=entry.get("subtype"),
        source=entry.get("source", ""),
        examples=tuple(entry.get("examples", ())),
        counter_examples=tuple(entry.get("counter_examples", ())),
    )


@functools.cache
def _tables() -> tuple[tuple[Language, ...], tuple[Signal, ...]]:
    languages: list[Language] = []
    signals: list[Signal] = []
    for name in toml_names("signals"):
        data = load_toml(f"signals/{name}")
        code = data["language"]
        languages.append(Language(code, frozenset(data.get("stopwords", ())), tuple(data.get("brand", ()))))
        signals += [_signal(item, "signal", code) for item in data.get("signal", ())]
        signals += [_signal(item, "guard", code) for item in data.get("guard", ())]
    return tuple(languages), tuple(signals)


def languages() -> tuple[Language, ...]:
    """Every language that has a signal table, in file order."""
    return _tables()[0]


def all_signals() -> tuple[Signal, ...]:
    """Every signal and guard of every language."""
    return _tables()[1]


def find(folded: Folded, signals: tuple[Signal, ...] | None = None) -> list[Match]:
    """The signals (and guards) found in ``folded``, each once, at its first occurrence."""
    found: list[Match] = []
    for signal in all_signals() if signals is None else signals:
        hit = signal.pattern.search(folded.text)
        if hit and hit.end() > hit.start():
            found.append(Match(signal, hit.start(), hit.end()))
    return found


def brand_names() -> tuple[str, ...]:
    """How Amazon's name is written in every language we know (folded), e.g. ``amazon``, ``アマゾン``."""
    names = {name for language in languages() for name in language.brand}
    return tuple(sorted(names | {"amazon"}))
