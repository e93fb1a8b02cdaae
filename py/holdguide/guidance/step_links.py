"""The links of a plan's steps, one builder per link kind of the contract (contact-us, email, x-post...).

Every URL is built from our own data (marketplaces.toml, contacts.toml, rights.toml), never from the page:
an official host of the marketplace, ``mailto:``, ``tel:`` or X. Each link carries the source of its datum and
the date it was checked; e-mail links also carry their raw parts for the UI's copy buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from holdguide.guidance import links
from holdguide.guidance.plan_data import PlanContext, data
from holdguide.guidance.texts import text
from holdguide.marketplaces import by_domain
from holdguide.model import Details, Marketplace


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


def _problem(context: PlanContext) -> str:
    return context.t(f"problem.{context.situation}")


def _contact_us(context: PlanContext, spec: dict[str, Any]) -> list[dict[str, Any]]:
    source = data("contacts")["pages"]["contact-us"]["source"]
    return [_link(spec["kind"], context.t(f"links.{spec['kind']}"), context.marketplace.contact_us_url, source=source)]


def _phone(context: PlanContext, spec: dict[str, Any]) -> list[dict[str, Any]]:
    # Only numbers Amazon publishes itself (marketplaces.toml); most stores have none: the call-back serves.
    return [_link("phone", context.t("links.phone", number=number), links.tel(number), note=label,
                  source=data("contacts")["sources"]["phone"]) for label, number in context.marketplace.phones]


def _app(context: PlanContext, spec: dict[str, Any]) -> list[dict[str, Any]]:
    return [_link("app", context.t("links.app"), None, source=data("contacts")["pages"]["contact-us"]["source"])]


def _cs_reply(context: PlanContext, spec: dict[str, Any]) -> list[dict[str, Any]]:
    address = context.marketplace.cs_reply_email
    intro = context.t("email.intro", problem=_problem(context))
    body = compose_email(context.language, intro, context.details)
    return [email_link("email", context.t("links.email", address=address), address,
                       context.t(f"subject.{context.situation}"), body, source=data("contacts")["sources"]["cs-reply"])]


def _x_post(context: PlanContext, spec: dict[str, Any]) -> list[dict[str, Any]]:
    # Public: the problem and the store only, never the user's details.
    x = data("contacts")["x"]
    post = context.t("x.post", problem=_problem(context))
    return [_link("x-post", context.t("links.x-post"), links.x_post(x["post_intent"], post), copy={"body": post},
                  source=x["handle_source"])]


def _x_dm(context: PlanContext, spec: dict[str, Any]) -> list[dict[str, Any]]:
    x = data("contacts")["x"]
    return [_link("x-dm", context.t("links.x-dm"), x["profile"], source=x["handle_source"])]


def _executive(context: PlanContext, spec: dict[str, Any]) -> list[dict[str, Any]]:
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


def _help(context: PlanContext, spec: dict[str, Any]) -> list[dict[str, Any]]:
    page = data("contacts")["pages"][spec["page"]]
    subdomain = page.get("subdomain", "www")
    if not links.has_host(context.marketplace, subdomain):
        return []
    url = links.page_url(context.marketplace, page["path"], subdomain)
    return [_link("help", context.t(f"links.{spec['page']}"), url, source=page["source"])]


def _report(context: PlanContext, spec: dict[str, Any]) -> list[dict[str, Any]]:
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


def routes(marketplace: Marketplace) -> list[str]:
    return data("rights")["regions"].get(marketplace.rights or "", {}).get("routes", [])


def _rights(context: PlanContext, spec: dict[str, Any]) -> list[dict[str, Any]]:
    result = []
    for route_id in routes(context.marketplace):
        route = data("rights")["routes"][route_id]
        url = links.page_url(context.marketplace, data("contacts")["pages"][route["page"]]["path"])
        result.append(_link("rights", context.t(f"rights.{route_id}.label"), url,
                            note=context.t(f"rights.{route_id}.note"), basis=route["basis"], source=route["source"]))
    return result


#: Link kind (contract.md) -> builder. Each returns zero or more links: a store without phone numbers gets none.
LINK_BUILDERS: dict[str, Callable[[PlanContext, dict[str, Any]], list[dict[str, Any]]]] = {
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
