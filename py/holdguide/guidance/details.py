"""What the shopper typed into the popup (name, account e-mail, last order, earlier tickets), checked and cleaned.

The cleaned values go into prefilled e-mails, so anything that does not look like what it claims to be is left
out and reported by field, as a message key under ``errors.`` in the texts
(``holdguide.guidance.texts.localize_errors``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from holdguide.model import Details

MAX_NAME = 100
MAX_EMAIL = 254  # RFC 5321's limit on a forward path, the usual bound for an address

#: Amazon order numbers: 3-7-7 digits (e.g. 302-1234567-1234567); digital orders start with D01.
_ORDER = re.compile(r"(\d{3}|D\d{2})-(\d{7})-(\d{7})")
_ORDER_SEPARATORS = re.compile(r"[\s\u2010-\u2015]+|-+")
_EMAIL = re.compile(r"[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[^@\s<>()\[\],;:\".]{2,}")
_TICKET = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,39}")
_TICKET_SPLIT = re.compile(r"[,;\s]+")


def validate_details(raw: Mapping[str, object]) -> tuple[Details, dict[str, str]]:
    """Cleaned details and, per field that was given but unusable, an error key (``order-invalid``)."""
    errors: dict[str, str] = {}
    name = clean_text(raw.get("name"))
    if len(name) > MAX_NAME:
        errors["name"], name = "name-too-long", ""
    email = clean_text(raw.get("email"))
    if email and (len(email) > MAX_EMAIL or not _EMAIL.fullmatch(email)):
        errors["email"], email = "email-invalid", ""
    order = _order(clean_text(raw.get("order")))
    if order is None:
        errors["order"], order = "order-invalid", ""
    tickets, bad = _tickets(raw.get("tickets"))
    if bad:
        errors["tickets"] = "ticket-invalid"
    return Details(name=name, email=email, order=order, tickets=tickets), errors


def clean_text(value: object) -> str:
    """Any typed value as one line of text: no control characters (no line break to smuggle into an e-mail),
    white space collapsed; "" for anything that is not a string."""
    if not isinstance(value, str):
        return ""
    visible = "".join(" " if unicodedata.category(char).startswith("C") else char for char in value)
    return " ".join(visible.split())


def _order(value: str) -> str | None:
    """The order number in its canonical 3-7-7 form; "" when none was given, None when it is not one."""
    if not value:
        return ""
    compact = _ORDER_SEPARATORS.sub("-", value.upper())
    if compact.isdigit() and len(compact) == 17:
        compact = f"{compact[:3]}-{compact[3:10]}-{compact[10:]}"
    return compact if _ORDER.fullmatch(compact) else None


def _tickets(value: object) -> tuple[tuple[str, ...], bool]:
    """Ticket numbers split on commas, semicolons and white space, in order, without repeats; and whether any
    given piece was not a ticket number."""
    pieces: list[str] = []
    for item in value if isinstance(value, (list, tuple)) else [value]:
        pieces += [piece for piece in _TICKET_SPLIT.split(clean_text(item)) if piece]
    good = [piece for piece in pieces if _TICKET.fullmatch(piece)]
    return tuple(dict.fromkeys(good)), len(good) != len(pieces)
