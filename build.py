"""Build the Hold Guide extension: ``python build.py`` (after ``bash setup.sh``) writes

- ``dist/extension/``        the unpacked extension, loadable as is in Chrome and Firefox;
- ``dist/hold-guide-<version>.zip``   the same files zipped for the stores (reproducible: fixed dates, order);
- ``dist/extension-test/``   a test-only copy whose manifest may read every site (a headless test cannot
  click the toolbar button, so ``activeTab`` never grants it a non-Amazon page). Never zipped.

``python build.py --store`` then also writes ``dist/store/`` (scripts/store_listing.py: descriptions, screenshots,
privacy statement, permission justifications); it needs Chromium and the fonts, so the default build does not.
The build stops first if manifest.json, holdguide.__version__ and py/pyproject.toml disagree on the version.

Offline once ``setup.sh`` has fetched the packages. Each step is a function below, run in order by ``main``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DIST = ROOT / "dist"
EXTENSION = DIST / "extension"
TEST_EXTENSION = DIST / "extension-test"
WHEEL_DIR = DIST / "wheels"
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
PYODIDE_BUILD = ROOT / ".venv-pyodide-build" / "bin" / "pyodide"
DATA = ROOT / "py" / "holdguide" / "data"
SNAPSHOT_SCRIPT = ROOT / "scripts" / "make_snapshot.mjs"
SNAPSHOT_WARM_UP = ROOT / "scripts" / "snapshot_warm_up.py"

#: The Pyodide runtime we ship, from npm ``pyodide@314.0.7``: only the core files, copied byte for byte.
#: The hashes pin them; a different download fails the build instead of shipping unknown code.
PYODIDE_VERSION = "314.0.7"
PYODIDE_FILES = {
    "pyodide.mjs": "6f1d60f7bf529beb300f0f47983c921d3982363640ba20af0e38efdddbc66109",
    "pyodide.asm.mjs": "f7cdc8ece80678ceb712f8e65ebe6d3a83203a180c399865f49612a051693635",
    "pyodide.asm.wasm": "cc36e3cab04fdfc9a63ff13eb52eae2b911bf46c025cc7b281f394bd3de1d5e6",
    "python_stdlib.zip": "fa1957e5777068fc4f7437f96d860ae2fbe9c19732ba06c84e004ec16dd7dd7a",
    "pyodide-lock.json": "5dc2fc119108bc148c7457dc86e7675b5c87e1cafd420b9c34c1eaef7b36c010",
}
#: Our own lock file, next to Pyodide's; lists only our wheel (the bridge passes it as ``lockFileURL``).
LOCK_NAME = "holdguide-lock.json"
#: Pyodide's heap with our package imported, made under Node (scripts/make_snapshot.mjs); the bridge starts from it.
SNAPSHOT_NAME = "holdguide-snapshot.bin"
#: A fixed date for every file in the zip and the wheel, so the same sources give the same bytes.
SOURCE_DATE_EPOCH = int(os.environ.get("SOURCE_DATE_EPOCH", "1764028800"))  # 2025-11-25


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def log(message: str) -> None:
    print(f"build: {message}", flush=True)


def clean() -> None:
    for folder in (EXTENSION, TEST_EXTENSION, WHEEL_DIR):
        shutil.rmtree(folder, ignore_errors=True)
    for old in DIST.glob("hold-guide-*.zip"):
        old.unlink()


def copy_extension_sources() -> None:
    """extension/ and manifest.json as they are: the manifest at the top is the one that ships."""
    shutil.copytree(ROOT / "extension", EXTENSION, ignore=shutil.ignore_patterns(".*", "*~"))
    shutil.copy2(ROOT / "manifest.json", EXTENSION / "manifest.json")


def account_page_patterns() -> list[str]:
    """The content script's match list: every page of data/account_pages.toml on every marketplace's domain.

    Amazon's sign-in and account pages are where the background reads a page as it loads; the list is built from
    the data (one pattern per page and marketplace) and lies inside the host permissions, which are the same
    marketplace domains.
    """
    pages = _toml(DATA / "account_pages.toml")["page"]
    domains = [marketplace["domain"] for marketplace in _toml(DATA / "marketplaces.toml")["marketplace"]]
    return sorted(f"https://{page['host']}.{domain}{page['path']}*" for page in pages for domain in domains)


def _toml(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def write_content_scripts() -> None:
    """Fill the manifest's content-script match list from the data (manifest.json at the top leaves it empty)."""
    path = EXTENSION / "manifest.json"
    manifest = json.loads(path.read_text())
    (entry,) = manifest["content_scripts"]
    entry["matches"] = account_page_patterns()
    path.write_text(json.dumps(manifest, indent=2) + "\n")
    log(f"content script matches {len(entry['matches'])} sign-in and account page patterns")


def vendor_pyodide() -> None:
    """Copy Pyodide's core files unmodified and verify them against the pinned hashes."""
    target = EXTENSION / "pyodide"
    target.mkdir(parents=True)
    installed = json.loads((PYODIDE_NPM / "package.json").read_text())["version"]
    if installed != PYODIDE_VERSION:
        sys.exit(f"build: node_modules has pyodide {installed}, expected {PYODIDE_VERSION}; run setup.sh")
    for name, expected in PYODIDE_FILES.items():
        shutil.copy2(PYODIDE_NPM / name, target / name)
        if sha256(target / name) != expected:
            sys.exit(f"build: {name} from npm does not match its pinned sha256")
    shutil.copy2(PYODIDE_NPM / "LICENSE", target / "LICENSE") if (PYODIDE_NPM / "LICENSE").exists() else None
    log(f"vendored Pyodide {PYODIDE_VERSION} ({len(PYODIDE_FILES)} files, hashes verified)")


def build_wheel() -> Path:
    """Our package as a pure-Python ``py3-none-any`` wheel (hatchling; no cross-build environment needed)."""
    WHEEL_DIR.mkdir(parents=True)
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(SOURCE_DATE_EPOCH)}
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", WHEEL_DIR,
         ROOT / "py"],
        check=True, env=env,
    )
    (wheel,) = WHEEL_DIR.glob("holdguide-*-py3-none-any.whl")
    log(f"built {wheel.name}")
    return wheel


def write_lock_file(wheel: Path) -> None:
    """Describe the wheel in a lock file of our own with pyodide-build's offline lock-file tooling.

    The lock starts from npm's ``info`` (ABI, platform, Python) with no packages, so Pyodide knows only our
    wheel and can never fall back to its CDN; its sha256 makes the browser check the wheel's integrity.
    """
    shipped = EXTENSION / "wheels" / wheel.name
    shipped.parent.mkdir()
    shutil.copy2(wheel, shipped)
    info = json.loads((PYODIDE_NPM / "pyodide-lock.json").read_text())["info"]
    with tempfile.TemporaryDirectory() as scratch:
        empty = Path(scratch) / "empty-lock.json"
        empty.write_text(json.dumps({"info": info, "packages": {}}))
        subprocess.run(
            [PYODIDE_BUILD, "lockfile", "add-wheels", "--input", empty, "--output", EXTENSION / "pyodide" / LOCK_NAME,
             "--wheel-url", "../wheels/", shipped],
            check=True, capture_output=True,
        )
    lock = json.loads((EXTENSION / "pyodide" / LOCK_NAME).read_text())
    if lock["packages"]["holdguide"]["sha256"] != sha256(shipped):
        sys.exit("build: the lock file's sha256 does not match the wheel")
    log(f"wrote pyodide/{LOCK_NAME} with pyodide-build")


def make_snapshot(wheel: Path) -> None:
    """Pyodide's heap after start-up with our package imported and its data read, for a fast start.

    Made under Node from the shipped files (scripts/make_snapshot.mjs), with a fixed clock and entropy so the
    same sources give the same bytes. The bridge falls back to a plain start whenever it cannot use it.
    """
    target = EXTENSION / "pyodide" / SNAPSHOT_NAME
    request = {"pyodide": str(EXTENSION / "pyodide"), "wheel": str(EXTENSION / "wheels" / wheel.name),
               "warmUp": str(SNAPSHOT_WARM_UP), "out": str(target), "epoch": SOURCE_DATE_EPOCH}
    run = subprocess.run(["node", SNAPSHOT_SCRIPT, json.dumps(request)], capture_output=True, text=True)
    if run.returncode != 0 or not target.exists():
        sys.exit(f"build: the memory snapshot failed:\n{run.stdout[-2000:]}{run.stderr[-2000:]}")
    log(f"made pyodide/{SNAPSHOT_NAME} ({target.stat().st_size / 1e6:.1f} MB)")


def write_vendor_notes(wheel: Path) -> None:
    """Where every third-party file came from, with its hash, for store reviewers."""
    lines = [
        "# Third-party files in this extension",
        "",
        f"Pyodide {PYODIDE_VERSION}, copied unmodified from the npm package `pyodide@{PYODIDE_VERSION}`",
        "(https://www.npmjs.com/package/pyodide, Mozilla Public License 2.0). Nothing is loaded from a CDN.",
        "",
        "| file | sha256 |",
        "|---|---|",
        *(f"| pyodide/{name} | {digest} |" for name, digest in PYODIDE_FILES.items()),
        "",
        f"Our own code: wheels/{wheel.name} (sha256 {sha256(wheel)}), built from py/ in this repository;",
        f"pyodide/{LOCK_NAME} lists it for Pyodide's loadPackage.",
        f"pyodide/{SNAPSHOT_NAME} (sha256 {sha256(EXTENSION / 'pyodide' / SNAPSHOT_NAME)}) is Pyodide's memory",
        "after start-up with that wheel imported, made by build.py from the files above (scripts/make_snapshot.mjs).",
        "",
    ]
    (EXTENSION / "THIRD_PARTY.md").write_text("\n".join(lines))


#: The switch for test hooks: off in the release, on in the test build only, in every file of TEST_HOOK_FILES.
TEST_HOOKS_SWITCH = ("const TEST_HOOKS = false;", "const TEST_HOOKS = true;")
#: Files whose `const TEST_HOOKS = false;` line the test build flips: the overlay (open shadow root, marked host),
#: the context menu (globalThis.holdGuideTest.checkFromMenu: no test can open a native context menu) and the
#: reminders (globalThis.holdGuideReminders: ring an alarm, follow a notification's click).
TEST_HOOK_FILES = ["content/overlay.js", "background/context-menu.js", "background/reminders.js"]
#: Optional permissions the test build holds from the start (a headless test cannot answer a permission prompt).
TEST_GRANTED_PERMISSIONS = ["notifications"]


def write_test_variant() -> None:
    """dist/extension-test/: the same files, but host access to every site (contract: test-only, never zipped), and
    the overlay's test hooks switched on: a test may ask for an open shadow root (by marking the page's <html>), and
    the overlay's own host is marked, so a test finds it beside a #hold-guide-overlay a hostile page planted. The
    release's overlay root is always closed. The context menu's and the reminders' hooks are on too, and
    `notifications` is granted at install (TEST_GRANTED_PERMISSIONS), so a test clicks the menu entry, rings a
    reminder and follows its click."""
    shutil.copytree(EXTENSION, TEST_EXTENSION)
    manifest = json.loads((TEST_EXTENSION / "manifest.json").read_text())
    manifest["host_permissions"] = ["<all_urls>"]
    manifest["name"] = "Hold Guide (test build)"
    manifest["browser_specific_settings"]["gecko"]["id"] = "hold-guide-test@holdguide.example"
    for permission in TEST_GRANTED_PERMISSIONS:
        manifest["optional_permissions"].remove(permission)
        manifest["permissions"].append(permission)
    if not manifest["optional_permissions"]:
        del manifest["optional_permissions"]
    (TEST_EXTENSION / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    off, on = TEST_HOOKS_SWITCH
    for name in TEST_HOOK_FILES:
        hooked = TEST_EXTENSION / name
        if hooked.read_text().count(off) != 1:
            sys.exit(f"build: {name} must say `{off}` exactly once (the test build switches it on)")
        hooked.write_text(hooked.read_text().replace(off, on))


def zip_extension() -> Path:
    """A reproducible store zip: sorted names, fixed timestamps and permissions."""
    version = json.loads((EXTENSION / "manifest.json").read_text())["version"]
    archive = DIST / f"hold-guide-{version}.zip"
    stamp = _zip_date(SOURCE_DATE_EPOCH)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(p for p in EXTENSION.rglob("*") if p.is_file()):
            entry = zipfile.ZipInfo(path.relative_to(EXTENSION).as_posix(), date_time=stamp)
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            bundle.writestr(entry, path.read_bytes())
    log(f"wrote {archive.relative_to(ROOT)} ({archive.stat().st_size / 1e6:.1f} MB)")
    return archive


def _zip_date(epoch: int) -> tuple[int, int, int, int, int, int]:
    import time

    return time.gmtime(epoch)[:6]


def check_versions_agree(root: Path | None = None) -> None:
    """The manifest, the package and pyproject must carry one version (of ``root``, the repository by default)."""
    root = root or ROOT
    manifest = json.loads((root / "manifest.json").read_text())["version"]
    init = (root / "py" / "holdguide" / "__init__.py").read_text()
    if f'__version__ = "{manifest}"' not in init:
        sys.exit(f"build: manifest.json version {manifest} differs from holdguide.__version__")
    # The wheel's name carries pyproject's version, so a mismatch would ship a wheel that says another version.
    pyproject = _toml(root / "py" / "pyproject.toml")["project"]["version"]
    if pyproject != manifest:
        sys.exit(f"build: manifest.json version {manifest} differs from py/pyproject.toml version {pyproject}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", action="store_true",
                        help="then write dist/store/ (scripts/store_listing.py; needs Chromium and the fonts)")
    args = parser.parse_args(argv)
    check_versions_agree()
    clean()
    copy_extension_sources()
    write_content_scripts()
    vendor_pyodide()
    wheel = build_wheel()
    write_lock_file(wheel)
    make_snapshot(wheel)
    write_vendor_notes(wheel)
    write_test_variant()
    zip_extension()
    log(f"done: {EXTENSION.relative_to(ROOT)}/ and {TEST_EXTENSION.relative_to(ROOT)}/")
    if args.store:
        write_store_listing()
    return 0


def write_store_listing() -> None:
    """dist/store/ from the build just made; its own process, so the default build never imports Playwright."""
    if subprocess.run([sys.executable, ROOT / "scripts" / "store_listing.py"]).returncode != 0:
        sys.exit("build: the store listing failed (see above)")


if __name__ == "__main__":
    raise SystemExit(main())
