"""Two accounts side by side: what both report (aligned by meaning, not only
by wording), what only one does, and where their claims, quotes and
officials differ."""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass
from typing import Any

from gsomia_cli.claims import catalog
from gsomia_cli.compare import claim_values, compatible
from gsomia_cli.coverage import Coverage
from gsomia_cli.statements import similarity, statements_of, word_diff

SAME_SENTENCE = 60  # similarity at which two sentences tell the same thing in other words
SAME_EVENT = 40  # a lower bar for two sentences that date the same day


@dataclass
class ArticleDiff:
    """Two accounts side by side."""

    a: str
    b: str
    shared: list[dict[str, Any]]  # {"a", "b", "similarity", "why"}: why = wording | statement | claim | event
    only_a: list[str]
    only_b: list[str]
    claims: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    officials: dict[str, list[str]]


def _sentence_index(body: list[tuple[int, int]], offset: int) -> int | None:
    """The number of the body sentence (spans in order) that holds ``offset``."""
    n = bisect.bisect_right(body, (offset, 1 << 62)) - 1
    return n if n >= 0 and offset < body[n][1] else None


def _meaning_pairs(
    a: Coverage, b: Coverage, body_a: list[tuple[int, int]], body_b: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Sentence pairs that tell the same thing by meaning: renderings of one
    statement, evidence of one claim value, one day's date."""
    pairs: list[tuple[int, int, str]] = []
    for statement in statements_of([a, b]):
        ra = [r for r in statement.renderings if r.article == a.id]
        rb = [r for r in statement.renderings if r.article == b.id]
        if ra and rb:
            i, j = _sentence_index(body_a, ra[0].start), _sentence_index(body_b, rb[0].start)
            if i is not None and j is not None:
                pairs.append((i, j, "statement"))
    for ca in a.claims:
        for cb in b.claims:
            if ca.claim == cb.claim and compatible(ca.value, cb.value):
                i, j = _sentence_index(body_a, ca.start), _sentence_index(body_b, cb.start)
                if i is not None and j is not None:
                    pairs.append((i, j, "claim"))
    for da in a.dates:
        for db in b.dates:
            if da.value == db.value and len(da.value) == 10 and similarity(da.sentence, db.sentence) >= SAME_EVENT:
                i, j = _sentence_index(body_a, da.start), _sentence_index(body_b, db.start)
                if i is not None and j is not None:
                    pairs.append((i, j, "event"))
    return pairs


def diff_articles(a: Coverage, b: Coverage) -> ArticleDiff:
    """Return what two articles both report, what only one does, and where
    their claims, quotes and officials differ."""
    body_a = [(s, e) for s, e, kind in a.sentences if kind == "body"]
    body_b = [(s, e) for s, e, kind in b.sentences if kind == "body"]
    sa = [a.text[s:e] for s, e in body_a]
    sb = [b.text[s:e] for s, e in body_b]
    scored = sorted(((similarity(x, y), i, j) for i, x in enumerate(sa) for j, y in enumerate(sb)), reverse=True)
    candidates = [(score, i, j, "wording") for score, i, j in scored if score >= SAME_SENTENCE]
    candidates += [(similarity(sa[i], sb[j]), i, j, why) for i, j, why in _meaning_pairs(a, b, body_a, body_b)]
    used_a: set[int] = set()
    used_b: set[int] = set()
    shared: list[dict[str, Any]] = []
    rank = {"wording": 0, "statement": 1, "claim": 2, "event": 3}
    for score, i, j, why in sorted(candidates, key=lambda c: (c[3] != "wording", -c[0], rank[c[3]])):
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        shared.append({"a": sa[i], "b": sb[j], "similarity": round(score, 1), "why": why, "_i": i})
    shared.sort(key=lambda s: s.pop("_i"))
    values_a, values_b = claim_values(a), claim_values(b)
    claims = []
    for claim in [c.id for c in catalog()]:
        if claim in values_a or claim in values_b:
            va, vb = values_a.get(claim), values_b.get(claim)
            claims.append(
                {"claim": claim, "a": va, "b": vb, "agree": va is not None and vb is not None and compatible(va, vb)}
            )
    quotes = []
    for statement in statements_of([a, b]):
        ra = [r for r in statement.renderings if r.article == a.id]
        rb = [r for r in statement.renderings if r.article == b.id]
        if ra and rb:
            quotes.append(
                {
                    "speaker": statement.speaker,
                    "a": ra[0].text,
                    "b": rb[0].text,
                    "similarity": round(similarity(ra[0].text, rb[0].text), 1),
                    "diff": [asdict(d) for d in word_diff(ra[0].text, rb[0].text)],
                }
            )
    names_a, names_b = set(a.mention_people), set(b.mention_people)
    return ArticleDiff(
        a.id,
        b.id,
        shared,
        [s for i, s in enumerate(sa) if i not in used_a],
        [s for j, s in enumerate(sb) if j not in used_b],
        claims,
        quotes,
        {"only_a": sorted(names_a - names_b), "only_b": sorted(names_b - names_a)},
    )
