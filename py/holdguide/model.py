"""The values that cross module boundaries inside the package.

Everything here is a frozen dataclass of plain values, so a result can be compared in tests and turned into
the JSON of the contract (``../shared/contract.md``) without any browser knowledge.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: The situation ids of the contract, in the order a reader meets them.
SITUATIONS: tuple[str, ...] = (
    "payment-verification",
    "document-verification",
    "security-lock",
    "orders-on-hold",
    "account-closed",
    "account-warning",
    "none",
)


@dataclass(frozen=True)
class FormField:
    """One field of a page's form, by its attributes only (the reader never reads what anyone typed)."""

    name: str = ""
    type: str = ""
    autocomplete: str = ""


@dataclass(frozen=True)
class Form:
    """A form of the page: where it posts (its ``action`` attribute as written) and its fields."""

    action: str = ""
    fields: tuple[FormField, ...] = ()


@dataclass(frozen=True)
class PageInput:
    """What we know about one page or pasted message, as the popup or the CLI read it.

    ``text`` is the visible text only. ``url`` is where it was shown (absent for a pasted message);
    ``sender`` is an e-mail's From: header and ``links`` the targets of its links, the only other hints
    of origin we trust. Nothing in the text itself (canonical tags, claimed senders) is trusted.
    """

    text: str
    url: str | None = None
    title: str = ""
    lang: str | None = None
    sender: str | None = None
    links: tuple[str, ...] = ()
    kind: str = "page"  # "page" or "message"
    # Amazon's page structure (docs/contract.md, "Page request"): language-free evidence, read apart from `text`.
    alerts: tuple[str, ...] = ()  # visible alert-box texts (.a-alert-heading, .a-alert-content, [role=alert])
    headings: tuple[str, ...] = ()  # visible h1-h4 texts
    forms: tuple[Form, ...] = ()


@dataclass(frozen=True)
class Detection:
    """The detector's verdict on one page or message."""

    situation: str
    marketplace: str | None = None
    language: str | None = None
    confidence: float = 0.0
    evidence: tuple[str, ...] = ()
    phishing: bool = False
    phishing_reasons: tuple[str, ...] = ()  # in English; the plan words them in its own language
    subtype: str | None = None
    phishing_codes: tuple[dict[str, str], ...] = ()  # {"code": ..., params...}: what the reasons say, as data
    official_page: bool = False  # shown over https on one of Amazon's own hosts: details may be written into it


@dataclass(frozen=True)
class Marketplace:
    """One Amazon retail marketplace and the official ways to reach its customer service."""

    domain: str
    name: str
    country: str
    languages: tuple[str, ...]
    hosts: tuple[str, ...]
    cs_reply_email: str
    weekend: tuple[int, ...] = (5, 6)  # ISO weekday - 1 (Monday = 0); Friday-Saturday is (4, 5)
    phones: tuple[tuple[str, str], ...] = ()  # (label, tel number) only where Amazon publishes them
    rights: str | None = None  # "eu", "uk", "in"...: which legal routes apply, see data/rights

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @property
    def contact_us_url(self) -> str:
        return f"https://www.{self.domain}/gp/help/customer/contact-us"


@dataclass(frozen=True)
class Details:
    """What the shopper typed into the popup to prefill the e-mails. Every field is optional."""

    name: str = ""
    email: str = ""
    order: str = ""
    tickets: tuple[str, ...] = field(default_factory=tuple)
