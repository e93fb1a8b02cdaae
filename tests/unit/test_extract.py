"""extract.py reads saved pages and pasted messages the way the popup reads a live page."""

from __future__ import annotations

from holdguide.extract import page_from_html
from holdguide.inputs import page_from_text
from holdguide.messages import looks_like_message, page_from_message


def test_visible_text_skips_what_a_browser_does_not_show() -> None:
    page = page_from_html(
        """<!doctype html><html lang="de-DE"><head><title>Amazon Anmelden</title>
        <style>.x{color:red}</style><script>var secret = "Konto gesperrt";</script></head>
        <body><div>Konto <b>vorübergehend</b> gesperrt</div><template>Vorlage</template>
        <noscript>Bitte JavaScript aktivieren</noscript><p hidden>versteckt</p>
        <p style="display: none">auch versteckt</p><span>sichtbar</span></body></html>""",
        url="https://www.amazon.de/ap/signin",
    )
    assert page.text.splitlines() == ["Konto vorübergehend gesperrt", "sichtbar"]
    assert (page.lang, page.title, page.url) == ("de-DE", "Amazon Anmelden", "https://www.amazon.de/ap/signin")


def test_canonical_and_og_url_tags_are_not_trusted() -> None:
    page = page_from_html('<html><head><link rel="canonical" href="https://www.amazon.com/">'
                          '<meta property="og:url" content="https://www.amazon.com/"></head><body>x</body></html>')
    assert page.url is None


def test_broken_html_still_gives_its_text() -> None:
    page = page_from_html("<html><body><div><p>Your account is on hold<div><span>open tags</b></i></body>")
    assert "Your account is on hold" in page.text and "open tags" in page.text


def test_a_copied_email_is_recognised_with_its_sender_and_links() -> None:
    raw = ("From: Amazon <account-update@amazon-security-check.com>\nSubject: Your account is on hold\n"
           "Date: Mon, 3 Nov 2025\n\nDear customer,\nplease verify at https://amaz0n-verify.com/login?id=1 today.\n")
    assert looks_like_message(raw)
    message = page_from_message(raw)
    assert message.sender == "Amazon <account-update@amazon-security-check.com>"
    assert message.links == ("https://amaz0n-verify.com/login?id=1",)
    assert message.text.startswith("Your account is on hold")  # the subject is part of what was said
    assert message.kind == "message" and message.url is None


def test_german_headers_count_as_a_message_too() -> None:
    assert looks_like_message("Von: Amazon <konto@amazon.de>\nBetreff: Ihr Konto\n\nText")


def test_plain_text_without_headers_is_a_page_text() -> None:
    page = page_from_text("Your account is on hold\nWe need to verify a payment method.")
    assert page.kind == "page" and page.sender is None


def test_an_html_email_body_gives_its_link_targets() -> None:
    message = page_from_message('From: x@y.z\nSubject: s\n\n<html><body><a href="https://evil.example/a">'
                                "Sign in</a></body></html>")
    assert message.links == ("https://evil.example/a",)
    assert message.text == "s\nSign in"


def test_html_on_stdin_or_in_a_txt_file_is_recognised_by_its_content() -> None:
    page = page_from_text('<!-- saved --> <!DOCTYPE html><html lang="de"><body><script>x</script>Text</body></html>')
    assert (page.text, page.lang) == ("Text", "de")


def test_stray_angle_brackets_stay_text_and_tags_around_them_still_work() -> None:
    page = page_from_html("<html><body><p>1 < 2 and <b>bold</b></p><p>a <<< b</p></body></html>")
    assert page.text.splitlines() == ["1 < 2 and bold", "a <<< b"]
