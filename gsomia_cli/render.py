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


def _short(outlet: str) -> str:
    return outlet if len(outlet) <= 24 else outlet[:23] + "…"


def speaker_table(statements: list[Any], roles: dict[str, Any]) -> None:
    """Print speakers with their statement counts per outlet."""
    per: dict[str, dict[str, int]] = {}
    for s in statements:
        for r in s.renderings:
            per.setdefault(s.speaker, {}).setdefault(r.outlet, 0)
            per[s.speaker][r.outlet] += 1
    rows = sorted(per.items(), key=lambda kv: -sum(kv[1].values()))
    print_table(
        f"{len(rows)} speakers",
        ["speaker", "role", "statements", "outlets"],
        [
            (k, roles.get(k), sum(v.values()), ", ".join(f"{_short(o)} ({n})" for o, n in sorted(v.items())))
            for k, v in rows
        ],
    )


def _diff_text(a: str, b: str) -> Any:
    from rich.text import Text

    from gsomia_cli.statements import word_diff

    out = Text()
    for step in word_diff(a, b):
        if step.op == "equal":
            out.append(step.a + " ")
        else:
            if step.a:
                out.append("[-" + step.a + "-] ", style="red")
            if step.b:
                out.append("{+" + step.b + "+} ", style="green")
    return out


def statements(statements: list[Any], roles: dict[str, Any], published: dict[str, str]) -> None:
    """Print each statement of a speaker, renderings grouped, with diffs."""
    from rich.text import Text

    out = console(soft_wrap=True)
    for s in statements:
        many = len(s.renderings) > 1
        title = f"{s.speaker} ({roles.get(s.speaker) or 'speaker'}) · statement {s.group}"
        out.print(Text(title + (f" · told by {len(s.articles)} articles" if len(s.articles) > 1 else ""), style="bold"))
        for r in s.renderings:
            label = f"  {_short(r.outlet)} · {published.get(r.article, '')} · {r.kind}, {r.cue or 'no cue'}: "
            out.print(Text(label, style="cyan") + Text(r.text))
        if many:
            first, second = s.renderings[0], s.renderings[1]
            out.print(Text("  wording: ", style="dim") + _diff_text(first.text, second.text))
        out.print()


def matrix(m: Any) -> None:
    """Print the claim matrix with disagreeing cells marked, notes below."""
    from rich.text import Text

    from gsomia_cli.compare import _show

    odd: set[tuple[str, str]] = set()
    for d in m.disagreements:
        counts: dict[str, int] = {}
        for v in d.values.values():
            counts[_show(v)] = counts.get(_show(v), 0) + 1
        common = max(counts.values())
        for article, v in d.values.items():
            if counts[_show(v)] < common or len(counts) == len(d.values):
                odd.add((article, d.claim))
    rows = []
    for row in m.rows:
        cells: list[Any] = [row["article"], ", ".join(row["via"]) or None]
        for claim in m.claims:
            if claim not in row["values"]:
                cells.append(Text("·", style="dim"))
                continue
            value = _show(row["values"][claim])
            marked = (row["article"], claim) in odd
            cells.append(Text(value + (" ≠" if marked else ""), style="bold red" if marked else ""))
        rows.append(cells)
    print_table(None, ["article", "via", *m.claims], rows)
    if m.disagreements:
        out = console(soft_wrap=True)
        out.print(Text(f"{len(m.disagreements)} disagreements:", style="bold"))
        for d in m.disagreements:
            out.print(Text(f"  {d.claim}: ", style="bold") + Text(d.note))


def article_diff(d: Any) -> None:
    """Print a two-article diff: shared, only-A (red), only-B (green)."""
    from rich.text import Text

    out = console(soft_wrap=True)
    out.print(Text(f"A = {d.a}   B = {d.b}", style="bold"))
    out.print(Text(f"\nBoth report ({len(d.shared)}):", style="bold"))
    for s in d.shared:
        out.print(Text(f"  [{s['similarity']:.0f}] ", style="dim") + Text(s["a"]))
        if s["similarity"] < 100:
            out.print(Text("       B: ", style="dim") + Text(s["b"], style="dim"))
    out.print(Text(f"\nOnly A ({len(d.only_a)}):", style="bold red"))
    for s in d.only_a:
        out.print(Text("  - " + s, style="red"))
    out.print(Text(f"\nOnly B ({len(d.only_b)}):", style="bold green"))
    for s in d.only_b:
        out.print(Text("  + " + s, style="green"))
    from gsomia_cli.compare import _show

    out.print(Text("\nClaims:", style="bold"))
    for c in d.claims:
        mark = "=" if c["agree"] else "≠"
        style = "" if c["agree"] else "bold"
        out.print(
            Text(
                f"  {mark} {c['claim']}: A {_show(c['a']) if c['a'] is not None else '—'}; "
                f"B {_show(c['b']) if c['b'] is not None else '—'}",
                style=style,
            )
        )
    out.print(Text(f"\nQuotes both carry ({len(d.quotes)}):", style="bold"))
    for q in d.quotes:
        out.print(Text(f"  {q['speaker']} [{q['similarity']:.0f}]: ", style="cyan") + _diff_text(q["a"], q["b"]))
    out.print(Text("\nOfficials only in A: ", style="bold") + Text(", ".join(d.officials["only_a"]) or "none"))
    out.print(Text("Officials only in B: ", style="bold") + Text(", ".join(d.officials["only_b"]) or "none"))


def timeline(events: list[Any]) -> None:
    """Print events by date, a mark per reporting outlet, and a legend."""
    from rich.text import Text

    outlets = sorted({o for e in events for o in e.outlets})
    letters = {o: chr(ord("A") + i) if i < 26 else "*" for i, o in enumerate(outlets)}
    rows = []
    for e in events:
        marks = "".join(letters[o] if o in e.outlets else "·" for o in outlets)
        text = e.text if len(e.text) <= 90 else e.text[:89] + "…"
        rows.append((e.date, Text(marks, style="bold"), len(e.reports), text))
    print_table(f"{len(events)} dated events", ["date", "outlets", "reports", "first report"], rows)
    console().print(Text("  ".join(f"{letters[o]} = {o}" for o in outlets), style="dim"))
