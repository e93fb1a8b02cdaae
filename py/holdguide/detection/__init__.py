"""The detector: one page or message in, one :class:`~holdguide.model.Detection` out.

Situations are recognised from concepts and Amazon's page structure, not from phrases. The data, each in its
own file: the concept catalog and the situation rules written once for all languages
(``data/detection/concepts.toml``, ``rules.toml``), one concept lexicon per language (``data/lexicon/<lang>.toml``:
adding a language means filling one), Amazon's verbatim strings as anchors (``anchors.toml``), what URLs and
forms say (``structure.toml``), and what makes a text phishing (``data/phishing.toml``, ``confusables.toml``).
The steps, each in its own module:

1. fold the text (:mod:`.normalize`) and tell its language (:mod:`.language`);
2. read the page as blocks (title, alert boxes, headings, text) and find the concepts of the languages that
   run on it (:mod:`.lexicon`, :mod:`.concepts`), in sentences and clauses (:mod:`.clauses`);
3. let the rules fire (:mod:`.rules`), add anchors (:mod:`.anchors`) and structure (:mod:`.structure`), subtract
   the page's guards and decide by score with a margin (:mod:`.classify`);
4. judge the origin and phishing (:mod:`.hosts`, :mod:`.phishing`) and the marketplace (:mod:`.origin`).

Nothing here raises on bad input: empty, huge, binary or half-HTML text all end as an answer.
"""

from __future__ import annotations

from holdguide.detection.classify import PageBlocks, Verdict, classify
from holdguide.detection.hosts import host_of_url, lookalikes, sender_domain
from holdguide.detection.language import guess_language
from holdguide.detection.lexicon import Lexicon, brand_names, lexicons
from holdguide.detection.normalize import Folded, fold
from holdguide.detection.origin import imitated_marketplace, official_marketplace
from holdguide.detection.phishing import judge
from holdguide.detection.structure import read_structure
from holdguide.language_tags import primary_subtag
from holdguide.marketplaces import by_domain, for_host, is_official_host
from holdguide.model import Detection, PageInput

__all__ = ["detect", "languages_to_run"]

#: Guards after which a text is ABOUT holds or scams, or about another service, so never itself phishing.
_NOT_PHISHING_GUARDS = frozenset({"scam-talk", "article", "help-page", "other-service"})


def _about_amazon(page: PageInput, folded: Folded, official: str | None) -> bool:
    """Amazon's name is in the text, or a host the text comes from or links to is Amazon's or imitates it."""
    if official or any(name in folded.text for name in brand_names()):
        return True
    hosts = [host_of_url(page.url), sender_domain(page.sender), *(host_of_url(link) for link in page.links[:50])]
    return any(host and (is_official_host(host) or lookalikes(host)) for host in hosts)


def languages_to_run(page: PageInput, told: str | None, official: str | None) -> tuple[Lexicon, ...]:
    """The lexicons to read a page with: its ``lang``, the language told from its text, its marketplace's
    languages and English (short headings are easily mis-told); every lexicon when the text's language cannot
    be told, since a short notice may be in any of them."""
    if told is None:
        return lexicons()
    codes = {told, "en", primary_subtag(page.lang)}
    market = by_domain(official) if official else None
    host = host_of_url(page.url)
    market = market or (for_host(host) if host else None)
    if market:
        codes.update(market.languages)
    return tuple(lex for lex in lexicons() if lex.code in codes)


def _marketplace(page: PageInput, folded: Folded, verdict: Verdict, phishing: bool, official: str | None) -> str | None:
    if official and not phishing:
        return official
    if verdict.situation == "none" and not phishing:
        return None
    return imitated_marketplace(page, folded)


def detect(page: PageInput, *, use_anchors: bool = True) -> Detection:
    """The situation ``page`` shows, with evidence, confidence, phishing verdict and marketplace.

    ``use_anchors=False`` scores the concepts and structure alone (scripts/accuracy.py reports it apart).
    """
    folded = fold(f"{page.title}\n{page.text}" if page.title else (page.text or ""))
    language = guess_language(folded.text, page.lang)
    official = official_marketplace(page, folded, language)
    about_amazon = _about_amazon(page, folded, official)
    host = host_of_url(page.url)
    pages = PageBlocks.read(page, languages_to_run(page, language, official))
    structure = read_structure(page, host, bool(host and is_official_host(host)))
    verdict = classify(pages, structure, about_amazon=about_amazon, official=bool(host and is_official_host(host)),
                       use_anchors=use_anchors)
    phishing, reasons = False, ()
    if not _NOT_PHISHING_GUARDS.intersection(verdict.guards):
        phishing, reasons = judge(page, folded, verdict.hold_wording, about_amazon)
    situation, subtype = verdict.situation, verdict.subtype
    if phishing and situation == "none" and verdict.hold_wording:
        situation = verdict.claimed  # a fake's guards (a "help" line, a scam warning) do not hide what it imitates
    return Detection(
        situation=situation,
        marketplace=_marketplace(page, folded, verdict, phishing, official),
        language=language,
        confidence=verdict.confidence,
        evidence=verdict.evidence,
        phishing=phishing,
        phishing_reasons=reasons,
        subtype=subtype,
    )
