"""The situation rules, written once for every language (``data/detection/rules.toml``).

A rule names the concepts that must meet in one sentence, or in one clause with ``within = "clause"``
(``all``: each item a concept or alternatives ``"LOCK|SUSPEND"``), concepts that must not be in the sentence
(``without``: they make it another situation), and the cues that cancel it (``unless``; default
``[defaults].unless``). A cancelling cue governs only the stretch its scope gives (:mod:`.clauses`): the
concepts there do not count, the rest of the sentence still may. Each rule carries examples in several
languages that must fire it and counter-examples that must not (``tests/unit/test_detection_rules.py``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from holdguide.datafiles import load_toml
from holdguide.detection.concepts import Block
from holdguide.detection.lexicon import Hit, lexicons


@functools.cache
def settings() -> dict[str, Any]:
    return load_toml("detection/rules.toml")


@dataclass(frozen=True)
class Rule:
    id: str
    situation: str
    weight: float
    all: tuple[frozenset[str], ...]  # each: the concepts any one of which fills that place
    without: frozenset[str]
    unless: frozenset[str]
    subtype: str | None
    within: str  # "sentence" (default) or "clause": every place filled inside one clause
    examples: tuple[tuple[str, str], ...]  # (language, text)
    counter_examples: tuple[tuple[str, str], ...]

    @property
    def concepts(self) -> frozenset[str]:
        return frozenset().union(*self.all)


def _rule(entry: dict[str, Any], default_unless: list[str]) -> Rule:
    unless = set(entry.get("unless", default_unless)) - set(entry.get("keep", ()))
    return Rule(
        id=entry["id"],
        situation=entry["situation"],
        weight=float(entry["weight"]),
        all=tuple(frozenset(item.split("|")) for item in entry["all"]),
        without=frozenset(entry.get("without", ())),
        unless=frozenset(unless),
        subtype=entry.get("subtype"),
        within=entry.get("within", "sentence"),
        examples=tuple((lang, text) for lang, text in entry.get("examples", ())),
        counter_examples=tuple((lang, text) for lang, text in entry.get("counter_examples", ())),
    )


@functools.cache
def rules() -> tuple[Rule, ...]:
    data = settings()
    return tuple(_rule(entry, data["defaults"]["unless"]) for entry in data["rule"])


@functools.cache
def topics() -> frozenset[str]:
    """The concepts a text is about (concepts.toml kind "topic"): ACCOUNT, ORDERS, PAYMENT..."""
    from holdguide.detection.concepts import catalog

    return frozenset(c for c, about in catalog().items() if about.get("kind") == "topic")


@functools.cache
def _language_scopes() -> dict[str, dict[str, str]]:
    return {lex.code: lex.cue_scopes for lex in lexicons()}


def scope_of(hit: Hit) -> str:
    """How far a cue reaches: its language's own scope for it, else the rules' (``[cues]``)."""
    return _language_scopes().get(hit.language, {}).get(hit.concept) or settings()["cues"].get(hit.concept, "clause")


def cancelled_stretches(block: Block, index: int, cues: Iterable[str]) -> list[tuple[int, int]]:
    """The stretches of sentence ``index`` that a cue among ``cues`` cancels."""
    wanted = frozenset(cues)
    sentence = block.sentences[index]
    return [sentence.reach(h.start, h.end, scope_of(h)) for h in block.hits[index] if h.concept in wanted]


@dataclass(frozen=True)
class Finding:
    """A rule that fired in one sentence of one block."""

    rule: Rule
    block: Block
    sentence: int  # index into block.sentences
    hits: tuple[Hit, ...]  # the concepts that filled the rule's places


def _may_borrow(rule: Rule, block: Block, index: int, live: list[Hit]) -> bool:
    """Whether a rule may take its topics from a cancelled stretch: it claims something (a place of claims only,
    like LOCK), each such claim is live, and no claim's clause names another object of its own ("If your account
    is on hold, your orders are held too": the second hold is the orders', not the account's)."""
    claim_places = [place for place in rule.all if not place & topics()]
    if not claim_places:
        return False
    sentence = block.sentences[index]
    objects = frozenset(settings()["objects"]) - rule.concepts
    clauses_with_objects = {sentence.clause_of(h.start) for h in block.hits[index] if h.concept in objects}
    for place in claim_places:
        claims = [h for h in live if h.concept in place]
        if not claims or all(sentence.clause_of(h.start) in clauses_with_objects for h in claims):
            return False
    return True


def _fires(rule: Rule, block: Block, index: int) -> tuple[Hit, ...] | None:
    """The hits that fill the rule's places in sentence ``index``, or None when the rule does not fire."""
    hits = block.hits[index]
    present = {h.concept for h in hits}
    if rule.without & present or not all(place & present for place in rule.all):
        return None
    cancelled = cancelled_stretches(block, index, rule.unless)
    live = [h for h in hits if h.concept in rule.concepts and not any(a <= h.start < b for a, b in cancelled)]
    if _may_borrow(rule, block, index, live):
        # A cue cancels a claim, not what the claim is about: in "Recent activity may have affected your account,
        # so we've locked it" the "may" cancels its own clause's claim, yet the account stays what "it" means.
        live += [h for h in hits if h.concept in topics() and h.concept in rule.concepts and h not in live]
    if rule.within == "clause":
        sentence = block.sentences[index]
        by_clause: dict[int, list[Hit]] = {}
        for hit in live:
            by_clause.setdefault(sentence.clause_of(hit.start), []).append(hit)
        groups = list(by_clause.values())
    else:
        groups = [live]
    for group in groups:
        concepts = {h.concept for h in group}
        if all(place & concepts for place in rule.all):
            return tuple(h for h in group if any(h.concept in place for place in rule.all))
    return None


def findings(block: Block) -> Iterator[Finding]:
    """Every rule that fires in every sentence of ``block``."""
    for index, hits in enumerate(block.hits):
        if not hits:
            continue
        for rule in rules():
            used = _fires(rule, block, index)
            if used is not None:
                yield Finding(rule, block, index, used)
