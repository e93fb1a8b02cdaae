"""Held-out wording: real texts from public sources that no signal example and no golden fixture uses.

Each round of new wording lives in its own data file, ``tests/heldout/round-<n>.toml``: a ``[round]`` table
(number, date, ``first_seen`` = the score on the FIRST run, before any signal change, and a note) and one
``[[case]]`` table per text (id, text, optional url and sender, expected situation and phishing, source, and
``expected_failure`` with the reason when a miss is kept). ``scripts/accuracy.py`` prints each round's first-seen
score next to its score today, so "new wording is checked regularly" stays measurable.

How to add round 4 (and later rounds):
1. Find new real texts (holds, phishing imitating Amazon, and close negatives) with the search tool; check that
   no golden fixture (tests/golden/*/expected.json) and no earlier round uses the same source or wording.
2. Write ``tests/heldout/round-4.toml`` with ``first_seen = "?"``, label every case from the contract
   (shared/contract.md) before looking at the detector's answer.
3. Run ``python scripts/accuracy.py`` BEFORE touching any signal and write the held-out score of round 4 into
   ``first_seen`` (e.g. "9/18"). This number is never edited afterwards.
4. Widen the signals (py/holdguide/data/signals/*.toml) by wording family, never by one sentence; keep every
   golden fixture and counter-example right. A case still missed gets ``expected_failure`` with its reason
   (strict xfail, so a later fix is noticed). Never relabel a case to make it pass.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from holdguide.detection import detect
from holdguide.model import PageInput

HELDOUT = Path(__file__).resolve().parent.parent / "heldout"
SITUATIONS = {"payment-verification", "document-verification", "security-lock", "orders-on-hold",
              "account-closed", "account-warning", "none"}


def load_rounds() -> list[dict]:
    """Every round file, in round order: ``[{"round": {...}, "case": [...]}, ...]``."""
    rounds = [tomllib.loads(p.read_text(encoding="utf-8")) for p in HELDOUT.glob("round-*.toml")]
    return sorted(rounds, key=lambda r: r["round"]["number"])


def page(case: dict) -> PageInput:
    """The detector's input for one held-out case (a message when a sender is given)."""
    sender = case.get("sender")
    return PageInput(text=case["text"], url=case.get("url"), sender=sender, kind="message" if sender else "page")


ROUNDS = load_rounds()
CASES = [(r["round"]["number"], c) for r in ROUNDS for c in r["case"]]


def test_round_files_are_well_formed():
    numbers = [r["round"]["number"] for r in ROUNDS]
    assert numbers == list(range(1, len(ROUNDS) + 1)), "rounds are numbered 1, 2, 3... without gaps"
    ids = [c["id"] for _n, c in CASES]
    assert len(ids) == len(set(ids)), "case ids are unique across rounds"
    for r in ROUNDS:
        assert r["round"]["first_seen"].count("/") == 1, "first_seen records the first run's score as 'hits/total'"
        assert int(r["round"]["first_seen"].split("/")[1]) == len(r["case"])
    for _n, c in CASES:
        assert c["situation"] in SITUATIONS and isinstance(c["phishing"], bool) and c["source"], c["id"]


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=f"r{n}-{c['id']}",
                     marks=[pytest.mark.xfail(reason=c["expected_failure"], strict=True)]
                     if c.get("expected_failure") else [])
        for n, c in CASES
    ],
)
def test_unseen_real_wording(case):
    got = detect(page(case))
    assert (got.situation, got.phishing) == (case["situation"], case["phishing"])
