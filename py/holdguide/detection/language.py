"""Guess the language of a text: by script for Japanese and Arabic, by common short words for the rest.

The short-word lists live with each language's signals (``stopwords`` in ``data/signals/<lang>.toml``). A text
is given a language only when one list clearly leads; otherwise the page's ``lang`` attribute is used if we
know that language, else None (the caller then falls back to the marketplace's language).
"""

from __future__ import annotations

import re

from holdguide.detection.signals import languages
from holdguide.language_tags import primary_subtag

_SAMPLE = 20_000  # characters; enough words for a clear lead, cheap on huge pages
_WORD = re.compile(r"[^\W\d_]+")
_MIN_HITS = 3
_LEAD = 1.3  # the leader must have this many times the runner-up's hits


def _script_share(text: str, low: int, high: int) -> float:
    letters = sum(1 for c in text if c.isalpha())
    inside = sum(1 for c in text if low <= ord(c) <= high)
    return inside / letters if letters else 0.0


def _by_script(text: str) -> str | None:
    if _script_share(text, 0x3040, 0x30FF) > 0.05:  # hiragana and katakana: Japanese, not Chinese
        return "ja"
    if _script_share(text, 0x0600, 0x06FF) > 0.3:
        return "ar"
    return None


def _by_words(text: str) -> str | None:
    words = _WORD.findall(text)
    scores = sorted(((sum(w in lang.stopwords for w in words), lang.code) for lang in languages()), reverse=True)
    if not scores or scores[0][0] < _MIN_HITS:
        return None
    best, code = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0
    return code if best >= _LEAD * runner_up else None


def guess_language(folded_text: str, hint: str | None = None) -> str | None:
    """The ISO 639-1 code of the text's language, or None when unsure and ``hint`` is not a known language."""
    sample = folded_text[:_SAMPLE]
    found = _by_script(sample) or _by_words(sample)
    if found:
        return found
    known = {lang.code for lang in languages()}
    tag = primary_subtag(hint)
    return tag if tag in known else None
