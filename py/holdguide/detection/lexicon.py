"""Concept lexicons: which words of a language stand for which concept (``data/lexicon/<lang>.toml``).

A concept is a meaning the situation rules are written in (``data/detection/concepts.toml``): ACCOUNT, LOCK,
HOLD, PAYMENT, NEGATION... Each language lists the words and stems that carry it; adding a language means
filling one such file, nothing else. An entry is one word or a phrase of words, written as a reader would
write it, and read with the same tokenizer as the text, so ``can't`` is the tokens ``can`` ``t`` and
``Amazon-Konto`` is ``amazon`` ``konto``. Inside an entry, each word may carry a ``*``:

- ``lock*``    every word that starts with ``lock`` (locked, locks, locking);
- ``*konto``   every word that ends with ``konto`` (Kundenkonto, Nutzerkonto: German compounds);
- ``*حساب*``   every word that contains ``حساب`` (Arabic attaches articles, prepositions and pronouns);
- ``konto``    that word only.

Languages written without spaces (``script = "unspaced"``, Japanese) match each entry as a plain substring.
Matching is on folded text (:mod:`.normalize`), so entries are written in lower case.

Besides its words, a language file holds its own tests: ``[[example]]`` (a sentence that must fire a given
rule of ``data/detection/rules.toml``, or must not with ``counter = true``) and ``[[corpus]]`` (a text the whole
detector must answer with a given situation). ``[cue_scopes]`` turns a cue's reach round where the language's
grammar puts the marker after what it governs (see :mod:`.clauses`). How to add a language, step by step:
``docs/adding-a-language.md``.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from holdguide.datafiles import load_toml, toml_names
from holdguide.detection.normalize import fold_plain

#: A word, as both the text and the entries are split: letters and digits; apostrophes and hyphens split.
WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Token:
    """One word of a folded text: its text and its span in that text."""

    text: str
    start: int
    end: int


def tokenize(folded_text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in WORD.finditer(folded_text)]


@dataclass(frozen=True)
class WordPattern:
    """One word of an entry: exact, prefix (``lock*``), suffix (``*konto``) or infix (``*حساب*``)."""

    stem: str
    prefix: bool = False  # the word may go on after the stem
    suffix: bool = False  # the word may start before the stem

    @classmethod
    def parse(cls, word: str) -> WordPattern:
        return cls(word.strip("*"), prefix=word.endswith("*"), suffix=word.startswith("*"))

    def matches(self, token: str) -> bool:
        if self.prefix and self.suffix:
            return self.stem in token
        if self.prefix:
            return token.startswith(self.stem)
        if self.suffix:
            return token.endswith(self.stem)
        return token == self.stem


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: the concept it carries and its words (one word, or a phrase of consecutive words)."""

    concept: str
    words: tuple[WordPattern, ...]
    source: str  # the entry as written in the data file, for tests and evidence


@dataclass(frozen=True)
class Hit:
    """A concept found in a folded text, at ``[start, end)`` (characters) covering tokens ``[first, last]``."""

    concept: str
    start: int
    end: int
    first: int  # index of the first token (unspaced languages: the character offset)
    last: int
    language: str = ""


@dataclass
class _Index:
    """Entries of one spaced language, indexed by their first word for a quick lookup per token."""

    exact: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    prefix: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    suffix: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    infix: list[Entry] = field(default_factory=list)
    prefix_lengths: set[int] = field(default_factory=set)
    suffix_lengths: set[int] = field(default_factory=set)
    seen: dict[str, tuple[Entry, ...]] = field(default_factory=dict)

    def add(self, entry: Entry) -> None:
        first = entry.words[0]
        if first.prefix and first.suffix:
            self.infix.append(entry)
        elif first.prefix:
            self.prefix[first.stem].append(entry)
            self.prefix_lengths.add(len(first.stem))
        elif first.suffix:
            self.suffix[first.stem].append(entry)
            self.suffix_lengths.add(len(first.stem))
        else:
            self.exact[first.stem].append(entry)

    def starting_with(self, token: str) -> tuple[Entry, ...]:
        """Entries whose first word matches ``token`` (remembered per word: a page repeats its words)."""
        found = self.seen.get(token)
        if found is None:
            found = self.seen[token] = tuple(self._starting_with(token))
        return found

    def _starting_with(self, token: str) -> Iterator[Entry]:
        yield from self.exact.get(token, ())
        for length in self.prefix_lengths:
            if length <= len(token):
                yield from self.prefix.get(token[:length], ())
        for length in self.suffix_lengths:
            if length <= len(token):
                yield from self.suffix.get(token[-length:], ())
        yield from (e for e in self.infix if e.words[0].stem in token)


@dataclass(frozen=True, eq=False)
class Lexicon:
    """One language's lexicon, ready to match."""

    code: str
    unspaced: bool
    stopwords: frozenset[str]
    brand: tuple[str, ...]
    entries: tuple[Entry, ...]
    corpus: tuple[dict[str, Any], ...]  # texts this language must recognise (or not): the file's own tests
    examples: tuple[dict[str, Any], ...]  # [[example]]: a rule that must (or, counter = true, must not) fire
    cue_scopes: dict[str, str] = field(default_factory=dict)  # where this language's grammar turns a scope round

    @functools.cached_property
    def _index(self) -> _Index:
        index = _Index()
        for entry in self.entries:
            index.add(entry)
        return index

    @functools.cached_property
    def _substrings(self) -> dict[str, tuple[str, ...]]:
        """Unspaced languages: each entry's text and the concepts it carries."""
        concepts: dict[str, list[str]] = defaultdict(list)
        for entry in self.entries:
            concepts[entry.words[0].stem].append(entry.concept)
        return {text: tuple(found) for text, found in concepts.items() if text}

    def find(self, folded_text: str, tokens: list[Token]) -> list[Hit]:
        """Every concept hit of this language in a folded text (``tokens`` are its words)."""
        return self._find_substrings(folded_text) if self.unspaced else self._find_words(tokens)

    def _find_words(self, tokens: list[Token]) -> list[Hit]:
        hits: list[Hit] = []
        for i, token in enumerate(tokens):
            for entry in self._index.starting_with(token.text):
                last = i + len(entry.words) - 1
                if last < len(tokens) and all(
                    w.matches(tokens[i + k].text) for k, w in enumerate(entry.words[1:], start=1)
                ):
                    hits.append(Hit(entry.concept, token.start, tokens[last].end, i, last, self.code))
        return hits

    def _find_substrings(self, folded_text: str) -> list[Hit]:
        """Every occurrence of every entry (``str.find`` per entry: a few hundred linear scans in C)."""
        hits: list[Hit] = []
        for text, concepts in self._substrings.items():
            start = folded_text.find(text)
            while start >= 0:
                end = start + len(text)
                hits += [Hit(concept, start, end, start, end - 1, self.code) for concept in concepts]
                start = folded_text.find(text, start + 1)
        return hits


def _entries(concepts: dict[str, list[str]], unspaced: bool) -> tuple[Entry, ...]:
    entries = []
    for concept, words in concepts.items():
        for written in words:
            folded = fold_plain(written)
            if unspaced:
                patterns: tuple[WordPattern, ...] = (WordPattern(folded.replace("*", "")),)
            else:
                # Split like the text, keeping each word's stars: "sign-in*" is the words "sign" and "in*".
                patterns = tuple(WordPattern.parse(w) for w in re.findall(r"\*?[^\W_]+\*?", folded))
            if patterns:
                entries.append(Entry(concept, patterns, written))
    return tuple(entries)


@functools.cache
def lexicons() -> tuple[Lexicon, ...]:
    """Every language's lexicon, in file order (``data/lexicon/*.toml``)."""
    found = []
    for name in toml_names("lexicon"):
        data = load_toml(f"lexicon/{name}")
        unspaced = data.get("script") == "unspaced"
        found.append(Lexicon(
            code=data["language"],
            unspaced=unspaced,
            stopwords=frozenset(fold_plain(w) for w in data.get("stopwords", ())),
            brand=tuple(fold_plain(b) for b in data.get("brand", ())),
            entries=_entries(data.get("concepts", {}), unspaced),
            corpus=tuple(data.get("corpus", ())),
            examples=tuple(data.get("example", ())),
            cue_scopes=dict(data.get("cue_scopes", {})),
        ))
    return tuple(found)


def lexicon(code: str) -> Lexicon | None:
    return next((lex for lex in lexicons() if lex.code == code), None)


def brand_names() -> tuple[str, ...]:
    """How Amazon's name is written in every language we know (folded), e.g. ``amazon``, ``アマゾン``."""
    return tuple(sorted({name for lex in lexicons() for name in lex.brand} | {"amazon"}))
