"""What build.py wrote: the runtime unmodified, our wheel described in our lock file, a clean store zip."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

import build

ROOT = Path(__file__).resolve().parents[2]
EXT = ROOT / "dist" / "extension"


@pytest.fixture(scope="module", autouse=True)
def built() -> None:
    if not (EXT / "manifest.json").exists():
        pytest.fail("dist/extension is missing: run `python build.py` (setup.sh does)")


def test_pyodide_files_are_the_pinned_npm_files() -> None:
    for name, digest in build.PYODIDE_FILES.items():
        assert hashlib.sha256((EXT / "pyodide" / name).read_bytes()).hexdigest() == digest, name


def test_our_lock_file_lists_only_our_wheel_with_its_hash() -> None:
    lock = json.loads((EXT / "pyodide" / build.LOCK_NAME).read_text())
    assert list(lock["packages"]) == ["holdguide"]
    entry = lock["packages"]["holdguide"]
    wheel = (EXT / "pyodide" / entry["file_name"]).resolve()
    assert wheel.parent == EXT / "wheels"
    assert hashlib.sha256(wheel.read_bytes()).hexdigest() == entry["sha256"]
    assert entry["depends"] == []


def test_the_wheel_carries_the_data_files() -> None:
    (wheel,) = (EXT / "wheels").glob("holdguide-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    data = {p.relative_to(ROOT / "py").as_posix() for p in (ROOT / "py" / "holdguide" / "data").rglob("*.toml")}
    assert data <= names


def test_store_zip_holds_the_release_build_only() -> None:
    (archive,) = (ROOT / "dist").glob("hold-guide-*.zip")
    names = zipfile.ZipFile(archive).namelist()
    assert "manifest.json" in names
    manifest = json.loads(zipfile.ZipFile(archive).read("manifest.json"))
    assert "<all_urls>" not in manifest["host_permissions"]
    assert names == sorted(names)


def test_test_build_differs_only_in_host_access_identity_and_granted_permissions() -> None:
    release = json.loads((EXT / "manifest.json").read_text())
    test = json.loads((ROOT / "dist" / "extension-test" / "manifest.json").read_text())
    assert test["host_permissions"] == ["<all_urls>"]
    # The reminders' notifications: granted at install in the test build (no prompt to answer headless).
    assert test["permissions"] == release["permissions"] + build.TEST_GRANTED_PERMISSIONS
    assert "optional_permissions" not in test and release["optional_permissions"] == build.TEST_GRANTED_PERMISSIONS
    for key in ("host_permissions", "name", "browser_specific_settings", "permissions", "optional_permissions"):
        release.pop(key), test.pop(key, None)
    assert release == test


def test_only_the_test_build_switches_on_the_test_hooks() -> None:
    """The release's overlay root is always closed and its reminders expose nothing; the test build may open the root
    for a test and ring a reminder (build.py, TEST_HOOK_FILES)."""
    off, on = build.TEST_HOOKS_SWITCH
    test_build = ROOT / "dist" / "extension-test"
    for name in build.TEST_HOOK_FILES:
        assert off in (EXT / name).read_text() and on not in (EXT / name).read_text(), name
        assert on in (test_build / name).read_text(), name
    differ = [path.relative_to(test_build).as_posix() for path in test_build.rglob("*")
              if path.is_file() and path.read_bytes() != (EXT / path.relative_to(test_build)).read_bytes()]
    assert sorted(differ) == sorted([*build.TEST_HOOK_FILES, "manifest.json"])
    assert {"background/context-menu.js", "background/reminders.js"} <= set(build.TEST_HOOK_FILES)  # issue 12
