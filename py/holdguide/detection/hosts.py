"""Where a page or message comes from, and whether a host name imitates Amazon's.

Only three things tell the origin (contract.md): the URL the page was shown at, an e-mail's From: header and
its link targets. Whether a host is Amazon's is :func:`holdguide.marketplaces.is_official_host`'s call; this
module explains why a host that is NOT Amazon's still looks like it: the brand inside another domain
(``amazon.com.evil.co``, ``amazon-verify-account.com``), a spelling that reads as "amazon" (``arnazon``,
``amaz0n``, one letter off), or an internationalised name whose letters come from another alphabet
(``xn--mazon-3ve.com`` is "аmazon" with a Cyrillic а). The look-alike tables are in ``data/confusables.toml``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from holdguide.datafiles import load_toml
from holdguide.detection.urls import INVALID, is_ip, parse_host
from holdguide.marketplaces import is_official_host, normalize_host

_EMAIL = re.compile(r"[\w.+%-]+@([\w-]+(?:\.[\w-]+)+)", re.UNICODE)


@functools.cache
def _tables() -> dict[str, Any]:
    return load_toml("confusables.toml")


@dataclass(frozen=True)
class Lookalike:
    """Why a host looks like Amazon's: ``kind`` is a key of the reason texts in ``data/phishing.toml``."""

    kind: str
    host: str
    detail: str = ""


def to_ascii_host(host: str) -> str | None:
    """A host as a browser shows it in ``URL.hostname``: IDN labels in punycode, lower case; None if unusable."""
    host = host.strip().rstrip(".")
    if not host or len(host) > 253:
        return None
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        return None
    return normalize_host(ascii_host)


def host_of_url(url: str | None) -> str | None:
    """The host of ``url`` as a browser reads it (:func:`holdguide.detection.urls.parse_host`), in ASCII form;
    None when there is none or it cannot be read (where an unreadable host matters, use ``parse_host``)."""
    host = parse_host(url)
    return None if host in (None, INVALID) else host


def sender_domain(sender: str | None) -> str | None:
    """The domain of the address in a From: header (``Amazon <x@amazon.de>`` -> ``amazon.de``)."""
    if not sender:
        return None
    inside = re.search(r"<([^<>]+)>", sender)
    found = _EMAIL.search(inside.group(1) if inside else sender)
    return to_ascii_host(found.group(1)) if found else None


def registered_domain(host: str) -> str:
    """The name a person registers (``evil.co`` in ``amazon.com.evil.co``), by a short second-level list."""
    labels = host.split(".")
    second_level = set(_tables()["second_level"])
    keep = 3 if len(labels) >= 3 and labels[-2] in second_level else 2
    return ".".join(labels[-keep:])


def _unicode_label(label: str) -> str:
    if label.startswith("xn--"):
        try:
            return label.encode("ascii").decode("idna")
        except UnicodeError:
            return label
    return label


def skeleton(text: str) -> str:
    """``text`` with look-alike letters and letter groups replaced by the Latin letters they imitate."""
    tables = _tables()
    chars = tables["characters"]
    out = "".join(chars.get(c, c) for c in text.lower())
    for group, letter in tables["sequences"].items():
        out = out.replace(group, letter)
    return out


def scripts(label: str) -> set[str]:
    """The alphabets the letters of ``label`` come from (``{"LATIN", "CYRILLIC"}``)."""
    return {unicodedata.name(c, "UNKNOWN").split()[0] for c in label if c.isalpha()}


def _near(word: str, brand: str) -> bool:
    """One edit (insert, delete, change, swap of neighbours) away from ``brand``, for words of 5+ letters."""
    if word == brand or len(word) < 5 or abs(len(word) - len(brand)) > 1:
        return False
    if len(word) == len(brand):
        diffs = [i for i, (a, b) in enumerate(zip(word, brand, strict=True)) if a != b]
        swap = len(diffs) == 2 and diffs[1] == diffs[0] + 1 and word[diffs[0]] == brand[diffs[1]]
        return len(diffs) == 1 or (swap and word[diffs[1]] == brand[diffs[0]])
    short, long_ = sorted((word, brand), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _split_brand(host: str, brands: list[str]) -> bool:
    """The brand spelt across separators: ``a-m-a-z-o-n.de``, ``amaz.on-login.com``, ``a.m.a.z.o.n.de``."""
    joined = re.sub(r"[.\-_]", "", host)
    return any(brand in skeleton(joined) for brand in brands) and not any(
        brand in label for label in host.split(".") for brand in brands)


def lookalikes(host: str) -> list[Lookalike]:
    """Why a host that is not Amazon's imitates it; empty for an official host or an unrelated one."""
    if is_official_host(host) or is_ip(host):
        return []
    brands = _tables()["brands"]
    found: list[Lookalike] = []
    for label in host.split("."):
        readable = _unicode_label(label)
        if readable != label:
            found.append(Lookalike("punycode", host, readable))
            if len(scripts(readable)) > 1:
                found.append(Lookalike("mixed_script", host, ", ".join(sorted(scripts(readable)))))
        words = [readable, *re.split(r"[-_]", readable)]
        if any(brand in readable for brand in brands):
            found.append(Lookalike("brand_inside", host, registered_domain(host)))
        elif any(brand in skeleton(w) or _near(skeleton(w), brand) for w in words for brand in brands):
            found.append(Lookalike("spelling", host, readable))
    if not found and _split_brand(host, brands):
        found.append(Lookalike("brand_split", host, registered_domain(host)))
    return list({(item.kind, item.detail): item for item in found}.values())
