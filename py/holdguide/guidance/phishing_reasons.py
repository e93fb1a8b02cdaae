"""The phishing guard's reasons in words: each reason code (the answer's ``phishing_codes``, given by
:mod:`holdguide.detection.phishing`) worded in one language, from ``data/texts/<lang>.toml`` [phishing].

The detector gives data (``{"code": "link_not_official", "host": "evil.com"}``); the words are chosen only when the
plan's language is known, so a German plan gives German reasons. A parameter is always inserted as plain text
(:func:`holdguide.guidance.texts.fill`): hosts and quotes come from a page a hostile author wrote. ``what`` names
what a fake asks for and is itself a text ([phishing.what]). A code this version does not know (a detection kept
by an older popup) is shown as its id rather than dropped, so ``phishing_reasons`` and ``phishing_codes`` stay
the same reasons.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from holdguide.guidance.texts import FALLBACK, load, resolve_language, text

#: Longest parameter value worded (a quote from the page is short already; this bounds a tampered detection).
_MAX_VALUE = 300


def reason_text(reason: Mapping[str, object], language: str) -> str | None:
    """One reason (``{"code": ..., params...}``) in ``language``; None when it is not a reason at all."""
    code = reason.get("code")
    if not isinstance(code, str) or not code:
        return None
    if f"phishing.{code}" not in load(FALLBACK):
        return code
    values = {key: str(value)[:_MAX_VALUE] for key, value in reason.items() if key != "code" and value is not None}
    what = values.get("what")
    if what and f"phishing.what.{what}" in load(FALLBACK):
        values["what"] = text(language, f"phishing.what.{what}")
    return text(language, f"phishing.{code}", **{"host": "", "detail": "", "what": "", **values})


def reason_texts(codes: Iterable[object], language: str | None) -> list[str]:
    """The reasons of ``codes`` in ``language`` (English when it has no texts), in order; malformed entries are
    skipped."""
    language = resolve_language(language)
    worded = (reason_text(code, language) for code in codes if isinstance(code, Mapping))
    return [reason for reason in worded if reason]
