"""The search index: a SQLite FTS5 cache of the corpus's sentences and
extraction records, kept in the user's cache folder and refreshed when
INDEX.md or an article file changes (only changed articles are re-read)."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gsomia_cli.resources import cache_dir, sha1

if TYPE_CHECKING:
    from gsomia_cli.coverage import Coverage

SCHEMA_VERSION = "15"
TOKENIZER = "porter unicode61 remove_diacritics 2"

SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- The short columns first: SQLite walks a long value's pages to reach the columns after it.
CREATE TABLE articles (
    id TEXT PRIMARY KEY, outlet TEXT NOT NULL, published TEXT NOT NULL, file TEXT NOT NULL,
    fingerprint TEXT NOT NULL, metadata TEXT NOT NULL, words INTEGER NOT NULL, credits TEXT NOT NULL,
    copy_keys TEXT NOT NULL, paragraphs TEXT NOT NULL, spans TEXT NOT NULL, records TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_files ON articles (file, fingerprint);  -- freshness reads these, not the long rows
CREATE INDEX articles_words ON articles (words);  -- (an add looks for a text of the same length)
CREATE TABLE sentences (
    rowid INTEGER PRIMARY KEY, article TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    kind TEXT NOT NULL
);
CREATE INDEX sentences_article ON sentences (article);
CREATE TABLE statements (
    article TEXT NOT NULL, speaker TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL
);
CREATE INDEX statements_speaker ON statements (speaker);
-- Wire copies (wire.py), kept as articles come and go: each article's body
-- sentence openings, and the pairs of articles found to be copies.
CREATE TABLE openings (opening TEXT NOT NULL, article TEXT NOT NULL);
CREATE INDEX openings_opening ON openings (opening);
CREATE INDEX openings_article ON openings (article);
CREATE TABLE copies (article TEXT NOT NULL, other TEXT NOT NULL);
CREATE INDEX copies_article ON copies (article);
-- Each sentence beside the next one of its article: search matches words
-- within a sentence, or across it and its neighbour (see search.py).
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, next, tokenize = '{TOKENIZER}');
CREATE VIRTUAL TABLE vocabulary USING fts5vocab(sentences_fts, 'col');  -- (read for the text column)
-- A copy of the vocabulary, made on first need after a change: reading
-- fts5vocab walks the whole index.
CREATE TABLE terms (term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID;
"""


# A sentence's rowid carries its article's publication day in the high bits,
# so that rowid order is date order: search can take the matches of the newest
# articles first without sorting them.
DAY_SHIFT = 24


def first_rowid_of_day(published: str) -> int:
    """Return the lowest sentence rowid of articles published on ``published`` (ISO date)."""
    import datetime as dt

    return dt.date.fromisoformat(published).toordinal() << DAY_SHIFT


def index_path_for(corpus_index: Path) -> Path:
    """Return the cache file of the corpus whose INDEX.md is ``corpus_index``."""
    key = sha1(str(corpus_index.resolve()).encode()).hexdigest()[:16]
    return cache_dir() / f"index-{key}.sqlite"


EXTRACTION_DATA = ("claims.yaml", "officials.yaml", "language.yaml", "furniture.yaml")


def data_key() -> str:
    """What changes when a data file extraction reads changes: the bundled
    files and their overlays in $GSOMIA_DATA_DIR (their stats)."""
    from gsomia_cli.resources import DATA_DIR

    user = os.environ.get("GSOMIA_DATA_DIR")
    parts = [stat_key(DATA_DIR / name) for name in EXTRACTION_DATA]
    if user:
        parts += [stat_key(Path(user) / name) for name in EXTRACTION_DATA]
    return sha1("|".join(parts).encode()).hexdigest()[:16]


def _text_key(text: str, size: int) -> str:
    """What identifies the first ``size`` characters of INDEX.md: their length and hash."""
    import hashlib  # (OpenSSL's SHA-1, several times faster than _sha1's on a large INDEX.md)

    return f"{size}:{hashlib.sha1(text[:size].encode()).hexdigest()}"


def stat_key(path: Path | str) -> str:
    """What stands for a file's content: its modification time and size
    (``missing`` when it cannot be stat'd)."""
    try:
        st = os.stat(path)
    except OSError:
        return "missing"
    return f"{st.st_mtime_ns}:{st.st_size}"


@dataclass
class RefreshReport:
    """What a refresh did."""

    articles: int
    extracted: int
    removed: int
    seconds: float
    rebuilt: bool
    path: Path


RECORD_KINDS = ("quotes", "dates", "claims", "mentions", "officials")
COPIES_ANEW = 1_000  # articles (re)indexed at once above which every copy pair is found anew
RECHECK = 2_000  # article files whose stat each command checks (see Index.is_fresh)


class Index:
    """An open search index of one corpus."""

    def __init__(self, corpus_index: Path, db_path: Path | None = None):
        self.corpus_index = corpus_index
        self.path = db_path or index_path_for(corpus_index)
        self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        if str(self.path) == ":memory:":
            return self._create()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self.path.exists() or self.path.stat().st_size == 0:
            return self._create()  # (new, or discarded after damage)
        try:
            db = sqlite3.connect(self.path, timeout=LOCK_WAIT)
            tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"meta", "articles", "sentences", "statements", "terms"} <= tables:
                raise sqlite3.DatabaseError("tables missing")
            version = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if version and version[0] == SCHEMA_VERSION:
                return db
            db.close()
        except sqlite3.DatabaseError as exc:  # corrupt or foreign: rebuilt
            print(
                f"gsomia: warning: the index cache was damaged ({damage_reason(exc)}); it is rebuilt", file=sys.stderr
            )
        return self._create()

    def _create(self) -> sqlite3.Connection:
        if str(self.path) != ":memory:":
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(str(self.path) + suffix).unlink(missing_ok=True)
        db = sqlite3.connect(str(self.path), timeout=LOCK_WAIT)
        db.executescript(SCHEMA)
        db.execute(
            "INSERT INTO meta VALUES ('schema', ?), ('corpus', ?)", (SCHEMA_VERSION, str(self.corpus_index.resolve()))
        )
        db.commit()
        return db

    def close(self) -> None:
        self.db.close()

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def is_fresh(self, every_file: bool = False) -> bool:
        """True when the corpus is as when indexed, as far as a few stats
        tell: INDEX.md, the folders of the article files (a file added,
        removed, renamed or replaced changes its folder), and a rotating
        slice of RECHECK article files (a file written over in place changes
        only itself: seen within N / RECHECK commands, at once by ``gsomia
        index``; every file, every time, up to RECHECK articles), or of
        ``every_file``. A change of the extraction's data files (bundled or
        in $GSOMIA_DATA_DIR) makes every record stale."""
        if self._meta("index_stat") != stat_key(self.corpus_index) or self._meta("data") != data_key():
            return False
        folders = json.loads(self._meta("folders") or "{}")
        if any(stat_key(Path(folder)) != stored for folder, stored in folders.items()):
            return False
        root = str(self.corpus_index.resolve().parent) + os.sep
        if every_file:
            rows = self.db.execute("SELECT file, fingerprint FROM articles").fetchall()
        else:
            rows = self._recheck_slice(int(self._meta("articles") or 0))
        # (paths joined as strings: a Path, or even os.path.join, per file costs more than its stat)
        return all(
            stored.startswith(stat_key(file if os.path.isabs(file) else root + file) + ":") for file, stored in rows
        )

    def _recheck_slice(self, count: int) -> list[tuple[str, str]]:
        """This command's slice of RECHECK article files to re-check: the
        next after the last command's, in file order, wrapping around. Where
        it ended is kept in a small file beside the cache, so that a reader
        never writes the index; the slice is found by a seek in the file
        index (an OFFSET would walk every entry before it)."""
        query = "SELECT file, fingerprint FROM articles WHERE file > ? ORDER BY file, fingerprint LIMIT ?"
        if count <= RECHECK or str(self.path) == ":memory:":
            return self.db.execute(query, ("", RECHECK)).fetchall()
        marker = Path(str(self.path) + ".recheck")
        try:
            after = marker.read_text(encoding="utf-8")
        except (OSError, ValueError):
            after = ""
        rows = self.db.execute(query, (after, RECHECK)).fetchall()
        if len(rows) < RECHECK:  # (the slice wraps around)
            rows += self.db.execute(query, ("", RECHECK - len(rows))).fetchall()
        try:
            marker.write_text(rows[-1][0] if rows else "", encoding="utf-8")
        except OSError:
            pass  # (a read-only cache: the same slice each time)
        return rows

    def refresh(self, rebuild: bool = False, progress: Callable[[int, int], None] | None = None) -> RefreshReport:
        """Bring the index up to date with the corpus, reading and extracting
        only the articles whose file or metadata changed, and return what was
        done. Raises CorpusError when the corpus has a problem. When all that
        changed is entries appended to INDEX.md and their new files (what
        ``gsomia add`` does), only the appended part of INDEX.md is read."""
        from gsomia_cli.corpus import Problem, read_article, read_catalog, read_index_text
        from gsomia_cli.index_rows import Writer, fingerprint, prepare_all

        started = time.perf_counter()
        if self._meta("data") not in (None, data_key()):
            rebuild = True  # (other rules or knowledge: every record is extracted again)
        if rebuild:
            self.db.close()
            self.db = self._create()
        text = read_index_text(self.corpus_index)
        appended = None if rebuild else self._appended(text)
        if appended is not None:
            first_line, tail = appended
            catalog = read_catalog(self.corpus_index, tail, first_line, part=True)
            known = {
                i.lower()
                for (i,) in self.db.execute(
                    f"SELECT id FROM articles WHERE lower(id) IN ({','.join('?' * len(catalog.entries))})",
                    [e.id.lower() for e in catalog.entries],
                )
            }
            for e in catalog.entries:
                if e.id.lower() in known:
                    catalog.problems.append(Problem(str(self.corpus_index), e.line, f"duplicate id {e.id!r}"))
            stored: dict[str, str] = {}
            stale, removed = catalog.entries, []
            wanted_count = int(self._meta("articles") or 0) + len(stale)
        else:
            stored = dict(self.db.execute("SELECT id, fingerprint FROM articles"))
            catalog = read_catalog(self.corpus_index, text)
            # In publication order: sentence rowids then grow (see DAY_SHIFT), so
            # the tables are appended to rather than split.
            stale = [e for e in catalog.entries if stored.get(e.id) != fingerprint(e)]
            wanted = {e.id for e in catalog.entries}
            removed = [aid for aid in stored if aid not in wanted]
            wanted_count = len(wanted)
        catalog.raise_problems()
        stale = sorted(stale, key=lambda e: (e.published, e.id))
        shown = str(catalog.index_path)
        # A missing file is known from its stat, before any work; a file that
        # is empty or not UTF-8 only once read, and then nothing is written.
        catalog.raise_problems([read_article(e, shown) for e in stale if stat_key(e.path) == "missing"])  # type: ignore[misc]
        problems: list[Problem] = []
        going = removed + [e.id for e in stale if e.id in stored]
        # A few articles change the vocabulary copy (for typo correction) in place; many, anew on next need.
        in_place = self._meta("terms") is not None and len(going) + len(stale) <= COPIES_ANEW
        with self.db:
            if in_place:
                self._count_terms(self._texts_of(going), -1)
            for aid in going:
                self._delete(aid)
            writer = Writer(self.db)
            for n, prepared in enumerate(prepare_all(stale, shown), 1):
                if isinstance(prepared, Problem):
                    problems.append(prepared)
                elif not problems:
                    writer.add(prepared)
                if progress:
                    progress(n, len(stale))
            writer.flush()
            catalog.raise_problems(problems)  # raised inside the transaction: it is rolled back
            self._link_copies([e.id for e in stale], every=rebuild or len(stale) > COPIES_ANEW)
            folders = {str(e.path.parent) for e in catalog.entries}
            if appended is not None:
                folders |= set(json.loads(self._meta("folders") or "{}"))
            state = {
                "index_stat": stat_key(self.corpus_index),
                "data": data_key(),
                "index_text": _text_key(text, len(text)),
                "articles": str(wanted_count),
                "folders": json.dumps({folder: stat_key(Path(folder)) for folder in sorted(folders)}),
            }
            self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(state.items()))
            if in_place:
                self._count_terms(self._texts_of([e.id for e in stale]), +1)
            elif stale or removed:
                self.db.execute("DELETE FROM meta WHERE key = 'terms'")
        return RefreshReport(wanted_count, len(stale), len(removed), time.perf_counter() - started, rebuild, self.path)

    def _link_copies(self, ids: list[str], every: bool) -> None:
        """Record which of the articles ``ids`` copy another article (see
        wire.py): each compared with the articles sharing two of its sentence
        openings; or, ``every``, all pairs of the corpus found anew."""
        from gsomia_cli.wire import copies, is_copy

        if every:
            keys = {i: json.loads(k) for i, k in self.db.execute("SELECT id, copy_keys FROM articles")}
            self.db.execute("DELETE FROM copies")
            pairs = [(a, b) for a, others in copies(keys, keyed=True).items() for b in others]
            self.db.executemany("INSERT INTO copies VALUES (?, ?)", pairs)
            return
        linked: set[tuple[str, str]] = set()
        for aid in ids:
            own = [o for (o,) in self.db.execute("SELECT opening FROM openings WHERE article = ?", (aid,))]
            shared = [(other, n) for other, n in sorted(self.sharing(own).items()) if other != aid]
            if not shared:
                continue
            (mine,) = self.db.execute("SELECT copy_keys FROM articles WHERE id = ?", (aid,)).fetchone()
            keys_a = json.loads(mine)
            for other, count in shared:
                if (other, aid) in linked:
                    continue  # (both new: found from the other side already)
                (theirs,) = self.db.execute("SELECT copy_keys FROM articles WHERE id = ?", (other,)).fetchone()
                if is_copy(keys_a, json.loads(theirs), count):
                    self.db.executemany("INSERT INTO copies VALUES (?, ?)", [(aid, other), (other, aid)])
                    linked.add((aid, other))

    def copies(self, ids: Collection[str]) -> dict[str, list[str]]:
        """Per article of ``ids``, the others of ``ids`` it copies or that copy it (wire.copies)."""
        chosen = set(ids)
        out: dict[str, list[str]] = {}
        for article, other in self.db.execute("SELECT article, other FROM copies ORDER BY article, other"):
            if article in chosen and other in chosen:
                out.setdefault(article, []).append(other)
        return out

    def via(self, ids: Collection[str] | None = None) -> dict[str, list[str]]:
        """The "via" labels of articles (all, or ``ids``): the agencies each
        credits, then "copy of X" for each article it copies or is copied by."""
        where, args = where_articles(ids, None, None, ())
        out = {i: json.loads(c) for i, c in self.db.execute(f"SELECT id, credits FROM articles{where}", args)}
        chosen = f" WHERE article IN (SELECT id FROM articles{where})" if where else ""
        for article, other in self.db.execute(f"SELECT article, other FROM copies{chosen} ORDER BY other", args):
            out[article].append(f"copy of {other}")
        return out

    def articles(
        self,
        ids: Collection[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        outlets: Collection[str] = (),
        limit: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Yield the articles (all, or those the filters leave), by date, as
        their metadata with ``words`` and ``via``: a batch at a time, so the
        first comes at once in any corpus."""
        rows = self._by_date("id, metadata, words", ids, since, until, outlets, limit)
        while batch := rows.fetchmany(500):
            via = self.via([i for i, _, _ in batch])
            for i, metadata, words in batch:
                yield {**json.loads(metadata), "words": words, "via": via[i]}

    def article(self, article_id: str) -> dict[str, Any]:
        """One article as ``show`` prints it: its metadata, ``words``,
        clean ``text`` and ``paragraphs`` (start, end, kind, text)."""
        metadata, words, paragraphs, text = self.db.execute(
            "SELECT metadata, words, paragraphs, text FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return {
            **json.loads(metadata),
            "words": words,
            "text": text,
            "paragraphs": [
                {"start": a, "end": b, "kind": kind, "text": text[a:b]} for a, b, kind in json.loads(paragraphs)
            ],
        }

    def count(
        self,
        ids: Collection[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        outlets: Collection[str] = (),
    ) -> int:
        """How many articles the filters leave."""
        where, args = where_articles(ids, since, until, outlets)
        return int(self.db.execute(f"SELECT count(*) FROM articles{where}", args).fetchone()[0])

    def _appended(self, text: str) -> tuple[int, str] | None:
        """``(first line, text)`` of what was appended to INDEX.md since the
        last refresh, when that is all that changed: the text indexed is
        still its beginning, and no article file the index knows left its
        folder. None otherwise (or when nothing was indexed yet)."""
        key = self._meta("index_text")
        if not key:
            return None
        size = int(key.split(":", 1)[0])
        if len(text) <= size or _text_key(text, size) != key:
            return None  # (nothing appended, and yet something changed: every entry is checked)
        folders = json.loads(self._meta("folders") or "{}")
        changed = [folder for folder, stored in folders.items() if stat_key(Path(folder)) != stored]
        if changed:
            root = str(self.corpus_index.resolve().parent)
            present: dict[str, set[str]] = {}  # per changed folder, the names in it
            for folder in changed:
                try:
                    present[folder] = set(os.listdir(folder))
                except OSError:
                    return None
            absolute: dict[str, str] = {}  # a file's folder as written -> as a path
            for (file,) in self.db.execute("SELECT file FROM articles"):
                cut = file.rfind("/")
                folder, name = file[: max(cut, 0)], file[cut + 1 :]
                if "." in folder or "//" in file or file[:1] == "/":  # (spelled other than plainly: normalized)
                    folder, name = os.path.split(os.path.normpath(os.path.join(root, file)))
                else:
                    if folder not in absolute:
                        absolute[folder] = os.path.join(root, folder) if folder else root
                    folder = absolute[folder]
                if folder in present and name not in present[folder]:
                    return None  # (a file was removed or renamed: the whole catalog is read)
        prefix = text[:size]
        if prefix.count("```") % 2:  # (the part read ended inside a fenced block)
            return None
        return prefix.count("\n") + 1, text[size:]

    def _texts_of(self, ids: list[str]) -> list[str]:
        """The indexed (folded) sentences of the articles ``ids``."""
        out: list[str] = []
        for aid in ids:
            out += [
                t
                for (t,) in self.db.execute(
                    "SELECT f.text FROM sentences s JOIN sentences_fts f ON f.rowid = s.rowid WHERE s.article = ?",
                    (aid,),
                )
            ]
        return out

    def _count_terms(self, texts: list[str], sign: int) -> None:
        """Add (``sign`` +1) or take away (-1) the sentences ``texts`` in the
        vocabulary copy, tokenized as the index tokenizes them (in a
        temporary FTS table: SQLite's stemmer is not Python's to call)."""
        if not texts:
            return
        self.db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.delta USING fts5(text, tokenize = '{TOKENIZER}')")
        self.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.delta_terms USING fts5vocab(temp, delta, 'row')")
        self.db.execute("DELETE FROM temp.delta")
        self.db.executemany("INSERT INTO temp.delta (text) VALUES (?)", [(t,) for t in texts])
        self.db.execute(
            "INSERT INTO terms (term, doc) SELECT term, ? * doc FROM temp.delta_terms WHERE true"
            " ON CONFLICT (term) DO UPDATE SET doc = doc + excluded.doc",
            (sign,),
        )
        self.db.execute("DELETE FROM terms WHERE doc <= 0")

    def _delete(self, article_id: str) -> None:
        rows = [r for (r,) in self.db.execute("SELECT rowid FROM sentences WHERE article = ?", (article_id,))]
        self.db.executemany("DELETE FROM sentences_fts WHERE rowid = ?", [(r,) for r in rows])
        self.db.execute("DELETE FROM sentences WHERE article = ?", (article_id,))
        self.db.execute("DELETE FROM statements WHERE article = ?", (article_id,))
        self.db.execute("DELETE FROM openings WHERE article = ?", (article_id,))
        self.db.execute("DELETE FROM copies WHERE article = ? OR other = ?", (article_id, article_id))
        self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def records(
        self,
        ids: Collection[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        outlets: Collection[str] = (),
        limit: int | None = None,
    ) -> Iterator[tuple[dict[str, Any], str, dict[str, Any]]]:
        """Yield ``(metadata, clean text, extraction records)`` for every
        article (or those the filters leave), by date, one at a time: an
        export holds one article in memory, whatever the corpus's size."""
        from gsomia_cli.packed import unpack

        for m, t, r in self._by_date("metadata, text, records", ids, since, until, outlets, limit):
            metadata = json.loads(m)
            yield metadata, t, unpack(r, metadata, t)

    def _by_date(
        self,
        columns: str,
        ids: Collection[str] | None,
        since: str | None,
        until: str | None,
        outlets: Collection[str],
        limit: int | None = None,
    ) -> sqlite3.Cursor:
        """A cursor over ``columns`` of the articles the filters leave, by date."""
        where, args = where_articles(ids, since, until, outlets)
        limited = " LIMIT ?" if limit else ""
        return self.db.execute(
            f"SELECT {columns} FROM articles{where} ORDER BY published, id{limited}", args + ([limit] if limit else [])
        )

    def urls(self) -> list[tuple[str, str]]:
        """``(id, url)`` of every article whose metadata gives its URL."""
        rows = self.db.execute('SELECT id, metadata FROM articles WHERE metadata LIKE \'%"url": "%\'')
        return [(i, str(u)) for i, m in rows if (u := json.loads(m).get("url"))]

    def sharing(self, openings: Collection[str]) -> dict[str, int]:
        """The articles that open sentences as ``openings`` do (wire.opening),
        with how many of them each shares: where a copy of a text with those
        openings is to be looked for. An opening more than wire.MAX_SHARING
        articles share is boilerplate, not a copy's trace, and is left out."""
        from gsomia_cli.wire import MAX_SHARING

        chosen = sorted(set(openings))
        counts: dict[str, int] = {}
        for k in range(0, len(chosen), 500):  # (SQLite takes a bounded number of values at once)
            part = chosen[k : k + 500]
            for article, n in self.db.execute(
                f"SELECT o.article, count(*) FROM openings o WHERE o.opening IN ({','.join('?' * len(part))})"
                " AND (SELECT count(*) FROM openings b WHERE b.opening = o.opening) <= ? GROUP BY o.article",
                [*part, MAX_SHARING],
            ):
                counts[article] = counts.get(article, 0) + n
        return counts

    def of_words(self, words: int) -> list[str]:
        """The articles of exactly ``words`` words."""
        return [i for (i,) in self.db.execute("SELECT id FROM articles WHERE words = ?", (words,))]

    def copy_texts(self, ids: Collection[str]) -> list[tuple[str, str, str, list[str]]]:
        """``(id, outlet, clean text, copy keys)`` of the articles ``ids``."""
        out = []
        for aid in ids:
            row = self.db.execute("SELECT id, outlet, text, copy_keys FROM articles WHERE id = ?", (aid,)).fetchone()
            if row:
                out.append((row[0], row[1], row[2], json.loads(row[3])))
        return out

    def has_file(self, file: str) -> bool:
        """True when an article's ``file`` (relative to the corpus folder) is ``file``."""
        return self.db.execute("SELECT 1 FROM articles WHERE file = ? LIMIT 1", (file,)).fetchone() is not None

    def coverage(
        self,
        kinds: Collection[str] = RECORD_KINDS,
        text: bool = True,
        ids: Collection[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        outlets: Collection[str] = (),
    ) -> list[Coverage]:
        """Return the :class:`Coverage` of every article (or of those with
        ``ids``, published ``since``/``until``, from an outlet whose name
        holds one of ``outlets``), by date: the record lists named in
        ``kinds`` (the others left empty), and the text and sentences unless
        ``text`` is false (what a command does not read is not built)."""
        from gsomia_cli.coverage import from_index_row
        from gsomia_cli.packed import unpack_records

        spans_column = "spans" if text else "'[]'"
        rows = self._by_date(f"metadata, text, records, {spans_column}", ids, since, until, outlets)
        out = []
        for m, t, r, spans in rows:
            metadata = json.loads(m)  # (records are unpacked against the text, which is kept only when asked for)
            records = unpack_records(r, metadata, t, tuple(kinds))
            sentences = [(a, b, kind) for a, b, kind in json.loads(spans)]
            out.append(from_index_row(metadata, t if text else "", records, sentences))
        return out

    def resolve(self, key: str) -> str:
        """The id of the article ``key`` names (as :meth:`Corpus.resolve`: an
        id, a unique id prefix, or an outlet or agency matching one article);
        LookupError otherwise."""
        from types import SimpleNamespace

        from gsomia_cli.corpus import resolve_article

        row = self.db.execute("SELECT id FROM articles WHERE lower(id) = ?", (key.lower(),)).fetchone()
        if row:
            return str(row[0])
        keys = [
            SimpleNamespace(id=i, outlet=o, agency=json.loads(m).get("agency"))
            for i, o, m in self.db.execute("SELECT id, outlet, metadata FROM articles ORDER BY published, id")
        ]
        return str(resolve_article(keys, key).id)  # type: ignore[arg-type]

    def prepare_terms(self) -> None:
        """Copy the vocabulary into ``terms`` when it changed (a write: done
        while the update lock is held, never by a reader)."""
        if self._meta("terms") is None:
            with self.db:
                self.db.execute("DELETE FROM terms")
                self.db.execute("INSERT INTO terms SELECT term, doc FROM vocabulary WHERE col = 'text'")
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('terms', 'fresh')")

    def vocabulary(self) -> dict[str, int]:
        """Return every indexed term with the number of sentences that have it."""
        if self._meta("terms") is None:  # (not prepared: read it from the index itself)
            return dict(self.db.execute("SELECT term, doc FROM vocabulary WHERE col = 'text'"))
        return dict(self.db.execute("SELECT term, doc FROM terms"))

    def speakers(self) -> list[str]:
        """Return every speaker label in the index."""
        return [s for (s,) in self.db.execute("SELECT DISTINCT speaker FROM statements")]


LOCK_WAIT = 600  # seconds a process waits for another to finish updating the index


@contextmanager
def _updating(db_path: Path) -> Iterator[None]:
    """Hold the index's update lock: one process at a time checks, builds or
    refreshes an index (the others wait, then find it fresh); reading needs
    no lock. Without fcntl (not POSIX) there is no lock."""
    if str(db_path) == ":memory:":
        yield
        return
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with open(str(db_path) + ".lock", "a") as handle:
        waited = 0.0
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if waited == 0.5:
                    print("gsomia: waiting for another gsomia process to finish updating the index", file=sys.stderr)
                if waited >= LOCK_WAIT:
                    raise OSError(f"the index is still being updated by another process after {LOCK_WAIT} s") from None
                time.sleep(0.05)
                waited = round(waited + 0.05, 2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def where_articles(
    ids: Collection[str] | None, since: str | None, until: str | None, outlets: Collection[str]
) -> tuple[str, list[str]]:
    """An SQL WHERE clause (and its arguments) over ``articles`` for these filters."""
    where, args = [], []
    if ids is not None:
        where.append(f"id IN ({','.join('?' * len(ids))})")
        args += list(ids)
    if since:
        where.append("published >= ?")
        args.append(since)
    if until:
        where.append("published <= ?")
        args.append(until)
    if outlets:
        where.append("(" + " OR ".join("instr(lower(outlet), ?) > 0" for _ in outlets) + ")")
        args += [o.lower() for o in outlets]
    return (" WHERE " + " AND ".join(where) if where else ""), args


def damage_reason(exc: Exception) -> str:
    """What SQLite said of a damaged cache, fit for a terminal: its first
    line, at most 60 characters, printable (a decode error quotes the bytes)."""
    first = (str(exc).splitlines() or [type(exc).__name__])[0]
    shown = "".join(c if c.isprintable() and c != "\ufffd" else "?" for c in first[:60])
    return shown + ("…" if len(first) > 60 else "")


def discard(corpus_index: Path) -> None:
    """Delete the cache file of a corpus's index (it is rebuilt on next use)."""
    path = index_path_for(corpus_index)
    with _updating(path):
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)


def open_index(
    corpus_index: Path, progress=None, rebuild: bool = False, every_file: bool = False
) -> tuple[Index, RefreshReport | None]:
    """Return the index of a corpus, refreshed if anything changed (and the
    refresh report, or None when it was already fresh; ``rebuild``: built
    anew whatever its state; ``every_file``: each article file's stat
    checked, not a slice of them: see :meth:`Index.is_fresh`). One process at a
    time checks and refreshes (see :func:`_updating`). When the cache cannot
    be written, the index is built in memory for this run."""
    try:
        with _updating(index_path_for(corpus_index)):
            index = Index(corpus_index)
            fresh = not rebuild and index.is_fresh(every_file)
            report = None if fresh else index.refresh(rebuild=rebuild, progress=progress)
            index.prepare_terms()
            return index, report
    except (OSError, sqlite3.OperationalError) as exc:
        if (
            isinstance(exc, sqlite3.OperationalError)
            and "readonly" not in str(exc)
            and "unable to open" not in str(exc)
        ):
            raise
        print(f"gsomia: warning: cannot write the index cache ({exc}); indexing in memory", file=sys.stderr)
    index = Index(corpus_index, Path(":memory:"))
    return index, index.refresh(progress=progress)
