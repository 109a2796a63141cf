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


def write_csv(records: list[tuple[dict[str, Any], str, dict[str, Any]]], out: IO[str]) -> None:
    """Write a header and one row per extracted item."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for meta, _, extracted in records:
        writer.writerows(csv_rows(meta, extracted))
