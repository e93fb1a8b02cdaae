"""The page request (docs/contract.md, "Page request") is data from a web page: only the expected types are kept,
every list and string is bounded, and nothing malformed raises."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from holdguide import page_request as limits
from holdguide.extract import page_from_html
from holdguide.model import Form, FormField
from holdguide.page_request import ALERTS, FIELDS, FORMS, HEADINGS, LINKS, MAX_TEXT, page_from_request


def test_a_full_request_becomes_a_page() -> None:
    page = page_from_request({
        "url": "https://www.amazon.de/ap/signin", "title": "Amazon", "lang": "de-DE", "text": "Hallo",
        "alerts": ["Konto gesperrt", "Konto gesperrt", "  "], "headings": ["Anmelden"],
        "forms": [{"action": "/ap/signin", "fields": [{"name": "password", "type": "password"}]}],
        "links": ["https://www.amazon.de/"],
    })
    assert page.alerts == ("Konto gesperrt",)  # distinct, blanks dropped
    assert page.headings == ("Anmelden",)
    assert page.forms == (Form("/ap/signin", (FormField("password", "password", ""),)),)
    assert page.links == ("https://www.amazon.de/",)
    assert page.lang == "de-DE"


def test_an_old_request_with_text_only_still_works() -> None:
    page = page_from_request({"url": "https://www.amazon.com/", "text": "Hello"})
    assert (page.alerts, page.headings, page.forms, page.links) == ((), (), (), ())


@pytest.mark.parametrize("bad", [
    {"alerts": "not a list"}, {"alerts": [1, None, {"x": 1}]}, {"forms": [None, "x", {"fields": "no"}]},
    {"forms": {"action": "/"}}, {"links": [["nested"]]}, {"text": 5, "url": ["x"], "lang": 3},
])
def test_malformed_fields_count_as_absent(bad: dict) -> None:
    page = page_from_request(bad)
    assert page.alerts == () and page.links == () and page.text == ""
    assert all(isinstance(form, Form) and not form.fields for form in page.forms)


def test_every_list_and_string_is_bounded() -> None:
    flood = [f"alert {i} " + "x" * 10_000 for i in range(1_000)]
    field = {"name": "n" * 1_000, "type": "t", "autocomplete": "a"}
    page = page_from_request({
        "text": "y" * (MAX_TEXT * 2), "alerts": flood, "headings": flood, "links": flood,
        "forms": [{"action": "a" * 10_000, "fields": [field] * 1_000}] * 100,
    })
    assert len(page.text) == MAX_TEXT
    assert len(page.alerts) == ALERTS[0] and max(map(len, page.alerts)) <= ALERTS[1]
    assert len(page.headings) == HEADINGS[0] and max(map(len, page.headings)) <= HEADINGS[1]
    assert len(page.links) == LINKS[0] and max(map(len, page.links)) <= LINKS[1]
    assert len(page.forms) == FORMS and all(len(f.fields) == FIELDS for f in page.forms)


def test_saved_html_gives_the_same_structure_as_the_reader() -> None:
    html = """<html lang="en"><body>
      <div class="a-box a-alert a-alert-warning" role="alert"><div class="a-box-inner a-alert-container">
        <h4 class="a-alert-heading">Account on hold temporarily</h4>
        <div class="a-alert-content">We noticed unusual payment activity.</div></div></div>
      <h1>Verify</h1><h5>not a heading we read</h5>
      <div class="a-alert-heading" style="display:none">There was a problem</div>
      <form action="/ap/cvf/verify"><input name="code" type="text" autocomplete="one-time-code"><select name="x">
      </select></form>
      <a href="/gp/help/customer/contact-us">Contact us</a>
    </body></html>"""
    page = page_from_html(html, url="https://www.amazon.com/ap/signin")
    assert page.alerts == (
        "Account on hold temporarily We noticed unusual payment activity.",  # the role=alert box, first in order
        "Account on hold temporarily",
        "We noticed unusual payment activity.",
    )
    assert page.headings == ("Account on hold temporarily", "Verify")
    assert page.forms == (Form("/ap/cvf/verify", (FormField("code", "text", "one-time-code"),
                                                   FormField("x", "select", ""))),)
    assert page.links == ("https://www.amazon.com/gp/help/customer/contact-us",)


def test_the_documented_limits_are_the_ones_enforced() -> None:
    """docs/contract.md's "Page request" table states each field's limit; page_request.py enforces it. A limit
    changed in one place and not the other would mislead whoever writes the next page reader."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "contract.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(" `"): line.split("|")[3].strip() for line in doc.splitlines()
            if line.startswith("| `")}

    def numbers(cell: str) -> list[int]:
        return [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", cell)]

    assert numbers(rows["url"]) == [limits.MAX_URL]
    assert numbers(rows["title"]) == [limits.MAX_TITLE]
    assert numbers(rows["lang"]) == [limits.MAX_LANG]
    assert numbers(rows["text"]) == [limits.MAX_TEXT]
    assert numbers(rows["alerts"]) == list(limits.ALERTS)
    assert numbers(rows["headings"]) == list(limits.HEADINGS)
    assert numbers(rows["links"]) == list(limits.LINKS)
    assert numbers(rows["forms"]) == [limits.FORMS, limits.FIELDS, limits.ACTION, limits.ATTRIBUTE]
