"""The guidance plan: for a situation and a marketplace, the ordered steps with their texts and links.

The engine is generic (the links of each step are built in :mod:`holdguide.guidance.step_links`); everything it says
comes from data: ``data/steps.toml`` (which steps, in which order,
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

from collections.abc import Iterable
from typing import Any

from holdguide.guidance.details import validate_details
from holdguide.guidance.plan_data import PlanContext, data
from holdguide.guidance.step_links import LINK_BUILDERS, compose_email, routes
from holdguide.guidance.texts import choose_language, direction, resolve_language, supported_languages
from holdguide.marketplaces import by_domain
from holdguide.model import SITUATIONS, Details, Marketplace

__all__ = ["build_plan", "choose_language", "compose_email", "data", "store_for", "supported_languages",
           "validate_details"]

#: The overlay's own controls (next, back, done...), in the plan's language: texts [ui].
_UI_KEYS = ("ui.tab", "ui.expand", "ui.collapse", "ui.dismiss", "ui.step_of", "ui.done", "ui.failed",
            "ui.marked_done", "ui.marked_failed", "ui.back", "ui.next", "ui.copied", "ui.copy_address",
            "ui.copy_subject", "ui.copy_body")

#: Where the links go when the marketplace is unknown (see the module docstring).
FALLBACK_DOMAIN = "amazon.com"


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
    unverified_text: bool = True,
) -> dict[str, Any]:
    """The plan for ``situation`` on ``marketplace`` in ``language`` (English when it has no texts).

    ``suggested_reasons`` are reason ids (steps.toml ``[reasons]``) that the page itself names; they come first,
    after those its ``subtype`` implies (steps.toml ``[subtypes]``). ``unverified_text`` says the plan answers a
    text whose origin we could not confirm (a pasted message, a page off Amazon): only then does it add "we found
    no sign of a fake, which proves nothing". Not for an official https page, nor for a situation picked by hand.
    """
    if situation not in SITUATIONS:
        raise ValueError(f"unknown situation {situation!r}")
    personal = Details() if phishing else details  # never the user's details next to a suspected fake
    context = PlanContext(resolve_language(language), situation, store_for(marketplace), personal)
    table = data("steps")["phishing"] if phishing else data("steps")["situations"][situation]
    warnings = [context.t(f"warnings.{key}") for key in table["warnings"]]
    if marketplace is None:
        warnings.append(context.t("warnings.no-marketplace"))
    if not phishing and unverified_text:
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


def _advice(context: PlanContext, suggested: Iterable[str], *, shown: bool) -> dict[str, Any]:
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


def _step(context: PlanContext, step_id: str) -> dict[str, Any] | None:
    spec = data("steps")["steps"][step_id]
    if spec.get("requires") == "rights" and not routes(context.marketplace):
        return None
    key = f"steps.{step_id}"
    step: dict[str, Any] = {
        "id": step_id,
        "title": context.t(f"{key}.title"),
        "text": context.t(f"{key}.text"),
        "links": [link for link_spec in spec["links"] for link in LINK_BUILDERS[link_spec["kind"]](context, link_spec)],
        # How the shopper reaches Amazon in this step, for the case log when they mark it done.
        "channel": spec.get("channel", "other"),
    }
    for extra in ("wait", "tip"):
        if spec.get(extra):
            step[extra] = context.t(f"{key}.{extra}")
    return step


