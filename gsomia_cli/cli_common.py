"""What every command module shares: the per-run state, errors, options."""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass
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
            from gsomia_cli.corpus import CorpusError, load_corpus
            from gsomia_cli.resources import find_index

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


def open_index(state: State, rebuild: bool = False, every_file: bool = False):
    """Return the corpus's index, refreshed, with a progress bar on a terminal
    (``every_file``: every article file's stat checked)."""
    from gsomia_cli.index import open_index as open_corpus_index
    from gsomia_cli.problems import CorpusError
    from gsomia_cli.resources import find_index

    corpus_index = find_index(state.index)  # the corpus is read by the index, and only what changed
    progress = progress_bar() if sys.stderr.isatty() else None
    try:
        return open_corpus_index(corpus_index, progress=progress, rebuild=rebuild, every_file=every_file)
    except CorpusError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        sys.exit(1)


def progress_bar(label: str = "indexing", smallest: int = 500):
    """Return a progress callback that draws a bar on stderr for jobs of ``smallest`` steps or more."""
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if total < smallest:
            return
        if "bar" not in state:
            from rich.progress import Progress

            state["bar"] = Progress(console=__import__("gsomia_cli.render").render.console(stderr=True), transient=True)
            state["bar"].start()
            state["task"] = state["bar"].add_task(label, total=total)
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


@dataclass(frozen=True)
class Selection:
    """Which articles a command reads, and how many records it prints."""

    outlets: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    since: str | None = None  # YYYY-MM-DD, validated
    until: str | None = None
    limit: int | None = None

    def cut(self, records: list[Any]) -> list[Any]:
        """The first ``limit`` of ``records`` (all without a limit)."""
        return records if self.limit is None else records[: self.limit]


def selection_options(with_limit: bool = True):
    """The options every command that lists or compares records takes:
    --outlet, --article, --since, --until (and --limit), given to the
    command as one ``selection`` (a :class:`Selection`)."""

    def decorate(command):
        @functools.wraps(command)
        def with_selection(*args, outlets, articles_, since, until, limit=None, **kwargs):
            first, last = parse_date(since, "--since"), parse_date(until, "--until")
            selection = Selection(outlets, articles_, first and first.isoformat(), last and last.isoformat(), limit)
            return command(*args, selection=selection, **kwargs)

        options = [
            click.option(
                "--outlet",
                "outlets",
                multiple=True,
                metavar="NAME",
                help="Only outlets whose name contains NAME; repeatable.",
            ),
            click.option(
                "--article",
                "articles_",
                multiple=True,
                metavar="ID",
                help="Only this article (id, prefix or outlet); repeatable.",
                shell_complete=complete_article,
            ),
            click.option("--since", metavar="DATE", help="Only articles published on or after DATE (YYYY-MM-DD)."),
            click.option("--until", metavar="DATE", help="Only articles published on or before DATE (YYYY-MM-DD)."),
        ]
        if with_limit:
            options.append(
                click.option("--limit", type=click.IntRange(1, None), metavar="N", help="Print at most N records.")
            )
        for option in reversed(options):
            with_selection = option(with_selection)
        return with_selection

    return decorate


def covered(
    state: State,
    selection: Selection,
    kinds: tuple[str, ...],
    text: bool = False,
    as_json: bool = False,
    index: Any = None,
) -> list[Any]:
    """The coverage (records of ``kinds``, text when ``text``) of the
    articles ``selection`` names, read from the index (refreshed first when
    anything changed; ``index``: one the command has open already, left
    open). A filter that leaves no article is an error saying so (after
    ``[]`` on stdout for a listing's ``as_json``)."""
    if index is not None:
        return _covered(index, selection, kinds, text, as_json)
    index, _ = open_index(state)
    try:
        return _covered(index, selection, kinds, text, as_json)
    finally:
        index.close()


def _covered(index: Any, selection: Selection, kinds: tuple[str, ...], text: bool, as_json: bool) -> list[Any]:
    ids = chosen_ids(index, selection)
    found = index.coverage(kinds, text, ids, selection.since, selection.until, selection.outlets)
    for cov in found:
        if cov.error:
            click.echo(f"gsomia: warning: {cov.error}", err=True)
    if not found:
        why = empty_reason(index, selection.outlets, selection.since, selection.until)
        nothing(why or "article matches the filters", as_json, prefixed=why is None)
    return found


def refuse_corpus_file(index: Any, output: str, what: str) -> None:
    """A usage error when ``output`` is INDEX.md or one of the corpus's files
    (writing ``what`` there would destroy it)."""
    from pathlib import Path

    target = Path(output).resolve()
    root = index.corpus_index.resolve().parent
    if target == index.corpus_index.resolve() or (
        target.is_relative_to(root) and index.has_file(target.relative_to(root).as_posix())
    ):
        fail(f"-o {output}: that is a file of the corpus; write the {what} somewhere else", 2)


def chosen_ids(index: Any, selection: Selection) -> list[str] | None:
    """The ids of the articles ``--article`` names (None: no such option);
    an article that is not there is an error naming the ids."""
    if not selection.articles:
        return None
    try:
        return sorted({index.resolve(key) for key in selection.articles})
    except LookupError as exc:
        fail(str(exc))


def empty_reason(index: Any, outlets: tuple[str, ...], since: str | None, until: str | None) -> str | None:
    """Why the filters leave no article, or None: a user must not read "no
    matches" for a query that was never run."""
    db = index.db
    for outlet in outlets:
        if not db.execute("SELECT 1 FROM articles WHERE instr(lower(outlet), ?) LIMIT 1", (outlet.lower(),)).fetchone():
            return f"no article from outlet {outlet!r}"
    first, last = since or "0000-00-00", until or "9999-99-99"
    if (since or until) and not db.execute(
        "SELECT 1 FROM articles WHERE published BETWEEN ? AND ? LIMIT 1", (first, last)
    ).fetchone():
        span = " ".join(part for part in (since and f"from {since}", until and f"until {until}") if part)
        return f"no article published {span}"
    return None


def nothing(what: str, as_json: bool, prefixed: bool = True) -> NoReturn:
    """End a listing that found nothing: ``[]`` for --json, ``no WHAT`` on
    stderr (``WHAT`` alone when not ``prefixed``), status 1."""
    if as_json:
        from gsomia_cli import render

        render.print_json([])
    fail(f"no {what}" if prefixed else what)


def complete_article(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """Shell completion of article ids, from the corpus's INDEX.md headings."""
    import re

    from gsomia_cli.resources import find_index

    try:
        text = find_index(ctx.find_root().params.get("index")).read_text(encoding="utf-8")
    except Exception:  # noqa: BLE001 - completion never fails loudly
        return []
    ids = re.findall(r"^##\s+(\S+)", text, re.MULTILINE)
    return [i for i in ids if i.startswith(incomplete)]


def plural(n: int, noun: str) -> str:
    """``1 claim``, ``2 claims``: a count with its noun."""
    return f"{n:,} {noun if n == 1 else noun + 's'}"
