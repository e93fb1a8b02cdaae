"""The guidance plan: for a situation and a marketplace, the ordered steps with their texts and links.

The engine is generic (the links of each step are built in :mod:`holdguide.guidance.step_links`); everything it
says comes from data: ``data/steps.toml`` (which steps, in which order, with which link kinds, and per situation
the intro, warnings and the order of the advice lists), ``data/contacts.toml`` and ``data/rights.toml`` (what the
links point to, with sources), ``data/facts.toml`` (the source of every fact a text states) and
``data/texts/<lang>.toml`` (the words). A new language or marketplace is a data change.

The plan is the contract's shape (contract.md, ``plan``) with the added fields of :class:`.shapes.Plan`; its
words, section headings and step counters are all in the plan's language, so the popup and the overlay only draw.

Without a marketplace (none detected, none chosen) the plan is the general one with amazon.com's links and a
warning that says so: amazon.com is Amazon's main store, and a shopper of another store is told to use that one.
A phishing plan never carries the user's details, whatever was passed in.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from holdguide.guidance.details import validate_details
from holdguide.guidance.plan_data import PlanContext, data, situation_table
from holdguide.guidance.rights import routes
from holdguide.guidance.shapes import Headings, Plan, Step
from holdguide.guidance.step_links import LINK_BUILDERS, compose_email
from holdguide.guidance.texts import choose_language, direction, resolve_language, supported_languages, text
from holdguide.marketplaces import by_domain
from holdguide.model import SITUATIONS, Details, Marketplace

__all__ = ["build_plan", "choose_language", "compose_email", "data", "headings", "situation_label", "store_for",
           "supported_languages", "validate_details"]

#: The overlay's own controls (next, back, done...), in the plan's language: texts [ui]. Step counters are not
#: here: each step carries its own ``counter``, filled by the texts.
_UI_KEYS = ("tab", "expand", "collapse", "dismiss", "done", "failed", "marked_done", "marked_failed", "back",
            "next", "copied", "copy_address", "copy_subject", "copy_body", "untrusted")

#: Where the links go when the marketplace is unknown (see the module docstring).
FALLBACK_DOMAIN = "amazon.com"


def store_for(marketplace: Marketplace | None) -> Marketplace:
    """The marketplace whose links and addresses we use: the given one, else amazon.com (see the docstring)."""
    store = marketplace or by_domain(FALLBACK_DOMAIN)
    assert store is not None, f"{FALLBACK_DOMAIN} missing from marketplaces.toml"
    return store


def situation_label(situation: str, language: str) -> str:
    """A situation's short name ("Orders on hold") in ``language``: the one place these labels live."""
    return text(resolve_language(language), f"situations.{situation}")


def headings(language: str) -> Headings:
    """The plan's section headings in ``language`` (texts [headings])."""
    def heading(key: str) -> str:
        return text(language, f"headings.{key}")

    return Headings(steps=heading("steps"), warnings=heading("warnings"), prepare=heading("prepare"),
                    avoid=heading("avoid"), reasons=heading("reasons"), tips=heading("tips"),
                    prevention=heading("prevention"))


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
    medium: str = "page",
) -> Plan:
    """The plan for ``situation`` on ``marketplace`` in ``language`` (English when it has no texts).

    ``subtype`` (the detector's finer id) may change the title, the intro and the steps (steps.toml
    ``[situations.<id>.subtypes]``) and names reasons to list first (steps.toml ``[subtypes]``), as do the
    ``suggested_reasons`` the page itself names. ``unverified_text`` says the plan answers a text whose origin we
    could not confirm (a pasted message, a page off Amazon): only then does it add "we found no sign of a fake,
    which proves nothing". Not for an official https page, nor for a situation picked by hand. ``medium`` ("page"
    or "message") is what a phishing plan's ``verdict`` calls the fake.
    """
    if situation not in SITUATIONS:
        raise ValueError(f"unknown situation {situation!r}")
    personal = Details() if phishing else details  # never the user's details next to a suspected fake
    table = situation_table(situation, subtype, phishing=phishing)
    context = PlanContext(resolve_language(language), situation, store_for(marketplace), personal, table)
    warnings = [context.t(f"warnings.{key}") for key in context.listed("warnings")]
    if marketplace is None:
        warnings.append(context.t("warnings.no-marketplace"))
    if not phishing and unverified_text:
        warnings.append(context.t("warnings.no-fake-signs"))
    suggested = [] if phishing else [*data("steps")["subtypes"].get(subtype or "", []), *suggested_reasons]
    reason_ids, first = _reason_ids(context, suggested)
    verdict, imitates = _verdict(context, phishing, medium)
    return Plan(
        language=context.language,
        title=context.t(f"titles.{table['title']}"),
        steps=_numbered(context, [step for step_id in context.listed("steps")
                                  if (step := _step(context, step_id)) is not None]),
        reasons=[context.t(f"reasons.{reason}") for reason in reason_ids],
        tips=[] if phishing else [context.t(f"tips.{key}") for key in data("steps")["tips"]["order"]],
        prevention=_texts(context, "prevention"),
        warnings=warnings,
        direction=direction(context.language),
        situation=situation,
        situation_label=situation_label(situation, context.language),
        verdict=verdict,
        imitates=imitates,
        subtype=subtype,
        marketplace=marketplace.domain if marketplace else None,
        phishing=phishing,
        intro=context.t(f"intro.{table['intro']}"),
        headings=headings(context.language),
        prepare=_texts(context, "prepare"),
        avoid=_texts(context, "avoid"),
        reason_ids=reason_ids,
        suggested_reasons=first,
        ui={key: context.t(f"ui.{key}") for key in _UI_KEYS},
    )


def _verdict(context: PlanContext, phishing: bool, medium: str) -> tuple[str, str | None]:
    """The heading the popup leads with: on a fake, the danger first ("This page is likely a fake") and what it
    imitates second; otherwise the situation's name alone."""
    label = situation_label(context.situation, context.language)
    if not phishing:
        return label, None
    fake = context.t("verdict.fake-message" if medium == "message" else "verdict.fake-page")
    imitates = context.t("verdict.imitates", situation=label) if context.situation != "none" else None
    return fake, imitates


def _texts(context: PlanContext, name: str) -> list[str]:
    """The texts of one advice list (``prevention``, ``prepare``, ``avoid``) in this situation's order."""
    return [context.t(f"{name}.{key}") for key in context.listed(name)]


def _reason_ids(context: PlanContext, suggested: Iterable[str]) -> tuple[list[str], list[str]]:
    """The reasons to show (those the page names first, then the situation's own order) and the named ones."""
    known = data("steps")["reasons"]["order"]
    first = [reason for reason in dict.fromkeys(suggested) if reason in known]
    return first + [reason for reason in context.listed("reasons") if reason not in first], first


def _numbered(context: PlanContext, steps: list[dict[str, Any]]) -> list[Step]:
    """Each step with its counter ("Step 2 of 6"), filled by the texts once the plan's steps are known."""
    total = len(steps)
    return [Step(**step, counter=context.t("ui.step_of", n=number, total=total))  # type: ignore[typeddict-item]
            for number, step in enumerate(steps, start=1)]


def _step(context: PlanContext, step_id: str) -> dict[str, Any] | None:
    spec = data("steps")["steps"][step_id]
    if spec.get("requires") == "rights" and not routes(context.marketplace, context.listed("rights")):
        return None
    if spec.get("requires") == "phone" and not context.marketplace.phones:
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
