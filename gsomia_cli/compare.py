"""Comparing outlets: the article x claim matrix and its disagreements, the
diff of two accounts, the timeline. All found by rule from the extracted
records, never listed by hand."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Any

from gsomia_cli.claims import catalog
from gsomia_cli.extract import Extraction
from gsomia_cli.lexicon import lexicon
from gsomia_cli.statements import similarity, statements_of, word_diff

SAME_SENTENCE = 60  # similarity at which two articles' sentences tell the same thing
SPEECH_WINDOW = 6  # words between a speaker's name and "said"/"made the remarks"


@dataclass
class Disagreement:
    """Articles that give one claim or one event different values."""

    claim: str
    values: dict[str, Any]  # article id -> value
    note: str


@dataclass
class Matrix:
    """The article x claim matrix."""

    claims: list[str]
    rows: list[dict[str, Any]]  # {"article", "outlet", "published", "via", "values": {claim: value}}
    disagreements: list[Disagreement] = field(default_factory=list)


def _value(values: list[Any]) -> Any:
    return values[0] if len(values) == 1 else values


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return " / ".join(_show(v) for v in value)
    return str(value)


def _note(subject: str, values: dict[str, Any]) -> str:
    counts = Counter(_show(v) for v in values.values())
    if len(counts) == 2 and min(counts.values()) == 1 and len(values) > 2:
        odd = next(v for v, n in counts.items() if n == 1)
        common = next(v for v, n in counts.items() if n > 1)
        who = next(a for a, v in values.items() if _show(v) == odd)
        return f"{who} has {subject} {odd} where {counts[common]} others have {common}"
    parts = [f"{a} has {_show(v)}" for a, v in values.items()]
    return f"{subject[0].upper()}{subject[1:]} differs: " + "; ".join(parts)


@cache
def _speech_words() -> re.Pattern[str]:
    lex = lexicon()
    words = set(lex.clause_verbs) | set(lex.direct_verbs) | {"remarks", "press gaggle", "briefing", "interview"}
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?!\w)")


def remark_dates(ex: Extraction) -> dict[str, set[str]]:
    """Return, per speaker, the days this article says they spoke: day dates
    in sentences that carry their statement, or name them just before a
    speech word ("Jeong made the remarks ... on Sunday")."""
    article = ex.article
    text = article.folded
    out: dict[str, set[str]] = {}
    for d in ex.dates:
        if len(d.value) != 10:
            continue
        sentence = article.sentence_at(d.start)
        if sentence is None:
            continue
        speakers = {q.speaker for q in ex.quotes if q.speaker and sentence.start <= q.start < sentence.end}
        for mention, person in zip(ex.mentions, ex.mention_people, strict=True):
            if sentence.start <= mention.start < sentence.end:
                after = " ".join(text[mention.end : sentence.end].split()[:SPEECH_WINDOW])
                if _speech_words().search(after):
                    speakers.add(person)
        for speaker in speakers:
            out.setdefault(speaker, set()).add(d.value)
    return out


def claim_matrix(extractions: list[Extraction], wire: dict[str, list[str]] | None = None) -> Matrix:
    """Return the matrix of claims per article, with every disagreement:
    articles giving a claim different values, and articles dating the same
    speaker's remarks to different days."""
    claims = [c.id for c in catalog()]
    rows = []
    per_claim: dict[str, dict[str, Any]] = {c: {} for c in claims}
    for ex in extractions:
        values: dict[str, list[Any]] = {}
        for record in ex.claims:
            values.setdefault(record.claim, []).append(record.value)
        row_values = {c: _value(v) for c, v in values.items()}
        for c, v in row_values.items():
            per_claim.setdefault(c, {})[ex.article.id] = v
        a = ex.article
        rows.append(
            {
                "article": a.id,
                "outlet": a.outlet,
                "published": a.published.isoformat(),
                "via": (wire or {}).get(a.id, []),
                "values": row_values,
            }
        )
    matrix = Matrix(claims, rows)
    for claim, values in per_claim.items():
        if len({_show(v) for v in values.values()}) > 1:
            matrix.disagreements.append(Disagreement(claim, values, _note(claim.replace("_", " "), values)))
    spoke: dict[str, dict[str, Any]] = {}
    for ex in extractions:
        for speaker, days in remark_dates(ex).items():
            spoke.setdefault(speaker, {})[ex.article.id] = _value(sorted(days))
    for speaker, values in spoke.items():
        if len(values) > 1 and len({_show(v) for v in values.values()}) > 1:
            matrix.disagreements.append(
                Disagreement(f"remarks_date:{speaker}", values, _note(f"the date of {speaker}'s remarks", values))
            )
    return matrix


@dataclass
class ArticleDiff:
    """Two accounts side by side."""

    a: str
    b: str
    shared: list[dict[str, Any]]
    only_a: list[str]
    only_b: list[str]
    claims: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    officials: dict[str, list[str]]


def diff_articles(a: Extraction, b: Extraction) -> ArticleDiff:
    """Return what two articles both report, what only one does, and where
    their claims, quotes and officials differ."""
    sa = [s.text for s in a.article.sentences if s.kind == "body"]
    sb = [s.text for s in b.article.sentences if s.kind == "body"]
    pairs = sorted(((similarity(x, y), i, j) for i, x in enumerate(sa) for j, y in enumerate(sb)), reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    shared: list[dict[str, Any]] = []
    for score, i, j in pairs:
        if score < SAME_SENTENCE:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        shared.append({"a": sa[i], "b": sb[j], "similarity": round(score, 1)})
    shared.sort(key=lambda s: sa.index(s["a"]))
    claims = []
    values_a = _claim_values(a)
    values_b = _claim_values(b)
    for claim in [c.id for c in catalog()]:
        if claim in values_a or claim in values_b:
            va, vb = values_a.get(claim), values_b.get(claim)
            claims.append({"claim": claim, "a": va, "b": vb, "agree": _show(va) == _show(vb)})
    quotes = []
    for statement in statements_of([a, b]):
        ra = [r for r in statement.renderings if r.article == a.article.id]
        rb = [r for r in statement.renderings if r.article == b.article.id]
        if ra and rb:
            score = similarity(ra[0].text, rb[0].text)
            quotes.append(
                {
                    "speaker": statement.speaker,
                    "a": ra[0].text,
                    "b": rb[0].text,
                    "similarity": round(score, 1),
                    "diff": [asdict(d) for d in word_diff(ra[0].text, rb[0].text)],
                }
            )
    names_a, names_b = set(a.persons), set(b.persons)
    return ArticleDiff(
        a.article.id,
        b.article.id,
        shared,
        [s for i, s in enumerate(sa) if i not in used_a],
        [s for j, s in enumerate(sb) if j not in used_b],
        claims,
        quotes,
        {"only_a": sorted(names_a - names_b), "only_b": sorted(names_b - names_a)},
    )


def _claim_values(ex: Extraction) -> dict[str, Any]:
    values: dict[str, list[Any]] = {}
    for record in ex.claims:
        values.setdefault(record.claim, []).append(record.value)
    return {c: _value(v) for c, v in values.items()}


@dataclass
class Event:
    """Something dated: the date, and the articles that report it."""

    date: str
    text: str  # the first report's sentence
    reports: list[dict[str, Any]] = field(default_factory=list)  # {"article","outlet","text","sentence"}

    @property
    def outlets(self) -> list[str]:
        return sorted({r["outlet"] for r in self.reports})


def timeline(extractions: list[Extraction]) -> list[Event]:
    """Return the corpus's dated events in date order; reports of one day with
    similar wording are merged into one event."""
    events: list[Event] = []
    by_date: dict[str, list[Event]] = {}
    for ex in extractions:
        for d in ex.dates:
            report = {"article": d.article, "outlet": d.outlet, "text": d.text, "sentence": d.sentence}
            same_day = by_date.setdefault(d.value, [])
            match = next((e for e in same_day if similarity(e.text, d.sentence) >= SAME_SENTENCE), None)
            if match is None:
                match = Event(d.value, d.sentence)
                same_day.append(match)
                events.append(match)
            if not any(r["article"] == d.article and r["sentence"] == d.sentence for r in match.reports):
                match.reports.append(report)
    events.sort(key=lambda e: (e.date, -len(e.reports)))
    return events
