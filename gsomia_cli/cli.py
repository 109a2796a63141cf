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
