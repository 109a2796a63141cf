"""The timeline: dated mentions of one day with similar wording across
outlets are one event, labelled by its most central sentence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from gsomia_cli.coverage import Coverage
from gsomia_cli.statements import similarity
from gsomia_cli.textfold import fold_key

SAME_EVENT = 60  # similarity (0-100) at which two sentences of one day tell one event
CENTRAL_SAMPLE = 12  # distinct sentences compared to find an event's most central one


@dataclass
class Event:
    """Something dated: the date (a day, month or year), a label, and the reports of it."""

    date: str
    label: str  # the member sentence most like the others
    reports: list[dict[str, Any]] = field(
        default_factory=list
    )  # {"article","outlet","published","text","sentence","start","end"}

    @property
    def outlets(self) -> list[str]:
        return sorted({r["outlet"] for r in self.reports})

    @property
    def count(self) -> int:
        """How many articles report it."""
        return len({r["article"] for r in self.reports})


def timeline(coverage: list[Coverage]) -> list[Event]:
    """Return the corpus's dated events in date order (most reported first
    within a date); mentions of one date with similar wording are one event."""
    events: list[Event] = []
    by_date: dict[str, list[Event]] = {}
    known: dict[tuple[str, str], Event] = {}  # (date, wording) already placed: copies repeat sentences
    placed: set[tuple[int, str, str]] = set()  # (event, article, sentence): one report each
    for cov in coverage:
        for d in cov.dates:
            report = {
                "article": d.article,
                "outlet": d.outlet,
                "published": cov.published.isoformat(),
                "text": d.text,
                "sentence": d.sentence,
                "start": d.start,
                "end": d.end,
            }
            key = (d.value, fold_key(d.sentence))
            match = known.get(key)
            if match is None:
                same_day = by_date.setdefault(d.value, [])
                match = next((e for e in same_day if similarity(e.label, d.sentence) >= SAME_EVENT), None)
                if match is None:
                    match = Event(d.value, d.sentence)
                    same_day.append(match)
                    events.append(match)
                known[key] = match
            if (id(match), d.article, d.sentence) not in placed:
                placed.add((id(match), d.article, d.sentence))
                match.reports.append(report)
    for event in events:
        event.label = _central(event)
    events.sort(key=lambda e: (e.date, -e.count))
    return events


def _central(event: Event) -> str:
    """The sentence most like the event's other sentences (the most told one among the first few)."""
    told: dict[str, tuple[str, int]] = {}
    for r in event.reports:
        key = fold_key(r["sentence"])
        sentence, n = told.get(key, (r["sentence"], 0))
        told[key] = (sentence, n + 1)
    distinct = sorted(told.values(), key=lambda t: -t[1])[:CENTRAL_SAMPLE]
    if len(distinct) == 1:
        return distinct[0][0]

    def centrality(item: tuple[str, int]) -> float:
        return sum(similarity(item[0], other) * n for other, n in distinct if other is not item[0]) + 100 * (
            item[1] - 1
        )

    return max(distinct, key=centrality)[0]


def period(events: list[Event]) -> str:
    """The bin a chart of these events needs: day for a span of up to two
    months, week up to a year and a half, else month."""
    days = [dt.date.fromisoformat(e.date) for e in events if len(e.date) == 10]
    if not days:
        return "month"
    span = (max(days) - min(days)).days
    return "day" if span <= 62 else "week" if span <= 550 else "month"


def bin_of(date: str, unit: str) -> str:
    """The chart bin of an ISO date (day, month or year) for ``unit``: the
    day, the Monday of its week, or the month; a month or year stays as it is
    when the unit is finer."""
    if len(date) < 10:
        return date if unit != "month" or len(date) == 4 else date[:7]
    day = dt.date.fromisoformat(date)
    if unit == "day":
        return date
    if unit == "week":
        return (day - dt.timedelta(days=day.weekday())).isoformat()
    return date[:7]


def chart(events: list[Event], unit: str | None = None) -> list[tuple[str, int, Event]]:
    """Per bin of ``unit`` (default: :func:`period`), in date order: the bin,
    how many reports fall in it, and its most reported event. Only events
    dated to the day are charted (a month or year named for background would
    stretch the axis over decades)."""
    unit = unit or period(events)
    bins: dict[str, tuple[int, Event]] = {}
    for e in events:
        if len(e.date) != 10:
            continue
        b = bin_of(e.date, unit)
        count, top = bins.get(b, (0, e))
        bins[b] = (count + e.count, top if top.count >= e.count else e)
    return [(b, n, top) for b, (n, top) in sorted(bins.items())]
