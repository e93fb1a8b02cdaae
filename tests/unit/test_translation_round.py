"""The translation round of issue 8 (tests/translations/<lang>.toml) is well formed.

``en.toml`` holds real English Amazon notices, one per template, and close negatives, each with its label and
source. Every other language file holds the same ids, written the way that market's Amazon site words them
(``quality = "constructed"``), and was committed before that language's concept lexicon. Labels live in
``en.toml`` only, so a translation can never be relabelled. This file checks the shape of the data, not the
detector's score: ``scripts/accuracy.py`` reports that, apart from the real-text scores.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROUND = Path(__file__).resolve().parent.parent / "translations"
# Each language's main marketplace: a translated case's url moves to it, keeping the path (issue 8).
MARKETPLACES = {"de": "amazon.de", "fr": "amazon.fr", "es": "amazon.es", "it": "amazon.it", "ja": "amazon.co.jp",
                "pt": "amazon.com.br", "nl": "amazon.nl", "pl": "amazon.pl", "sv": "amazon.se",
                "tr": "amazon.com.tr", "ar": "amazon.sa"}
# Hosts that are the same in every market, so a translation keeps them as they are.
SHARED_HOSTS = {"account-status.amazon.com"}
SITUATIONS = {"payment-verification", "document-verification", "security-lock", "orders-on-hold",
              "account-closed", "account-warning", "none"}
SCORE = re.compile(r"^(\d+)/(\d+)$")


def load(lang: str) -> dict:
    return tomllib.loads((ROUND / f"{lang}.toml").read_text(encoding="utf-8"))


EN = load("en")
ORIGINALS = {case["id"]: case for case in EN["case"]}
TRANSLATIONS = sorted(MARKETPLACES)


def test_the_round_has_english_and_the_eleven_other_languages():
    assert sorted(p.stem for p in ROUND.glob("*.toml")) == sorted(["en", *MARKETPLACES])


def test_english_originals_are_labelled_real_notices_with_sources():
    assert EN["file"]["language"] == "en" and EN["file"]["quality"] == "real"
    assert len(ORIGINALS) == len(EN["case"]), "ids are unique"
    for case in EN["case"]:
        assert case["situation"] in SITUATIONS, case["id"]
        assert case["phishing"] is False, "the round measures genuine notices and close negatives only"
        assert case["text"].strip() and case["source"].strip() and case["template"].strip(), case["id"]


def test_english_has_at_least_fifteen_templates_and_some_close_negatives():
    holds = [c for c in EN["case"] if c["situation"] != "none"]
    templates = [c["template"] for c in EN["case"]]
    assert len(templates) == len(set(templates)), "one case per distinct template"
    assert len(holds) >= 15
    assert len(EN["case"]) - len(holds) >= 4, "close negatives measure false alarms"
    assert {c["situation"] for c in holds} == SITUATIONS - {"none"}, "every situation is covered"


@pytest.mark.parametrize("lang", ["en", *TRANSLATIONS])
def test_each_file_records_the_old_detectors_first_score(lang):
    info = load(lang)["file"]
    score = SCORE.match(info["first_seen_old_detector"])
    assert score, "the baseline before the redesign, as 'hits/total'"
    assert int(score[1]) <= int(score[2]) == len(ORIGINALS)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", info["date"])


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_translation_is_constructed_and_carries_no_labels_of_its_own(lang):
    data = load(lang)
    assert data["file"]["language"] == lang
    assert data["file"]["quality"] == "constructed"
    assert data["file"]["note"].strip(), "a translator note says how the texts were written"
    for case in data["case"]:
        assert set(case) <= {"id", "text", "url"}, f"{lang}/{case['id']}: labels live in en.toml only"


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_translation_has_every_english_case_once(lang):
    ids = [case["id"] for case in load(lang)["case"]]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(ORIGINALS)


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_translation_is_written_out(lang):
    for case in load(lang)["case"]:
        assert case["text"].strip(), case["id"]
        assert case["text"] != ORIGINALS[case["id"]]["text"], f"{lang}/{case['id']} is still the English text"


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_translation_url_moves_to_its_marketplace_and_keeps_the_path(lang):
    for case in load(lang)["case"]:
        original = ORIGINALS[case["id"]].get("url")
        assert ("url" in case) == (original is not None), f"{lang}/{case['id']}: a url exactly where en has one"
        if original is None:
            continue
        want, got = urlsplit(original), urlsplit(case["url"])
        host = want.hostname if want.hostname in SHARED_HOSTS else f"www.{MARKETPLACES[lang]}"
        assert (got.scheme, got.hostname, got.path, got.query) == (want.scheme, host, want.path, want.query)
