"""The detector: one page or message in, one :class:`~holdguide.model.Detection` out.

A table-driven engine over data files: the signals per language (``data/signals/<lang>.toml``), how they
are weighed (``data/detection.toml``), what makes a text phishing (``data/phishing.toml``) and which letters
imitate which (``data/confusables.toml``). The steps, each in its own module:

1. fold the text (:mod:`.normalize`) and guess its language (:mod:`.language`);
2. find the signals and guards of every language in it (:mod:`.signals`);
3. add them up to one situation (:mod:`.classify`);
4. judge the origin and phishing (:mod:`.hosts`, :mod:`.phishing`) and the marketplace (:mod:`.origin`).

Nothing here raises on bad input: empty, huge, binary or half-HTML text all end as an answer.
"""

from __future__ import annotations

from holdguide.detection.classify import Verdict, classify
from holdguide.detection.hosts import host_of_url, lookalikes, sender_domain
from holdguide.detection.language import guess_language
from holdguide.detection.normalize import Folded, fold
from holdguide.detection.origin import imitated_marketplace, official_marketplace
from holdguide.detection.phishing import judge
from holdguide.detection.signals import brand_names, find
from holdguide.marketplaces import is_official_host
from holdguide.model import Detection, PageInput

__all__ = ["detect"]

#: Guard kinds after which a text is ABOUT holds or scams, so never itself phishing.
_NOT_PHISHING_GUARDS = frozenset({"help-article", "scam-warning", "seller", "other-service"})


def _about_amazon(page: PageInput, folded: Folded, official: str | None) -> bool:
    """Amazon's name is in the text, or a host the text comes from or links to is Amazon's or imitates it."""
    if official or any(name in folded.text for name in brand_names()):
        return True
    hosts = [host_of_url(page.url), sender_domain(page.sender), *(host_of_url(link) for link in page.links[:50])]
    return any(host and (is_official_host(host) or lookalikes(host)) for host in hosts)


def _marketplace(page: PageInput, folded: Folded, verdict: Verdict, phishing: bool, official: str | None) -> str | None:
    if official and not phishing:
        return official
    if verdict.situation == "none" and not phishing:
        return None
    return imitated_marketplace(page, folded)


def detect(page: PageInput) -> Detection:
    """The situation ``page`` shows, with evidence, confidence, phishing verdict and marketplace."""
    folded = fold(f"{page.title}\n{page.text}" if page.title else (page.text or ""))
    language = guess_language(folded.text, page.lang)
    official = official_marketplace(page, folded, language)
    about_amazon = _about_amazon(page, folded, official)
    verdict = classify(find(folded), folded, about_amazon, language)
    phishing, reasons = False, ()
    if not _NOT_PHISHING_GUARDS.intersection(verdict.guards):
        phishing, reasons = judge(page, folded, verdict.situation != "none", about_amazon)
    return Detection(
        situation=verdict.situation,
        marketplace=_marketplace(page, folded, verdict, phishing, official),
        language=language,
        confidence=verdict.confidence,
        evidence=verdict.evidence,
        phishing=phishing,
        phishing_reasons=reasons,
        subtype=verdict.subtype,
    )
