"""The terminal rendering of a plan (the CLI without --json): everything the JSON says, readable."""

from __future__ import annotations

from holdguide.guidance.plan import build_plan
from holdguide.guidance.render_text import render_plan
from holdguide.guidance.texts import load
from holdguide.marketplaces import by_domain
from holdguide.model import Details

DETAILS = Details(name="Jan Kowalski", email="jan@example.pl", order="405-1234567-1234567")


def test_every_step_is_numbered_with_its_links() -> None:
    plan = build_plan("security-lock", by_domain("amazon.pl"), "pl", DETAILS)
    rendered = render_plan(plan)
    for number, step in enumerate(plan["steps"], start=1):
        assert f"{number}. {step['title']}" in rendered
        assert step["text"] in rendered
        assert all(link["label"] in rendered for link in step["links"])
    assert "https://www.amazon.pl/gp/help/customer/contact-us" in rendered


def test_headings_are_the_plans_own_in_its_language() -> None:
    plan = build_plan("account-closed", by_domain("amazon.pl"), "pl", DETAILS)
    rendered = render_plan(plan)
    polish = load("pl")
    for key in ("steps", "warnings", "prepare", "avoid", "reasons", "tips", "prevention"):
        assert plan["headings"][key] == polish[f"headings.{key}"] and polish[f"headings.{key}"] in rendered


def test_emails_show_address_and_subject_not_the_encoded_url() -> None:
    plan = build_plan("security-lock", by_domain("amazon.pl"), "pl", DETAILS)
    rendered = render_plan(plan)
    assert "mailto:cs-reply" not in rendered and "%20" not in rendered.split("x.com")[0]
    assert "cs-reply@amazon.pl" in rendered
    assert load("pl")["subject.security-lock"].format(domain="amazon.pl") in rendered


def test_the_reasons_the_page_names_are_marked() -> None:
    plan = build_plan("account-closed", by_domain("amazon.de"), "en", DETAILS, suggested_reasons=("returns",))
    rendered = render_plan(plan)
    assert f"{load('en')['reasons.returns']} ({load('en')['render.suggested']})" in rendered
    assert f"{load('en')['reasons.bulk-orders']} (" not in rendered


def test_a_phishing_plan_has_no_empty_sections() -> None:
    rendered = render_plan(build_plan("none", None, "en", DETAILS, phishing=True))
    assert load("en")["headings.reasons"] not in rendered and load("en")["headings.tips"] not in rendered
    assert load("en")["headings.prepare"] not in rendered and load("en")["headings.avoid"] not in rendered
    assert rendered.endswith("\n") and not rendered.endswith("\n\n")
