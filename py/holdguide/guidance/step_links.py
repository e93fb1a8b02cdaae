"""The links of a plan's steps, one builder per link kind of the contract (contact-us, email, x-post...).

Every URL is built from our own data (marketplaces.toml, contacts.toml, rights.toml), never from the page:
an official host of the marketplace (or a shared official host such as account-status.amazon.com), ``mailto:``,
``tel:``, X, or, for a ``rights`` link, an authority host on the allow-list of rights.toml (contract.md, link
rule). Each link carries the source of its datum and the date it was checked; e-mail links also carry their raw
parts for the UI's copy buttons.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from holdguide.guidance import links, rights
from holdguide.guidance.plan_data import PlanContext, data
from holdguide.guidance.shapes import Link
from holdguide.guidance.texts import text
from holdguide.marketplaces import for_host
from holdguide.model import Details


def _link(kind: str, label: str, url: str | None, **extra: Any) -> Link:
    """A link with the optional fields of ``Link`` that are given (None leaves a field out)."""
    link = Link(kind=kind, label=label, url=url, checked=str(data("contacts")["checked"]))
    link.update({key: value for key, value in extra.items() if value is not None})  # type: ignore[typeddict-item]
    return link


def compose_email(language: str, intro: str, details: Details, *, greeting_key: str = "email.greeting",
                  request_keys: Iterable[str] = ("request.default",), history: tuple[str, ...] = ()) -> str:
    """An e-mail body: greeting, ``intro``, optional ``history`` lines, the user's details, the requests."""
    missing = text(language, "email.missing")
    lines = [text(language, greeting_key), "", intro, ""]
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
    lines += ["", *(text(language, key) for key in request_keys), "", text(language, "email.closing")]
    return "\n".join(lines + ([details.name] if details.name else []))


def email_link(kind: str, label: str, address: str, subject: str, body: str, **extra: Any) -> Link:
    """A mailto: link plus the raw parts, for the UI's copy buttons (mailto: needs a mail program, and long
    encoded bodies get cut by some of them)."""
    copy = {"address": address, "subject": subject, "body": body}
    return _link(kind, label, links.mailto(address, subject, body), copy=copy, **extra)


def _problem(context: PlanContext) -> str:
    return context.t(f"problem.{context.situation}")


def _contact_us(context: PlanContext, spec: dict[str, Any]) -> list[Link]:
    source = data("contacts")["pages"]["contact-us"]["source"]
    return [_link(spec["kind"], context.t(f"links.{spec['kind']}"), context.marketplace.contact_us_url, source=source)]


def _phone(context: PlanContext, spec: dict[str, Any]) -> list[Link]:
    # Only numbers Amazon publishes itself (marketplaces.toml); most stores have none: the call-back serves.
    return [_link("phone", context.t("links.phone", number=number), links.tel(number), note=label,
                  source=data("contacts")["sources"]["phone"]) for label, number in context.marketplace.phones]


def _app(context: PlanContext, spec: dict[str, Any]) -> list[Link]:
    return [_link("app", context.t("links.app"), None, source=data("contacts")["pages"]["contact-us"]["source"])]


def _requests(context: PlanContext) -> list[str]:
    """The text keys of what the cs-reply e-mail asks for, those limited to other rights regions left out."""
    regions = data("steps")["request_regions"]
    return [f"request.{key}" for key in context.listed("requests")
            if key not in regions or context.marketplace.rights in regions[key]]


def _cs_reply(context: PlanContext, spec: dict[str, Any]) -> list[Link]:
    address = context.marketplace.cs_reply_email
    intro = context.t("email.intro", problem=_problem(context))
    body = compose_email(context.language, intro, context.details, request_keys=_requests(context))
    return [email_link("email", context.t("links.email", address=address), address,
                       context.t(f"subject.{context.situation}"), body, source=data("contacts")["sources"]["cs-reply"])]


def _x_post(context: PlanContext, spec: dict[str, Any]) -> list[Link]:
    # Public: "an account problem" and the store only; never the situation (a closure is nobody's business), never
    # the user's details.
    x = data("contacts")["x"]
    post = context.t("x.post")
    return [_link("x-post", context.t("links.x-post"), links.x_post(x["post_intent"], post), copy={"body": post},
                  source=x["handle_source"])]


def _x_dm(context: PlanContext, spec: dict[str, Any]) -> list[Link]:
    x = data("contacts")["x"]
    return [_link("x-dm", context.t("links.x-dm"), x["profile"], source=x["handle_source"])]


def _executive(context: PlanContext, spec: dict[str, Any]) -> list[Link]:
    intro = context.t("executive.intro", problem=_problem(context))
    body = compose_email(context.language, intro, context.details, greeting_key="executive.greeting",
                         request_keys=("executive.request",))
    subject = context.t("executive.subject")
    result = []
    for entry in data("contacts")["executive"]:
        evidence = "confirmed" if entry["confirmed"] else "unconfirmed"
        label = context.t(f"links.executive-{evidence}", address=entry["address"])
        result.append(email_link("executive-email", label, entry["address"], subject, body,
                                 confirmed=entry["confirmed"], source=entry["source"]))
    return result


def _help(context: PlanContext, spec: dict[str, Any]) -> list[Link]:
    page = data("contacts")["pages"][spec["page"]]
    url = links.page_link(context.marketplace, page)
    if url is None:
        return []
    host = urlsplit(url).hostname or ""
    owner = for_host(host)  # the store of the link's host (amazon.com for a shared or fallback page)
    domain = owner.domain if owner else context.marketplace.domain
    return [_link("help", context.t(f"links.{spec['page']}", domain=domain, host=host), url, source=page["source"])]


def _rights(context: PlanContext, spec: dict[str, Any]) -> list[Link]:
    result = []
    for route in rights.routes(context.marketplace, context.listed("rights")):
        url = rights.route_url(route, context.marketplace)
        result.append(_link("rights", context.t(f"rights.{route}.label"), url, note=context.t(f"rights.{route}.note"),
                            basis=context.t(f"rights.{route}.basis"), source=rights.route(route)["source"]))
    return result


def _report(context: PlanContext, spec: dict[str, Any]) -> list[Link]:
    report = data("contacts")["report"]
    if spec["page"] == "email":
        url = links.mailto(report["email"], context.t("report.subject"))
        return [_link("report-phishing", context.t("links.report-email", address=report["email"]), url,
                      source=report["source"])]
    if context.marketplace.domain not in report["domains"]:
        return []  # the page is Amazon's on these marketplaces only; elsewhere the e-mail above reports it
    return [_link("report-phishing", context.t("links.report-page", domain=context.marketplace.domain),
                  links.page_url(context.marketplace, report["path"]), source=report["source"])]


#: Link kind (contract.md) -> builder. Each returns zero or more links: a store without phone numbers gets none.
LINK_BUILDERS: dict[str, Callable[[PlanContext, dict[str, Any]], list[Link]]] = {
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
