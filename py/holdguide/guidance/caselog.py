"""The case log's computations: when to follow up, the follow-up e-mail, a plain-text export, a summary.

The extension stores the log (``extension/lib/case-store.js``: a list of ``{when, channel, ticket, note, step,
outcome}`` with ``when`` as YYYY-MM-DD); Python only computes from it, and never keeps it. Dates are passed in
(``today``), never read from the clock, so the popup's local date decides and tests can pin it.

Follow-up rule: after a contact on ``channel``, wait the business days that ``data/steps.toml`` [follow_up]
gives (e-mail: 2, after the source article's "etwa 1–2 Werktage"), counted on the marketplace's working days
(its ``weekend``, e.g. Friday-Saturday on amazon.sa and amazon.eg); the follow-up is due on the next business
day after that window. A contact marked ``done`` needs no follow-up.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from holdguide.guidance import links
from holdguide.guidance.details import clean_text
from holdguide.guidance.plan import store_for
from holdguide.guidance.plan_data import data
from holdguide.guidance.shapes import CaseLogLabels
from holdguide.guidance.step_links import compose_email
from holdguide.guidance.texts import choose_language, direction, resolve_language, text
from holdguide.model import SITUATIONS, Details, Marketplace

OUTCOMES = ("done", "failed")
#: Dates a real contact can carry: not before Amazon opened (1995), not centuries ahead.
_PLAUSIBLE = (date(1995, 1, 1), date(2199, 12, 31))
#: The log as the extension stores it: a list of {when, channel, ticket, note, step, outcome} objects.
Log = Iterable[Mapping[str, Any]]


@dataclass(frozen=True)
class Entry:
    """One contact: the day, the channel (chat, call, email, post, dm, form, other) and what came of it."""

    when: date
    channel: str = "other"
    ticket: str = ""
    note: str = ""
    step: str = ""
    outcome: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"when": self.when.isoformat(), "channel": self.channel, "ticket": self.ticket, "note": self.note,
                "step": self.step, "outcome": self.outcome}


def parse_log(raw: Log) -> list[Entry]:
    """Entries from the stored JSON, oldest first; entries without a valid date are dropped, unknown channels
    become ``other`` and unknown outcomes are cleared (the store is ours, but a bad entry must not break the popup)."""
    entries = []
    for item in raw:
        if not isinstance(item, Mapping):
            continue
        try:
            when = date.fromisoformat(str(item.get("when", ""))[:10])
        except ValueError:
            continue
        if not _PLAUSIBLE[0] <= when <= _PLAUSIBLE[1]:
            continue  # a corrupted date (year 9999 would overflow the follow-up arithmetic)
        channel, outcome = clean_text(item.get("channel")), clean_text(item.get("outcome"))
        entries.append(Entry(
            when,
            channel=channel if channel in _waits() else "other",
            ticket=clean_text(item.get("ticket")),
            note=clean_text(item.get("note")),
            step=clean_text(item.get("step")),
            outcome=outcome if outcome in OUTCOMES else "",
        ))
    return sorted(entries, key=lambda entry: entry.when)


def _waits() -> dict[str, int]:
    waits: dict[str, int] = data("steps")["follow_up"]
    return waits


def add_business_days(start: date, days: int, weekend: Iterable[int]) -> date:
    """The date ``days`` working days after ``start`` (``weekend``: ``date.weekday()`` values that are days off)."""
    off = set(weekend)
    current = start
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() not in off:
            days -= 1
    return current


def follow_up_date(entry_date: date, channel: str, marketplace: Marketplace | None) -> date:
    """When to follow up on a contact made on ``entry_date`` (see the module docstring for the rule)."""
    weekend = store_for(marketplace).weekend
    wait = _waits().get(channel, _waits()["other"])
    return add_business_days(add_business_days(entry_date, wait, weekend), 1, weekend)


def summarise(log: Log, today: date,
              marketplace: Marketplace | None = None) -> dict[str, Any]:
    """Entries, the next follow-up (from the latest contact, none if it is marked done), and whether it is due
    (today or earlier) or overdue (before today)."""
    entries = parse_log(log)
    latest = entries[-1] if entries else None
    due_on = follow_up_date(latest.when, latest.channel, marketplace) if latest and latest.outcome != "done" else None
    return {
        "entries": [entry.as_dict() for entry in entries],
        "last_contact": latest.when.isoformat() if latest else None,
        "next_follow_up": due_on.isoformat() if due_on else None,
        "due": bool(due_on and today >= due_on),
        "overdue": bool(due_on and today > due_on),
        "tickets": list(_tickets(entries, Details())),
    }


def follow_up_email(log: Log, marketplace: Marketplace | None, language: str,
                    details: Details, situation: str | None = None) -> dict[str, str]:
    """The follow-up to cs-reply@<domain>: earlier contacts with dates and tickets, then the user's details.

    Private notes stay out of it; they are the shopper's own. Returns {address, subject, body, mailto}.
    """
    entries, store = parse_log(log), store_for(marketplace)
    language = resolve_language(language)
    problem = text(language, f"problem.{situation if situation in SITUATIONS else 'none'}")
    intro = text(language, "caselog.intro", domain=store.domain, problem=problem)
    history = (text(language, "caselog.history"), *(_line(language, entry) for entry in entries))
    all_tickets = Details(details.name, details.email, details.order, _tickets(entries, details))
    body = compose_email(language, intro, all_tickets, request_keys=("caselog.request",),
                         history=history if entries else ())
    address, subject = store.cs_reply_email, text(language, "caselog.subject", domain=store.domain)
    return {"address": address, "subject": subject, "body": body, "mailto": links.mailto(address, subject, body)}


def export_text(log: Log, marketplace: Marketplace | None, language: str,
                details: Details, today: date | None = None) -> str:
    """The whole log as plain text, to copy or keep: the details given, every contact with notes and outcome,
    and the next follow-up when ``today`` is known."""
    entries, store = parse_log(log), store_for(marketplace)
    language = resolve_language(language)
    title = text(language, "caselog.title", domain=store.domain)
    lines = [title, "=" * min(len(title), 60)]
    given = (("email.name", details.name), ("email.account-email", details.email), ("email.order", details.order),
             ("email.tickets", ", ".join(_tickets(entries, details))))
    lines += [text(language, key, value=value) for key, value in given if value]
    lines.append("")
    lines += [_export_line(language, entry) for entry in entries] if entries else [text(language, "caselog.empty")]
    if today is not None and entries:
        summary = summarise(log, today, marketplace)
        if summary["next_follow_up"]:
            key = "caselog.overdue" if summary["overdue"] else "caselog.next"
            lines += ["", text(language, key, date=summary["next_follow_up"])]
    return "\n".join(lines) + "\n"


def case_report(raw: Log, marketplace: Marketplace | None, language: str | None,
                details: Details, today: date, situation: str | None = None) -> dict[str, Any]:
    """Everything the popup's case-log panel shows, in one call: summarise() plus the follow-up e-mail (None
    without entries), the export and every word of the panel (``labels``, in the plan's language). ``language``
    None means the marketplace's default."""
    raw = list(raw)
    language = choose_language(language, None, None, marketplace)
    report = summarise(raw, today, marketplace)
    report["follow_up_email"] = (follow_up_email(raw, marketplace, language, details, situation)
                                 if report["entries"] else None)
    report["export"] = export_text(raw, marketplace, language, details, today)
    report["labels"] = labels(language, report["next_follow_up"])
    return report


#: The case-log panel's own words (texts [caselog]), besides the channel and outcome names.
_PANEL_KEYS = ("empty", "next", "overdue", "follow-up-email", "send-from", "export", "clear",
               "add", "channel-label", "ticket-label", "note-label")
#: The copy buttons' words, shared with the plan (texts [ui]).
_COPY_KEYS = ("copied", "copy_address", "copy_subject", "copy_body")


def labels(language: str, follow_up: str | None = None) -> CaseLogLabels:
    """Every word the case-log panel shows, in ``language``: the channel and outcome names (the only place they
    live), and the panel's texts with the follow-up date filled in."""
    language = resolve_language(language)
    return CaseLogLabels(
        language=language,
        direction=direction(language),
        channels={channel: text(language, f"channels.{channel}") for channel in _waits()},
        outcomes={outcome: text(language, f"outcomes.{outcome}") for outcome in OUTCOMES},
        texts={**{key: text(language, f"caselog.{key}", date=follow_up or "") for key in _PANEL_KEYS},
               **{key: text(language, f"ui.{key}") for key in _COPY_KEYS}},
    )


def may_log(official_host: bool | None, phishing: bool, situation: str) -> bool:
    """Whether the steps of this answer may be recorded in the case log (the overlay's done and failed buttons).

    Only for a hold on an official Amazon https page: never from a page we could not place on Amazon (nothing a
    fake shows belongs in the shopper's record), nor for "no hold here", which has no case.
    """
    return official_host is True and not phishing and situation != "none"


def _line(language: str, entry: Entry) -> str:
    values = {"date": entry.when.isoformat(), "channel": text(language, f"channels.{entry.channel}")}
    if entry.ticket:
        return text(language, "caselog.entry-ticket", ticket=entry.ticket, **values)
    return text(language, "caselog.entry", **values)


def _export_line(language: str, entry: Entry) -> str:
    extras = [entry.note] if entry.note else []
    if entry.outcome:
        extras.append(text(language, f"outcomes.{entry.outcome}"))
    return " – ".join(["- " + _line(language, entry), *extras])


def _tickets(entries: list[Entry], details: Details) -> tuple[str, ...]:
    """Ticket numbers the user typed plus those noted in the log, in order of appearance, each once."""
    return tuple(dict.fromkeys([*details.tickets, *(entry.ticket for entry in entries if entry.ticket)]))
