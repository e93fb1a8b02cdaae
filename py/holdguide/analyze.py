"""One page or message in, the contract's answer out: detection, then the plan in the chosen language.

This is the one place where detection, marketplace data and the plan engine meet; the CLI and the browser
bridge (``api.run_json``) both call :func:`analyze`, so the popup and the CLI cannot disagree.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from holdguide.detection import detect
from holdguide.marketplaces import by_domain, is_official_host
from holdguide.model import Details, Detection, PageInput
from holdguide.plan import build_plan
from holdguide.texts import choose_language


def analyze(page: PageInput, *, language: str | None = None, details: Details | None = None) -> dict[str, Any]:
    """Detect the situation of ``page`` and plan for it. ``language`` is the user's choice, if any."""
    detection = detect(page)
    official = official_host(page.url) if page.url else None
    if official is False:
        # Personal details are never written into a page that is not an official Amazon host.
        details = Details()
    result = answer(detection, page_lang=page.lang, language=language, details=details, official_page=bool(official))
    result["official_host"] = official
    return result


def official_host(url: str) -> bool:
    """True when ``url`` is served over https by one of Amazon's own hosts (data/marketplaces.toml)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme == "https" and bool(parts.hostname) and is_official_host(parts.hostname)


def answer(
    detection: Detection,
    *,
    page_lang: str | None = None,
    language: str | None = None,
    details: Details | None = None,
    official_page: bool = False,
) -> dict[str, Any]:
    """The contract's JSON object for a detection (also used for a situation the user chose by hand)."""
    marketplace = by_domain(detection.marketplace) if detection.marketplace else None
    plan_language = choose_language(language, page_lang, detection.language, marketplace)
    plan = None
    if detection.situation != "none" or detection.phishing:
        plan = build_plan(
            detection.situation,
            marketplace,
            plan_language,
            Details() if detection.phishing else (details or Details()),
            phishing=detection.phishing,
            subtype=detection.subtype,
            official_page=official_page,
        )
    return {
        "situation": detection.situation,
        "subtype": detection.subtype,
        "marketplace": detection.marketplace,
        "language": _page_language(page_lang) or detection.language,
        "confidence": round(detection.confidence, 3),
        "evidence": list(detection.evidence),
        "phishing": detection.phishing,
        "phishing_reasons": list(detection.phishing_reasons),
        "plan": plan,
    }


def chosen(situation: str, marketplace: str | None, **kwargs: Any) -> dict[str, Any]:
    """The answer for a situation and marketplace the user picked by hand (no page evidence)."""
    return answer(Detection(situation=situation, marketplace=marketplace, confidence=1.0), **kwargs)


def _page_language(lang: str | None) -> str | None:
    """``de-DE`` -> ``de``; the primary subtag of a BCP 47 tag, or None when there is none."""
    primary = (lang or "").strip().replace("_", "-").split("-")[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None
