"""The phishing guard's reasons in the plan's language, and a verdict that leads with the danger (issue 9).

The guard gives codes with parameters (``phishing_codes``); the words come from ``data/texts/<lang>.toml``
[phishing], one text per code with the code's parameters as placeholders, so a German plan gives German reasons.
On a phishing answer the plan's heading (``verdict``) says the page or message is likely a fake, and what it
imitates comes second (``imitates``).
"""

from __future__ import annotations

import json

import pytest

from holdguide.analyze import analyze
from holdguide.api import run_json
from holdguide.datafiles import load_toml
from holdguide.detection.phishing import REASON_CODES
from holdguide.guidance.phishing_reasons import reason_texts
from holdguide.guidance.plan import situation_label
from holdguide.guidance.texts import load, placeholders, supported_languages, text
from holdguide.messages import page_from_message
from holdguide.model import PageInput
from tests.corpora import golden, heldout, translations

ENGLISH = load("en")
LOCKED = ("Your Amazon account has been locked and your orders are on hold.\nSign in to verify your payment "
          "information.\nEmail\nPassword\nContinue\nWas this information helpful?")
FAKE_PAGE = PageInput(text=LOCKED, url="https://amazon-support.help/ap/signin")
FAKE_MAIL = ("From: Amazon <service@amaz-kundenservice.de>\nSubject: Account locked\n\nYour Amazon account has been "
             "locked. Reply with your card number and CVV within 24 hours or your account will be closed.")


def _phishing_keys(language: str) -> dict[str, str]:
    return {key.removeprefix("phishing."): value for key, value in load(language).items()
            if key.startswith("phishing.") and not key.startswith("phishing.what.")}


def _what_names() -> set[str]:
    return {key.removeprefix("phishing.what.") for key in ENGLISH if key.startswith("phishing.what.")}


def test_every_code_of_the_guard_has_english_words_with_its_parameters_as_placeholders() -> None:
    worded = _phishing_keys("en")
    assert set(worded) == set(REASON_CODES)
    too_many = {code: sorted(placeholders(worded[code]) - set(params)) for code, params in REASON_CODES.items()
                if placeholders(worded[code]) - set(params)}
    assert too_many == {}


def test_every_thing_a_fake_asks_for_has_a_name() -> None:
    """``what`` is a sensitive-data id (phishing.toml [[sensitive]]) or a form field's kind ([form_fields])."""
    phishing = load_toml("phishing.toml")
    asked = {entry["id"] for entry in phishing["sensitive"]} | set(phishing["form_fields"])
    assert _what_names() == asked


@pytest.mark.parametrize("language", supported_languages())
def test_every_language_words_every_reason(language: str) -> None:
    assert set(_phishing_keys(language)) == set(REASON_CODES)
    assert {key for key in load(language) if key.startswith("phishing.what.")} == {
        f"phishing.what.{name}" for name in _what_names()}


def _every_reason_given() -> list[dict[str, str]]:
    reasons = []
    for case in [*golden(), *heldout(), *translations()]:
        reasons += analyze(case.page)["phishing_codes"]
    return reasons


def test_every_reason_the_guard_gives_is_a_known_code_with_its_declared_parameters() -> None:
    given = _every_reason_given()
    assert len({reason["code"] for reason in given}) >= 8  # the corpus exercises many codes, not one
    wrong = [reason for reason in given
             if reason["code"] not in REASON_CODES or set(reason) - {"code"} != set(REASON_CODES[reason["code"]])]
    assert wrong == []


@pytest.mark.parametrize("language", supported_languages())
def test_the_reasons_follow_the_plans_language(language: str) -> None:
    answer = analyze(FAKE_PAGE, language=language)
    assert answer["phishing"] and answer["plan"]["language"] == language
    assert answer["phishing_reasons"] == reason_texts(answer["phishing_codes"], language)
    first = answer["phishing_codes"][0]
    template = text(language, f"phishing.{first['code']}")
    assert answer["phishing_reasons"][0] == text(language, f"phishing.{first['code']}", **first)
    assert first["host"] in answer["phishing_reasons"][0] and "{" not in answer["phishing_reasons"][0]
    if language != "en":
        assert template != ENGLISH[f"phishing.{first['code']}"]


def test_a_german_message_names_what_it_asks_for_in_german() -> None:
    answer = analyze(page_from_message(FAKE_MAIL), language="de")
    asked = [code for code in answer["phishing_codes"] if code["code"] == "asks_sensitive"]
    assert asked
    names = {text("de", f"phishing.what.{code['what']}") for code in asked}
    assert all(any(name in reason for reason in answer["phishing_reasons"]) for name in names)


def test_the_words_of_a_replan_follow_its_new_language() -> None:
    """The popup's re-plan (op "plan": another plan language, same detection) words the same codes anew."""
    page = {"url": FAKE_PAGE.url, "title": "", "lang": "en", "text": LOCKED}
    first = json.loads(run_json(json.dumps({"op": "analyze", "page": page})))
    again = json.loads(run_json(json.dumps({"op": "plan", "detection": first["detection"],
                                            "page": {"url": page["url"], "lang": "en"}, "language": "fr"})))
    assert again["result"]["phishing_codes"] == first["result"]["phishing_codes"]
    assert again["result"]["phishing_reasons"] == reason_texts(first["result"]["phishing_codes"], "fr")
    assert again["result"]["phishing_reasons"] != first["result"]["phishing_reasons"]


def test_a_parameter_is_only_ever_text() -> None:
    """Hosts and quotes come from a hostile page: a template-looking value is inserted as it is, never evaluated."""
    hostile = "{host.__class__} {what} <b>"
    (worded,) = reason_texts([{"code": "threat", "detail": hostile}], "en")
    assert hostile in worded


def test_an_unknown_code_is_shown_as_its_id_and_junk_is_skipped() -> None:
    assert reason_texts([{"code": "a_newer_code", "host": "x"}, {"host": "no code"}, "text", None, 5], "de") == [
        "a_newer_code"]


def test_a_fake_page_leads_with_the_danger_and_names_what_it_imitates_second() -> None:
    plan = analyze(FAKE_PAGE, language="en")["plan"]
    assert plan["verdict"] == ENGLISH["verdict.fake-page"]
    assert plan["imitates"] == text("en", "verdict.imitates", situation=situation_label("orders-on-hold", "en"))


@pytest.mark.parametrize("page", [
    page_from_message(FAKE_MAIL),
    PageInput(text=f"Inbox\n{LOCKED}\nhttps://amazon-verify-login.com/restore", url="https://mail.google.com/mail/u/0/"),
], ids=["pasted", "web-mail"])
def test_a_fake_message_is_called_a_message(page: PageInput) -> None:
    answer = analyze(page, language="en")
    assert answer["phishing"] and answer["plan"]["verdict"] == ENGLISH["verdict.fake-message"]


def test_a_genuine_answer_is_headed_by_its_situation() -> None:
    page = PageInput(text=LOCKED.replace("Was this information helpful?", ""), url="https://www.amazon.com/ap/signin")
    answer = analyze(page, language="en")
    assert not answer["phishing"]
    assert answer["plan"]["verdict"] == answer["plan"]["situation_label"] and answer["plan"]["imitates"] is None
