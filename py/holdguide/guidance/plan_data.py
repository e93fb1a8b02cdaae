"""What every plan is built from: the plan's data files, one situation's table, and the context of one plan.

Shared by :mod:`holdguide.guidance.plan` (the steps) and :mod:`holdguide.guidance.step_links` (the links of each
step), so neither imports the other.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from holdguide.datafiles import load_toml
from holdguide.guidance.texts import text
from holdguide.model import Details, Marketplace


@functools.cache
def data(name: str) -> dict[str, Any]:
    """One of the plan's data files (``steps``, ``contacts``, ``rights``, ``facts``), parsed."""
    return load_toml(f"{name}.toml")


def situation_table(situation: str, subtype: str | None = None, *, phishing: bool = False) -> dict[str, Any]:
    """The steps.toml table of a situation, with the overrides of its ``subtype`` applied (none on a phishing plan,
    whose way out is the same whatever it imitates)."""
    steps = data("steps")
    if phishing:
        return {**steps["phishing"], "title": "phishing"}
    base = steps["situations"][situation]
    override = base.get("subtypes", {}).get(subtype or "", {})
    return {"title": situation, **{key: value for key, value in base.items() if key != "subtypes"}, **override}


@dataclass(frozen=True)
class PlanContext:
    """What every step and link of one plan is built from."""

    language: str
    situation: str
    marketplace: Marketplace  # the store whose links we build (amazon.com when none was known)
    details: Details
    table: dict[str, Any] = field(default_factory=dict)  # situation_table() of this plan

    def t(self, key: str, **values: object) -> str:
        """The text ``key`` in the plan's language, with the marketplace's domain, cs-reply address and Amazon's
        report address available to every template."""
        common = {"domain": self.marketplace.domain, "address": self.marketplace.cs_reply_email,
                  "report": data("contacts")["report"]["email"]}
        return text(self.language, key, **{**common, **values})

    def listed(self, name: str) -> list[str]:
        """A list of this plan's table (``steps``, ``warnings``, ``rights``...); empty when the table has none."""
        return list(self.table.get(name, []))
