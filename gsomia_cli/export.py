"""Export of the corpus and its extraction records as JSON lines or CSV."""

from __future__ import annotations

import csv
import json
from typing import IO, Any

CSV_COLUMNS = ["article", "outlet", "published", "file", "type", "name", "value", "kind", "text", "start", "end"]


def write_jsonl(records: list[tuple[dict[str, Any], str, dict[str, Any]]], out: IO[str]) -> None:
    """Write one JSON object per article: its metadata, ``text`` (clean) and
    its officials, mentions, dates, quotes and claims."""
    for meta, text, extracted in records:
        out.write(json.dumps({**meta, "text": text, **extracted}, ensure_ascii=False) + "\n")


def csv_rows(meta: dict[str, Any], extracted: dict[str, Any]):
    """Yield one CSV row (a dict of CSV_COLUMNS) per extracted item."""
    base = {"article": meta["id"], "outlet": meta["outlet"], "published": meta["published"], "file": meta["file"]}
    for m in extracted["mentions"]:
        yield {
            **base,
            "type": "official",
            "name": m["name"],
            "value": "",
            "kind": "",
            "text": m["text"],
            "start": m["start"],
            "end": m["end"],
        }
    for d in extracted["dates"]:
        yield {
            **base,
            "type": "date",
            "name": "",
            "value": d["value"],
            "kind": "",
            "text": d["text"],
            "start": d["start"],
            "end": d["end"],
        }
    for q in extracted["quotes"]:
        yield {
            **base,
            "type": "quote",
            "name": q["speaker"] or "",
            "value": q["cue"] or "",
            "kind": q["kind"],
            "text": q["text"],
            "start": q["start"],
            "end": q["end"],
        }
    for c in extracted["claims"]:
        value = str(c["value"]).lower() if isinstance(c["value"], bool) else c["value"]
        yield {
            **base,
            "type": "claim",
            "name": c["claim"],
            "value": value,
            "kind": "",
            "text": c["evidence"],
            "start": c["start"],
            "end": c["end"],
        }


def write_csv(records: list[tuple[dict[str, Any], str, dict[str, Any]]], out: IO[str]) -> None:
    """Write a header and one row per extracted item."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for meta, _, extracted in records:
        writer.writerows(csv_rows(meta, extracted))
