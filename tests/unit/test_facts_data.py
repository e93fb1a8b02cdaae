"""Every fact the plan states cites a public source in data/facts.toml (issue 11).

A fact is anything a shopper could check and find wrong: a file limit, a review time, a deadline, a help node, a
legal provision. facts.toml lists each with its source and the text keys that state it; a fact without a source is
left out and listed under [omitted] with the reason. The safety net: an English text with a number in it must be
covered by some fact, so a new "up to 15 MB" cannot slip in unsourced.
"""

from __future__ import annotations

import re

import pytest

from holdguide.guidance.plan import data
from holdguide.guidance.texts import FALLBACK, load

FACTS = data("facts")
ENGLISH = load(FALLBACK)
#: Texts whose numbers are no fact about Amazon or the law: a format example, our own input limit, the overlay's
#: counter, and the source guide's year (which the guide's own fact covers where it matters).
NOT_FACTS = {"errors.order-invalid", "errors.name-too-long", "ui.step_of"}
#: What a number in a text looks like, once placeholders, domains and e-mail addresses are taken out.
NUMBER = re.compile(r"\d")


def _covered() -> set[str]:
    return {key for fact in FACTS["facts"].values() for key in fact["texts"]}


def _without_names(value: str) -> str:
    value = re.sub(r"\{[^}]*\}", "", value)
    return re.sub(r"[\w.+-]*@[\w.-]+|[\w-]+\.(?:com|de|in|lu|br|gov)[\w./-]*|\b2023\b", "", value)


@pytest.mark.parametrize("fact_id", sorted(FACTS["facts"]))
def test_every_fact_says_what_it_is_and_where_it_comes_from(fact_id: str) -> None:
    fact = FACTS["facts"][fact_id]
    assert fact["says"] and fact["source"] and fact["texts"]
    assert [key for key in fact["texts"] if key not in ENGLISH] == [], "a fact names a text that does not exist"


def test_every_english_text_with_a_number_is_covered_by_a_sourced_fact() -> None:
    uncovered = [key for key, value in ENGLISH.items()
                 if NUMBER.search(_without_names(value)) and key not in _covered() and key not in NOT_FACTS]
    assert uncovered == []


def test_every_fact_left_out_says_why() -> None:
    assert FACTS["omitted"], "the file lists what was left out"
    for fact_id, fact in FACTS["omitted"].items():
        assert fact["says"] and len(fact["reason"]) > 40, fact_id


def test_nothing_left_out_is_stated_after_all() -> None:
    everything = " ".join(ENGLISH.values())
    assert "stop-spoofing" not in everything and "verify@amazon.com" not in everything
    assert "AWS" not in everything


def test_the_help_nodes_the_plan_links_are_sourced() -> None:
    """Amazon help pages are linked by node id: each one's page entry names where it was seen."""
    for page_id, page in data("contacts")["pages"].items():
        if "nodeId=" in page["path"]:
            node = page["path"].split("nodeId=")[1]
            assert node in page["source"] or node in " ".join(f["source"] for f in FACTS["facts"].values()), page_id
