"""What every plan is built from: the plan's data files and the context of one plan (language, store, details).

Shared by :mod:`holdguide.plan` (the steps) and :mod:`holdguide.step_links` (the links of each step), so
neither imports the other.
"""

from __future__ import annotations

import functools
import importlib.resources
import tomllib
from dataclasses import dataclass
from typing import Any

from holdguide.model import Details, Marketplace
from holdguide.texts import text


@functools.cache
def data(name: str) -> dict[str, Any]:
    """One of the plan's data files (``steps``, ``contacts``, ``rights``), parsed."""
    source = importlib.resources.files("holdguide") / "data" / f"{name}.toml"
    return tomllib.loads(source.read_text(encoding="utf-8"))


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
