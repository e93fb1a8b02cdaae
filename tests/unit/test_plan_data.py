"""The plan's data files agree with each other, with the contract and with the texts.

steps.toml names situations, steps, link kinds and advice ids; contacts.toml and rights.toml hold what links
point to; en.toml holds the words. Every name used in one must exist in the other, in both directions, so a
step cannot silently lose its text and a text cannot outlive its step.
"""

from __future__ import annotations

import importlib.resources
import re
from urllib.parse import urlsplit

import pytest

from holdguide.guidance.plan import data
from holdguide.guidance.plan_data import situation_table
from holdguide.guidance.rights import authority_hosts
from holdguide.guidance.texts import FALLBACK, load
from holdguide.marketplaces import all_marketplaces
from holdguide.model import SITUATIONS

STEPS = data("steps")
CONTACTS = data("contacts")
RIGHTS = data("rights")
ENGLISH = load(FALLBACK)
#: The link kinds of the contract (contract.md, "plan").
LINK_KINDS = {"contact-us", "chat", "phone", "app", "email", "x-post", "x-dm", "executive-email", "help",
              "report-phishing", "rights"}
CHECKED = "2026-11-25"
#: The keys every situation table has (steps.toml's header), and those a subtype may override.
TABLE_KEYS = {"intro", "steps", "warnings", "reasons", "prevention", "prepare", "avoid", "rights", "requests"}
ADVICE = ("reasons", "prevention", "prepare", "avoid")
RIGHT_KINDS = {"restriction", "review", "data", "consumer"}


def _tables() -> dict[str, dict]:
    """Every plan table: each situation, each situation's subtypes (with their overrides applied), phishing."""
    tables = {situation: situation_table(situation) for situation in SITUATIONS}
    for situation in SITUATIONS:
        for subtype in STEPS["situations"][situation].get("subtypes", {}):
            tables[f"{situation}/{subtype}"] = situation_table(situation, subtype)
    tables["phishing"] = situation_table("none", phishing=True)
    return tables


TABLES = _tables()


def _text_ids(prefix: str) -> set[str]:
    """The ids under ``prefix`` in en.toml: ``_text_ids("reasons")`` -> {"returns", ...}."""
    return {key[len(prefix) + 1:].split(".")[0] for key in ENGLISH if key.startswith(prefix + ".")}


def test_every_situation_of_the_contract_has_a_plan() -> None:
    assert set(STEPS["situations"]) == set(SITUATIONS)


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_step_a_situation_names_exists(table: str) -> None:
    plan = TABLES[table]
    assert TABLE_KEYS <= set(plan), "a situation table misses a key of steps.toml's header"
    assert plan["steps"], "a plan without steps"
    assert [step for step in plan["steps"] if step not in STEPS["steps"]] == []
    assert len(plan["steps"]) == len(set(plan["steps"])), "a step named twice"
    assert [warning for warning in plan["warnings"] if f"warnings.{warning}" not in ENGLISH] == []
    assert f"intro.{plan['intro']}" in ENGLISH and f"titles.{plan['title']}" in ENGLISH
    assert set(plan["rights"]) <= RIGHT_KINDS


@pytest.mark.parametrize("table", sorted(TABLES))
def test_each_situation_orders_advice_from_the_catalogues(table: str) -> None:
    for advice in ADVICE:
        listed = TABLES[table][advice]
        assert len(listed) == len(set(listed)) and set(listed) <= set(STEPS[advice]["order"]), advice


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_request_of_the_email_has_a_text(table: str) -> None:
    assert [key for key in TABLES[table]["requests"] if f"request.{key}" not in ENGLISH] == []
    assert set(STEPS["request_regions"]) <= {key for plan in TABLES.values() for key in plan["requests"]}


def test_a_subtype_overrides_only_what_a_table_has() -> None:
    for situation, spec in STEPS["situations"].items():
        for subtype, override in spec.get("subtypes", {}).items():
            assert set(override) <= TABLE_KEYS | {"title"}, f"{situation}/{subtype}"


def test_every_step_is_used_by_some_plan() -> None:
    used = {step for plan in TABLES.values() for step in plan["steps"]}
    assert set(STEPS["steps"]) - used == set()


@pytest.mark.parametrize("step_id", sorted(STEPS["steps"]))
def test_every_step_has_its_texts_and_known_link_kinds(step_id: str) -> None:
    spec = STEPS["steps"][step_id]
    for field in ("title", "text", *(extra for extra in ("wait", "tip") if spec.get(extra))):
        assert f"steps.{step_id}.{field}" in ENGLISH
    for link in spec["links"]:
        assert link["kind"] in LINK_KINDS
        if link["kind"] == "help":
            assert link["page"] in CONTACTS["pages"]
            assert f"links.{link['page']}" in ENGLISH
    assert spec.get("requires") in (None, "rights", "phone")


def test_texts_exist_only_for_steps_that_exist() -> None:
    assert _text_ids("steps") == set(STEPS["steps"])
    assert _text_ids("titles") == {plan["title"] for plan in TABLES.values()} | set(SITUATIONS)
    assert _text_ids("intro") == {plan["intro"] for plan in TABLES.values()}
    assert _text_ids("situations") == set(SITUATIONS)
    assert _text_ids("problem") == set(SITUATIONS)
    assert _text_ids("subject") == set(SITUATIONS)
    assert _text_ids("request") == {key for plan in TABLES.values() for key in plan["requests"]}
    help_pages = {spec["page"] for step in STEPS["steps"].values() for spec in step["links"] if spec["kind"] == "help"}
    # links.<page> labels a help link; contact-us is a link kind of its own (links.contact-us), not a help page.
    assert {key for key in _text_ids("links") if key in CONTACTS["pages"]} - {"contact-us"} == help_pages


@pytest.mark.parametrize("advice", ["reasons", "tips", "prevention", "prepare", "avoid"])
def test_advice_ids_and_texts_match(advice: str) -> None:
    order = STEPS[advice]["order"]
    assert len(order) == len(set(order))
    assert set(order) == _text_ids(advice)


def test_the_phishing_plan_sends_nothing_personal() -> None:
    kinds = {link["kind"] for step in STEPS["phishing"]["steps"] for link in STEPS["steps"][step]["links"]}
    assert kinds <= {"help", "report-phishing"}


def test_contact_data_carries_sources_and_the_date_checked() -> None:
    assert CONTACTS["checked"] == CHECKED
    for page_id, page in CONTACTS["pages"].items():
        assert page["source"], page_id
        assert page["path"].startswith("/"), page_id
    assert CONTACTS["x"]["handle"] == "AmazonHelp" and CONTACTS["x"]["handle_source"]
    assert all(entry["source"] for entry in CONTACTS["executive"])
    assert CONTACTS["report"]["source"]
    assert "older_email" not in CONTACTS["report"], "stop-spoofing@ is left out (facts.toml [omitted])"
    for page_id, page in CONTACTS["pages"].items():
        assert set(page.get("domains", [])) <= {m.domain for m in all_marketplaces()}, page_id
        assert "fallback_domain" not in page, f"{page_id}: links stay on the shopper's marketplace (contract.md)"


def test_escalation_addresses_are_presented_with_their_evidence() -> None:
    evidence = {entry["address"]: entry["confirmed"] for entry in CONTACTS["executive"]}
    assert evidence == {"jeff@amazon.com": True, "ajassy@amazon.com": False}


def test_x_links_stay_on_x() -> None:
    for url in (CONTACTS["x"]["post_intent"], CONTACTS["x"]["profile"]):
        assert urlsplit(url).scheme == "https" and urlsplit(url).hostname == "x.com"


def test_report_page_domains_are_marketplaces() -> None:
    domains = {m.domain for m in all_marketplaces()}
    assert set(CONTACTS["report"]["domains"]) <= domains
    assert "fallback_domain" not in CONTACTS["report"], "links stay on the shopper's marketplace (contract.md)"


@pytest.mark.parametrize("route_id", sorted(RIGHTS["routes"]))
def test_every_legal_route_has_its_law_source_place_and_texts(route_id: str) -> None:
    route = RIGHTS["routes"][route_id]
    assert route["law"] and urlsplit(route["source"]).scheme == "https"
    assert route["kind"] in RIGHT_KINDS
    assert ("page" in route) != ("url" in route), "a route goes to an Amazon page or an authority, not both"
    if "page" in route:
        assert route["page"] in CONTACTS["pages"]
    else:
        assert urlsplit(route["url"]).scheme == "https" and urlsplit(route["url"]).hostname in authority_hosts()
    assert {f"rights.{route_id}.{field}" for field in ("label", "note", "basis")} <= set(ENGLISH)


def test_every_authority_on_the_allow_list_has_a_name_and_a_source() -> None:
    for host, authority in RIGHTS["authorities"].items():
        assert authority["name"] and urlsplit(authority["source"]).scheme == "https", host
        assert "amazon" not in host, "Amazon's own hosts need no allow-list"
    used = {urlsplit(route["url"]).hostname for route in RIGHTS["routes"].values() if "url" in route}
    assert used == set(RIGHTS["authorities"]), "an allow-listed host no route uses, or a route off the list"


def test_rights_regions_name_existing_routes_and_used_keys() -> None:
    used = {m.rights for m in all_marketplaces()}
    for region, block in RIGHTS["regions"].items():
        assert region in used, f"no marketplace uses rights = {region!r}"
        assert set(block["routes"]) <= set(RIGHTS["routes"])
    assert _text_ids("rights") == set(RIGHTS["routes"])


def test_follow_up_waits_cover_every_channel() -> None:
    assert set(STEPS["follow_up"]) == {"chat", "call", "email", "post", "dm", "form", "other"}
    assert all(isinstance(days, int) and 1 <= days <= 5 for days in STEPS["follow_up"].values())
    assert set(STEPS["follow_up"]) == _text_ids("channels")


def test_data_comments_cite_the_article_for_its_facts() -> None:
    # The four contact ways and the reasons come from the German article: the files must say so.
    for name in ("steps", "contacts"):
        source = (importlib.resources.files("holdguide") / "data" / f"{name}.toml").read_text(encoding="utf-8")
        assert re.search(r"source-article-de\.txt", source), name


def test_subtypes_name_known_reasons() -> None:
    for subtype, reasons in STEPS["subtypes"].items():
        assert set(reasons) <= set(STEPS["reasons"]["order"]), subtype
