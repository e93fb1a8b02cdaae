"""The signal tables (data/signals/<lang>.toml) hold what they promise.

Every signal matches its own examples and none of its counter-examples; every example of one situation is
rejected by the signals of every other situation (so no wording is claimed twice); ids are unique; weights
and situation ids are the ones the engine knows; patterns stay fast on hostile input.
"""

from __future__ import annotations

import time

import pytest

from holdguide.detection.classify import settings
from holdguide.detection.normalize import fold
from holdguide.detection.signals import all_signals, languages
from holdguide.model import SITUATIONS

SIGNALS = [s for s in all_signals() if s.kind == "signal"]
GUARDS = [s for s in all_signals() if s.kind == "guard"]
# other-service: AWS and other accounts that are not a shopper's (out of scope, like seller accounts)
GUARD_KINDS = {"help-article", "scam-warning", "seller", "other-service"}


def _ids(items):
    return [item.id for item in items]


def test_there_are_at_least_ten_languages_with_signals_for_every_situation_in_english():
    codes = {lang.code for lang in languages()}
    assert len(codes) >= 10
    english = {s.topic for s in SIGNALS if s.language == "en"}
    assert english == set(SITUATIONS) - {"none"}


def test_ids_are_unique_and_start_with_their_language():
    ids = [s.id for s in all_signals()]
    assert len(ids) == len(set(ids))
    assert all(s.id.startswith(s.language + "-") for s in all_signals())


@pytest.mark.parametrize("signal", SIGNALS, ids=_ids(SIGNALS))
def test_signal_names_a_known_situation_and_weight(signal):
    assert signal.topic in SITUATIONS and signal.topic != "none"
    assert signal.weight in (1, 2, 3)
    assert signal.source, "every signal says where its wording comes from"


@pytest.mark.parametrize("guard", GUARDS, ids=_ids(GUARDS))
def test_guard_names_a_known_kind(guard):
    assert guard.topic in GUARD_KINDS


@pytest.mark.parametrize("signal", all_signals(), ids=_ids(all_signals()))
def test_signal_matches_its_examples_and_not_its_counter_examples(signal):
    assert signal.examples, "every signal has examples"
    for example in signal.examples:
        assert signal.pattern.search(fold(example).text), f"{signal.id} misses its example: {example!r}"
    for counter in signal.counter_examples:
        assert not signal.pattern.search(fold(counter).text), f"{signal.id} matches its counter-example: {counter!r}"


@pytest.mark.parametrize("signal", SIGNALS, ids=_ids(SIGNALS))
def test_examples_are_rejected_by_every_other_situations_signals(signal):
    others = [other for other in SIGNALS if other.topic != signal.topic]
    for example in signal.examples:
        text = fold(example).text
        claimed = [other.id for other in others if other.pattern.search(text)]
        assert not claimed, f"{example!r} ({signal.topic}) is also claimed by {claimed}"


def test_every_precedence_entry_is_a_situation():
    assert set(settings()["precedence"]) == set(SITUATIONS) - {"none"}


def test_patterns_stay_fast_on_hostile_text():
    hostile = ("account " * 20_000) + ("a" * 50_000) + (" your account has been " * 2_000)
    text = fold(hostile).text
    started = time.perf_counter()
    for signal in all_signals():
        signal.pattern.search(text)
    assert time.perf_counter() - started < 3.0
