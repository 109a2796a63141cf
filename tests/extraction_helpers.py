from __future__ import annotations

import datetime as dt
from pathlib import Path

from gsomia_cli.corpus import Article
from gsomia_cli.extract import Extraction, extract


def article(text: str, published: str = "2019-11-20", byline: str | None = None, art_id: str = "t") -> Article:
    return Article(
        id=art_id,
        outlet="Test Outlet",
        published=dt.date.fromisoformat(published),
        file=f"{art_id}.txt",
        raw=text,
        path=Path(f"/nonexistent/{art_id}.txt"),
        byline=byline,
    )


def run(text: str, published: str = "2019-11-20", **kw) -> Extraction:
    return extract(article(text, published, **kw))
