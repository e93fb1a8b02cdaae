"""The CLI of the contract: `holdguide analyze PATH [--url URL] [--json] ...`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from holdguide.cli import main

FIELDS = {"situation", "subtype", "marketplace", "language", "confidence", "evidence", "phishing",
          "phishing_reasons", "plan"}


def test_json_output_is_only_the_json_object(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html lang='en'><body><p>Your account is on hold</p></body></html>")
    assert main(["analyze", str(page), "--url", "https://www.amazon.com/ap/signin", "--json"]) == 0
    out = capsys.readouterr().out
    assert FIELDS <= set(json.loads(out))


def test_missing_file_is_unusable_input_with_a_reason(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "/nonexistent/page.html", "--json"]) != 0
    captured = capsys.readouterr()
    assert captured.out == "" and "cannot read" in captured.err


def test_stdin_and_python_dash_m_work() -> None:
    run = subprocess.run([sys.executable, "-m", "holdguide", "analyze", "-", "--json"], input="Hello there",
                         capture_output=True, text=True, check=True)
    assert json.loads(run.stdout)["situation"] == "none"


def test_readable_output_names_the_situation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "p.txt"
    page.write_text("Hello, this is an ordinary text.")
    assert main(["analyze", str(page)]) == 0
    assert "Situation:   none" in capsys.readouterr().out


def test_bad_details_are_reported_but_do_not_fail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "p.txt"
    page.write_text("x")
    assert main(["analyze", str(page), "--order", "abc", "--json"]) == 0
    captured = capsys.readouterr()
    assert "--order" in captured.err and json.loads(captured.out)


# --- faults (issue 9): none of these may end in a traceback -----------------------------------------------------
def run_cli(args: list[str], stdin: bytes, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "holdguide", "analyze", *args], input=stdin, capture_output=True,
                          env={**os.environ, **env}, timeout=60, check=False)


def test_invalid_utf8_on_stdin_under_a_strict_locale_is_read_with_replacement() -> None:
    done = run_cli(["-", "--json"], b"\xff\xfeYour Amazon account is on hold.\n", {"LC_ALL": "C", "LANG": "C"})
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    assert json.loads(done.stdout)["situation"] == "payment-verification"


def test_an_ascii_only_terminal_gets_escapes_not_a_traceback() -> None:
    done = run_cli(["-", "--lang", "ja"], b"Your Amazon account has been locked.\n",
                   {"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    assert b"\\u" in done.stdout  # the Japanese plan, escaped


def test_a_closed_pipe_ends_quietly() -> None:
    process = subprocess.Popen([sys.executable, "-m", "holdguide", "analyze", "-", "--lang", "de"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdin is not None and process.stdout is not None
    process.stdout.close()  # the reader is gone before a single byte was written (`holdguide ... | head -0`)
    _, error = process.communicate(b"Ihr Amazon-Konto wurde gesperrt.\n", timeout=60)
    assert process.returncode == 0, error
    assert b"Traceback" not in error
