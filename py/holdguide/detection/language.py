"""Guess the language of a text: by script for Japanese and Arabic, by its words for the rest.

Two word counts per language, both from the lexicons (``data/lexicon/<lang>.toml``): its common short words
(``stopwords``), and, for short texts such as a sign-in heading, the words its concept lexicon knows. A language
is told only when one clearly leads; otherwise the page's ``lang`` attribute is used if we know that language,
else None (the detector then runs every lexicon: :func:`holdguide.detection.languages_to_run`).
"""

from __future__ import annotations

import re

from holdguide.detection.lexicon import lexicons, tokenize
from holdguide.language_tags import primary_subtag

_SAMPLE = 20_000  # characters; enough words for a clear lead, cheap on huge pages
_WORD = re.compile(r"[^\W\d_]+")
_MIN_HITS = 3
_LEAD = 1.3  # the leader must have this many times the runner-up's hits
_CONCEPT_SAMPLE = 2_000  # a heading or a short notice: its words tell where stopwords are too few
_MIN_CONCEPT_TOKENS = 2


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


def _leader(scores: list[tuple[int, str]], minimum: int) -> str | None:
    scores.sort(reverse=True)
    if not scores or scores[0][0] < minimum:
        return None
    runner_up = scores[1][0] if len(scores) > 1 else 0
    return scores[0][1] if scores[0][0] >= _LEAD * runner_up and scores[0][0] > runner_up else None


def _by_stopwords(text: str) -> str | None:
    words = _WORD.findall(text)
    return _leader([(sum(w in lex.stopwords for w in words), lex.code) for lex in lexicons() if not lex.unspaced],
                   _MIN_HITS)


def _by_concept_words(text: str) -> str | None:
    """Which lexicon knows most of the words of a short text (brand names aside)."""
    sample = text[:_CONCEPT_SAMPLE]
    tokens = tokenize(sample)
    scores = []
    for lex in lexicons():
        if lex.unspaced:
            continue
        covered = {i for hit in lex.find(sample, tokens) for i in range(hit.first, hit.last + 1)}
        covered = {i for i in covered if tokens[i].text not in lex.brand}
        known = covered | {i for i, t in enumerate(tokens) if t.text in lex.stopwords}
        scores.append((len(known), lex.code))
    return _leader(scores, _MIN_CONCEPT_TOKENS)


def guess_language(folded_text: str, hint: str | None = None) -> str | None:
    """The ISO 639-1 code of the text's language, or None when unsure and ``hint`` is not a known language."""
    sample = folded_text[:_SAMPLE]
    found = _by_script(sample) or _by_stopwords(sample) or _by_concept_words(sample)
    if found:
        return found
    known = {lex.code for lex in lexicons()}
    tag = primary_subtag(hint)
    return tag if tag in known else None
