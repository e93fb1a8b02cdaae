"""Accuracy of the CLI over the golden fixtures (tests/golden): per situation, per language, real vs constructed.

    python scripts/accuracy.py           # the report
    python scripts/accuracy.py --check   # the same, exit 1 when a target of issue 3 is missed

Each fixture is run through the CLI's own code (``holdguide.cli.main([... "--json"])``), so the numbers are the
CLI's. "Real" fixtures are verbatim, assembled or paraphrased from a public source; "constructed" ones are
written from Amazon's own pages where no source quotes Amazon in that language. Targets (issue 3): >= 95% of
hold situations right, no alarm on any negative, >= 95% of phishing flagged.

Then the held-out rounds (tests/heldout/round-<n>.toml): each round's score on first sight, recorded before any
signal change, beside its score today; how to add a round is in tests/unit/test_detection_generalises.py.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "py"))

from holdguide.cli import main as cli_main  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"


def run_cli(folder: Path, url: str | None) -> dict:
    """The CLI's JSON answer for one fixture folder."""
    source = folder / "page.html" if (folder / "page.html").exists() else folder / "message.txt"
    argv = ["analyze", str(source), "--json"] + (["--url", url] if url else [])
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        cli_main(argv)
    return json.loads(out.getvalue())


def collect() -> list[dict]:
    rows = []
    for folder in sorted(p for p in GOLDEN.iterdir() if (p / "expected.json").is_file()):
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        got = run_cli(folder, expected["url"])
        rows.append({
            "id": folder.name,
            "expected": expected,
            "got": got,
            "kind": "constructed" if expected["source"]["quality"] == "constructed" else "real",
            "situation_ok": got["situation"] == expected["situation"],
            "phishing_ok": got["phishing"] == expected["phishing"],
            "marketplace_ok": got["marketplace"] == expected["marketplace"],
        })
    return rows


def _label(answer: dict) -> str:
    return f"{answer['situation']}/phishing={answer['phishing']}/{answer['marketplace']}"


def _rate(hits: int, total: int) -> str:
    return f"{hits}/{total} ({100 * hits / total:.0f}%)" if total else "-"


def _table(title: str, groups: dict[str, list[dict]]) -> list[str]:
    lines = [title]
    for key in sorted(groups):
        rows = groups[key]
        real = [r for r in rows if r["kind"] == "real"]
        made = [r for r in rows if r["kind"] == "constructed"]
        lines.append(f"  {key:<24} all {_rate(sum(r['situation_ok'] for r in rows), len(rows)):<14} "
                     f"real {_rate(sum(r['situation_ok'] for r in real), len(real)):<14} "
                     f"constructed {_rate(sum(r['situation_ok'] for r in made), len(made))}")
    return lines


def report(rows: list[dict]) -> tuple[list[str], dict[str, float]]:
    holds = [r for r in rows if r["expected"]["situation"] != "none" and not r["expected"]["phishing"]]
    negatives = [r for r in rows if r["expected"]["situation"] == "none" and not r["expected"]["phishing"]]
    phishing = [r for r in rows if r["expected"]["phishing"]]
    alarms = [r for r in negatives if r["got"]["situation"] != "none" or r["got"]["phishing"]]
    by_situation, by_language = defaultdict(list), defaultdict(list)
    for r in rows:
        by_situation[r["expected"]["situation"]].append(r)
        by_language[r["expected"]["language"] or "?"].append(r)
    numbers = {
        "holds": sum(r["situation_ok"] and r["phishing_ok"] for r in holds) / max(len(holds), 1),
        "false_alarms": len(alarms) / max(len(negatives), 1),
        "phishing": sum(r["got"]["phishing"] for r in phishing) / max(len(phishing), 1),
    }
    lines = [f"Golden fixtures: {len(rows)} ({sum(r['kind'] == 'real' for r in rows)} real, "
             f"{sum(r['kind'] == 'constructed' for r in rows)} constructed); languages: {len(by_language)}", ""]
    lines += [*_table("Situation right, by expected situation:", by_situation), ""]
    lines += [*_table("Situation right, by language:", by_language), ""]
    lines += [
        f"Hold situations right (no phishing flag): {_rate(round(numbers['holds'] * len(holds)), len(holds))}",
        f"Phishing flagged: {_rate(sum(r['got']['phishing'] for r in phishing), len(phishing))}; "
        f"its imitated situation right: {_rate(sum(r['situation_ok'] for r in phishing), len(phishing))}",
        f"False alarms on negatives: {_rate(len(alarms), len(negatives))}",
        f"Marketplace right: {_rate(sum(r['marketplace_ok'] for r in rows), len(rows))}",
    ]
    misses = [r for r in rows if not (r["situation_ok"] and r["phishing_ok"] and r["marketplace_ok"])]
    if misses:
        lines += ["", "Misses:"] + [
            f"  {r['id']}: expected {_label(r['expected'])}, got {_label(r['got'])}"
            + (f"  (known: {r['expected']['xfail']})" if r["expected"].get("xfail") else "")
            for r in misses
        ]
    return lines, numbers


def held_out() -> list[str]:
    """Each held-out round (tests/heldout/round-<n>.toml): its first-seen score, recorded before any signal
    change, next to its score today; then every miss. No signal was built on these texts."""
    sys.path.insert(0, str(ROOT / "tests" / "unit"))
    from test_detection_generalises import ROUNDS, page

    from holdguide.detection import detect

    lines, misses, total_hits, total = [], [], 0, 0
    for held in ROUNDS:
        info, hits = held["round"], 0
        for case in held["case"]:
            got = detect(page(case))
            ok = (got.situation, got.phishing) == (case["situation"], case["phishing"])
            hits += ok
            if not ok:
                note = f"  (known: {case['expected_failure']})" if case.get("expected_failure") else ""
                misses.append(f"  r{info['number']} {case['id']}: expected {case['situation']}/phishing="
                              f"{case['phishing']}, got {got.situation}/phishing={got.phishing}{note}")
        total_hits, total = total_hits + hits, total + len(held["case"])
        lines.append(f"  round {info['number']} ({info['date']}): first seen {info['first_seen']}, "
                     f"now {_rate(hits, len(held['case']))}")
    # Only a round's first-seen score measures generalisation: later scores come after widening signals on it.
    head = f"Held-out real wording, now (first-seen scores below are the honest measure): {_rate(total_hits, total)}"
    return [head, *lines, *(["  misses:", *misses] if misses else [])]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    lines, numbers = report(collect())
    print("\n".join([*lines, "", *held_out()]))
    missed = numbers["holds"] < 0.95 or numbers["false_alarms"] > 0 or numbers["phishing"] < 0.95
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
