"""Amazon's page structure as language-free evidence (``data/detection/structure.toml``).

What the URL and the page's forms say, whatever language the page is in: Amazon's hold portal
(``account-status.amazon.*``) shows holds; its sign-in and account pages (``/ap/signin``, ``/ap/cvf/``,
``/ap/forgotpassword``) are where short alert headings announce a lock; its help pages (``/gp/help/``) are
ABOUT holds; a file field asks for a document. Each cue cites where it comes from. Host cues count only on an
official Amazon host (a look-alike can copy any path); path and form cues count anywhere, since a fake that
copies Amazon's sign-in page imitates its situation too. The alert boxes and headings themselves are read as
text blocks by :mod:`.classify`.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from holdguide.datafiles import load_toml
from holdguide.model import PageInput


@functools.cache
def cues() -> dict[str, Any]:
    return load_toml("detection/structure.toml")


@dataclass
class Structure:
    """What the structure of one page says."""

    priors: dict[str, float] = field(default_factory=lambda: defaultdict(float))  # situation -> weight
    guard: float = 0.0  # subtracted from every situation (a help page, another service)
    notice_page: bool = False  # an account page, where a short line on its own is a notice
    cues: list[str] = field(default_factory=list)  # the ids that applied, for evidence and tests


def _path(url: str | None) -> str:
    try:
        return urlsplit(url or "").path.lower() or "/"
    except ValueError:
        return "/"


def _url_cue_applies(cue: dict[str, Any], host: str | None, path: str, official: bool) -> bool:
    hosts = cue.get("hosts", ())
    if hosts and not (official and host and host.startswith(tuple(hosts))):
        return False
    paths = cue.get("paths", ())
    if paths and not path.startswith(tuple(paths)):
        return False
    return bool(hosts or paths) and (official or not cue.get("official_only", False))


def _form_cue_applies(cue: dict[str, Any], page: PageInput) -> bool:
    types = set(cue.get("field_types", ()))
    actions = tuple(cue.get("actions", ()))
    for form in page.forms:
        if actions and not any(a in form.action.lower() for a in actions):
            continue
        if not types or any(f.type.lower() in types for f in form.fields):
            return True
    return False


def read_structure(page: PageInput, host: str | None, official: bool) -> Structure:
    """The structure cues of ``page`` (``host`` as parsed, ``official`` when it is Amazon's own)."""
    found = Structure()
    path = _path(page.url)
    applied = [c for c in cues().get("url", ()) if _url_cue_applies(c, host, path, official)]
    applied += [c for c in cues().get("form", ()) if _form_cue_applies(c, page)]
    for cue in applied:
        found.cues.append(cue["id"])
        for situation, weight in cue.get("situations", {}).items():
            found.priors[situation] += float(weight)
        found.guard += float(cue.get("guard", 0.0))
        found.notice_page = found.notice_page or bool(cue.get("notice_page", False))
    return found
