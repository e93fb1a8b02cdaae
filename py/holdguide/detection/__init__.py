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

from holdguide.detection.classify import PageBlocks, classify
from holdguide.detection.hosts import host_of_url
from holdguide.detection.language import guess_language
from holdguide.detection.lexicon import Lexicon, brand_names, lexicons
from holdguide.detection.normalize import Folded, fold
from holdguide.detection.origin import Origin, derive_origin, imitated_marketplace
from holdguide.detection.phishing import judge
from holdguide.detection.structure import read_structure
from holdguide.detection.urls import INVALID
from holdguide.guidance.phishing_reasons import reason_texts
from holdguide.language_tags import primary_subtag
from holdguide.marketplaces import by_domain, for_host
from holdguide.model import Detection, PageInput

__all__ = ["detect", "languages_to_run"]

#: Guards after which a page reads as ABOUT holds or scams (an article, a help page, a scam warning): its plain
#: requests ("sign in", "verify") are not taken as the page asking the reader to act (phishing.judge, rule 3).
_ABOUT_HOLDS_GUARDS = frozenset({"scam-talk", "article", "help-page", "about-holds", "forum", "other-service"})


def _about_amazon(folded: Folded, origin: Origin) -> bool:
    """Amazon's name is in the text or the sender's name, or a host the text comes from or links to is Amazon's or
    imitates it."""
    return (origin.official or any(name in folded.text for name in brand_names()) or origin.amazon_named
            or origin.sender_claims_amazon)


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


def _marketplace(page: PageInput, folded: Folded, origin: Origin, situation: str, phishing: bool) -> str | None:
    if origin.marketplace and not phishing:
        return origin.marketplace
    if situation == "none" and not phishing:
        return None
    return imitated_marketplace(page, folded, origin.link_hosts)


def detect(page: PageInput, *, use_anchors: bool = True) -> Detection:
    """The situation ``page`` shows, with evidence, confidence, phishing verdict and marketplace.

    ``use_anchors=False`` scores the concepts and structure alone (scripts/accuracy.py reports it apart).
    """
    text = fold(page.text or "", keep_lines=True)
    # The whole text on one line (title first) for the origin and phishing checks, whose patterns run across
    # line breaks; same length as ``text`` after the title, so quotes map back alike.
    folded = fold(f"{page.title}\n{page.text}") if page.title else text.flat()
    language = guess_language(folded.text, page.lang)
    origin = derive_origin(page, folded, language)
    about_amazon = _about_amazon(folded, origin)
    own = frozenset(tag for tag in (language, primary_subtag(page.lang)) if tag) if language else None
    pages = PageBlocks.read(page, languages_to_run(page, language, origin.marketplace), text, own)
    readable = origin.host if origin.host != INVALID else None
    structure = read_structure(page, readable, origin.official)
    # On another site's page (not Amazon's, not a web-mail program showing a message) a quoted Amazon string is
    # no evidence the page is the notice: a blog quotes it too.
    anchors_decide = not origin.foreign_page
    verdict = classify(pages, structure, about_amazon=about_amazon, official=origin.official,
                       anchors_decide=anchors_decide, use_anchors=use_anchors)
    about_holds = bool(_ABOUT_HOLDS_GUARDS.intersection(verdict.guards))
    phishing, reasons = judge(page, origin, folded, verdict.hold_wording, about_amazon, about_holds)
    situation, subtype, evidence = verdict.situation, verdict.subtype, verdict.evidence
    codes = tuple(r.as_json() for r in reasons)
    if phishing:
        # A fake's guard phrases ("Was this information helpful?", "Seller Central") do not hide what it imitates.
        situation, subtype, evidence = verdict.claimed, verdict.claimed_subtype, verdict.claimed_evidence
    return Detection(
        situation=situation,
        marketplace=_marketplace(page, folded, origin, situation, phishing),
        language=language,
        confidence=verdict.confidence,
        evidence=evidence,
        phishing=phishing,
        phishing_reasons=tuple(reason_texts(codes, "en")),
        subtype=subtype,
        phishing_codes=codes,
        official_page=origin.official and origin.https,
    )
