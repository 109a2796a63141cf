"""Extraction records as the index keeps them: each record a row of values
in a fixed field order, without what the article's row already holds (its
id, file and outlet) and without the text of a span or sentence that its
clean text holds at the record's offsets. A quarter of the JSON of the
records written out whole, and decoded that much faster by every command
that reads many articles (compare, who, export)."""

from __future__ import annotations

import json
from typing import Any

# Per kind, the fields of a packed row, in order (extract.py's records, less article/file/outlet).
FIELDS: dict[str, tuple[str, ...]] = {
    "mentions": ("text", "start", "end", "name"),
    "dates": ("text", "value", "start", "end", "sentence", "sentence_start", "sentence_end"),
    "quotes": (
        "speaker",
        "speaker_role",
        "kind",
        "cue",
        "text",
        "start",
        "end",
        "sentence",
        "office_holder",
        "sentence_start",
        "sentence_end",
    ),
    "claims": ("claim", "value", "evidence", "start", "end", "frame"),
}
# Text fields and the offsets of the clean text they are a slice of: stored
# as null when they are that slice (always, for what the extractor writes).
SLICES = {"text": ("start", "end"), "evidence": ("start", "end"), "sentence": ("sentence_start", "sentence_end")}


def pack(records: dict[str, Any], text: str) -> str:
    """Return the JSON the index stores for ``records`` (index.extraction_records) of an article whose clean text is ``text``."""
    out: dict[str, Any] = {k: v for k, v in records.items() if k not in FIELDS}
    for kind, names in FIELDS.items():
        rows = []
        for record in records.get(kind, []):
            row = []
            for name in names:
                value = record.get(name)
                if name in SLICES:
                    start, end = SLICES[name]
                    if value == text[record[start] : record[end]]:
                        value = None
                row.append(value)
            rows.append(row)
        out[kind] = rows
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


# Per kind, (field, start, end) positions in a row of each text slice.
_SLICE_AT = {
    kind: [(names.index(f), names.index(a), names.index(b)) for f, (a, b) in SLICES.items() if f in names]
    for kind, names in FIELDS.items()
}


def _rows(data: dict[str, Any], kind: str, text: str) -> list[list[Any]]:
    """The packed rows of ``kind`` with each text slice filled in again."""
    slots = _SLICE_AT[kind]
    rows: list[list[Any]] = data.get(kind, [])
    for row in rows:
        for at, start, end in slots:
            if row[at] is None:
                row[at] = text[row[start] : row[end]]
    return rows


def unpack(stored: str, article: dict[str, Any], text: str, kinds: tuple[str, ...] | None = None) -> dict[str, Any]:
    """Return the records :func:`pack` stored, whole again (as dicts), for
    the article whose metadata is ``article`` and clean text ``text``: only
    the record lists named in ``kinds`` (all by default; the others empty)."""
    data = json.loads(stored)
    base = {"article": article["id"], "file": article["file"], "outlet": article["outlet"]}
    if kinds is not None and "officials" not in kinds:
        data["officials"] = []
    for kind, names in FIELDS.items():
        wanted = kinds is None or kind in kinds
        data[kind] = (
            [{**base, **dict(zip(names, row, strict=True))} for row in _rows(data, kind, text)] if wanted else []
        )
    return data


def unpack_records(stored: str, article: dict[str, Any], text: str, kinds: tuple[str, ...]) -> dict[str, Any]:
    """As :func:`unpack`, with records as extract.py's classes (built
    straight from the rows: what compare reads for thousands of articles);
    ``mentions`` as (MentionRecord, the official's name) pairs."""
    from gsomia_cli.records import ClaimRecord, DateRecord, MentionRecord, QuoteRecord

    data = json.loads(stored)
    key = (article["id"], article["file"], article["outlet"])
    if "officials" not in kinds:
        data["officials"] = []
    made: dict[str, Any] = {"quotes": QuoteRecord, "dates": DateRecord, "claims": ClaimRecord}
    for kind, cls in made.items():
        data[kind] = [cls(*key, *row) for row in _rows(data, kind, text)] if kind in kinds else []
    rows = _rows(data, "mentions", text) if "mentions" in kinds else []
    data["mentions"] = [(MentionRecord(*key, t, a, b), name) for t, a, b, name in rows]
    return data
