"""The extension's own UI strings: extension/_locales/<code>/messages.json.

English is the reference. Every other locale must offer exactly its keys, in its order, with the same placeholders,
and must really be translated. The other half checks the code side: every key the popup, the scripts and the
manifest ask for exists in English, so no label ever falls back to showing its bare key.
Format: https://developer.chrome.com/docs/extensions/how-to/ui/localization-message-formats (checked 2026-11-25).
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXTENSION = ROOT / "extension"
LOCALES_DIR = EXTENSION / "_locales"
REFERENCE = "en"

#: The locales the product ships besides English (the brief of 2026-11-25).
SHIPPED = ("de", "fr", "es", "it", "ja", "nl", "pl", "pt_BR", "sv", "tr", "ar")

#: Messages that may equal English everywhere: the product name is never translated.
SAME_EVERYWHERE = {"extName"}
#: Messages that may equal English in some locales, because that is the right word there (Amazon's own usage).
#: (The case log's channel names lived here; since issue 11 they live once, in Python's texts.)
SAME_IN: dict[str, set[str]] = {}

#: A locale whose messages must be written in its own script (Latin-only text there means "not translated").
SCRIPTS = {"ja": ("HIRAGANA", "KATAKANA", "CJK UNIFIED IDEOGRAPH"), "ar": ("ARABIC",)}

#: Chrome's limits on the localised manifest fields (developer.chrome.com, manifest "name" and "description").
MAX_LENGTH = {"extName": 75, "extDescription": 132}

#: Keys the browser itself defines (e.g. @@bidi_dir, @@ui_locale); never in messages.json.
PREDEFINED = re.compile(r"^@@")
#: $NAME$ in a message names a placeholder; "$$" is an escaped dollar and "$1" a raw substitution.
TOKEN = re.compile(r"\$([A-Za-z0-9_@]+)\$")
#: A call of our wrapper message(key, subs) from lib/platform.js, not api.i18n.getMessage or obj.message(.
MESSAGE_CALL = re.compile(r"(?<![\w.$])message\(")

#: Keys built at run time from a template literal: prefix -> the ids that can follow it. None today: the situation,
#: channel and outcome names that were built this way live once, in Python's texts (issue 11), and reach the popup
#: with Python's answer.
FAMILIES: dict[str, tuple[str, ...]] = {}


@cache
def load(code: str) -> dict:
    """One locale's messages, decoded strictly as UTF-8 (a stray Latin-1 byte must fail here, not in the browser)."""
    raw = (LOCALES_DIR / code / "messages.json").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), f"{code}: messages.json starts with a byte-order mark"
    return json.loads(raw.decode("utf-8"))


def locales() -> list[str]:
    """Every locale folder on disk except the reference."""
    return sorted(p.name for p in LOCALES_DIR.iterdir() if p.is_dir() and p.name != REFERENCE)


def placeholders(entry: dict) -> dict:
    """A message's declared placeholders, by name."""
    return entry.get("placeholders", {})


ENGLISH = load(REFERENCE)
LOCALES = locales()


# --- the locale files -------------------------------------------------------------------------------------------


def test_every_shipped_locale_has_a_folder():
    assert set(SHIPPED) <= set(LOCALES)


def test_english_declares_no_predefined_message():
    assert not [key for key in ENGLISH if PREDEFINED.match(key)]


@pytest.mark.parametrize("code", [REFERENCE, *LOCALES])
def test_every_entry_has_a_non_empty_message(code):
    messages = load(code)
    assert all(isinstance(e.get("message"), str) and e["message"].strip() for e in messages.values())


@pytest.mark.parametrize("code", LOCALES)
def test_locale_has_exactly_the_keys_of_english_in_its_order(code):
    assert list(load(code)) == list(ENGLISH)


@pytest.mark.parametrize("code", LOCALES)
def test_locale_declares_the_same_placeholders_as_english(code):
    messages = load(code)
    differing = [k for k in ENGLISH if k in messages and placeholders(messages[k]) != placeholders(ENGLISH[k])]
    assert differing == []


@pytest.mark.parametrize("code", [REFERENCE, *LOCALES])
def test_every_token_is_declared_and_every_placeholder_used(code):
    for key, entry in load(code).items():
        declared = {name.lower() for name in placeholders(entry)}  # Chrome matches placeholder names case-blind
        used = {name.lower() for name in TOKEN.findall(entry["message"])}
        assert used == declared, f"{code}/{key}: uses {sorted(used)}, declares {sorted(declared)}"


@pytest.mark.parametrize("code", LOCALES)
def test_locale_is_translated(code):
    messages = load(code)
    same = {k for k in ENGLISH if k in messages and messages[k]["message"] == ENGLISH[k]["message"]}
    allowed = SAME_EVERYWHERE | {k for k, codes in SAME_IN.items() if code in codes}
    assert same - allowed == set()


@pytest.mark.parametrize(("code", "scripts"), SCRIPTS.items())
def test_locale_is_written_in_its_own_script(code, scripts):
    def in_script(text: str) -> bool:
        return any(unicodedata.name(ch, "").startswith(scripts) for ch in text)

    messages = load(code)
    latin_only = [k for k, e in messages.items() if k not in SAME_EVERYWHERE and not in_script(e["message"])]
    assert latin_only == []


@pytest.mark.parametrize("code", [REFERENCE, *LOCALES])
def test_manifest_fields_fit_chrome_limits(code):
    messages = load(code)
    lengths = {key: len(messages[key]["message"]) for key in MAX_LENGTH}
    assert {key: n for key, n in lengths.items() if n > MAX_LENGTH[key]} == {}


@pytest.mark.parametrize("code", LOCALES)
def test_product_name_stays_untranslated(code):
    assert load(code)["extName"]["message"] == ENGLISH["extName"]["message"]


# --- the keys the code asks for ---------------------------------------------------------------------------------


def skip_quoted(src: str, i: int) -> int:
    """Index just past the string or template literal that starts at src[i], minding escapes and ${...}."""
    quote, j = src[i], i + 1
    while src[j] != quote:
        if src[j] == "\\":
            j += 2
        elif quote == "`" and src.startswith("${", j):
            j = skip_bracketed(src, j + 1)
        else:
            j += 1
    return j + 1


def skip_bracketed(src: str, i: int) -> int:
    """Index just past the bracket group that opens at src[i]."""
    depth, j = 0, i
    while True:
        ch = src[j]
        if ch in "\"'`":
            j = skip_quoted(src, j)
            continue
        depth += ch in "([{"
        depth -= ch in ")]}"
        j += 1
        if depth == 0:
            return j


def literals_of_first_argument(src: str, start: int) -> list[str]:
    """The string and template literals at the top level of the argument that starts at src[start].

    A template literal is returned raw (with its backticks) so the caller can tell "channel_${id}" from "copied";
    anything else (an identifier, a property) yields nothing: that key is dynamic and checked elsewhere.
    """
    found, j = [], start
    while src[j] not in ",)":
        if src[j] in "\"'`":
            end = skip_quoted(src, j)
            found.append(src[j:end])
            j = end
        elif src[j] in "([{":
            j = skip_bracketed(src, j)
        else:
            j += 1
    return found


def keys_of_literal(literal: str) -> list[str]:
    """The message keys a literal can stand for: itself, or every member of its template family."""
    body = literal[1:-1]
    if not literal.startswith("`") or "${" not in body:
        return [body]
    prefix = body.split("${", 1)[0]
    assert prefix in FAMILIES, f"a template key with an unknown family: {literal}"
    return [prefix + member for member in FAMILIES[prefix]]


def keys_in_script(src: str) -> list[str]:
    """The keys one script passes to message(...)."""
    literals = (lit for call in MESSAGE_CALL.finditer(src) for lit in literals_of_first_argument(src, call.end()))
    return [key for literal in literals for key in keys_of_literal(literal)]


@cache
def keys_used_in_scripts() -> dict[str, set[str]]:
    """Every key passed to message(...) in extension/**/*.js, with the files that ask for it."""
    used: dict[str, set[str]] = {}
    for path in sorted(EXTENSION.rglob("*.js")):
        if "vendor" in path.parts or "node_modules" in path.parts:
            continue
        for key in keys_in_script(path.read_text("utf-8")):
            used.setdefault(key, set()).add(str(path.relative_to(EXTENSION)))
    return used


def keys_used_in_popup_html() -> set[str]:
    """The popup's and the options page's data-i18n keys (both are localised the same way)."""
    pages = (EXTENSION / "popup" / "popup.html", EXTENSION / "options" / "options.html")
    return {key for page in pages for key in re.findall(r'data-i18n(?:-[\w-]+)?="([^"]+)"', page.read_text("utf-8"))}


def keys_used_in_manifest() -> set[str]:
    return set(re.findall(r"__MSG_(\w+?)__", (ROOT / "manifest.json").read_text("utf-8")))


def missing_from_english(keys) -> list[str]:
    return sorted(k for k in keys if not PREDEFINED.match(k) and k not in ENGLISH)


def test_the_script_scan_finds_the_keys_it_should(monkeypatch):
    """Guards the scanner itself: a literal key, a ternary and a template family are all seen."""
    monkeypatch.setitem(FAMILIES, "demo_", ("done", "failed"))
    src = 'message(a ? "x" : "y", [1]); message(`demo_${o}`); message(node.dataset.i18n); getMessage("z")'
    assert keys_in_script(src) == ["x", "y", "demo_done", "demo_failed"]


def test_the_words_inside_a_plan_and_the_case_log_are_not_here():
    """They come from Python in the plan's language (issue 11); only the popup's own chrome stays in _locales."""
    moved = [key for key in ENGLISH if key.startswith(("situation_", "channel_", "outcome_"))
             or key in {"warningsTitle", "reasonsTitle", "tipsTitle", "preventionTitle", "caseLogEmpty"}]
    assert moved == []


def test_every_key_asked_for_in_scripts_exists_in_english():
    used = keys_used_in_scripts()
    assert used, "no message(...) call found: the scan is broken"
    assert {k: sorted(used[k]) for k in missing_from_english(used)} == {}


def test_every_data_i18n_key_in_the_popup_exists_in_english():
    used = keys_used_in_popup_html()
    assert used, "no data-i18n attribute found: the scan is broken"
    assert missing_from_english(used) == []


def test_every_data_i18n_key_in_the_check_page_exists_in_english():
    used = set(re.findall(r'data-i18n(?:-[\w-]+)?="([^"]+)"', (EXTENSION / "check" / "check.html").read_text("utf-8")))
    assert used, "no data-i18n attribute found: the scan is broken"
    assert missing_from_english(used) == []


def test_every_manifest_message_exists_in_english():
    assert missing_from_english(keys_used_in_manifest()) == []
