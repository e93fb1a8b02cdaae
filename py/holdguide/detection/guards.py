"""What a page as a whole says about itself, subtracted from every situation (``[[guard]]`` in
``data/detection/rules.toml``): talk about scams, an article's or a help page's shape, another company named as
the one acting, a forum's first person. Guards subtract; they never veto, so Amazon's own alert box or a clear
notice still wins over a stray phrase, and origin evidence (:mod:`.phishing`) is never touched by them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from holdguide.detection.concepts import Block
from holdguide.detection.rules import settings


def page_guards(blocks: Iterable[Block], about_amazon: bool) -> dict[str, float]:
    """What the page as a whole subtracts: talk about scams, an article's shape, another company...

    A word in the page's headline (its title, a heading, the first line of its text) counts ``headline``
    times: a page headed "Scam alert" or "How to unlock your account" is ABOUT holds, whatever it quotes.
    """
    counts: dict[str, float] = defaultdict(float)  # in the body
    headlines: dict[str, float] = defaultdict(float)  # in the title, a heading or the first line
    headline = float(settings()["bonus"]["headline_guard"])
    for block in blocks:
        if block.kind == "alert":
            continue  # Amazon's own alert box is the notice, not the page's shape
        for index, hits in enumerate(block.hits):
            # Each sentence counts once per concept: a genuine mail that says "phishing" three times in one
            # paragraph of advice is one sentence about scams, a scam warning has them in every sentence. A quoted
            # word is a quote (a UI label "Mein Konto", a scam's name), not the page speaking.
            concepts = {hit.concept for hit in hits if not block.is_quoted(hit.start, hit.end)}
            for concept in concepts:
                if block.kind == "heading":  # its words are in the text too, counted there already
                    headlines[concept] += headline - 1.0
                elif block.kind == "title" or index == 0:
                    headlines[concept] += headline
                else:
                    counts[concept] += 1.0
    applied = {}
    for guard in settings()["guard"]:
        if guard.get("when") == "not_about_amazon" and about_amazon:
            continue
        # `free` sentences of the body are forgiven; the headline never is.
        body = sum(counts.get(c, 0.0) for c in guard.get("concepts", ())) - float(guard.get("free", 0))
        if guard.get("headline_only"):
            body = 0.0
        found = sum(headlines.get(c, 0.0) for c in guard.get("concepts", ())) + max(body, 0.0)
        if not guard.get("concepts"):
            found = 1.0
        value = min(float(guard["cap"]), float(guard["each"]) * max(found, 0.0))
        if value > 0:
            applied[guard["id"]] = value
    return applied
