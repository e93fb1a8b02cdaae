"""The Pyodide memory snapshot the extension starts from (build.py, scripts/make_snapshot.mjs, lib/py-bridge.js).

Starting from the snapshot must change nothing but the time it takes: the built extension's own bridge runs under
Node (tests/node/bridge_paths.mjs), once from the snapshot and once plainly, on every golden page and message plus
the other requests the popup makes, and both must answer exactly what CPython answers. A snapshot that cannot be
used (missing, corrupted) must fall back to the plain start with the same answers. And the same sources must give
the same snapshot bytes, so the store zip stays reproducible.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

import build
from holdguide.api import run_json
from holdguide.inputs import page_from_path
from tests.golden_cases import all_cases

ROOT = Path(__file__).resolve().parents[2]
EXT = ROOT / "dist" / "extension"
SNAPSHOT = EXT / "pyodide" / build.SNAPSHOT_NAME
SCRIPT = ROOT / "tests" / "node" / "bridge_paths.mjs"


@pytest.fixture(scope="module", autouse=True)
def built() -> None:
    if not SNAPSHOT.exists() or not shutil.which("node"):
        pytest.fail("dist/extension has no snapshot: run `python build.py` (setup.sh does)")


def popup_requests() -> list[dict]:
    """What the popup and the background send: every golden page and message, a re-plan, the lists, a case log."""
    requests: list[dict] = [{"op": "options"}]
    for case in all_cases():
        if case.is_page:
            page = json.loads(json.dumps(dataclasses.asdict(page_from_path(case.document, url=case.url))))
            requests.append({"op": "analyze", "page": page, "language": None})
        else:
            requests.append({"op": "message", "text": case.document.read_text(encoding="utf-8")})
    earlier = json.loads(run_json(json.dumps(requests[1])))["detection"]
    page = {"url": "https://www.amazon.de/ap/signin", "lang": "de"}
    requests.append({"op": "plan", "detection": earlier, "page": page,
                     "details": {"name": "Erika", "order": "302-1234567-1234567"}, "language": "ja"})
    requests.append({"op": "caselog", "entries": [{"date": "2025-01-02", "channel": "chat", "ticket": "123"}],
                     "marketplace": "amazon.de", "today": "2025-01-10"})
    return [{"ui_language": "en", **request} for request in requests]


def run_bridge(extension: Path, requests: list[dict], tmp_path: Path) -> dict:
    (tmp_path / "requests.json").write_text(json.dumps(requests))
    result = tmp_path / "result.json"
    run = subprocess.run(["node", SCRIPT, extension, tmp_path / "requests.json", result],
                         capture_output=True, text=True, timeout=240, cwd=ROOT)
    assert run.returncode == 0 and result.exists(), run.stdout[-3000:] + run.stderr[-3000:]
    return json.loads(result.read_text())


def cpython(requests: list[dict]) -> list[dict]:
    return [json.loads(run_json(json.dumps(request))) for request in requests]


def test_both_starts_answer_exactly_what_cpython_answers(tmp_path: Path) -> None:
    requests = popup_requests()

    result = run_bridge(EXT, requests, tmp_path)

    assert result["snapshot"]["boot"]["path"] == "snapshot"
    assert result["plain"]["boot"]["path"] == "plain"
    expected = cpython(requests)
    assert result["snapshot"]["answers"] == expected
    assert result["plain"]["answers"] == expected
    assert result["refused"] == []


@pytest.mark.parametrize("damage", ["missing", "corrupted"])
def test_a_snapshot_that_cannot_be_used_falls_back_to_the_plain_start(damage: str, tmp_path: Path) -> None:
    extension = tmp_path / "extension"
    shutil.copytree(EXT, extension, ignore=shutil.ignore_patterns("*.png"))
    snapshot = extension / "pyodide" / build.SNAPSHOT_NAME
    if damage == "missing":
        snapshot.unlink()
    else:
        data = bytearray(snapshot.read_bytes())
        data[3_000_000:3_400_000] = bytes(b ^ 0x5A for b in data[3_000_000:3_400_000])
        snapshot.write_bytes(bytes(data))
    requests = popup_requests()[:4]

    result = run_bridge(extension, requests, tmp_path)

    boot = result["snapshot"]["boot"]
    assert boot["path"] == "plain" and boot["snapshotError"]
    assert result["snapshot"]["answers"] == cpython(requests)


def make_snapshot(out: Path, warm_up: Path = build.SNAPSHOT_WARM_UP) -> None:
    (wheel,) = (EXT / "wheels").glob("holdguide-*.whl")
    request = {"pyodide": str(EXT / "pyodide"), "wheel": str(wheel), "warmUp": str(warm_up), "out": str(out),
               "epoch": build.SOURCE_DATE_EPOCH}
    subprocess.run(["node", build.SNAPSHOT_SCRIPT, json.dumps(request)], check=True, capture_output=True, timeout=240)


def test_the_same_sources_give_the_same_snapshot(tmp_path: Path) -> None:
    make_snapshot(tmp_path / "again.bin")

    assert (tmp_path / "again.bin").read_bytes() == SNAPSHOT.read_bytes()


def test_whatever_the_snapshot_did_not_load_is_still_found_after_a_restore(tmp_path: Path) -> None:
    """A snapshot made without any warm-up: every module and data file is first read after the restore, from the
    wheel the bridge writes back (the in-memory file system is not part of the heap)."""
    extension = tmp_path / "extension"
    shutil.copytree(EXT, extension, ignore=shutil.ignore_patterns("*.png"))
    (tmp_path / "nothing.py").write_text("")
    make_snapshot(extension / "pyodide" / build.SNAPSHOT_NAME, warm_up=tmp_path / "nothing.py")
    requests = popup_requests()[:12]

    result = run_bridge(extension, requests, tmp_path)

    assert result["snapshot"]["boot"]["path"] == "snapshot"
    assert result["snapshot"]["answers"] == cpython(requests)


def test_the_snapshot_ships_in_the_store_zip_within_its_budget_and_is_declared() -> None:
    """Issue 10: the snapshot pays only while the store zip stays within 15 MB."""
    (archive,) = (ROOT / "dist").glob("hold-guide-*.zip")
    assert f"pyodide/{build.SNAPSHOT_NAME}" in zipfile.ZipFile(archive).namelist()
    assert archive.stat().st_size <= 15_000_000
    notes = (EXT / "THIRD_PARTY.md").read_text()
    assert build.SNAPSHOT_NAME in notes and hashlib.sha256(SNAPSHOT.read_bytes()).hexdigest() in notes
