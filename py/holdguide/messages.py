"""Read a message, an e-mail or an SMS, into a :class:`PageInput`: one reader for the CLI and the popup.

Two shapes reach us, and both end in the same value:

- a raw e-mail (an ``.eml`` file, "show original" in a mail program): read by the standard library's ``email``
  package, which undoes MIME parts, quoted-printable and base64 and decodes encoded headers
  (``=?utf-8?b?...?=``), so a From: line padded with invisible marks or encoded words reads as it displays;
- text copied from a mail program or a phone: a few header lines in the reader's language ("Von:",
  "Betreff:", "差出人:"), then the body.

Only the From: header and the link targets hint at where a message comes from, and both can be forged:
:mod:`holdguide.detection.phishing` treats them as hints, never as proof. In an HTML body the link TARGETS are
read (what the browser would open), not the text shown for them.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage

from holdguide.extract import parse_html
from holdguide.model import PageInput

_URL = re.compile(r"""\bhttps?://[^\s<>"'()\[\]{}]+""", re.IGNORECASE)
# Header names a mail program shows when a message is copied whole, in the languages we plan in.
_HEADER = re.compile(
    r"^(from|von|de|da|van|från|od|kimden|من|差出人|to|an|à|a|aan|till|do|kime|إلى|宛先|subject|betreff|objet|"
    r"asunto|oggetto|onderwerp|ämne|temat|konu|assunto|الموضوع|件名|date|datum|fecha|data|tarih|التاريخ|日付|"
    r"sent|gesendet|envoyé|enviado|inviato|verzonden|skickat|wysłano|gönderildi|reply-to|cc)\s*:",
    re.IGNORECASE,
)
_FROM = re.compile(r"^(from|von|de|da|van|från|od|kimden|من|差出人)\s*:\s*(.+)$", re.IGNORECASE)
_SUBJECT = re.compile(r"^(subject|betreff|objet|asunto|oggetto|onderwerp|ämne|temat|konu|assunto|الموضوع|件名)\s*:",
                      re.IGNORECASE)
# Headers only a raw message carries (RFC 5322 trace and MIME fields): then the email package reads it.
_RAW = re.compile(r"^(received|return-path|mime-version|content-type|message-id|delivered-to|dkim-signature|"
                  r"authentication-results|x-[\w-]+)\s*:", re.IGNORECASE | re.MULTILINE)
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u034f\u115f\u1160"
                        "\u3164\uffa0]")


def looks_like_message(raw: str) -> bool:
    """True when the text starts with mail headers (From:, Subject:...), as a copied e-mail does."""
    head = [line for line in raw.lstrip("\ufeff").splitlines()[:12] if line.strip()][:6]
    return sum(bool(_HEADER.match(line.strip())) for line in head) >= 2 or any(
        _FROM.match(line.strip()) for line in head[:3]
    ) or is_raw_email(raw)


def is_raw_email(raw: str) -> bool:
    """A raw RFC 5322 message: trace or MIME headers in its header block (before the first blank line)."""
    header_block = raw.lstrip("\ufeff").split("\n\n", 1)[0][:20_000]
    return bool(_RAW.search(header_block)) and bool(re.search(r"^from\s*:", header_block, re.IGNORECASE | re.M))


def page_from_message(raw: str) -> PageInput:
    """A pasted or saved message (see the module docstring)."""
    if is_raw_email(raw):
        return _from_raw_email(raw)
    return _from_pasted(raw)


def _body_page(subject: str, body: str, sender: str | None, html: bool) -> PageInput:
    links: list[str]
    if html or re.search(r"<(html|body|a\s|div|p[\s>]|table)", body, re.IGNORECASE):
        parser = parse_html(body)
        text = parser.text()
        links = [*parser.links, *_URL.findall(text)]
    else:
        text, links = body, _URL.findall(body)
    text = f"{subject}\n{text}" if subject else text
    return PageInput(text=text.strip(), sender=sender, links=tuple(dict.fromkeys(links)), kind="message")


def _clean_header(value: object) -> str:
    """A decoded header without the invisible marks a fake pads its sender name with."""
    return " ".join(_INVISIBLE.sub("", str(value or "")).split())


def _from_raw_email(raw: str) -> PageInput:
    message = email.message_from_string(raw.lstrip("\ufeff"), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    part = message.get_body(preferencelist=("html", "plain"))
    try:
        body = part.get_content() if part is not None else ""
    except (LookupError, ValueError):  # an unknown charset or a broken transfer encoding: read it as text
        payload = part.get_payload(decode=True) if part is not None else b""
        body = payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else str(payload)
    html = part is not None and part.get_content_subtype() == "html"
    sender = _clean_header(message.get("From")) or None
    return _body_page(_clean_header(message.get("Subject")), str(body), sender, html)


def _from_pasted(raw: str) -> PageInput:
    sender: str | None = None
    subject = ""
    body_lines: list[str] = []
    in_headers = True
    for line in raw.lstrip("\ufeff").splitlines():
        stripped = line.strip()
        if in_headers and _HEADER.match(stripped):
            found = _FROM.match(stripped)
            if found and sender is None:
                sender = _clean_header(found.group(2))
            if _SUBJECT.match(stripped):
                subject = stripped.split(":", 1)[1].strip()
            continue
        if stripped:
            in_headers = False
        body_lines.append(line)
    return _body_page(subject, "\n".join(body_lines), sender, False)
