"""The marketplace data file and the host rules built on it.

Two halves: what every entry of data/marketplaces.toml must satisfy, and which hosts count as Amazon's own.
The look-alike list is the heart of it: personal details are only ever written into an official host's page.
"""

from __future__ import annotations

import importlib.resources
import re
import tomllib

import pytest

from holdguide.marketplaces import (
    all_marketplaces,
    by_domain,
    for_host,
    is_official_host,
    is_shared_host,
    marketplace_for_language,
    normalize_host,
    official_domains,
    shared_hosts,
)

MARKETPLACES = all_marketplaces()
DOMAINS = [m.domain for m in MARKETPLACES]

#: The shops the product must know at the least (the brief, checked 2026-11-25).
REQUIRED = [
    *("amazon.com", "amazon.ca", "amazon.com.mx", "amazon.com.br"),
    *("amazon.co.uk", "amazon.de", "amazon.fr", "amazon.it", "amazon.es", "amazon.nl", "amazon.se", "amazon.pl"),
    *("amazon.com.be", "amazon.com.tr", "amazon.ie"),
    *("amazon.ae", "amazon.sa", "amazon.eg", "amazon.in", "amazon.co.jp", "amazon.com.au", "amazon.sg"),
]

#: Hosts that imitate, contain or resemble an Amazon domain without being under one.
LOOK_ALIKES = [
    "amazon.com.evil.co",  # a marketplace domain as a subdomain of someone else's
    "amazon.de-login.com",  # the domain glued to a hyphenated word
    "amazon-de.com",
    "arnazon.de",  # "rn" for "m"
    "amazon.de.example",
    "xn--mazon-3ve.de",  # punycode of a Cyrillic-a "amazon.de"
    "amazon.co",  # a shorter public suffix than amazon.co.uk / .co.jp
    "amazon.com.ng",  # an Amazon-looking name under no marketplace we list
    "myamazon.de",  # ends in "amazon.de" without a dot in front
    "amazon.de@evil.example",  # userinfo trick
    "amazon-login.s3.amazonaws.com",  # anyone can host a page on AWS
    "amazonses.com",  # anyone can send mail through SES
    "evil.example/amazon.de",
    "amazon.co.u\u212a",  # KELVIN SIGN, which str.lower() folds to "k"
    "\u0430mazon.de",  # Cyrillic a, not yet in punycode
    "www..amazon.de",
    "",
    "localhost",
    "127.0.0.1",
    "[::1]",
]


# --- the data file ---------------------------------------------------------------------------------------


def test_the_required_marketplaces_are_all_there() -> None:
    assert set(REQUIRED) <= set(DOMAINS)


def test_domains_are_unique_and_sorted() -> None:
    domains = [m.domain for m in all_marketplaces()]
    assert len(set(domains)) == len(domains)
    assert domains == sorted(domains)


@pytest.mark.parametrize("market", MARKETPLACES, ids=DOMAINS)
def test_each_marketplace_is_complete(market) -> None:
    assert re.fullmatch(r"amazon(\.[a-z]{2,3}){1,2}", market.domain)
    assert market.name.lower() == market.domain
    assert re.fullmatch(r"[A-Z]{2}", market.country)
    assert market.languages
    assert len(set(market.languages)) == len(market.languages)
    assert all(re.fullmatch(r"[a-z]{2,3}(-[A-Z]{2})?", tag) for tag in market.languages)
    assert market.contact_us_url == f"https://www.{market.domain}/gp/help/customer/contact-us"


@pytest.mark.parametrize("market", MARKETPLACES, ids=DOMAINS)
def test_hosts_and_email_sit_under_the_marketplace_domain(market) -> None:
    assert market.domain in market.hosts
    assert f"www.{market.domain}" in market.hosts
    assert all(for_host(host) == market for host in market.hosts)
    assert market.cs_reply_email == f"cs-reply@{market.domain}"  # the source article's rule, nothing more


@pytest.mark.parametrize("market", MARKETPLACES, ids=DOMAINS)
def test_weekend_is_two_consecutive_days(market) -> None:
    first, second = market.weekend
    assert 0 <= first <= 6
    assert second == (first + 1) % 7


def test_weekends_follow_the_country() -> None:
    assert by_domain("amazon.sa").weekend == (4, 5)  # Friday-Saturday
    assert by_domain("amazon.eg").weekend == (4, 5)
    assert by_domain("amazon.ae").weekend == (5, 6)  # Saturday-Sunday since 2022-01-01
    assert by_domain("amazon.de").weekend == (5, 6)


@pytest.mark.parametrize("market", MARKETPLACES, ids=DOMAINS)
def test_phone_numbers_are_safe_in_a_tel_link(market) -> None:
    for label, number in market.phones:
        assert label.strip()
        assert re.fullmatch(r"\+[0-9][0-9 -]{5,20}[0-9]", number), number


def test_rights_name_a_block_and_eu_members_share_one() -> None:
    assert all(m.rights is None or re.fullmatch(r"[a-z]{2}", m.rights) for m in MARKETPLACES)
    eu = {"amazon.de", "amazon.fr", "amazon.it", "amazon.es", "amazon.nl", "amazon.se", "amazon.pl", "amazon.ie"}
    assert {m.domain for m in MARKETPLACES if m.rights == "eu"} == eu | {"amazon.com.be"}
    assert by_domain("amazon.co.uk").rights == "uk"


def test_languages_follow_the_shops_switchers() -> None:
    assert {"cs", "da", "nl", "pl", "tr"} <= set(by_domain("amazon.de").languages)
    assert {"hi", "ta", "mr"} <= set(by_domain("amazon.in").languages)
    assert by_domain("amazon.es").languages[:2] == ("es", "pt")


def test_default_languages_are_the_local_ones() -> None:
    defaults = {m.domain: m.default_language for m in MARKETPLACES}
    expected = {"amazon.de": "de", "amazon.fr": "fr", "amazon.co.jp": "ja", "amazon.com.br": "pt", "amazon.sa": "ar"}
    assert expected.items() <= defaults.items()
    assert {"en", "fr"} <= set(by_domain("amazon.ca").languages)
    assert {"fr", "nl"} <= set(by_domain("amazon.com.be").languages)


def test_official_domains_are_not_marketplaces() -> None:
    assert official_domains()
    assert not set(official_domains()) & set(DOMAINS)


# --- host rules --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "domain"),
    [
        ("www.amazon.de", "amazon.de"),
        ("amazon.de", "amazon.de"),
        ("smile.amazon.de", "amazon.de"),
        ("account-status.amazon.de", "amazon.de"),
        ("pay.amazon.de", "amazon.de"),
        ("sellercentral.amazon.de", "amazon.de"),
        ("account-status.amazon.com", "amazon.com"),
        ("www.amazon.co.uk", "amazon.co.uk"),
        ("www.amazon.com.au", "amazon.com.au"),
        ("amazon.com.mx", "amazon.com.mx"),
        ("www.amazon.com.br", "amazon.com.br"),
        ("www.amazon.com.be", "amazon.com.be"),
        ("www.amazon.com.tr", "amazon.com.tr"),
        ("www.amazon.co.jp", "amazon.co.jp"),
    ],
)
def test_official_hosts_find_their_marketplace(host: str, domain: str) -> None:
    assert for_host(host).domain == domain
    assert is_official_host(host)


def test_the_longer_suffix_wins_over_amazon_com() -> None:
    for domain in ("amazon.com.au", "amazon.com.mx", "amazon.com.br", "amazon.com.be", "amazon.com.tr"):
        assert for_host(f"www.{domain}").domain == domain


@pytest.mark.parametrize("host", ["WWW.AMAZON.DE", "www.amazon.de:443", "www.amazon.de.", "Amazon.De.:8080"])
def test_case_port_and_trailing_dot_do_not_matter(host: str) -> None:
    assert for_host(host).domain == "amazon.de"


@pytest.mark.parametrize("host", LOOK_ALIKES)
def test_look_alikes_are_not_official(host: str) -> None:
    assert for_host(host) is None
    assert not is_official_host(host)


def test_normalize_host_refuses_what_is_not_a_dns_name() -> None:
    assert normalize_host("Www.Amazon.DE:443") == "www.amazon.de"
    assert normalize_host("https://amazon.de") is None
    assert normalize_host("amazon.co.u\u212a") is None


def test_shared_hosts_are_official_but_name_no_shopper_marketplace() -> None:
    assert shared_hosts()
    for host in shared_hosts():
        assert is_official_host(host)
        assert is_shared_host(host)
    assert is_shared_host("Account-Status.Amazon.com.")
    assert not is_shared_host("www.amazon.de")
    assert not is_shared_host("account-status.amazon.com.evil.co")


def test_official_non_marketplace_hosts() -> None:
    assert is_official_host("pay.amazon.eu")
    assert for_host("pay.amazon.eu") is None
    assert not is_official_host("amazon.eu.example")


# --- look-ups by name and language -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["amazon.de", "AMAZON.DE", "www.amazon.de", "www.Amazon.de."])
def test_by_domain_tolerates_case_and_www(name: str) -> None:
    assert by_domain(name).domain == "amazon.de"


@pytest.mark.parametrize("name", ["smile.amazon.de", "amazon", "de", "amazon.com.evil.co", ""])
def test_by_domain_wants_the_domain_itself(name: str) -> None:
    assert by_domain(name) is None


@pytest.mark.parametrize(
    ("lang", "domain"),
    [
        ("de", "amazon.de"),
        ("de-AT", "amazon.de"),  # no Austrian shop: the language's home
        ("en", "amazon.com"),
        ("en-GB", "amazon.co.uk"),
        ("en_IN", "amazon.in"),
        ("fr", "amazon.fr"),
        ("fr-CA", "amazon.ca"),
        ("nl-BE", "amazon.com.be"),
        ("es-MX", "amazon.com.mx"),
        ("ja", "amazon.co.jp"),
        ("hi", "amazon.in"),  # offered, default nowhere
        ("zh-TW", "amazon.com"),  # offered as exactly that tag
        ("pt-BR", "amazon.com.br"),
    ],
)
def test_marketplace_for_language(lang: str, domain: str) -> None:
    assert marketplace_for_language(lang).domain == domain


def test_marketplace_for_an_unknown_language_is_none() -> None:
    assert marketplace_for_language("xx") is None


@pytest.mark.parametrize("lang", ["", "xx-YY", "en-", "-"])
def test_marketplace_for_a_malformed_tag_does_not_fail(lang: str) -> None:
    marketplace_for_language(lang)


# --- the raw file: no typo slips past the loader ----------------------------------------------------------


def _raw() -> dict:
    source = importlib.resources.files("holdguide") / "data" / "marketplaces.toml"
    return tomllib.loads(source.read_text(encoding="utf-8"))


def test_every_block_has_exactly_the_known_fields() -> None:
    fields = {"domain", "name", "country", "languages", "cs_reply_email", "hosts", "weekend", "phones", "rights"}
    for block in _raw()["marketplace"]:
        assert set(block) == fields, block["domain"]


def test_the_file_has_no_unknown_sections() -> None:
    assert set(_raw()) == {"marketplace", "shared", "official", "language_home"}


def test_every_language_home_defaults_to_its_language() -> None:
    for lang, domain in _raw()["language_home"].items():
        assert by_domain(domain).default_language == lang
        assert marketplace_for_language(lang).domain == domain


def test_shared_hosts_and_official_domains_are_sorted() -> None:
    raw = _raw()
    assert raw["shared"]["hosts"] == sorted(raw["shared"]["hosts"])
    assert raw["official"]["domains"] == sorted(raw["official"]["domains"])
