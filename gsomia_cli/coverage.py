"""One article's records as the comparing commands read them (compare,
timeline, who, diff): its metadata, clean text, sentences and extracted
records, taken from the search index (fast at any corpus size) or from a
fresh extraction."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gsomia_cli.records import ClaimRecord, DateRecord, MentionRecord, OfficialRecord, QuoteRecord

if TYPE_CHECKING:
    from gsomia_cli.extract import Extraction


@dataclass
class Coverage:
    """What one article reports: metadata, text and records."""

    id: str
    outlet: str
    published: dt.date
    file: str
    text: str  # the clean text every offset points into
    sentences: list[tuple[int, int, str]]  # (start, end, kind), in order
    quotes: list[QuoteRecord] = field(default_factory=list)
    dates: list[DateRecord] = field(default_factory=list)
    claims: list[ClaimRecord] = field(default_factory=list)
    mentions: list[MentionRecord] = field(default_factory=list)
    mention_people: list[str] = field(default_factory=list)  # the official of each mention
    credits: list[str] = field(default_factory=list)  # agencies the article credits (wire.credits)
    officials: dict[str, list[str]] = field(default_factory=dict)  # official -> the other spellings used
    roles: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # official -> (role, country)
    error: str | None = None  # why extraction failed on the article (it then has no records)

    def sentence_at(self, offset: int) -> tuple[int, int] | None:
        """The ``(start, end)`` of the sentence holding ``offset``."""
        k = bisect.bisect_right(self.sentences, (offset, 1 << 62, "~")) - 1
        if k >= 0 and offset < self.sentences[k][1]:
            return self.sentences[k][0], self.sentences[k][1]
        return None

    def body(self) -> list[str]:
        """The text of the body sentences (no headline, caption or credit)."""
        return [self.text[a:b] for a, b, kind in self.sentences if kind == "body"]


def from_extraction(ex: Extraction) -> Coverage:
    """The coverage of a freshly extracted article."""
    from gsomia_cli.wire import credits

    a = ex.article
    return Coverage(
        a.id,
        a.outlet,
        a.published,
        a.file,
        a.clean,
        [(s.start, s.end, s.kind) for s in a.sentences],
        list(ex.quotes),
        list(ex.dates),
        list(ex.claims),
        list(ex.mentions),
        list(ex.mention_people),
        credits(a),
        {name: sorted(p.aliases) for name, p in ex.persons.items()},
        {name: (p.role, p.country) for name, p in ex.persons.items()},
    )


def from_index_row(
    metadata: dict[str, Any], text: str, records: dict[str, Any], sentences: list[tuple[int, int, str]]
) -> Coverage:
    """The coverage of an article from its records as the index keeps them
    (packed.unpack_records)."""
    officials = records.get("officials", [])
    return Coverage(
        str(metadata["id"]),
        str(metadata["outlet"]),
        dt.date.fromisoformat(str(metadata["published"])),
        str(metadata["file"]),
        text,
        sentences,
        records["quotes"],
        records["dates"],
        records["claims"],
        [m for m, _ in records["mentions"]],
        [name for _, name in records["mentions"]],
        list(records.get("credits", [])),
        {o["name"]: list(o.get("aliases", [])) for o in officials},
        {o["name"]: (o.get("role"), o.get("country")) for o in officials},
        records.get("error"),
    )


def officials_of(coverages: list[Coverage]) -> list[OfficialRecord]:
    """The officials of these articles, one record per person with every
    mention across them; ordered by number of mentions."""
    merged: dict[str, OfficialRecord] = {}
    for cov in coverages:
        for name, aliases in cov.officials.items():
            role, country = cov.roles.get(name, (None, None))
            record = merged.setdefault(name, OfficialRecord(name, role, country))
            record.role = record.role or role
            record.country = record.country or country
            for alias in sorted(aliases):
                if alias not in record.aliases:
                    record.aliases.append(alias)
        for name, mention in zip(cov.mention_people, cov.mentions, strict=True):
            merged[name].mentions.append(mention)
    return sorted(merged.values(), key=lambda r: (-len(r.mentions), r.name))
