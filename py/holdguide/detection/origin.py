"""Which Amazon marketplace a page or message belongs to, or imitates.

In order of trust: the official host of the URL; the official domain of an e-mail's sender; then, for a text
whose origin is unknown or fake, the marketplace its links lead to, else the one its text names most often
("Amazon.de", "amazon.co.uk"). Canonical and og:url tags never count (contract.md).
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from holdguide.detection.hosts import host_of_url, sender_domain
from holdguide.detection.normalize import Folded
from holdguide.marketplaces import all_marketplaces, for_host, is_shared_host, marketplace_for_language
from holdguide.model import PageInput


@functools.cache
def _mention_pattern() -> re.Pattern[str]:
    domains = sorted((m.domain for m in all_marketplaces()), key=len, reverse=True)
    # "Amazon.com, Inc." is the company that signs every marketplace's footer, not a marketplace mention.
    return re.compile(r"(?<![\w.-])(?:www\.)?(" + "|".join(re.escape(d) for d in domains) + r")(?![\w-]|\.\w|,? inc\b)")


def official_marketplace(page: PageInput, folded: Folded, language: str | None) -> str | None:
    """The marketplace of the URL's host, or of the sender's domain, when that is an official one.

    A shared host (``account-status.amazon.com`` shows the holds of every country, marketplaces.toml
    ``[shared]``) says nothing of the shopper's marketplace: there the text's links or mentions decide, else the
    marketplace of the page's language, else the host's own.
    """
    host = host_of_url(page.url)
    found = for_host(host) if host else None
    if found is None and page.kind == "message":
        domain = sender_domain(page.sender)
        found = for_host(domain) if domain else None
    if found is not None and host and is_shared_host(host):
        tag = page.lang or language  # the lang attribute may carry a region ("en-GB" is amazon.co.uk)
        home = marketplace_for_language(tag) if tag else None
        return imitated_marketplace(page, folded) or (home or found).domain
    return found.domain if found else None


def _most_common(counter: Counter[str]) -> str | None:
    ranked = counter.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _inside_host(host: str | None) -> str | None:
    """The marketplace domain a fake host starts with (``amazon.co.uk.secure-login.com``, ``amazon.de-konto.info``)."""
    if not host:
        return None
    for domain in sorted((m.domain for m in all_marketplaces()), key=len, reverse=True):
        if host.startswith((domain + ".", domain + "-", "www." + domain + ".", "www." + domain + "-")):
            return domain
    return None


def imitated_marketplace(page: PageInput, folded: Folded) -> str | None:
    """The marketplace a text of unknown or fake origin points to by its host, links, else by naming it."""
    inside = _inside_host(host_of_url(page.url)) or _inside_host(sender_domain(page.sender))
    if inside:
        return inside
    linked: Counter[str] = Counter()
    for link in page.links:
        host = host_of_url(link)
        market = for_host(host) if host else None
        if market:
            linked[market.domain] += 1
    mentioned = Counter(hit.group(1) for hit in _mention_pattern().finditer(folded.text))
    return _most_common(linked) or _most_common(mentioned)
