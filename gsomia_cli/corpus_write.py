"""Adding articles to a corpus: validated first, then copied and appended
to INDEX.md atomically under a lock, so that nothing is lost or half-written."""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from gsomia_cli.corpus import ID_PATTERN, is_regular

ACCEPTED_SUFFIXES = (".txt", ".md")
_HEADING_ID = re.compile(r"^##\s+(\S+?)\s*#*\s*$", re.MULTILINE)


class AddError(Exception):
    """Raised when an add is refused; nothing was changed."""


@dataclass(frozen=True)
class NewArticle:
    """An article to add: its text and metadata."""

    text: str
    source: str  # the file name given, or "-" for stdin
    outlet: str
    published: dt.date
    headline: str | None = None
    url: str | None = None
    byline: str | None = None
    id: str | None = None


def slug(text: str) -> str:
    """Return a lower-case id fragment of ``text`` ("The Korea Herald" -> "korea-herald")."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    words = [w for w in words if w not in ("the", "a", "an")] or ["article"]
    return "-".join(words)[:40].strip("-")


def read_source(source: str, stdin_text: str | None) -> str:
    """Return the text of ``source`` (a path, or "-" for ``stdin_text``);
    raises AddError when it is not a readable, non-empty UTF-8 .txt/.md file."""
    if source == "-":
        text = stdin_text or ""
    else:
        path = Path(source)
        if path.suffix.lower() not in ACCEPTED_SUFFIXES:
            raise AddError(f"{source}: only .txt and .md files (or - for stdin) can be added")
        if path.exists() and not path.is_dir() and not is_regular(path):
            raise AddError(f"{source}: not a regular file")
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except FileNotFoundError:
            raise AddError(f"{source}: no such file") from None
        except (IsADirectoryError, PermissionError):
            raise AddError(f"{source}: cannot be read") from None
        except UnicodeDecodeError as exc:
            raise AddError(f"{source}: not UTF-8 (byte {exc.start})") from None
    if not text.strip():
        raise AddError(f"{source}: empty")
    return text


@contextmanager
def _locked(index_path: Path):
    """Hold the corpus's write lock: a lock on its folder itself (a folder,
    unlike INDEX.md, is never replaced by an add, and no lock file is left
    beside the user's files)."""
    import fcntl

    folder = os.open(index_path.parent, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)
        yield
    finally:
        os.close(folder)  # (closing the descriptor releases the lock)


def _same_text(folder: Path, text: bytes) -> str | None:
    """The name of a file in ``folder`` with exactly ``text``, if any (only
    files of the same size are read, so this costs a listing of the folder)."""
    if not folder.is_dir():
        return None
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_file(follow_symlinks=False) and entry.stat().st_size == len(text):
                if Path(entry.path).read_bytes() == text:
                    return entry.name
    return None


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _remove_stale_temporaries(root: Path) -> None:
    """Delete the temporary files an add killed mid-write left (called under
    the lock, so no other add is writing them)."""
    for folder in (root, root / "articles"):
        if folder.is_dir():
            for tmp in folder.glob(".*.tmp"):
                tmp.unlink(missing_ok=True)


def _yaml_value(value: str) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)  # a JSON string is valid YAML


def _entry(art_id: str, new: NewArticle, rel: str) -> str:
    lines = [f"outlet: {_yaml_value(new.outlet)}", f"published: {new.published.isoformat()}", f"file: {rel}"]
    for key in ("headline", "url", "byline"):
        if getattr(new, key):
            lines.append(f"{key}: {_yaml_value(getattr(new, key))}")
    return f"\n## {art_id}\n\n```yaml\n" + "\n".join(lines) + "\n```\n"


def add_articles(index_path: Path, articles: list[NewArticle], allow_duplicate: bool = False) -> list[str]:
    """Add ``articles`` to the corpus of ``index_path`` (created when missing)
    and return their ids. Everything is checked before anything is written;
    raises AddError (nothing changed) on any problem, a text the corpus
    already holds among them unless ``allow_duplicate``."""
    if not articles:
        raise AddError("nothing to add")
    for new in articles:
        if not new.outlet.strip():
            raise AddError("--outlet must not be empty")
        if new.id is not None and not ID_PATTERN.fullmatch(new.id):
            raise AddError(f"bad id {new.id!r}: use letters, digits, '.', '_' or '-'")
    given = [a.id for a in articles if a.id]
    if len(given) != len(set(given)):
        raise AddError("the same --id is given twice")
    if index_path.exists() and not is_regular(index_path):
        raise AddError(f"{index_path}: not a regular file")
    index_path.parent.mkdir(parents=True, exist_ok=True)
    with _locked(index_path):
        _remove_stale_temporaries(index_path.parent)
        original = index_path.read_bytes() if index_path.exists() else b"# Corpus\n"
        try:
            text = original.decode("utf-8")
        except UnicodeDecodeError:
            raise AddError(f"{index_path}: not UTF-8") from None
        # Only the ids matter here; `gsomia check` validates the rest. Reading
        # headings alone keeps an add to a large corpus fast.
        taken = {t.lower() for t in _HEADING_ID.findall(text)}  # (ids that differ only in case are one id to `show`)
        folder = index_path.parent / "articles"
        if folder.exists() and not folder.resolve().is_relative_to(index_path.parent.resolve()):
            raise AddError(f"{folder} leads outside the corpus folder (a link?): articles are written only inside it")
        plan: list[tuple[str, NewArticle, Path]] = []
        for k, new in enumerate(articles):
            if not allow_duplicate:
                data = new.text.encode("utf-8")
                twin = _same_text(folder, data)
                if twin:
                    raise AddError(f"{new.source}: the same text as articles/{twin} (--allow-duplicate adds it anyway)")
                earlier = next((a.source for a in articles[:k] if a.text == new.text), None)
                if earlier is not None:
                    raise AddError(f"{new.source}: the same text as {earlier} (--allow-duplicate adds it anyway)")
            if new.id:
                if new.id.lower() in taken:
                    raise AddError(f"id {new.id!r} is already in {index_path}")
                art_id = new.id
            else:
                base = f"{slug(new.outlet)}-{new.published.isoformat()}"
                art_id, n = base, 2
                while (
                    art_id.lower() in taken or (folder / f"{art_id}.txt").exists() or (folder / f"{art_id}.md").exists()
                ):
                    art_id, n = f"{base}-{n}", n + 1
            taken.add(art_id.lower())
            suffix = Path(new.source).suffix.lower() if new.source != "-" else ".txt"
            target = folder / f"{art_id}{suffix}"
            if target.exists():
                raise AddError(f"{target} already exists")
            plan.append((art_id, new, target))
        folder.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []
        try:
            for _, new, target in plan:
                _atomic_write(target, new.text.encode("utf-8"))
                written.append(target)
            addition = "".join(_entry(art_id, new, f"articles/{t.name}") for art_id, new, t in plan)
            separator = b"" if original.endswith(b"\n") else b"\n"
            # (through a link to INDEX.md, the file it points to is written: the link stays)
            _atomic_write(index_path.resolve(), original + separator + addition.encode("utf-8"))
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise
    return [art_id for art_id, _, _ in plan]
