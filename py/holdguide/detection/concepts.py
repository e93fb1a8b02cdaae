"""Find the concepts of a folded text, in the languages that run on it, and place them in its sentences.

The concept catalog (``data/detection/concepts.toml``) names every concept and what it means; the lexicons
(:mod:`.lexicon`) say which words carry it in each language. Some concepts hide others where they meet
(``[[suppress]]`` in ``data/detection/rules.toml``): "bank account" is OTHER_ACCOUNT and not the shopper's
ACCOUNT, "one-time password" is a CODE and not a PASSWORD, "cannot" (or German "können ... nicht mehr", within
its clause) is UNABLE and not a plain NEGATION or a possibility. Within an exclusive group (the states LOCK,
HOLD, SUSPEND, CLOSE), the longer of two overlapping words wins: "in sospeso" is a hold, not a suspension.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from holdguide.datafiles import load_toml
from holdguide.detection.clauses import Sentence, quoted_spans, sentences
from holdguide.detection.lexicon import Hit, Lexicon, Token, tokenize
from holdguide.detection.normalize import Folded

_QUESTION_MARKS = ("?", "？", "؟")


@functools.cache
def catalog() -> dict[str, dict[str, Any]]:
    """Every concept id and its description (``data/detection/concepts.toml``)."""
    return dict(load_toml("detection/concepts.toml")["concept"])


@dataclass(frozen=True)
class Suppression:
    concept: str
    hides: frozenset[str]
    reach: int  # words before or after the hiding hit that it still covers ("KDP account", Polish "konto PayPal")
    clause: bool  # hides anywhere in the same clause ("Sie können ... nicht mehr")
    forward: bool  # reaches only the words after it ("a closed account")
    unless_longer: bool  # spares a hit longer than itself ("تم إغلاق" against "إغلاق")


@functools.cache
def suppressions() -> tuple[Suppression, ...]:
    rules = load_toml("detection/rules.toml")
    return tuple(Suppression(s["concept"], frozenset(s["hides"]), int(s.get("reach", 0)), s.get("scope") == "clause",
                             s.get("direction") == "forward", bool(s.get("unless_longer", False)))
                 for s in rules["suppress"])


@functools.cache
def exclusive_groups() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(g["concepts"]) for g in load_toml("detection/rules.toml").get("exclusive", ()))


def _longer_wins(hits: list[Hit]) -> set[Hit]:
    """Within an exclusive group, a hit inside a longer overlapping hit of another concept of the group."""
    hidden: set[Hit] = set()
    for group in exclusive_groups():
        members = [h for h in hits if h.concept in group]
        for short in members:
            if any(o.concept != short.concept and o.start <= short.start and short.end <= o.end
                   and (o.end - o.start) > (short.end - short.start) for o in members):
                hidden.add(short)
    return hidden


@functools.cache
def _unspaced() -> frozenset[str]:
    from holdguide.detection.lexicon import lexicons

    return frozenset(lex.code for lex in lexicons() if lex.unspaced)


def same_space(a: Hit, b: Hit) -> bool:
    """Whether two hits count positions alike: words for languages written with spaces (one tokenization for
    all of them), characters for those without (Japanese)."""
    return (a.language in _unspaced()) == (b.language in _unspaced())


def _hides(rule: Suppression, hider: Hit, hit: Hit, sentence: Sentence) -> bool:
    """Whether ``hider`` hides ``hit`` under ``rule``: anywhere in its clause, or where their words meet."""
    if rule.unless_longer and (hit.end - hit.start) > (hider.end - hider.start):
        return False
    if rule.clause and sentence.clause_of(hit.start) == sentence.clause_of(hider.start):
        return True
    reach_back = 0 if rule.forward else rule.reach
    return same_space(hit, hider) and hit.first <= hider.last + rule.reach and hit.last >= hider.first - reach_back


def _suppress(hits: list[Hit], sentence: Sentence) -> list[Hit]:
    """Drop the hits of one sentence that another concept hides (see the module docstring)."""
    by_concept: dict[str, list[Hit]] = defaultdict(list)
    for hit in hits:
        by_concept[hit.concept].append(hit)
    hidden: set[Hit] = set()
    for rule in suppressions():
        for hider in by_concept.get(rule.concept, ()):
            for concept in rule.hides:
                hidden.update(h for h in by_concept.get(concept, ()) if _hides(rule, hider, h, sentence))
    hidden |= _longer_wins(hits)
    hidden |= _inside_a_meaning(hits)
    return [h for h in hits if h not in hidden]


def _inside_a_meaning(hits: list[Hit]) -> set[Hit]:
    """A negation inside a longer phrase of one meaning is part of that meaning, not a denial: the "not" of
    "not authorized", the "لا" of "لا يزال" (still), the "ない" of 「発送されていない」 (ONGOING, PENDING). Only
    negations: a condition or a possibility written as a suffix of a phrase's last word (Turkish "oturum açarsa",
    "askıya alınabilir") still governs its clause."""
    longer = [h for h in hits if h.concept not in own_language_concepts()]
    return {h for h in hits if h.concept == "NEGATION" and any(
        o.language == h.language and o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start)
        for o in longer)}


@dataclass(frozen=True)
class Block:
    """One piece of a page read on its own (its title, an alert box, a heading, the text) with its concepts.

    ``kind`` says where it comes from ("title", "alert", "heading", "text"); ``hits[i]`` are the concepts of
    sentence ``i``, and ``scopes`` says how far each language's cues reach (see :mod:`.clauses`).
    """

    kind: str
    folded: Folded  # line breaks kept; evidence is quoted from its original
    sentences: tuple[Sentence, ...]
    hits: tuple[tuple[Hit, ...], ...]  # per sentence
    quoted: tuple[tuple[int, int], ...]
    tokens: int

    @property
    def text(self) -> str:
        return self.folded.text

    def quote(self, start: int, end: int, limit: int = 200) -> str:
        """The source text behind ``[start, end)``, as the reader saw it, shortened to ``limit``."""
        text = self.folded.quote(start, end).strip(" .")
        return text if len(text) <= limit else text[: limit - 3] + "..."

    def is_quoted(self, start: int, end: int) -> bool:
        return any(q0 <= start and end <= q1 for q0, q1 in self.quoted)


@functools.cache
def own_language_concepts() -> frozenset[str]:
    """Concepts only the text's own language supplies (concepts.toml ``own_language``: function words)."""
    return frozenset(c for c, about in catalog().items() if about.get("own_language"))


def read_block(kind: str, folded: Folded, languages: tuple[Lexicon, ...],
               own: frozenset[str] | None = None) -> Block:
    """The concepts of one folded text in the given languages, placed in its sentences.

    ``own``: the codes of the text's own languages (told from it, or its ``lang``); only they supply the
    function-word concepts (cues, "article", "help"), so Italian "i" is never English "I" (None: every language
    does, for a text whose language cannot be told).
    """
    text = folded.text
    tokens: list[Token] = tokenize(text)
    bound = own_language_concepts()
    hits: list[Hit] = [hit for lex in languages for hit in lex.find(text, tokens)
                       if own is None or hit.language in own or hit.concept not in bound]
    # A clause word starts a clause; so does a condition, which opens a subordinate clause ("Your account will
    # be locked if you do not update": the "not" belongs to the condition, not to the lock).
    breaks = sorted(h.start for h in hits if h.concept in ("CLAUSE_BREAK", "CONDITIONAL"))
    found = [s.with_breaks(breaks) for s in sentences(text)]
    # A question mark ends a question in every script: the sentence is a QUESTION whatever its words.
    hits += [Hit("QUESTION", s.end - 1, s.end, -1, -1) for s in found
             if text[s.start:s.end].rstrip().endswith(_QUESTION_MARKS)]
    per_sentence: list[list[Hit]] = [[] for _ in found]
    starts = [s.start for s in found]
    for hit in hits:
        index = bisect_right(starts, hit.start) - 1
        if index >= 0 and hit.start < found[index].end:
            per_sentence[index].append(hit)
    kept = tuple(tuple(sorted(_suppress(h, s), key=lambda x: x.start)) for h, s in zip(per_sentence, found,
                                                                                       strict=True))
    return Block(kind, folded, tuple(found), kept, tuple(quoted_spans(text)), len(tokens))
