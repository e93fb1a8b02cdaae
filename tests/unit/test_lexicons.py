"""The concept lexicons (data/lexicon/<lang>.toml): one per language, each filling every required concept.

A linguist extends the detector to a new language by filling one such file (see holdguide.detection.lexicon):
these tests hold every file to the catalog (data/detection/concepts.toml), run the file's own corpus (texts it
must answer, and close negatives it must not), and keep matching fast and whole-word.
"""

from __future__ import annotations

import pytest

from holdguide.datafiles import toml_names
from holdguide.detection import detect
from holdguide.detection.concepts import catalog
from holdguide.detection.lexicon import Lexicon, WordPattern, lexicons, tokenize
from holdguide.model import PageInput

LEXICONS = lexicons()
REQUIRED = {concept for concept, about in catalog().items() if about.get("required")}


def corpus() -> list[tuple[Lexicon, dict]]:
    return [(lex, entry) for lex in LEXICONS for entry in lex.corpus]


def test_one_file_per_language_named_by_its_code() -> None:
    assert [f"{lex.code}.toml" for lex in LEXICONS] == list(toml_names("lexicon"))


@pytest.mark.parametrize("lex", LEXICONS, ids=[lex.code for lex in LEXICONS])
def test_lexicon_fills_every_required_concept_and_only_known_ones(lex: Lexicon) -> None:
    concepts = {entry.concept for entry in lex.entries}
    assert concepts <= set(catalog()), concepts - set(catalog())
    assert REQUIRED <= concepts, f"{lex.code} lacks {sorted(REQUIRED - concepts)}"
    assert lex.stopwords and lex.brand


@pytest.mark.parametrize("lex", LEXICONS, ids=[lex.code for lex in LEXICONS])
def test_entries_are_words_of_their_language(lex: Lexicon) -> None:
    for entry in lex.entries:
        assert all(w.stem for w in entry.words), f"{lex.code}: empty word in {entry.source!r}"
        assert entry.source == entry.source.strip().lower() or not entry.source.isascii(), (
            f"{lex.code}: write entries in lower case: {entry.source!r}")


@pytest.mark.parametrize(("lex", "entry"), corpus(), ids=[f"{lex.code}-{i}" for i, (lex, _) in enumerate(corpus())])
def test_corpus_text_is_answered_as_written(lex: Lexicon, entry: dict) -> None:
    got = detect(PageInput(text=entry["text"], url=entry.get("url"), lang=lex.code))
    assert got.situation == entry["situation"], got.evidence


def test_words_match_whole_words_only() -> None:
    lock = WordPattern.parse("lock*")
    assert lock.matches("locked") and not lock.matches("unlock")
    konto = WordPattern.parse("*konto")
    assert konto.matches("kundenkonto") and not konto.matches("kontostand")
    assert [t.text for t in tokenize("we've locked your amazon-konto")] == ["we", "ve", "locked", "your", "amazon",
                                                                            "konto"]


@pytest.mark.timeout(60)
def test_a_huge_page_is_read_in_every_language() -> None:
    text = "Your Amazon account is on hold. Ihr Konto ist gesperrt. " * 4_000
    assert detect(PageInput(text=text)).situation in {"payment-verification", "security-lock"}
