"""Our wheel is a proper installable distribution: micropip installs it inside Pyodide (under Node).

The extension itself loads the wheel with Pyodide's loadPackage through our own lock file (faster than
micropip, and checked against its sha256); this test keeps the wheel installable the standard way too.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tests" / "node" / "micropip_install.mjs"


def test_micropip_installs_our_wheel_and_it_answers() -> None:
    wheels = sorted((ROOT / "dist" / "wheels").glob("holdguide-*-py3-none-any.whl"))
    micropip = sorted((ROOT / ".cache" / "wheels").glob("micropip-*.whl"))
    if not (wheels and micropip and shutil.which("node")):
        pytest.fail("run setup.sh first: it downloads micropip and builds the wheel")
    request = json.dumps({"op": "options"})
    pyodide = ROOT / "node_modules" / "pyodide"
    run = subprocess.run(
        ["node", SCRIPT, pyodide, micropip[-1], wheels[-1], "holdguide.api.run_json", request],
        capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert 'micropip.install("emfs:' in run.stdout
    assert "network attempts: none" in run.stdout
    answer = json.loads(run.stdout.split(" -> ", 1)[1].splitlines()[0])
    assert answer["ok"] and "amazon.de" in {m["domain"] for m in answer["result"]["marketplaces"]}
