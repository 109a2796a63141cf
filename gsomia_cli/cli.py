"""The command line: parses options, calls the core, hands results to
``render``. Only click is imported at the top; the rest loads on use."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, NoReturn

import click

from gsomia_cli import __version__

if TYPE_CHECKING:
    from gsomia_cli.corpus import Article, Corpus

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class State:
    """Per-invocation state: where the corpus is, loaded on first use."""

    def __init__(self, index: str | None):
        self.index = index
        self._corpus: Corpus | None = None

    def corpus(self) -> Corpus:
        if self._corpus is None:
            from gsomia_cli.corpus import CorpusError, find_index, load_corpus

            try:
                self._corpus = load_corpus(find_index(self.index))
            except CorpusError as exc:
                for problem in exc.problems:
                    click.echo(str(problem), err=True)
                sys.exit(1)
            for warning in self._corpus.warnings:
                click.echo(str(warning), err=True)
        return self._corpus

    def article(self, key: str) -> Article:
        try:
            return self.corpus().resolve(key)
        except LookupError as exc:
            fail(str(exc))


def fail(message: str, code: int = 1) -> NoReturn:
    """Print ``gsomia: message`` on stderr and exit with ``code``."""
    click.echo(f"gsomia: {message}", err=True)
    sys.exit(code)


json_option = click.option("--json", "as_json", is_flag=True, help="Print one JSON document instead of a table.")


class Gsomia(click.Group):
    """The command group: a file or database error ends a command with one
    line on stderr and status 1, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        import sqlite3

        try:
            return super().invoke(ctx)
        except OSError as exc:
            where = f": {exc.filename}" if getattr(exc, "filename", None) else ""
            fail(f"{exc.strerror or exc}{where}")
        except sqlite3.Error as exc:
            fail(f"index database error: {exc}")


@click.group(cls=Gsomia, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="gsomia")
@click.option(
    "--index",
    metavar="PATH",
    help="The corpus's INDEX.md. Default: $GSOMIA_INDEX, else ./seeds/INDEX.md, else the bundled seeds.",
)
@click.pass_context
def main(ctx: click.Context, index: str | None) -> None:
    """Index and compare news coverage of the 2019 GSOMIA crisis.

    \b
    Examples:
      gsomia articles                 the corpus, one row per article
      gsomia show asahi               one article, cleaned
      gsomia --index my/INDEX.md check
    """
    ctx.obj = State(index)


@main.command()
@json_option
@click.pass_obj
def articles(state: State, as_json: bool) -> None:
    """List the articles: id, outlet, date, headline, words.

    \b
    Example:
      gsomia articles --json | jq '.[].outlet'
    """
    from gsomia_cli import render
    from gsomia_cli.wire import wire_sources

    corpus = state.corpus()
    via = wire_sources(corpus.articles)
    if as_json:
        render.print_json([{**a.metadata(), "words": a.words, "via": via[a.id]} for a in corpus.articles])
        return
    rows = [
        (a.id, a.outlet, a.published.isoformat(), ", ".join(via[a.id]) or None, a.headline, a.words)
        for a in corpus.articles
    ]
    render.print_table(f"{len(rows)} articles", ["id", "outlet", "published", "via", "headline", "words"], rows)


@main.command()
@click.argument("article_id", metavar="ID")
@json_option
@click.pass_obj
def show(state: State, article_id: str, as_json: bool) -> None:
    """Show one article, cleaned, with its metadata.

    ID is an article id, a unique prefix of one, or an outlet name matching
    one article.

    \b
    Example:
      gsomia show asahi
    """
    from gsomia_cli import render

    article = state.article(article_id)
    if as_json:
        data: dict[str, Any] = {**article.metadata(), "words": article.words, "text": article.clean}
        data["paragraphs"] = [
            {"start": p.start, "end": p.end, "kind": p.kind, "text": p.text} for p in article.paragraphs
        ]
        render.print_json(data)
        return
    render.show_article(article)


@main.command()
@click.pass_obj
def check(state: State) -> None:
    """Validate the corpus: every problem as file:line: message.

    Exit status 0 when the corpus is clean, 1 when it is not.

    \b
    Example:
      gsomia --index my-corpus/INDEX.md check
    """
    corpus = state.corpus()
    click.echo(f"{corpus.index_path}: {len(corpus.articles)} articles, no problems")


def _filters(f):
    f = click.option(
        "--article",
        "articles_",
        multiple=True,
        metavar="ID",
        help="Only this article (id, prefix or outlet); repeatable.",
    )(f)
    f = click.option(
        "--outlet", "outlets", multiple=True, metavar="NAME", help="Only outlets whose name contains NAME; repeatable."
    )(f)
    return f


def _extractions(state: State, outlets: tuple[str, ...], articles_: tuple[str, ...]):
    from gsomia_cli.extract import extract

    corpus = state.corpus()
    chosen = corpus.articles
    if articles_:
        ids = {state.article(key).id for key in articles_}
        chosen = [a for a in chosen if a.id in ids]
    if outlets:
        wanted = [o.lower() for o in outlets]
        chosen = [a for a in chosen if any(w in a.outlet.lower() for w in wanted)]
    return [extract(a) for a in chosen]


@main.command()
@_filters
@json_option
@click.pass_obj
def officials(state: State, outlets: tuple[str, ...], articles_: tuple[str, ...], as_json: bool) -> None:
    """Officials named in the articles, with roles, countries, aliases.

    Later mentions ("Kono", "Mr. Ko", "the minister") and misspellings
    ("Joeng") are linked to the same person.

    \b
    Example:
      gsomia officials --outlet "Fort Russ"
    """
    from gsomia_cli import render
    from gsomia_cli.extract import officials_of, to_json

    records = officials_of(_extractions(state, outlets, articles_))
    if as_json:
        render.print_json(to_json(records))
        return
    rows = [
        (
            r.name,
            r.role,
            r.country,
            ", ".join(r.aliases),
            len(r.mentions),
            len({m.article for m in r.mentions}),
        )
        for r in records
    ]
    render.print_table(f"{len(rows)} officials", ["name", "role", "country", "aliases", "mentions", "articles"], rows)


@main.command()
@_filters
@json_option
@click.pass_obj
def dates(state: State, outlets: tuple[str, ...], articles_: tuple[str, ...], as_json: bool) -> None:
    """Dates in the articles, relative ones resolved against publication.

    "Saturday", "six days left" or "October last year" become ISO values
    (YYYY-MM-DD, YYYY-MM or YYYY, as precise as the text is).

    \b
    Example:
      gsomia dates --article yonhap --json
    """
    from gsomia_cli import render
    from gsomia_cli.extract import to_json

    records = [d for ex in _extractions(state, outlets, articles_) for d in ex.dates]
    if as_json:
        render.print_json(to_json(records))
        return
    rows = [(d.article, d.text, d.value, d.sentence) for d in records]
    render.print_table(f"{len(rows)} dates", ["article", "text", "value", "sentence"], rows)


@main.command()
@_filters
@click.option("--speaker", metavar="NAME", help="Only statements by this speaker (fuzzy: 'jeong', 'Kyeong-doo').")
@click.option("--kind", type=click.Choice(["direct", "reported"]), help="Only direct quotes or reported speech.")
@json_option
@click.pass_obj
def quotes(
    state: State,
    outlets: tuple[str, ...],
    articles_: tuple[str, ...],
    speaker: str | None,
    kind: str | None,
    as_json: bool,
) -> None:
    """Who said what: quotations and reported speech with their speakers.

    \b
    Examples:
      gsomia quotes --speaker jeong --kind direct
      gsomia quotes --outlet asahi --json
    """
    from gsomia_cli import render
    from gsomia_cli.extract import to_json
    from gsomia_cli.people import speaker_matches

    extractions = _extractions(state, outlets, articles_)
    records = [q for ex in extractions for q in ex.quotes]
    if kind:
        records = [q for q in records if q.kind == kind]
    if speaker:
        names = speaker_matches(speaker, extractions)
        records = [q for q in records if q.speaker in names]
    if as_json:
        render.print_json(to_json(records))
        return
    rows = [(q.article, q.speaker, q.kind, q.cue, q.text) for q in records]
    render.print_table(f"{len(rows)} statements", ["article", "speaker", "kind", "cue", "text"], rows)


@main.command()
@_filters
@click.option(
    "--claim", "claim_ids", multiple=True, metavar="ID", help="Only this claim (see the catalog below); repeatable."
)
@json_option
@click.pass_obj
def claims(
    state: State, outlets: tuple[str, ...], articles_: tuple[str, ...], claim_ids: tuple[str, ...], as_json: bool
) -> None:
    """The story's key claims as each article states them, with evidence.

    The claims are defined in gsomia_cli/data/claims.yaml (extend it with
    $GSOMIA_DATA_DIR/claims.yaml).

    \b
    Example:
      gsomia claims --claim expiry_date
    """
    from gsomia_cli import render
    from gsomia_cli.claims import catalog
    from gsomia_cli.extract import to_json

    known = {c.id for c in catalog()}
    for cid in claim_ids:
        if cid not in known:
            fail(f"unknown claim {cid!r}; known: {', '.join(sorted(known))}", 2)
    records = [c for ex in _extractions(state, outlets, articles_) for c in ex.claims]
    if claim_ids:
        records = [c for c in records if c.claim in claim_ids]
    if as_json:
        render.print_json(to_json(records))
        return
    rows = [
        (c.article, c.claim, str(c.value).lower() if isinstance(c.value, bool) else c.value, c.evidence)
        for c in records
    ]
    render.print_table(f"{len(rows)} claims", ["article", "claim", "value", "evidence"], rows)


def _open_index(state: State, rebuild: bool = False):
    """Return the corpus's index, refreshed, with a progress bar on a terminal."""
    from gsomia_cli.corpus import CorpusError, find_index
    from gsomia_cli.index import Index, open_index

    corpus_index = find_index(state.index)  # the corpus is read by the index, and only what changed
    progress = _progress_bar() if sys.stderr.isatty() else None
    try:
        if rebuild:
            index = Index(corpus_index)
            return index, index.refresh(rebuild=True, progress=progress)
        return open_index(corpus_index, progress=progress)
    except CorpusError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        sys.exit(1)


def _progress_bar():
    """Return a progress callback that draws a bar on stderr for large jobs."""
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if total < 500:
            return
        if "bar" not in state:
            from rich.progress import Progress

            state["bar"] = Progress(console=__import__("gsomia_cli.render").render.console(stderr=True), transient=True)
            state["bar"].start()
            state["task"] = state["bar"].add_task("indexing", total=total)
        state["bar"].update(state["task"], completed=done)
        if done >= total:
            state["bar"].stop()

    return update


def _date(value: str | None, option: str) -> Any:
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{option} {value!r} is not a date (YYYY-MM-DD)", 2)


@main.command(context_settings={"ignore_unknown_options": True})
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
    nowhere in the corpus is corrected to the nearest one that is.

    \b
    Examples:
      gsomia search "export controls"
      gsomia search '"play into the hands"' --outlet yonhap
      gsomia search pact --speaker jeong --since 2019-11-17 --json
    Exit status 1 when nothing matches, like grep.
    """
    from gsomia_cli import render
    from gsomia_cli.search import Filters
    from gsomia_cli.search import search as run_search

    text = " ".join(query)
    index, _ = _open_index(state)
    speakers = None
    if speaker:
        from rapidfuzz import fuzz

        from gsomia_cli.textfold import fold_key

        wanted = fold_key(speaker)
        speakers = frozenset(
            s
            for s in index.speakers()
            if any(fuzz.ratio(wanted, part) >= 80 for part in [fold_key(s), *fold_key(s).replace("-", " ").split()])
        )
    filters = Filters(outlets, _date(since, "--since"), _date(until, "--until"), speakers, limit)
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


@main.command("index")
@click.option("--rebuild", is_flag=True, help="Throw the index away and build it again.")
@click.pass_obj
def index_command(state: State, rebuild: bool) -> None:
    """Build or refresh the search index (normally automatic).

    The index is a cache in $GSOMIA_CACHE_DIR (default ~/.cache/gsomia),
    keyed by the corpus path; only changed articles are re-read. It is safe
    to delete.

    \b
    Example:
      gsomia index --rebuild
    """
    index, report = _open_index(state, rebuild)
    count = index.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    index.close()
    if report is None:
        click.echo(f"{count} articles, index up to date: {index.path}")
    else:
        click.echo(
            f"{count} articles; {report.extracted} (re)indexed, {report.removed} removed in {report.seconds:.2f} s: {index.path}"
        )


@main.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--outlet", required=True, help="The outlet that published the article(s).")
@click.option("--published", required=True, metavar="DATE", help="Publication date, YYYY-MM-DD.")
@click.option("--headline", help="The headline.")
@click.option("--url", help="Where the article was published.")
@click.option("--byline", help="The reporters, comma-separated.")
@click.option("--id", "article_id", metavar="ID", help="The article id (one FILE only). Default: outlet-date.")
@click.pass_obj
def add(
    state: State,
    files: tuple[str, ...],
    outlet: str,
    published: str,
    headline: str | None,
    url: str | None,
    byline: str | None,
    article_id: str | None,
) -> None:
    """Add article files (.txt, .md, or - for stdin) to the corpus.

    Each text is copied into the corpus's articles/ folder and its entry
    appended to INDEX.md. Everything is checked first; on any error nothing
    changes. An INDEX.md named with --index that does not exist is created.

    \b
    Examples:
      gsomia --index ~/gsomia/INDEX.md add herald.txt --outlet "Korea Herald" --published 2019-11-18
      pbpaste | gsomia add - --outlet Reuters --published 2019-11-22 --id reuters-lapse
    """
    from pathlib import Path

    from gsomia_cli.corpus import find_index
    from gsomia_cli.corpus_write import AddError, NewArticle, add_articles, read_source
    from gsomia_cli.resources import bundled_seeds

    index_path = find_index(state.index)
    packaged = Path(__file__).resolve().parent / "seeds" / "INDEX.md"
    if index_path.resolve() == packaged or (
        not state.index and index_path == bundled_seeds() and "site-packages" in str(index_path)
    ):
        fail(
            "the bundled seed corpus is read-only: name a corpus of your own with --index PATH (created if missing)", 2
        )
    if article_id and len(files) > 1:
        fail("--id names one article: give one FILE", 2)
    date = _date(published, "--published")
    stdin_text = sys.stdin.read() if "-" in files else None
    try:
        new = [
            NewArticle(read_source(f, stdin_text), f, outlet, date, headline, url, byline, article_id) for f in files
        ]
        ids = add_articles(index_path, new)
    except AddError as exc:
        fail(str(exc))
    for art_id, source in zip(ids, files, strict=True):
        click.echo(f"added {art_id} ({source}) to {index_path}")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
@click.pass_obj
def export(state: State, fmt: str, output: str | None) -> None:
    """Export every article with its metadata and extracted records.

    jsonl: one JSON object per article (metadata, text, officials, mentions,
    dates, quotes, claims). csv: one row per extracted item. The schema is
    in the README.

    \b
    Examples:
      gsomia export -o corpus.jsonl
      gsomia export --format csv | head
    """
    from gsomia_cli.export import write_csv, write_jsonl

    index, _ = _open_index(state)
    records = index.records()
    index.close()
    stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        (write_jsonl if fmt == "jsonl" else write_csv)(records, stream)
    finally:
        if output:
            stream.close()


def _all_extractions(state: State):
    from gsomia_cli.extract import extract

    return [extract(a) for a in state.corpus().articles]


@main.command()
@click.argument("name", required=False)
@json_option
@click.pass_obj
def who(state: State, name: str | None, as_json: bool) -> None:
    """Who said what, per outlet.

    Without NAME: every speaker (officials, bodies, anonymous sources) with
    their statements per outlet. With NAME (fuzzy: jeong, Kyeong-doo, Joeng):
    each statement of that speaker, the renderings of one statement by
    several outlets grouped, with their word-level differences.

    \b
    Examples:
      gsomia who
      gsomia who jeong
      gsomia who Esper --json
    """
    from gsomia_cli import render
    from gsomia_cli.people import speaker_matches
    from gsomia_cli.statements import statements_of

    extractions = _all_extractions(state)
    statements = statements_of(extractions)
    if name:
        names = speaker_matches(name, extractions)
        statements = [s for s in statements if s.speaker in names]
        if not statements:
            if as_json:
                render.print_json([])
            fail(f"no statements by {name!r}")
    roles = {q.speaker: q.speaker_role for ex in extractions for q in ex.quotes if q.speaker}
    if as_json:
        by_speaker: dict[str, list[dict[str, Any]]] = {}
        for s in statements:
            for r in s.renderings:
                by_speaker.setdefault(s.speaker, []).append(
                    {
                        "group": s.group,
                        "article": r.article,
                        "outlet": r.outlet,
                        "kind": r.kind,
                        "cue": r.cue,
                        "text": r.text,
                        "start": r.start,
                        "end": r.end,
                    }
                )
        render.print_json([{"speaker": k, "role": roles.get(k), "statements": v} for k, v in by_speaker.items()])
        return
    published = {a.id: a.published.isoformat() for a in state.corpus().articles}
    if name:
        render.statements(statements, roles, published)
    else:
        render.speaker_table(statements, roles)


@main.command()
@click.option("--claim", "claim_ids", multiple=True, metavar="ID", help="Only this claim; repeatable.")
@json_option
@click.pass_obj
def compare(state: State, claim_ids: tuple[str, ...], as_json: bool) -> None:
    """The outlet x claim matrix, and where the accounts disagree.

    One row per article, one column per claim of the catalog; disagreeing
    cells are marked and explained under the table. Disagreements are found
    by rule: the same claim, or the same speaker's remarks, with different
    values. "via" names the wire service an article credits or copies.

    \b
    Examples:
      gsomia compare
      gsomia compare --claim expiry_date --json
    """
    from gsomia_cli import render
    from gsomia_cli.claims import catalog
    from gsomia_cli.compare import claim_matrix
    from gsomia_cli.wire import wire_sources

    known = [c.id for c in catalog()]
    for cid in claim_ids:
        if cid not in known:
            fail(f"unknown claim {cid!r}; known: {', '.join(known)}", 2)
    extractions = _all_extractions(state)
    matrix = claim_matrix(extractions, wire_sources([ex.article for ex in extractions]))
    if claim_ids:
        matrix.claims = [c for c in matrix.claims if c in claim_ids]
        for row in matrix.rows:
            row["values"] = {c: v for c, v in row["values"].items() if c in claim_ids}
        matrix.disagreements = [d for d in matrix.disagreements if d.claim in claim_ids]
    if as_json:
        render.print_json(
            {"claims": matrix.claims, "rows": matrix.rows, "disagreements": [d.__dict__ for d in matrix.disagreements]}
        )
        return
    render.matrix(matrix)


@main.command()
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@json_option
@click.pass_obj
def diff(state: State, a: str, b: str, as_json: bool) -> None:
    """Two accounts side by side: what both report, what only one does.

    A and B are article ids, unique prefixes, or outlet names. Shown:
    aligned sentences with their similarity, sentences only in A or B,
    claims where they differ, quotes both carry and how the wording differs,
    officials only one mentions.

    \b
    Example:
      gsomia diff vietnam yonhap
    """
    from gsomia_cli import render
    from gsomia_cli.compare import diff_articles
    from gsomia_cli.extract import extract

    first, second = state.article(a), state.article(b)
    result = diff_articles(extract(first), extract(second))
    if as_json:
        data = dict(result.__dict__)
        data["quotes"] = [{k: v for k, v in q.items() if k != "diff"} for q in result.quotes]
        render.print_json(data)
        return
    render.article_diff(result)


@main.command()
@json_option
@click.pass_obj
def timeline(state: State, as_json: bool) -> None:
    """Every dated event on one time axis, with the outlets that report it.

    Reports of the same day with similar wording are merged into one event.

    \b
    Example:
      gsomia timeline --json | jq '.[] | select(.date >= "2019-11")'
    """
    from gsomia_cli import render
    from gsomia_cli.compare import timeline as build

    events = build(_all_extractions(state))
    if as_json:
        render.print_json(
            [{"date": e.date, "outlets": e.outlets, "text": e.text, "reports": e.reports} for e in events]
        )
        return
    render.timeline(events)
