"""From the signals found in a text to one situation, with its subtype, confidence and evidence.

The weights, threshold, guard threshold and precedence are data (``data/detection.toml``); this module only
adds up and picks. A verdict needs the text to be about Amazon at all (its name, or an Amazon host, sender
or link): the same words on another company's page ("your account is on hold") are not ours to judge.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from holdguide.datafiles import load_toml
from holdguide.detection.normalize import Folded
from holdguide.detection.signals import Match

_MAX_EVIDENCE = 5


@functools.cache
def settings() -> dict[str, Any]:
    return load_toml("detection.toml")


@dataclass(frozen=True)
class Verdict:
    """The classification before origin and phishing are looked at."""

    situation: str
    subtype: str | None
    confidence: float
    evidence: tuple[str, ...]
    hold_wording: bool  # some situation reached the threshold (even if a guard then vetoed it)
    guards: tuple[str, ...]  # guard kinds that vetoed


def _by_topic(matches: list[Match], kind: str) -> dict[str, list[Match]]:
    grouped: dict[str, list[Match]] = defaultdict(list)
    for match in matches:
        if match.signal.kind == kind:
            grouped[match.signal.topic].append(match)
    return grouped


def _weight(matches: list[Match]) -> int:
    return sum(m.signal.weight for m in matches)


def _evidence(folded: Folded, matches: list[Match]) -> tuple[str, ...]:
    ranked = sorted(matches, key=lambda m: (-m.signal.weight, m.start))
    quotes = dict.fromkeys(q for q in (folded.quote(m.start, m.end) for m in ranked) if q)
    return tuple(quotes)[:_MAX_EVIDENCE]


def _confidence(score: int, language: str | None) -> float:
    conf = settings()["confidence"]
    value = min(conf["cap"], conf["base"] + conf["step"] * (score - settings()["threshold"]))
    return round(value - (conf["unknown_language"] if language is None else 0.0), 3)


def _none(
    confidence_key: str, evidence: tuple[str, ...] = (), hold: bool = False, guards: Iterable[str] = ()
) -> Verdict:
    return Verdict("none", None, settings()["confidence"][confidence_key], evidence, hold, tuple(guards))


def classify(matches: list[Match], folded: Folded, about_amazon: bool, language: str | None) -> Verdict:
    """Pick the situation the signals in ``matches`` speak for, or ``none``."""
    situations = _by_topic(matches, "signal")
    guards = _by_topic(matches, "guard")
    present = [s for s in settings()["precedence"] if _weight(situations.get(s, [])) >= settings()["threshold"]]
    vetoes = sorted(kind for kind, found in guards.items() if _weight(found) >= settings()["guard_threshold"])
    if not present:
        return _none("weak" if situations else "clear")
    if vetoes:
        return _none("guarded", _evidence(folded, [m for k in vetoes for m in guards[k]]), True, vetoes)
    if not about_amazon:
        return _none("guarded", (), True)
    chosen = present[0]
    found = situations[chosen]
    subtypes = [m.signal.subtype for m in sorted(found, key=lambda m: -m.signal.weight) if m.signal.subtype]
    return Verdict(chosen, subtypes[0] if subtypes else None, _confidence(_weight(found), language),
                   _evidence(folded, found), True, ())
