"""The package's data files (``holdguide/data/``), read once each.

Every table the engine runs on (marketplaces, signals, phishing cues, steps, texts...) is a TOML file shipped
inside the wheel; ``importlib.resources`` finds it both under CPython and inside Pyodide, where the package
lives in the in-memory file system. Callers keep only their own post-processing (compiling patterns,
flattening texts).
"""

from __future__ import annotations

import functools
import importlib.resources
import tomllib
from typing import Any


@functools.cache
def load_toml(relative_path: str) -> dict[str, Any]:
    """``data/<relative_path>`` parsed, e.g. ``load_toml("marketplaces.toml")``, ``load_toml("texts/de.toml")``.

    Cached: treat the result as read-only, it is shared by every caller.
    """
    return tomllib.loads(_data_dir().joinpath(*relative_path.split("/")).read_text(encoding="utf-8"))


def toml_names(folder: str) -> tuple[str, ...]:
    """The ``*.toml`` file names in ``data/<folder>``, sorted (``("ar.toml", "de.toml", ...)``)."""
    entries = _data_dir().joinpath(folder).iterdir()
    return tuple(sorted(entry.name for entry in entries if entry.name.endswith(".toml")))


def _data_dir() -> Any:
    return importlib.resources.files("holdguide") / "data"
