"""Anchors: Amazon's own strings, verbatim, each with its cited source (``data/detection/anchors.toml``).

An anchor is one literal string as Amazon shows it ("Account on hold temporarily"), matched case- and
white-space-folded on word boundaries, with no alternations: strong evidence for its situation that a generic
guard phrase cannot cancel on an official host. Anchors add to what the concepts find; they never replace it
(``scripts/accuracy.py`` reports the concepts alone). A quoted anchor or one in a cancelled clause ("If you
see 'Account on hold temporarily' ...") does not count: see :func:`holdguide.detection.classify.score`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from holdguide.datafiles import load_toml
from holdguide.detection.normalize import fold_plain


@dataclass(frozen=True)
class Anchor:
    text: str  # folded
    situation: str
    language: str
    source: str
    subtype: str | None = None


@functools.cache
def anchors() -> tuple[Anchor, ...]:
    return tuple(
        Anchor(fold_plain(a["text"]), a["situation"], a["language"], a["source"], a.get("subtype"))
        for a in load_toml("detection/anchors.toml")["anchor"]
    )


def _word_char(char: str) -> bool:
    """A letter or digit of a script written with spaces (CJK scripts, from U+3000 on, have no word ends)."""
    return char.isalnum() and ord(char) < 0x3000


@functools.cache
def _pattern(text: str) -> re.Pattern[str]:
    # Word boundaries only where the anchor starts or ends with a word character (Japanese has no spaces).
    head = r"(?<!\w)" if _word_char(text[:1]) else ""
    tail = r"(?!\w)" if _word_char(text[-1:]) else ""
    # Word by word: any punctuation and white space between words ("order(s)", a comma Amazon sometimes adds).
    words = re.findall(r"[^\W_]+", text)
    return re.compile(head + r"[\W_]+".join(re.escape(w) for w in words) + tail)


def find_anchors(folded_text: str) -> list[tuple[Anchor, int, int]]:
    """Every anchor in a folded text, with its span."""
    found = []
    for anchor in anchors():
        first = re.findall(r"[^\W_]+", anchor.text)[:1]
        if first and first[0] in folded_text:
            for match in _pattern(anchor.text).finditer(folded_text):
                found.append((anchor, match.start(), match.end()))
    return found
