"""The plan's texts per language: loading ``data/texts/<lang>.toml``, choosing a language, filling templates.

A translator adds a language by adding one file with the keys of ``en.toml``; nothing in code names a language.
Keys are the file's tables joined with dots (``steps.email-cs-reply.title``). A key missing from a locale falls
back to English, so a half-finished translation still gives a complete plan (the data tests keep the shipped
files complete).

Templates use ``{name}`` fields only. They are filled by :func:`fill`, which substitutes plain values and
never evaluates attribute or index lookups, so a value the user typed (a name, an order number) can only ever be
inserted as text.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from string import Formatter
from typing import Any

from holdguide.datafiles import load_toml, toml_names
from holdguide.language_tags import primary_subtag
from holdguide.model import Marketplace

#: The reference locale, and the language used when a chosen language has no texts.
FALLBACK = "en"


@functools.cache
def supported_languages() -> tuple[str, ...]:
    """The language codes that have a texts file, sorted (``("ar", "de", "en", ...)``)."""
    return tuple(name.removesuffix(".toml") for name in toml_names("texts"))


@functools.cache
def load(language: str) -> Mapping[str, str]:
    """All texts of one locale as a flat mapping of dotted keys to strings (no fallback applied)."""
    return _flatten(load_toml(f"texts/{language}.toml"))


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = str(value)
    return flat


#: The primary subtag of a language tag (``de-DE`` -> ``de``), as everywhere in the package.
normalise_language = primary_subtag


def resolve_language(tag: str | None) -> str:
    """``tag`` normalised when we have texts for it, else English."""
    language = normalise_language(tag)
    return language if language in supported_languages() else FALLBACK


def choose_language(
    user: str | None, page_lang: str | None, text_lang: str | None, marketplace: Marketplace | None
) -> str:
    """The plan's language by the contract's rule (contract.md, "Language").

    The user's choice, else the page's language (its ``lang`` attribute, else the language of its text), else the
    marketplace's default: the first of these that we have texts for decides (a page tagged ``lang="und"`` whose
    text is German gets German). English when none of them has texts.
    """
    default = marketplace.default_language if marketplace else None
    for candidate in (user, page_lang, text_lang, default):
        if normalise_language(candidate) in supported_languages():
            return resolve_language(candidate)
    return FALLBACK


def text(language: str, key: str, **values: object) -> str:
    """The text ``key`` in ``language`` (English if missing there, or if the language has no texts), with its
    ``{fields}`` filled from ``values``."""
    template = load(language).get(key) if language in supported_languages() else None
    if template is None:
        template = load(FALLBACK)[key]  # a KeyError here is a bug in the code or in en.toml
    return fill(template, values)


def fill(template: str, values: Mapping[str, object]) -> str:
    """``template`` with each ``{name}`` replaced by ``values[name]``; unknown or complex fields stay as written."""
    parts: list[str] = []
    for literal, field, spec, conversion in Formatter().parse(template):
        parts.append(literal)
        if field is None:
            continue
        if field in values and not spec and not conversion:
            parts.append(str(values[field]))
        else:
            parts.append("{" + field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}")
    return "".join(parts)


def placeholders(template: str) -> frozenset[str]:
    """The field names a template uses (for the data tests: translations keep the English fields)."""
    return frozenset(field for _, field, _, _ in Formatter().parse(template) if field is not None)


def direction(language: str) -> str:
    """``"rtl"`` or ``"ltr"``, as the locale file declares it."""
    return text(language, "meta.direction")


def language_names() -> dict[str, str]:
    """Each supported language's own name (``{"de": "Deutsch", ...}``), for a manual language choice."""
    return {language: text(language, "meta.name") for language in supported_languages()}


def localize_errors(errors: Mapping[str, str], language: str) -> dict[str, str]:
    """Turn :func:`holdguide.guidance.details.validate_details`'s error keys (``email-invalid``) into sentences."""
    language = resolve_language(language)
    return {field: text(language, f"errors.{key}") for field, key in errors.items()}
