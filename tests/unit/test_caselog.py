"""The case log's computations: follow-up dates on the marketplace's working days, the follow-up e-mail, export.

Dates are injected; 2026-11-23 is a Monday.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import unquote

import pytest

from holdguide.guidance.caselog import (
    add_business_days,
    case_report,
    export_text,
    follow_up_date,
    follow_up_email,
    may_log,
    parse_log,
    summarise,
)
from holdguide.guidance.plan import data
from holdguide.guidance.texts import load
from holdguide.marketplaces import by_domain
from holdguide.model import Details

DE, SA, EG = by_domain("amazon.de"), by_domain("amazon.sa"), by_domain("amazon.eg")
MONDAY, FRIDAY = date(2026, 11, 23), date(2026, 11, 27)
ERIKA = Details(name="Erika Mustermann", email="erika@example.de", order="302-1234567-7654321", tickets=("111",))
LOG = [
    {"when": "2026-11-23", "channel": "chat", "ticket": "222", "note": "agent was rude", "step": "contact-signed-in",
     "outcome": "failed"},
    {"when": "2026-11-24", "channel": "email", "ticket": "", "note": "", "step": "email-cs-reply", "outcome": ""},
]


class TestBusinessDays:
    def test_weekends_are_skipped(self) -> None:
        assert add_business_days(FRIDAY, 1, (5, 6)) == date(2026, 11, 30)
        assert add_business_days(MONDAY, 5, (5, 6)) == date(2026, 11, 30)

    def test_a_friday_saturday_weekend_works_on_sunday(self) -> None:
        assert add_business_days(date(2026, 11, 26), 1, (4, 5)) == date(2026, 11, 29)  # Thursday -> Sunday

    def test_zero_days_is_the_same_day(self) -> None:
        assert add_business_days(MONDAY, 0, (5, 6)) == MONDAY


class TestFollowUpDate:
    def test_an_email_is_followed_up_after_two_business_days(self) -> None:
        # The article: a reply takes about 1-2 business days. Monday -> Tue, Wed -> follow up on Thursday.
        assert follow_up_date(MONDAY, "email", DE) == date(2026, 11, 26)

    def test_an_email_sent_on_friday_waits_over_the_weekend(self) -> None:
        assert follow_up_date(FRIDAY, "email", DE) == date(2026, 12, 2)  # Mon, Tue -> Wednesday

    @pytest.mark.parametrize("marketplace", [SA, EG], ids=lambda m: m.domain)
    def test_friday_saturday_weekends_count_sunday_as_a_working_day(self, marketplace) -> None:
        assert marketplace.weekend == (4, 5)
        assert follow_up_date(FRIDAY, "email", marketplace) == date(2026, 12, 1)  # Sun, Mon -> Tuesday

    def test_a_chat_is_followed_up_sooner_than_an_email(self) -> None:
        assert follow_up_date(MONDAY, "chat", DE) < follow_up_date(MONDAY, "email", DE)

    def test_every_channel_and_unknown_ones_get_a_date_after_the_contact(self) -> None:
        for channel in [*data("steps")["follow_up"], "carrier-pigeon"]:
            assert follow_up_date(MONDAY, channel, DE) > MONDAY

    def test_without_a_marketplace_the_usual_weekend_applies(self) -> None:
        assert follow_up_date(FRIDAY, "email", None) == follow_up_date(FRIDAY, "email", DE)


class TestParseLog:
    def test_entries_are_sorted_cleaned_and_bad_ones_dropped(self) -> None:
        entries = parse_log([
            {"when": "2026-11-25T09:30:00", "channel": "call", "ticket": " 333\n", "outcome": "maybe"},
            {"when": "yesterday", "channel": "chat"},
            {"when": "2026-11-20", "channel": "fax", "note": "line\r\nbreak"},
        ])
        assert [entry.when for entry in entries] == [date(2026, 11, 20), date(2026, 11, 25)]
        assert entries[0].channel == "other" and entries[0].note == "line break"
        assert entries[1].ticket == "333" and entries[1].outcome == ""


class TestSummarise:
    def test_an_empty_log_has_nothing_due(self) -> None:
        assert summarise([], MONDAY, DE) == {"entries": [], "last_contact": None, "next_follow_up": None,
                                             "due": False, "overdue": False, "tickets": []}

    def test_the_latest_contact_sets_the_next_follow_up(self) -> None:
        summary = summarise(LOG, date(2026, 11, 26), DE)
        assert summary["last_contact"] == "2026-11-24"
        assert summary["next_follow_up"] == "2026-11-27"  # e-mail on Tuesday -> Wed, Thu -> Friday
        assert (summary["due"], summary["overdue"]) == (False, False)
        assert summary["tickets"] == ["222"]

    def test_due_on_the_day_overdue_after_it(self) -> None:
        assert (summarise(LOG, date(2026, 11, 27), DE)["due"], summarise(LOG, date(2026, 11, 27), DE)["overdue"]) \
            == (True, False)
        assert summarise(LOG, date(2026, 11, 30), DE)["overdue"] is True

    def test_nothing_to_follow_up_once_the_latest_step_worked(self) -> None:
        done = [*LOG, {"when": "2026-11-25", "channel": "chat", "outcome": "done"}]
        assert summarise(done, date(2026, 12, 31), DE)["next_follow_up"] is None


class TestFollowUpEmail:
    mail = follow_up_email(LOG, DE, "de", ERIKA, situation="security-lock")

    def test_it_goes_to_cs_reply_with_a_subject_in_the_language(self) -> None:
        assert self.mail["address"] == "cs-reply@amazon.de"
        assert self.mail["subject"] == load("de")["caselog.subject"].format(domain="amazon.de")
        assert self.mail["mailto"].startswith("mailto:cs-reply@amazon.de?subject=")
        assert unquote(self.mail["mailto"]).replace("\r\n", "\n").endswith(self.mail["body"])

    def test_it_cites_earlier_contacts_with_dates_and_tickets(self) -> None:
        body = self.mail["body"]
        assert "2026-11-23" in body and "2026-11-24" in body
        assert "222" in body and "111" in body  # the log's ticket and the one the user typed
        assert load("de")["problem.security-lock"] in body

    def test_private_notes_stay_out(self) -> None:
        assert "rude" not in self.mail["body"]

    def test_it_carries_the_users_details(self) -> None:
        assert ERIKA.email in self.mail["body"] and ERIKA.order in self.mail["body"]

    def test_unknown_situation_and_marketplace_still_give_a_mail(self) -> None:
        mail = follow_up_email(LOG, None, "xx", Details(), situation=None)
        assert mail["address"] == "cs-reply@amazon.com" and load("en")["problem.none"] in mail["body"]


class TestExport:
    def test_everything_is_there_including_notes_and_outcomes(self) -> None:
        exported = export_text(LOG, DE, "en", ERIKA, today=date(2026, 11, 30))
        english = load("en")
        assert exported.startswith(english["caselog.title"].format(domain="amazon.de"))
        assert "agent was rude" in exported and english["outcomes.failed"] in exported
        assert english["caselog.overdue"].format(date="2026-11-27") in exported
        assert ERIKA.email in exported and english["email.missing"] not in exported

    def test_an_empty_log_says_so(self) -> None:
        assert load("ja")["caselog.empty"] in export_text([], None, "ja", Details())


def test_case_report_gives_the_popup_everything_in_one_call() -> None:
    report = case_report(LOG, SA, None, ERIKA, date(2026, 11, 30), situation="account-closed")
    assert {"entries", "next_follow_up", "due", "overdue", "follow_up_email", "export", "tickets"} <= set(report)
    assert report["follow_up_email"]["address"] == "cs-reply@amazon.sa"
    assert load("ar")["caselog.history"] in report["follow_up_email"]["body"]  # amazon.sa's default is Arabic
    assert case_report([], DE, "de", ERIKA, MONDAY)["follow_up_email"] is None


class TestPanelLabels:
    """Every word of the case-log panel comes from Python in the plan's language (issue 11): the channel and outcome
    names live once, in the texts, and the follow-up line carries its date."""

    report = case_report(LOG, DE, "de", ERIKA, date(2026, 11, 30))

    def test_the_labels_are_in_the_plans_language(self) -> None:
        labels = self.report["labels"]
        german = load("de")
        assert labels["language"] == "de" and labels["direction"] == "ltr"
        assert labels["channels"] == {channel: german[f"channels.{channel}"] for channel in labels["channels"]}
        assert labels["outcomes"] == {"done": german["outcomes.done"], "failed": german["outcomes.failed"]}
        assert labels["texts"]["copy_body"] == german["ui.copy_body"]

    def test_every_channel_the_log_knows_has_a_label(self) -> None:
        assert set(self.report["labels"]["channels"]) == {"chat", "call", "email", "post", "dm", "form", "other"}

    def test_the_follow_up_lines_are_filled_with_the_date(self) -> None:
        texts = self.report["labels"]["texts"]
        assert texts["overdue"] == load("de")["caselog.overdue"].format(date="2026-11-27")
        assert "{" not in "".join(texts.values())

    def test_arabic_labels_say_they_are_right_to_left(self) -> None:
        assert case_report([], SA, None, ERIKA, MONDAY)["labels"]["direction"] == "rtl"


class TestWhetherACaseIsLogged:
    """Python decides whether the overlay may record steps (issue 11): only a hold on Amazon's own https page."""

    def test_an_official_hold_is_logged(self) -> None:
        assert may_log(True, False, "security-lock") is True

    def test_a_fake_an_unknown_origin_or_no_hold_is_not(self) -> None:
        assert may_log(True, True, "security-lock") is False
        assert may_log(False, False, "security-lock") is False
        assert may_log(None, False, "security-lock") is False
        assert may_log(True, False, "none") is False
