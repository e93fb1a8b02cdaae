"""The plan's language (contract.md, "Language"): the user's choice, else the page's, else the marketplace's."""

from __future__ import annotations

import pytest

from holdguide.guidance.plan import choose_language, supported_languages
from holdguide.guidance.texts import fill, language_names, normalise_language, text
from holdguide.marketplaces import by_domain

DE, AE, IN = by_domain("amazon.de"), by_domain("amazon.ae"), by_domain("amazon.in")


def test_the_users_choice_wins() -> None:
    assert choose_language("fr", "de", "de", DE) == "fr"


def test_then_the_pages_lang_attribute_then_its_text() -> None:
    assert choose_language(None, "it-IT", "de", DE) == "it"
    assert choose_language(None, None, "nl", DE) == "nl"
    assert choose_language("", "  ", "nl", DE) == "nl"


def test_then_the_marketplaces_default() -> None:
    assert choose_language(None, None, None, DE) == "de"
    assert choose_language(None, None, None, AE) == "en"


def test_a_language_without_texts_passes_to_the_next_in_the_rule() -> None:
    assert choose_language(None, "hi", None, IN) == "en"  # amazon.in page in Hindi: no Hindi texts; its default
    assert choose_language("zh-Hans", "de", None, DE) == "de"  # a choice we cannot serve: the page's language
    assert choose_language(None, "und", "de", DE) == "de"  # lang="und" on a German text: the text's language
    assert choose_language(None, None, None, None) == "en"


@pytest.mark.parametrize(("tag", "primary"), [("de-DE", "de"), ("pt_BR", "pt"), ("AR", "ar"), ("sv-SE-x-y", "sv"),
                                              ("", None), ("1234", None), ("日本語", None), (None, None)])
def test_tags_are_reduced_to_their_primary_subtag(tag, primary) -> None:
    assert normalise_language(tag) == primary


def test_at_least_ten_languages_with_their_own_names() -> None:
    names = language_names()
    assert set(supported_languages()) == set(names) and len(names) >= 10
    assert names["de"] == "Deutsch" and names["ja"] == "日本語" and names["ar"] == "العربية"


def test_fill_inserts_values_as_text_and_leaves_unknown_fields() -> None:
    assert fill("Hi {name}, see {other}", {"name": "{secret.__class__}"}) == "Hi {secret.__class__}, see {other}"
    assert fill("{0.__class__} {name!r:>10}", {"name": "x"}) == "{0.__class__} {name!r:>10}"
    assert fill("a {{literal}} b", {}) == "a {literal} b"


def test_a_missing_key_falls_back_to_english() -> None:
    assert text("xx", "headings.steps") == text("en", "headings.steps")
