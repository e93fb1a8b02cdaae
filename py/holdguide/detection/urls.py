"""Read a URL's host the way a browser does (the WHATWG URL Standard), not the way ``urllib`` does.

A phishing link is built to be read one way by a filter and another way by the browser that follows it:
``https://evil.com\\@www.amazon.com/`` is evil.com to a browser (for http(s) a backslash is a slash, so the
authority ends before the ``@``) but amazon.com to ``urlsplit``; ``https://www.amazon.com%2everify-login.net/``
is the host ``www.amazon.com.verify-login.net`` once percent-decoded. So the host is found as the standard
says (https://url.spec.whatwg.org/#concept-basic-url-parser, the parts that decide the host):

1. strip leading and trailing C0 controls and spaces, remove tabs and newlines anywhere;
2. read the scheme; for the special schemes (http, https, ws, wss, ftp) a backslash counts as a slash, and
   any number of slashes may follow the colon;
3. the authority ends at the first ``/``, ``?`` or ``#`` (or backslash); the user info is everything up to
   its LAST ``@`` and is dropped; a port is dropped;
4. the host is percent-decoded, mapped (lower case, NFKC: the IDNA mapping) and converted to ASCII
   (punycode); a host with a forbidden code point, or that does not convert, fails;
5. a host whose last label is a number is an IPv4 address (decimal, ``0x`` hex or ``0`` octal parts, as
   browsers accept ``http://3232235521/``), written back in dotted form; ``[...]`` is an IPv6 address.

:func:`parse_host` answers the host, ``None`` when the URL has no host (``mailto:``, a relative path), or
:data:`INVALID` when a host is there but cannot be parsed: such a link counts as foreign, never dropped.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from typing import Final
from urllib.parse import unquote

SPECIAL = frozenset({"http", "https", "ws", "wss", "ftp"})
INVALID: Final = "\x00invalid"  # a host was there but a browser would not load it
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# https://url.spec.whatwg.org/#forbidden-domain-code-point (after percent-decoding)
_FORBIDDEN = frozenset("\x00\t\n\r #/:<>?@[\\]^|%\x7f") | frozenset(chr(c) for c in range(0x20))


def _clean(url: str) -> str:
    return re.sub(r"[\t\n\r]", "", url.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"
                                             "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "))


def _authority(url: str) -> str | None:
    """The authority part of ``url`` as a browser delimits it, or None when the URL has none."""
    found = _SCHEME.match(url)
    if found is None:
        # No scheme: a written host ("www.amazon.de/x", "amazon-login.com") reads as http.
        if url.startswith(("/", "\\", ".")) or not url:
            return None
        url = "http://" + url
        found = _SCHEME.match(url)
        assert found is not None
    scheme = found.group(1).lower()
    rest = url[found.end():]
    if scheme in SPECIAL:
        rest = rest.lstrip("/\\")
        end = re.search(r"[/\\?#]", rest)
    else:
        if not rest.startswith("//"):
            return None  # mailto:, tel:, javascript:, data: have no host
        rest = rest[2:]
        end = re.search(r"[/?#]", rest)
    return rest[: end.start()] if end else rest


def _ipv4(host: str) -> str | None:
    """The dotted IPv4 address a browser reads in ``host`` (its last label is a number), else None."""
    labels = host.split(".")
    if labels and labels[-1] == "":
        labels.pop()
    if not labels or not re.fullmatch(r"(0x[0-9a-f]*|[0-9]+)", labels[-1]):
        return None
    numbers = []
    for label in labels:
        try:
            if label.startswith("0x"):
                numbers.append(int(label[2:] or "0", 16))
            elif len(label) > 1 and label.startswith("0"):
                numbers.append(int(label, 8))
            else:
                numbers.append(int(label, 10))
        except ValueError:
            return INVALID
    if len(numbers) > 4 or any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        return INVALID
    value = numbers[-1] + sum(n * 256 ** (3 - i) for i, n in enumerate(numbers[:-1]))
    return str(ipaddress.IPv4Address(value))


def to_ascii(host: str) -> str | None:
    """A decoded host mapped and converted as a browser's IDNA step does; None when it cannot be."""
    mapped = unicodedata.normalize("NFKC", host).lower().rstrip(".")
    if not mapped or len(mapped) > 253 or _FORBIDDEN.intersection(mapped):
        return None
    try:
        ascii_host = mapped if mapped.isascii() else mapped.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    if any(not label or len(label) > 63 for label in ascii_host.split(".")):
        return None
    return ascii_host


def parse_host(url: str | None) -> str | None:
    """The host a browser would connect to for ``url`` (see the module docstring)."""
    if not url or len(url) > 4096:
        return None
    authority = _authority(_clean(url))
    if authority is None:
        return None
    host = authority.rsplit("@", 1)[-1]  # user info ends at the LAST @
    if host.startswith("["):
        inside = host[1:].split("]", 1)[0]
        try:
            return f"[{ipaddress.IPv6Address(inside).compressed}]"
        except ValueError:
            return INVALID
    host = host.rsplit(":", 1)[0] if re.search(r":\d*$", host) else host
    if not host:
        return INVALID
    try:
        decoded = unquote(host, errors="strict") if "%" in host else host
    except UnicodeDecodeError:
        return INVALID
    ascii_host = to_ascii(decoded)
    if ascii_host is None:
        return INVALID
    return _ipv4(ascii_host) or ascii_host


def is_ip(host: str) -> bool:
    """True for an IPv4 or IPv6 literal: no name, so nothing a shopper could check."""
    if host.startswith("["):
        return True
    try:
        ipaddress.IPv4Address(host)
        return True
    except ValueError:
        return False
