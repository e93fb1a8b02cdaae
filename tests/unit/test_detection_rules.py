"""The situation rules (data/detection/rules.toml) and the concept catalog (concepts.toml) hold what they promise.

Each rule fires on its own examples, in every language they are written in, and on none of its counter-
examples; each names only concepts the catalog knows and a situation of the contract; the cues, suppressions,
guards and precedence name what exists. Examples run through the language's own lexicon only, so a rule that
works in German works because the German words are there.
"""

from __future__ import annotations

import pytest

from holdguide.detection.classify import PageBlocks
from holdguide.detection.concepts import catalog, exclusive_groups, suppressions
from holdguide.detection.lexicon import lexicon, lexicons
from holdguide.detection.rules import Rule, findings, rules, settings
from holdguide.model import SITUATIONS, PageInput

RULES = rules()


def fired(text: str, language: str) -> set[str]:
    """The ids of the rules that fire on ``text`` read with ``language``'s lexicon alone."""
    lex = lexicon(language)
    assert lex is not None, f"no lexicon for {language}"
    pages = PageBlocks.read(PageInput(text=text), (lex,))
    return {f.rule.id for block in pages.blocks for f in findings(block)}


def cases(kind: str) -> list[tuple[Rule, str, str]]:
    """The rule's own examples (rules.toml) and those each language file adds ([[example]])."""
    by_id = {r.id: r for r in RULES}
    found = [(r, lang, text) for r in RULES for lang, text in getattr(r, kind) if lexicon(lang) is not None]
    counter = kind == "counter_examples"
    found += [(by_id[e["rule"]], lex.code, e["text"]) for lex in lexicons() for e in lex.examples
              if bool(e.get("counter", False)) == counter]
    return found


@pytest.mark.parametrize(("rule", "language", "text"), cases("examples"),
                         ids=[f"{r.id}-{lang}-{i}" for i, (r, lang, _) in enumerate(cases("examples"))])
def test_rule_fires_on_its_examples(rule: Rule, language: str, text: str) -> None:
    assert rule.id in fired(text, language)


@pytest.mark.parametrize(("rule", "language", "text"), cases("counter_examples"),
                         ids=[f"{r.id}-{lang}-{i}" for i, (r, lang, _) in enumerate(cases("counter_examples"))])
def test_rule_does_not_fire_on_its_counter_examples(rule: Rule, language: str, text: str) -> None:
    assert rule.id not in fired(text, language)


def test_every_rule_has_examples_in_several_languages() -> None:
    languages: dict[str, set[str]] = {r.id: {lang for lang, _ in r.examples} for r in RULES}
    for lex in lexicons():
        for example in lex.examples:
            assert example["rule"] in languages, f"{lex.code}: unknown rule {example['rule']!r}"
            if not example.get("counter"):
                languages[example["rule"]].add(lex.code)
    for rule_id, found in languages.items():
        assert len(found) >= 2, rule_id


def test_rules_name_known_concepts_situations_and_cues() -> None:
    known = set(catalog())
    assert len({r.id for r in RULES}) == len(RULES), "rule ids are unique"
    for rule in RULES:
        assert rule.situation in SITUATIONS and rule.situation != "none", rule.id
        assert rule.concepts | rule.without | rule.unless <= known, rule.id
        assert rule.within in ("sentence", "clause"), rule.id
    assert set(settings()["cues"]) <= known
    assert set(settings()["defaults"]["unless"]) <= set(settings()["cues"]), "every default cue has a scope"
    for suppression in suppressions():
        assert {suppression.concept, *suppression.hides} <= known
    for group in exclusive_groups():
        assert group <= known
    for guard in settings()["guard"]:
        assert set(guard.get("concepts", ())) <= known, guard["id"]


def test_precedence_and_dominance_name_every_situation_once() -> None:
    precedence = settings()["precedence"]
    assert sorted(precedence) == sorted(s for s in SITUATIONS if s != "none")
    for winner, losers in settings()["dominates"].items():
        assert winner in precedence and set(losers) <= set(precedence) and winner not in losers


def test_every_situation_has_a_rule() -> None:
    assert {r.situation for r in RULES} == set(SITUATIONS) - {"none"}
