"""api.run_json, the bridge's only entry point: JSON in, JSON out, never an exception."""

from __future__ import annotations

import dataclasses
import json

import pytest

from holdguide.api import MAX_TEXT, run_json
from holdguide.inputs import page_from_path
from tests.golden_cases import Case, all_cases

CONTRACT_FIELDS = {"situation", "subtype", "marketplace", "language", "confidence", "evidence", "phishing",
                   "phishing_reasons", "plan"}


def call(request: object) -> dict:
    return json.loads(run_json(json.dumps(request)))


def test_analyze_returns_the_contract_fields() -> None:
    page = {"url": "https://www.amazon.com/", "text": "Today's deals", "lang": "en-us"}
    response = call({"op": "analyze", "page": page})
    assert response["ok"] is True
    assert CONTRACT_FIELDS <= set(response["result"])
    assert response["result"]["situation"] == "none" and response["result"]["plan"] is None


@pytest.mark.parametrize(
    "request_text",
    ["not json", "[]", '{"op": "fly"}', '{"op": "choose", "situation": "bogus"}'],
)
def test_bad_requests_answer_with_an_error_instead_of_raising(request_text: str) -> None:
    response = json.loads(run_json(request_text))
    assert response["ok"] is False and response["error"]


def test_strange_page_values_are_tolerated() -> None:
    response = call({"op": "analyze", "page": {"url": 5, "text": None, "title": ["x"], "lang": {}}})
    assert response["ok"] is True and response["result"]["situation"] == "none"


def test_text_is_bounded() -> None:
    response = call({"op": "analyze", "page": {"text": "a " * (MAX_TEXT)}})
    assert response["ok"] is True


def test_options_list_situations_and_marketplaces_for_the_manual_choice() -> None:
    result = call({"op": "options"})["result"]
    assert "none" not in result["situations"] and "security-lock" in result["situations"]
    assert {"domain": "amazon.de", "name": "Amazon.de"} in result["marketplaces"] or any(
        m["domain"] == "amazon.de" for m in result["marketplaces"])
    assert {"code": "de", "name": "Deutsch"} in result["languages"]


def test_choose_builds_the_plan_for_a_hand_picked_situation() -> None:
    result = call({"op": "choose", "situation": "account-closed", "marketplace": "amazon.fr"})["result"]
    assert result["situation"] == "account-closed" and result["marketplace"] == "amazon.fr"
    assert result["plan"]["language"] == "fr"


def test_details_errors_come_back_per_field() -> None:
    response = call({"op": "options", "details": {"order": "12345"}})
    assert response["ok"] is True
    response = call({"op": "choose", "situation": "security-lock", "marketplace": "amazon.de",
                     "details": {"order": "12345", "email": "nobody"}})
    assert set(response["details_errors"]) == {"order", "email"}


def test_details_are_never_used_for_a_page_off_amazon() -> None:
    details = {"name": "Erika Mustermann", "email": "erika@example.org", "order": "302-1234567-1234567"}
    page = {"url": "https://amazon-konto-pruefung.example/login", "lang": "de",
            "text": "Ihr Konto wurde gesperrt. Bitte melden Sie sich an und bestätigen Sie Ihre Kreditkartendaten."}
    response = call({"op": "analyze", "page": page, "details": details})
    assert response["result"]["official_host"] is False
    assert "Erika" not in json.dumps(response["result"]) and "302-1234567" not in json.dumps(response["result"])


@pytest.mark.parametrize(
    "request_body",
    [
        {"op": "analyze", "page": {"text": "x"}, "language": ["de"], "ui_language": 5, "details": "erika"},
        {"op": "analyze", "page": 7},
        {"op": "choose", "situation": "security-lock", "marketplace": {"x": 1}},
        {"op": "caselog", "entries": ["x", 7, None, {"when": "9999-12-30", "channel": "email"}],
         "marketplace": "amazon.de", "today": "2026-11-25"},
        {"op": "caselog", "entries": "not a list", "marketplace": None, "today": "2026-11-25"},
    ],
)
def test_wrong_types_in_a_request_count_as_absent(request_body: dict) -> None:
    response = call(request_body)
    assert response["ok"] is True, response


def test_a_hand_picked_marketplace_we_do_not_know_is_dropped_not_echoed() -> None:
    result = call({"op": "choose", "situation": "security-lock", "marketplace": "<img src=x onerror=alert(1)>"})
    assert result["result"]["marketplace"] is None
    assert "<img" not in json.dumps(result)


def test_a_hand_picked_situation_is_not_told_that_no_fake_was_found() -> None:
    english_page = call({"op": "message", "text": "Your Amazon account is on hold. Verify your payment method."})
    chosen = call({"op": "choose", "situation": "payment-verification", "marketplace": "amazon.com"})
    doubt = [w for w in english_page["result"]["plan"]["warnings"] if "does not prove" in w]
    assert doubt and doubt[0] not in chosen["result"]["plan"]["warnings"]


# --- op "plan": the popup re-plans on every edit of its details without running the detector again ---------------

DETAILS = {"name": "Erika Mustermann", "email": "erika@example.org", "order": "302-1234567-1234567",
           "tickets": "12345678"}


def page_request(case: Case) -> dict:
    """The page request the reader would send for a golden page (contract, "Page request")."""
    return json.loads(json.dumps(dataclasses.asdict(page_from_path(case.document, url=case.url))))


@pytest.mark.parametrize("case", [c for c in all_cases() if c.is_page], ids=lambda c: c.id)
@pytest.mark.parametrize(("details", "language"), [(DETAILS, None), ({}, "fr"), (DETAILS, "ja")])
def test_a_replan_gives_what_a_new_analysis_with_the_same_choices_gives(
    case: Case, details: dict, language: str | None
) -> None:
    page = page_request(case)
    first = call({"op": "analyze", "page": page})
    fresh = call({"op": "analyze", "page": page, "details": details, "language": language})

    replanned = call({"op": "plan", "detection": first["detection"], "page": {"url": page["url"], "lang": page["lang"]},
                      "details": details, "language": language})

    assert replanned == fresh


def test_a_replan_keeps_the_earlier_detection_instead_of_detecting_again() -> None:
    detection = {"situation": "account-closed", "marketplace": "amazon.de", "language": "de", "confidence": 0.9,
                 "official_page": True}
    page = {"url": "https://www.amazon.de/ap/signin", "lang": "de-DE"}  # no text: nothing to detect from

    replanned = call({"op": "plan", "detection": detection, "page": page, "details": DETAILS})["result"]

    assert (replanned["situation"], replanned["marketplace"]) == ("account-closed", "amazon.de")
    assert "302-1234567-1234567" in json.dumps(replanned["plan"])


def test_a_replan_never_puts_details_into_a_page_off_amazon() -> None:
    page = {"url": "https://amazon-konto-pruefung.example/login", "lang": "de",
            "text": "Ihr Konto wurde gesperrt. Bitte melden Sie sich an und bestätigen Sie Ihre Kreditkartendaten."}
    first = call({"op": "analyze", "page": page})

    replanned = call({"op": "plan", "detection": first["detection"], "page": page, "details": DETAILS})["result"]

    assert replanned["official_host"] is False
    assert "Erika" not in json.dumps(replanned) and "302-1234567" not in json.dumps(replanned)


@pytest.mark.parametrize("detection", [None, "security-lock", {"situation": "bogus"}, {"marketplace": "amazon.de"}])
def test_a_replan_without_a_usable_detection_fails_cleanly(detection: object) -> None:
    response = call({"op": "plan", "detection": detection, "page": {"url": "https://www.amazon.com/"}})
    assert response["ok"] is False and response["error"]


def test_a_replan_drops_what_does_not_fit_a_detection() -> None:
    detection = {"situation": "security-lock", "marketplace": "evil.example", "evidence": "x", "confidence": "high",
                 "phishing": "yes", "unknown": 1}

    response = call({"op": "plan", "detection": detection, "page": {"url": "https://www.amazon.com/"}})

    assert response["ok"] is True
    result = response["result"]
    assert (result["marketplace"], result["evidence"], result["confidence"], result["phishing"]) == (None, [], 0, False)
