"""Language tags as pages, browsers and users give them (``de-DE``, ``pt_BR``, ``EN``), reduced to what we key on.

One normaliser for the whole package: the detector's hint, the plan's language rule and the CLI's JSON all
read a tag the same way.
"""

from __future__ import annotations


def primary_subtag(tag: object) -> str | None:
    """The primary subtag of a BCP 47 tag, lowercased: ``de-DE`` and ``de_de`` give ``de``.

    None for anything that is not a plausible tag: not a string, empty, non-ASCII letters (``日本``), digits.
    """
    if not isinstance(tag, str):
        return None
    primary = tag.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary.isascii() and primary.isalpha() and 2 <= len(primary) <= 3 else None
