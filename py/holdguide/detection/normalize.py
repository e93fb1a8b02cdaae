"""Fold the text of a page into the one form every signal pattern is written against.

Real pages and copied e-mails disagree in ways a reader never sees: curly or straight quotes, NBSP or space,
full-width letters (Japanese pages), soft hyphens and zero-width characters (both in Amazon's own markup and
in phishing mails that use them to slip past filters), upper or lower case, line breaks anywhere. The folded
form is: NFKC per character, lower case, Turkish dotted/dotless i as plain ``i``, one kind of quote, one kind of
dash, no invisible characters, every run of white space one space. Each folded character remembers where it
came from, so evidence can be quoted as it appears on the page.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

#: How much of a page we read. Holds, locks and closures are announced at the top of a page or in a short
#: mail; reading 10 MB of text would only cost time (the bad-input tests feed exactly that).
MAX_CHARS = 150_000

_INVISIBLE = frozenset("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
                       "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
                       "\u3164\ufeff\uffa0")
# Arabic short vowels, tanween, shadda, sukun, the superscript alif and the tatweel: optional marks that split a
# word in two when kept ("مؤقتًا", "معلّق") and that many writers leave out.
_ARABIC_MARKS = frozenset([*map(chr, range(0x064B, 0x0660)), "\u0670", "\u0640"])
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
           "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
           "\u2039": '"', "\u203a": '"', "\u300c": '"', "\u300d": '"'}
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")
_TURKISH_I = {"\u0130": "i", "\u0131": "i"}
# Ordinal indicators: NFKC makes "Nº" the word "no" (a negation in Spanish and English); read them as a dot.
_ORDINALS = {"\u00ba": ".", "\u00aa": "."}


@dataclass(frozen=True)
class Folded:
    """The folded text and, for each of its characters, the index of the source character in ``original``."""

    text: str
    origin: tuple[int, ...]
    original: str

    def flat(self) -> Folded:
        """The same text with its line breaks as spaces (one character for one: the origins stay right)."""
        return Folded(self.text.replace("\n", " "), self.origin, self.original) if "\n" in self.text else self

    def quote(self, start: int, end: int) -> str:
        """The source text behind folded ``[start, end)``, trimmed: evidence as the reader saw it."""
        if start >= end or not self.origin:
            return ""
        first, last = self.origin[start], self.origin[min(end, len(self.origin)) - 1]
        return " ".join(self.original[first : last + 1].split())


def fold_char(char: str) -> str:
    """One source character in folded form (possibly empty, possibly several characters)."""
    if char in _INVISIBLE or char in _ARABIC_MARKS:
        return ""
    if char in _TURKISH_I:
        return _TURKISH_I[char]
    if char in _ORDINALS:
        return _ORDINALS[char]
    if char in _QUOTES:
        return _QUOTES[char]
    if char in _DASHES:
        return "-"
    if char.isspace():
        return " "
    if ord(char) < 128:
        return char.lower()
    folded = unicodedata.normalize("NFKC", char).lower()
    return "".join(_QUOTES.get(c, "-" if c in _DASHES else c) for c in folded if c not in _INVISIBLE)


_LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


def fold(text: str, limit: int = MAX_CHARS, keep_lines: bool = False) -> Folded:
    """Fold ``text`` (its first ``limit`` characters) for matching; see the module docstring.

    With ``keep_lines``, a run of white space that holds a line break becomes one ``\n`` instead of a space:
    a heading on its own line is a sentence of its own (:mod:`.clauses`).
    """
    original = unicodedata.normalize("NFC", text[:limit])
    out: list[str] = []
    origin: list[int] = []
    space: tuple[str, int] | None = None  # the pending white space of a run, and where it started
    table = {char: fold_char(char) for char in set(original)}  # a page uses few distinct characters
    for index, char in enumerate(original):
        for piece in table[char]:
            if piece == " ":
                brk = keep_lines and char in _LINE_BREAKS
                if space is None or (brk and space[0] == " "):
                    space = ("\n" if brk else " ", index if space is None else space[1])
                continue
            if space is not None and out:  # leading white space is dropped, inner runs become one
                out.append(space[0])
                origin.append(space[1])
            space = None
            out.append(piece)
            origin.append(index)
    return Folded(text="".join(_unmix_words(out)), origin=tuple(origin), original=original)


def _unmix_words(chars: list[str]) -> list[str]:
    """Read look-alike Cyrillic, Greek or Armenian letters inside a Latin word as the Latin letters they imitate
    ("lоcked" with a Cyrillic о): phishing kits mix them in to slip past filters (issue 9). A word written
    wholly in another script is left as it is. One character for one, so every origin index stays right."""
    table = _confusable_letters()
    out = chars
    start = None
    for index in range(len(chars) + 1):
        letter = index < len(chars) and chars[index].isalpha()
        if letter and start is None:
            start = index
        elif not letter and start is not None:
            word = chars[start:index]
            if any(c in table for c in word) and any("a" <= c <= "z" for c in word):
                if out is chars:
                    out = list(chars)
                out[start:index] = [table.get(c, c) for c in word]
            start = None
    return out


@functools.cache
def _confusable_letters() -> dict[str, str]:
    from holdguide.datafiles import load_toml

    # Greek (U+0370) to Armenian (U+058F) only: accented Latin letters of the table (for host names) stay as
    # they are in words, where "bestätigen" must keep its ä.
    return {k: v for k, v in load_toml("confusables.toml")["characters"].items()
            if len(k) == 1 and len(v) == 1 and "\u0370" <= k <= "\u058f"}


def fold_plain(text: str) -> str:
    """Only the folded string (for examples in tests and for short strings such as titles)."""
    return fold(text).text
