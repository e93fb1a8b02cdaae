"""The ``holdguide`` command: ``holdguide analyze PATH [--url URL] [--json] ...`` (see ``../shared/contract.md``).

A thin layer over :func:`holdguide.analyze.analyze`. Exit status 0 for every verdict, including "no hold";
non-zero only for input we cannot use, with the reason on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from holdguide.analyze import analyze
from holdguide.guidance.details import validate_details
from holdguide.guidance.render_text import render_plan
from holdguide.inputs import page_from_path

EXIT_UNUSABLE_INPUT = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="holdguide", description="Recognise an Amazon account hold and plan the way back."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("analyze", help="analyse a saved page (.html), a message (.txt) or - for stdin")
    run.add_argument("path", help=".html, .txt or - (stdin)")
    run.add_argument("--url", help="where the page was shown; the only trusted hint of its origin")
    run.add_argument("--json", action="store_true", help="print only the JSON object")
    run.add_argument("--lang", help="language of the plan (default: the page's, else the marketplace's)")
    run.add_argument("--name", default="", help="your name, for the prefilled e-mails")
    run.add_argument("--email", default="", help="your account e-mail address")
    run.add_argument("--order", default="", help="your last order number, e.g. 302-1234567-1234567")
    run.add_argument("--ticket", action="append", default=[], help="an earlier ticket or case number (repeatable)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        page = page_from_path(args.path, url=args.url)
    except OSError as error:
        print(f"holdguide: cannot read {args.path}: {error.strerror or error}", file=sys.stderr)
        return EXIT_UNUSABLE_INPUT
    raw = {"name": args.name, "email": args.email, "order": args.order, "tickets": args.ticket}
    details, errors = validate_details(raw)
    for field, message in errors.items():
        print(f"holdguide: ignoring --{field}: {message}", file=sys.stderr)
    result = analyze(page, language=args.lang, details=details)
    if args.json:
        output = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    else:
        output = render_verdict(result) + ("\n" + render_plan(result["plan"]) if result["plan"] else "")
    return write(output)


def write(text: str) -> int:
    """Write to stdout whatever the terminal can show, and end quietly when the reader has gone.

    An ASCII-only terminal gets escapes for what it cannot encode (the JSON stays valid: ``ensure_ascii`` would
    change its bytes, escapes only where needed do not), and a closed pipe (``holdguide ... | head``) is not an
    error of ours (issue 9: both ended in tracebacks).
    """
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    safe = text.encode(encoding, errors="backslashreplace").decode(encoding)
    try:
        sys.stdout.write(safe)
        sys.stdout.flush()
    except BrokenPipeError:
        # Python flushes stdout again at exit; point it at devnull so that does not raise a second time.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0


def render_verdict(result: dict[str, object]) -> str:
    """The verdict in a few lines; the plan below it is in the plan's own language."""
    lines = [f"Situation:   {result['situation']}" + (f" ({result['subtype']})" if result["subtype"] else "")]
    lines.append(f"Marketplace: {result['marketplace'] or 'unknown'}")
    lines.append(f"Confidence:  {result['confidence']}")
    if result["evidence"]:
        lines.append("Evidence:    " + " | ".join(str(e) for e in _items(result["evidence"])))
    if result["phishing"]:
        lines.append("WARNING:     this looks like phishing")
        lines.extend(f"  - {reason}" for reason in _items(result["phishing_reasons"]))
    return "\n".join(lines) + "\n"


def _items(value: object) -> list[object]:
    """A list field of the JSON result (evidence, phishing reasons); anything else reads as empty."""
    return list(value) if isinstance(value, (list, tuple)) else []
