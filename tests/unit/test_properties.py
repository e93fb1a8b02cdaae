"""Properties of the core that must hold for ANY input (issue 9), checked with Hypothesis.

- any text, URL and details give a valid answer of the contract's shape, never an exception;
- every link of every plan obeys the contract's link rule: an official host of the marketplace (or Amazon's
  hold portal), ``mailto:`` an Amazon address, ``tel:``, X, or, for a ``rights`` link, an authority host of the
  allow-list kept in the rights data;
- a look-alike host never yields a plan that carries the shopper's personal details.
"""

from __future__ import annotations

import json
from urllib.parse import unquote, urlsplit

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from holdguide.analyze import analyze
from holdguide.datafiles import load_toml
from holdguide.detection.hosts import lookalikes
from holdguide.marketplaces import by_domain, is_official_host
from holdguide.model import SITUATIONS, Details, PageInput

NAME, EMAIL, ORDER = "Erika Mustermann", "erika.mustermann@example.de", "302-1234567-7654321"
DETAILS = Details(name=NAME, email=EMAIL, order=ORDER)
HOLD_TEXTS = ["Your Amazon account has been locked.", "Account on hold temporarily", "Ihr Konto wurde gesperrt.",
              "Amazon account deactivated", "Your Amazon account is locked and order(s) are on hold.",
              "Document submission required", "Password reset required"]
AMAZON_URLS = ["https://www.amazon.com/ap/signin", "https://account-status.amazon.com/", "https://www.amazon.de/",
               "https://www.amazon.co.jp/ap/signin", "http://www.amazon.fr/x"]
FIELDS = {"situation", "subtype", "marketplace", "language", "confidence", "evidence", "phishing",
          "phishing_reasons", "phishing_codes", "plan"}

urls = st.one_of(st.none(), st.sampled_from(AMAZON_URLS), st.text(max_size=80),
                 st.builds(lambda h, p: f"https://{h}/{p}", st.from_regex(r"[a-z0-9.\-]{1,30}", fullmatch=True),
                           st.text(max_size=20)))
texts = st.one_of(st.text(max_size=400), st.sampled_from(HOLD_TEXTS),
                  st.lists(st.sampled_from([*HOLD_TEXTS, "Sign in", "Was this information helpful?", "Password",
                                            "\u200b", "аmazon", "?", "if", "not"]), max_size=8).map(" ".join))
details = st.builds(Details, name=st.text(max_size=30), email=st.text(max_size=30), order=st.text(max_size=25),
                    tickets=st.lists(st.text(max_size=12), max_size=3).map(tuple))
LOOKALIKE_HOSTS = st.one_of(
    st.builds(lambda w: f"amazon-{w}.com", st.from_regex(r"[a-z]{3,10}", fullmatch=True)),
    st.builds(lambda w: f"www.amazon.de.{w}.net", st.from_regex(r"[a-z]{3,10}", fullmatch=True)),
    st.sampled_from(["arnazon.com", "amaz0n.de", "xn--mazon-3ve.com", "a-m-a-z-o-n.de", "amazn.co.uk",
                     "amazon.com.account-review.co"]),
)


def _authority_hosts() -> set[str]:
    """The allow-list of authority hosts a `rights` link may point to (kept, with sources, in rights.toml)."""
    rights = load_toml("rights.toml")
    listed = rights.get("authority_hosts") or rights.get("authorities", {})
    return {entry["host"] if isinstance(entry, dict) else entry for entry in listed} if listed else set()


def assert_link_rule(answer: dict) -> None:
    plan = answer["plan"]
    if plan is None:
        return
    market = by_domain(answer["marketplace"]) if answer["marketplace"] else None
    for step in plan["steps"]:
        for link in step["links"]:
            url = link["url"] or ""
            parts = urlsplit(url)
            if link["kind"] == "app" and not url:
                continue
            if parts.scheme == "https":
                host = parts.hostname or ""
                if link["kind"] == "rights":
                    assert is_official_host(host) or host in _authority_hosts(), url
                else:
                    assert host in ("x.com", "twitter.com") or is_official_host(host), url
                    if market and host not in ("x.com", "twitter.com"):
                        assert host.endswith(market.domain) or host.startswith("account-status."), url
            elif parts.scheme == "mailto":
                domain = unquote(parts.path).rsplit("@", 1)[-1]
                assert is_official_host(domain), url  # cs-reply@, the executives, reportascam@: Amazon's own
            else:
                assert parts.scheme == "tel" and link["kind"] == "phone", url


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, url=urls, details=details, lang=st.one_of(st.none(), st.sampled_from(["de", "ja", "ar", "xx"])))
def test_any_input_gives_a_valid_answer_whose_links_obey_the_rule(text: str, url: str | None, details: Details,
                                                                   lang: str | None) -> None:
    answer = analyze(PageInput(text=text, url=url), language=lang, details=details)
    assert FIELDS <= set(answer)
    assert answer["situation"] in SITUATIONS
    assert 0.0 <= answer["confidence"] <= 1.0
    assert isinstance(answer["phishing"], bool)
    assert all(isinstance(r, str) for r in answer["phishing_reasons"])
    assert all(isinstance(c, dict) and c.get("code") for c in answer["phishing_codes"])
    json.dumps(answer)  # plain JSON all the way down
    assert_link_rule(answer)


@settings(max_examples=100, deadline=None)
@given(host=LOOKALIKE_HOSTS, text=st.sampled_from(HOLD_TEXTS), path=st.sampled_from(["", "ap/signin", "verify"]))
def test_a_lookalike_host_never_gets_a_plan_with_personal_details(host: str, text: str, path: str) -> None:
    assert lookalikes(host), host
    answer = analyze(PageInput(text=text, url=f"https://{host}/{path}"), details=DETAILS)
    assert answer["phishing"] is True
    written = unquote(json.dumps(answer, ensure_ascii=False))
    assert NAME not in written and EMAIL not in written and ORDER not in written
