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


@click.group(context_settings=CONTEXT)
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

    corpus = state.corpus()
    if as_json:
        render.print_json([{**a.metadata(), "words": a.words} for a in corpus.articles])
        return
    rows = [(a.id, a.outlet, a.published.isoformat(), a.headline, a.words) for a in corpus.articles]
    render.print_table(f"{len(rows)} articles", ["id", "outlet", "published", "headline", "words"], rows)


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
            ", ".join(sorted({m.article for m in r.mentions})),
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
