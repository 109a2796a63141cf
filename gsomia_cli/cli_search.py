"""Commands over the search index: search, index, add, export."""

from __future__ import annotations

import sys
from typing import Any

import click

from gsomia_cli.cli_common import (
    Selection,
    State,
    chosen_ids,
    empty_reason,
    fail,
    json_option,
    open_index,
    parse_date,
    plural,
    progress_bar,
    refuse_corpus_file,
    selection_options,
)


@click.command()
@click.argument("query", nargs=-1, required=True)
@click.option(
    "--outlet", "outlets", multiple=True, metavar="NAME", help="Only outlets whose name contains NAME; repeatable."
)
@click.option("--since", metavar="DATE", help="Only articles published on or after DATE (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Only articles published on or before DATE.")
@click.option("--speaker", metavar="NAME", help="Only text inside statements by this speaker (fuzzy).")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000), help="At most this many hits.")
@click.option("--exact", is_flag=True, help="No synonyms: 'export controls' finds only those words.")
@json_option
@click.pass_obj
def search(
    state: State,
    query: tuple[str, ...],
    outlets: tuple[str, ...],
    since: str | None,
    until: str | None,
    speaker: str | None,
    limit: int,
    exact: bool,
    as_json: bool,
) -> None:
    """Search the sentences of the corpus, best matches first.

    QUERY: plain words (all must match; closer together ranks higher),
    "quoted phrases", OR, -excluded, prefix*. Synonyms from
    gsomia_cli/data/synonyms.yaml are added unless --exact; a word that is
    nowhere in the corpus is corrected to the nearest one that is. A word
    that starts with - (an exclusion) goes inside the quoted query or after
    --, so that a mistyped option is an error, not a search word.

    \b
    Examples:
      gsomia search "export controls"
      gsomia search "pact -Esper"
      gsomia search --limit 3 -- pact -Esper
      gsomia search '"play into the hands"' --outlet yonhap
      gsomia search pact --speaker jeong --since 2019-11-17 --json
    Exit status 1 when nothing matches, like grep.
    """
    from gsomia_cli import render
    from gsomia_cli.query import QueryTooLong, parse
    from gsomia_cli.search import Filters
    from gsomia_cli.search import search as run_search

    text = " ".join(query)
    try:
        parse(text)
    except QueryTooLong as exc:
        fail(str(exc), 2)
    index, _ = open_index(state)
    speakers = None
    if speaker:
        from gsomia_cli.people import match_names

        speakers = frozenset(match_names(speaker, {s: {s} for s in index.speakers()}))
    filters = Filters(outlets, parse_date(since, "--since"), parse_date(until, "--until"), speakers, limit)
    empty = empty_reason(index, outlets, since, until)
    if empty:
        index.close()
        if as_json:
            render.print_json([])
        fail(empty)
    result = run_search(index, text, filters, exact=exact)
    index.close()
    if as_json:
        hits = [
            {
                "article": h.article,
                "file": h.file,
                "outlet": h.outlet,
                "published": h.published,
                "score": h.score,
                "text": h.text,
                "start": h.start,
                "end": h.end,
                **({"corrected": result.corrected} if result.corrected else {}),
            }
            for h in result.hits
        ]
        render.print_json(hits)
    else:
        render.search_hits(result)
    if not result.hits:
        click.echo(f"gsomia: no matches for {text!r}", err=True)
        sys.exit(1)
    if result.ranked_newest:
        click.echo(
            f"gsomia: more than {result.ranked_newest:,} sentences match; only the {result.ranked_newest:,} from the"
            " newest articles were ranked. Narrow the query (more words, --since/--until, --outlet) to rank every match.",
            err=True,
        )


@click.command("index")
@click.option("--rebuild", is_flag=True, help="Throw the index away and build it again.")
@json_option
@click.pass_obj
def index_command(state: State, rebuild: bool, as_json: bool) -> None:
    """Build or refresh the search index (normally automatic).

    The index is a cache in $GSOMIA_CACHE_DIR (default ~/.cache/gsomia),
    keyed by the corpus path; only changed articles are re-read. It is safe
    to delete. Other commands check INDEX.md, the article folders and a
    slice of the article files; this one checks every file.

    \b
    Example:
      gsomia index --rebuild
    """
    index, report = open_index(state, rebuild, every_file=True)
    count = index.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    index.close()
    if as_json:
        from gsomia_cli import render

        done = {"extracted": 0, "removed": 0, "seconds": 0.0} if report is None else vars(report)
        render.print_json(
            {
                "index": str(index.path),
                "articles": count,
                "extracted": done["extracted"],
                "removed": done["removed"],
                "seconds": round(done["seconds"], 3),
            }
        )
        return
    if report is None:
        click.echo(f"{count} articles, index up to date: {index.path}")
    else:
        click.echo(
            f"{count} articles; {report.extracted} (re)indexed, {report.removed} removed in {report.seconds:.2f} s: {index.path}"
        )


@click.command()
@click.argument("sources", nargs=-1, metavar="SOURCE...", type=click.Path())
@click.option(
    "--from-file",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Add each URL or path listed in FILE, one a line.",
)
@click.option("--outlet", help="The outlet (default for a page: its site name).")
@click.option("--published", metavar="DATE", help="Publication date, YYYY-MM-DD (default for a page: its date).")
@click.option("--headline", help="The headline (default for a page: its title).")
@click.option("--url", help="Where the article was published (default for a page: its canonical URL).")
@click.option("--byline", help="The reporters, comma-separated (default for a page: its authors).")
@click.option("--id", "article_id", metavar="ID", help="The article id (one SOURCE only). Default: outlet-date.")
@click.option("--allow-duplicate", is_flag=True, help="Add an article even when the corpus already holds it.")
@json_option
@click.pass_obj
def add(
    state: State,
    sources: tuple[str, ...],
    from_file: str | None,
    outlet: str | None,
    published: str | None,
    headline: str | None,
    url: str | None,
    byline: str | None,
    article_id: str | None,
    allow_duplicate: bool,
    as_json: bool,
) -> None:
    """Add articles to the corpus: text files, saved web pages, URLs.

    SOURCE is a .txt or .md file (- for stdin), a saved web page (.html), a
    URL, or a folder of them. Each text is copied into the corpus's articles/
    folder and its entry appended to INDEX.md, with a `source:` note of where
    it came from and when. From a page, the article text (no menus, cookie
    notices, related links or comments) and its site name, date, headline,
    byline, canonical URL and language are read with trafilatura: pip install
    'gsomia[html]'. The flags give what a page lacks and override what it
    says; a text file needs --outlet and --published.

    Each source is checked on its own: one that fails is reported on a line
    with why, and the others are added, INDEX.md written once. An article
    the corpus already holds (its URL; its text, or nearly, from the same
    outlet) is skipped; nearly the same text from another outlet is a wire
    copy, added and said. Exit status 1 when any source was not added. An
    INDEX.md named with --index (or $GSOMIA_INDEX) that does not exist is
    created.

    \b
    Examples:
      gsomia --index ~/gsomia/INDEX.md add saved/*.html
      gsomia --index ~/gsomia/INDEX.md add https://example.com/news/2019/11/22/pact
      gsomia --index ~/gsomia/INDEX.md add --from-file urls.txt
      gsomia --index ~/gsomia/INDEX.md add herald.txt --outlet "Korea Herald" --published 2019-11-18
      pbpaste | gsomia add - --outlet Reuters --published 2019-11-22 --id reuters-lapse
    """
    import os

    from gsomia_cli.corpus import is_read_only_corpus
    from gsomia_cli.corpus_write import AddError, add_articles
    from gsomia_cli.resources import bundled_seeds, find_index
    from gsomia_cli.sources import Given, expand, is_page

    if not state.index and not os.environ.get("GSOMIA_INDEX"):
        fail("add needs a corpus of your own: --index PATH (created if missing) or $GSOMIA_INDEX", 2)
    index_path = find_index(state.index)
    if index_path.resolve() == bundled_seeds().resolve() or is_read_only_corpus(index_path):
        fail(
            "the bundled seed corpus is read-only: name a corpus of your own with --index PATH (created if missing)", 2
        )
    if not sources and not from_file:
        fail("nothing to add: give a SOURCE (a file, a folder, a URL, or -) or --from-file", 2)
    given = Given(
        outlet, parse_date(published, "--published") if published else None, headline, url, byline, article_id
    )
    try:
        todo = expand(list(sources), from_file)
    except AddError as exc:
        fail(str(exc))
    if article_id and len(todo) > 1:
        fail("--id names one article: give one SOURCE", 2)
    if not todo:
        fail("nothing to add: the folders and --from-file named no .txt, .md or .html file or URL")
    if any(is_page(s) for s in todo):
        from gsomia_cli.pages import ExtraMissing, require_extra

        try:
            require_extra()
        except ExtraMissing as exc:
            fail(str(exc))
    from gsomia_cli.duplicates import DuplicateFinder
    from gsomia_cli.sources import articles_to_add

    stdin_text = _stdin_text() if "-" in todo else None
    finder = DuplicateFinder(None if allow_duplicate else _fresh_index(index_path, warn=True))
    progress = progress_bar("adding", smallest=2) if sys.stderr.isatty() else None
    made, failed, notes = articles_to_add(todo, given, finder, allow_duplicate, stdin_text, progress)
    try:
        report = add_articles(index_path, made) if made else None
    except AddError as exc:
        fail(str(exc))
    added = report.added if report else []
    failed += report.refused if report else []
    if finder.index is not None:
        finder.index.close()
    if added and (index := _fresh_index(index_path, warn=False)) is not None:
        index.close()  # (what was added is indexed now: the next command finds it at once)
    if as_json:
        from gsomia_cli import render

        render.print_json(
            {
                "index": str(index_path),
                "added": [{"id": i, "source": s, **({"note": notes[s]} if s in notes else {})} for i, s in added],
                "not_added": [{"source": s, "reason": why} for s, why in failed],
            }
        )
    else:
        for art_id, source in added:
            click.echo(f"added {art_id} ({source}) to {index_path}" + (f": {notes[source]}" if source in notes else ""))
        for source, why in failed:
            click.echo(f"gsomia: {source}: {why}", err=True)
        if failed and len(todo) > 1:
            click.echo(f"gsomia: {len(added)} of {plural(len(todo), 'source')} added", err=True)
    if failed:
        sys.exit(1)


def _stdin_text() -> str:
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        fail(f"-: not UTF-8 (byte {exc.start})")
        raise  # (fail exits)


def _fresh_index(index_path: Any, warn: bool) -> Any:
    """The corpus's index, refreshed; None for a corpus not yet made, or one
    with problems (said when ``warn``: `gsomia check` shows them)."""
    from gsomia_cli.corpus import CorpusError
    from gsomia_cli.index import open_index as open_corpus_index

    if not index_path.exists():
        return None
    try:
        index, _ = open_corpus_index(index_path, progress=progress_bar() if sys.stderr.isatty() else None)
    except CorpusError:
        if warn:
            click.echo("gsomia: warning: the corpus has problems (gsomia check): duplicates not looked for", err=True)
        return None
    return index


@click.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
@selection_options()
@click.pass_obj
def export(state: State, fmt: str, output: str | None, selection: Selection) -> None:
    """Export every article with its metadata and extracted records.

    jsonl: one JSON object per article (metadata, text, officials, mentions,
    dates, quotes, claims). csv: one row per extracted item. The schema is
    in the README. Written as read from the index, an article at a time
    (--limit counts articles).

    \b
    Examples:
      gsomia export -o corpus.jsonl
      gsomia export --format csv --since 2019-11-20 | head
    """
    from gsomia_cli.export import write_csv, write_jsonl

    index, _ = open_index(state)
    try:
        if output:
            refuse_corpus_file(index, output, "export")
        ids = chosen_ids(index, selection)
        records = index.records(ids, selection.since, selection.until, selection.outlets, selection.limit)
        stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            (write_jsonl if fmt == "jsonl" else write_csv)(records, stream)
        finally:
            if output:
                stream.close()
    finally:
        index.close()
