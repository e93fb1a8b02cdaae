"""Amazon's retail marketplaces, read from ``data/marketplaces.toml``, and the test of whether a host is Amazon's.

A host is official when it IS a marketplace's registrable domain or a proper subdomain of it (``www.amazon.de``,
``account-status.amazon.com.br``): Amazon runs those zones whole, so no stranger can publish a page under them.
Everything else is not, however Amazon-like it reads: ``amazon.com.evil.co`` and ``amazon.de-login.com`` only
*contain* a domain; ``arnazon.de`` and ``xn--mazon-3ve.de`` (amazon.de spelt with a Cyrillic first letter) only
resemble one. Hosts must be plain ASCII DNS names, as a browser's ``URL.hostname`` gives them (IDN already in
punycode); anything else is refused rather than folded, since Unicode case folding can turn a look-alike into the
real name (U+212A KELVIN SIGN lowers to ``k``, which would make ``amazon.co.u\u212a`` read as ``amazon.co.uk``).

Some official hosts under amazon.com serve every country (``account-status.amazon.com``, the Login with Amazon
hosts): ``for_host`` still names amazon.com for them, and ``is_shared_host`` tells the caller not to read the
shopper's marketplace from that. Which hosts these are, and why each fact holds, is in the data file.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from holdguide.datafiles import load_toml
from holdguide.model import Marketplace

#: One or more dot-separated labels of lowercase ASCII letters, digits and hyphens: a DNS name, nothing else.
_DNS_NAME = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*")


@functools.cache
def _data() -> dict[str, Any]:
    return load_toml("marketplaces.toml")


def _marketplace(entry: dict[str, Any]) -> Marketplace:
    return Marketplace(
        domain=entry["domain"],
        name=entry["name"],
        country=entry["country"],
        languages=tuple(entry["languages"]),
        hosts=tuple(entry["hosts"]),
        cs_reply_email=entry["cs_reply_email"],
        weekend=tuple(entry["weekend"]),
        phones=tuple((label, number) for label, number in entry.get("phones", ())),
        rights=entry.get("rights"),
    )


@functools.cache
def all_marketplaces() -> tuple[Marketplace, ...]:
    """Every marketplace we know, in the file's order (sorted by domain)."""
    return tuple(_marketplace(entry) for entry in _data()["marketplace"])


@functools.cache
def _by_specificity() -> tuple[Marketplace, ...]:
    # Longest domain first, so that if one marketplace's domain ever sat under another's, the deeper one wins.
    return tuple(sorted(all_marketplaces(), key=lambda m: len(m.domain), reverse=True))


@functools.cache
def official_domains() -> tuple[str, ...]:
    """Amazon's registrable domains that are no shop but official all the same (``amazon.eu``)."""
    return tuple(_data().get("official", {}).get("domains", ()))


@functools.cache
def shared_hosts() -> frozenset[str]:
    """Official hosts that serve the shoppers of many marketplaces (``account-status.amazon.com``)."""
    return frozenset(_data().get("shared", {}).get("hosts", ()))


def normalize_host(host: str) -> str | None:
    """``host`` lowercased, without a port or a trailing dot; None when it is not a plain ASCII DNS name."""
    if not isinstance(host, str) or not host.isascii():
        return None
    name = host.strip().lower()
    head, colon, port = name.rpartition(":")
    if colon and port.isdigit():
        name = head
    name = name.removesuffix(".")
    return name if _DNS_NAME.fullmatch(name) else None


def _is_under(name: str, domain: str) -> bool:
    return name == domain or name.endswith("." + domain)


def by_domain(domain: str) -> Marketplace | None:
    """The marketplace whose domain this is (``"amazon.de"``, ``"WWW.Amazon.de"``); None for any other name."""
    name = normalize_host(domain)
    if name is None:
        return None
    name = name.removeprefix("www.")
    return next((m for m in all_marketplaces() if m.domain == name), None)


def for_host(host: str) -> Marketplace | None:
    """The marketplace this host officially belongs to, or None (look-alikes, other sites, garbage)."""
    name = normalize_host(host)
    if name is None:
        return None
    return next((m for m in _by_specificity() if _is_under(name, m.domain)), None)


def is_official_host(host: str) -> bool:
    """True for a marketplace's own host and for a host under one of Amazon's other official domains."""
    if for_host(host) is not None:
        return True
    name = normalize_host(host)
    return name is not None and any(_is_under(name, domain) for domain in official_domains())


def is_shared_host(host: str) -> bool:
    """True for an official host that serves many marketplaces, whose own marketplace says nothing of the shopper's.

    ``for_host("account-status.amazon.com")`` is amazon.com, yet a German shopper's hold is shown there too;
    a caller should then take the marketplace from other hints (the page's language, the text).
    """
    return normalize_host(host) in shared_hosts()


def marketplace_for_language(lang: str) -> Marketplace | None:
    """The marketplace a speaker of ``lang`` (a BCP 47 tag like ``"de"``, ``"fr-CA"``, ``"en_GB"``) most likely uses.

    With a region, the marketplace of that country when it offers the language (``fr-CA`` is amazon.ca), else
    one that offers exactly that tag (``zh-TW`` is amazon.com). Otherwise the language's home marketplace from
    the data file, else the first marketplace that defaults to it, else the first that offers it (``hi`` is
    amazon.in); None when no marketplace offers it.
    """
    tag = (lang or "").replace("_", "-").lower()
    primary, _, region = tag.partition("-")
    region = region.split("-")[-1] if region else ""
    offering = [m for m in all_marketplaces() if primary in {_primary(t) for t in m.languages}]
    in_region = [m for m in offering if m.country.lower() == region]
    exact = [m for m in offering if tag in {t.lower() for t in m.languages}]
    if region and (in_region or exact):
        return (in_region or exact)[0]
    home = _data().get("language_home", {}).get(primary)
    if home is not None:
        return by_domain(home)
    defaulting = [m for m in offering if _primary(m.default_language) == primary]
    chosen = defaulting or offering
    return chosen[0] if chosen else None


def _primary(tag: str) -> str:
    return tag.lower().partition("-")[0]
