"""What `gsomia report` shows, as data: the corpus, the claim matrix and
its disagreements, the timeline's events, who said what, and each article's
text cut into sentences and pieces marked by kind (official, quote, date,
claim), with the anchor every link of the report goes to. No analysis of its
own: the comparison, timeline and statements are compare.py's, events.py's
and statements.py's."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gsomia_cli.compare import Matrix, short_names, show_value
from gsomia_cli.coverage import Coverage
from gsomia_cli.events import Event
from gsomia_cli.statements import Statement, word_diff
from gsomia_cli.textfold import fold_key

TEXTS_ALWAYS = 300  # a corpus this small has every article's text in the report; a larger one at most this many
LEADING_EXAMPLES = 3  # articles of a disagreement's leading side whose texts may be included


@dataclass
class Piece:
    """A run of an article's text and the kinds of item it is part of (official, quote, date)."""

    text: str
    kinds: tuple[str, ...] = ()
    title: str = ""  # what the item is (the official's name, a date's value, a quote's speaker)


@dataclass
class Sentence:
    """One sentence of an article: its anchor, kind, the claims it is evidence of, and its pieces."""

    anchor: str
    kind: str
    claims: list[str]
    pieces: list[Piece]
    opens: bool = False  # the first sentence of a paragraph

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


@dataclass
class ArticleView:
    """An article as the report lists it, with its text when included."""

    id: str
    anchor: str
    outlet: str
    published: str
    headline: str | None
    url: str | None
    via: list[str]
    words: int
    sentences: list[Sentence] = field(default_factory=list)  # empty: its text is not in the report


@dataclass
class Cell:
    """A claim's value in one article: shown, marked when it differs from the leading value, and its evidence link."""

    value: str
    odd: bool
    link: str | None
    full: str = ""  # the value written out, when ``value`` is its initials


@dataclass
class Row:
    article: str
    anchor: str
    outlet: str
    published: str
    via: list[str]
    cells: dict[str, Cell]


@dataclass
class Report:
    """Everything the report shows; an article cited in a disagreement, an
    event or a statement is ``(id, outlet, link to its evidence sentence)``
    (link None: its text is not in the report)."""

    articles: list[ArticleView]
    outlets: list[tuple[str, int]]  # outlet, articles
    stories: list[list[str]]  # wire copies told as one story (more than one article each)
    claims: list[str]
    rows: list[Row]
    disagreements: list[dict[str, Any]]
    events: list[dict[str, Any]]
    speakers: list[dict[str, Any]]
    included: int  # articles whose text is in the report
    short: dict[str, str] = field(default_factory=dict)  # a long value -> the initials the matrix shows


def build(
    coverage: list[Coverage],
    metadata: dict[str, dict[str, Any]],
    matrix: Matrix,
    events: list[Event],
    statements: list[Statement],
    groups: dict[str, str],
    all_articles: bool = False,
) -> Report:
    """The report of ``coverage`` (with each article's ``metadata``, as
    Index.articles gives it), its claim ``matrix``, timeline ``events``,
    ``statements`` and wire-copy ``groups``. Article texts are all included
    for a small corpus or ``all_articles``; else those of the articles that
    take a side in a disagreement (a few of each leading side)."""
    by_id = {c.id: c for c in coverage}
    anchors = {c.id: f"a{n}" for n, c in enumerate(coverage, 1)}
    chosen = _with_text(coverage, matrix, all_articles)
    views = []
    for c in coverage:
        meta = metadata.get(c.id, {})
        view = ArticleView(
            c.id,
            anchors[c.id],
            c.outlet,
            c.published.isoformat(),
            meta.get("headline"),
            meta.get("url"),
            list(meta.get("via", [])),
            int(meta.get("words", len(c.text.split()))),
        )
        if c.id in chosen:
            view.sentences = sentences_of(c, anchors[c.id])
        views.append(view)
    linker = _Linker({v.id: v for v in views})
    odd = {(a, d.claim): True for d in matrix.disagreements for side in d.groups[1:] for a in side.articles}
    short = short_names(matrix)
    rows = []
    for row in matrix.rows:
        aid = row["article"]
        cells = {}
        for claim, value in row["values"].items():
            evidence = next((r.evidence for r in by_id[aid].claims if r.claim == claim), "")
            shown = show_value(value)
            cells[claim] = Cell(short.get(shown, shown), (aid, claim) in odd, linker.link(aid, evidence), shown)
        rows.append(Row(aid, anchors[aid], row["outlet"], row["published"], row["via"], cells))
    disagreements = [
        {
            "claim": d.claim,
            "kind": d.kind,
            "since": d.since,
            "until": d.until,
            "reports": d.reports,
            "sides": [
                {
                    "value": show_value(side.value),
                    "reports": len(side.reports),
                    "articles": [
                        (a, by_id[a].outlet, linker.link(a, side.evidence.get(a, "")), side.evidence.get(a, ""))
                        for a in side.articles
                    ],
                }
                for side in d.groups
            ],
        }
        for d in matrix.disagreements
    ]
    timeline = [
        {
            "date": e.date,
            "label": e.label,
            "reports": [(r["article"], r["outlet"], linker.link(r["article"], r["sentence"])) for r in e.reports],
        }
        for e in events
    ]
    outlets: dict[str, int] = {}
    for c in coverage:
        outlets[c.outlet] = outlets.get(c.outlet, 0) + 1
    stories: dict[str, list[str]] = {}
    for aid, first in groups.items():
        if aid in by_id:
            stories.setdefault(first, []).append(aid)
    return Report(
        views,
        sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0])),
        [sorted(s) for s in stories.values() if len(s) > 1],
        list(matrix.claims),
        rows,
        disagreements,
        timeline,
        _speakers(statements, by_id, linker),
        len(chosen),
        short,
    )


def _with_text(coverage: list[Coverage], matrix: Matrix, all_articles: bool) -> set[str]:
    """The articles whose text the report holds: all of a small corpus (or
    ``all_articles``); else up to TEXTS_ALWAYS of those that take a side in a
    disagreement, taken in turns from each side of each (the other values
    before the leading ones, strongest disagreement first), so that every
    disagreement has its evidence however many there are."""
    if all_articles or len(coverage) <= TEXTS_ALWAYS:
        return {c.id for c in coverage}
    others = [side.articles for d in matrix.disagreements for side in d.groups[1:]]
    leading = [d.groups[0].articles[:LEADING_EXAMPLES] for d in matrix.disagreements if d.groups]
    chosen: dict[str, None] = {}
    for turn in range(max((len(a) for a in others + leading), default=0)):
        for articles in others + leading:
            if turn < len(articles):
                chosen.setdefault(articles[turn])
                if len(chosen) >= TEXTS_ALWAYS:
                    return set(chosen)
    return set(chosen)


class _Linker:
    """The anchor of the sentence of an article that holds a piece of evidence (None when its text is not in the report)."""

    def __init__(self, views: dict[str, ArticleView]):
        self.views = views
        self.found: dict[tuple[str, str], str | None] = {}
        self.folded: dict[str, list[tuple[str, str]]] = {}  # article -> (anchor, folded sentence)

    def link(self, article: str, evidence: str) -> str | None:
        key = (article, evidence)
        if key not in self.found:
            self.found[key] = self._find(article, evidence)
        return self.found[key]

    def _find(self, article: str, evidence: str) -> str | None:
        view = self.views.get(article)
        if view is None or not view.sentences or not evidence:
            return None
        if article not in self.folded:
            self.folded[article] = [(s.anchor, fold_key(s.text)) for s in view.sentences]
        sentences = self.folded[article]
        wanted = fold_key(evidence)
        for anchor, text in sentences:  # (the sentence that is, or holds, the evidence)
            if wanted and wanted in text:
                return f"#{anchor}"
        head = fold_key(evidence.split(". ")[0])  # (evidence over two sentences: the first)
        return next((f"#{anchor}" for anchor, text in sentences if head and head in text), None)


def sentences_of(cov: Coverage, anchor: str) -> list[Sentence]:
    """The article's sentences, each cut into pieces at the edges of its
    officials' mentions, quotes and dates (a piece in several is marked with
    each), with the claims whose evidence starts in it."""
    spans: list[tuple[int, int, str, str]] = []
    spans += [(m.start, m.end, "official", name) for m, name in zip(cov.mentions, cov.mention_people, strict=True)]
    spans += [(q.start, q.end, "quote", f"{q.speaker or 'unattributed'} ({q.kind})") for q in cov.quotes]
    spans += [(d.start, d.end, "date", d.value) for d in cov.dates]
    out = []
    previous = 0
    for n, (start, end, kind) in enumerate(cov.sentences, 1):
        inside = [s for s in spans if s[0] < end and s[1] > start]
        edges = sorted({start, end} | {max(start, s[0]) for s in inside} | {min(end, s[1]) for s in inside})
        pieces = []
        for a, b in zip(edges, edges[1:], strict=False):
            covering = [s for s in inside if s[0] <= a and s[1] >= b]
            kinds = tuple(sorted({s[2] for s in covering}))
            title = "; ".join(dict.fromkeys(s[3] for s in covering))
            pieces.append(Piece(cov.text[a:b], kinds, title))
        claims = sorted({c.claim for c in cov.claims if start <= c.start < end})
        out.append(Sentence(f"{anchor}-s{n}", kind, claims, pieces, n == 1 or "\n" in cov.text[previous:start]))
        previous = end
    return out


def _speakers(statements: list[Statement], by_id: dict[str, Coverage], linker: _Linker) -> list[dict[str, Any]]:
    """Each speaker with their statements: each distinct wording once, with
    the articles that carry it and its differences from the first wording."""
    speakers: dict[str, list[dict[str, Any]]] = {}
    for s in statements:
        wordings: dict[str, dict[str, Any]] = {}
        for r in s.renderings:
            key = fold_key(r.text)
            if key not in wordings:
                wordings[key] = {"text": r.text, "articles": []}
            wordings[key]["articles"].append((r.article, by_id[r.article].outlet, linker.link(r.article, r.sentence)))
        listed = list(wordings.values())
        first = listed[0]["text"]
        for w in listed[1:]:
            w["diff"] = [(step.op, step.a, step.b) for step in word_diff(first, w["text"])]
        speakers.setdefault(s.speaker, []).append(
            {"group": s.group, "wordings": listed, "conflicts": sorted(s.conflicts.items())}
        )
    return [
        {"speaker": name, "statements": items}
        for name, items in sorted(speakers.items(), key=lambda kv: (-sum(len(i["wordings"]) for i in kv[1]), kv[0]))
    ]
