"""Issue 9's attacks on the phishing guard, each a regression test, and genuine notices that must stay unflagged.

Tried as an attacker would: a sentence that turned the guard off, origins forged in a pasted message, scams the
guard missed. The popup runs the same Python (tests/e2e/test_hostile_pages.py drives the page attacks in
Chromium); here they run through the CLI's own path, ``analyze`` on the page or message as the CLI reads it.
"""

from __future__ import annotations

import pytest

from holdguide.analyze import analyze
from holdguide.detection.urls import INVALID, parse_host
from holdguide.inputs import page_from_text
from holdguide.messages import page_from_message
from holdguide.model import PageInput

LOCKED = ("Your Amazon account has been locked and your orders are on hold.\nSign in to verify your payment "
          "information.\nEmail\nPassword\nContinue")


def verdict(page: PageInput) -> tuple[str, bool]:
    answer = analyze(page)
    return answer["situation"], answer["phishing"]


# --- one sentence must not switch the guard off -------------------------------------------------------------
@pytest.mark.parametrize("extra", ["", "Was this information helpful?", "Seller Central",
                                   "Fraudsters may imitate Amazon. Never share your password.",
                                   "Help & Customer Service › Your Account"])
@pytest.mark.parametrize("url", ["https://amazon-support.help/ap/signin", "https://www.xn--mazon-3ve.de/ap/signin"])
def test_guard_phrases_do_not_cancel_a_lookalike_origin(url: str, extra: str) -> None:
    assert verdict(PageInput(text=f"{LOCKED}\n{extra}", url=url)) == ("orders-on-hold", True)


def test_a_foreign_page_with_a_password_field_stays_phishing_whatever_it_says() -> None:
    page = page_from_text(
        "<html><body><h4>Your account has been locked</h4><p>Was this information helpful?</p>"
        "<form action='/login'><input name='email'><input type='password' name='pw'></form></body></html>",
        url="https://secure-check-center.net/signin")
    assert verdict(page) == ("security-lock", True)


def test_a_foreign_page_that_only_reports_on_scams_is_not_flagged() -> None:
    page = PageInput(text="Scam alert: fake Amazon 'locked account' emails. Fraudsters claim that your account has "
                          "been locked. Never click the link; Amazon will never ask for your password.",
                     url="https://www.consumer-news.example/scam-alert")
    assert verdict(page) == ("none", False)


# --- forged origins in a pasted message ---------------------------------------------------------------------
@pytest.mark.parametrize("link", [
    "https://evil.com\\@www.amazon.com/verify",         # a browser goes to evil.com
    "https://www.amazon.com%2everify-login.net/verify",  # percent-encoded dot: www.amazon.com.verify-login.net
    "https://www.amazon.com@verify-login.net/verify",   # user info dropped
    "http://192.168.10.7/amazon/verify",                 # an IP literal
    "http://3232238087/verify",                          # the same IP as one number
])
def test_a_link_read_as_a_browser_reads_it_is_foreign(link: str) -> None:
    message = page_from_message(f"From: Amazon <account-update@amazon.com>\nSubject: Account on hold\n\n"
                                f"Your Amazon account is on hold. Verify your payment method: {link}\n"
                                "https://www.amazon.com/gp/css/homepage.html")
    assert verdict(message)[1] is True


def test_browser_parsing_of_hosts() -> None:
    assert parse_host("https://evil.com\\@www.amazon.com/verify") == "evil.com"
    assert parse_host("https://www.amazon.com%2everify-login.net/") == "www.amazon.com.verify-login.net"
    assert parse_host("https://user:pw@www.amazon.de:443/x") == "www.amazon.de"
    assert parse_host("http://0xC0.0xA8.0x0A.0x07/") == "192.168.10.7"
    assert parse_host("https://аmazon.com/") == "xn--mazon-3ve.com"
    assert parse_host("https://exa mple.com/") == INVALID
    assert parse_host("https://%ff%fe.com/") == INVALID
    assert parse_host("mailto:cs-reply@amazon.de") is None


def test_a_spoofed_amazon_sender_asking_for_the_card_number_is_phishing() -> None:
    message = page_from_message("From: Amazon.de <konto@amazon.de>\nBetreff: Ihr Konto\n\nIhr Amazon-Konto wurde "
                                "gesperrt. Bitte antworten Sie mit Ihrer vollständigen Kartennummer und dem "
                                "Sicherheitscode der Karte.\nhttps://www.amazon.de/")
    assert verdict(message) == ("security-lock", True)


def test_a_request_for_the_cvv_next_to_a_genuine_link_is_phishing() -> None:
    message = page_from_message("From: Amazon <no-reply@amazon.com>\nSubject: Payment hold\n\nYour Amazon account "
                                "is on hold. Reply with your CVV to remove the hold.\nhttps://www.amazon.com/")
    assert verdict(message)[1] is True


def test_webmail_showing_a_fake_with_a_lookalike_link_is_phishing() -> None:
    page = PageInput(text="Inbox\nAmazon: Your account has been suspended. Sign in to restore access.",
                     url="https://mail.google.com/mail/u/0/#inbox/123",
                     links=("https://mail.google.com/mail/u/0/#inbox", "https://accounts.google.com/",
                            "https://www.google.com/url?q=https://amazon-account-restore.com/x&sa=D"))
    answer = analyze(page)
    assert answer["phishing"] is True
    assert any("amazon-account-restore.com" in reason for reason in answer["phishing_reasons"])


def test_webmail_showing_a_genuine_notice_is_not_flagged() -> None:
    page = PageInput(text="Inbox\nAmazon.com: Your Amazon account is on hold. Sign in to Your Account.",
                     url="https://mail.google.com/mail/u/0/#inbox/123",
                     links=("https://mail.google.com/mail/u/0/#inbox",
                            "https://www.google.com/url?q=https://www.amazon.com/gp/css/homepage.html"))
    assert verdict(page) == ("payment-verification", False)


# --- scams the guard missed -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Your Amazon account has been suspended. Sign in: https://bit.ly/3xYz12",
    "Amazon: your account is on hold https://tinyurl.com/amzhold",
    "Amazon: your account has been locked. Call +1 888 555 0199 to unlock it.",
    "Ihr Amazon-Konto wurde gesperrt. Bitte öffnen Sie das Formular im Anhang und füllen Sie es aus.",
    "Your Аmazon аccount has been lоcked. Verify now.",  # Cyrillic а and о inside the words
])
def test_missed_scams_are_flagged(text: str) -> None:
    situation, phishing = verdict(page_from_message(text))
    assert phishing is True and situation != "none"


def test_an_attachment_lure_from_a_lookalike_sender_is_phishing() -> None:
    message = page_from_message("From: Amazon Kundenservice <service@amaz-kundenservice.de>\nBetreff: Konto "
                                "gesperrt\n\nIhr Amazon-Konto wurde gesperrt. Öffnen Sie den Anhang.")
    assert verdict(message)[1] is True


@pytest.mark.parametrize("host", ["a-m-a-z-o-n.de", "amaz.on-login.com", "a.m.a.z.o.n.de", "185.23.4.1"])
def test_split_brands_and_ip_hosts_are_not_amazon(host: str) -> None:
    page = PageInput(text="Your Amazon account has been locked. Sign in to unlock it.", url=f"https://{host}/ap/signin")
    assert verdict(page) == ("security-lock", True)


def test_invisible_marks_in_the_sender_name_do_not_hide_it() -> None:
    message = page_from_message("From: A\u200bm\u200ba\u200bz\u200bo\u200bn <alerts@secure-mail-center.com>\n"
                                "Subject: Account on hold\n\nYour Amazon account is on hold. Verify your details.")
    assert verdict(message)[1] is True


def test_a_raw_email_is_read_with_the_email_package() -> None:
    raw = ("Return-Path: <bounce@mailer.example>\nFrom: =?utf-8?q?Amazon?= <info@amazon-konto-hilfe.de>\n"
           "Subject: =?utf-8?b?SWhyIEtvbnRvIHd1cmRlIGdlc3BlcnJ0?=\nMIME-Version: 1.0\n"
           "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
           "<p>Ihr Amazon-Konto wurde gesperrt.</p>"
           "<a href=3D\"https://konto-check.example/de\">Jetzt =\nentsperren</a>")
    message = page_from_message(raw)
    assert message.sender == "Amazon <info@amazon-konto-hilfe.de>"
    assert message.text.startswith("Ihr Konto wurde gesperrt")
    assert message.links == ("https://konto-check.example/de",)
    assert verdict(message) == ("security-lock", True)


# --- genuine notices stay unflagged ------------------------------------------------------------------------------
@pytest.mark.parametrize("page", [
    PageInput(text="Account on hold temporarily\nWe noticed unusual payment activity on your account.",
              url="https://account-status.amazon.com/"),
    PageInput(text="Ihr Konto wurde gesperrt.", url="https://www.amazon.de/ap/signin"),
    PageInput(text="Your account has been locked for security purposes.", url="https://www.amazon.co.uk/ap/signin"),
    page_from_message("From: Amazon.com <account-update@amazon.com>\nSubject: Your Amazon.com account\n\n"
                      "We have closed this account because you have consistently returned a large number of your "
                      "orders.\nhttps://www.amazon.com/gp/help/customer/contact-us"),
    page_from_message("From: Amazon.de <konto-update@amazon.de>\nBetreff: Ihr Konto\n\nIhr Amazon-Konto ist "
                      "vorübergehend gesperrt. Melden Sie sich bei Ihrem Konto an: https://www.amazon.de/ap/signin"),
    page_from_message("From: Amazon <no-reply@amazon.co.uk>\nSubject: Password reset\n\nAs a precaution, we have "
                      "reset the password on your Amazon account. https://www.amazon.co.uk/ap/forgotpassword"),
    page_from_message("From: Amazon.com <account-update@amazon.com>\nSubject: Account on hold\n\nYour Amazon account "
                      "is on hold. Call us at 1-888-280-4331. https://www.amazon.com/"),
    PageInput(text="Your Amazon account is on hold."),
    PageInput(text="Amazon: your account has been locked. Sign in at https://www.amazon.com to unlock it."),
    page_from_message("From: Friend <friend@example.org>\nSubject: Fwd: Account on hold\n\n---------- Forwarded "
                      "message ----------\nYour Amazon account is on hold.\nhttps://www.amazon.com/"),
], ids=lambda p: (p.url or p.sender or p.text)[:40])
def test_genuine_notices_from_real_hosts_and_senders_are_not_flagged(page: PageInput) -> None:
    situation, phishing = verdict(page)
    assert situation != "none" and phishing is False


def test_a_kit_asking_for_what_amazon_never_asks_is_phishing_without_hold_wording() -> None:
    kit = ("To help ensure the security of your Amazon account, please confirm: Card number, Expiration date, CVV, "
           "Social Security Number, Online banking password.")
    assert verdict(PageInput(text=kit))[1] is True
    assert verdict(PageInput(text=kit, url="https://secure-id-check.net/verify"))[1] is True


def test_naming_what_amazon_never_asks_for_is_no_request() -> None:
    advice = "Amazon will never ask for your Social Security Number or your online banking password. Report such mails."
    assert verdict(PageInput(text=advice)) == ("none", False)
