"""Measure what Hold Guide costs, and print what was measured (no pass/fail: timings belong here, not in tests).

    .venv/bin/python scripts/benchmark.py            # detector under CPython + the popup in headless Chromium
    .venv/bin/python scripts/benchmark.py --no-browser

1. The detector and plan under CPython: ``analyze`` on every golden fixture (median and slowest), and on
   10 MB of text (the cost bound for a hostile page).
2. The popup in Debian's Chromium with dist/extension/ loaded, on a real hold page served as its Amazon URL:
   time from opening the popup to Python ready and to the answer shown (``performance.mark`` in popup.js),
   the first time in a fresh profile (no compiled-code cache) and then warm.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "py")]

from holdguide.analyze import analyze  # noqa: E402
from holdguide.inputs import page_from_path  # noqa: E402
from holdguide.model import PageInput  # noqa: E402
from tests.golden_cases import all_cases, browser_pages  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def bench_detector() -> None:
    timings = []
    for case in all_cases():
        page = page_from_path(case.document, url=case.url)
        start = time.perf_counter()
        analyze(page)
        timings.append((time.perf_counter() - start, case.id))
    values = sorted(t for t, _ in timings)
    slowest = max(timings)
    print(f"detector+plan, {len(values)} golden fixtures: median {ms(statistics.median(values))}, "
          f"slowest {ms(slowest[0])} ({slowest[1]})")
    huge = PageInput(text=("Your order has shipped. " * 420_000)[:10_000_000], url="https://www.amazon.com/")
    start = time.perf_counter()
    analyze(huge)
    print(f"detector+plan, 10 MB of text:      {ms(time.perf_counter() - start)}")


def bench_popup(runs: int) -> None:
    from playwright.sync_api import sync_playwright

    from tests.e2e.browser import RELEASE_BUILD, ServedWeb, launch

    case = next(c for c in browser_pages(phishing=False) if c.situation != "none")
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        browser = launch(playwright, RELEASE_BUILD, Path(profile), ServedWeb())
        page = browser.open_page(case.url, case.document.read_text(encoding="utf-8"))
        marks = []
        for _ in range(runs + 1):
            popup = browser.open_popup(page)
            marks.append(popup.evaluate("""() => Object.fromEntries(["python-ready", "answer-shown"].map(
                (n) => [n, performance.getEntriesByName("hold-guide:" + n)[0]?.startTime ?? null]))"""))
            popup.close()
        browser.context.close()
    first, warm = marks[0], marks[1:]
    print(f"popup on {case.id} ({case.url}):")
    print(f"  fresh profile: Python ready {first['python-ready']:7.0f} ms, "
          f"answer shown {first['answer-shown']:7.0f} ms")
    for name in ("python-ready", "answer-shown"):
        values = [m[name] for m in warm]
        print(f"  warm, {runs} runs: {name:13s} median {statistics.median(values):7.0f} ms "
              f"(min {min(values):.0f}, max {max(values):.0f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium measurements")
    parser.add_argument("--runs", type=int, default=7, help="warm popup openings to measure (default 7)")
    args = parser.parse_args()
    bench_detector()
    if not args.no_browser:
        bench_popup(args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
