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


def _text_ids(prefix: str) -> set[str]:
    """The ids under ``prefix`` in en.toml: ``_text_ids("reasons")`` -> {"returns", ...}."""
    return {key[len(prefix) + 1:].split(".")[0] for key in ENGLISH if key.startswith(prefix + ".")}


def test_every_situation_of_the_contract_has_a_plan() -> None:
    assert set(STEPS["situations"]) == set(SITUATIONS)


@pytest.mark.parametrize("table", [*SITUATIONS, "phishing"])
def test_every_step_a_situation_names_exists(table: str) -> None:
    plan = STEPS["phishing"] if table == "phishing" else STEPS["situations"][table]
    assert plan["steps"], "a plan without steps"
    assert [step for step in plan["steps"] if step not in STEPS["steps"]] == []
    assert len(plan["steps"]) == len(set(plan["steps"])), "a step named twice"
    assert [warning for warning in plan["warnings"] if f"warnings.{warning}" not in ENGLISH] == []


def test_every_step_is_used_by_some_plan() -> None:
    used = {step for plan in [*STEPS["situations"].values(), STEPS["phishing"]] for step in plan["steps"]}
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
    assert spec.get("requires") in (None, "rights")


def test_texts_exist_only_for_steps_that_exist() -> None:
    assert _text_ids("steps") == set(STEPS["steps"])
    assert _text_ids("titles") == {*SITUATIONS, "phishing"}
    assert _text_ids("problem") == set(SITUATIONS)
    assert _text_ids("subject") == set(SITUATIONS)


@pytest.mark.parametrize("advice", ["reasons", "tips", "prevention"])
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
    assert CONTACTS["report"]["source"] and CONTACTS["report"]["older_source"]


def test_escalation_addresses_are_presented_with_their_evidence() -> None:
    evidence = {entry["address"]: entry["confirmed"] for entry in CONTACTS["executive"]}
    assert evidence == {"jeff@amazon.com": True, "ajassy@amazon.com": False}


def test_x_links_stay_on_x() -> None:
    for url in (CONTACTS["x"]["post_intent"], CONTACTS["x"]["profile"]):
        assert urlsplit(url).scheme == "https" and urlsplit(url).hostname == "x.com"


def test_report_page_domains_are_marketplaces() -> None:
    domains = {m.domain for m in all_marketplaces()}
    assert set(CONTACTS["report"]["domains"]) <= domains
    assert CONTACTS["report"]["fallback_domain"] in domains


@pytest.mark.parametrize("route_id", sorted(RIGHTS["routes"]))
def test_every_legal_route_has_basis_source_page_and_texts(route_id: str) -> None:
    route = RIGHTS["routes"][route_id]
    assert route["basis"] and urlsplit(route["source"]).scheme == "https"
    assert route["page"] in CONTACTS["pages"]
    assert {f"rights.{route_id}.label", f"rights.{route_id}.note"} <= set(ENGLISH)


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
