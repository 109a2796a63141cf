"""Package data: the YAML knowledge files, merged with a user's own copies;
and where things are: the cache folder, the bundled seeds, the corpus a
command reads (``find_index``).

A user extends any file by putting one of the same name in the folder named
by ``$GSOMIA_DATA_DIR``: lists are extended, mappings updated key by key.
"""

from __future__ import annotations

import os
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

try:  # (the same SHA-1 as hashlib's, without loading OpenSSL: a tenth of a whole search's time)
    from _sha1 import sha1  # type: ignore[import-not-found]
except ImportError:  # (a Python built without its own SHA-1)
    from hashlib import sha1

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


class DataError(ValueError):
    """A data file that cannot be used: the message names the file (and line) and what is wrong."""


# Where an alias could stand ("*name" after a space or an opening mark): only then are events parsed.
_MAYBE_ALIAS = re.compile(r"(?:^|[\s\[{,])\*[^\s,\]}]")


def has_alias(text: str, loader: Any) -> bool:
    """True when the YAML ``text`` uses an alias (an anchor's "*name")."""
    import yaml

    return bool(_MAYBE_ALIAS.search(text)) and any(
        isinstance(e, yaml.AliasEvent) for e in yaml.parse(text, Loader=loader)
    )


def read_yaml(path: Path) -> dict[str, Any]:
    """Return the mapping a YAML data file holds, or raise :class:`DataError`
    (not UTF-8, not YAML, an alias, not a mapping)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, when present: same rules, faster
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    try:
        if has_alias(text, loader):
            raise DataError(f"{path}: YAML aliases (*name) are not allowed in data files")
        data = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise DataError(f"{where}: YAML does not parse: {getattr(exc, 'problem', None) or exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DataError(f"{path}: expected a mapping of keys at the top, found {type(data).__name__}")
    return data


@cache
def load_data(name: str) -> dict[str, Any]:
    """Return the parsed YAML data file ``name`` (e.g. ``"claims.yaml"``),
    merged with ``$GSOMIA_DATA_DIR/name`` when that exists. The result is
    kept as JSON in the cache folder while the files are unchanged (reading
    it needs no YAML parser: a command starts faster)."""
    import json

    user_dir = os.environ.get("GSOMIA_DATA_DIR")
    sources = [DATA_DIR / name] + ([Path(user_dir) / name] if user_dir else [])
    compiled = _compiled_path(name, sources)
    try:
        return dict(json.loads(compiled.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        pass  # (not there yet, or damaged: parsed again)
    data = read_yaml(DATA_DIR / name)
    user_file = sources[-1]
    if user_dir and user_file.is_file():
        extra = read_yaml(user_file)
        _check_shape(data, extra, user_file)
        data = _merge(data, extra)
    try:
        compiled.parent.mkdir(parents=True, exist_ok=True)
        temporary = compiled.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(data), encoding="utf-8")
        os.replace(temporary, compiled)
    except (OSError, TypeError, ValueError):
        pass  # (a read-only cache, or a value JSON cannot hold: parsed each time)
    return data


def _compiled_path(name: str, sources: list[Path]) -> Path:
    """Where the parsed ``name`` is kept for these source files as they are
    now (their path, size and modification time name the file), or None."""
    parts = []
    for path in sources:
        try:
            st = path.stat()
            parts.append(f"{path.resolve()}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{path}:missing")
    key = sha1("|".join(parts).encode()).hexdigest()[:16]
    return cache_dir() / "data" / f"{name}-{key}.json"


_NAMES = {"list": "list", "dict": "mapping", "str": "text", "int": "number", "float": "number", "bool": "yes/no"}


def _check_shape(base: dict[str, Any], extra: dict[str, Any], path: Path) -> None:
    """Raise DataError when a user's file gives a key of the bundled file a
    value of another shape (a number for a list, a list of numbers for a list
    of names): the bundled file is the schema."""
    for key, value in extra.items():
        if key not in base:
            continue
        want = base[key]
        if type(value) is not type(want) and not (isinstance(want, str) and isinstance(value, str)):
            raise DataError(f"{path}: `{key}` must be a {_NAMES.get(type(want).__name__, type(want).__name__)}")
        items = list(want.values()) if isinstance(want, dict) else want if isinstance(want, list) else []
        given = list(value.values()) if isinstance(value, dict) else value if isinstance(value, list) else []
        kinds = {type(i) for i in items}
        if len(kinds) == 1:
            (kind,) = kinds
            for item in given:
                if not isinstance(item, kind):
                    shown = _NAMES.get(kind.__name__, kind.__name__)
                    raise DataError(f"{path}: each item of `{key}` must be a {shown}, not {item!r}")


_WARNED: set[str] = set()


def cache_dir() -> Path:
    """Return the folder for index files: $GSOMIA_CACHE_DIR, else
    $XDG_CACHE_HOME/gsomia, else ~/.cache/gsomia."""
    if os.environ.get("GSOMIA_CACHE_DIR"):
        return Path(os.environ["GSOMIA_CACHE_DIR"])
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "gsomia"
    try:
        home = Path.home()
        if not str(home) or str(home) == "/" or not home.is_dir():
            raise RuntimeError(f"home {home} is no folder")
    except (RuntimeError, KeyError) as exc:
        import tempfile

        folder = Path(tempfile.gettempdir()) / f"gsomia-cache-{os.getuid() if hasattr(os, 'getuid') else 'user'}"
        if str(folder) not in _WARNED:  # (once a process)
            _WARNED.add(str(folder))
            print(f"gsomia: warning: no home folder ({exc}); the index cache is in {folder}", file=sys.stderr)
        return folder
    return home / ".cache" / "gsomia"


def bundled_seeds() -> Path:
    """Return the path of the seed corpus's INDEX.md shipped with the package."""
    packaged = Path(__file__).resolve().parent / "seeds" / "INDEX.md"
    if packaged.is_file():
        return packaged
    # A source checkout or an editable install: the top-level seeds/ folder.
    return Path(__file__).resolve().parent.parent / "seeds" / "INDEX.md"


def find_index(option: str | None) -> Path:
    """Return the INDEX.md to load: ``option`` (``--index``), else
    ``$GSOMIA_INDEX``, else ``./seeds/INDEX.md`` when present, else the
    bundled seed corpus."""
    if option:
        return Path(option)
    if os.environ.get("GSOMIA_INDEX"):
        return Path(os.environ["GSOMIA_INDEX"])
    local = Path("seeds") / "INDEX.md"
    if local.is_file():
        return local
    return bundled_seeds()
