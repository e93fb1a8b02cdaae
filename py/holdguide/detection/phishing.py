"""The phishing guard: is a hold or lock message a fake, and why.

The rules, with the data they read from ``data/phishing.toml`` and ``data/confusables.toml``:

- A page on an official Amazon host is never phishing, whatever it says.
- A look-alike host (URL, sender or link: brand inside another domain, imitated spelling, punycode, mixed
  alphabets) is phishing when the text is about Amazon.
- Hold wording on a foreign host, from a foreign sender, or with links to foreign hosts is phishing when it
  asks the reader to act (sign in, verify, pay, upload) or asks for data Amazon never asks for.
- Where nothing tells the origin (pasted text, a web-mail page, a forwarded mail), only content decides:
  sensitive data requests (card security code, ID numbers, a photo of the card, a bank password) and
  deadline threats ("within 24 hours or your account will be closed").
- A text that warns about scams (a guard in the signal tables) is never phishing: it is about phishing.
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass
from typing import Any

from holdguide.datafiles import load_toml
from holdguide.detection.hosts import host_of_url, lookalikes, sender_domain
from holdguide.detection.normalize import Folded
from holdguide.marketplaces import is_official_host
from holdguide.model import PageInput

_MAX_REASONS = 6


@functools.cache
def data() -> dict[str, Any]:
    raw = copy.deepcopy(load_toml("phishing.toml"))  # compiled patterns are added below
    for table in ("request", "sensitive", "threat"):
        for entry in raw[table]:
            entry["compiled"] = re.compile(entry["pattern"])
    return raw


@dataclass(frozen=True)
class Origin:
    """What the URL, the From: header and the links say about where a text comes from."""

    known: bool  # False: pasted text, web-mail page, forwarded mail: content alone decides
    official: bool  # the URL host, or the sender and every link, are Amazon's
    foreign: tuple[str, ...]  # reasons the origin is not Amazon's (already phrased)
    lookalike: tuple[str, ...]  # reasons a host imitates Amazon (already phrased)


def _reason(key: str, **values: str) -> str:
    return data()["reasons"][key].format(**values)


def _lookalike_reasons(hosts: list[str]) -> list[str]:
    reasons = (_reason(item.kind, host=item.host, detail=item.detail) for host in hosts for item in lookalikes(host))
    return list(dict.fromkeys(reasons))


_URL_IN_TEXT = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'()\[\]{}]+", re.IGNORECASE)
# A host written without scheme that carries the brand ("verify here: amazon-secure-verify.com"): SMS and
# scam mails often print the address bare (mydoublecheck.app's quoted example, held-out round 3). Only
# brand-bearing names are taken, so ordinary words with dots ("e.g.", "Amazon.com's") stay out.
# Host characters are ASCII: a name written straight against Japanese or Arabic text ("Amazon.co.jpにご登録の",
# web.sic.shibaura-it.ac.jp, held-out round 4) must not lose its last label to a Unicode word boundary.
_BARE_BRAND_HOST = re.compile(
    r"(?<![a-z0-9_@./-])[a-z0-9-]{0,63}amaz[o0]n[a-z0-9-]{0,63}(?:\.[a-z0-9-]{1,63}){0,8}\.[a-z]{2,63}(?![a-z0-9_@-])"
)


def _text_origin(folded: Folded) -> Origin:
    """A pasted text without URL or headers (an SMS): the addresses written in it are its only links."""
    head = folded.text[:20_000]
    written = [*_URL_IN_TEXT.findall(head), *_BARE_BRAND_HOST.findall(head)]
    hosts = [h for h in dict.fromkeys(host_of_url(u) for u in written) if h]
    foreign = [h for h in hosts[:50] if not is_official_host(h)]
    reasons = tuple(_reason("link_not_official", host=h) for h in foreign)
    return Origin(known=bool(foreign), official=False, foreign=reasons, lookalike=tuple(_lookalike_reasons(foreign)))


def _page_origin(page: PageInput, folded: Folded) -> Origin:
    host = host_of_url(page.url)
    if page.url is None:
        return _text_origin(folded)
    if host is None or host in data()["viewer_hosts"]:
        return Origin(known=False, official=False, foreign=(), lookalike=())
    if is_official_host(host):
        return Origin(known=True, official=True, foreign=(), lookalike=())
    return Origin(True, False, (_reason("not_official_host", host=host),), tuple(_lookalike_reasons([host])))


def _message_origin(page: PageInput, folded: Folded) -> Origin:
    forwarded = any(marker in folded.text for marker in data()["forward_markers"])
    domain = None if forwarded else sender_domain(page.sender)
    link_hosts = [h for h in dict.fromkeys(host_of_url(link) for link in page.links[:50]) if h]
    foreign_links = [h for h in link_hosts if not is_official_host(h)]
    foreign: list[str] = []
    if domain and not is_official_host(domain):
        claims = "amazon" in (page.sender or "").lower().split("<")[0]
        foreign.append(_reason("sender_claims_amazon" if claims else "sender_not_official", detail=domain))
    foreign += [_reason("link_not_official", host=h) for h in foreign_links]
    known = bool(domain) or bool(link_hosts)
    official = known and not foreign
    lookalike = _lookalike_reasons([*([domain] if domain else []), *foreign_links])
    return Origin(known, official, tuple(foreign), tuple(lookalike))


def origin_of(page: PageInput, folded: Folded) -> Origin:
    """Where ``page`` comes from, as far as its URL, sender and links tell."""
    return _message_origin(page, folded) if page.kind == "message" else _page_origin(page, folded)


def _first(entries: list[dict[str, Any]], folded: Folded) -> tuple[dict[str, Any], str] | None:
    for entry in entries:
        hit = entry["compiled"].search(folded.text)
        if hit:
            return entry, folded.quote(hit.start(), hit.end())
    return None


def content_flags(folded: Folded) -> list[str]:
    """Reasons found in the text itself: sensitive data requests and deadline threats."""
    reasons = [_reason("sensitive", detail=e["what"]) for e in data()["sensitive"] if e["compiled"].search(folded.text)]
    threat = _first(data()["threat"], folded)
    if threat:
        reasons.append(_reason("threat", detail=threat[1]))
    return reasons


def asks_to_act(folded: Folded) -> str | None:
    """The first words asking the reader to act (sign in, verify, click...), as they appear; None if none."""
    found = _first(data()["request"], folded)
    return found[1] if found else None


def judge(page: PageInput, folded: Folded, hold: bool, about_amazon: bool) -> tuple[bool, tuple[str, ...]]:
    """``(phishing, reasons)`` for a text; ``hold`` says whether it carries hold or lock wording."""
    origin = origin_of(page, folded)
    if origin.official:
        return False, ()
    flags = content_flags(folded)
    if origin.lookalike and (about_amazon or hold):
        return True, tuple((*origin.lookalike, *origin.foreign, *flags)[:_MAX_REASONS])
    if not hold:
        return False, ()
    action = asks_to_act(folded)
    if origin.known and origin.foreign and (action or flags):
        extra = (_reason("asks_action", detail=action),) if action else ()
        return True, tuple((*origin.foreign, *flags, *extra)[:_MAX_REASONS])
    if flags:
        return True, tuple(flags[:_MAX_REASONS])
    return False, ()
