"""Read a saved HTML page the way the popup reads a live one, into a :class:`PageInput`.

The popup reads a live page as ``document.body.innerText`` plus ``<html lang>`` and ``document.title``
(``extension/content/collect.js``). For static HTML we come as close as a parser can without CSS: the text
of every element that would render, skipping ``script``, ``style``, ``template``, ``noscript`` (scripts run in
the browser, so it never shows), ``head``, elements with the ``hidden`` attribute and inline
``display:none`` / ``visibility:hidden``. Block elements end a line, as ``innerText`` does.

Where a text came from is told only by the caller's URL or, for an e-mail, by its From: header and its link
targets. Canonical and og:url tags are ignored on purpose: a phishing page can claim any of them.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

from holdguide.model import PageInput
from holdguide.page_request import FIELDS, FORMS, page_from_request

_SKIPPED = frozenset({"script", "style", "template", "noscript", "head", "title", "svg", "iframe", "object"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                   "wbr"})
_BLOCK = frozenset((
    "address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tr", "ul", "option", "button", "label", "td", "th",
))
_MAX_LINKS = 1_000  # link targets kept from one page or mail; the page request keeps fewer, a mail's origin all
_HEADINGS = frozenset({"h1", "h2", "h3", "h4"})
# Amazon's alert boxes (its "a-alert" component: heading and content) and ARIA alerts, as collect.js reads them.
_ALERT_CLASSES = frozenset({"a-alert-heading", "a-alert-content"})
_ALERT_ROLES = frozenset({"alert", "alertdialog"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
class _VisibleText(HTMLParser):
    """Collects visible text, the ``<html lang>``, the title, link targets and Amazon's page structure.

    The structure is what ``collect.js`` sends beside the text (docs/contract.md, "Page request"): visible alert-box
    and ``h1``-``h4`` texts, and each form's action and field attributes.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.lang: str | None = None
        self.title = ""
        self.links: list[str] = []
        self.alerts: list[str] = []
        self.headings: list[str] = []
        self.forms: list[dict[str, Any]] = []  # the page request's shape: {action, fields: [{name, type, ...}]}
        self._stack: list[tuple[str, bool]] = []  # (tag, hides its content)
        # Open alert or heading elements: (tag, index into parts, list it goes to, its slot there). The slot is
        # taken at the start tag, so the lists keep page order (a container before its heading), as collect.js's.
        self._captures: list[tuple[str, int, list[str], int]] = []
        self._hidden_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "html" and attributes.get("lang"):
            self.lang = attributes["lang"].strip() or None
        if tag == "a" and attributes.get("href") and len(self.links) < _MAX_LINKS:
            self.links.append(attributes["href"].strip())
        if tag == "title":
            self._in_title = True
        self._collect_form(tag, attributes)
        if tag in _VOID:
            if tag == "br":
                self.parts.append("\n")
            return
        hides = tag in _SKIPPED or "hidden" in attributes or bool(_HIDDEN_STYLE.search(attributes.get("style", "")))
        self._stack.append((tag, hides))
        self._hidden_depth += hides
        if tag in _BLOCK:
            self.parts.append("\n")
        if self._hidden_depth == 0:
            for target in self._structure_lists(tag, attributes):
                target.append("")
                self._captures.append((tag, len(self.parts), target, len(target) - 1))

    def _structure_lists(self, tag: str, attributes: dict[str, str]) -> list[list[str]]:
        """The structure lists an element's text goes to: alert boxes, headings, both (an ``h4`` alert heading)."""
        classes = attributes.get("class", "").split()
        alert = _ALERT_CLASSES.intersection(classes) or attributes.get("role", "").strip().lower() in _ALERT_ROLES
        return [*([self.alerts] if alert else []), *([self.headings] if tag in _HEADINGS else [])]

    def _collect_form(self, tag: str, attributes: dict[str, str]) -> None:
        """Forms and their fields' attributes, bounded as the page request is (no values: a saved page has none
        we would want)."""
        if tag == "form" and len(self.forms) < FORMS:
            self.forms.append({"action": attributes.get("action", ""), "fields": []})
        elif tag in ("input", "select", "textarea") and self.forms and len(self.forms[-1]["fields"]) < FIELDS:
            self.forms[-1]["fields"].append({"name": attributes.get("name", ""), "type": attributes.get("type", tag),
                                             "autocomplete": attributes.get("autocomplete", "")})

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        # Close up to the matching open tag; broken HTML leaves strays, which we tolerate.
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                for _, hides in self._stack[index:]:
                    self._hidden_depth -= hides
                del self._stack[index:]
                break
        if tag in _BLOCK:
            self.parts.append("\n")
        while self._captures and self._captures[-1][0] == tag:
            _, start, target, slot = self._captures.pop()
            target[slot] = " ".join("".join(self.parts[start:]).split())

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif self._hidden_depth == 0:
            self.parts.append(data)

    def text(self) -> str:
        lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(self.parts).split("\n"))
        return "\n".join(line for line in lines if line)


def _defuse_unclosed_tags(html: str) -> str:
    """Escape every ``<`` that another ``<`` follows before any ``>``, and a last one never closed.

    Python's HTMLParser rescans to the next ``>`` for each unclosed ``<``: ``"<a " * 60_000`` took minutes
    (quadratic). Such a ``<`` can never start a tag that closes where the parser thinks, so as text it is read
    the same; well-formed pages are unchanged. One pass, linear.
    """
    pending: int | None = None
    escape: list[int] = []
    for bracket in re.finditer(r"[<>]", html):
        if bracket.group() == ">":
            pending = None
            continue
        if pending is not None:
            escape.append(pending)
        pending = bracket.start()
    if pending is not None:
        escape.append(pending)
    if not escape:
        return html
    parts, last = [], 0
    for index in escape:
        parts += [html[last:index], "&lt;"]
        last = index + 1
    return "".join([*parts, html[last:]])


def parse_html(html: str) -> _VisibleText:
    parser = _VisibleText()
    parser.feed(_defuse_unclosed_tags(html))
    parser.close()
    return parser


def page_from_html(html: str, url: str | None = None) -> PageInput:
    """The page as the popup reads it: visible text, ``lang``, title, links and structure (contract.md)."""
    parser = parse_html(html)
    links = [_resolve(url, link) if url else link for link in parser.links]
    # Through the page request's own limits, so the CLI sees what the popup's reader would send.
    return page_from_request({
        "text": parser.text(), "url": url, "title": parser.title.strip(), "lang": parser.lang,
        "links": links, "alerts": parser.alerts, "headings": parser.headings, "forms": parser.forms,
    })


def _resolve(base: str, link: str) -> str:
    """A link target as the browser's ``a.href`` gives it: resolved against the page's URL. ``urljoin`` drops an
    empty fragment (``href="#"``), which a browser keeps (WHATWG URL)."""
    resolved = urljoin(base, link)
    return resolved + "#" if link.endswith("#") and not resolved.endswith("#") else resolved
