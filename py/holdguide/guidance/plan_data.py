"""What every plan is built from: the plan's data files and the context of one plan (language, store, details).

Shared by :mod:`holdguide.guidance.plan` (the steps) and :mod:`holdguide.guidance.step_links` (the links of each
step), so neither imports the other.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from holdguide.datafiles import load_toml
from holdguide.guidance.texts import text
from holdguide.model import Details, Marketplace


@functools.cache
def data(name: str) -> dict[str, Any]:
    """One of the plan's data files (``steps``, ``contacts``, ``rights``), parsed."""
    return load_toml(f"{name}.toml")


@dataclass(frozen=True)
class PlanContext:
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
