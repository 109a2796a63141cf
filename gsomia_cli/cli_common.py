"""What every command module shares: the per-run state, errors, options."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, NoReturn

import click

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


def extract_each(articles: list[Article]) -> list[Any]:
    """Return the extractions of ``articles``; an article whose extraction
    fails is reported on stderr and contributes no records."""
    from gsomia_cli.extract import extract_or_empty

    out = []
    for article in articles:
        extraction, error = extract_or_empty(article)
        if error:
            click.echo(f"gsomia: warning: {error}", err=True)
        out.append(extraction)
    return out


def open_index(state: State, rebuild: bool = False):
    """Return the corpus's index, refreshed, with a progress bar on a terminal."""
    from gsomia_cli.corpus import CorpusError, find_index
    from gsomia_cli.index import open_index as open_corpus_index

    corpus_index = find_index(state.index)  # the corpus is read by the index, and only what changed
    progress = progress_bar() if sys.stderr.isatty() else None
    try:
        return open_corpus_index(corpus_index, progress=progress, rebuild=rebuild)
    except CorpusError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        sys.exit(1)


def progress_bar():
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


def parse_date(value: str | None, option: str) -> Any:
    """The date an option gives (YYYY-MM-DD), or a usage error."""
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{option} {value!r} is not a date (YYYY-MM-DD)", 2)
