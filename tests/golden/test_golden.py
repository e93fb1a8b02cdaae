"""Golden fixtures: every folder here is one real (or marked constructed) page or message and its label.

A folder holds ``page.html`` or ``message.txt`` and ``expected.json`` (url, situation, marketplace, phishing,
language, optional subtype, source citation, optional xfail). One parametrised test walks the folders; a known
miss is listed as an expected failure with its reason in ``expected.json``, never fixed by changing the label.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from holdguide.detection import detect
from holdguide.inputs import page_from_path
from holdguide.model import SITUATIONS

HERE = Path(__file__).parent
FOLDERS = sorted(p for p in HERE.iterdir() if (p / "expected.json").is_file())
QUALITIES = {"verbatim", "assembled", "paraphrase", "constructed"}


def load(folder: Path):
    """The expected label and the PageInput of one fixture folder, read the way the CLI reads them."""
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    source = folder / "page.html" if (folder / "page.html").exists() else folder / "message.txt"
    return expected, page_from_path(source, url=expected["url"])


def _param(folder: Path):
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    marks = [pytest.mark.xfail(reason=expected["xfail"], strict=True)] if expected.get("xfail") else []
    return pytest.param(folder, id=folder.name, marks=marks)


@pytest.mark.parametrize("folder", [_param(f) for f in FOLDERS])
def test_fixture_is_detected_as_labelled(folder):
    expected, page = load(folder)
    got = detect(page)
    want = (expected["situation"], expected["marketplace"], expected["phishing"], expected["language"])
    assert (got.situation, got.marketplace, got.phishing, got.language) == want, got
    if "subtype" in expected:
        assert got.subtype == expected["subtype"]
    if got.situation != "none":
        assert got.evidence, "a verdict names the phrases that decided it"
    if got.phishing:
        assert got.phishing_reasons


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_fixture_is_well_formed(folder):
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert expected["situation"] in SITUATIONS
    assert expected["source"]["quality"] in QUALITIES
    assert expected["source"]["url"].startswith("http") and expected["source"]["title"] and expected["source"]["note"]
    files = {p.name for p in folder.iterdir()} - {"expected.json"}
    assert files in ({"page.html"}, {"message.txt"})
    if "page.html" in files:
        html = (folder / "page.html").read_text(encoding="utf-8")
        assert html.startswith("<!-- Source:"), "a page cites its source in a leading comment"
        assert len(html.encode("utf-8")) < 20_000
        assert "<script" not in html.lower()
        external = re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html, re.IGNORECASE)
        assert not external, "no external resources"
    else:
        assert expected["url"] is None


def test_the_fixture_set_is_broad_enough():
    labels = [json.loads((f / "expected.json").read_text(encoding="utf-8")) for f in FOLDERS]
    assert len(labels) >= 60
    assert sum(label["situation"] == "none" for label in labels) >= 20
    assert sum(label["phishing"] for label in labels) >= 10
    assert len({label["language"] for label in labels}) >= 8
    held = {label["situation"] for label in labels if label["situation"] != "none"}
    assert held == set(SITUATIONS) - {"none"}
