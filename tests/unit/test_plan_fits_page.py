"""The plan's title and first step fit what the page itself says (issue 11), one test per situation.

Each test reads a real page or message from tests/golden/ the way the CLI reads it, runs the whole analysis, and
checks the plan against the page's own wording: a page that says "locked" must not get "you can sign in", a page
that says the documents were reviewed and the hold stays must not be told to send a document first.
"""

from __future__ import annotations

import pytest

from holdguide.analyze import analyze
from holdguide.guidance.texts import load
from holdguide.inputs import page_from_path
from tests.golden_cases import Case, all_cases

CASES = {case.id: case for case in all_cases()}


def plan_for(case_id: str) -> tuple[str, dict]:
    """The page's visible text and the plan the analysis gives it."""
    case: Case = CASES[case_id]
    page = page_from_path(case.document, url=case.url)
    answer = analyze(page)
    assert answer["situation"] == case.situation and answer["plan"] is not None
    return page.text, answer["plan"]


def first_step(plan: dict) -> dict:
    return plan["steps"][0]


def test_orders_on_hold_page_gets_a_locked_title_and_starts_with_the_password_reset() -> None:
    text, plan = plan_for("en-orders-on-hold-locked")
    assert "locked" in text and "on hold" in text
    title = plan["title"].lower()
    assert "locked" in title and "on hold" in title and "can sign in" not in title
    step = first_step(plan)
    assert step["id"] == "follow-prompts"
    # The sign-in flow around this page: "set a new password ... We'll send a One Time Password (OTP)".
    assert "new password" in step["text"] and "one-time password (OTP)" in step["text"]
    assert [s["id"] for s in plan["steps"]][1:3] == ["call", "contact-signed-in"]  # phone first, on amazon.com


@pytest.mark.parametrize("case_id", ["de-orders-on-hold-constructed", "nl-orders-on-hold"])
def test_orders_on_hold_pages_in_other_languages_get_the_same_plan(case_id: str) -> None:
    _, plan = plan_for(case_id)
    texts = load(plan["language"])
    assert plan["title"] == texts["titles.orders-on-hold"]
    assert first_step(plan)["id"] == "follow-prompts"


def test_rejected_document_page_gets_its_own_title_and_asks_what_is_missing_first() -> None:
    text, plan = plan_for("en-document-rejected")
    assert "reviewed" in text and "cannot remove the hold" in text
    assert plan["title"] == load("en")["titles.document-rejected"]
    assert "reviewed" in plan["title"] and "kept the hold" in plan["title"]
    step = first_step(plan)
    assert step["id"] == "ask-what-is-missing" and "missing" in step["text"]
    assert {link["kind"] for link in step["links"]} >= {"phone", "chat"}


def test_document_request_page_asks_for_that_document_on_amazons_page() -> None:
    text, plan = plan_for("en-document-submission-required")
    assert "attach a supporting document" in text and "billing address" in text
    assert plan["title"] == load("en")["titles.document-verification"]
    step = first_step(plan)
    assert step["id"] == "amazon-form-document" and "billing address" in step["text"]
    assert step["links"][0]["url"] == "https://account-status.amazon.com/"


def test_payment_hold_page_asks_for_the_billing_details_it_requires() -> None:
    text, plan = plan_for("en-payment-account-on-hold-temporarily")
    assert "payment method" in text and "Enter billing details" in text  # "may be cancelled" sits in its hidden sheet
    assert "payment method" in plan["title"]
    step = first_step(plan)
    assert step["id"] == "amazon-form-payment" and "billing details" in step["text"]
    assert "card or account number" in step["text"] and "Unable to attach a document" in step["text"]
    assert load("en")["warnings.pending-orders"] in plan["warnings"]


@pytest.mark.parametrize("case_id", ["en-security-lock-locked-for-security", "en-security-lock-password-reset",
                                     "en-security-lock-too-many-attempts"])
def test_security_lock_pages_start_with_the_password_reset(case_id: str) -> None:
    _, plan = plan_for(case_id)
    assert plan["title"] == load("en")["titles.security-lock"] and "locked" in plan["title"]
    assert first_step(plan)["id"] == "password-reset" and "new password" in first_step(plan)["text"]


@pytest.mark.parametrize("case_id", ["en-closed-deactivated-heading", "en-closed-returns", "en-closed-review-abuse"])
def test_closure_pages_get_a_closure_title_an_honest_intro_and_the_appeal_first(case_id: str) -> None:
    _, plan = plan_for(case_id)
    assert plan["title"] == load("en")["titles.account-closed"]
    assert "often" not in plan["intro"] and plan["intro"] == load("en")["intro.closure"]
    step = first_step(plan)
    assert step["id"] == "appeal"
    # A closed account cannot open Your Account: reply to the notice, Message Center only if still signed in.
    assert "Your Account" not in step["text"] and "if you can still sign in" in step["text"]


def test_a_closure_over_returns_names_returns_first() -> None:
    text, plan = plan_for("en-closed-returns")
    assert "returned a large number" in text
    assert plan["reason_ids"][0] == "returns"


def test_warning_page_reads_the_warning_first() -> None:
    text, plan = plan_for("en-warning-returns")
    assert "returns" in text
    assert plan["title"] == load("en")["titles.account-warning"]
    assert first_step(plan)["id"] == "read-warning" and "returns" in first_step(plan)["text"]


@pytest.mark.parametrize("case", [c for c in all_cases() if c.situation != "none" and not c.phishing
                                  and not c.known_miss], ids=lambda c: c.id)
def test_every_hold_fixture_gets_its_situations_title_in_its_language(case: Case) -> None:
    _, plan = plan_for(case.id)
    texts = load(plan["language"])
    expected = "document-rejected" if case.expected.get("subtype") == "document-rejected" else case.situation
    assert plan["title"] == texts[f"titles.{expected}"]
