"""The plan engine: the right steps, in the plan's language, with links built from our own data only."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote, urlsplit

import pytest

from holdguide.guidance.plan import build_plan, data
from holdguide.guidance.texts import load, supported_languages
from holdguide.marketplaces import all_marketplaces, by_domain
from holdguide.model import SITUATIONS, Details

ERIKA = Details(name="Erika Mustermann", email="erika@example.de", order="302-1234567-7654321",
                tickets=("12345678901", "98765432109"))
PERSONAL = [ERIKA.name, ERIKA.email, ERIKA.order, *ERIKA.tickets]
DE = by_domain("amazon.de")


def _links(plan: dict, kind: str | None = None) -> list[dict]:
    return [link for step in plan["steps"] for link in step["links"] if kind in (None, link["kind"])]


def _step_ids(plan: dict) -> list[str]:
    return [step["id"] for step in plan["steps"]]


def _decoded(url: str) -> str:
    return unquote(url)


class TestDoneCriterion:
    """The issue's acceptance test: an amazon.de security lock."""

    plan = build_plan("security-lock", DE, "de", ERIKA)

    def test_the_plan_is_in_german(self) -> None:
        assert self.plan["language"] == "de"
        assert self.plan["title"] == load("de")["titles.security-lock"]

    def test_it_links_to_the_german_contact_page(self) -> None:
        assert "https://www.amazon.de/gp/help/customer/contact-us" in [link["url"] for link in _links(self.plan)]

    def test_it_offers_cs_reply_with_a_german_subject_and_the_users_details(self) -> None:
        (email,) = _links(self.plan, "email")
        assert email["url"].startswith("mailto:cs-reply@amazon.de?")
        subject = load("de")["subject.security-lock"].format(domain="amazon.de")
        assert email["copy"] == {"address": "cs-reply@amazon.de", "subject": subject, "body": email["copy"]["body"]}
        assert f"subject={subject}" in _decoded(email["url"])
        for value in (ERIKA.order, ERIKA.email):
            assert value in email["copy"]["body"] and value in _decoded(email["url"])

    def test_the_amazonhelp_links_carry_none_of_the_users_details(self) -> None:
        for link in _links(self.plan, "x-post") + _links(self.plan, "x-dm"):
            assert urlsplit(link["url"]).hostname == "x.com"
            text = _decoded(link["url"]) + json.dumps(link, ensure_ascii=False)
            assert [value for value in PERSONAL if value in text] == []
        (post,) = _links(self.plan, "x-post")
        assert "@AmazonHelp" in _decoded(post["url"])

    def test_the_escalation_email_comes_last(self) -> None:
        assert _step_ids(self.plan)[-1] == "executive-email"
        addresses = [link["copy"]["address"] for link in self.plan["steps"][-1]["links"]]
        assert addresses == ["jeff@amazon.com", "ajassy@amazon.com"]


@pytest.mark.parametrize("marketplace", all_marketplaces(), ids=lambda m: m.domain)
@pytest.mark.parametrize("situation", SITUATIONS)
def test_every_marketplace_gets_links_on_its_own_domain(marketplace, situation) -> None:
    plan = build_plan(situation, marketplace, marketplace.default_language, ERIKA)
    for link in _links(plan):
        parts = urlsplit(link["url"] or "")
        if parts.scheme == "https":
            assert parts.hostname in (f"www.{marketplace.domain}", f"account-status.{marketplace.domain}", "x.com")
        elif parts.scheme == "mailto":
            assert link["kind"] in ("email", "executive-email")
        else:
            assert (parts.scheme, link["kind"]) in (("tel", "phone"), ("", "app"))
    if "contact-signed-in" in _step_ids(plan):
        assert marketplace.contact_us_url in [link["url"] for link in _links(plan, "contact-us")]
    for link in _links(plan, "email"):
        assert link["copy"]["address"] == f"cs-reply@{marketplace.domain}"


@pytest.mark.parametrize("language", supported_languages())
@pytest.mark.parametrize("situation", SITUATIONS)
def test_every_situation_builds_in_every_language(language, situation) -> None:
    plan = build_plan(situation, DE, language, ERIKA)
    assert plan["language"] == language
    assert plan["steps"] and all(step["title"] and step["text"] for step in plan["steps"])
    assert all(link["label"] for link in _links(plan))
    filled = {key: value for key, value in plan.items() if key != "ui"}  # ui.step_of is filled by the overlay
    assert re.findall(r"\{[a-z-]+\}", json.dumps(filled, ensure_ascii=False)) == [], "an unfilled placeholder"
    assert set(re.findall(r"\{[a-z]+\}", plan["ui"]["step_of"])) == {"{n}", "{total}"}
    assert plan["direction"] == ("rtl" if language == "ar" else "ltr")


class TestStepOrder:
    def test_amazons_own_way_out_comes_first(self) -> None:
        firsts = {situation: _step_ids(build_plan(situation, DE, "en", ERIKA))[0] for situation in SITUATIONS}
        assert firsts["payment-verification"] == "amazon-form-payment"
        assert firsts["document-verification"] == "amazon-form-document"
        assert firsts["security-lock"] == "password-reset"
        assert firsts["account-closed"] == "appeal"
        assert firsts["orders-on-hold"] == "contact-signed-in"

    def test_signing_in_comes_before_email_and_escalation_is_last(self) -> None:
        for situation in ("payment-verification", "document-verification", "security-lock", "orders-on-hold"):
            ids = _step_ids(build_plan(situation, DE, "en", ERIKA))
            assert ids.index("contact-signed-in") < ids.index("email-cs-reply") < ids.index("x-amazonhelp")
            assert ids[-1] == "executive-email"

    def test_a_warning_needs_no_escalation(self) -> None:
        ids = _step_ids(build_plan("account-warning", DE, "en", ERIKA))
        assert "executive-email" not in ids and "email-cs-reply" not in ids

    def test_closure_warnings_appear_only_for_closures(self) -> None:
        closed = build_plan("account-closed", DE, "en", ERIKA)["warnings"]
        held = build_plan("payment-verification", DE, "en", ERIKA)["warnings"]
        english = load("en")
        assert english["warnings.closure-new-account"] in closed
        assert english["warnings.closure-new-account"] not in held
        assert english["warnings.redact-statement"] in held


class TestRights:
    def test_eu_closure_names_dsa_and_gdpr_with_sources(self) -> None:
        plan = build_plan("account-closed", DE, "en", ERIKA)
        bases = [link["basis"] for link in _links(plan, "rights")]
        assert [any(article in basis for basis in bases) for article in ("Art. 17", "Art. 20", "Art. 15")] == [True] * 3
        assert all(link["source"].startswith("https://eur-lex.europa.eu/") for link in _links(plan, "rights"))
        assert all(urlsplit(link["url"]).hostname == "www.amazon.de" for link in _links(plan, "rights"))

    def test_india_names_the_grievance_officer(self) -> None:
        (link,) = _links(build_plan("account-closed", by_domain("amazon.in"), "en", ERIKA), "rights")
        assert "E-Commerce" in link["basis"] and urlsplit(link["url"]).hostname == "www.amazon.in"

    def test_no_rights_step_where_we_know_no_route(self) -> None:
        assert "your-rights" not in _step_ids(build_plan("account-closed", by_domain("amazon.com"), "en", ERIKA))


class TestMarketplaceSpecifics:
    def test_phone_numbers_only_where_amazon_publishes_them(self) -> None:
        com = _links(build_plan("orders-on-hold", by_domain("amazon.com"), "en", ERIKA), "phone")
        assert [link["url"] for link in com] == ["tel:+18882804331"]
        assert _links(build_plan("orders-on-hold", DE, "en", ERIKA), "phone") == []

    def test_account_status_page_only_where_its_host_is_known(self) -> None:
        com = [link["url"] for link in _links(build_plan("payment-verification", by_domain("amazon.com"), "en", ERIKA))]
        de = [link["url"] for link in _links(build_plan("payment-verification", DE, "en", ERIKA))]
        assert "https://account-status.amazon.com/" in com
        assert not any("account-status" in url for url in de if url)

    def test_without_a_marketplace_the_links_go_to_amazon_com_and_say_so(self) -> None:
        plan = build_plan("security-lock", None, "en", ERIKA)
        assert plan["marketplace"] is None
        assert load("en")["warnings.no-marketplace"] in plan["warnings"]
        assert "https://www.amazon.com/gp/help/customer/contact-us" in [link["url"] for link in _links(plan)]


class TestPhishing:
    plan = build_plan("security-lock", DE, "de", ERIKA, phishing=True, suggested_reasons=("returns",))

    def test_the_steps_are_the_safe_way_out(self) -> None:
        assert _step_ids(self.plan) == ["do-not-act", "open-amazon-directly", "report-phishing"]
        assert self.plan["phishing"] is True and self.plan["title"] == load("de")["titles.phishing"]

    def test_no_personal_details_anywhere(self) -> None:
        text = json.dumps(self.plan, ensure_ascii=False)
        assert [value for value in PERSONAL if value in text or value in unquote(text)] == []

    def test_nothing_to_send_to_support_and_no_locking_advice(self) -> None:
        assert {link["kind"] for link in _links(self.plan)} == {"help", "report-phishing"}
        assert self.plan["reasons"] == [] and self.plan["tips"] == [] and self.plan["prevention"] == []

    def test_never_says_a_message_is_genuine(self) -> None:
        assert load("de")["warnings.not-verified"] in self.plan["warnings"]
        assert load("de")["warnings.no-fake-signs"] not in self.plan["warnings"]

    def test_report_links_use_amazons_own_addresses(self) -> None:
        urls = [link["url"] for link in _links(self.plan, "report-phishing")]
        assert urls[0] == "https://www.amazon.com/reportascam"  # amazon.de names no page of its own
        assert urls[1].startswith("mailto:reportascam@amazon.com")
        uk = build_plan("none", by_domain("amazon.co.uk"), "en", ERIKA, phishing=True)
        assert _links(uk, "report-phishing")[0]["url"] == "https://www.amazon.co.uk/reportascam"


class TestReasons:
    def test_the_reasons_the_page_suggests_come_first(self) -> None:
        suggested = ("related-accounts", "unknown", "returns")
        plan = build_plan("account-closed", DE, "en", ERIKA, suggested_reasons=suggested)
        assert plan["reason_ids"][:2] == ["related-accounts", "returns"]
        assert plan["suggested_reasons"] == ["related-accounts", "returns"]
        assert sorted(plan["reason_ids"]) == sorted(data("steps")["reasons"]["order"])
        assert plan["reasons"][0] == load("en")["reasons.related-accounts"]

    def test_without_suggestions_the_article_order_holds(self) -> None:
        plan = build_plan("orders-on-hold", DE, "en", ERIKA)
        assert plan["reason_ids"] == data("steps")["reasons"]["order"] and plan["suggested_reasons"] == []


class TestEmails:
    def test_missing_details_become_a_visible_prompt(self) -> None:
        (email,) = _links(build_plan("security-lock", DE, "en", Details()), "email")
        body = email["copy"]["body"]
        assert body.count(load("en")["email.missing"]) == 3
        assert "ticket" not in body.lower()

    def test_typed_braces_are_inserted_as_text(self) -> None:
        sneaky = Details(name="{domain} {0.__class__}", email="", order="")
        (email,) = _links(build_plan("security-lock", DE, "en", sneaky), "email")
        assert "{domain} {0.__class__}" in email["copy"]["body"]

    def test_the_escalation_email_is_honest_about_its_address(self) -> None:
        links = _links(build_plan("account-closed", DE, "en", ERIKA), "executive-email")
        assert [link["confirmed"] for link in links] == [True, False]
        assert "unconfirmed" in links[1]["label"]


def _x_weight(text: str) -> int:
    """X's weighted length: most Latin-range code points count 1, CJK and others 2 (X's twitter-text config)."""
    light = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
    return sum(1 if any(low <= ord(char) <= high for low, high in light) else 2 for char in text)


@pytest.mark.parametrize("language", supported_languages())
def test_the_x_post_fits_in_a_post(language) -> None:
    longest = max(all_marketplaces(), key=lambda m: len(m.domain))
    posts = [link["copy"]["body"] for situation in SITUATIONS
             for link in _links(build_plan(situation, longest, language, ERIKA), "x-post")]
    assert len(posts) == len([s for s in SITUATIONS if "x-amazonhelp" in data("steps")["situations"][s]["steps"]])
    assert max(_x_weight(post) for post in posts) <= 280


def test_unknown_language_falls_back_to_english_and_regions_are_dropped() -> None:
    assert build_plan("none", DE, "zh", Details())["language"] == "en"
    assert build_plan("none", DE, "de-AT", Details())["language"] == "de"


def test_unknown_situation_is_refused() -> None:
    with pytest.raises(ValueError):
        build_plan("banned", DE, "en", Details())


def test_every_contact_link_cites_its_source_and_date() -> None:
    plan = build_plan("account-closed", DE, "en", ERIKA)
    assert all(link["source"] and link["checked"] == "2026-11-25" for link in _links(plan))


def test_a_subtype_that_names_a_reason_puts_it_first() -> None:
    plan = build_plan("account-closed", DE, "en", ERIKA, subtype="related-accounts", suggested_reasons=("returns",))
    assert plan["suggested_reasons"] == ["related-accounts", "returns"] and plan["subtype"] == "related-accounts"
    assert build_plan("security-lock", DE, "en", ERIKA, subtype="password-reset")["suggested_reasons"] == []
    assert build_plan("account-closed", DE, "en", ERIKA, subtype="returns", phishing=True)["suggested_reasons"] == []
