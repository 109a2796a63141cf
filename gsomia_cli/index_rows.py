"""What the index stores of one article: its rows (the article's metadata,
clean text, sentences, statements and packed extraction records), made in a
worker process when many are indexed at once, and the writer that adds them
a batch at a time. Only a refresh loads this module (and the corpus reader
and extractor behind it): a command on a fresh index needs none of it."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator
from typing import Any

from gsomia_cli.corpus import Article, CatalogEntry, Problem, read_article
from gsomia_cli.index import DAY_SHIFT, first_rowid_of_day, stat_key

PARALLEL_MIN = 500  # articles to re-read before extraction is spread over the cores


def fingerprint(item: Article | CatalogEntry) -> str:
    """Return what changes when an article's file or metadata changes (the
    file is not read: its size and modification time stand for it)."""
    meta = json.dumps(item.metadata(), sort_keys=True)
    return f"{stat_key(item.path)}:{hashlib.sha1(meta.encode()).hexdigest()[:12]}"


def extraction_records(article: Article) -> dict[str, Any]:
    """Return the extraction of ``article`` as JSON-ready data."""
    from gsomia_cli.extract import extract_or_empty
    from gsomia_cli.records import fields
    from gsomia_cli.wire import credits

    ex, error = extract_or_empty(article)  # a failed article is still searchable, with no records
    return {
        **({"error": error} if error else {}),  # (said by every command that reads the article's records)
        "officials": [
            {"name": p.name, "role": p.role, "country": p.country, "aliases": sorted(p.aliases)}
            for p in ex.persons.values()
        ],
        "mentions": [{**fields(m), "name": name} for m, name in zip(ex.mentions, ex.mention_people, strict=True)],
        "dates": [fields(d) for d in ex.dates],
        "quotes": [fields(q) for q in ex.quotes],
        "claims": [fields(c) for c in ex.claims],
        "credits": credits(article),
    }


Prepared = tuple[
    tuple[Any, ...], list[tuple[int, int, str, str]], list[tuple[str, str, int, int]], list[tuple[str, str]]
]


def prepare(article: Article) -> Prepared:
    """Return the rows of one article for the index: its articles row, its
    sentences (start, end, kind, folded text) and its statements. Runs in a
    worker process when many articles are indexed at once."""
    from gsomia_cli.packed import pack
    from gsomia_cli.wire import copy_keys, opening

    records = extraction_records(article)
    keys = copy_keys([s.text for s in article.sentences if s.kind == "body"])
    row = (
        article.id,
        article.outlet,
        article.published.isoformat(),
        article.file,
        fingerprint(article),
        json.dumps(article.metadata()),
        article.words,
        json.dumps(records["credits"]),
        json.dumps(keys),
        json.dumps([(p.start, p.end, p.kind) for p in article.paragraphs]),
        json.dumps([(x.start, x.end, x.kind) for x in article.sentences]),  # (what compare reads for every article)
        pack(records, article.clean),
        article.clean,
    )
    folded = article.folded
    sentences = [(s.start, s.end, s.kind, folded[s.start : s.end]) for s in article.sentences]
    statements = [(article.id, q["speaker"], q["start"], q["end"]) for q in records["quotes"] if q["speaker"]]
    openings = [(key, article.id) for key in sorted({opening(k) for k in keys})]
    return row, sentences, statements, openings


def prepare_entry(job: tuple[CatalogEntry, str]) -> Prepared | Problem:
    """Read the file of a catalog entry (``job``: the entry and how to show
    INDEX.md in a problem) and return its rows, or the problem with the file."""
    entry, shown = job
    article = read_article(entry, shown)
    return article if isinstance(article, Problem) else prepare(article)


def prepare_all(entries: list[CatalogEntry], shown: str) -> Iterator[Prepared | Problem]:
    """Yield the prepared rows of ``entries`` in order; a large batch is read
    and extracted on every core."""
    jobs = [(e, shown) for e in entries]
    workers = os.cpu_count() or 1
    if len(jobs) < PARALLEL_MIN or workers < 2:
        yield from map(prepare_entry, jobs)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(prepare_entry, jobs, chunksize=64)


class Writer:
    """Adds prepared articles to the index a batch at a time: a few large
    statements cost far less than several small ones per article."""

    BATCH = 256

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.next_rowid: dict[int, int] = {}  # first free sentence rowid, by day
        self.articles: list[tuple[Any, ...]] = []
        self.sentences: list[tuple[Any, ...]] = []
        self.texts: list[tuple[int, str, str]] = []  # (rowid, sentence, next sentence)
        self.statements: list[tuple[str, str, int, int]] = []
        self.openings: list[tuple[str, str]] = []

    def _rowid(self, published: str, count: int) -> int:
        day = first_rowid_of_day(published)
        if day not in self.next_rowid:
            last = self.db.execute(
                "SELECT max(rowid) FROM sentences WHERE rowid >= ? AND rowid < ?", (day, day + (1 << DAY_SHIFT))
            ).fetchone()[0]
            self.next_rowid[day] = day if last is None else last + 1
        first = self.next_rowid[day]
        self.next_rowid[day] = first + count
        return first

    def add(self, prepared: Prepared) -> None:
        row, sentences, statements, openings = prepared
        first = self._rowid(row[2], len(sentences))
        self.openings += openings
        self.articles.append(row)
        self.sentences += [(first + n, row[0], start, end, kind) for n, (start, end, kind, _) in enumerate(sentences)]
        texts = [text for _, _, _, text in sentences]
        self.texts += [(first + n, text, "".join(texts[n + 1 : n + 2])) for n, text in enumerate(texts)]
        self.statements += statements
        if len(self.articles) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        self.db.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self.articles)
        self.db.executemany("INSERT INTO openings VALUES (?, ?)", self.openings)
        self.db.executemany(
            "INSERT INTO sentences (rowid, article, start, end, kind) VALUES (?, ?, ?, ?, ?)", self.sentences
        )
        self.db.executemany("INSERT INTO sentences_fts (rowid, text, next) VALUES (?, ?, ?)", self.texts)
        self.db.executemany("INSERT INTO statements VALUES (?, ?, ?, ?)", self.statements)
        self.articles, self.sentences, self.texts, self.statements, self.openings = [], [], [], [], []
