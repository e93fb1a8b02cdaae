"""The typed shapes of what the guidance hands out: Plan, Step, Link and the case log's labels.

They are ``TypedDict``s, so a plan is a plain ``dict`` at run time and serialises to the contract's JSON
(``../shared/contract.md``, "plan") with ``json.dumps`` and nothing else; the types let a reader and a type
checker see every field in one place. Fields of the contract come first in each shape; the rest are our
extensions (the contract may be extended, never changed).
"""

from __future__ import annotations

from typing import NotRequired, TypedDict


class Copy(TypedDict, total=False):
    """The raw parts of an e-mail or a post, for the copy buttons (a mailto: link needs a mail program)."""

    address: str
    subject: str
    body: str


class Link(TypedDict):
    """One link of a step. ``url`` is built from our own data only (contract.md, link rule); None for the app."""

    kind: str  # contract.md's link kinds: contact-us, chat, phone, app, email, x-post, ... rights
    label: str
    url: str | None
    checked: str  # the date the datum behind the link was checked (contacts.toml ``checked``)
    source: NotRequired[str]  # where the datum comes from
    copy: NotRequired[Copy]
    note: NotRequired[str]  # a sentence under the link (a legal route's scope, a phone line's name)
    basis: NotRequired[str]  # a legal route's provision, in the plan's language
    confirmed: NotRequired[bool]  # executive e-mails: whether more than one source backs the address


class Step(TypedDict):
    """One step of a plan, in the order the shopper should try them."""

    id: str
    title: str
    text: str
    links: list[Link]
    channel: str  # how the shopper reaches Amazon in this step, for the case log (chat, call, email...)
    counter: str  # "Step 2 of 6" in the plan's language, for the overlay that shows one step at a time
    wait: NotRequired[str]
    tip: NotRequired[str]


class Headings(TypedDict):
    """The section headings of a plan, in the plan's language (the popup and the CLI draw them)."""

    steps: str
    warnings: str
    prepare: str
    avoid: str
    reasons: str
    tips: str
    prevention: str


class Plan(TypedDict):
    """The plan of the contract (``language, title, steps, reasons, tips, prevention, warnings``) and ours."""

    language: str
    title: str
    steps: list[Step]
    reasons: list[str]
    tips: list[str]
    prevention: list[str]
    warnings: list[str]
    direction: str  # "ltr" or "rtl"
    situation: str
    situation_label: str  # the situation's short name ("Orders on hold"), in the plan's language
    verdict: str  # the heading: on a fake "This page is likely a fake", else the situation's short name
    imitates: str | None  # on a fake, what it imitates ("It imitates an Amazon notice: Orders on hold")
    subtype: str | None
    marketplace: str | None
    phishing: bool
    intro: str
    headings: Headings
    prepare: list[str]  # what to have ready before contacting Amazon
    avoid: list[str]  # what not to do while the case is open
    reason_ids: list[str]
    suggested_reasons: list[str]
    ui: dict[str, str]  # the overlay's own controls (next, back, done...), in the plan's language


class CaseLogLabels(TypedDict):
    """Every word the case-log panel shows, in the plan's language (the popup keeps only its section title)."""

    language: str
    direction: str
    channels: dict[str, str]
    outcomes: dict[str, str]
    texts: dict[str, str]  # empty, follow-up, overdue, follow-up e-mail, send-from hint, form labels...
