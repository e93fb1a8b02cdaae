"""A plan as plain text for a terminal (the CLI without ``--json``): numbered steps, their links, then the advice.

E-mail links are shown as address and subject rather than as the long percent-encoded mailto: URL, which no one
can read; the body is in the JSON and in the popup's copy buttons.
"""

from __future__ import annotations

from typing import Any

from holdguide.guidance.shapes import Copy, Link, Plan, Step
from holdguide.guidance.texts import text

_RULE = "-" * 60


def render_plan(plan: Plan) -> str:
    """The plan as readable text: the plan's own section headings, and the few words only a terminal needs
    (texts [render]) in the plan's language."""
    language = plan["language"]

    def heading(key: str) -> str:
        return text(language, f"render.{key}")

    sections = plan["headings"]
    lines = [plan["title"], _RULE]
    if plan.get("intro"):
        lines += [plan["intro"], ""]
    if plan["warnings"]:
        lines += [sections["warnings"], *(f"  ! {item}" for item in plan["warnings"]), ""]
    if plan["prepare"]:
        lines += [sections["prepare"], *(f"  - {item}" for item in plan["prepare"]), ""]
    lines += [sections["steps"], ""]
    for number, step in enumerate(plan["steps"], start=1):
        lines += _step(step, number, heading)
    suggested = len(plan.get("suggested_reasons", ()))  # they come first (holdguide.guidance.plan)
    reasons = [f"{reason} ({heading('suggested')})" if index < suggested else reason
               for index, reason in enumerate(plan["reasons"])]
    for title, items in ((sections["avoid"], plan["avoid"]), (sections["reasons"], reasons),
                         (sections["tips"], plan["tips"]), (sections["prevention"], plan["prevention"])):
        if items:
            lines += [title, *(f"  - {item}" for item in items), ""]
    return "\n".join(lines).rstrip() + "\n"


def _step(step: Step, number: int, heading: Any) -> list[str]:
    lines = [f"{number}. {step['title']}", f"   {step['text']}"]
    for key in ("wait", "tip"):
        if step.get(key):
            lines.append(f"   {heading(key)}: {step[key]}")
    for link in step["links"]:
        lines += _link(link, heading)
    return [*lines, ""]


def _link(link: Link, heading: Any) -> list[str]:
    copy = link.get("copy") or Copy()
    if "address" in copy:
        target = f"{heading('to')}: {copy['address']}  {heading('subject')}: {copy['subject']}"
    else:
        target = link["url"] or ""
    lines = [f"   -> {link['label']}" + (f": {target}" if target else "")]
    if link.get("note"):
        lines.append(f"      {link['note']}" + (f" ({link['basis']})" if link.get("basis") else ""))
    return lines
