"""Search: ranked sentences from the FTS5 index, with synonyms, typo
correction and filters."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from gsomia_cli.index import Index
from gsomia_cli.query import Query, Term, expand, parse

CANDIDATES = 100  # best-ranked rows re-ranked by proximity (at least 5 x --limit)
TYPO_SIMILARITY = 0.6
# BM25 over every match costs about a microsecond a match plus a scan of each
# phrase's whole posting list, far too slow for a common word in 100,000
# articles. Beyond this many matches, only the matches of the newest articles
# are ranked, and the result says so.
RANK_ALL_UP_TO = 1_000
K1, B = 1.2, 0.75  # BM25's usual constants


@dataclass(frozen=True)
class Hit:
    """A matching sentence: ``text`` is ``clean[start:end]`` of the article;
    ``marks`` are the (start, end) spans of matched words within ``text``."""

    article: str
    file: str
    outlet: str
    published: str
    score: float
    text: str
    start: int
    end: int
    marks: tuple[tuple[int, int], ...] = ()
    before: str = ""
    after: str = ""


@dataclass
class SearchResult:
    """Hits for a query, and the corrected query when a typo was fixed."""

    query: str
    hits: list[Hit] = field(default_factory=list)
    corrected: str | None = None
    ranked_newest: int | None = None  # set when only this many matches, of the newest articles, were ranked


@dataclass(frozen=True)
class Filters:
    outlets: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    speakers: frozenset[str] | None = None
    limit: int = 20


def _has_match(index: Index, term: Term) -> bool:
    row = index.db.execute("SELECT 1 FROM sentences_fts WHERE sentences_fts MATCH ? LIMIT 1", (term.fts(),)).fetchone()
    return row is not None


def correct(index: Index, query: Query) -> bool:
    """Replace words with no match by the nearest indexed terms (in place);
    return True when any word was corrected."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA  # a transposition ("exprot") is one edit

    vocabulary: dict[str, int] | None = None
    changed = False
    for term in query.terms:
        if term.prefix or _has_match(index, term):
            continue
        new_words = []
        for word in term.words:
            if _has_match(index, Term([word])):
                new_words.append(word)
                continue
            if vocabulary is None:
                vocabulary = index.vocabulary()
            best = process.extract(
                word, list(vocabulary), scorer=OSA.normalized_similarity, limit=5, score_cutoff=TYPO_SIMILARITY
            )
            # The closest term; among equally close ones, the most common.
            new_words.append(max(best, key=lambda b: (b[1], vocabulary[b[0]]))[0] if best else word)
        if new_words != term.words:
            term.words = new_words
            changed = True
    return changed


def _marks(highlighted: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    marks, out, pos, length = [], [], 0, 0
    for m in re.finditer(r"\x02(.*?)\x03", highlighted, re.S):
        out.append(highlighted[pos : m.start()])
        start = length + m.start() - pos  # (a running length: summing the parts per match was quadratic)
        length = start + len(m.group(1))
        out.append(m.group(1))
        marks.append((start, start + len(m.group(1))))
        pos = m.end()
    out.append(highlighted[pos:])
    return "".join(out), tuple(marks)


def _proximity(marks: tuple[tuple[int, int], ...]) -> float:
    if len(marks) < 2:
        return 0.0
    gaps = [b[0] - a[1] for a, b in zip(marks, marks[1:], strict=False)]
    return 1.0 / (1.0 + min(gaps) / 10)


def _inside_statement(index: Index, article: str, start: int, marks, speakers: frozenset[str]) -> bool:
    """True when a matched word lies inside a statement by one of ``speakers``."""
    q = ",".join("?" * len(speakers))
    spans = index.db.execute(
        f"SELECT start, end FROM statements WHERE article = ? AND speaker IN ({q})", (article, *sorted(speakers))
    ).fetchall()
    return any(a <= start + m0 and start + m1 <= b for m0, m1 in marks for a, b in spans)


def _rank_newest(rows: list[tuple[int, str]], wanted: int) -> list[tuple[int, float]]:
    """Return the best ``wanted`` of ``rows`` (rowid, highlighted text) as
    (rowid, rank), rank being minus a BM25 score in which every matched word
    weighs the same: term-frequency saturation and length normalisation, no
    inverse document frequency (which needs a scan of the whole index)."""
    lengths = [len(text.split()) for _, text in rows]
    average = sum(lengths) / len(lengths)
    scored = []
    for (rowid, text), length in zip(rows, lengths, strict=True):
        tf = text.count("\x02")
        scored.append((rowid, -tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average))))
    scored.sort(key=lambda r: r[1])
    return scored[:wanted]


def search(index: Index, text: str, filters: Filters = Filters(), exact: bool = False) -> SearchResult:
    """Return the sentences matching query ``text``, best first."""
    query = parse(text)
    result = SearchResult(text)
    if not query.groups:
        return result
    if correct(index, query):
        result.corrected = query.display()
    if not exact:
        query = expand(query)
    expr = query.fts()
    if expr is None:
        return result
    where, args = ["sentences_fts MATCH ?"], [expr]
    if filters.outlets:
        where.append("(" + " OR ".join("a.outlet LIKE ?" for _ in filters.outlets) + ")")
        args += [f"%{o}%" for o in filters.outlets]
    if filters.since:
        where.append("a.published >= ?")
        args.append(filters.since.isoformat())
    if filters.until:
        where.append("a.published <= ?")
        args.append(filters.until.isoformat())
    if filters.speakers is not None:
        if not filters.speakers:
            return result
        where.append(
            "EXISTS (SELECT 1 FROM statements st WHERE st.article = s.article AND st.start < s.end AND st.end > s.start"
            f" AND st.speaker IN ({','.join('?' * len(filters.speakers))}))"
        )
        args += sorted(filters.speakers)
    joins = " JOIN sentences s ON s.rowid = f.rowid JOIN articles a ON a.id = s.article" if len(where) > 1 else ""
    wanted = max(CANDIDATES, filters.limit * 5)
    # Rank first, on the FTS table alone when there are no filters; details after, for the few kept.
    # Rowid order is publication order (see index.DAY_SHIFT): the first rows are the newest.
    newest = index.db.execute(
        f"SELECT f.rowid, highlight(sentences_fts, 0, char(2), char(3)) FROM sentences_fts f{joins}"
        f" WHERE {' AND '.join(where)} ORDER BY f.rowid DESC LIMIT ?",
        [*args, RANK_ALL_UP_TO + 1],
    ).fetchall()
    if not newest:
        return result
    if len(newest) <= RANK_ALL_UP_TO:
        ranked = index.db.execute(
            f"SELECT f.rowid, f.rank FROM sentences_fts f{joins} WHERE {' AND '.join(where)} ORDER BY f.rank LIMIT ?",
            [*args, wanted],
        ).fetchall()
    else:
        ranked = _rank_newest(newest[:RANK_ALL_UP_TO], wanted)
        result.ranked_newest = RANK_ALL_UP_TO
    rank_of = dict(ranked)
    highlighted = dict(newest)  # every ranked row is among them
    details = index.db.execute(
        "SELECT s.rowid, s.article, s.start, s.end, s.kind, a.file, a.outlet, a.published"
        f" FROM sentences s JOIN articles a ON a.id = s.article WHERE s.rowid IN ({','.join('?' * len(ranked))})",
        list(rank_of),
    ).fetchall()
    # Each article's text once, sliced here: SQLite's substr reads a whole long text for each
    # sentence of it, so the hits of a 50 MB article took seconds.
    articles = sorted({row[1] for row in details})
    texts = dict(
        index.db.execute(f"SELECT id, text FROM articles WHERE id IN ({','.join('?' * len(articles))})", articles)
    )
    hits = []
    for rowid, article, start, end, kind, file, outlet, published in details:
        _, marks = _marks(highlighted[rowid])
        if filters.speakers is not None and not _inside_statement(index, article, start, marks, filters.speakers):
            continue
        score = -rank_of[rowid] + _proximity(marks) + (0.0 if kind == "body" else -0.5)
        clean = texts[article]
        text, before, after = clean[start:end], clean[max(0, start - 80) : start], clean[end : end + 80]
        before, after = before.split("\n")[-1], after.split("\n")[0]
        hits.append(Hit(article, file, outlet, published, round(score, 3), text, start, end, marks, before, after))
    hits.sort(key=lambda h: -h.score)
    result.hits = hits[: filters.limit]
    return result
