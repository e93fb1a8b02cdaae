"""The guidance plan: for a situation and a marketplace, the ordered steps with their texts and links.

The engine is generic; everything it says comes from data: ``data/steps.toml`` (which steps, in which order,
with which link kinds), ``data/contacts.toml`` and ``data/rights.toml`` (what the links point to, with sources)
and ``data/texts/<lang>.toml`` (the words). A new language or marketplace is a data change.

The plan is the contract's shape (contract.md, ``plan``) with a few added fields: plan ``direction``,
``situation``, ``subtype``, ``marketplace``, ``phishing``, ``intro``, ``reason_ids``, ``suggested_reasons``;
step ``wait`` and ``tip``; link ``source``, ``checked`` and, where they apply, ``copy`` ({address, subject,
body} for e-mails, {body} for the X post), ``note``, ``basis`` and ``confirmed``.

Without a marketplace (none detected, none chosen) the plan is the general one with amazon.com's links and a
warning that says so: amazon.com is Amazon's main store, and a shopper of another store is told to use that one.
A phishing plan never carries the user's details, whatever was passed in.
"""

from __future__ import annotations

import functools
import importlib.resources
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from holdguide import links
from holdguide.details import validate_details
from holdguide.marketplaces import by_domain
from holdguide.model import SITUATIONS, Details, Marketplace
from holdguide.texts import choose_language, direction, resolve_language, supported_languages, text

__all__ = ["build_plan", "choose_language", "compose_email", "store_for", "supported_languages", "validate_details"]

#: The overlay's own controls (next, back, done...), in the plan's language: texts [ui].
_UI_KEYS = ("ui.tab", "ui.expand", "ui.collapse", "ui.dismiss", "ui.step_of", "ui.done", "ui.failed",
            "ui.marked_done", "ui.marked_failed", "ui.back", "ui.next", "ui.copied", "ui.copy_address",
            "ui.copy_subject", "ui.copy_body")

#: Where the links go when the marketplace is unknown (see the module docstring).
FALLBACK_DOMAIN = "amazon.com"


@functools.cache
def data(name: str) -> dict[str, Any]:
    """One of the plan's data files (``steps``, ``contacts``, ``rights``), parsed."""
    source = importlib.resources.files("holdguide") / "data" / f"{name}.toml"
    return tomllib.loads(source.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class _Context:
    """What every step and link of one plan is built from."""

    language: str
    situation: str
    marketplace: Marketplace  # the store whose links we build (amazon.com when none was known)
    details: Details

    def t(self, key: str, **values: object) -> str:
        report = data("contacts")["report"]
        common = {"domain": self.marketplace.domain, "address": self.marketplace.cs_reply_email,
                  "report": report["email"], "older": report["older_email"]}
        return text(self.language, key, **{**common, **values})


def store_for(marketplace: Marketplace | None) -> Marketplace:
    """The marketplace whose links and addresses we use: the given one, else amazon.com (see the docstring)."""
    store = marketplace or by_domain(FALLBACK_DOMAIN)
    assert store is not None, f"{FALLBACK_DOMAIN} missing from marketplaces.toml"
    return store


def build_plan(
    situation: str,
    marketplace: Marketplace | None,
    language: str,
    details: Details,
    *,
    phishing: bool = False,
    subtype: str | None = None,
    suggested_reasons: tuple[str, ...] = (),
    official_page: bool = False,
) -> dict[str, Any]:
    """The plan for ``situation`` on ``marketplace`` in ``language`` (English when it has no texts).

    ``suggested_reasons`` are reason ids (steps.toml ``[reasons]``) that the page itself names; they come first,
    after those its ``subtype`` implies (steps.toml ``[subtypes]``). ``official_page`` says the text was read
    on an official Amazon host over https, where "we found no sign of a fake" would be a needless doubt.
    """
    if situation not in SITUATIONS:
        raise ValueError(f"unknown situation {situation!r}")
    personal = Details() if phishing else details  # never the user's details next to a suspected fake
    context = _Context(resolve_language(language), situation, store_for(marketplace), personal)
    table = data("steps")["phishing"] if phishing else data("steps")["situations"][situation]
    warnings = [context.t(f"warnings.{key}") for key in table["warnings"]]
    if marketplace is None:
        warnings.append(context.t("warnings.no-marketplace"))
    if not phishing and not official_page:
        warnings.append(context.t("warnings.no-fake-signs"))
    return {
        "language": context.language,
        "direction": direction(context.language),
        "situation": situation,
        "subtype": subtype,
        "marketplace": marketplace.domain if marketplace else None,
        "phishing": phishing,
        "title": context.t("titles.phishing" if phishing else f"titles.{situation}"),
        "intro": context.t("intro.phishing" if phishing else "intro.default"),
        "steps": [step for step_id in table["steps"] if (step := _step(context, step_id)) is not None],
        "ui": {key.removeprefix("ui."): context.t(key) for key in _UI_KEYS},
        **_advice(context, [*data("steps")["subtypes"].get(subtype or "", []), *suggested_reasons],
                  shown=not phishing),
        "warnings": warnings,
    }


def _advice(context: _Context, suggested: Iterable[str], *, shown: bool) -> dict[str, Any]:
    """Reasons (the page's own suggestions first), tips and prevention; empty on a phishing plan."""
    steps = data("steps")
    known = steps["reasons"]["order"] if shown else []
    first = [reason for reason in dict.fromkeys(suggested) if reason in known]
    reason_ids = first + [reason for reason in known if reason not in first]
    return {
        "reasons": [context.t(f"reasons.{reason}") for reason in reason_ids],
        "reason_ids": reason_ids,
        "suggested_reasons": first,
        "tips": [context.t(f"tips.{key}") for key in steps["tips"]["order"]] if shown else [],
        "prevention": [context.t(f"prevention.{key}") for key in steps["prevention"]["order"]] if shown else [],
    }


def _step(context: _Context, step_id: str) -> dict[str, Any] | None:
    spec = data("steps")["steps"][step_id]
    if spec.get("requires") == "rights" and not _routes(context.marketplace):
        return None
    key = f"steps.{step_id}"
    step: dict[str, Any] = {
        "id": step_id,
        "title": context.t(f"{key}.title"),
        "text": context.t(f"{key}.text"),
        "links": [link for link_spec in spec["links"] for link in _LINKS[link_spec["kind"]](context, link_spec)],
        # How the shopper reaches Amazon in this step, for the case log when they mark it done.
        "channel": spec.get("channel", "other"),
    }
    for extra in ("wait", "tip"):
        if spec.get(extra):
            step[extra] = context.t(f"{key}.{extra}")
    return step


def _link(kind: str, label: str, url: str | None, **extra: Any) -> dict[str, Any]:
    fields = {key: value for key, value in extra.items() if value is not None}
    return {"kind": kind, "label": label, "url": url, **fields, "checked": data("contacts")["checked"]}


def compose_email(language: str, intro: str, details: Details, *, request_key: str = "email.request",
                  history: tuple[str, ...] = ()) -> str:
    """An e-mail body: greeting, ``intro``, optional ``history`` lines, the user's details, the request."""
    missing = text(language, "email.missing")
    lines = [text(language, "email.greeting"), "", intro, ""]
    if history:
        lines += [*history, ""]
    lines += [
        text(language, "email.details"),
        text(language, "email.name", value=details.name or missing),
        text(language, "email.account-email", value=details.email or missing),
        text(language, "email.order", value=details.order or missing),
    ]
    if details.tickets:
        lines.append(text(language, "email.tickets", value=", ".join(details.tickets)))
    lines += ["", text(language, request_key), "", text(language, "email.closing")]
    return "\n".join(lines + ([details.name] if details.name else []))


def email_link(kind: str, label: str, address: str, subject: str, body: str, **extra: Any) -> dict[str, Any]:
    """A mailto: link plus the raw parts, for the UI's copy buttons (mailto: needs a mail program, and long
    encoded bodies get cut by some of them)."""
    copy = {"address": address, "subject": subject, "body": body}
    return _link(kind, label, links.mailto(address, subject, body), copy=copy, **extra)


def _problem(context: _Context) -> str:
    return context.t(f"problem.{context.situation}")


def _contact_us(context: _Context, spec: dict[str, Any]) -> list[dict[str, Any]]:
    source = data("contacts")["pages"]["contact-us"]["source"]
    return [_link(spec["kind"], context.t(f"links.{spec['kind']}"), context.marketplace.contact_us_url, source=source)]


def _phone(context: _Context, spec: dict[str, Any]) -> list[dict[str, Any]]:
    # Only numbers Amazon publishes itself (marketplaces.toml); most stores have none: the call-back serves.
    return [_link("phone", context.t("links.phone", number=number), links.tel(number), note=label,
                  source=data("contacts")["sources"]["phone"]) for label, number in context.marketplace.phones]


def _app(context: _Context, spec: dict[str, Any]) -> list[dict[str, Any]]:
    return [_link("app", context.t("links.app"), None, source=data("contacts")["pages"]["contact-us"]["source"])]


def _cs_reply(context: _Context, spec: dict[str, Any]) -> list[dict[str, Any]]:
    address = context.marketplace.cs_reply_email
    intro = context.t("email.intro", problem=_problem(context))
    body = compose_email(context.language, intro, context.details)
    return [email_link("email", context.t("links.email", address=address), address,
                       context.t(f"subject.{context.situation}"), body, source=data("contacts")["sources"]["cs-reply"])]


def _x_post(context: _Context, spec: dict[str, Any]) -> list[dict[str, Any]]:
    # Public: the problem and the store only, never the user's details.
    x = data("contacts")["x"]
    post = context.t("x.post", problem=_problem(context))
    return [_link("x-post", context.t("links.x-post"), links.x_post(x["post_intent"], post), copy={"body": post},
                  source=x["handle_source"])]


def _x_dm(context: _Context, spec: dict[str, Any]) -> list[dict[str, Any]]:
    x = data("contacts")["x"]
    return [_link("x-dm", context.t("links.x-dm"), x["profile"], source=x["handle_source"])]


def _executive(context: _Context, spec: dict[str, Any]) -> list[dict[str, Any]]:
    intro = context.t("executive.intro", problem=_problem(context))
    body = compose_email(context.language, intro, context.details)
    subject = context.t("executive.subject")
    result = []
    for entry in data("contacts")["executive"]:
        evidence = "confirmed" if entry["confirmed"] else "unconfirmed"
        label = context.t(f"links.executive-{evidence}", address=entry["address"])
        result.append(email_link("executive-email", label, entry["address"], subject, body,
                                 confirmed=entry["confirmed"], source=entry["source"]))
    return result


def _help(context: _Context, spec: dict[str, Any]) -> list[dict[str, Any]]:
    page = data("contacts")["pages"][spec["page"]]
    subdomain = page.get("subdomain", "www")
    if not links.has_host(context.marketplace, subdomain):
        return []
    url = links.page_url(context.marketplace, page["path"], subdomain)
    return [_link("help", context.t(f"links.{spec['page']}"), url, source=page["source"])]


def _report(context: _Context, spec: dict[str, Any]) -> list[dict[str, Any]]:
    report = data("contacts")["report"]
    if spec["page"] == "email":
        url = links.mailto(report["email"], context.t("report.subject"))
        return [_link("report-phishing", context.t("links.report-email", address=report["email"]), url,
                      source=report["source"])]
    own = context.marketplace.domain in report["domains"]
    store = context.marketplace if own else by_domain(report["fallback_domain"])
    assert store is not None
    return [_link("report-phishing", context.t("links.report-page", domain=store.domain),
                  links.page_url(store, report["path"]), source=report["source"])]


def _routes(marketplace: Marketplace) -> list[str]:
    return data("rights")["regions"].get(marketplace.rights or "", {}).get("routes", [])


def _rights(context: _Context, spec: dict[str, Any]) -> list[dict[str, Any]]:
    result = []
    for route_id in _routes(context.marketplace):
        route = data("rights")["routes"][route_id]
        url = links.page_url(context.marketplace, data("contacts")["pages"][route["page"]]["path"])
        result.append(_link("rights", context.t(f"rights.{route_id}.label"), url,
                            note=context.t(f"rights.{route_id}.note"), basis=route["basis"], source=route["source"]))
    return result


#: Link kind (contract.md) -> builder. Each returns zero or more links: a store without phone numbers gets none.
_LINKS: dict[str, Callable[[_Context, dict[str, Any]], list[dict[str, Any]]]] = {
    "contact-us": _contact_us,
    "chat": _contact_us,  # the chat starts from the contact page; the label says what to type
    "phone": _phone,
    "app": _app,
    "email": _cs_reply,
    "x-post": _x_post,
    "x-dm": _x_dm,
    "executive-email": _executive,
    "help": _help,
    "report-phishing": _report,
    "rights": _rights,
}
