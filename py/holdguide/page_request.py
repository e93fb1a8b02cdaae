"""The page request (docs/contract.md, "Page request") as sent by the page reader, made into a :class:`PageInput`.

The reader (``extension/content/collect.js``) bounds every field, and so do we: the request crosses from a web
page into our code, so only values of the expected type are kept, each list and string cut at the limits below
(the same as the reader's), and anything else counts as absent. Never raises on a malformed request.
"""

from __future__ import annotations

from typing import Any

from holdguide.model import Form, FormField, PageInput

MAX_TEXT = 200_000
MAX_URL = 4_096
MAX_TITLE = 1_000
MAX_LANG = 35
ALERTS = (20, 2_000)  # how many, how long each
HEADINGS = (40, 300)
LINKS = (200, 1_000)
FORMS, FIELDS, ACTION, ATTRIBUTE = 10, 40, 500, 100


def _string(raw: dict[str, Any], key: str, limit: int) -> str:
    value = raw.get(key)
    return value[:limit] if isinstance(value, str) else ""


def _strings(raw: dict[str, Any], key: str, limits: tuple[int, int]) -> tuple[str, ...]:
    count, length = limits
    values = raw.get(key)
    if not isinstance(values, list):
        return ()
    kept = (v[:length].strip() for v in values[: count * 2] if isinstance(v, str))
    return tuple(dict.fromkeys(v for v in kept if v))[:count]


def _forms(raw: dict[str, Any]) -> tuple[Form, ...]:
    values = raw.get("forms")
    if not isinstance(values, list):
        return ()
    forms = []
    for value in values[:FORMS]:
        if not isinstance(value, dict):
            continue
        listed = value.get("fields")
        fields: list[Any] = listed if isinstance(listed, list) else []
        forms.append(Form(
            action=_string(value, "action", ACTION),
            fields=tuple(
                FormField(*(_string(f, key, ATTRIBUTE) for key in ("name", "type", "autocomplete")))
                for f in fields[:FIELDS] if isinstance(f, dict)
            ),
        ))
    return tuple(forms)


def page_from_request(raw: dict[str, Any]) -> PageInput:
    """The page the reader collected; see the module docstring."""
    return PageInput(
        text=_string(raw, "text", MAX_TEXT),
        url=_string(raw, "url", MAX_URL) or None,
        title=_string(raw, "title", MAX_TITLE),
        lang=_string(raw, "lang", MAX_LANG).strip() or None,
        links=_strings(raw, "links", LINKS),
        alerts=_strings(raw, "alerts", ALERTS),
        headings=_strings(raw, "headings", HEADINGS),
        forms=_forms(raw),
    )
