"""One page or message in, the contract's answer out: detection, then the plan in the chosen language.

This is the one place where detection, marketplace data and the plan engine meet; the CLI and the browser
bridge (``api.run_json``) both call :func:`analyze`, so the popup and the CLI cannot disagree.
"""

from __future__ import annotations

from typing import Any

from holdguide.detection import detect
from holdguide.detection.origin import shows_a_message
from holdguide.guidance.caselog import may_log
from holdguide.guidance.phishing_reasons import reason_texts
from holdguide.guidance.plan import build_plan
from holdguide.guidance.texts import choose_language, supported_languages
from holdguide.language_tags import primary_subtag
from holdguide.marketplaces import by_domain
from holdguide.model import Details, Detection, PageInput


def analyze(page: PageInput, *, language: str | None = None, details: Details | None = None) -> dict[str, Any]:
    """Detect the situation of ``page`` and plan for it. ``language`` is the user's choice, if any."""
    return plan_for_page(detect(page), page, language=language, details=details)


def plan_for_page(
    detection: Detection, page: PageInput, *, language: str | None = None, details: Details | None = None
) -> dict[str, Any]:
    """The answer for ``page`` from its detection. The popup's re-plan (api op "plan": new details or plan
    language, same page and detection) comes here too, so it cannot drift from ``analyze``; only ``page.url`` and
    ``page.lang`` are read."""
    official = detection.official_page if page.url else None
    if official is False:
        # Personal details are never written into a page that is not an official Amazon host (over https).
        details = Details()
    result = answer(detection, page_lang=page.lang, language=language, details=details, unverified_text=not official,
                    medium="message" if shows_a_message(page) else "page")
    result["official_host"] = official
    result["log_case"] = may_log(official, detection.phishing, detection.situation)
    return result


def answer(
    detection: Detection,
    *,
    page_lang: str | None = None,
    language: str | None = None,
    details: Details | None = None,
    unverified_text: bool = True,
    medium: str = "page",
) -> dict[str, Any]:
    """The contract's JSON object for a detection (also used for a situation the user chose by hand).

    ``medium`` says what the shopper looks at ("page", or "message": pasted, or shown by a web-mail page), so a
    phishing verdict names it. The phishing reasons are worded in the plan's language, from their codes."""
    marketplace = by_domain(detection.marketplace) if detection.marketplace else None
    plan_language = choose_language(language, page_lang, detection.language, marketplace)
    plan = None
    if detection.situation != "none" or detection.phishing:
        plan = build_plan(
            detection.situation,
            marketplace,
            plan_language,
            details or Details(),  # build_plan drops them itself on a phishing plan
            phishing=detection.phishing,
            subtype=detection.subtype,
            unverified_text=unverified_text,
            medium=medium,
        )
    return {
        "situation": detection.situation,
        "subtype": detection.subtype,
        "marketplace": detection.marketplace,
        "language": _page_language(page_lang) or detection.language,  # what the page is in (the plan has its own)
        "confidence": round(detection.confidence, 3),
        "evidence": list(detection.evidence),
        "phishing": detection.phishing,
        "phishing_reasons": reason_texts(detection.phishing_codes, plan_language),
        "phishing_codes": list(detection.phishing_codes),
        "plan": plan,
        # Whether the overlay may record this plan's steps in the case log; only analyze() can say yes.
        "log_case": False,
    }


def chosen(situation: str, marketplace: str | None, **kwargs: Any) -> dict[str, Any]:
    """The answer for a situation and marketplace the user picked by hand (no page, so nothing to doubt).

    Only a marketplace we know is kept: anything else the caller sent is dropped, never echoed back.
    """
    known = by_domain(marketplace) if marketplace else None
    detection = Detection(situation=situation, marketplace=known.domain if known else None, confidence=1.0)
    return answer(detection, unverified_text=False, **kwargs)


def _page_language(lang: str | None) -> str | None:
    """The page's ``lang`` attribute as a language we know (``de-DE`` -> ``de``); None for ``und``, ``zz``..."""
    primary = primary_subtag(lang)
    return primary if primary in supported_languages() else None
