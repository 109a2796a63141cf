"""The article x claim matrix and where the accounts disagree.

A claim is compared by its kind (claims.yaml `compare`): a *fact* has one
true value, so incompatible values disagree whatever the articles' dates; a
*framing* or a *state* is compared only between articles published within a
window of each other, since the story moves, and a state only by an explicit
opposite (silence contradicts nothing). Compatible values (a month and a day
inside it, a shortened name and the full one) are no conflict. Articles that
copy one wire story count as one report. A speaker's remarks are dated
differently only between renderings of one statement."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

from gsomia_cli.claims import catalog
from gsomia_cli.coverage import Coverage
from gsomia_cli.lexicon import lexicon
from gsomia_cli.statements import Statement, statements_of

SPEECH_WINDOW = 6  # words between a speaker's name and "said"/"made the remarks"
DEFAULT_WINDOW = 3  # days within which framings and states are compared
_ISO_DATE = re.compile(r"\d{4}(?:-\d\d){0,2}")


class Given(NamedTuple):
    """An article's value for a claim, the sentence that gives it, and the value's comparison key."""

    value: Any
    evidence: str
    key: str


def make_given(value: Any, evidence: str) -> Given:
    """A :class:`Given` with its key computed."""
    return Given(value, evidence, _key(value))


@dataclass
class Side:
    """One value of a disagreement and the articles that give it."""

    value: Any
    articles: list[str]
    reports: list[list[str]]  # independent reports: the articles of one wire story together
    evidence: dict[str, str] = field(default_factory=dict)  # article -> the sentence that gives the value


@dataclass
class Disagreement:
    """Articles that give one claim, or one statement's date, different values."""

    claim: str
    kind: str  # fact | framing | state | remarks
    values: dict[str, Any]  # article id -> value
    note: str
    groups: list[Side]
    since: str  # the first and last publication day of its articles
    until: str

    @property
    def reports(self) -> int:
        """How many independent reports take part."""
        return sum(len(g.reports) for g in self.groups)


@dataclass
class Matrix:
    """The article x claim matrix: rows in publication order, and the disagreements, strongest first."""

    claims: list[str]
    rows: list[dict[str, Any]]  # {"article", "outlet", "published", "via", "values": {claim: value}}
    disagreements: list[Disagreement] = field(default_factory=list)


def show_value(value: Any) -> str:
    """A claim value as the tables and notes print it."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return " / ".join(show_value(v) for v in value)
    return str(value)


def short_names(m: Matrix) -> dict[str, str]:
    """Long text values (a pact's full name) by their initials, for the matrix's cells."""
    out: dict[str, str] = {}
    by_key: dict[str, str] = {}
    for row in m.rows:
        for value in row["values"].values():
            text = show_value(value)
            if not isinstance(value, str) or len(text) <= 16 or text in out:
                continue
            key = " ".join(text.lower().split())
            if key not in by_key:
                initials = "".join(w[0] for w in text.split() if w[:1].isalpha()).upper() or text[:8]
                while initials in by_key.values():
                    initials += "'"
                by_key[key] = initials
            out[text] = by_key[key]
    return out


def _key(value: Any) -> str:
    return " ".join(show_value(value).lower().replace("-", " ").split())


def compatible(a: Any, b: Any) -> bool:
    """True when two values can both be right: equal, a date and a more
    precise date inside it (2019-11 and 2019-11-23), or a name and a
    shortened form of it."""
    ka, kb = _key(a), _key(b)
    if ka == kb:
        return True
    if isinstance(a, str) and isinstance(b, str) and _ISO_DATE.fullmatch(a) and _ISO_DATE.fullmatch(b):
        return a.startswith(b) or b.startswith(a)
    if isinstance(a, bool) or isinstance(b, bool):
        return False
    return len(ka.split()) > 1 and len(kb.split()) > 1 and (ka in kb or kb in ka)


def claim_values(cov: Coverage) -> dict[str, Any]:
    """An article's value of each claim it states (a list when it gives several)."""
    values: dict[str, list[Any]] = {}
    for record in cov.claims:
        values.setdefault(record.claim, []).append(record.value)
    return {c: v[0] if len(v) == 1 else v for c, v in values.items()}


def claim_matrix(
    coverage: list[Coverage],
    wire: dict[str, list[str]] | None = None,
    groups: dict[str, str] | None = None,
    window: int = DEFAULT_WINDOW,
    statements: list[Statement] | None = None,
) -> Matrix:
    """Return the matrix of claims per article (rows by publication date)
    with every disagreement, strongest first. ``wire`` gives each article's
    "via" labels, ``groups`` the first article of the wire story it copies
    (articles of one story count as one report), ``window`` the days within
    which framings and states are compared; ``statements``: statements_of
    the coverage, when the caller has them already."""
    groups = groups or {}
    ordered = sorted(coverage, key=lambda c: (c.published, c.id))
    claims = [c.id for c in catalog()]
    rows = []
    for cov in ordered:
        rows.append(
            {
                "article": cov.id,
                "outlet": cov.outlet,
                "published": cov.published.isoformat(),
                "via": (wire or {}).get(cov.id, []),
                "values": claim_values(cov),
            }
        )
    matrix = Matrix(claims, rows)
    by_id = {c.id: c for c in ordered}
    for claim in catalog():
        given = {}
        for cov in ordered:
            first = next((r for r in cov.claims if r.claim == claim.id), None)
            if first is not None:
                given[cov.id] = make_given(first.value, first.evidence)
        if claim.compare == "fact":
            found = _fact_disagreement(claim.id, given, by_id, groups)
            matrix.disagreements.extend([found] if found else [])
        else:
            matrix.disagreements.extend(_windowed_disagreements(claim.id, claim.compare, given, by_id, groups, window))
    matrix.disagreements.extend(remark_disagreements(ordered, groups, statements))
    matrix.disagreements.sort(key=lambda d: (-d.reports, d.since, d.claim))
    return matrix


def _fact_disagreement(
    claim: str, given: dict[str, Given], by_id: dict[str, Coverage], groups: dict[str, str]
) -> Disagreement | None:
    distinct = {g.key: g.value for g in given.values()}
    # A value compatible with every other (a month, when the days differ inside it) takes no side.
    clashing = {k for k, v in distinct.items() if any(not compatible(v, w) for w in distinct.values())}
    if not clashing:
        return None
    members = {a: g for a, g in given.items() if g.key in clashing}
    return _disagreement(claim, "fact", members, by_id, groups)


def _windowed_disagreements(
    claim: str,
    kind: str,
    given: dict[str, Given],
    by_id: dict[str, Coverage],
    groups: dict[str, str],
    window: int,
) -> list[Disagreement]:
    """The disagreements among articles published within ``window`` days of
    each other: for each day an article was published, the articles of that
    day and the ``window`` days after it that clash with one of them; a set of
    articles that another set holds whole is left out (whether two articles
    clash depends on their values alone, so its clashes are all there too)."""
    order = sorted(given, key=lambda a: by_id[a].published)
    days = [by_id[a].published for a in order]
    found: list[frozenset[str]] = []
    start = 0
    for n, first in enumerate(days):
        if n and first == days[n - 1]:
            continue
        start = n
        last = first + dt.timedelta(days=window)
        members = []
        for a, day in zip(order[start:], days[start:], strict=True):
            if day > last:
                break
            members.append(a)
        involved = frozenset(_clashing(members, given))
        if involved and not any(involved <= other for other in found):
            found = [other for other in found if not other <= involved]
            found.append(involved)
    return [
        _disagreement(claim, kind, {a: given[a] for a in order if a in involved}, by_id, groups) for involved in found
    ]


def _clashing(members: list[str], given: dict[str, Given]) -> list[str]:
    """The ``members`` whose value is incompatible with another member's."""
    distinct = {given[a].key: given[a].value for a in members}
    if len(distinct) < 2:
        return []
    clashing = {k for k, v in distinct.items() if any(not compatible(v, w) for w in distinct.values())}
    return [a for a in members if given[a].key in clashing]


def _disagreement(
    claim: str, kind: str, members: dict[str, Given], by_id: dict[str, Coverage], groups: dict[str, str]
) -> Disagreement:
    sides: dict[str, Side] = {}
    for article, (value, evidence, key) in members.items():
        side = sides.setdefault(key, Side(value, [], []))
        side.articles.append(article)
        side.evidence[article] = evidence
    for side in sides.values():
        stories: dict[str, list[str]] = {}
        for article in side.articles:
            stories.setdefault(groups.get(article, article), []).append(article)
        side.reports = list(stories.values())
    ranked = [
        side for _, side in sorted(sides.items(), key=lambda ks: (-len(ks[1].reports), ks[0]))
    ]  # (copies weigh nothing)
    published = sorted(by_id[a].published.isoformat() for a in members)
    values = {a: members[a].value for a in sorted(members, key=lambda a: (by_id[a].published, a))}
    return Disagreement(claim, kind, values, _note(claim, ranked, by_id), ranked, published[0], published[-1])


def story_label(story: list[str], by_id: dict[str, Coverage]) -> str:
    """ "one Sputnik story" when every copy credits the agency ("one
    Kyodo/Sputnik story" for two), else "one story"."""
    if not story:
        return "one story"
    shared: set[str] = set.intersection(*(set(by_id[a].credits) for a in story))
    agencies = [c for c in by_id[story[0]].credits if c in shared and not c.startswith("photo:")]
    return f"one {'/'.join(agencies)} story" if agencies else "one story"


def _note(claim: str, sides: list[Side], by_id: dict[str, Coverage]) -> str:
    """ "X in 4 reports (...) | Y in 1 report: a1 (Outlet One), a2 (Outlet Two) — one AP story"."""
    subject = claim.split(":", 1)[1] + "'s remarks dated" if claim.startswith("remarks_date:") else claim
    parts = []
    for n, side in enumerate(sides):
        reports = len(side.reports)
        if n == 0 and len(sides) > 1 and reports > 1 and reports > len(sides[1].reports):
            parts.append(f"{show_value(side.value)} in {reports} reports ({', '.join(side.articles)})")
            continue
        told = []
        for story in side.reports:
            names = ", ".join(f"{a} ({by_id[a].outlet})" for a in story)
            told.append(names + (f" — {story_label(story, by_id)}" if len(story) > 1 else ""))
        count = f"{reports} report{'s' if reports > 1 else ''}"
        parts.append(f"{show_value(side.value)} in {count}: " + "; ".join(told))
    return f"{subject}: " + " | ".join(parts)


@cache
def _speech_words() -> re.Pattern[str]:
    lex = lexicon()
    words = set(lex.clause_verbs) | set(lex.direct_verbs) | {"remarks", "press gaggle", "briefing", "interview"}
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?!\w)")


def remark_dates(cov: Coverage, days: dict[int, list[str]] | None = None) -> dict[str, set[str]]:
    """Return, per speaker, the days this article says they spoke: day dates
    in sentences that carry their statement, or name them just before a
    speech word ("Sato made the remarks ... on Sunday"). ``days``: the
    article's _days_by_sentence, when known."""
    days = _days_by_sentence(cov) if days is None else days
    if not days:
        return {}
    speakers: dict[int, set[str]] = {}  # per sentence (its start) that names a day, who spoke in it
    for q in cov.quotes:
        span = cov.sentence_at(q.start) if q.speaker else None
        if span and span[0] in days:
            speakers.setdefault(span[0], set()).add(q.speaker)  # type: ignore[arg-type]
    for mention, person in zip(cov.mentions, cov.mention_people, strict=True):
        span = cov.sentence_at(mention.start)
        if span and span[0] in days:
            after = " ".join(cov.text[mention.end : span[1]].split()[:SPEECH_WINDOW])
            if _speech_words().search(after):
                speakers.setdefault(span[0], set()).add(person)
    out: dict[str, set[str]] = {}
    for start, names in speakers.items():
        for speaker in names:
            out.setdefault(speaker, set()).update(days[start])
    return out


def _days_by_sentence(cov: Coverage) -> dict[int, list[str]]:
    """The days (dates of one day) each sentence of an article names, by the sentence's start."""
    found: dict[int, set[str]] = {}
    for d in cov.dates:
        span = cov.sentence_at(d.start) if len(d.value) == 10 else None
        if span:
            found.setdefault(span[0], set()).add(d.value)
    return {start: sorted(days) for start, days in found.items()}


def remark_disagreements(
    coverage: list[Coverage], groups: dict[str, str] | None = None, statements: list[Statement] | None = None
) -> list[Disagreement]:
    """The statements whose renderings in different reports are dated to
    different days: a rendering's day is a day named in its sentence, else
    the one day its article says the speaker spoke."""
    groups = groups or {}
    by_id = {c.id: c for c in coverage}
    spoke: dict[str, dict[str, set[str]]] = {}  # (found only for the articles that need it)
    said_on: dict[str, dict[int, list[str]]] = {}  # per article, the days each sentence names (by its start)
    out: list[Disagreement] = []
    seen: set[tuple[tuple[str, str], ...]] = set()
    for statement in statements if statements is not None else statements_of(coverage):
        if len(statement.articles) < 2:
            continue
        members: dict[str, Given] = {}
        for r in statement.renderings:
            cov = by_id[r.article]
            if r.article not in said_on:
                said_on[r.article] = _days_by_sentence(cov)
            span = cov.sentence_at(r.start)
            days = said_on[r.article].get(span[0], []) if span else []
            if not days:
                if r.article not in spoke:
                    spoke[r.article] = remark_dates(cov, said_on[r.article])
                days = sorted(spoke[r.article].get(statement.speaker, ()))
            if len(days) == 1 and r.article not in members:
                members[r.article] = make_given(days[0], r.sentence)
        if len({g.key for g in members.values()}) > 1:
            key = tuple(sorted((a, g.key) for a, g in members.items()))
            if key not in seen:
                seen.add(key)
                out.append(_disagreement(f"remarks_date:{statement.speaker}", "remarks", members, by_id, groups))
    return out
