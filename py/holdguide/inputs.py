"""What the CLI is given, read as a page or a message: a saved page (.html), a message (.txt) or stdin.

The content decides when the name does not: a doctype or html tag is a page (:mod:`holdguide.extract`), mail
headers make a message (:mod:`holdguide.messages`), anything else is the text of a page.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from holdguide.extract import page_from_html
from holdguide.messages import looks_like_message, page_from_message
from holdguide.model import PageInput


def page_from_path(path: str | Path, url: str | None = None) -> PageInput:
    """Read a file given to the CLI (``-`` is stdin). Raises OSError for a file that cannot be read.

    Bytes are decoded as UTF-8 with replacement, whatever the locale says: a pasted mail with a broken byte is
    still read (issue 9: invalid UTF-8 on stdin under a strict locale ended in a traceback)."""
    if str(path) == "-":  # stdin: no file name to go by, so the content says whether it is HTML
        stream = getattr(sys.stdin, "buffer", None)
        raw = stream.read().decode("utf-8", errors="replace") if stream else sys.stdin.read()
        return page_from_text(raw, url=url)
    raw = Path(path).read_bytes().decode("utf-8", errors="replace")
    return page_from_text(raw, url=url, html=True if str(path).lower().endswith((".html", ".htm")) else None)


def _starts_like_html(raw: str) -> bool:
    """Whether ``raw`` opens with a doctype or an html/head/body tag, after blanks and comments (no regex
    backtracking: stacked comments made the old pattern exponential)."""
    position = 0
    while True:
        while position < len(raw) and raw[position].isspace():
            position += 1
        if not raw.startswith("<!--", position):
            break
        end = raw.find("-->", position + 4)
        if end < 0:
            return False
        position = end + 3
    return bool(re.match(r"<(!doctype|html|head|body)\b", raw[position:position + 16], re.IGNORECASE))


def page_from_text(raw: str, url: str | None = None, html: bool | None = None) -> PageInput:
    """Decide what a raw text is: HTML page, e-mail, or plain page text."""
    if html is None:
        html = _starts_like_html(raw)
    if html:
        return page_from_html(raw, url=url)
    if url is None and looks_like_message(raw):
        return page_from_message(raw)
    return PageInput(text=raw.strip(), url=url)
