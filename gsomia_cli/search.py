"""Search: ranked sentences from the FTS5 index, with synonyms, typo
correction and filters."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

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
            from rapidfuzz import process  # (here: a query whose words all match needs none of it)
            from rapidfuzz.distance import OSA  # a transposition ("exprot") is one edit

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


@dataclass
class _Matches:
    """The best-ranked rows of one MATCH expression: rowid -> rank, and
    rowid -> (sentence, next sentence) with matches marked."""

    rank: dict[int, float]
    marked: dict[int, tuple[str, str]]
    ranked_newest: bool


def _matches(
    index: Index, expr: str, where: list[str], args: list[Any], joins: str, wanted: int, across: bool
) -> _Matches:
    # Rank first, on the FTS table alone when there are no filters; details after, for the few kept.
    # Rowid order is publication order (see index.DAY_SHIFT): the first rows are the newest.
    # Matches inside a sentence (``across`` False) mark none in the next one: it is read as it is,
    # not tokenized again by highlight() (a quarter of a search's time).
    following = "highlight(sentences_fts, 1, char(2), char(3))" if across else "f.next"
    condition = " AND ".join(["sentences_fts MATCH ?", *where])
    newest = index.db.execute(
        f"SELECT f.rowid, highlight(sentences_fts, 0, char(2), char(3)), {following}"
        f" FROM sentences_fts f{joins} WHERE {condition} ORDER BY f.rowid DESC LIMIT ?",
        [expr, *args, RANK_ALL_UP_TO + 1],
    ).fetchall()
    marked = {rowid: (text, following) for rowid, text, following in newest}
    if len(newest) <= RANK_ALL_UP_TO:
        ranked = index.db.execute(
            f"SELECT f.rowid, f.rank FROM sentences_fts f{joins} WHERE {condition} ORDER BY f.rank LIMIT ?",
            [expr, *args, wanted],
        ).fetchall()
        return _Matches(dict(ranked), marked, False)
    rows = [(rowid, text + " " + following) for rowid, text, following in newest[:RANK_ALL_UP_TO]]
    return _Matches(dict(_rank_newest(rows, wanted)), marked, True)


PASSAGE_PENALTY = 0.5  # a match across two sentences ranks below one inside a sentence


def search(index: Index, text: str, filters: Filters = Filters(), exact: bool = False) -> SearchResult:
    """Return the sentences matching query ``text``, best first: every word
    of a group in one sentence, or, for queries of several words, across a
    sentence and the next one of its article (the pact named in one, its
    expiry in the next); such a hit shows both sentences."""
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
    where: list[str] = []
    args: list[Any] = []
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
    joins = " JOIN sentences s ON s.rowid = f.rowid JOIN articles a ON a.id = s.article" if where else ""
    wanted = max(CANDIDATES, filters.limit * 5)
    inside = _matches(index, f"text : ({expr})", where, args, joins, wanted, across=False)
    rank = {rowid: (r, False) for rowid, r in inside.rank.items()}
    marked = dict(inside.marked)
    result.ranked_newest = RANK_ALL_UP_TO if inside.ranked_newest else None
    if any(len(group) > 1 for group in query.groups):
        across = _matches(index, expr, where, args, joins, wanted, across=True)
        for rowid, r in across.rank.items():
            sentence, following = across.marked[rowid]
            # Across two sentences only: a match inside either sentence is that sentence's hit.
            alone = rowid in inside.marked or rowid + 1 in inside.marked
            if not alone and "\x02" in sentence and "\x02" in following:
                rank[rowid] = (r, True)
                marked[rowid] = (sentence, following)
        if across.ranked_newest:
            result.ranked_newest = RANK_ALL_UP_TO
    if not rank:
        return result
    hits = _hits(index, rank, marked, filters)
    hits.sort(key=lambda h: -h.score)
    result.hits = hits[: filters.limit]
    return result


def _hits(
    index: Index, rank: dict[int, tuple[float, bool]], marked: dict[int, tuple[str, str]], filters: Filters
) -> list[Hit]:
    """The hits of the ranked rows (rowid -> rank, and whether the match
    spans the next sentence), with their article, text and context."""
    rowids = sorted(set(rank) | {rowid + 1 for rowid, (_, spans) in rank.items() if spans})
    details = {
        row[0]: row[1:]
        for row in index.db.execute(
            "SELECT s.rowid, s.article, s.start, s.end, s.kind, a.file, a.outlet, a.published"
            f" FROM sentences s JOIN articles a ON a.id = s.article WHERE s.rowid IN ({','.join('?' * len(rowids))})",
            rowids,
        )
    }
    # Each article's text once, sliced here: SQLite's substr reads a whole long text for each
    # sentence of it, so the hits of a 50 MB article took seconds.
    articles = sorted({row[0] for row in details.values()})
    texts = dict(
        index.db.execute(f"SELECT id, text FROM articles WHERE id IN ({','.join('?' * len(articles))})", articles)
    )
    hits = []
    for rowid, (r, spans) in rank.items():
        if rowid not in details:
            continue
        article, start, end, kind, file, outlet, published = details[rowid]
        sentence, following = marked[rowid]
        _, marks = _marks(sentence)
        if spans and rowid + 1 in details:
            next_start, next_end = details[rowid + 1][1], details[rowid + 1][2]
            _, next_marks = _marks(following)
            marks += tuple((next_start - start + m0, next_start - start + m1) for m0, m1 in next_marks)
            end = next_end
        if filters.speakers is not None and not _inside_statement(index, article, start, marks, filters.speakers):
            continue
        score = -r + _proximity(marks) + (0.0 if kind == "body" else -0.5) - (PASSAGE_PENALTY if spans else 0.0)
        clean = texts[article]
        text, before, after = clean[start:end], clean[max(0, start - 80) : start], clean[end : end + 80]
        before, after = before.split("\n")[-1], after.split("\n")[0]
        hits.append(Hit(article, file, outlet, published, round(score, 3), text, start, end, marks, before, after))
    return hits
