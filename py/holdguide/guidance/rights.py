"""The legal routes of a plan (data/rights.toml): which apply to a marketplace and a situation, and where each
one's link may point.

A route's link goes to an Amazon page of the marketplace, or to an authority's page (a certified dispute body's
list, a data-protection authority, a consumer helpline). An authority's host must be on the allow-list kept, each
with its source, in rights.toml ``[authorities]``: contract.md's link rule allows no other host that is not
Amazon's, and :func:`route_url` refuses one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from holdguide.guidance import links
from holdguide.guidance.plan_data import data
from holdguide.model import Marketplace


def route(route_id: str) -> dict[str, Any]:
    """One route of rights.toml."""
    spec: dict[str, Any] = data("rights")["routes"][route_id]
    return spec


def routes(marketplace: Marketplace, kinds: Iterable[str]) -> list[str]:
    """The routes of ``marketplace``'s rights region whose kind is one of ``kinds`` (restriction, data, consumer),
    in the region's order."""
    wanted = set(kinds)
    listed = data("rights")["regions"].get(marketplace.rights or "", {}).get("routes", [])
    return [route_id for route_id in listed if route(route_id)["kind"] in wanted]


def authority_hosts() -> frozenset[str]:
    """The allow-listed authority hosts (rights.toml ``[authorities]``)."""
    return frozenset(data("rights")["authorities"])


def is_authority_url(url: str) -> bool:
    """True for an https URL on an allow-listed authority host."""
    parts = urlsplit(url)
    return parts.scheme == "https" and parts.hostname in authority_hosts()


def route_url(route_id: str, marketplace: Marketplace) -> str | None:
    """Where route ``route_id`` is used: its authority's page, or its Amazon page for ``marketplace``."""
    spec = route(route_id)
    if "url" in spec:
        if not is_authority_url(spec["url"]):
            raise ValueError(f"rights.toml: {spec['url']!r} is not on an allow-listed authority host")
        return str(spec["url"])
    return links.page_link(marketplace, data("contacts")["pages"][spec["page"]])
