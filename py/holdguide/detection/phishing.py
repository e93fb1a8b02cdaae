"""The phishing guard: is a hold or lock page or message a fake, and why.

The rules, over one :class:`~holdguide.detection.origin.Origin` and the text (data in ``data/phishing.toml``
and ``data/confusables.toml``):

1. A page on one of Amazon's own hosts is never phishing, whatever it says.
2. A look-alike host (the page's, the sender's or a link's: the brand inside another domain, an imitated
   spelling, the brand split by separators, punycode, mixed alphabets) is phishing when the text is about
   Amazon or shows hold wording. No content cancels it: a fake that adds "Was this information helpful?"
   stays a fake.
3. Hold wording (what the words claim before any guard: :attr:`Verdict.hold_wording`) on a page of a foreign
   host is phishing when the page asks the reader to act: a password, card or ID field, a request for
   sensitive data, a call-back number, a reply with personal data, an attachment, a threat, or (where the
   page is not ABOUT holds or scams) a request to sign in or verify. A foreign page that only reports on
   scams, asking nothing, is not.
4. In a message (pasted, or shown by a web-mail page), the From: line and the links are hints that can be
   forged, never proof: hold wording with a link to a host that is not Amazon's, from a sender whose domain is
   not Amazon's (a genuine notice comes from Amazon's domains; a forwarded mail's sender is the friend), or
   with any of the content flags of rule 3 is phishing. A genuine notice asks for
   nothing outside Amazon's own site, makes no threat and links only to Amazon's hosts.
5. A text with no origin at all (a pasted SMS without links) is judged on its content flags alone.
6. Without hold wording, a message from a sender outside Amazon that writes about Amazon (or its services) and
   asks the reader to act is a fake too (a fake Prime renewal, a fake Amazon card offer); so is any text about
   Amazon, not on Amazon's own site, that asks for what Amazon never asks for (a national ID or social security
   number, a bank password, a photo of the card, the card number with its security code).

Each reason is a code with its parameters (:class:`Reason`, every code in :data:`REASON_CODES`); the words for it
are the plan's language's (``data/texts/<lang>.toml`` [phishing], filled in by
:mod:`holdguide.guidance.phishing_reasons`), so the same verdict reads right in German or Japanese.
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from holdguide.datafiles import load_toml
from holdguide.detection.normalize import Folded
from holdguide.detection.origin import Origin
from holdguide.detection.urls import INVALID, is_ip
from holdguide.marketplaces import all_marketplaces, is_official_host
from holdguide.model import PageInput

_MAX_REASONS = 6
_CONTENT_TABLES = ("sensitive", "threat", "callback", "reply", "attachment")

#: Every reason code the guard gives, with the parameters it carries: the contract's ``phishing_codes`` ids, and the
#: placeholders of their texts (``data/texts/<lang>.toml`` [phishing]; ``what`` names one of [phishing.what]).
REASON_CODES: dict[str, tuple[str, ...]] = {
    "page_not_official": ("host",),
    "page_ip_host": ("host",),
    "page_unreadable_host": ("host",),
    "lookalike_brand_inside": ("host", "detail"),
    "lookalike_spelling": ("host", "detail"),
    "lookalike_brand_split": ("host", "detail"),
    "lookalike_punycode": ("host", "detail"),
    "lookalike_mixed_script": ("host", "detail"),
    "sender_claims_amazon": ("detail",),
    "sender_not_official": ("detail",),
    "link_not_official": ("host",),
    "link_unreadable": (),
    "asks_sensitive": ("what",),
    "threat": ("detail",),
    "asks_callback": ("detail",),
    "asks_reply": ("detail",),
    "asks_attachment": ("detail",),
    "asks_action": ("detail",),
    "form_asks": ("what",),
    "mixed_script_text": ("detail",),
}


@functools.cache
def data() -> dict[str, Any]:
    raw = copy.deepcopy(load_toml("phishing.toml"))  # compiled patterns are added below
    for table in ("request", *_CONTENT_TABLES):
        for entry in raw.get(table, ()):
            entry["compiled"] = re.compile(entry["pattern"])
    return raw


@dataclass(frozen=True)
class Reason:
    """Why a text looks fake: a stable code (``phishing_codes`` in the contract's JSON) and its parameters."""

    code: str
    params: dict[str, str] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted(self.params.items()))))

    def as_json(self) -> dict[str, str]:
        return {"code": self.code, **self.params}


def _host_reasons(origin: Origin) -> list[Reason]:
    found = [Reason(f"lookalike_{item.kind}", {"host": item.host, "detail": item.detail}) for item in origin.lookalikes]
    if origin.foreign_page and origin.host:
        code = "page_unreadable_host" if origin.host == INVALID else (
            "page_ip_host" if is_ip(origin.host) else "page_not_official")
        found.append(Reason(code, {"host": "" if origin.host == INVALID else origin.host}))
    if origin.sender and not is_official_host(origin.sender):
        code = "sender_claims_amazon" if origin.sender_claims_amazon else "sender_not_official"
        found.append(Reason(code, {"detail": origin.sender}))
    for host in origin.foreign_links:
        found.append(Reason("link_unreadable") if host == INVALID else Reason("link_not_official", {"host": host}))
    return found


@functools.cache
def _published_numbers() -> frozenset[str]:
    """Amazon's own customer-service numbers (marketplaces.toml): a call-back to one of them is genuine."""
    return frozenset(re.sub(r"\D", "", number) for m in all_marketplaces() for _, number in m.phones)


def _callback_to_amazon(quote: str) -> bool:
    digits = re.sub(r"\D", "", quote)
    return any(number and number[-9:] in digits for number in _published_numbers())


def content_flags(folded: Folded) -> list[Reason]:
    """What the text itself asks or threatens: sensitive data, a call-back, a reply with personal data, an
    attachment to open, a deadline threat; and words whose letters mix alphabets to slip past filters."""
    text = folded.text
    found: list[Reason] = [Reason("asks_sensitive", {"what": kind}) for kind in sorted(asked_for(folded))]
    for table in ("threat", "callback", "reply", "attachment"):
        for entry in data().get(table, ()):
            hit = entry["compiled"].search(text)
            if hit and not (table == "callback" and _callback_to_amazon(hit.group())):
                found.append(Reason(f"asks_{table}" if table != "threat" else "threat",
                                    {"detail": folded.quote(hit.start(), hit.end())}))
                break
    mixed = mixed_script_word(folded)
    if mixed:
        found.append(Reason("mixed_script_text", {"detail": mixed}))
    return list(dict.fromkeys(found))


_LATIN_WORD = re.compile(r"[^\W\d_]{3,}")


def mixed_script_word(folded: Folded) -> str | None:
    """A word that mixes Latin letters with look-alike Cyrillic or Greek ones ("Amаzon" with a Cyrillic а), as
    it appears on the page. The folded text already reads it as Latin (:mod:`.normalize`)."""
    for match in _LATIN_WORD.finditer(folded.original[:50_000]):
        word = match.group()
        scripts = {("CYRILLIC" if "\u0400" <= c <= "\u04ff" else "GREEK" if "\u0370" <= c <= "\u03ff" else
                    "LATIN" if c.isascii() else "OTHER") for c in word}
        if "LATIN" in scripts and scripts & {"CYRILLIC", "GREEK"}:
            return word
    return None


_SENTENCE = re.compile(r"[^.!?\n。！？]+")


@functools.cache
def _partial() -> re.Pattern[str]:
    """Part of a number, or the number the shopper already typed into a form: no request for the card number."""
    return re.compile(f"(?:{data()['partial_number']})|(?:{data()['already_entered']})")


def asked_for(folded: Folded) -> set[str]:
    """The sensitive data a text asks for in sentences that do not deny it ("Amazon will never ask for your
    Social Security Number" names one without asking; a denial is a NEGATION word of any lexicon), and not as a
    part ("the last 2 digits of your card number")."""
    from holdguide.detection.lexicon import lexicons, tokenize

    found: set[str] = set()
    for sentence in _SENTENCE.findall(folded.text[:50_000]):
        kinds = {e["id"] for e in data()["sensitive"] if e["compiled"].search(sentence)}
        if _partial().search(sentence):
            kinds.discard("card-number")
        if not kinds:
            continue
        tokens = tokenize(sentence)
        denied = any(hit.concept == "NEGATION" for lex in lexicons() for hit in lex.find(sentence, tokens))
        if not denied:
            found |= kinds
    return found


def asks_to_act(folded: Folded) -> str | None:
    """The first words asking the reader to act (sign in, verify, click...), as they appear; None if none."""
    for entry in data()["request"]:
        hit = entry["compiled"].search(folded.text)
        if hit:
            return folded.quote(hit.start(), hit.end())
    return None


def form_asks(page: PageInput) -> str | None:
    """A field of the page's forms that asks for a password, a card or an ID (by its name, type or
    autocomplete): the kind it asks for, else None."""
    fields = data()["form_fields"]
    for form in page.forms:
        for item in form.fields:
            described = f"{item.name} {item.type} {item.autocomplete}".lower()
            for kind, words in fields.items():
                if any(word in described for word in words):
                    return str(kind)
    return None


def judge(page: PageInput, origin: Origin, folded: Folded, hold: bool, about_amazon: bool,
          about_holds: bool) -> tuple[bool, tuple[Reason, ...]]:
    """``(phishing, reasons)`` for a text (see the module docstring). ``hold``: the words claim a hold or lock;
    ``about_holds``: the page reads as ABOUT holds or scams (an article, a help page, a scam warning)."""
    if origin.official:
        return False, ()
    hosts = _host_reasons(origin)
    lookalike = [r for r in hosts if r.code.startswith("lookalike_")]
    flags = content_flags(folded)
    if lookalike and (about_amazon or hold):
        return True, _first(lookalike, hosts, flags)
    if not hold:
        # No hold wording: still a fake when a sender outside Amazon writes about Amazon (its services too: Prime
        # Video, Kindle) and asks the reader to act or for sensitive data (a fake renewal, a fake card offer).
        sender = [r for r in hosts if r.code.startswith("sender_")]
        request = asks_to_act(folded)
        if sender and about_amazon and (request or flags):
            return True, _first(sender, flags, [Reason("asks_action", {"detail": request})] if request else [])
        # A kit that asks for what Amazon never asks for (a national ID number, a bank password, a photo of the
        # card, or the card with its security code) "to help ensure the security of your account" is a fake
        # whatever else it says, unless the text is ABOUT such scams.
        sensitive = asked_for(folded)
        never = bool(sensitive & {"national-id", "bank-password", "card-photo"}) or (
            {"card-number", "security-code"} <= sensitive)
        if never and about_amazon and not about_holds and (origin.kind != "page" or origin.foreign_page):
            return True, _first(hosts, flags)
        return False, ()
    if origin.kind == "page" and not origin.viewer:
        field_kind = form_asks(page)
        actions = [*([Reason("form_asks", {"what": field_kind})] if field_kind else []), *flags]
        request = asks_to_act(folded)
        if not actions and request and not about_holds:
            actions.append(Reason("asks_action", {"detail": request}))
        return (True, _first(hosts, actions)) if origin.foreign_page and actions else (False, ())
    sender = [r for r in hosts if r.code.startswith("sender_")]
    links = [r for r in hosts if r.code.startswith("link_")]
    if links or sender or flags:
        return True, _first(sender, links, flags)
    return False, ()


def _first(*groups: list[Reason]) -> tuple[Reason, ...]:
    return tuple(dict.fromkeys(r for group in groups for r in group))[:_MAX_REASONS]

