"""Measure what Hold Guide costs, and report what was measured (no pass/fail: timings belong here, not in tests).

    .venv/bin/python scripts/benchmark.py                       # everything, 7 runs, JSON to dist/benchmark.json
    .venv/bin/python scripts/benchmark.py --runs 2 --json out.json   # the CI smoke
    .venv/bin/python scripts/benchmark.py --no-browser          # the detector under CPython only

1. The detector and plan under CPython: ``analyze`` on every golden fixture, and on 10 MB of text.
2. One headless Chromium run with a copy of dist/extension/ plus two benchmark pages (never shipped), in a
   profile that has booted the extension once. Each round measures, in an order that rotates from round to round:
     floor          a bare ``loadPyodide()`` in an extension page (what any Pyodide popup costs here)
     boot_snapshot  lib/py-bridge.js started from the memory snapshot, to its first answer
     boot_plain     lib/py-bridge.js started plainly (loadPackage), to its first answer
     cold           the popup opened right after a hold page's load event, Python not running (the background
                    analysis starts with the page and is usually still running)
     cold_plain     the same with the snapshot file hidden (the bridge then starts plainly)
     dwell          the popup opened after 3 s on the page
     reopen         the popup opened a second time on the same tab
     badge          from the hold page's load event to the answer kept and the badge set (no popup), Python
                    not running
   Popup times run from the popup's navigation start to its answer on screen (``performance.mark`` in popup.js);
   the ``*_ready`` series to data-state "ready" (the page checked again, every form wired).
   Before the rounds (every extension page shares one process, which keeps what earlier pages used): memory
   (PSS of the extension's processes, from /proc) on an ordinary Amazon page, on a hold page with Python
   resident, and after Python was stopped; and which extension contexts exist on an ordinary page.
3. Bundle and zip size by part, from dist/extension/ and the store zip.

Every series reports its median, min, max and all values; ratios are medians over the floor's median. The JSON
holds it all, with the goals of issue 10 and whether this run met them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "py")]

import build  # noqa: E402
from holdguide.analyze import analyze  # noqa: E402
from holdguide.inputs import page_from_path  # noqa: E402
from holdguide.model import PageInput  # noqa: E402
from tests.golden_cases import all_cases, browser_pages  # noqa: E402

#: Issue 10's goals, as ratios of the floor's median (or absolute where noted).
GOALS = {"cold": 0.35, "dwell": 0.10, "reopen": 0.10, "badge_ms": 2_000, "zip_mb": 15.0, "snapshot_gain": 0.30}
DWELL_S = 3.0
ORDINARY_PAGE = ("https://www.amazon.de/dp/B000BENCH0",
                 "<!doctype html><html lang='de'><head><title>Amazon.de: Wasserkocher</title></head>"
                 "<body><h1>Wasserkocher, 1,7 l</h1><p>Auf Lager.</p></body></html>")

FLOOR_PAGE = """<!doctype html><meta charset="utf-8"><script type="module" src="floor.js"></script>"""
FLOOR_JS = """// Benchmark only: a bare loadPyodide(), the floor of any Pyodide page here.
import { loadPyodide } from "../pyodide/pyodide.mjs";
await loadPyodide({ indexURL: new URL("../pyodide/", import.meta.url).href });
document.documentElement.dataset.ms = String(performance.now());
"""
BOOT_PAGE = """<!doctype html><meta charset="utf-8"><script type="module" src="boot.js"></script>"""
BOOT_JS = """// Benchmark only: the bridge's start (snapshot or plain) to its first answer.
import { startPython } from "../lib/py-bridge.js";
const snapshot = new URLSearchParams(location.search).get("snapshot") === "1";
const bridge = await startPython({ snapshot });
const page = { url: "https://www.amazon.com/ap/signin", lang: "en", title: "Amazon Sign-In",
               text: "Your account is on hold. Verify the payment method of your recent order." };
const response = await bridge.call({ op: "analyze", page });
document.documentElement.dataset.result = JSON.stringify({ ms: performance.now(), boot: bridge.boot, ok: response.ok });
"""


def summary(values: list[float]) -> dict:
    values = [round(v, 1) for v in values if v is not None]
    if not values:
        return {"median": None, "min": None, "max": None, "values": []}
    return {"median": round(statistics.median(values), 1), "min": min(values), "max": max(values), "values": values}


# --- 1. the detector under CPython ------------------------------------------------------------------------------


def bench_detector() -> dict:
    timings = []
    for case in all_cases():
        page = page_from_path(case.document, url=case.url)
        start = time.perf_counter()
        analyze(page)
        timings.append((time.perf_counter() - start) * 1000)
    huge = PageInput(text=("Your order has shipped. " * 420_000)[:10_000_000], url="https://www.amazon.com/")
    start = time.perf_counter()
    analyze(huge)
    return {"golden_fixtures_ms": summary(timings), "ten_mb_text_ms": round((time.perf_counter() - start) * 1000, 1)}


# --- 2. the browser ---------------------------------------------------------------------------------------------


def bench_extension(directory: Path) -> Path:
    """A copy of the release build with the two benchmark pages added (the shipped build never has them)."""
    target = directory / "extension"
    shutil.copytree(build.EXTENSION, target)
    bench = target / "bench"
    bench.mkdir()
    for name, text in {"floor.html": FLOOR_PAGE, "floor.js": FLOOR_JS, "boot.html": BOOT_PAGE,
                       "boot.js": BOOT_JS}.items():
        (bench / name).write_text(text)
    return target


class Bench:
    """One Chromium with the benchmark copy loaded; each method measures one thing once."""

    def __init__(self, browser, extension: Path, hold_case) -> None:
        self.browser = browser
        self.extension = extension
        self.case = hold_case
        self.html = hold_case.document.read_text(encoding="utf-8")
        self.base = f"chrome-extension://{browser.extension_id}"

    def _page_value(self, url: str, attribute: str) -> str:
        page = self.browser.context.new_page()
        page.goto(url)
        page.wait_for_function(f"() => document.documentElement.dataset.{attribute}", timeout=60_000)
        value = page.evaluate(f"() => document.documentElement.dataset.{attribute}")
        page.close()
        return value

    def floor(self) -> float:
        return float(self._page_value(f"{self.base}/bench/floor.html", "ms"))

    def boot(self, snapshot: bool) -> float:
        result = json.loads(self._page_value(f"{self.base}/bench/boot.html?snapshot={int(snapshot)}", "result"))
        assert result["ok"] and result["boot"]["path"] == ("snapshot" if snapshot else "plain"), result
        return result["ms"]

    def stop_python(self) -> None:
        """Close the offscreen document (Python with it) and forget kept answers: the next page starts cold."""
        self.browser.worker.evaluate("""async () => {
            if ((await chrome.runtime.getContexts({contextTypes: ["OFFSCREEN_DOCUMENT"]})).length)
                await chrome.offscreen.closeDocument();
            await chrome.storage.session.clear(); }""")

    def hide_snapshot(self, hidden: bool) -> None:
        shown = self.extension / "pyodide" / build.SNAPSHOT_NAME
        off = shown.with_suffix(".off")
        if hidden and shown.exists():
            shown.rename(off)
        if not hidden and off.exists():
            off.rename(shown)

    def _answer_shown(self, popup) -> tuple[float, float]:
        """When the popup showed its first answer, and when it was ready (re-checked, every form wired)."""
        popup.wait_for_function("() => performance.getEntriesByName('hold-guide:ready').length", timeout=60_000)
        return tuple(popup.evaluate("""() => ['answer-shown', 'ready'].map(
            (name) => performance.getEntriesByName('hold-guide:' + name)[0].startTime)"""))

    def _hold_page(self):
        self.browser.web.serve(self.case.url, self.html)
        page = self.browser.context.new_page()
        page.goto(self.case.url)  # resolves at the load event
        return page, self.browser.tab_id(page)

    def _popup(self, tab: int):
        popup = self.browser.context.new_page()
        popup.goto(f"{self.base}/popup/popup.html?tabId={tab}")
        return popup, self._answer_shown(popup)

    def cold(self, snapshot: bool = True) -> tuple[float, float]:
        """The popup opened right after the hold page's load event, Python not running."""
        self.stop_python()
        self.hide_snapshot(not snapshot)
        try:
            page, tab = self._hold_page()
            popup, shown = self._popup(tab)
        finally:
            self.hide_snapshot(False)
        popup.close()
        page.close()
        return shown

    def badge(self) -> float:
        """The hold page's load event to the background's answer kept and the badge set, Python not running."""
        self.stop_python()
        page, tab = self._hold_page()
        elapsed = self._badge_ms(page, tab)
        page.close()
        return elapsed

    def dwell_and_reopen(self) -> tuple[tuple[float, float], tuple[float, float]]:
        self.stop_python()
        page, tab = self._hold_page()
        page.wait_for_timeout(DWELL_S * 1000)
        popup, dwell = self._popup(tab)
        popup.wait_for_timeout(300)
        popup.close()
        popup, reopen = self._popup(tab)
        popup.close()
        page.close()
        return dwell, reopen

    def _badge_ms(self, page, tab: int) -> float:
        """The page's load event to the answer kept with the badge (the background writes both together)."""
        loaded = page.evaluate(
            "() => performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventEnd")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            entry = self.browser.worker.evaluate(
                "async (t) => (await chrome.storage.session.get(`tab:${t}`))[`tab:${t}`]", tab)
            if entry and entry["state"] == "ready":
                badge = self.browser.worker.evaluate("async (tabId) => chrome.action.getBadgeText({tabId})", tab)
                assert entry["source"] == "background" and badge == "!", (entry["source"], badge)
                return entry["at"] - loaded
            time.sleep(0.02)
        raise RuntimeError(f"no answer kept for the hold page after 30 s: {entry}")

    def contexts(self) -> list[str]:
        return self.browser.worker.evaluate(
            "async () => (await chrome.runtime.getContexts({})).map((c) => c.contextType)")


def extension_processes_pss_mib(profile: Path) -> float:
    """PSS of Chromium's extension renderer processes of this profile (the service worker, the offscreen
    document and its Worker live there), from /proc/<pid>/smaps_rollup."""
    children: dict[int, list[int]] = {}
    cmdlines: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdlines[int(entry.name)] = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    roots = [pid for pid, cmd in cmdlines.items() if f"--user-data-dir={profile}" in cmd and "--type=" not in cmd]
    family, stack = set(), list(roots)
    while stack:
        pid = stack.pop()
        if pid not in family:
            family.add(pid)
            stack.extend(children.get(pid, []))
    total_kib = 0
    for pid in family:
        if "--extension-process" not in cmdlines.get(pid, ""):
            continue
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        total_kib += next(int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:"))
    return round(total_kib / 1024, 1)


def bench_memory(bench: Bench, profile: Path) -> dict:
    bench.stop_python()
    ordinary = bench.browser.open_page(*ORDINARY_PAGE)
    ordinary.wait_for_timeout(1_500)
    contexts_on_ordinary = bench.contexts()
    without = extension_processes_pss_mib(profile)
    page, tab = bench._hold_page()
    bench._badge_ms(page, tab)
    page.wait_for_timeout(1_000)
    with_hold = extension_processes_pss_mib(profile)
    bench.stop_python()
    page.wait_for_timeout(1_500)
    after_stop = extension_processes_pss_mib(profile)
    page.close()
    ordinary.close()
    return {"contexts_on_ordinary_page": contexts_on_ordinary, "ordinary_page_pss_mib": without,
            "hold_page_python_resident_pss_mib": with_hold, "after_python_stopped_pss_mib": after_stop}


def bench_browser(runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    from tests.e2e.browser import ServedWeb, launch

    os.environ.setdefault("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")
    case = next(c for c in browser_pages(phishing=False) if c.situation != "none" and "/ap/" in c.url)
    series: dict[str, list[float]] = {name: [] for name in
                                      ("floor", "boot_snapshot", "boot_plain", "cold", "cold_plain", "dwell",
                                       "reopen", "badge", "cold_ready", "cold_plain_ready", "dwell_ready",
                                       "reopen_ready")}
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as scratch:
        extension = bench_extension(Path(scratch))
        profile = Path(scratch) / "profile"
        browser = launch(playwright, extension, profile, ServedWeb())
        bench = Bench(browser, extension, case)
        memory = bench_memory(bench, profile)  # first: every extension page shares one process, which keeps
        # what earlier pages used

        def popup(name: str, times: tuple[float, float]) -> None:
            series[name].append(times[0])
            series[f"{name}_ready"].append(times[1])

        def dwell() -> None:
            shown, again = bench.dwell_and_reopen()
            popup("dwell", shown)
            popup("reopen", again)

        steps: list[Callable[[], None]] = [
            lambda: series["floor"].append(bench.floor()),
            lambda: series["boot_snapshot"].append(bench.boot(snapshot=True)),
            lambda: series["boot_plain"].append(bench.boot(snapshot=False)),
            lambda: popup("cold", bench.cold(snapshot=True)),
            lambda: popup("cold_plain", bench.cold(snapshot=False)),
            dwell,
            lambda: series["badge"].append(bench.badge()),
        ]
        for step in steps:  # the profile boots everything once (compiled-code cache); not counted
            step()
        for values in series.values():
            values.clear()
        for round_number in range(runs):
            shift = round_number % len(steps)
            for step in steps[shift:] + steps[:shift]:
                step()
            print(f"benchmark: round {round_number + 1}/{runs} done", flush=True)
        browser.context.close()
    stats = {name: summary(values) for name, values in series.items()}
    floor = stats["floor"]["median"]
    ratios = {name: round(stats[name]["median"] / floor, 3) for name in stats if name not in ("floor", "badge")}
    # The same, round by round (each over the floor of its own round), which cancels most of a shared machine's
    # drifting load; reported next to the ratio of medians.
    per_round = {name: round(statistics.median(v / f for v, f in zip(series[name], series["floor"], strict=True)), 3)
                 for name in ratios}
    snapshot_gain = round(1 - stats["cold"]["median"] / stats["cold_plain"]["median"], 3)
    return {"case": {"id": case.id, "url": case.url}, "times_ms": stats, "ratios_to_floor": ratios,
            "ratios_to_floor_per_round": per_round,
            "snapshot_cold_gain": snapshot_gain, "memory": memory}


# --- 3. sizes ---------------------------------------------------------------------------------------------------

PARTS = [  # (part, predicate on the path inside the extension), first match wins
    ("snapshot", lambda p: p.endswith(build.SNAPSHOT_NAME)),
    ("pyodide runtime", lambda p: p.startswith("pyodide/")),
    ("our wheel", lambda p: p.startswith("wheels/")),
    ("locales", lambda p: p.startswith("_locales/")),
    ("icons", lambda p: p.startswith("icons/")),
    ("our code and pages", lambda p: True),
]


def bench_sizes() -> dict:
    (archive,) = build.DIST.glob("hold-guide-*.zip")
    parts: dict[str, dict[str, int]] = {name: {"unpacked": 0, "zipped": 0} for name, _ in PARTS}
    with zipfile.ZipFile(archive) as bundle:
        for info in bundle.infolist():
            name = next(name for name, test in PARTS if test(info.filename))
            parts[name]["unpacked"] += info.file_size
            parts[name]["zipped"] += info.compress_size
    mb = {name: {key: round(value / 1e6, 2) for key, value in sizes.items()} for name, sizes in parts.items()}
    return {"zip_mb": round(archive.stat().st_size / 1e6, 2), "zip_bytes": archive.stat().st_size,
            "unpacked_mb": round(sum(p["unpacked"] for p in parts.values()) / 1e6, 2), "parts_mb": mb}


# --- report -----------------------------------------------------------------------------------------------------


def goals(report: dict) -> dict:
    browser = report.get("browser")
    met = {"zip_mb": report["sizes"]["zip_bytes"] <= GOALS["zip_mb"] * 1e6}
    if browser:
        ratios = browser["ratios_to_floor"]
        met |= {name: ratios[name] <= GOALS[name] for name in ("cold", "dwell", "reopen")}
        met["badge_ms"] = (browser["times_ms"]["badge"]["median"] or 1e9) <= GOALS["badge_ms"]
        met["snapshot_pays"] = browser["snapshot_cold_gain"] >= GOALS["snapshot_gain"] and met["zip_mb"]
        met["only_background_on_ordinary_page"] = browser["memory"]["contexts_on_ordinary_page"] == ["BACKGROUND"]
    return {"targets": GOALS, "met": met}


def print_report(report: dict) -> None:
    detector = report["detector"]
    print(f"detector+plan, golden fixtures: median {detector['golden_fixtures_ms']['median']} ms, "
          f"slowest {detector['golden_fixtures_ms']['max']} ms; 10 MB of text {detector['ten_mb_text_ms']} ms")
    if browser := report.get("browser"):
        floor = browser["times_ms"]["floor"]["median"]
        print(f"\nChromium, {report['runs']} rounds, page {browser['case']['id']}  (x floor = median / floor median)")
        print(f"{'measure':16s} {'median':>8s} {'min':>8s} {'max':>8s} {'x floor':>8s} {'per round':>9s}")
        for name, stats in browser["times_ms"].items():
            ratio = "" if name in ("badge", "floor") else f"{stats['median'] / floor:8.2f}"
            per_round = browser["ratios_to_floor_per_round"].get(name)
            per_round = "" if per_round is None else f"{per_round:9.2f}"
            print(f"{name:16s} {stats['median']:8.0f} {stats['min']:8.0f} {stats['max']:8.0f} {ratio:>8s} {per_round}")
        print(f"snapshot: cold popup {browser['snapshot_cold_gain'] * 100:.0f} % faster than with the plain start")
        print("memory (PSS of the extension's processes, MiB):",
              json.dumps({k: v for k, v in browser["memory"].items() if k.endswith("mib")}))
        print("extension contexts on an ordinary Amazon page:", browser["memory"]["contexts_on_ordinary_page"])
    sizes = report["sizes"]
    print(f"\nzip {sizes['zip_bytes']:,} bytes, unpacked {sizes['unpacked_mb']} MB; by part (unpacked / zipped MB):")
    for name, part in sizes["parts_mb"].items():
        print(f"  {name:20s} {part['unpacked']:7.2f} / {part['zipped']:6.2f}")
    print("\ngoals met:", json.dumps(report["goals"]["met"]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium measurements")
    parser.add_argument("--runs", type=int, default=7, help="measured rounds in Chromium (default 7)")
    parser.add_argument("--json", type=Path, default=build.DIST / "benchmark.json", help="where to write the JSON")
    args = parser.parse_args()
    report: dict = {"runs": args.runs, "cpus": os.cpu_count(), "load_average": os.getloadavg(),
                    "detector": bench_detector(), "sizes": bench_sizes()}
    if not args.no_browser:
        report["browser"] = bench_browser(args.runs)
        report["load_average_after"] = os.getloadavg()
    report["goals"] = goals(report)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n")
    print_report(report)
    print(f"\nJSON: {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
