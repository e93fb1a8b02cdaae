"""From a page to one situation: rules, anchors and structure add up per situation; guards subtract.

Every weight, bonus, guard and the precedence are data (``data/detection/rules.toml``); this module reads the
page as blocks (its title, each alert box, each heading, its text), lets the rules and anchors find what they
find in each, and decides by score with a margin: when two situations are within the margin of each other,
the precedence list breaks the tie. Each rule counts once per page (its best finding), so a notice repeated
in an alert box and in the text is not counted twice, but it may earn the alert box's bonus.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from holdguide.detection.anchors import Anchor, find_anchors
from holdguide.detection.concepts import Block, read_block
from holdguide.detection.guards import page_guards
from holdguide.detection.lexicon import Lexicon
from holdguide.detection.normalize import Folded, fold
from holdguide.detection.rules import Finding, cancelled_stretches, findings, rules, settings
from holdguide.detection.structure import Structure
from holdguide.model import PageInput

_MAX_EVIDENCE = 5


@dataclass
class Scores:
    """What every situation scored, and why."""

    rules: dict[str, dict[str, tuple[float, Finding]]] = field(default_factory=lambda: defaultdict(dict))
    anchors: dict[str, dict[str, tuple[float, Anchor, Block, int, int]]] = field(
        default_factory=lambda: defaultdict(dict))
    guards: dict[str, float] = field(default_factory=dict)  # guard id -> what it subtracts

    def add_finding(self, finding: Finding, weight: float) -> None:
        current = self.rules[finding.rule.situation].get(finding.rule.id)
        if current is None or weight > current[0]:
            self.rules[finding.rule.situation][finding.rule.id] = (weight, finding)

    def add_anchor(self, anchor: Anchor, weight: float, block: Block, start: int, end: int) -> None:
        current = self.anchors[anchor.situation].get(anchor.text)
        if current is None or weight > current[0]:
            self.anchors[anchor.situation][anchor.text] = (weight, anchor, block, start, end)

    def words(self, situation: str) -> float:
        """The rules' weights, strongest first, each further one counting ``diminishing`` times the one before:
        two or three rules that agree make a notice sure, but a page that quotes ten fakes is not ten times one."""
        factor = float(settings()["diminishing"])
        ranked = sorted((w for w, _ in self.rules.get(situation, {}).values()), reverse=True)
        return sum(w * factor**i for i, w in enumerate(ranked))

    def anchor_weight(self, situation: str) -> float:
        return sum(w for w, *_ in self.anchors.get(situation, {}).values())


@dataclass(frozen=True)
class Verdict:
    """The classification before origin and phishing are looked at."""

    situation: str
    subtype: str | None
    confidence: float
    evidence: tuple[str, ...]
    scores: dict[str, float]  # after guards
    unguarded: dict[str, float]  # before the page's guards: what the words alone claim
    guards: tuple[str, ...]  # the guards that subtracted something
    structure: tuple[str, ...]  # the structure cues that applied
    claimed: str  # the situation the words claim, guards aside: what a fake imitates
    claimed_subtype: str | None
    claimed_evidence: tuple[str, ...]

    @property
    def hold_wording(self) -> bool:
        """Some situation reaches the threshold on its words, before any guard."""
        threshold: float = settings()["threshold"]
        return max(self.unguarded.values(), default=0.0) >= threshold


@dataclass(frozen=True)
class PageBlocks:
    """A page read as blocks, each folded and with its concepts."""

    blocks: tuple[Block, ...]

    @classmethod
    def read(cls, page: PageInput, languages: tuple[Lexicon, ...], text: Folded | None = None,
             own: frozenset[str] | None = None) -> PageBlocks:
        """The page's blocks; ``text``: its text already folded with its line breaks (folding is the costly
        part of a long page, so the detector folds it once); ``own``: the text's own languages
        (:func:`holdguide.detection.concepts.read_block`)."""
        pieces = [("title", page.title)] if page.title else []
        pieces += [("alert", a) for a in page.alerts] + [("heading", h) for h in page.headings]
        blocks = [read_block(kind, fold(raw, keep_lines=True), languages, own) for kind, raw in pieces]
        blocks.append(read_block("text", text or fold(page.text or "", keep_lines=True), languages, own))
        return cls(tuple(blocks))


def _bonus(block: Block, index: int, structure: Structure) -> float:
    bonus = settings()["bonus"]
    if block.kind in ("alert", "heading", "title"):
        return float(bonus[block.kind])
    sentence = block.sentences[index]
    text = block.text
    alone = (sentence.start == 0 or text[sentence.start - 1] == "\n") and (
        sentence.end >= len(text) or text[sentence.end - 1] == "\n" or text[sentence.end:sentence.end + 1] == "\n")
    short = len(text[sentence.start:sentence.end].split()) <= bonus["line_words"] or block.tokens == 0
    if alone and short:
        return float(bonus["line"]) + (float(bonus["notice_page_line"]) if structure.notice_page else 0.0)
    return 0.0


def _quoted_factor(finding: Finding) -> float:
    """A claim whose words all stand between quotation marks is a quote (an article citing a notice)."""
    quoted = all(finding.block.is_quoted(hit.start, hit.end) for hit in finding.hits)
    return float(settings()["bonus"]["quoted_factor"]) if quoted else 1.0


def _anchor_cancelled(block: Block, start: int) -> bool:
    """An anchor in a stretch a cue cancels (the defaults' cues: "If you see 'Account on hold temporarily'")
    does not count."""
    index = bisect_right([s.start for s in block.sentences], start) - 1
    if index < 0 or start >= block.sentences[index].end:
        return False
    return any(a <= start < b for a, b in cancelled_stretches(block, index, settings()["defaults"]["unless"]))


def collect(pages: PageBlocks, structure: Structure, use_anchors: bool = True) -> Scores:
    """The findings and anchors of every block, each weighed with its bonus."""
    scores = Scores()
    for block in pages.blocks:
        for finding in findings(block):
            weight = (finding.rule.weight + _bonus(block, finding.sentence, structure)) * _quoted_factor(finding)
            scores.add_finding(finding, weight)
        if not use_anchors:
            continue
        for anchor, start, end in find_anchors(block.text):
            if block.is_quoted(start, end) or _anchor_cancelled(block, start):
                continue
            scores.add_anchor(anchor, float(settings()["anchor_weight"]), block, start, end)
    return scores


def _decide(scores: dict[str, float]) -> str:
    """The situation with the best score over the threshold, once those another one over the threshold
    dominates are set aside (rules.toml [dominates]); within the margin, the precedence decides."""
    data = settings()
    present = {s: v for s, v in scores.items() if v >= data["threshold"]}
    if not present:
        return "none"
    dominated = {d for s in present for d in data["dominates"].get(s, ())}
    present = {s: v for s, v in present.items() if s not in dominated} or present
    best = max(present.values())
    close = {s for s, v in present.items() if v >= best - data["margin"]}
    precedence: list[str] = data["precedence"]
    return next(s for s in precedence if s in close)


def _confidence(situation: str, scores: dict[str, float]) -> float:
    """A probability-like confidence, calibrated on the golden set and held-out rounds (scripts/accuracy.py
    prints the reliability table): how far the best score is over the threshold, and over the runner-up."""
    conf = settings()["confidence"]
    ranked = [*sorted(scores.values(), reverse=True), 0.0, 0.0]
    over = 1 / (1 + math.exp(-conf["slope"] * (ranked[0] - settings()["threshold"] + conf["offset"])))
    if situation == "none":
        return round(1 - over, 3)
    ahead = 1 / (1 + math.exp(-conf["margin_slope"] * (ranked[0] - ranked[1] + conf["margin_offset"])))
    cap: float = conf["cap"]
    return round(min(cap, over * ahead), 3)


def _evidence(scores: Scores, situation: str) -> tuple[str, ...]:
    """The words that decided, as the page shows them: anchors first, then the sentences of the rules."""
    quotes: list[tuple[float, str]] = []
    for weight, _anchor, block, start, end in scores.anchors.get(situation, {}).values():
        quotes.append((weight + 10, block.quote(start, end)))
    for weight, finding in scores.rules.get(situation, {}).values():
        sentence = finding.block.sentences[finding.sentence]
        quotes.append((weight, finding.block.quote(sentence.start, sentence.end)))
    ranked = sorted(quotes, key=lambda q: -q[0])
    return tuple(dict.fromkeys(q for _, q in ranked if q))[:_MAX_EVIDENCE]


def _subtype(scores: Scores, situation: str) -> str | None:
    """The finer id of the chosen situation: from its strongest rule that names one (a rejected document), else
    from its first reason rule in file order (rules.toml, weight 0), else from an anchor."""
    found = scores.rules.get(situation, {})
    order = {rule.id: index for index, rule in enumerate(rules())}
    ranked = sorted(found.values(), key=lambda x: (-x[1].rule.weight, order[x[1].rule.id]))
    named = [f.rule.subtype for _, f in ranked if f.rule.subtype]
    named += [a.subtype for _, a, *_ in scores.anchors.get(situation, {}).values() if a.subtype]
    return named[0] if named else None


def classify(pages: PageBlocks, structure: Structure, *, about_amazon: bool, official: bool,
             anchors_decide: bool = True, use_anchors: bool = True) -> Verdict:
    """Score every situation on ``pages`` and pick one (see the module docstring).

    ``anchors_decide``: Amazon's verbatim strings count toward the verdict. Not on a page of another site (a
    blog quoting the notice): there they only tell what a fake imitates (the unguarded claim).
    """
    scores = collect(pages, structure, use_anchors)
    scores.guards = page_guards(pages.blocks, about_amazon)
    text_guard = sum(scores.guards.values())
    situations = [s for s in settings()["precedence"]]
    unguarded, guarded = {}, {}
    for s in situations:
        words, anchored = scores.words(s), scores.anchor_weight(s)
        unguarded[s] = words + anchored + structure.priors.get(s, 0.0)
        value = unguarded[s] - (0.0 if anchors_decide else anchored) - text_guard - structure.guard
        if official and anchored:
            # On Amazon's own host, a verbatim Amazon string is not cancelled by generic guard phrases.
            value = max(value, anchored + words + structure.priors.get(s, 0.0) - structure.guard)
        guarded[s] = value
    situation, claimed = _decide(guarded), _decide(unguarded)
    applied = tuple(scores.guards) + (("structure",) if structure.guard else ())
    return Verdict(
        situation=situation,
        subtype=_subtype(scores, situation) if situation != "none" else None,
        confidence=_confidence(situation, guarded),
        evidence=_evidence(scores, situation if situation != "none" else claimed),
        scores=guarded,
        unguarded=unguarded,
        guards=applied,
        structure=tuple(structure.cues),
        claimed=claimed,
        claimed_subtype=_subtype(scores, claimed) if claimed != "none" else None,
        claimed_evidence=_evidence(scores, claimed),
    )
