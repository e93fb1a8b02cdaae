"""What the shopper types (name, account e-mail, last order, earlier tickets) is checked before it fills a mail."""

from __future__ import annotations

import pytest

from holdguide.guidance.plan import validate_details
from holdguide.guidance.texts import load, localize_errors
from holdguide.model import Details


def test_nothing_typed_is_fine() -> None:
    assert validate_details({}) == (Details(), {})


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("302-1234567-1234567", "302-1234567-1234567"),
        ("  302 1234567 1234567 ", "302-1234567-1234567"),
        ("302–1234567–1234567", "302-1234567-1234567"),  # en dashes from a copied e-mail
        ("30212345671234567", "302-1234567-1234567"),
        ("D01-1234567-1234567", "D01-1234567-1234567"),  # digital orders
        ("d01-1234567-1234567", "D01-1234567-1234567"),
    ],
)
def test_order_numbers_are_recognised_and_normalised(typed: str, canonical: str) -> None:
    details, errors = validate_details({"order": typed})
    assert (details.order, errors) == (canonical, {})


@pytest.mark.parametrize("typed", ["12345", "302-123456-1234567", "ABC-1234567-1234567", "302-1234567-1234567-1"])
def test_other_numbers_are_refused_and_left_out(typed: str) -> None:
    details, errors = validate_details({"order": typed})
    assert details.order == "" and errors == {"order": "order-invalid"}


@pytest.mark.parametrize("typed", ["erika@example.de", "e.m+amazon@mail.example.co.uk", "müller@beispiel.de"])
def test_plausible_emails_pass(typed: str) -> None:
    assert validate_details({"email": f" {typed} "}) == (Details(email=typed), {})


@pytest.mark.parametrize("typed", ["erika", "erika@", "@example.de", "erika@example", "a b@example.de",
                                   "erika@example.de, other@example.de", "x" * 250 + "@example.de"])
def test_implausible_emails_are_refused(typed: str) -> None:
    details, errors = validate_details({"email": typed})
    assert details.email == "" and errors == {"email": "email-invalid"}


def test_tickets_are_split_on_commas_and_spaces_in_order_without_repeats() -> None:
    details, errors = validate_details({"tickets": "12345678901, 98765432109;12345678901\nABC-7"})
    assert details.tickets == ("12345678901", "98765432109", "ABC-7") and errors == {}


def test_tickets_may_come_as_a_list() -> None:
    assert validate_details({"tickets": ["111", "222 333"]})[0].tickets == ("111", "222", "333")


def test_bad_ticket_pieces_are_reported_and_the_good_ones_kept() -> None:
    details, errors = validate_details({"tickets": "111, <script>, 222"})
    assert details.tickets == ("111", "222") and errors == {"tickets": "ticket-invalid"}


def test_a_name_cannot_carry_line_breaks_into_a_mail() -> None:
    details, _ = validate_details({"name": "Erika\r\nBcc: evil@example.com\tMustermann"})
    assert details.name == "Erika Bcc: evil@example.com Mustermann"


def test_an_overlong_name_is_refused() -> None:
    details, errors = validate_details({"name": "E" * 101})
    assert details.name == "" and errors == {"name": "name-too-long"}


def test_values_that_are_not_text_are_ignored() -> None:
    assert validate_details({"name": 42, "email": None, "order": ["x"]}) == (Details(), {})


@pytest.mark.parametrize("language", ["de", "ja", "ar", "xx"])
def test_error_keys_become_sentences_in_the_language(language: str) -> None:
    _, errors = validate_details({"email": "nope", "order": "1"})
    messages = localize_errors(errors, language)
    texts = load(language if language != "xx" else "en")
    assert messages == {"email": texts["errors.email-invalid"], "order": texts["errors.order-invalid"]}
