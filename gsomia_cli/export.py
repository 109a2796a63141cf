"""Export of the corpus and its extraction records as JSON lines or CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

CSV_COLUMNS = ["article", "outlet", "published", "file", "type", "name", "value", "kind", "text", "start", "end"]
LONG_SENTENCE = 400  # characters; a longer sentence's text is written once per output


def to_json(record: Any) -> Any:
    """Return a dataclass record (or a list of them) as plain JSON data."""
    from dataclasses import asdict

    if isinstance(record, list):
        return [to_json(r) for r in record]
    return asdict(record)


def sentences_once(data: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return JSON records (dates, quotes) with the text of a long sentence
    only in the first record that cites it; later ones carry ``sentence``
    null and the same ``sentence_start``/``sentence_end``. Real sentences are
    short and are repeated; a run of text with hundreds of records per
    sentence then costs its length once, not once per record."""
    given: set[tuple[str, int]] = set()
    out = []
    for record in data:
        sentence = record.get("sentence")
        if sentence is not None and len(sentence) > LONG_SENTENCE:
            key = (record["article"], record.get("sentence_start", 0))
            if key in given:
                record = {**record, "sentence": None}
            given.add(key)
        out.append(record)
    return out


def write_jsonl(records: Iterable[tuple[dict[str, Any], str, dict[str, Any]]], out: IO[str]) -> None:
    """Write one JSON object per article: its metadata, ``text`` (clean) and
    its officials, mentions, dates, quotes and claims."""
    for meta, text, extracted in records:
        for kind in ("dates", "quotes"):
            extracted = {**extracted, kind: sentences_once(extracted[kind])}
        out.write(json.dumps({**meta, "text": text, **extracted}, ensure_ascii=False) + "\n")


def csv_rows(meta: dict[str, Any], extracted: dict[str, Any]):
    """Yield one CSV row (a dict of CSV_COLUMNS) per extracted item."""
    base = {"article": meta["id"], "outlet": meta["outlet"], "published": meta["published"], "file": meta["file"]}

    def row(kind_of_item: str, record: dict[str, Any], name: Any, value: Any, kind: str, text: str) -> dict[str, Any]:
        value = str(value).lower() if isinstance(value, bool) else value
        return {
            **base,
            "type": kind_of_item,
            "name": name or "",
            "value": value or "",
            "kind": kind,
            "text": text,
            "start": record["start"],
            "end": record["end"],
        }

    for m in extracted["mentions"]:
        yield row("official", m, m["name"], "", "", m["text"])
    for d in extracted["dates"]:
        yield row("date", d, "", d["value"], "", d["text"])
    for q in extracted["quotes"]:
        yield row("quote", q, q["speaker"], q["cue"], q["kind"], q["text"])
    for c in extracted["claims"]:
        yield row("claim", c, c["claim"], c["value"], "", c["evidence"])


def write_csv(records: Iterable[tuple[dict[str, Any], str, dict[str, Any]]], out: IO[str]) -> None:
    """Write a header and one row per extracted item."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for meta, _, extracted in records:
        writer.writerows(csv_rows(meta, extracted))
