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
_HEADING_LINE = re.compile(r"##\s+(\S+?)\s*#*\s*")


class AddError(Exception):
    """Raised when an add is refused; nothing was changed."""


@dataclass(frozen=True)
class NewArticle:
    """An article to add: its text and metadata."""

    text: str
    source: str  # the file name or URL given, or "-" for stdin
    outlet: str
    published: dt.date
    headline: str | None = None
    url: str | None = None
    byline: str | None = None
    id: str | None = None
    language: str | None = None
    provenance: str | None = None  # the entry's `source:` note: where from, and when added
    suffix: str = ".txt"  # of the file written in articles/


@dataclass
class AddReport:
    """What an add did: the articles added, ``(id, source)``, and those
    refused, ``(source, why)``."""

    added: list[tuple[str, str]]
    refused: list[tuple[str, str]]


def slug(text: str) -> str:
    """Return a lower-case id fragment of ``text`` ("The Korea Herald" -> "korea-herald")."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    words = [w for w in words if w not in ("the", "a", "an")] or ["article"]
    return "-".join(words)[:40].strip("-")


def read_source(source: str, stdin_text: str | None) -> str:
    """Return the text of ``source`` (a path, or "-" for ``stdin_text``);
    raises AddError, saying why, when it is not a readable, non-empty UTF-8 .txt/.md file."""
    if source == "-":
        text = stdin_text or ""
    else:
        path = Path(source)
        if path.suffix.lower() not in ACCEPTED_SUFFIXES:
            raise AddError("only .txt, .md and .html files, URLs and folders of them (or - for stdin) can be added")
        if path.exists() and not path.is_dir() and not is_regular(path):
            raise AddError("not a regular file")
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except FileNotFoundError:
            raise AddError("no such file") from None
        except (IsADirectoryError, PermissionError):
            raise AddError("cannot be read") from None
        except UnicodeDecodeError as exc:
            raise AddError(f"not UTF-8 (byte {exc.start})") from None
    if not text.strip():
        raise AddError("empty")
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
            for name in os.listdir(folder):
                if name[:1] == "." and name.endswith(".tmp"):
                    (folder / name).unlink(missing_ok=True)


def _yaml_value(value: str) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)  # a JSON string is valid YAML


def _entry(art_id: str, new: NewArticle, rel: str) -> str:
    lines = [f"outlet: {_yaml_value(new.outlet)}", f"published: {new.published.isoformat()}", f"file: {rel}"]
    for key in ("headline", "url", "byline", "language"):
        if getattr(new, key):
            lines.append(f"{key}: {_yaml_value(getattr(new, key))}")
    if new.provenance:
        lines.append(f"source: {_yaml_value(new.provenance)}")
    return f"\n## {art_id}\n\n```yaml\n" + "\n".join(lines) + "\n```\n"


def add_articles(index_path: Path, articles: list[NewArticle]) -> AddReport:
    """Add ``articles`` to the corpus of ``index_path`` (created when
    missing): each is checked (outlet, id), those that pass are written, and
    INDEX.md is written once, atomically, under the corpus's lock. An
    article that does not pass is refused with why; AddError (nothing
    changed) when the corpus itself cannot be written. Duplicates are
    duplicates.py's to find, before."""
    if index_path.exists() and not is_regular(index_path):
        raise AddError(f"{index_path}: not a regular file")
    index_path.parent.mkdir(parents=True, exist_ok=True)
    refused: list[tuple[str, str]] = []
    with _locked(index_path):
        _remove_stale_temporaries(index_path.parent)
        original = index_path.read_bytes() if index_path.exists() else b"# Corpus\n"
        try:
            text = original.decode("utf-8")
        except UnicodeDecodeError:
            raise AddError(f"{index_path}: not UTF-8") from None
        # Only the ids matter here; `gsomia check` validates the rest. Reading
        # headings alone keeps an add to a large corpus fast.
        taken = _TakenIds(text)
        folder = index_path.parent / "articles"
        if folder.exists() and not folder.resolve().is_relative_to(index_path.parent.resolve()):
            raise AddError(f"{folder} leads outside the corpus folder (a link?): articles are written only inside it")
        plan: list[tuple[str, NewArticle, Path]] = []
        for new in articles:
            why, art_id = _refusal(new, taken, folder)
            if why:
                refused.append((new.source, why))
                continue
            taken.add(art_id)
            plan.append((art_id, new, folder / f"{art_id}{new.suffix}"))
        if plan:
            _write(index_path, original, folder, plan)
    return AddReport([(art_id, new.source) for art_id, new, _ in plan], refused)


class _TakenIds:
    """The ids INDEX.md's headings give, asked one at a time (ids that differ
    only in case are one id to `show`): each looked for as a string, not by
    reading every heading, which keeps an add to a large corpus fast."""

    def __init__(self, text: str):
        self.text = text.lower()
        self.added: set[str] = set()

    def __contains__(self, art_id: str) -> bool:
        needle = art_id.lower()
        if needle in self.added:
            return True
        at = self.text.find(needle)
        while at != -1:
            start = self.text.rfind("\n", 0, at) + 1
            end = self.text.find("\n", at)
            m = _HEADING_LINE.fullmatch(self.text, start, len(self.text) if end == -1 else end)
            if m and m.group(1) == needle:
                return True
            at = self.text.find(needle, at + 1)
        return False

    def add(self, art_id: str) -> None:
        self.added.add(art_id.lower())


def _refusal(new: NewArticle, taken: _TakenIds, folder: Path) -> tuple[str | None, str]:
    """Why ``new`` cannot be added (None when it can), and its id."""
    if not new.outlet.strip():
        return "the outlet must not be empty", ""
    if new.id is not None:
        if not ID_PATTERN.fullmatch(new.id):
            return f"bad id {new.id!r}: use letters, digits, '.', '_' or '-'", ""
        if new.id.lower() in taken:
            return f"id {new.id!r} is already in the corpus", ""
        art_id = new.id
    else:
        base = f"{slug(new.outlet)}-{new.published.isoformat()}"
        art_id, n = base, 2
        while art_id.lower() in taken or (folder / f"{art_id}.txt").exists() or (folder / f"{art_id}.md").exists():
            art_id, n = f"{base}-{n}", n + 1
    if (folder / f"{art_id}{new.suffix}").exists():
        return f"{folder / f'{art_id}{new.suffix}'} already exists", ""
    return None, art_id


def _write(index_path: Path, original: bytes, folder: Path, plan: list[tuple[str, NewArticle, Path]]) -> None:
    """Write the articles' files, then INDEX.md with their entries; on any
    failure the files written are removed and INDEX.md is as it was."""
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
