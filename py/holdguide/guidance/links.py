"""URL builders for the plan's links: pages on a marketplace's own host, ``mailto:``, ``tel:`` and X intents.

Every URL the plan shows is built here from our own data (contract.md: "Every url is built from our own data"),
never copied from the page being analysed, so a phishing page cannot slip its own link into the plan.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from holdguide.marketplaces import is_shared_host
from holdguide.model import Marketplace

#: Everything but digits. RFC 3966 allows visual separators in a global number, but a bare "+digits" is the
#: one shape every phone and softphone dials.
_NOT_DIAL = re.compile(r"[^0-9]")


def page_url(marketplace: Marketplace, path: str, subdomain: str = "www") -> str:
    """``https://<subdomain>.<domain><path>`` on the marketplace's own domain, as Marketplace.contact_us_url."""
    return f"https://{subdomain}.{marketplace.domain}{path}"


def has_host(marketplace: Marketplace, subdomain: str) -> bool:
    """True when ``<subdomain>.<domain>`` is listed among the marketplace's hosts (www is always there)."""
    return subdomain == "www" or f"{subdomain}.{marketplace.domain}" in marketplace.hosts


def page_link(marketplace: Marketplace, page: Mapping[str, Any]) -> str | None:
    """Where one of contacts.toml's pages is for ``marketplace``: on its own host; on the page's shared host when
    the marketplace lacks the subdomain; None when the page was not seen on this marketplace (contract.md's link
    rule: a link goes to an official host OF THE MARKETPLACE; the plan's text still says what to look for)."""
    if "domains" in page and marketplace.domain not in page["domains"]:
        return None
    subdomain = page.get("subdomain", "www")
    if has_host(marketplace, subdomain):
        return page_url(marketplace, page["path"], subdomain)
    if page.get("shared_host") and is_shared_host(page["shared_host"]):
        return f"https://{page['shared_host']}{page['path']}"
    return None


def _encode(value: str) -> str:
    """Percent-encode UTF-8, keeping only RFC 3986 unreserved characters, so the URL is plain ASCII."""
    return quote(value, safe="", encoding="utf-8", errors="strict")


def crlf(text: str) -> str:
    """Line breaks as CRLF: RFC 6068 section 5 wants "%0D%0A" for a line break in a mailto: body."""
    return "\r\n".join(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def mailto(address: str, subject: str = "", body: str = "") -> str:
    """A ``mailto:`` URI per RFC 6068: the address, then subject and body as percent-encoded UTF-8.

    Spaces become ``%20`` (never ``+``, which mail programs would show literally) and line breaks ``%0D%0A``.
    """
    fields = [("subject", subject), ("body", crlf(body))]
    query = "&".join(f"{name}={_encode(value)}" for name, value in fields if value)
    return f"mailto:{quote(address, safe='@')}" + (f"?{query}" if query else "")


def tel(number: str) -> str:
    """A ``tel:`` URI (RFC 3966) for an international number given as "+1 888 280 4331"."""
    if not number.strip().startswith("+"):
        raise ValueError(f"phone numbers are stored in international form: {number!r}")
    return "tel:+" + _NOT_DIAL.sub("", number)


def x_post(intent: str, text: str) -> str:
    """X's Post Web Intent with ``text`` pre-filled (UTF-8, URL-encoded, as X's documentation asks)."""
    return f"{intent}?text={_encode(text)}"
