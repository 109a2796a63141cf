"""Package data: the YAML knowledge files, merged with a user's own copies.

A user extends any file by putting one of the same name in the folder named
by ``$GSOMIA_DATA_DIR``: lists are extended, mappings updated key by key.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra


@cache
def load_data(name: str) -> dict[str, Any]:
    """Return the parsed YAML data file ``name`` (e.g. ``"claims.yaml"``),
    merged with ``$GSOMIA_DATA_DIR/name`` when that exists."""
    import yaml

    data = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8")) or {}
    user_dir = os.environ.get("GSOMIA_DATA_DIR")
    if user_dir:
        user_file = Path(user_dir) / name
        if user_file.is_file():
            data = _merge(data, yaml.safe_load(user_file.read_text(encoding="utf-8")) or {})
    return data


def bundled_seeds() -> Path:
    """Return the path of the seed corpus's INDEX.md shipped with the package."""
    packaged = Path(__file__).resolve().parent / "seeds" / "INDEX.md"
    if packaged.is_file():
        return packaged
    # A source checkout or an editable install: the top-level seeds/ folder.
    return Path(__file__).resolve().parent.parent / "seeds" / "INDEX.md"
