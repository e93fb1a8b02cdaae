"""URL builders: mailto: per RFC 6068, tel: per RFC 3966, X's post intent, pages on a store's own host."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from holdguide.guidance import links
from holdguide.marketplaces import all_marketplaces, by_domain


def _query(url: str) -> dict[str, str]:
    """The decoded query of a URL, the way a mail program or X reads it (%20 is a space, + stays a plus)."""
    query = urlsplit(url).query
    return {name: unquote(value) for name, value in (part.split("=", 1) for part in query.split("&"))}


class TestMailto:
    def test_address_subject_and_body_round_trip(self) -> None:
        url = links.mailto("cs-reply@amazon.de", "Konto gesperrt", "Hallo,\nbitte helfen Sie mir.")
        assert url.startswith("mailto:cs-reply@amazon.de?")
        assert _query(url) == {"subject": "Konto gesperrt", "body": "Hallo,\r\nbitte helfen Sie mir."}

    def test_line_breaks_are_crlf_encoded(self) -> None:
        # RFC 6068, section 5: line breaks in the body are encoded as %0D%0A.
        url = links.mailto("a@example.com", body="one\ntwo\r\nthree\rfour")
        assert "one%0D%0Atwo%0D%0Athree%0D%0Afour" in url
        assert "%0A%0D" not in url

    @pytest.mark.parametrize(
        "text",
        ["Zurückerstattung für Bestellung", "アカウントがロックされました", "تم قفل حسابي", "Zażółć gęślą jaźń",
         "İade & ödeme"],
    )
    def test_non_ascii_is_percent_encoded_utf8(self, text: str) -> None:
        url = links.mailto("a@example.com", text, text)
        assert url.isascii()
        assert _query(url) == {"subject": text, "body": text}

    def test_spaces_are_never_plus_and_reserved_characters_are_encoded(self) -> None:
        url = links.mailto("a@example.com", "a+b c&d=e?f#g")
        assert "+" not in url.split("?", 1)[1]
        assert _query(url)["subject"] == "a+b c&d=e?f#g"
        assert "#" not in url and url.count("?") == 1

    def test_empty_fields_are_left_out(self) -> None:
        assert links.mailto("reportascam@amazon.com") == "mailto:reportascam@amazon.com"
        assert links.mailto("a@example.com", "Hi") == "mailto:a@example.com?subject=Hi"

    def test_a_line_break_typed_into_a_subject_cannot_add_a_header(self) -> None:
        url = links.mailto("a@example.com", "x\r\nbcc: evil@example.com")
        assert "\n" not in url and "\r" not in url
        assert set(parse_qs(urlsplit(url).query)) == {"subject"}


class TestTel:
    def test_international_number_keeps_plus_and_digits(self) -> None:
        assert links.tel("+1 888 280 4331") == "tel:+18882804331"
        assert links.tel("+44 (0)800-279-7234") == "tel:+4408002797234"

    def test_national_numbers_are_refused(self) -> None:
        with pytest.raises(ValueError):
            links.tel("0800 123 456")


class TestXPost:
    def test_text_is_prefilled_and_encoded(self) -> None:
        url = links.x_post("https://x.com/intent/tweet", "@AmazonHelp Hallo, mein Konto ist gesperrt?")
        assert url.startswith("https://x.com/intent/tweet?text=")
        assert _query(url) == {"text": "@AmazonHelp Hallo, mein Konto ist gesperrt?"}
        assert url.isascii()


class TestPages:
    @pytest.mark.parametrize("marketplace", all_marketplaces(), ids=lambda m: m.domain)
    def test_every_marketplace_gets_pages_on_its_own_domain(self, marketplace) -> None:
        url = links.page_url(marketplace, "/gp/help/customer/contact-us")
        assert url == marketplace.contact_us_url
        assert urlsplit(url).hostname == f"www.{marketplace.domain}"

    def test_a_subdomain_page_exists_only_where_the_host_is_listed(self) -> None:
        com, de = by_domain("amazon.com"), by_domain("amazon.de")
        assert links.has_host(com, "account-status")
        assert links.page_url(com, "/", "account-status") == "https://account-status.amazon.com/"
        assert not links.has_host(de, "account-status")
        assert links.has_host(de, "www")
