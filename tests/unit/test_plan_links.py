"""The contract's link rule, checked on every plan: every URL is built from our own data, and a `rights` link may
leave Amazon only for an authority on the allow-list kept, with sources, in rights.toml (contract.md, "plan")."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from holdguide.guidance import rights
from holdguide.guidance.plan import build_plan
from holdguide.marketplaces import all_marketplaces, is_official_host
from holdguide.model import SITUATIONS, Details

MARKETPLACES = all_marketplaces()


def _rights_links(situation: str, marketplace) -> list[dict]:
    plan = build_plan(situation, marketplace, marketplace.default_language, Details())
    return [link for step in plan["steps"] for link in step["links"] if link["kind"] == "rights"]


@pytest.mark.parametrize("marketplace", MARKETPLACES, ids=lambda m: m.domain)
@pytest.mark.parametrize("situation", SITUATIONS)
def test_every_rights_link_is_amazons_own_or_on_the_authority_allow_list(situation, marketplace) -> None:
    for link in _rights_links(situation, marketplace):
        host = urlsplit(link["url"]).hostname
        assert urlsplit(link["url"]).scheme == "https", link
        assert is_official_host(host) or host in rights.authority_hosts(), link
        assert link["basis"] and link["note"] and link["source"], link


def test_the_allow_list_is_used_and_every_authority_is_reached_by_some_plan() -> None:
    reached = {urlsplit(link["url"]).hostname for marketplace in MARKETPLACES
               for link in _rights_links("account-closed", marketplace)}
    assert rights.authority_hosts() <= reached


def test_a_route_off_the_allow_list_is_refused(monkeypatch) -> None:
    route = {**rights.route("dsa-dispute-body"), "url": "https://dispute-help.example/"}
    monkeypatch.setitem(rights.data("rights")["routes"], "dsa-dispute-body", route)
    with pytest.raises(ValueError, match="allow-listed"):
        rights.route_url("dsa-dispute-body", next(m for m in MARKETPLACES if m.rights == "eu"))


def test_an_authority_must_be_https() -> None:
    assert rights.is_authority_url("https://cnpd.public.lu/") is True
    assert rights.is_authority_url("http://cnpd.public.lu/") is False
    assert rights.is_authority_url("https://cnpd.public.lu.evil.example/") is False
