"""build.py refuses to build when manifest.json, holdguide.__version__ and py/pyproject.toml disagree on the version
(the wheel is named after pyproject's, the store zip after the manifest's)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

import build

ROOT = Path(__file__).resolve().parents[2]
FILES = ("manifest.json", "py/holdguide/__init__.py", "py/pyproject.toml")


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The three files that carry the version, copied as they are."""
    for name in FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, tmp_path / name)
    return tmp_path


def _set_pyproject_version(root: Path, version: str) -> None:
    path = root / "py" / "pyproject.toml"
    text, count = re.subn(r'(?m)^version = "[^"]*"$', f'version = "{version}"', path.read_text())
    assert count == 1
    path.write_text(text)


def test_the_repository_carries_one_version() -> None:
    build.check_versions_agree()


def test_the_copy_passes_as_it_is(copy: Path) -> None:
    build.check_versions_agree(copy)


def test_a_pyproject_version_other_than_the_manifest_stops_the_build(copy: Path) -> None:
    _set_pyproject_version(copy, "9.9.9")
    with pytest.raises(SystemExit, match=r"py/pyproject\.toml version 9\.9\.9"):
        build.check_versions_agree(copy)


def test_a_package_version_other_than_the_manifest_stops_the_build(copy: Path) -> None:
    manifest = json.loads((copy / "manifest.json").read_text())
    manifest["version"] = "9.9.9"
    (copy / "manifest.json").write_text(json.dumps(manifest))
    _set_pyproject_version(copy, "9.9.9")  # pyproject agrees with the manifest; holdguide.__version__ does not
    with pytest.raises(SystemExit, match=r"holdguide\.__version__"):
        build.check_versions_agree(copy)


def test_main_checks_the_versions_before_it_touches_dist(monkeypatch: pytest.MonkeyPatch, copy: Path) -> None:
    _set_pyproject_version(copy, "9.9.9")
    monkeypatch.setattr(build, "ROOT", copy)
    monkeypatch.setattr(build, "clean", lambda: pytest.fail("the build went on despite the version mismatch"))
    with pytest.raises(SystemExit, match="pyproject"):
        build.main([])
