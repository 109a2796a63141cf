"""Output: rich tables for people, JSON for programs. The only module that
imports rich (lazily, so that ``gsomia --help`` starts fast)."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table


def print_json(data: Any) -> None:
    """Write ``data`` as one JSON document on stdout: indented on a terminal,
    on one line when piped (Python's fast encoder writes no indentation: a
    corpus's JSON is written several times faster)."""
    indent = 2 if sys.stdout.isatty() else None
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=indent, default=str))
    sys.stdout.write("\n")


def stream_json(items: Iterable[Any]) -> None:
    """Write ``items`` as one JSON array, an item a line, as they come."""
    write = sys.stdout.write
    write("[")
    for n, item in enumerate(items):
        write(("," if n else "") + "\n" + json.dumps(item, ensure_ascii=False, default=str))
    write("\n]\n")


def stream_tsv(columns: list[str], rows: Iterable[Iterable[Any]]) -> None:
    """Write a header and tab-separated rows as they come (tabs and line
    breaks inside a value become spaces; control characters are escaped on
    a terminal)."""
    clean = escape_controls if sys.stdout.isatty() else (lambda text: text)
    write = sys.stdout.write
    write("\t".join(columns) + "\n")
    for row in rows:
        write("\t".join(clean(" ".join(str(v).split("\t")).replace("\n", " ")) for v in row) + "\n")


def console(stderr: bool = False, soft_wrap: bool = False) -> Console:
    """Return a rich console: colour only on a terminal, never with NO_COLOR;
    120 columns (or $COLUMNS) when the output is not a terminal."""
    import os

    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else int(os.environ.get("COLUMNS") or 120)
    return _safe_console_class()(file=stream, highlight=False, soft_wrap=soft_wrap, width=width)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escape_controls(text: str) -> str:
    """``text`` with control characters (but tab and newline) shown as
    ``\\xNN``: an article's escape sequences must not reach a terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _safe_console_class() -> Any:
    """A rich Console whose text segments (never its own styling codes) have
    their control characters escaped when it writes to a terminal."""
    from rich.console import Console
    from rich.segment import Segment

    class SafeConsole(Console):
        def _render_buffer(self, buffer: Iterable[Segment]) -> str:
            if not self.is_terminal:
                return super()._render_buffer(buffer)
            safe = (s if s.control else Segment(escape_controls(s.text), s.style, s.control) for s in buffer)
            return super()._render_buffer(safe)

    return SafeConsole


LONG_TEXT = 40  # mean characters of a column's cells above which it holds running text
TEXT_MIN_WIDTH = 30  # a running-text column narrower than this is hard to read: blocks instead


def table(columns: list[str], rows: list[list[Any]], width: int = 120) -> Table | None:
    """Return a rich table with ``columns`` and ``rows`` (values made text)
    that fits ``width`` without breaking a word, or None when it cannot (a
    table so narrow would break ids and dates, or wrap sentences a word a
    line: :func:`print_table` then prints one block per row)."""
    from rich.table import Table

    cells = [[_plain(v) for v in row] for row in rows]
    naturals, minimums, atomics = [], [], []
    for k, column in enumerate(columns):
        values = [row[k] for row in cells] or [""]
        natural = max(max(len(line) for line in v.split("\n")) for v in [column, *values])
        atomic = all(len(v.split()) <= 1 for v in values)
        longest_word = max((len(w) for v in [column, *values] for w in v.split()), default=0)
        running = not atomic and sum(len(v) for v in values) / len(values) > LONG_TEXT
        naturals.append(natural)
        atomics.append(atomic)
        minimums.append(natural if atomic else min(natural, max(longest_word, TEXT_MIN_WIDTH if running else 0)))
    room = width - (3 * len(columns) + 1)
    if sum(minimums) > room:
        return None
    # Narrow the widest column that can wrap, one character at a time, down to its minimum
    # (rich's own shrinking breaks words).
    widths = list(naturals)
    while sum(widths) > room:
        k = max((k for k in range(len(widths)) if widths[k] > minimums[k]), key=lambda k: widths[k])
        widths[k] -= 1
    t = Table(header_style="bold", show_lines=False)  # (the title is printed apart: rich pads it with spaces)
    for column, size, atomic in zip(columns, widths, atomics, strict=True):
        t.add_column(column, overflow="fold", no_wrap=atomic, width=size)
    for row in rows:
        t.add_row(*[_cell(v) for v in row])
    return t


def _plain(value: Any) -> str:
    if value is None:
        return "—"
    return value.plain if hasattr(value, "plain") else str(value)


def _cell(value: Any) -> Any:
    if value is None:
        return "—"
    if isinstance(value, (str, int, float)):
        from rich.text import Text

        return Text(str(value))
    return value


def print_table(title: str | None, columns: list[str], rows: list[list[Any]] | list[tuple[Any, ...]]) -> None:
    """Print ``rows`` under ``columns`` on stdout: a table when it fits the
    width without breaking a word, else one block per row (the first column
    as its heading, then a line per other column)."""
    out = console()
    rows = [list(row) for row in rows]
    t = table(columns, rows, out.width)
    if t is not None:
        if title:
            out.print(title, style="italic")
        out.print(t)
        return
    emit = _emitter()
    if title:
        emit((title, "italic"))
    label = max(len(c) for c in columns[1:]) + 2 if len(columns) > 1 else 0
    for row in rows:
        emit("")
        emit((_plain(row[0]), "bold"))
        for column, value in zip(columns[1:], row[1:], strict=True):
            lines = _wrapped(_plain(value), max(20, out.width - label - 2))
            emit((f"  {column:<{label}}", "dim"), lines[0])
            for line in lines[1:]:
                emit(" " * (label + 2) + line)


def _wrapped(text: str, width: int) -> list[str]:
    """``text`` wrapped at spaces to ``width`` (a longer word keeps its line)."""
    import textwrap

    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


def show_article(article: dict[str, Any]) -> None:
    """Print an article (as :meth:`Index.article` gives it): its metadata and
    its clean text, captions and headlines set apart."""
    from rich.text import Text

    out = console(soft_wrap=True)
    out.print(Text(str(article["id"]), style="bold"))
    for key, value in article.items():
        if key not in ("id", "text", "paragraphs", "words"):
            out.print(Text(f"  {key}: ", style="dim") + Text(str(value)))
    out.print(Text(f"  words: {article['words']}", style="dim"))
    out.print()
    for para in article["paragraphs"]:
        if para["kind"] == "body":
            out.print(Text(para["text"]))
        else:
            out.print(Text(f"[{para['kind']}] ", style="dim italic") + Text(para["text"], style="dim"))
        out.print()


def search_hits(result: Any) -> None:
    """Print search hits: label, then the sentence with matches highlighted."""
    emit = _emitter()
    if result.corrected:
        emit((f"showing results for {result.corrected}", "italic"))
    for hit in result.hits:
        emit((f"{hit.outlet} · {hit.published} · {hit.article}", "bold cyan"))
        line: list[Segment] = ["  "]
        if hit.before:  # (an ellipsis only where the context was cut)
            line.append((("…" if len(hit.before) > 60 else "") + hit.before[-60:].lstrip(), "dim"))
        sentence = hit.text.replace("\n", " ")  # (a hit across two paragraphs: one line; offsets kept)
        at = 0
        for start, end in sorted(hit.marks):
            start = max(start, at)  # (marks that overlap are one)
            if end > start:
                line += [sentence[at:start], (sentence[start:end], "bold reverse")]
                at = end
        line.append(sentence[at:])
        if hit.after:
            line.append((hit.after[:60].rstrip() + ("…" if len(hit.after) > 60 else ""), "dim"))
        emit(*line)
        emit()


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
        [(k, roles.get(k), sum(v.values()), ", ".join(f"{o} ({n})" for o, n in sorted(v.items()))) for k, v in rows],
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
    out.rstrip()
    return out


def statements(statements: list[Any], roles: dict[str, Any], published: dict[str, str]) -> None:
    """Print each statement of a speaker, renderings grouped, with diffs;
    statements numbered per speaker (the JSON's ``group`` is the id across speakers)."""
    from rich.text import Text

    out = console(soft_wrap=True)
    counts: dict[str, int] = {}
    number: dict[int, int] = {}  # group -> its number among its speaker's statements
    for s in statements:
        counts[s.speaker] = counts.get(s.speaker, 0) + 1
        number[s.group] = counts[s.speaker]
    for s in statements:
        many = len(s.renderings) > 1
        title = f"{s.speaker} ({roles.get(s.speaker) or 'speaker'}) · statement {number[s.group]}"
        out.print(Text(title + (f" · told by {len(s.articles)} articles" if len(s.articles) > 1 else ""), style="bold"))
        for r in s.renderings:
            label = f"  {r.outlet} · {published.get(r.article, '')} · {r.kind}, {r.cue or 'no cue'}: "
            out.print(Text(label, style="cyan") + Text(r.text))
        if many:
            first, second = s.renderings[0], s.renderings[1]
            out.print(Text("  wording: ", style="dim") + _diff_text(first.text, second.text))
        for group, why in sorted(s.conflicts.items()):
            other = f"statement {number[group]}" if group in number else f"statement group {group}"
            out.print(Text(f"  conflicts with {other}: alike but for a {why}", style="bold red"))
        out.print()


def matrix(m: Any, outlets: dict[str, str], labels: Any = None) -> None:
    """Print the claim matrix (rows by date, a section per week, the cells
    that differ from their disagreement's leading value marked), then each
    disagreement with its sides, outlets and evidence; ``labels`` names the
    story of wire copies ("one Sputnik story")."""

    from gsomia_cli.compare import short_names, show_value

    odd = {(article, d.claim) for d in m.disagreements for side in d.groups[1:] for article in side.articles}
    short = short_names(m)
    out = console()
    emit = _emitter()
    t = _matrix_table(m, short, odd) if len(m.rows) <= TABLE_ROWS else None
    if t is not None and _table_width(t) <= out.width:
        out.print(t)
    else:
        _matrix_blocks(m, short, odd, emit, out.width)
    if short:
        legend = "; ".join(f"{initials} = {text}" for initials, text in {i: t for t, i in short.items()}.items())
        emit((legend, "dim"))
    if not m.disagreements:
        emit(("no disagreements", "bold"))
        return
    many = len(m.disagreements) > 1
    emit((f"{len(m.disagreements)} disagreement{'s' if many else ''}{', strongest first' if many else ''}:", "bold"))
    for d in m.disagreements:
        span = d.since if d.since == d.until else f"{d.since} to {d.until}"
        emit("")
        emit((f"{d.claim} ({d.kind}) · {span} · {d.reports} reports", "bold"))
        for n, side in enumerate(d.groups):
            count = len(side.reports)
            emit(
                (f"  {show_value(side.value)}", "bold" if n == 0 else "bold red"),
                f" in {count} report{'s' if count > 1 else ''}:",
            )
            if n == 0 and count > 3 and len(d.groups) > 1:
                emit(_indented(", ".join(side.articles), out.width))
                continue
            for story in side.reports:
                names = ", ".join(f"{a} ({outlets.get(a, '?')})" for a in story)
                told = labels(story) if labels else "one story"
                emit("    " + names + (f" — {told}" if len(story) > 1 else ""))
                evidence = " ".join(side.evidence.get(story[0], "").split())
                if evidence:
                    emit((f"      “{_clip(evidence, 220)}”", "dim"))


TABLE_ROWS = 300  # a matrix longer than this prints as blocks (a table of thousands of rows is read by no one)


def _matrix_table(m: Any, short: dict[str, str], odd: set[tuple[str, str]]) -> Any:
    """The matrix as one rich table: a row per article, a section per week."""
    import datetime as dt

    from rich.table import Table
    from rich.text import Text

    from gsomia_cli.compare import show_value

    t = Table(header_style="bold")
    t.add_column("date", no_wrap=True)
    t.add_column("article", no_wrap=True)
    t.add_column("via")
    for claim in m.claims:
        t.add_column(claim.replace("_", " "), no_wrap=True)
    week = None
    for row in m.rows:
        day = dt.date.fromisoformat(row["published"])
        monday = day - dt.timedelta(days=day.weekday())
        if monday != week:
            if week is not None:
                t.add_section()
            week = monday
            t.add_row("", Text(f"week of {monday.isoformat()}", style="bold dim"), *[""] * (len(m.claims) + 1))
        via = [v for v in row["via"] if not v.startswith("copy of ")]
        if len(via) < len(row["via"]):
            via.append("copy")
        cells: list[Any] = [day.strftime("%m-%d"), row["article"], ", ".join(via) or "—"]
        for claim in m.claims:
            if claim not in row["values"]:
                cells.append(Text("·", style="dim"))
                continue
            marked = (row["article"], claim) in odd
            value = show_value(row["values"][claim])
            cells.append(Text(short.get(value, value) + (" ≠" if marked else ""), style="bold red" if marked else ""))
        t.add_row(*cells)
    return t


Segment = str | tuple[str, str]  # a piece of a line: plain, or (text, rich style)


def _emitter() -> Callable[..., None]:
    """A function that prints one line given as segments (:data:`Segment`):
    styled through rich on a colour terminal, else written at once as plain
    text, with no rich object made (rich takes a millisecond a line, too slow
    for a corpus of thousands)."""
    import os

    write = sys.stdout.write
    clean: Callable[[str], str] = str
    if sys.stdout.isatty() or os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE"):
        out = console(soft_wrap=True)  # (rich is imported only here: it takes longer than a search)
        if out.is_terminal and not out.no_color:
            from rich.text import Text

            return lambda *segments: out.print(Text.assemble(*segments))
        if out.is_terminal:
            clean = escape_controls  # (a terminal without colour shows escapes, never runs them)

    def emit(*segments: Segment) -> None:
        write(clean("".join(s if isinstance(s, str) else s[0] for s in segments)) + "\n")

    return emit


def _table_width(t: Any) -> int:
    """The width a table needs with no cell wrapped."""
    widths = []
    for column in t.columns:
        cells = [column.header, *column._cells]
        widths.append(max(len(c.plain if hasattr(c, "plain") else str(c)) for c in cells))
    return sum(widths) + 3 * len(widths) + 1


def _matrix_blocks(m: Any, short: dict[str, str], odd: set[tuple[str, str]], emit: Any, width: int) -> None:
    """The matrix for a narrow terminal: one block per article, by week."""
    import datetime as dt

    from gsomia_cli.compare import show_value

    week = None
    for row in m.rows:
        day = dt.date.fromisoformat(row["published"])
        monday = day - dt.timedelta(days=day.weekday())
        if monday != week:
            week = monday
            emit((f"— week of {monday.isoformat()} —", "bold dim"))
        via = ", ".join(row["via"])
        emit((f"{row['published']}  {row['article']}", "bold"), (f"  via {via}" if via else "", "dim"))
        pairs: list[list[Segment]] = []
        for claim in (c for c in m.claims if c in row["values"]):
            value = show_value(row["values"][claim])
            marked = (row["article"], claim) in odd
            shown = short.get(value, value) + (" ≠" if marked else "")
            pairs.append([(claim.replace("_", " ") + ": ", "dim"), (shown, "bold red" if marked else "")])
        if not pairs:
            emit(("    (no claim)", "dim"))
        line: list[Segment] = ["    "]
        size = 4
        for pair in pairs:  # (a claim and its value are never split over two lines)
            length = sum(len(s[0]) for s in pair)
            if size > 4 and size + length + 2 > width:
                emit(*line)
                line, size = ["    "], 4
            if size > 4:
                line.append("; ")
                size += 2
            line += pair
            size += length
        if size > 4:
            emit(*line)


def _indented(text: str, width: int) -> str:
    """``text`` wrapped at spaces to ``width``, every line indented by four."""
    import textwrap

    return textwrap.fill(
        text, width, initial_indent="    ", subsequent_indent="    ", break_long_words=False, break_on_hyphens=False
    )


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"


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
    from gsomia_cli.compare import show_value as _show

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


def timeline(events: list[Any], unit: str | None = None) -> None:
    """Print a chart of reports per day, week or month with each bin's main
    event, then the events by date with a mark per reporting outlet."""
    from rich.text import Text

    from gsomia_cli.events import chart, period

    if not events:
        console().print("no dated events")
        return
    unit = unit or period(events)
    bins = chart(events, unit)
    most = max((n for _, n, _ in bins), default=1)
    out = console(soft_wrap=True)
    out.print(Text(f"reports per {unit} (events dated to the day)", style="bold"))
    for label, n, top in bins:
        bar = "█" * max(1, round(20 * n / most))
        out.print(
            Text(f"  {label:<10} ")
            + Text(f"{bar:<20}", style="cyan")
            + Text(f" {n:>4}  ")
            + Text(_clip(top.label, 70), style="dim")
        )
    out.print()
    outlets = sorted({o for e in events for o in e.outlets})
    letters = {o: chr(ord("A") + i) if i < 26 else "*" for i, o in enumerate(outlets)}
    rows = []
    for e in events:
        marks = "".join(letters[o] if o in e.outlets else "·" for o in outlets)
        rows.append((e.date, Text(marks, style="bold"), e.count, _clip(e.label, 90)))
    print_table(f"{len(events)} dated events", ["date", "outlets", "reports", "event"], rows)
    console().print(Text("  ".join(f"{letters[o]} = {o}" for o in outlets), style="dim"))
