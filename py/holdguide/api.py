"""The single entry point the browser bridge calls: one JSON request in, one JSON response out.

Contract (``extension/lib/py-bridge.js`` is the only caller)::

    request  = {"op": "analyze",  "page": {url, title, lang, text, alerts?, headings?, forms?, links?},
                "language"?, "details"?}                                       # docs/contract.md, "Page request"
             | {"op": "plan",     "detection": {...}, "page": {url, lang}, "language"?, "details"?}
                     # the plan again for an earlier "analyze" of the same page: new details or plan language,
                     # no new detection ("detection" is what that "analyze" answered besides its result)
             | {"op": "message",  "text": str, "language"?, "details"?}        # a pasted e-mail or SMS
             | {"op": "choose",   "situation": id, "marketplace": domain|null, "language"?, "details"?}
             | {"op": "options"}                                              # lists for the manual choice
             | {"op": "caselog",  "entries": [...], "marketplace", "language"?, "details"?, "today": "YYYY-MM-DD",
                "situation"?}                                                 # follow-ups, e-mail, export
    every request may add "ui_language" (the browser's), in which "details_errors" are worded
    response = {"ok": true, "result": {...}, "details_errors": {field: message}, "detection"?: {...}}
             | {"ok": false, "error": "a sentence a person understands"}

``result`` is the CLI's ``--json`` object (``../shared/contract.md``). Only plain JSON crosses the boundary,
so the bridge needs no knowledge of Python objects and both sides can be tested alone.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from typing import Any, TypedDict

from holdguide.analyze import analyze, chosen, plan_for_page
from holdguide.detection import detect
from holdguide.guidance.caselog import case_report
from holdguide.guidance.details import validate_details
from holdguide.guidance.plan import situation_label
from holdguide.guidance.texts import choose_language, language_names, localize_errors
from holdguide.marketplaces import all_marketplaces, by_domain
from holdguide.messages import page_from_message
from holdguide.model import SITUATIONS, Details, Detection
from holdguide.page_request import MAX_TEXT, page_from_request


class _PlanOptions(TypedDict):
    """What every op that plans takes besides the page: the user's plan language and details."""

    language: str | None
    details: Details | None


def run_json(request: str) -> str:
    """Answer one request; never raises, so a bad page cannot break the popup."""
    try:
        payload = json.loads(request)
        if not isinstance(payload, dict):
            raise ValueError("request must be a JSON object")
        response = {"ok": True, **_dispatch(payload)}
    except Exception as error:  # a bad page or request must not break the popup; it shows the message
        response = {"ok": False, "error": f"{type(error).__name__}: {error}"}
    return json.dumps(response, ensure_ascii=False)


def _dispatch(payload: dict[str, Any]) -> dict[str, Any]:
    op = payload.get("op")
    raw_details = payload.get("details")
    details, error_keys = validate_details(raw_details if isinstance(raw_details, dict) else {})
    language = _string(payload, "language")
    # Form errors follow the popup's labels (the browser's UI language), not the plan's language.
    errors = localize_errors(error_keys, choose_language(_string(payload, "ui_language") or language, None, None, None))
    options = _PlanOptions(language=language, details=details)
    if op == "analyze":  # as analyze(), keeping the detection for a later "plan"
        page = payload.get("page")
        page_input = page_from_request(page if isinstance(page, dict) else {})
        detection = detect(page_input)
        return {"result": plan_for_page(detection, page_input, **options), "details_errors": errors,
                "detection": dataclasses.asdict(detection)}
    if op == "plan":
        page = payload.get("page")
        page_input = page_from_request(page if isinstance(page, dict) else {})
        detection = _detection(payload.get("detection"))
        return {"result": plan_for_page(detection, page_input, **options), "details_errors": errors,
                "detection": dataclasses.asdict(detection)}
    if op == "message":
        page = page_from_message(str(payload.get("text") or "")[:MAX_TEXT])
        return {"result": analyze(page, **options), "details_errors": errors}
    if op == "choose":
        situation = payload.get("situation")
        if situation not in SITUATIONS:
            raise ValueError(f"unknown situation {situation!r}")
        result = chosen(situation, _string(payload, "marketplace"), **options)
        return {"result": result, "details_errors": errors}
    if op == "options":  # the manual choice's lists, its situation names in the popup's (browser's) language
        return {"result": _options(choose_language(_string(payload, "ui_language"), None, None, None))}
    if op == "caselog":
        marketplace = by_domain(_string(payload, "marketplace") or "")
        today = date.fromisoformat(str(payload.get("today")))
        entries = payload.get("entries")
        report = case_report(entries if isinstance(entries, list) else [], marketplace, language, details, today,
                             situation=_string(payload, "situation"))
        return {"result": report, "details_errors": errors}
    raise ValueError(f"unknown op {op!r}")


def _detection(raw: object) -> Detection:
    """A detection an earlier "analyze" answered, back from the popup: each field of the type its default has
    (lists become tuples); a missing or mistyped field keeps its default, an unknown situation is refused."""
    if not isinstance(raw, dict) or raw.get("situation") not in SITUATIONS:
        raise ValueError("plan needs the detection of an earlier analyze")
    values: dict[str, Any] = {"situation": raw["situation"]}
    for field in dataclasses.fields(Detection):
        value = raw.get(field.name)
        if field.name == "situation" or value is None:
            continue
        if isinstance(field.default, tuple) and isinstance(value, list):
            values[field.name] = tuple(value)
        elif isinstance(field.default, bool) and isinstance(value, bool):
            values[field.name] = value
        elif isinstance(field.default, float) and isinstance(value, int | float) and not isinstance(value, bool):
            values[field.name] = float(value)
        elif field.default is None and isinstance(value, str):
            values[field.name] = value
    if values.get("marketplace") and not by_domain(values["marketplace"]):
        del values["marketplace"]  # only a marketplace we know, as everywhere else
    return Detection(**values)


def _string(payload: dict[str, Any], key: str) -> str | None:
    """A request field that must be a non-empty string; anything else counts as absent."""
    value = payload.get(key)
    return value if isinstance(value, str) and value else None


def _options(language: str) -> dict[str, Any]:
    situations = [s for s in SITUATIONS if s != "none"]
    return {
        "situations": situations,
        "situation_labels": {situation: situation_label(situation, language) for situation in situations},
        "marketplaces": [{"domain": m.domain, "name": m.name} for m in all_marketplaces()],
        "languages": [{"code": code, "name": name} for code, name in language_names().items()],
    }

