"""What ``gsomia add`` is given, made into articles: text files (.txt,
.md, or stdin), saved web pages (.html), URLs, folders of them, and lists of
them in a file. A page's metadata comes from the page (pages.py); the flags
give what it lacks and override what it says."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from gsomia_cli.corpus_write import ACCEPTED_SUFFIXES, AddError, NewArticle, read_source
from gsomia_cli.pages import PageError, fetch_page, is_page_file, is_url, read_page

if TYPE_CHECKING:
    from gsomia_cli.duplicates import DuplicateFinder


@dataclass(frozen=True)
class Given:
    """The metadata the flags of ``add`` give (None: not given)."""

    outlet: str | None = None
    published: dt.date | None = None
    headline: str | None = None
    url: str | None = None
    byline: str | None = None
    id: str | None = None


def expand(sources: list[str], from_file: str | None = None) -> list[str]:
    """The sources to add: each one named, a folder's page and text files
    (sorted; its sub-folders, such as a saved page's "_files", are not
    read), then each line of ``from_file`` (a URL or a path; blank lines and
    lines starting with # skipped). Raises AddError when ``from_file`` cannot be read."""
    out: list[str] = []
    for source in sources:
        path = Path(source)
        if source != "-" and not is_url(source) and path.is_dir():
            with os.scandir(path) as listing:
                names = sorted(e.name for e in listing if e.is_file() and _addable(e.name))
            out += [str(path / name) for name in names]
        else:
            out.append(source)
    if from_file:
        try:
            lines = Path(from_file).read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise AddError(
                f"--from-file {from_file}: cannot be read ({getattr(exc, 'strerror', None) or exc})"
            ) from None
        out += [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]
    return out


def _addable(name: str) -> bool:
    return is_page_file(name) or name.lower().endswith(ACCEPTED_SUFFIXES)


def is_page(source: str) -> bool:
    """True for a source read as a web page (a URL, or an .html file)."""
    return is_url(source) or is_page_file(source)


def make_article(
    source: str, given: Given, stdin_text: str | None = None, now: dt.datetime | None = None
) -> NewArticle:
    """The article a source gives, with the flags' metadata over the page's.
    Raises AddError or PageError, saying why (a required field neither the
    page nor a flag gives is named)."""
    now = now or dt.datetime.now(dt.timezone.utc)
    added = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    if not is_page(source):
        text = read_source(source, stdin_text)
        outlet, published = _required(given.outlet, given.published, "a text file")
        suffix = Path(source).suffix.lower() if source != "-" else ".txt"
        where = "stdin" if source == "-" else Path(source).name
        return NewArticle(
            text,
            source,
            outlet,
            published,
            given.headline,
            given.url,
            given.byline,
            given.id,
            provenance=f"{where}, added {added}",
            suffix=suffix,
        )
    if is_url(source):
        data, final_url = fetch_page(source)
        page = read_page(data, final_url)
        where = source
    else:
        data = _page_bytes(source)
        page = read_page(data)
        where = Path(source).name
    outlet, published = _required(given.outlet or page.outlet, given.published or page.published, "the page")
    return NewArticle(
        page.text,
        source,
        outlet,
        published,
        given.headline or page.headline,
        given.url or page.url or (source if is_url(source) else None),
        given.byline or page.byline,
        given.id,
        language=page.language,
        provenance=f"{where}, added {added}",
    )


def _required(outlet: str | None, published: dt.date | None, where: str) -> tuple[str, dt.date]:
    if not outlet:
        raise AddError(f"no outlet: {where} does not name it; give --outlet")
    if not published:
        raise AddError(f"no publication date: {where} does not give it; give --published")
    return outlet, published


def _page_bytes(source: str) -> bytes:
    from gsomia_cli.corpus import is_regular
    from gsomia_cli.pages import MAX_PAGE_BYTES

    path = Path(source)
    if path.exists() and not path.is_dir() and not is_regular(path):
        raise AddError("not a regular file")
    try:
        if path.stat().st_size > MAX_PAGE_BYTES:
            raise PageError(f"page larger than {MAX_PAGE_BYTES // 1_000_000} MB")
        return path.read_bytes()
    except FileNotFoundError:
        raise AddError("no such file") from None
    except (IsADirectoryError, PermissionError):
        raise AddError("cannot be read") from None


def articles_to_add(
    todo: list[str],
    given: Given,
    finder: DuplicateFinder,
    allow_duplicate: bool = False,
    stdin_text: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[NewArticle], list[tuple[str, str]], dict[str, str]]:
    """The articles of the sources ``todo`` that can be added; the sources
    that cannot, with why (a duplicate is skipped unless
    ``allow_duplicate``); and a note per source kept as a wire copy.
    ``progress(done, total)`` after each source."""
    made: list[NewArticle] = []
    failed: list[tuple[str, str]] = []
    notes: dict[str, str] = {}
    for n, source in enumerate(todo, 1):
        try:
            new = make_article(source, given, stdin_text)
        except (AddError, PageError) as exc:
            failed.append((source, str(exc)))
        else:
            verdict = finder.check(new.text, new.outlet, new.url, source)
            if verdict.duplicate and not allow_duplicate:
                failed.append((source, f"skipped: {verdict.duplicate} (--allow-duplicate adds it anyway)"))
            else:
                made.append(new)
                if verdict.copy_of:
                    notes[source] = f"a copy of {verdict.copy_of} (another outlet: kept as a report of its own)"
        if progress:
            progress(n, len(todo))
    return made, failed, notes
