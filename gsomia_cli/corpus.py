"""The corpus: ``INDEX.md`` parsed into :class:`Article` records.

INDEX.md is markdown. Each article is a level-2 heading whose text is the
article id, followed by a fenced ``yaml`` block of metadata. Other text is
prose for people and is ignored.
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from gsomia_cli.normalize import Paragraph, clean_paragraphs, join
from gsomia_cli.problems import CorpusError, Problem
from gsomia_cli.quotemarks import mark_positions, pair_marks
from gsomia_cli.sentences import Sentence, split_text

REQUIRED_KEYS = ("outlet", "published", "file")
OPTIONAL_KEYS = ("headline", "url", "byline", "agency", "language", "note", "source")
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def metadata_dict(
    art_id: str, outlet: str, published: dt.date, optional: dict[str, str | None], file: str
) -> dict[str, object]:
    """Return an article's metadata as a JSON-ready dict: id, outlet,
    published, the optional keys that are set, file."""
    meta: dict[str, object] = {"id": art_id, "outlet": outlet, "published": published.isoformat()}
    meta.update({key: optional[key] for key in OPTIONAL_KEYS if optional.get(key)})
    meta["file"] = file
    return meta


@dataclass
class Article:
    """One article: its metadata, raw text, and the clean text with its
    paragraphs and sentences (offsets into ``clean``)."""

    id: str
    outlet: str
    published: dt.date
    file: str
    raw: str
    path: Path
    headline: str | None = None
    url: str | None = None
    byline: str | None = None
    agency: str | None = None
    language: str | None = None
    note: str | None = None
    source: str | None = None  # where the text came from and when it was added (gsomia add)
    line: int = 0

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        return clean_paragraphs(self.raw, self.headline)

    @cached_property
    def clean(self) -> str:
        return join(self.paragraphs)

    @cached_property
    def folded(self) -> str:
        """The clean text folded (see :mod:`textfold`): same offsets."""
        return join(self.paragraphs, folded=True)

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        """The ``(open, close)`` clean-text offsets of the quotation marks
        of every paragraph, sorted (see :func:`quotemarks.quote_spans`)."""
        clean, marks = self.clean, mark_positions(self.folded)  # (with single marks that quote, made double)
        return [span for p in self.paragraphs for span in pair_marks(clean, marks, p.start, p.end)]

    @cached_property
    def sentences(self) -> list[Sentence]:
        paragraphs = self.paragraphs
        spans = split_text(self.clean, self.folded, self.quotes, [(p.start, p.end) for p in paragraphs])
        return [
            Sentence(start, end, self.clean[start:end], index, para.kind)
            for index, (para, mine) in enumerate(zip(paragraphs, spans, strict=True))
            for start, end in mine
        ]

    @property
    def words(self) -> int:
        return len(self.clean.split())

    def raw_offset(self, clean_offset: int) -> int:
        """Return the offset in ``raw`` of the character at ``clean_offset``."""
        for para in reversed(self.paragraphs):
            if para.start <= clean_offset:
                return para.raw_start + min(clean_offset - para.start, len(para.text))
        return 0

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        """Return the sentence that contains clean-text ``offset``."""
        k = bisect.bisect_right(self._sentence_starts, offset) - 1
        if k >= 0 and offset < self.sentences[k].end:
            return self.sentences[k]
        return None

    def metadata(self) -> dict[str, object]:
        """Return the metadata as a JSON-ready dict (no text)."""
        optional = {key: getattr(self, key) for key in OPTIONAL_KEYS}
        return metadata_dict(self.id, self.outlet, self.published, optional, self.file)


@dataclass
class Corpus:
    """The loaded corpus: its INDEX.md path, articles, and warnings."""

    index_path: Path
    articles: list[Article]
    warnings: list[Problem] = field(default_factory=list)

    @property
    def root(self) -> Path:
        return self.index_path.parent

    def resolve(self, key: str) -> Article:
        """Return the article ``key`` names: an id, a unique id prefix, or an
        outlet name (or part of one) that matches exactly one article.
        Raises LookupError listing the candidates otherwise."""
        return resolve_article(self.articles, key)


@dataclass(frozen=True)
class Entry:
    """One INDEX.md entry before its file is read."""

    id: str
    line: int
    meta: dict[str, object]
    meta_line: int


def resolve_article(articles: list[Article], key: str) -> Article:
    """See :meth:`Corpus.resolve`."""
    lowered = key.lower()
    for matcher in (
        lambda a: a.id.lower() == lowered,
        lambda a: a.id.lower().startswith(lowered),
        lambda a: a.outlet.lower() == lowered,
        lambda a: lowered in a.outlet.lower() or lowered in (a.agency or "").lower(),
    ):
        found = [a for a in articles if matcher(a)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise LookupError(f"{key!r} is ambiguous: " + ", ".join(f"{a.id} ({a.outlet})" for a in found))
    shown = ", ".join(a.id for a in articles[:10]) + (f", … ({len(articles):,} in all)" if len(articles) > 10 else "")
    raise LookupError(f"no article matches {key!r}; ids: {shown}")


_HEADING = re.compile(r"^##\s+(.*?)\s*#*\s*$")
_FENCE_OPEN = re.compile(r"^(```|~~~)\s*ya?ml\s*$", re.IGNORECASE)


def parse_index(text: str, path: str) -> tuple[list[Entry], list[Problem]]:
    """Return the entries of INDEX.md ``text`` and the problems found in it
    (bad YAML, missing or bad keys, duplicate ids). ``path`` labels problems."""
    import yaml

    from gsomia_cli.resources import has_alias

    # Every scalar stays a string (dates and numbers are validated here, with the line), and
    # explicit tags build nothing; libyaml's loader when present: same rules, faster.
    loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    entries: list[Entry] = []
    problems: list[Problem] = []
    lines = text.splitlines()
    seen: dict[str, int] = {}
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if stripped.startswith("````") or (stripped.startswith("```") and stripped[3:].strip() in ("markdown", "md")):
            # An example in the prose (a fenced markdown block) holds no entries.
            close = stripped[: len(stripped) - len(stripped.lstrip("`"))]
            i += 1
            while i < len(lines) and lines[i].strip() != close:
                i += 1
            i += 1
            continue
        m = _HEADING.match(lines[i])
        if not m:
            i += 1
            continue
        art_id, heading_line = m.group(1).strip(), i + 1
        i += 1
        while i < len(lines) and not lines[i].strip():
            i += 1
        if i >= len(lines) or not _FENCE_OPEN.match(lines[i].strip()):
            problems.append(Problem(path, heading_line, f"article {art_id!r} has no ```yaml block after its heading"))
            continue
        fence = lines[i].strip()[:3]
        meta_line = i + 2
        i += 1
        body: list[str] = []
        while i < len(lines) and lines[i].strip() != fence:
            body.append(lines[i])
            i += 1
        if i >= len(lines):
            problems.append(Problem(path, meta_line - 1, f"article {art_id!r}: the yaml block is not closed"))
            break
        i += 1
        if not ID_PATTERN.fullmatch(art_id):
            problems.append(
                Problem(path, heading_line, f"bad article id {art_id!r}: use letters, digits, '.', '_' or '-'")
            )
            continue
        if art_id in seen:
            problems.append(Problem(path, heading_line, f"duplicate id {art_id!r} (first at line {seen[art_id]})"))
            continue
        seen[art_id] = heading_line
        simple = flat_mapping(body)
        if simple is not None:
            entries.append(Entry(art_id, heading_line, simple, meta_line))
            continue
        block = "\n".join(body)
        try:
            if has_alias(block, loader):
                # (an alias has no use in metadata, and a chain of them is a memory bomb)
                problems.append(Problem(path, meta_line, f"article {art_id!r}: YAML aliases (*name) are not allowed"))
                continue
            meta = yaml.load(block, Loader=loader)  # noqa: S506 - the base loader builds only strings, lists, maps
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = meta_line + (mark.line if mark else 0)
            reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            problems.append(Problem(path, line, f"article {art_id!r}: YAML does not parse: {reason}"))
            continue
        if not isinstance(meta, dict):
            problems.append(Problem(path, meta_line, f"article {art_id!r}: metadata must be a mapping of keys"))
            continue
        entries.append(Entry(art_id, heading_line, meta, meta_line))
    return entries, problems


_FLAT_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*?))? *")
_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@`")
_JSON_STRING = re.compile(r'"(?:[^"\\\x00-\x1f]|\\["\\nrtbf]|\\u[0-9a-fA-F]{4})*"')


def flat_mapping(lines: list[str]) -> dict[str, object] | None:
    """The mapping of a block of ``key: value`` lines whose values are plain
    words or JSON strings (what ``gsomia add`` writes, and most hands), read
    as YAML's base loader reads it: every value a string. None when any line
    needs the YAML parser (nesting, a quote, a comment, an indicator)."""
    import json

    out: dict[str, object] = {}
    for line in lines:
        if not line.strip():
            continue
        m = _FLAT_LINE.fullmatch(line)
        if not m:
            return None
        value = m.group(2) or ""
        if value.startswith('"'):
            if not _JSON_STRING.fullmatch(value):
                return None
            value = json.loads(value)
        elif value and (
            value[0] in _PLAIN_START or value[-1] == ":" or ": " in value or " #" in value or "\t" in value
        ):
            return None
        out[m.group(1)] = value
    return out


def _key_lines(entry: Entry, text_lines: list[str]) -> dict[str, int]:
    """The line of each top-level key of an entry's block (found in one pass)."""
    lines: dict[str, int] = {}
    for number in range(entry.meta_line, len(text_lines) + 1):
        line = text_lines[number - 1]
        if line.strip() in ("```", "~~~"):
            break
        key = line.split(":", 1)[0]
        if ":" in line and key and not key[0].isspace():
            lines.setdefault(key, number)
    return lines


@dataclass(frozen=True)
class CatalogEntry:
    """An INDEX.md entry whose metadata is valid; its file is not read yet."""

    id: str
    line: int
    file_line: int
    outlet: str
    published: dt.date
    file: str
    path: Path
    optional: dict[str, str | None]

    def metadata(self) -> dict[str, object]:
        """Return the metadata as :meth:`Article.metadata` does."""
        return metadata_dict(self.id, self.outlet, self.published, self.optional, self.file)


@dataclass
class Catalog:
    """INDEX.md read: its valid entries, problems and warnings."""

    index_path: Path
    entries: list[CatalogEntry]
    problems: list[Problem]
    warnings: list[Problem]

    def raise_problems(self, more: list[Problem] = ()) -> None:  # type: ignore[assignment]
        """Raise CorpusError when there is any problem."""
        problems = self.problems + list(more)
        if problems:
            raise CorpusError(sorted(problems, key=lambda p: p.line) + self.warnings)


def read_index_text(index_path: str | os.PathLike[str]) -> str:
    """Return the text of an INDEX.md; raises CorpusError when it cannot be read."""
    path = Path(index_path)
    shown = str(index_path)
    try:
        if not is_regular(path) and path.exists() and not path.is_dir():
            raise CorpusError([Problem(shown, 0, "not a regular file")])
        return path.read_text(encoding="utf-8-sig")  # (a byte order mark before the first heading is no text)
    except FileNotFoundError:
        raise CorpusError([Problem(shown, 0, "no such file")]) from None
    except IsADirectoryError:
        raise CorpusError([Problem(shown, 0, "is a directory, not an INDEX.md")]) from None
    except UnicodeDecodeError as exc:
        raise CorpusError([Problem(shown, 0, f"not UTF-8 text ({exc.reason} at byte {exc.start})")]) from None


def _resolver(root: Path) -> Callable[[str], Path | None]:
    """A function from an entry's ``file`` to its real path (links followed,
    as Path.resolve does), or None when that is outside ``root``. Each folder
    is resolved once, so a catalog of many files in one folder costs one
    stat per file."""
    base = str(root)
    folders: dict[str, str] = {}

    def resolve(rel: str) -> Path | None:
        folder, name = os.path.split(os.path.join(base, rel))
        if name in ("", ".", ".."):
            real = os.path.realpath(os.path.join(base, rel))
        else:
            if folder not in folders:
                folders[folder] = os.path.realpath(folder)
            real = os.path.join(folders[folder], name)
            if os.path.islink(real):
                real = os.path.realpath(real)
        return Path(real) if real == base or real.startswith(base.rstrip(os.sep) + os.sep) else None

    return resolve


def read_catalog(
    index_path: str | os.PathLike[str], text: str | None = None, first_line: int = 1, part: bool = False
) -> Catalog:
    """Return INDEX.md's entries with their metadata checked (no article file
    is read). Raises CorpusError when INDEX.md itself cannot be read. Given
    ``text`` (INDEX.md's text, read already), that is read; with ``part``, a
    part of it that starts at line ``first_line`` (what an add appended),
    which may hold no entry."""
    path = Path(index_path)
    shown = str(index_path)
    if text is None:
        text = read_index_text(index_path)
    entries, problems = parse_index(text, shown)
    if first_line != 1:
        shift = first_line - 1
        entries = [Entry(e.id, e.line + shift, e.meta, e.meta_line + shift) for e in entries]
        problems = [Problem(p.path, p.line + shift, p.message, p.severity) for p in problems]
    text_lines = [""] * (first_line - 1) + text.splitlines()
    warnings: list[Problem] = []
    valid: list[CatalogEntry] = []
    root = path.resolve().parent
    resolve = _resolver(root)
    for entry in entries:
        meta = entry.meta
        key_lines = _key_lines(entry, text_lines)
        missing = [key for key in REQUIRED_KEYS if meta.get(key) in (None, "")]
        for key in missing:
            problems.append(Problem(shown, entry.meta_line, f"article {entry.id!r}: missing required key {key!r}"))
        for key in meta:
            if key not in REQUIRED_KEYS and key not in OPTIONAL_KEYS:
                line = key_lines.get(str(key), entry.meta_line)
                warnings.append(Problem(shown, line, f"article {entry.id!r}: unknown key {key!r} ignored", "warning"))
        if missing:
            continue
        published = meta["published"]
        if isinstance(published, str):
            written = published.strip()
            try:
                published = dt.date.fromisoformat(written)
            except ValueError:
                try:  # a full ISO timestamp names its date too
                    published = dt.datetime.fromisoformat(written).date()
                except ValueError:
                    pass
        if isinstance(published, dt.datetime):
            published = published.date()
        if not isinstance(published, dt.date):
            line = key_lines.get("published", entry.meta_line)
            message = f"article {entry.id!r}: published {meta['published']!r} is not a date (YYYY-MM-DD)"
            problems.append(Problem(shown, line, message))
            continue
        file_line = key_lines.get("file", entry.meta_line)
        rel = str(meta["file"])
        if "\0" in rel or not isinstance(meta["file"], str):
            problems.append(Problem(shown, file_line, f"article {entry.id!r}: file {rel!r} is not a file name"))
            continue
        target = resolve(rel)
        if target is None:
            message = f"article {entry.id!r}: file {rel!r} is outside the corpus folder"
            problems.append(Problem(shown, file_line, message))
            continue
        optional = {k: (str(meta[k]).strip() if meta.get(k) is not None else None) for k in OPTIONAL_KEYS}
        valid.append(
            CatalogEntry(entry.id, entry.line, file_line, str(meta["outlet"]).strip(), published, rel, target, optional)
        )
    if not entries and not problems and not part:
        problems.append(Problem(shown, 0, "no articles: expected '## id' headings each followed by a ```yaml block"))
    return Catalog(path, valid, problems, warnings)


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # (a name too long for the file system)
        return False


def is_regular(path: Path) -> bool:
    """True for a regular file (a FIFO, a device or a socket would hang a read or never end)."""
    import stat

    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def read_article(entry: CatalogEntry, shown: str) -> Article | Problem:
    """Return the article of a catalog entry, or the problem with its file."""
    rel = entry.file
    if _exists(entry.path) and not entry.path.is_dir() and not is_regular(entry.path):
        return Problem(shown, entry.file_line, f"article {entry.id!r}: file {rel!r} is not a regular file")
    try:
        data = entry.path.read_bytes()
    except OSError as exc:  # (missing, a folder, unreadable, a name too long, ...)
        reason = "is missing" if isinstance(exc, FileNotFoundError) else f"cannot be read ({exc.strerror or exc})"
        return Problem(shown, entry.file_line, f"article {entry.id!r}: file {rel!r} {reason}")
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Problem(shown, entry.file_line, f"article {entry.id!r}: file {rel!r} is not UTF-8 (byte {exc.start})")
    if not raw.strip():
        return Problem(shown, entry.file_line, f"article {entry.id!r}: file {rel!r} is empty")
    return Article(
        id=entry.id,
        outlet=entry.outlet,
        published=entry.published,
        file=rel,
        raw=raw,
        path=entry.path,
        line=entry.line,
        **entry.optional,
    )


def read_articles(
    catalog: Catalog, entries: list[CatalogEntry], progress: Callable[[int, int], None] | None = None
) -> list[Article]:
    """Return the articles of ``entries``; raises CorpusError (with every
    problem of the catalog too) when any file is missing, empty or not UTF-8.
    ``progress(done, total)`` is called as files are read."""
    shown = str(catalog.index_path)
    loaded = []
    for n, e in enumerate(entries, 1):
        loaded.append(read_article(e, shown))
        if progress and (n % 200 == 0 or n == len(entries)):
            progress(n, len(entries))
    catalog.raise_problems([x for x in loaded if isinstance(x, Problem)])
    return [x for x in loaded if isinstance(x, Article)]


def load_corpus(index_path: str | os.PathLike[str], progress: Callable[[int, int], None] | None = None) -> Corpus:
    """Return the corpus described by ``index_path`` (an INDEX.md).
    Raises CorpusError with every problem found (never stops at the first)."""
    catalog = read_catalog(index_path)
    articles = read_articles(catalog, catalog.entries, progress)
    return Corpus(catalog.index_path, articles, catalog.warnings)


def unlisted_files(root: Path, named: Iterable[Path]) -> list[Path]:
    """The .txt and .md files in a corpus's article folders (articles/ and
    every folder a file of ``named`` is in) that are not in ``named`` (real
    paths, as the catalog gives them): left by an interrupted add, or
    forgotten. ``root``: the corpus folder, resolved."""
    known = {str(p) for p in named}
    folders = {os.path.dirname(p) for p in known} | {os.path.realpath(root / "articles")}
    found = []
    for folder in sorted(folders):
        if folder == str(root) or not os.path.isdir(folder):
            continue  # (the corpus folder itself holds notes and other files of the user's)
        with os.scandir(folder) as listing:
            names = sorted(e.name for e in listing if os.path.splitext(e.name)[1].lower() in (".txt", ".md"))
        for name in names:
            path = Path(folder, name)
            if str(path) not in known and str(path.resolve()) not in known and is_regular(path):
                found.append(path)
    return found


@dataclass
class CheckReport:
    """What ``gsomia check`` found: the number of articles (None when the
    corpus cannot be loaded) and every problem and warning."""

    articles: int | None
    problems: list[Problem]


def check_corpus(index_path: str | os.PathLike[str], progress: Callable[[int, int], None] | None = None) -> CheckReport:
    """Check a corpus as :func:`load_corpus` would load it, one article file
    at a time (none is kept: memory stays flat at any size), and look for
    files no entry names. ``progress(done, total)`` as files are read."""
    try:
        catalog = read_catalog(index_path)
    except CorpusError as exc:
        return CheckReport(None, exc.problems)
    shown = str(catalog.index_path)
    failed: list[Problem] = []
    total = len(catalog.entries)
    for n, entry in enumerate(catalog.entries, 1):
        found = read_article(entry, shown)
        if isinstance(found, Problem):
            failed.append(found)
        if progress and (n % 200 == 0 or n == total):
            progress(n, total)
    try:
        catalog.raise_problems(failed)
    except CorpusError as exc:
        return CheckReport(None, exc.problems)
    root = catalog.index_path.resolve().parent
    unlisted = [
        Problem(
            str(path.relative_to(root) if path.is_relative_to(root) else path),
            0,
            "no entry of INDEX.md names this file (left by an interrupted add?)",
            "warning",
        )
        for path in unlisted_files(root, (e.path for e in catalog.entries))
    ]
    return CheckReport(total, catalog.warnings + unlisted)


READ_ONLY_MARK = "<!-- gsomia: read-only seed corpus"


def is_read_only_corpus(index_path: Path) -> bool:
    """True for an INDEX.md that marks itself read-only (the seed corpus, in a
    package or a source checkout, carries the mark)."""
    try:
        if not is_regular(index_path):
            return False
        with open(index_path, encoding="utf-8", errors="replace") as handle:
            return READ_ONLY_MARK in handle.read(4096)
    except OSError:
        return False
