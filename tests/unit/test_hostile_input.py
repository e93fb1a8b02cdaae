"""Hostile input cannot stall the analysis (issue 3, "bad input ... within seconds and never raise").

Every pattern in the data files is run over long runs of the characters and near-matches it is built from
(digit runs, brand names, its own examples repeated), and the extraction paths over unclosed tags and stacked
comments. A hang guard (pytest-timeout) fails the test instead of letting CI sit; how fast things are is
measured by scripts/benchmark.py, not here.
"""

from __future__ import annotations

import re

import pytest

from holdguide.api import MAX_TEXT
from holdguide.detection import detect
from holdguide.detection.phishing import data as phishing_data
from holdguide.extract import page_from_html
from holdguide.inputs import page_from_text
from holdguide.messages import page_from_message
from holdguide.model import PageInput

#: Far longer than any pattern could need, as long as the text the detector ever scans.
LENGTH = MAX_TEXT


def patterns() -> list[tuple[str, re.Pattern[str], tuple[str, ...]]]:
    """(id, compiled pattern, its examples) for every phishing pattern in the data (the situations are
    found with word lexicons, which have no patterns: tests/unit/test_lexicons.py times a huge text)."""
    found: list[tuple[str, re.Pattern[str], tuple[str, ...]]] = []
    for table in ("request", "sensitive", "threat"):
        for index, entry in enumerate(phishing_data()[table]):
            found.append((f"{table}-{entry.get('language', '')}-{index}", entry["compiled"], tuple(entry["examples"])))
    return found


def hostile_texts(examples: tuple[str, ...]) -> list[str]:
    near = [example[: max(1, len(example) - 1)] + " " for example in examples]  # just short of a match
    return ["2" * LENGTH, "amazon" * (LENGTH // 6), "a" * LENGTH, *((text * (LENGTH // len(text) + 1))[:LENGTH]
                                                                    for text in near)]


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("pattern", "examples"), [p[1:] for p in patterns()], ids=[p[0] for p in patterns()])
def test_pattern_stays_linear_on_hostile_text(pattern: re.Pattern[str], examples: tuple[str, ...]) -> None:
    for text in hostile_texts(examples):
        pattern.search(text)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", ["Amazon account on hold. " + "2" * LENGTH, "amazon " * (LENGTH // 7),
                                  "verify at amazon" * (LENGTH // 16)], ids=["digits", "brand", "brand-glued"])
def test_detect_answers_hostile_text(text: str) -> None:
    assert detect(PageInput(text=text)).situation in {"none", "security-lock", "payment-verification",
                                                      "orders-on-hold", "account-closed", "account-warning",
                                                      "document-verification"}


@pytest.mark.timeout(60)
def test_unclosed_tags_do_not_stall_the_html_reader() -> None:
    page_from_html("<a " * 60_000)  # returns (an unclosed tag shows no text)
    assert page_from_message("From: x@y.z\nSubject: s\n\n" + "<a " * 20_000).kind == "message"


@pytest.mark.timeout(60)
def test_stacked_comments_do_not_stall_the_html_sniffer() -> None:
    assert page_from_text("<!--a-->" * 5_000 + "<html><body>x</body></html>").text == "x"
