"""Where a page or message comes from, derived ONCE per analysis, and which marketplace it belongs to or imitates.

The contract trusts only three hints of origin: the URL a page is shown at (as the browser reports it), an
e-mail's From: header and its link targets; the last two can be forged, so they are hints, never proof
(:mod:`.phishing` checks the content of a message whatever its sender says). Every host is read the way a
browser reads it (:mod:`.urls`): a link that cannot be parsed counts as foreign, never as absent.

A web-mail page (``phishing.toml`` ``viewer_hosts``) SHOWS someone else's message: its host says nothing of
the message's origin, its own links (the mail program's) are not the message's, and a redirector's wrapping
(``https://www.google.com/url?q=...``) is undone so the real target is judged.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from holdguide.datafiles import load_toml
from holdguide.detection.hosts import Lookalike, lookalikes, registered_domain, sender_domain
from holdguide.detection.normalize import Folded
from holdguide.detection.urls import INVALID, parse_host
from holdguide.marketplaces import (
    all_marketplaces,
    for_host,
    is_official_host,
    is_shared_host,
    marketplace_for_language,
)
from holdguide.model import PageInput

_MAX_LINKS = 200
_URL_IN_TEXT = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'()\[\]{}]+", re.IGNORECASE)
# A host written without scheme that carries the brand ("verify here: amazon-secure-verify.com"): SMS and
# scam mails often print the address bare. Only brand-bearing names are taken, so ordinary words with dots
# ("e.g.", "Amazon.com's") stay out. ASCII only: a name written against Japanese text ("Amazon.co.jpにご登録の")
# must not lose its last label to a Unicode word boundary. Separators inside the brand (a-m-a-z-o-n.de) count.
_BARE_BRAND_HOST = re.compile(
    r"(?<![a-z0-9_@./-])[a-z0-9-]{0,63}(?:a[.-]?m[.-]?a[.-]?z[.-]?[o0][.-]?n|amzn)[a-z0-9-]{0,63}"
    r"(?:\.[a-z0-9-]{1,63}){0,8}"
    r"\.[a-z]{2,63}(?![a-z0-9_@-])"
)


@functools.cache
def _phishing_data() -> dict[str, Any]:
    return load_toml("phishing.toml")


@dataclass(frozen=True)
class Origin:
    """Everything the analysis knows of where a text comes from (see the module docstring)."""

    kind: str  # "page", "message" (From: or links known) or "text" (pasted, no origin at all)
    host: str | None  # the page's host as a browser reads it; INVALID when unreadable
    https: bool
    official: bool  # the page is on one of Amazon's own hosts
    viewer: bool  # the page is a web-mail program showing a message
    sender: str | None  # the sender's domain (a hint: it can be forged)
    sender_claims_amazon: bool  # the display name says Amazon
    forwarded: bool  # a forwarded message: its From: is the friend who forwarded it
    link_hosts: tuple[str, ...]  # the message's link targets (and addresses written in its text)
    lookalikes: tuple[Lookalike, ...]  # of the page host, the sender and the links
    marketplace: str | None  # the official marketplace of the page host or the sender

    @property
    def foreign_links(self) -> tuple[str, ...]:
        return tuple(h for h in self.link_hosts if h == INVALID or not is_official_host(h))

    @property
    def foreign_page(self) -> bool:
        """A page on a host that is neither Amazon's nor a web-mail program's."""
        return self.kind == "page" and self.host is not None and not self.official and not self.viewer

    @property
    def amazon_named(self) -> bool:
        """A host the text comes from or links to is Amazon's or imitates it."""
        hosts = [self.host, self.sender, *self.link_hosts]
        return bool(self.lookalikes) or any(h and h != INVALID and is_official_host(h) for h in hosts)


def shows_a_message(page: PageInput) -> bool:
    """Whether the shopper looks at a message (pasted, or shown by a web-mail page) rather than a web page."""
    host = parse_host(page.url)
    return page.kind == "message" or page.url is None or host in _phishing_data()["viewer_hosts"]


def unwrap(url: str) -> str:
    """The real target of a web-mail redirector's link (``google.com/url?q=``, Outlook's safe links)."""
    host = parse_host(url)
    for redirector in _phishing_data().get("redirector", ()):
        if host and host != INVALID and (host == redirector["host"] or host.endswith("." + redirector["host"])):
            try:
                values = parse_qs(urlsplit(url).query).get(redirector["param"])
            except ValueError:
                return url
            if values:
                return values[0]
    return url


_DEFANGED = ((re.compile(r"\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)"), "."), (re.compile(r"\bhxxp"), "http"),
             (re.compile(r"\bhttp\[s\]"), "https"), (re.compile(r"\[:\]//"), "://"))


def refang(text: str) -> str:
    """A link as security write-ups and mail filters "defang" it, made whole again (``hxxps://evil[.]com``,
    ``http[s]://sign-amazon[.]lnk.to``): the shopper may still type it, so it is judged like any other link."""
    for pattern, replacement in _DEFANGED:
        text = pattern.sub(replacement, text)
    return text


def _written_hosts(folded: Folded) -> list[str]:
    """Hosts written in a text: URLs (also defanged ones), and bare brand-bearing names."""
    head = refang(folded.text[:20_000])
    return [h for h in (parse_host(u) for u in [*_URL_IN_TEXT.findall(head), *_BARE_BRAND_HOST.findall(head)]) if h]


def _viewer_domains(host: str | None) -> set[str]:
    """The web-mail program's own domains: its links are the program's, not the message's."""
    if not host or host == INVALID:
        return set()
    return {registered_domain(host), *_phishing_data().get("viewer_domains", ())}


def derive_origin(page: PageInput, folded: Folded, language: str | None) -> Origin:
    """The one :class:`Origin` of an analysis."""
    host = parse_host(page.url)
    readable = host if host and host != INVALID else None
    official = bool(readable and is_official_host(readable))
    viewer = bool(readable and readable in _phishing_data()["viewer_hosts"])
    is_message = page.kind == "message"
    forwarded = is_message and any(marker in folded.text for marker in _phishing_data()["forward_markers"])
    sender = None if forwarded or not is_message else sender_domain(page.sender)
    own = _viewer_domains(readable) if viewer else set()
    links = [parse_host(unwrap(link)) for link in page.links[:_MAX_LINKS]]
    if page.kind == "message" or page.url is None or viewer:
        links += _written_hosts(folded)
    link_hosts = tuple(dict.fromkeys(h for h in links if h and (h == INVALID or registered_domain(h) not in own)))
    suspects = [*([host] if host and not viewer else []), *([sender] if sender else []), *link_hosts]
    found = tuple(dict.fromkeys(item for h in suspects if h and h != INVALID for item in lookalikes(h)))
    claims = "amazon" in (page.sender or "").lower().split("<")[0]
    return Origin(
        kind="page" if page.url is not None else ("message" if (sender or link_hosts) else "text"),
        host=host, https=(page.url or "").strip().lower().startswith("https://"), official=official,
        viewer=viewer, sender=sender, sender_claims_amazon=claims and not forwarded, forwarded=forwarded,
        link_hosts=link_hosts, lookalikes=found,
        marketplace=_official_marketplace(page, folded, language, readable if official else None, sender,
                                          link_hosts),
    )


@functools.cache
def _mention_pattern() -> re.Pattern[str]:
    domains = sorted((m.domain for m in all_marketplaces()), key=len, reverse=True)
    # "Amazon.com, Inc." is the company that signs every marketplace's footer, not a marketplace mention.
    return re.compile(r"(?<![\w.-])(?:www\.)?(" + "|".join(re.escape(d) for d in domains) + r")(?![\w-]|\.\w|,? inc\b)")


def _official_marketplace(page: PageInput, folded: Folded, language: str | None, host: str | None,
                          sender: str | None, link_hosts: tuple[str, ...]) -> str | None:
    """The marketplace of the official page host, or of an official sender's domain.

    A shared host (``account-status.amazon.com`` shows the holds of every country, marketplaces.toml
    ``[shared]``) says nothing of the shopper's marketplace: there the text's links or mentions decide, else the
    marketplace of the page's language, else the host's own.
    """
    found = for_host(host) if host else None
    if found is None and page.kind == "message" and sender:
        found = for_host(sender)
    if found is not None and host and is_shared_host(host):
        tag = page.lang or language  # the lang attribute may carry a region ("en-GB" is amazon.co.uk)
        home = marketplace_for_language(tag) if tag else None
        return imitated_marketplace(page, folded, link_hosts) or (home or found).domain
    return found.domain if found else None


def _most_common(counter: Counter[str]) -> str | None:
    ranked = counter.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _inside_host(host: str | None) -> str | None:
    """The marketplace domain a fake host starts with (``amazon.co.uk.secure-login.com``, ``amazon.de-konto.info``)."""
    if not host or host == INVALID:
        return None
    for domain in sorted((m.domain for m in all_marketplaces()), key=len, reverse=True):
        if host.startswith((domain + ".", domain + "-", "www." + domain + ".", "www." + domain + "-")):
            return domain
    return None


def imitated_marketplace(page: PageInput, folded: Folded, link_hosts: tuple[str, ...] = ()) -> str | None:
    """The marketplace a text of unknown or fake origin points to by its host, links, else by naming it."""
    inside = _inside_host(parse_host(page.url)) or _inside_host(sender_domain(page.sender))
    if inside:
        return inside
    linked: Counter[str] = Counter()
    for host in link_hosts:
        market = for_host(host) if host != INVALID else None
        if market:
            linked[market.domain] += 1
    mentioned = Counter(hit.group(1) for hit in _mention_pattern().finditer(folded.text))
    return _most_common(linked) or _most_common(mentioned)
