"""`gsomia report`: one self-contained HTML page (inline CSS, script and
SVG; no network) of a report_data.Report. Every text goes through html.el,
which escapes it; the page works with scripts off (the script only sorts
and filters tables) and prints cleanly."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gsomia_cli.html import Markup, el, join, raw, safe_href
from gsomia_cli.report_data import ArticleView, Report

KIND_LABELS = {"official": "official", "quote": "quote", "date": "date", "claim": "claim evidence"}

CSS = """
:root { --ink:#1d1d1f; --dim:#6b6b70; --line:#d9d9de; --odd:#b3261e; --bg:#fff;
  --official:#e3ecff; --quote:#fff0c2; --date:#dff5e1; --claim:#7a4fd1; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--bg);
  margin: 0 auto; max-width: 1180px; padding: 0 1.2rem 4rem; }
header.top { border-bottom: 2px solid var(--ink); margin-bottom: 1rem; }
h1 { font-size: 1.7rem; margin: 1.2rem 0 .2rem; } h2 { margin-top: 2.4rem; border-bottom: 1px solid var(--line); }
nav a { margin-right: 1rem; } .dim { color: var(--dim); } .small { font-size: .85rem; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { position: sticky; top: 0; background: #f4f4f6; cursor: pointer; white-space: nowrap; }
td.id, td.date { white-space: nowrap; font-family: ui-monospace, monospace; font-size: .8rem; }
td.odd, .value.odd { color: var(--odd); font-weight: 600; }
td.none { color: #b5b5bb; text-align: center; }
tr.week td { background: #fafafa; font-weight: 600; color: var(--dim); }
details.week > summary { cursor: pointer; font-weight: 600; color: var(--dim); padding: .3rem 0; }
.scroll { overflow-x: auto; max-height: 80vh; overflow-y: auto; border: 1px solid var(--line); }
input.filter { margin: .4rem 0; padding: .3rem .5rem; width: 22rem; max-width: 100%; }
.disagreement { border-left: 4px solid var(--odd); padding: .2rem .9rem; margin: 1rem 0; }
.side { margin: .4rem 0 .4rem .6rem; }
blockquote { margin: .15rem 0 .5rem 1.2rem; color: #333; font-style: italic; }
mark { background: none; padding: 0 .05rem; border-radius: 3px; }
mark.k-official { background: var(--official); } mark.k-quote { background: var(--quote); }
mark.k-date { background: var(--date); } mark.k-quote.k-date { background: linear-gradient(var(--quote), var(--date)); }
.s.claim { border-bottom: 2px solid var(--claim); }
.s:target { outline: 3px solid #ff9f0a; background: #fff6e0; }
.badge { font-size: .7rem; color: #fff; background: var(--claim); border-radius: 3px; padding: 0 .25rem; margin-left: .2rem; }
article.text { border-top: 1px solid var(--line); padding-top: .6rem; margin-top: 1.4rem; }
article.text p { margin: .5rem 0; } .kind-caption, .kind-credit, .kind-byline { color: var(--dim); font-size: .85rem; }
.legend mark, .legend .s { margin-right: .8rem; }
del { color: var(--odd); } ins { color: #1a7f37; text-decoration: none; font-weight: 600; }
svg { width: 100%; height: auto; border: 1px solid var(--line); background: #fcfcfd; }
svg circle { fill: #3a63c6; fill-opacity: .65; } svg circle:hover { fill: var(--odd); }
svg text { font-size: 11px; fill: var(--dim); }
@media print { th { position: static; } .scroll { max-height: none; overflow: visible; border: 0; }
  input.filter, nav { display: none; } a { color: inherit; text-decoration: none; }
  article.text, .disagreement { break-inside: avoid-page; } }
"""

# Sorting (click a column's header) and filtering (type in the box above a table); the page reads the same without it.
SCRIPT = """
document.querySelectorAll('table.sortable').forEach(function (table) {
  table.querySelectorAll('th').forEach(function (th, col) {
    th.title = 'sort'; th.addEventListener('click', function () {
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows).filter(function (r) {
        return !r.classList.contains('week'); });
      var up = th.dataset.dir !== 'up'; th.dataset.dir = up ? 'up' : 'down';
      rows.sort(function (a, b) { var x = a.cells[col] ? a.cells[col].textContent : '',
        y = b.cells[col] ? b.cells[col].textContent : ''; return up ? x.localeCompare(y, undefined, {numeric: true})
        : y.localeCompare(x, undefined, {numeric: true}); });
      body.querySelectorAll('tr.week').forEach(function (r) { r.remove(); });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
document.querySelectorAll('input.filter').forEach(function (input) {
  var tables = document.querySelectorAll(input.dataset.tables);
  input.hidden = false;
  input.addEventListener('input', function () {
    var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    tables.forEach(function (table) {
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var text = row.textContent.toLowerCase();
        row.hidden = words.some(function (w) { return text.indexOf(w) < 0; });
      });
      var week = table.closest('details');
      if (week && words.length) { week.open = true; }
    });
  });
});
"""


def render(report: Report, title: str = "GSOMIA coverage", generated: dt.datetime | None = None) -> str:
    """The whole page."""
    generated = generated or dt.datetime.now(dt.timezone.utc)
    sections = [
        _header(report, title, generated),
        _corpus(report),
        _matrix(report),
        _disagreements(report),
        _timeline(report),
        _speakers(report),
        _articles(report),
    ]
    head = el(
        "head",
        None,
        el("meta", {"charset": "utf-8"}),
        el("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
        el("title", None, title),
        el("style", None, raw(CSS)),
    )
    body = el("body", None, *sections, el("script", None, raw(SCRIPT)))
    return "<!DOCTYPE html>\n" + el("html", {"lang": "en"}, head, body) + "\n"


def _header(report: Report, title: str, generated: dt.datetime) -> Markup:
    dates = sorted(a.published for a in report.articles)
    span = f"{dates[0]} to {dates[-1]}" if dates else ""
    summary = (
        f"{len(report.articles):,} articles from {len(report.outlets)} outlets, {span}; "
        f"{len(report.disagreements)} disagreements; {len(report.events)} dated events. "
        f"Made by gsomia on {generated.strftime('%Y-%m-%d %H:%M UTC')}."
    )
    links = [("corpus", "The corpus"), ("matrix", "Claim matrix"), ("disagreements", "Disagreements")]
    links += [("timeline", "Timeline"), ("who", "Who said what"), ("articles", "Articles")]
    return el(
        "header",
        {"class": "top"},
        el("h1", None, title),
        el("p", {"class": "dim"}, summary),
        el("nav", None, [el("a", {"href": f"#{anchor}"}, label) for anchor, label in links]),
    )


def _article_link(view: ArticleView | None, article: str) -> Markup:
    if view is not None and view.sentences:
        return el("a", {"href": f"#{view.anchor}"}, article)
    return el("span", None, article)


ARTICLE_ROWS = (
    300  # a corpus this large lists its articles in the matrix only (the same rows), with months counted here
)
STORIES = 100  # wire stories listed


def _corpus(report: Report) -> Markup:
    shown = len(report.articles)
    outlets = join([f"{name} ({n})" for name, n in report.outlets], " · ")
    stories = [el("li", None, join(story, ", ")) for story in report.stories[:STORIES]]
    if len(report.stories) > STORIES:
        stories.append(el("li", {"class": "dim"}, f"and {len(report.stories) - STORIES:,} more"))
    note = (
        ""
        if report.included == shown
        else f" The text of {report.included:,} of them is included below: of those that take a side in a"
        " disagreement (gsomia report --all-articles includes every one)."
    )
    if shown > ARTICLE_ROWS:
        months: dict[str, int] = {}
        for a in report.articles:
            months[a.published[:7]] = months.get(a.published[:7], 0) + 1
        listing = el(
            "p",
            None,
            el("strong", None, "By month: "),
            join([f"{month} ({n:,})" for month, n in sorted(months.items())], " · "),
            el("br"),
            el(
                "span",
                {"class": "dim small"},
                "Each article is a row of the claim matrix below, with its outlet and via.",
            ),
        )
    else:
        listing = _article_table(report)
    return _section(
        "corpus",
        "The corpus",
        None,
        el("p", None, el("strong", None, "Outlets: "), outlets),
        el("p", {"class": "dim small"}, f"{shown:,} articles, by date.{note}"),
        listing,
        el("h3", None, f"Wire copies told as one story ({len(report.stories):,})") if stories else None,
        el("ul", None, stories) if stories else None,
    )


def _article_table(report: Report) -> Markup:
    rows = [
        el(
            "tr",
            None,
            el("td", {"class": "date"}, a.published),
            el("td", {"class": "id"}, _article_link(a, a.id)),
            el("td", None, a.outlet),
            el("td", None, a.headline or ""),
            el("td", None, ", ".join(a.via)),
            el("td", None, str(a.words)),
        )
        for a in report.articles
    ]
    head = el("tr", None, [el("th", None, h) for h in ("date", "article", "outlet", "headline", "via", "words")])
    return el(
        "div", None, _filter("#articles-table"), _table({"id": "articles-table", "class": "sortable"}, head, rows)
    )


def _section(anchor: str, title: str, note: Markup | str | None, *content: Any) -> Markup:
    """A section of the page: its heading, a line saying how to read it, and its content."""
    return el(
        "section",
        {"id": anchor},
        el("h2", None, title),
        el("p", {"class": "dim small"}, note) if note else None,
        *content,
    )


def _table(attrs: dict[str, object], head: Markup, rows: Any) -> Markup:
    """A table that scrolls in its own box, its header kept in view."""
    return el("div", {"class": "scroll"}, el("table", attrs, el("thead", None, head), el("tbody", None, rows)))


def _filter(tables: str) -> Markup:
    # (hidden until the script shows it: without scripts, no box that does nothing)
    return el(
        "input",
        {"class": "filter", "type": "search", "placeholder": "filter rows", "data-tables": tables, "hidden": True},
    )


def _matrix(report: Report) -> Markup:
    """The matrix: one table, with a line per week, or for a large corpus one
    table per week, each folded (a browser lays out only the weeks opened)."""
    views = {a.id: a for a in report.articles}
    head = el("tr", None, el("th", None, "date"), el("th", None, "article"), el("th", None, "outlet"),
              el("th", None, "via"), [el("th", None, c.replace("_", " ")) for c in report.claims])  # fmt: skip
    weeks: dict[str, list[Markup]] = {}
    odd: dict[str, int] = {}
    for row in report.rows:
        day = dt.date.fromisoformat(row.published)
        monday = (day - dt.timedelta(days=day.weekday())).isoformat()
        weeks.setdefault(monday, []).append(_matrix_row(row, report.claims, views))
        odd[monday] = odd.get(monday, 0) + sum(1 for c in row.cells.values() if c.odd)
    folded = len(report.rows) > ARTICLE_ROWS
    if folded:
        tables = [
            el(
                "details",
                {"class": "week"},
                el("summary", None, f"week of {monday} · {_count(len(rows), 'article')} · {_count(odd[monday], 'value')} ≠"),
                _table({"class": "matrix sortable"}, head, rows),
            )
            for monday, rows in weeks.items()
        ]  # fmt: skip
    else:
        width = str(4 + len(report.claims))
        body = [
            [el("tr", {"class": "week"}, el("td", {"colspan": width}, f"week of {monday}")), rows]
            for monday, rows in weeks.items()
        ]
        tables = [_table({"class": "matrix sortable"}, head, body)]
    return _section(
        "matrix",
        "Claim matrix",
        "One row per article, by date; a column per claim. A value marked ≠ differs from the value most "
        "independent reports give; a value links to the sentence that gives it."
        + (" Open a week to see its articles." if folded else ""),
        _filter("table.matrix"),
        tables,
        el("p", {"class": "dim small"}, join([f"{i} = {v}" for v, i in report.short.items()], "; "))
        if report.short
        else None,
    )


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun if n == 1 else noun + 's'}"


def _matrix_row(row: Any, claims: list[str], views: dict[str, ArticleView]) -> Markup:
    cells = []
    for claim in claims:
        cell = row.cells.get(claim)
        if cell is None:
            cells.append(el("td", {"class": "none"}, "·"))
            continue
        shown = cell.value + (" ≠" if cell.odd else "")
        title = cell.full if cell.full != cell.value else None
        content = el("a", {"href": cell.link, "title": title or "the evidence sentence"}, shown) if cell.link else shown
        cells.append(el("td", {"class": "odd" if cell.odd else None, "title": title}, content))
    via = [v for v in row.via if not v.startswith("copy of ")] + (
        ["copy"] if any(v.startswith("copy of ") for v in row.via) else []
    )
    return el(
        "tr",
        {"class": "row"},
        el("td", {"class": "date"}, row.published),
        el("td", {"class": "id"}, _article_link(views.get(row.article), row.article)),
        el("td", None, row.outlet),
        el("td", None, ", ".join(via)),
        cells,
    )


CITED = 12  # articles named in one list (a disagreement's side, an event, a wording); the rest counted


def _cited(articles: list[tuple[Any, ...]]) -> Markup:
    """ "a1 (Outlet), a2 (Outlet) and 12 more", each linked to its evidence when its text is in the report."""
    first = sorted(articles, key=lambda a: a[2] is None)[:CITED]  # (those with a text to go to first)
    named = [el("a", {"href": link}, f"{a} ({outlet})") if link else f"{a} ({outlet})" for a, outlet, link, *_ in first]
    more = len(articles) - CITED
    return join([join(named, ", "), f" and {more:,} more" if more > 0 else None])


def _disagreements(report: Report) -> Markup:
    items = []
    for n, d in enumerate(report.disagreements, 1):
        span = d["since"] if d["since"] == d["until"] else f"{d['since']} to {d['until']}"
        sides = []
        for k, side in enumerate(d["sides"]):
            evidence = next((e for *_, e in side["articles"] if e), "")
            many = len(side["articles"]) > 3 and k == 0 and len(d["sides"]) > 1
            sides.append(
                el(
                    "div",
                    {"class": "side"},
                    el("span", {"class": "value odd" if k else "value"}, side["value"]),
                    f" in {side['reports']} report{'s' if side['reports'] > 1 else ''}: ",
                    _cited(side["articles"]),
                    None if many else el("blockquote", None, evidence) if evidence else None,
                )
            )
        items.append(
            el(
                "div",
                {"class": "disagreement", "id": f"d{n}"},
                el(
                    "h3",
                    None,
                    f"{_claim_title(d['claim'])} ",
                    el("span", {"class": "dim small"}, f"({d['kind']}) · {span} · {d['reports']} reports"),
                ),
                sides,
            )
        )
    return _section(
        "disagreements",
        f"Disagreements ({len(report.disagreements)})",
        "Strongest first. The first value is the one most independent reports give; wire copies count once."
        if items
        else None,
        items or el("p", None, "No disagreements."),
    )


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def _claim_title(claim: str) -> str:
    """ "expiry date"; a speaker's remarks dated differently: "Kim's remarks: their date"."""
    if claim.startswith("remarks_date:"):
        return f"{claim.split(':', 1)[1]}'s remarks: their date"
    return claim.replace("_", " ")


def _timeline(report: Report) -> Markup:
    dated = [(n, e) for n, e in enumerate(report.events, 1) if len(e["date"]) == 10]
    items = [
        el(
            "li",
            {"id": f"e{n}"},
            el("span", {"class": "date"}, e["date"]),
            " ",
            e["label"],
            el("div", {"class": "dim small"}, _cited(e["reports"])),
        )
        for n, e in enumerate(report.events, 1)
    ]
    return _section(
        "timeline",
        f"Timeline ({len(report.events)} events)",
        "One mark per outlet reporting an event; hover for the event, click for its reports.",
        _chart(dated) if dated else el("p", None, "No event is dated to the day."),
        el("ol", {"class": "events"}, items),
    )


def _chart(dated: list[tuple[int, dict[str, Any]]]) -> Markup:
    days = [dt.date.fromisoformat(e["date"]) for _, e in dated]
    first, last = min(days), max(days)
    span = max((last - first).days, 1)
    outlets = sorted({outlet for _, e in dated for _, outlet, _ in e["reports"]})
    left, width, lane = 170, 1000, 18
    height = 40 + lane * len(outlets)

    def x(day: dt.date) -> float:
        return left + 10 + (width - left - 20) * (day - first).days / span

    marks = []
    for (n, e), day in zip(dated, days, strict=True):
        reporting = sorted({outlet for _, outlet, _ in e["reports"]})
        for outlet in reporting:
            marks.append(
                el(
                    "a",
                    {"href": f"#e{n}"},
                    el(
                        "circle",
                        {"cx": f"{x(day):.1f}", "cy": str(30 + lane * outlets.index(outlet)), "r": "5"},
                        el("title", None, f"{e['date']} · {outlet} · {_clip(e['label'], 140)}"),
                    ),
                )
            )
    labels = [
        el(
            "text",
            {"x": str(left), "y": str(34 + lane * k), "text-anchor": "end"},
            el("title", None, outlet),
            outlet if len(outlet) <= 26 else outlet[:25] + "…",
        )
        for k, outlet in enumerate(outlets)
    ]
    ticks = [
        el("text", {"x": f"{x(day):.1f}", "y": "14", "text-anchor": anchor}, day.isoformat())
        for day, anchor in ((first, "start"), (first + (last - first) / 2, "middle"), (last, "end"))
    ]
    return el(
        "svg",
        {
            "viewBox": f"0 0 {width} {height}",
            "role": "img",
            "aria-label": "events on a time axis, by outlet",
            "xmlns": "http://www.w3.org/2000/svg",
        },
        labels,
        ticks,
        marks,
    )


def _speakers(report: Report) -> Markup:
    blocks = []
    for speaker in report.speakers:
        statements = []
        number = {s["group"]: n for n, s in enumerate(speaker["statements"], 1)}
        for n, s in enumerate(speaker["statements"], 1):
            wordings = []
            for k, w in enumerate(s["wordings"]):
                shown: Any = w["text"]
                if k and w.get("diff"):
                    shown = [_diff_step(op, a, b) for op, a, b in w["diff"]]
                wordings.append(
                    el(
                        "li",
                        None,
                        el("span", None, "“", shown, "”"),
                        el("div", {"class": "dim small"}, _cited(w["articles"])),
                    )
                )
            conflicts = [
                el(
                    "p",
                    {"class": "value odd"},
                    f"conflicts with statement {number.get(group, group)}: alike but for a {why}",
                )
                for group, why in s["conflicts"]
            ]
            statements.append(
                el("div", {"class": "statement"}, el("h4", None, f"Statement {n}"), el("ul", None, wordings), conflicts)
            )
        blocks.append(el("div", {"class": "speaker"}, el("h3", None, speaker["speaker"]), statements))
    return _section(
        "who",
        "Who said what",
        "Each statement's wordings across outlets; later wordings show what differs from the first"
        " (struck: not in it; bold: only in it).",
        blocks or el("p", None, "No attributed statements."),
    )


def _diff_step(op: str, a: str, b: str) -> Markup:
    if op == "equal":
        return el("span", None, a + " ")
    return join([el("del", None, a) if a else None, " " if a and b else None, el("ins", None, b) if b else None, " "])


def _articles(report: Report) -> Markup:
    legend = el(
        "p",
        {"class": "legend small"},
        [el("mark", {"class": f"k-{kind}"}, label) for kind, label in KIND_LABELS.items() if kind != "claim"],
        el("span", {"class": "s claim"}, KIND_LABELS["claim"]),
    )
    texts = []
    for a in report.articles:
        if not a.sentences:
            continue
        paragraphs: list[list[Markup]] = []
        for s in a.sentences:
            if s.opens or not paragraphs:
                paragraphs.append([])
            pieces = [
                el("mark", {"class": " ".join(f"k-{k}" for k in p.kinds), "title": p.title}, p.text)
                if p.kinds
                else el("span", None, p.text)
                for p in s.pieces
            ]
            badges = [el("span", {"class": "badge"}, c.replace("_", " ")) for c in s.claims]
            classes = f"s kind-{s.kind}" + (" claim" if s.claims else "")
            paragraphs[-1].append(
                el(
                    "span",
                    {"class": classes, "id": s.anchor, "data-claims": " ".join(s.claims) or None},
                    pieces,
                    badges,
                )
            )
            paragraphs[-1].append(Markup(" "))
        meta = [a.outlet, a.published] + ([f"via {', '.join(a.via)}"] if a.via else [])
        texts.append(
            el(
                "article",
                {"class": "text", "id": a.anchor},
                el("h3", None, a.headline or a.id),
                el(
                    "p",
                    {"class": "dim small"},
                    join(meta, " · "),
                    " · ",
                    el("code", None, a.id),
                    [" · ", el("a", {"href": a.url}, "original")] if safe_href(a.url) else None,
                ),  # fmt: skip
                [el("p", None, paragraph) for paragraph in paragraphs],
            )
        )
    return _section("articles", "Articles", None, legend, texts)
