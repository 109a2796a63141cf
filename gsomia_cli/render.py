"""Output: rich tables for people, JSON for programs. The only module that
imports rich (lazily, so that ``gsomia --help`` starts fast)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from gsomia_cli.corpus import Article


def print_json(data: Any) -> None:
    """Write ``data`` as one JSON document on stdout."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def console(stderr: bool = False, soft_wrap: bool = False) -> Console:
    """Return a rich console: colour only on a terminal, never with NO_COLOR;
    120 columns (or $COLUMNS) when the output is not a terminal."""
    import os

    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else int(os.environ.get("COLUMNS") or 120)
    return Console(file=stream, highlight=False, soft_wrap=soft_wrap, width=width)


def table(title: str | None, columns: Iterable[str], rows: Iterable[Iterable[Any]]) -> Table:
    """Return a rich table with ``columns`` and ``rows`` (values made text)."""
    from rich.table import Table

    t = Table(title=title, title_justify="left", header_style="bold", show_lines=False)
    for column in columns:
        t.add_column(column, overflow="fold")
    for row in rows:
        t.add_row(*[_cell(v) for v in row])
    return t


def _cell(value: Any) -> Any:
    if value is None:
        return "—"
    if isinstance(value, (str, int, float)):
        from rich.text import Text

        return Text(str(value))
    return value


def print_table(title: str | None, columns: Iterable[str], rows: Iterable[Iterable[Any]]) -> None:
    """Print a table of ``rows`` under ``columns`` on stdout."""
    console().print(table(title, columns, rows))


def print_lines(lines: Iterable[str], stderr: bool = False) -> None:
    """Print plain lines (no markup interpretation)."""
    out = sys.stderr if stderr else sys.stdout
    for line in lines:
        out.write(line + "\n")


def show_article(article: Article) -> None:
    """Print an article's metadata and its clean text, captions set apart."""
    from rich.text import Text

    out = console(soft_wrap=True)
    meta = article.metadata()
    out.print(Text(f"{article.id}", style="bold"))
    for key, value in meta.items():
        if key != "id":
            out.print(Text(f"  {key}: ", style="dim") + Text(str(value)))
    out.print(Text(f"  words: {article.words}", style="dim"))
    out.print()
    for para in article.paragraphs:
        if para.kind == "body":
            out.print(Text(para.text))
        else:
            out.print(Text(f"[{para.kind}] ", style="dim italic") + Text(para.text, style="dim"))
        out.print()


def search_hits(result: Any) -> None:
    """Print search hits: label, then the sentence with matches highlighted."""
    from rich.text import Text

    out = console(soft_wrap=True)
    if result.corrected:
        out.print(Text(f"showing results for {result.corrected}", style="italic"))
    for hit in result.hits:
        out.print(Text(f"{hit.outlet} · {hit.published} · {hit.article}", style="bold cyan"))
        line = Text("  ")
        if hit.before:
            line.append("…" + hit.before[-60:].lstrip(), style="dim")
        sentence = Text(hit.text)
        for start, end in hit.marks:
            sentence.stylize("bold reverse", start, end)
        line.append(sentence)
        if hit.after:
            line.append(hit.after[:60].rstrip() + "…", style="dim")
        out.print(line)
        out.print()
