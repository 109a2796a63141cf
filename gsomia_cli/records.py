"""The records extraction makes, each with its evidence (article, offsets,
sentence): what the index stores, the commands print and the comparison
reads. Apart from extract.py so that reading them from the index loads no
extraction rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)  # many per article: cheap to create
class DateRecord:
    article: str
    file: str
    outlet: str
    text: str
    value: str
    start: int
    end: int
    sentence: str
    sentence_start: int = 0  # where the sentence is in the article's clean text
    sentence_end: int = 0


@dataclass(slots=True)  # many per article: cheap to create
class MentionRecord:
    article: str
    file: str
    outlet: str
    text: str
    start: int
    end: int


@dataclass
class OfficialRecord:
    name: str
    role: str | None
    country: str | None
    aliases: list[str] = field(default_factory=list)
    mentions: list[MentionRecord] = field(default_factory=list)


@dataclass(slots=True)  # many per article: cheap to create
class QuoteRecord:
    article: str
    file: str
    outlet: str
    speaker: str | None
    speaker_role: str | None
    kind: str
    cue: str | None
    text: str
    start: int
    end: int
    sentence: str
    office_holder: str | None = None  # who held the speaker's office that day, when the article names only the title
    sentence_start: int = 0  # where the sentence is in the article's clean text
    sentence_end: int = 0


@dataclass(slots=True)  # many per article: cheap to create
class ClaimRecord:
    article: str
    file: str
    outlet: str
    claim: str
    value: Any
    evidence: str
    start: int
    end: int
    frame: str = ""  # what the frame that fired means (claims.frame_words: the words of its slots)


def fields(record: Any) -> dict[str, Any]:
    """Return a flat record's fields as a dict (a shallow copy: faster than asdict)."""
    return {name: getattr(record, name) for name in record.__slots__}
