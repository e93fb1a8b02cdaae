"""scripts/demo.py, the one command that shows Hold Guide running, run as a person would run it (headless here).

Each run is a subprocess: a fresh profile, the built extension in Debian's Chromium (or firefox-esr over WebDriver
BiDi), a golden replica page at its real Amazon URL, the popup in a window beside it. What it prints is checked
against the fixture's own label: the popup's contract hooks, and the overlay present exactly when there is a hold.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.e2e.browser import ROOT
from tests.golden_cases import all_cases

DEMO = ROOT / "scripts" / "demo.py"


def demo(*args: str, timeout: int = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(DEMO), *args], capture_output=True, text=True, timeout=timeout,
                          cwd=ROOT)


def answered(run: subprocess.CompletedProcess[str]) -> dict:
    """The one JSON line the demo prints on stdout."""
    (line,) = [line for line in run.stdout.splitlines() if line.startswith("{")]
    return json.loads(line)


def check_against_label(result: dict, language: str, situation: str, phishing: bool) -> None:
    case = next(c for c in all_cases() if c.id == result["case"])
    assert (case.language, case.situation, case.phishing) == (language, situation, phishing)
    assert result["url"] == case.url
    assert result["state"] == "ready"
    assert result["situation"] == case.situation
    assert result["phishing"] == ("true" if case.phishing else "false")
    if case.marketplace_domain and not case.phishing:
        assert result["marketplace"] == case.marketplace_domain
    assert result["overlay"] is (case.situation != "none")
    assert case.url not in result["refused"]


@pytest.mark.parametrize(
    ("language", "situation", "phishing", "build"),
    [
        ("de", "orders-on-hold", False, "dist/extension"),  # the defaults
        ("ja", "security-lock", False, "dist/extension"),
        ("en", "none", False, "dist/extension"),  # an ordinary Amazon page: no overlay
        ("en", "payment-verification", True, "dist/extension-test"),  # a fake host: the test build reads it
    ],
)
def test_demo_in_chromium_prints_the_popup_answer_and_the_overlay(
    language: str, situation: str, phishing: bool, build: str
) -> None:
    args = ["--lang", language, "--situation", situation, *(["--phishing"] if phishing else []), "--headless"]
    run = demo(*args)

    assert run.returncode == 0, run.stdout + run.stderr
    result = answered(run)
    assert (result["browser"], result["build"]) == ("chromium", build)
    check_against_label(result, language, situation, phishing)


def test_demo_in_firefox_prints_the_popup_answer_and_the_overlay() -> None:
    run = demo("--firefox", "--lang", "de", "--situation", "security-lock", "--headless")

    assert run.returncode == 0, run.stdout + run.stderr
    result = answered(run)
    assert (result["browser"], result["build"]) == ("firefox", "dist/extension")
    check_against_label(result, "de", "security-lock", False)


def test_help_lists_the_replica_pages() -> None:
    run = demo("--help", timeout=30)

    assert run.returncode == 0, run.stderr
    assert "--situation" in run.stdout and "--firefox" in run.stdout and "--headless" in run.stdout
    assert "de: " in run.stdout and "orders-on-hold" in run.stdout


def test_unknown_situation_is_refused_with_what_is_available() -> None:
    run = demo("--lang", "de", "--situation", "frozen-by-martians", "--headless", timeout=30)

    assert run.returncode != 0
    assert run.stdout == ""
    assert "frozen-by-martians" in run.stderr
    assert "de: " in run.stderr and "security-lock" in run.stderr
