"""The command line: parses options, calls the core, hands results to
``render``. Only click is imported at the top; the rest loads on use. The
commands live here and in cli_extract, cli_search and cli_compare (see
LAZY_COMMANDS)."""

from __future__ import annotations

import sys
from typing import Any

import click

from gsomia_cli import __version__, build
from gsomia_cli.cli_common import (
    CONTEXT,
    Selection,
    State,
    chosen_ids,
    complete_article,
    empty_reason,
    fail,
    json_option,
    nothing,
    open_index,
    plural,
    progress_bar,
    selection_options,
)

# The commands of the other modules, by name: a command loads only its own
# module (``gsomia --help`` loads them all). tests/test_everyday.py holds this
# table to the commands the modules define.
LAZY_COMMANDS = {
    **dict.fromkeys(["claims", "dates", "eval", "officials", "quotes"], "cli_extract"),
    **dict.fromkeys(["add", "export", "index", "search"], "cli_search"),
    **dict.fromkeys(["compare", "diff", "report", "timeline", "who"], "cli_compare"),
}


class Gsomia(click.Group):
    """The command group: a file or database error ends a command with one
    line on stderr and status 1, never a traceback."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in LAZY_COMMANDS:
            import importlib

            module = importlib.import_module(f"gsomia_cli.{LAZY_COMMANDS[cmd_name]}")
            for command in vars(module).values():
                if isinstance(command, click.Command) and command.name == cmd_name:
                    self.add_command(command)
        return self.commands.get(cmd_name)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Accept ``--index PATH`` after the command too (``gsomia search
        pact --index my/INDEX.md``): it is moved before the command."""
        return super().parse_args(ctx, _index_first(args))

    def invoke(self, ctx: click.Context) -> Any:
        import gc
        import sqlite3

        from gsomia_cli.resources import DataError

        # A command makes hundreds of thousands of records that live until it
        # ends, and hold no cycles: the collector's default pace spends a fifth
        # of `compare`'s time walking them (mypy sets the same thresholds).
        gc.set_threshold(200_000, 30, 30)

        # The command line, kept to run the command again on a rebuilt index (below).
        saved = (list(getattr(ctx, "_protected_args", [])), list(ctx.args))
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # The reader went away (`gsomia export | head`): end quietly, as grep and ripgrep do.
            import os

            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # (so that the exit's flush of stdout cannot fail again)
            sys.exit(0)
        except OSError as exc:
            where = f": {exc.filename}" if getattr(exc, "filename", None) else ""
            fail(f"{exc.strerror or exc}{where}")
        except sqlite3.DatabaseError as exc:
            # A damaged cache: discard it and run the command again on a new one (not `add`,
            # whose corpus write is done: its index is rebuilt by the next command).
            if ctx.invoked_subcommand == "add" or getattr(ctx, "_retried", False) or not _discard_cache(ctx):
                fail(f"index database error: {exc}")
            from gsomia_cli.index import damage_reason

            click.echo(f"gsomia: warning: the index cache was damaged ({damage_reason(exc)}); it is rebuilt", err=True)
            ctx._retried = True  # type: ignore[attr-defined]
            ctx._protected_args, ctx.args = saved  # type: ignore[attr-defined]
            return self.invoke(ctx)
        except sqlite3.Error as exc:
            fail(f"index database error: {exc}")
        except DataError as exc:
            fail(str(exc))


def _index_first(args: list[str]) -> list[str]:
    """``args`` with a ``--index PATH`` (or ``--index=PATH``) that follows the
    command moved before it; what follows ``--`` is left alone (query words)."""
    moved: list[str] = []
    rest: list[str] = []
    k = 0
    while k < len(args):
        arg = args[k]
        if arg == "--":
            rest += args[k:]
            break
        if arg == "--index" and k + 1 < len(args) and rest:
            moved += args[k : k + 2]
            k += 2
            continue
        if arg.startswith("--index=") and rest:
            moved.append(arg)
        else:
            rest.append(arg)
        k += 1
    return moved + rest


def _version(ctx: click.Context) -> None:
    """Print the version and how the extraction core is installed, then exit
    (the install is looked up only here: ``build`` costs a start-up)."""
    if not ctx.resilient_parsing:
        click.echo(f"gsomia, version {__version__} (extraction core: {build()})")
        ctx.exit()


def _discard_cache(ctx: click.Context) -> bool:
    """Delete the index cache of the command's corpus; False when there is none to delete."""
    from gsomia_cli.index import discard
    from gsomia_cli.problems import CorpusError
    from gsomia_cli.resources import find_index

    try:
        discard(find_index(ctx.obj.index if ctx.obj else None))
    except (CorpusError, OSError):
        return False
    return True


@click.group(cls=Gsomia, context_settings=CONTEXT)
@click.option(
    "-V",
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, _, shown: _version(ctx) if shown else None,
    help="Show the version and exit.",
)
@click.option(
    "--index",
    metavar="PATH",
    type=click.Path(),
    help="The corpus's INDEX.md. Default: $GSOMIA_INDEX, else ./seeds/INDEX.md, else the bundled seeds.",
)
@click.pass_context
def main(ctx: click.Context, index: str | None) -> None:
    """Index and compare news coverage of the 2019 GSOMIA crisis.

    \b
    Examples:
      gsomia search "export controls"   ranked sentences, every outlet
      gsomia who jeong                  what one person said, outlet by outlet
      gsomia compare                    the outlet x claim matrix, disagreements
      gsomia quotes --json              who said what, for programs
      gsomia --index my/INDEX.md check  validate your own corpus
    """
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):  # an ASCII terminal or locale: escapes, never a UnicodeEncodeError
            stream.reconfigure(errors="backslashreplace")
    ctx.obj = State(index)


TABLE_UP_TO = 1_000  # articles listed as a table; more are streamed as tab-separated lines


@main.command()
@selection_options()
@json_option
@click.pass_obj
def articles(state: State, selection: Selection, as_json: bool) -> None:
    """List the articles by date: id, outlet, date, via, headline, words.

    "via" names the news agencies an article credits and the articles it
    copies (or that copy it). On a terminal, up to 1,000 articles make a
    table; piped, or more, they are tab-separated lines under a header,
    written as they are read, so the first comes at once in any corpus.

    \b
    Examples:
      gsomia articles --since 2019-11-20 --outlet yonhap
      gsomia articles --json | jq '.[].outlet'
    """
    from gsomia_cli import render

    index, _ = open_index(state)
    try:
        ids = chosen_ids(index, selection)
        filters = (ids, selection.since, selection.until, selection.outlets)
        count = min(index.count(*filters), selection.limit or sys.maxsize)
        if not count:
            why = empty_reason(index, selection.outlets, selection.since, selection.until)
            nothing(why or "article matches the filters", as_json, prefixed=why is None)
        found = index.articles(*filters, limit=selection.limit)
        if as_json:
            render.stream_json(found)
        elif count <= TABLE_UP_TO and sys.stdout.isatty():
            rows = [
                (a["id"], a["outlet"], a["published"], ", ".join(a["via"]) or None, a.get("headline"), a["words"])
                for a in found
            ]
            columns = ["id", "outlet", "published", "via", "headline", "words"]
            render.print_table(plural(len(rows), "article"), columns, rows)
        else:
            render.stream_tsv(
                ["id", "outlet", "published", "via", "headline", "words"],
                (
                    (a["id"], a["outlet"], a["published"], ", ".join(a["via"]), a.get("headline") or "", a["words"])
                    for a in found
                ),
            )
    finally:
        index.close()


@main.command()
@click.argument("article_id", metavar="ID", shell_complete=complete_article)
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

    index, _ = open_index(state)
    try:
        article = index.article(index.resolve(article_id))
    except LookupError as exc:
        fail(str(exc))
    finally:
        index.close()
    if as_json:
        render.print_json(article)
        return
    render.show_article(article)


@main.command()
@json_option
@click.pass_obj
def check(state: State, as_json: bool) -> None:
    """Validate the corpus: every problem as file:line: message.

    Exit status 0 when the corpus is clean, 1 when it is not. --json: one
    object, {"index", "articles", "problems": [{"file", "line", "severity",
    "message"}]} (warnings are problems of severity "warning").

    \b
    Example:
      gsomia --index my-corpus/INDEX.md check
    """
    from gsomia_cli import render
    from gsomia_cli.corpus import check_corpus
    from gsomia_cli.resources import find_index

    index_path = find_index(state.index)
    report = check_corpus(index_path, progress_bar("checking") if sys.stderr.isatty() else None)
    problems, articles = report.problems, report.articles
    failed = articles is None
    if as_json:
        render.print_json(
            {
                "index": str(index_path),
                "articles": articles,
                "problems": [
                    {"file": p.path, "line": p.line, "severity": p.severity, "message": p.message} for p in problems
                ],
            }
        )
        sys.exit(1 if failed else 0)
    for problem in problems:
        shown = str(problem) if problem.line else f"{problem.path}: warning: {problem.message}"
        click.echo(shown, err=True)
    if failed:
        sys.exit(1)
    click.echo(f"{index_path}: {plural(articles or 0, 'article')}, no problems")


# What `gsomia serve` loads before it listens: every command's code, none of
# the data (each command reads the data files itself).
SERVED_MODULES = (
    *sorted({f"gsomia_cli.{module}" for module in LAZY_COMMANDS.values()}),
    *(f"gsomia_cli.{m}" for m in ("index", "index_rows", "search", "render", "export", "coverage", "compare")),
    *(f"gsomia_cli.{m}" for m in ("statements", "events", "people", "report", "report_data", "extract", "wire")),
    *("rich.console", "rich.table", "rich.text", "rich.progress"),
)


@main.command()
@click.option("--socket", "socket_path", metavar="PATH", help="Listen here (default: shown when it starts).")
def serve(socket_path: str | None) -> None:
    """Keep gsomia loaded, so that each command starts in milliseconds.

    Runs until Ctrl-C. In the shells it should serve, set $GSOMIA_SERVER to
    the socket it names: each `gsomia` there is then run by a fork of this
    server, with that shell's arguments, environment, folder, input and
    output, and the same results, exit status and index checks as without
    it (a command that finds no server runs by itself, and says so). The
    server stops when gsomia is installed again.

    \b
    Example:
      gsomia serve &
      export GSOMIA_SERVER=~/.cache/gsomia/gsomia.sock
      gsomia search "export controls"
    """
    import gc
    import importlib
    import os
    from pathlib import Path

    from gsomia_cli.launch import SERVED_ENV
    from gsomia_cli.server import ServerError, default_socket
    from gsomia_cli.server import serve as listen

    if os.environ.get(SERVED_ENV):
        fail("gsomia serve cannot run through a server: unset $GSOMIA_SERVER to start one")
    for name in SERVED_MODULES:
        importlib.import_module(name)
    gc.freeze()  # (the forks then share these objects' pages instead of copying them)

    def started(path: Path) -> None:
        click.echo(f"gsomia: serving at {path} (Ctrl-C stops it); where it should serve:", err=True)
        click.echo(f"export GSOMIA_SERVER={path}", err=True)

    try:
        listen(Path(socket_path) if socket_path else default_socket(), _run_served, started)
    except ServerError as exc:
        fail(str(exc))


def _run_served(argv: list[str]) -> int:
    """Run one command line for the server; its exit status."""
    try:
        main.main(args=argv, prog_name="gsomia")
    except SystemExit as exc:
        if isinstance(exc.code, str):
            print(exc.code, file=sys.stderr)
            return 1
        return exc.code or 0
    return 0
