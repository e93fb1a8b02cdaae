"""Every text checked against its language's glossary (data/glossary/<lang>.toml), and every e-mail against its
register (issue 11).

A glossary gives one term per concept, as Amazon's own site in that language names it (Message Center, contact page,
order number, two-step verification...), with the variants we do not use and the wordings reported as wrong in
review. The register says how the e-mails address Amazon's team; no mail template and no mail we build may slip
into another form of address (the Spanish and Italian mails once switched from plural to singular mid-mail).
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from holdguide.datafiles import load_toml, toml_names
from holdguide.guidance.caselog import follow_up_email
from holdguide.guidance.plan import build_plan
from holdguide.guidance.texts import load, supported_languages
from holdguide.marketplaces import by_domain
from holdguide.model import SITUATIONS, Details

LANGUAGES = supported_languages()
#: Text keys whose words end up in an e-mail (or the public post) to Amazon.
MAIL_PREFIXES = ("email.", "request.", "executive.", "problem.", "subject.", "x.", "caselog.intro",
                 "caselog.request", "caselog.history", "caselog.subject")
ERIKA = Details(name="Erika Mustermann", email="erika@example.org", order="302-1234567-7654321", tickets=("A-1",))
#: One store per kind of e-mail request: an EU closure cites the DSA and GDPR, a US one does not.
STORES = (by_domain("amazon.de"), by_domain("amazon.com"))


@cache
def glossary(language: str) -> dict:
    return load_toml(f"glossary/{language}.toml")


def _folded(value: str) -> str:
    return value.casefold()


def _mail_templates(language: str) -> dict[str, str]:
    return {key: value for key, value in load(language).items() if key.startswith(MAIL_PREFIXES)}


def _built_mails(language: str) -> list[str]:
    """Every e-mail body and post the plans of this language build, plus the case log's follow-up."""
    bodies = []
    for store in STORES:
        for situation in SITUATIONS:
            for subtype in (None, "document-rejected"):
                plan = build_plan(situation, store, language, ERIKA, subtype=subtype)
                bodies += [link["copy"].get("body", "") for step in plan["steps"] for link in step["links"]
                           if link.get("copy")]
    log = [{"when": "2026-11-24", "channel": "email", "ticket": "A-1"}]
    bodies.append(follow_up_email(log, STORES[0], language, ERIKA, situation="security-lock")["body"])
    return bodies


def test_every_language_has_a_glossary_and_every_glossary_a_language() -> None:
    assert {name.removesuffix(".toml") for name in toml_names("glossary")} == set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_glossary_names_the_same_concepts_with_a_source(language: str) -> None:
    assert set(glossary(language)["terms"]) == set(glossary("en")["terms"])
    assert glossary(language)["source"]
    for concept, term in glossary(language)["terms"].items():
        assert term["use"] and _folded(term["use"]) not in map(_folded, term.get("avoid", [])), concept


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_text_uses_a_variant_the_glossary_avoids(language: str) -> None:
    texts = load(language)
    found = {(concept, variant, key)
             for concept, term in glossary(language)["terms"].items() for variant in term.get("avoid", [])
             for key, value in texts.items() if _folded(variant) in _folded(value)}
    assert found == set()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_term_of_the_glossary_is_used(language: str) -> None:
    """A term no text uses is a stale glossary entry, or a text that drifted to another word."""
    everything = _folded(" ".join(load(language).values()))
    unused = [concept for concept, term in glossary(language)["terms"].items()
              if not any(_folded(form) in everything for form in [term["use"], *term.get("forms", [])])]
    assert unused == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_reported_slip_comes_back(language: str) -> None:
    texts = load(language)
    found = {(slip, key) for slip in glossary(language).get("slips", {})
             for key, value in texts.items() if _folded(slip) in _folded(value)}
    assert found == set()


def test_the_slips_found_in_review_are_all_listed() -> None:
    """Issue 11's list of slips, each kept in its language's glossary so that the test above guards it."""
    reported = {
        "de": ["Prüfziffer", "angemeldet kontaktieren", "Nachrichten-Center", "Letzte Bestellnummer"],
        "fr": ["contrefaçon", "téléchargez", "Publier à"],
        "es": ["No actúe sobre", "Le escribo"],
        "it": ["le leggono prima degli assistenti", "strade tue", "le scrivo"],
        "ja": ["アカウント解除", "助けが必要です"],
    }
    for language, slips in reported.items():
        listed = set(glossary(language).get("slips", {})) | {
            variant for term in glossary(language)["terms"].values() for variant in term.get("avoid", [])}
        assert set(slips) <= listed, language


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_mail_templates_keep_one_register(language: str) -> None:
    register = glossary(language)["register"]
    templates = _mail_templates(language)
    wrong = {(pattern, key) for pattern in register["avoid"] for key, value in templates.items()
             if re.search(pattern, value)}
    assert wrong == set(), register["mail"]
    assert any(re.search(register["expect"], value) for value in templates.values()), register["mail"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_mail_we_build_keeps_that_register(language: str) -> None:
    register = glossary(language)["register"]
    wrong = {pattern for body in _built_mails(language) for pattern in register["avoid"] if re.search(pattern, body)}
    assert wrong == set(), register["mail"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_executives_are_not_greeted_as_customer_service(language: str) -> None:
    texts = load(language)
    assert texts["executive.greeting"] != texts["email.greeting"]
    service = _folded(glossary(language)["terms"]["customer-service"]["use"])
    assert service not in _folded(texts["executive.greeting"])
