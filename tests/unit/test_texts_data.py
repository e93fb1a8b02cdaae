"""The locale files: complete, translated, in the right script, with the English placeholders.

en.toml is the reference. Every other locale must have exactly its keys, keep each text's {placeholders}, and
really be translated: a value equal to the English one is allowed only where the word is the same in that
language (listed below with the reason), never as a forgotten copy.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from holdguide.guidance.texts import FALLBACK, load, placeholders, supported_languages

#: The languages the plan must offer (the brief: at least 8; we ship 12).
REQUIRED = {"ar", "de", "en", "es", "fr", "it", "ja", "nl", "pl", "pt", "sv", "tr"}
ENGLISH = load(FALLBACK)
OTHERS = [language for language in supported_languages() if language != FALLBACK]

#: (language, key) pairs whose text is rightly the same as in English, with why.
SAME_AS_ENGLISH = {
    ("de", "email.name"): "'Name' is the German word too",
    **{(language, "channels.chat"): "'Chat' is the usual word there too"
       for language in ("de", "es", "fr", "it", "nl", "pt")},
    **{(language, "channels.email"): "'E-mail' is the usual spelling there"
       for language in ("fr", "it", "nl", "pl", "pt")},
    ("fr", "headings.warnings"): "'Important' is the French word too",
    ("nl", "render.tip"): "'Tip' is the Dutch word too",
    ("nl", "caselog.entry-ticket"): "'ticket' is the Dutch word too",
    **{(language, "ui.tab"): "the product's name, on the overlay's collapsed tab" for language in REQUIRED},
}

#: Letters that only a real text in the language would contain somewhere in its file.
LETTERS = {
    "de": "äöüß",
    "es": "ñáéíóú¿¡",
    "fr": "éèàçêœ",
    "it": "àèéìòù",
    "nl": "éëï",
    "pl": "ąćęłńóśźż",
    "pt": "ãõçáéêóâ",
    "sv": "åäö",
    "tr": "ışğİçöü",
}
DIRECTION = {"ar": "rtl"}
#: Keys that hold a code or a name, not words to translate.
NOT_TEXT = {"meta.direction", "ui.tab"}  # ui.tab is the product's name, "Hold Guide"


def _scripts(value: str) -> set[str]:
    """The scripts of the letters in ``value`` ("LATIN", "ARABIC", "CJK", "HIRAGANA", ...)."""
    found = set()
    for char in value:
        if char.isalpha():
            name = unicodedata.name(char, "")
            # º and ª (n.º, 1.ª) are Latin-script ordinal indicators whose names start MASCULINE/FEMININE.
            found.add("LATIN" if name.endswith("ORDINAL INDICATOR") else name.split(" ")[0])
    return found


def _words(texts: dict[str, str]) -> list[str]:
    """The keys whose English text has words to translate (not codes like meta.direction, not "{date}: {channel}")."""
    return [key for key in texts if key not in NOT_TEXT and re.search(r"[^\W\d_]", _without_fixed_parts(ENGLISH[key]))]


def _without_fixed_parts(value: str) -> str:
    """``value`` without the parts no translation changes: placeholders, addresses, handles, URLs, numbers."""
    value = re.sub(r"\{[^}]*\}", "", value)
    value = re.sub(r"[\w.+-]*@[A-Za-z0-9_.-]+|https?://[!-~]+|amazon\.[a-z.]+|\d[\d-]*", "", value, flags=re.ASCII)
    return value


def test_the_required_languages_are_shipped() -> None:
    assert REQUIRED <= set(supported_languages())


@pytest.mark.parametrize("language", OTHERS)
def test_every_locale_has_exactly_the_english_keys(language: str) -> None:
    keys = set(load(language))
    assert sorted(set(ENGLISH) - keys) == [], "missing"
    assert sorted(keys - set(ENGLISH)) == [], "not in en.toml"


@pytest.mark.parametrize("language", supported_languages())
def test_placeholders_match_english(language: str) -> None:
    texts = load(language)
    wrong = {key: sorted(placeholders(value)) for key, value in texts.items()
             if placeholders(value) != placeholders(ENGLISH[key])}
    assert wrong == {}


@pytest.mark.parametrize("language", OTHERS)
def test_values_are_translated_not_copied(language: str) -> None:
    texts = load(language)
    copied = [key for key in _words(texts) if texts[key] == ENGLISH[key] and (language, key) not in SAME_AS_ENGLISH]
    assert copied == []


def test_the_allowed_copies_are_still_copies() -> None:
    # An entry here that no longer matches English is stale: drop it so the list stays honest.
    stale = [pair for pair in SAME_AS_ENGLISH if load(pair[0]).get(pair[1]) != ENGLISH.get(pair[1])]
    assert stale == []


@pytest.mark.parametrize("language", ["ja"])
def test_japanese_texts_are_in_japanese_script(language: str) -> None:
    japanese = {"CJK", "HIRAGANA", "KATAKANA"}
    texts = load(language)
    latin_only = [key for key in _words(texts) if not _scripts(_without_fixed_parts(texts[key])) & japanese]
    assert latin_only == []


def test_arabic_texts_are_in_arabic_script() -> None:
    texts = load("ar")
    not_arabic = [key for key in _words(texts) if "ARABIC" not in _scripts(_without_fixed_parts(texts[key]))]
    assert not_arabic == []


@pytest.mark.parametrize("language", sorted(LETTERS))
def test_latin_script_locales_use_their_own_letters_and_no_other_script(language: str) -> None:
    texts = load(language)
    foreign = {key: _scripts(value) - {"LATIN"} for key, value in texts.items() if _scripts(value) - {"LATIN"}}
    assert foreign == {}
    letters = set("".join(texts.values()).lower())
    assert letters & set(LETTERS[language]), f"no {LETTERS[language]} anywhere: is this really {language}?"


@pytest.mark.parametrize("language", supported_languages())
def test_direction_is_declared(language: str) -> None:
    assert load(language)["meta.direction"] == DIRECTION.get(language, "ltr")


@pytest.mark.parametrize("language", supported_languages())
def test_no_text_is_empty_or_padded(language: str) -> None:
    bad = [key for key, value in load(language).items() if not value.strip() or value != value.strip()]
    assert bad == []
