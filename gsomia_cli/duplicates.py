"""Is an article to add one the corpus already holds? The same address
(its URL, normalized), the same text, or nearly the same text (the wire-copy
measure, wire.is_copy) from the same outlet: a page saved twice, or saved
again after an update. Nearly the same text from another outlet is a wire
copy: a report of its own, added and said (compare counts copies as one
story)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

if TYPE_CHECKING:
    from gsomia_cli.index import Index

# Query parameters that say how a reader came to a page, not which page it is.
_TRACKING = re.compile(r"^(utm_.*|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid|ito|smid|outputType)$", re.IGNORECASE)


def normal_url(url: str) -> str:
    """The address of a page as it identifies it: no scheme, "www.",
    fragment, tracking parameters or trailing slash; host in lower case."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k))
    )
    return urlunsplit(("", host, parts.path.rstrip("/") or "/", query, "")).lstrip("/")


def outlet_key(outlet: str) -> str:
    """An outlet's name as compared ("The Korea Herald" = "Korea Herald")."""
    from gsomia_cli.corpus_write import slug

    return slug(outlet)


@dataclass
class Seen:
    """An article as duplicates are looked for: its id (or source), outlet, clean text and copy keys."""

    name: str
    outlet: str
    clean: str
    keys: list[str]
    words: int = 0


@dataclass
class Verdict:
    """What a text is to the corpus: ``duplicate`` (skip it: why), or a ``copy_of`` another outlet's article."""

    duplicate: str | None = None
    copy_of: str | None = None


@dataclass
class DuplicateFinder:
    """Finds duplicates of new articles in the corpus (through its index, or
    none when it has none yet) and among the articles of one add."""

    index: Index | None
    batch: list[Seen] = field(default_factory=list)
    batch_urls: dict[str, str] = field(default_factory=dict)
    _urls: dict[str, str] | None = None

    def check(self, text: str, outlet: str, url: str | None, source: str) -> Verdict:
        """The verdict on a text of ``outlet`` from ``url``; the article is
        then remembered, so that a later one of the same add is checked against it too."""
        from gsomia_cli.wire import opening

        if url:
            address = normal_url(url)
            if address in self._corpus_urls():
                return Verdict(duplicate=f"its URL is already in the corpus ({self._corpus_urls()[address]})")
            if address in self.batch_urls:
                return Verdict(duplicate=f"the same URL as {self.batch_urls[address]}")
        new = _seen(source, outlet, text)
        candidates = list(self.batch)
        if self.index is not None:
            candidates += self._corpus_candidates(new, [opening(k) for k in new.keys])
        copy_of = None
        for other in candidates:
            if other.clean == new.clean and outlet_key(other.outlet) == outlet_key(outlet):
                return Verdict(duplicate=f"the same text as {other.name}")
            if _near(new.keys, other.keys):
                if outlet_key(other.outlet) == outlet_key(outlet):
                    return Verdict(duplicate=f"nearly the same text as {other.name}, from the same outlet")
                copy_of = copy_of or other.name
            elif other.clean == new.clean:
                copy_of = copy_of or other.name
        self.batch.append(new)
        if url:
            self.batch_urls[normal_url(url)] = source
        return Verdict(copy_of=copy_of)

    def _corpus_urls(self) -> dict[str, str]:
        if self._urls is None:
            self._urls = {normal_url(u): i for i, u in self.index.urls()} if self.index is not None else {}
        return self._urls

    def _corpus_candidates(self, new: Seen, openings: list[str]) -> list[Seen]:
        """The corpus's articles that could be ``new`` again: of the same
        length in words, or sharing a sentence opening with it."""
        assert self.index is not None
        ids = set(self.index.sharing(openings)) | set(self.index.of_words(new.words))
        return [Seen(i, outlet, clean, keys) for i, outlet, clean, keys in self.index.copy_texts(sorted(ids))]


def _seen(name: str, outlet: str, text: str) -> Seen:
    from gsomia_cli.corpus import Article
    from gsomia_cli.wire import copy_keys

    article = Article(id="new", outlet=outlet, published=dt.date.today(), file=name, raw=text, path=Path(name))
    keys = copy_keys([s.text for s in article.sentences if s.kind == "body"])
    return Seen(name, outlet, article.clean, keys, article.words)


def _near(a: list[str], b: list[str]) -> bool:
    from gsomia_cli.wire import is_copy, opening

    if not a or not b:
        return False
    shared = len({opening(k) for k in a} & {opening(k) for k in b})
    return is_copy(a, b, shared)
