#!/usr/bin/env bash
# One command for a fresh machine: installs what the build and the tests need, then builds the extension.
#   bash setup.sh
# Idempotent: re-running it skips what is already there. Needs root (or sudo) only for Debian packages.
set -euo pipefail
cd "$(dirname "$0")"

step() { printf '\n== %s\n' "$*"; }

step "Debian packages: Chromium and Firefox ESR for the browser tests, fonts for Japanese and Arabic screenshots"
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v firefox-esr >/dev/null || need+=(firefox-esr)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
dpkg -s fonts-noto-core >/dev/null 2>&1 || need+=(fonts-noto-core)
if ((${#need[@]})); then
  sudo_cmd=(); [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${need[@]}"
fi

step "Python virtual environment .venv with the package (editable) and the test tools"
python3 -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ needed"'
[[ -x .venv/bin/python ]] || python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -r requirements-dev.txt
.venv/bin/pip install -q --no-build-isolation -e py

step "pyodide-build (Python >= 3.12) in .venv-pyodide-build, for the lock file of our wheel"
if [[ ! -x .venv-pyodide-build/bin/pyodide ]]; then
  py312=""
  for candidate in python3.13 python3.12 "$HOME"/.pyenv/versions/3.13*/bin/python "$HOME"/.pyenv/versions/3.12*/bin/python; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; assert sys.version_info >= (3, 12)' 2>/dev/null; then
      py312=$candidate; break
    fi
  done
  [[ -n $py312 ]] || { echo "setup: pyodide-build needs Python >= 3.12 (python3.12 or pyenv)" >&2; exit 1; }
  "$py312" -m venv .venv-pyodide-build
  .venv-pyodide-build/bin/pip install -q -r requirements-pyodide-build.txt
fi

step "npm packages: the Pyodide runtime, Mozilla's addons-linter, axe-core (node_modules/)"
npm ci --no-audit --no-fund --loglevel=error

step "micropip wheel for Pyodide 3.14 (only used by the test that proves our wheel installs with micropip)"
mkdir -p .cache/wheels
ls .cache/wheels/micropip-0.11.1-*.whl >/dev/null 2>&1 || .venv/bin/pip download -q --no-deps --only-binary=:all: \
  --python-version 3.14 --platform any --implementation py -d .cache/wheels micropip==0.11.1

step "Build dist/extension/"
.venv/bin/python build.py
