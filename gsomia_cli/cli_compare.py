"""Commands that compare the outlets: who, compare, diff, timeline."""

from __future__ import annotations

import sys
from typing import Any

import click

from gsomia_cli.cli_common import (
    Selection,
    State,
    complete_article,
    covered,
    fail,
    json_option,
    nothing,
    open_index,
    plural,
    refuse_corpus_file,
    selection_options,
)


@click.command()
@click.argument("name", required=False)
@click.option("--speaker", metavar="NAME", help="The speaker (as NAME; the option other commands take).")
@selection_options()
@json_option
@click.pass_obj
def who(state: State, name: str | None, speaker: str | None, selection: Selection, as_json: bool) -> None:
    """Who said what, per outlet.

    Without NAME: every speaker (officials, bodies, anonymous sources) with
    their statements per outlet. With NAME (fuzzy: jeong, Kyung-doo, Jeoung):
    each statement of that speaker, the renderings of one statement by
    several outlets grouped, with their word-level differences. --limit
    counts statements.

    \b
    Examples:
      gsomia who
      gsomia who jeong
      gsomia who --speaker Esper --since 2019-11-15 --json
    """
    from gsomia_cli import render
    from gsomia_cli.people import speaker_matches
    from gsomia_cli.statements import statements_of

    if name and speaker and name != speaker:
        fail("give the speaker once: NAME or --speaker", 2)
    name = name or speaker
    coverage = covered(state, selection, ("quotes", "officials"), as_json=as_json)
    statements = statements_of(coverage)
    if name:
        names = speaker_matches(name, coverage)
        statements = [s for s in statements if s.speaker in names]
    statements = selection.cut(statements)
    if not statements:
        nothing(f"statements by {name!r}" if name else "statements", as_json)
    roles = {q.speaker: q.speaker_role for c in coverage for q in c.quotes if q.speaker}
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
                        "conflicts": {str(group): why for group, why in sorted(s.conflicts.items())},
                    }
                )
        render.print_json([{"speaker": k, "role": roles.get(k), "statements": v} for k, v in by_speaker.items()])
        return
    published = {c.id: c.published.isoformat() for c in coverage}
    if name:
        render.statements(statements, roles, published)
    else:
        render.speaker_table(statements, roles)


@click.command()
@click.option("--claim", "claim_ids", multiple=True, metavar="ID", help="Only this claim; repeatable.")
@click.option(
    "--window",
    type=click.IntRange(0, None),
    default=3,
    show_default=True,
    metavar="DAYS",
    help="Compare framings and states only between articles published within DAYS of each other.",
)
@selection_options(with_limit=False)
@json_option
@click.pass_obj
def compare(state: State, claim_ids: tuple[str, ...], window: int, selection: Selection, as_json: bool) -> None:
    """The article x claim matrix, and where the accounts disagree.

    One row per article, by publication date and grouped by week; one column
    per claim of the catalog. Below it, each disagreement, strongest first:
    the value most independent reports give, and each other value with its
    articles, outlets and evidence sentence.

    How a claim is compared depends on its kind (claims.yaml `compare`): a
    fact (the expiry date, the pact's name) has one true value, so articles
    disagree whatever their dates; a framing (Seoul's condition or the
    curbs as cause) only between articles published within --window days; a
    state (US pressure, no breakthrough) only by an explicit opposite, never
    by silence. A month is no conflict with a day inside it. Articles that
    copy one wire story count as one report ("via" names the agency an
    article credits or copies). A speaker's remarks are dated differently
    only between renderings of one statement.

    \b
    Examples:
      gsomia compare
      gsomia compare --since 2019-11-01 --until 2019-11-30 --window 2
      gsomia compare --claim expiry_date --json | jq '.disagreements[].groups'
    """
    from gsomia_cli import render
    from gsomia_cli.claims import catalog
    from gsomia_cli.compare import claim_matrix, story_label
    from gsomia_cli.wire import copy_groups

    known = [c.id for c in catalog()]
    for cid in claim_ids:
        if cid not in known:
            fail(f"unknown claim {cid!r}; known: {', '.join(known)}", 2)
    index, _ = open_index(state)
    try:  # (copies are found as articles are indexed)
        coverage = covered(state, selection, ("quotes", "dates", "claims", "mentions"), text=True, index=index)
        shared = index.copies([c.id for c in coverage])
    finally:
        index.close()
    matrix = claim_matrix(coverage, _via(coverage, shared), copy_groups(shared), window)
    if claim_ids:
        matrix.claims = [c for c in matrix.claims if c in claim_ids]
        for row in matrix.rows:
            row["values"] = {c: v for c, v in row["values"].items() if c in claim_ids}
        matrix.disagreements = [d for d in matrix.disagreements if d.claim in claim_ids]
    if as_json:
        render.print_json(
            {
                "claims": matrix.claims,
                "rows": matrix.rows,
                "disagreements": [
                    {
                        "claim": d.claim,
                        "kind": d.kind,
                        "values": d.values,
                        "note": d.note,
                        "since": d.since,
                        "until": d.until,
                        "groups": [
                            {
                                "value": g.value,
                                "articles": g.articles,
                                "reports": len(g.reports),
                                "stories": g.reports,
                                "evidence": g.evidence,
                            }
                            for g in d.groups
                        ],
                    }
                    for d in matrix.disagreements
                ],
            }
        )
        return
    by_id = {c.id: c for c in coverage}
    render.matrix(matrix, {c.id: c.outlet for c in coverage}, lambda story: story_label(story, by_id))


@click.command()
@click.argument("a", metavar="A", shell_complete=complete_article)
@click.argument("b", metavar="B", shell_complete=complete_article)
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
    from gsomia_cli.article_diff import diff_articles

    index, _ = open_index(state)
    try:
        ids = [index.resolve(a), index.resolve(b)]
    except LookupError as exc:
        fail(str(exc))
    finally:
        index.close()
    from gsomia_cli.index import RECORD_KINDS

    by_id = {c.id: c for c in covered(state, Selection(articles=tuple(ids)), RECORD_KINDS, text=True)}
    result = diff_articles(by_id[ids[0]], by_id[ids[1]])
    if as_json:
        data = dict(result.__dict__)
        data["quotes"] = [{k: v for k, v in q.items() if k != "diff"} for q in result.quotes]
        render.print_json(data)
        return
    render.article_diff(result)


@click.command()
@click.option(
    "--by", "unit", type=click.Choice(["day", "week", "month"]), help="The chart's bins (default: as the span needs)."
)
@selection_options()
@json_option
@click.pass_obj
def timeline(state: State, unit: str | None, selection: Selection, as_json: bool) -> None:
    """Every dated event on one time axis, with the outlets that report it.

    Mentions of one date with similar wording across articles are one event,
    labelled by its most central sentence. First a chart (reports per day,
    week or month, as the span needs, with each bin's main event), then the
    events with their outlets and report counts. --json: the events with
    their member mentions (article, outlet, date text, sentence, offsets).

    \b
    Examples:
      gsomia timeline
      gsomia timeline --since 2019-11-01 --by day
      gsomia timeline --json | jq '.[] | select(.date >= "2019-11") | .label'
    """
    from gsomia_cli import render
    from gsomia_cli.events import timeline as build

    events = selection.cut(build(covered(state, selection, ("dates",), as_json=as_json)))
    if not events:
        nothing("dated events", as_json)
    if as_json:
        render.print_json(
            [
                {
                    "date": e.date,
                    "label": e.label,
                    "count": e.count,
                    "outlets": e.outlets,
                    "text": e.label,
                    "reports": e.reports,
                }
                for e in events
            ]
        )
        return
    render.timeline(events, unit)


@click.command()
@click.option(
    "-o",
    "--output",
    default="report.html",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The HTML file to write (- for stdout).",
)
@click.option(
    "--all-articles",
    is_flag=True,
    help="Include every article's text (by default, all up to 300 articles; beyond, those in a disagreement).",
)
@click.option(
    "--window",
    default=3,
    show_default=True,
    metavar="DAYS",
    help="Days within which framings are compared (as compare).",
)
@selection_options(with_limit=False)
@click.pass_obj
def report(state: State, output: str, all_articles: bool, window: int, selection: Selection) -> None:
    """One HTML page of the comparison, to open in a browser or send on.

    Self-contained (no network: it opens from a file and prints cleanly):
    the corpus with its outlets and wire copies; the claim matrix with each
    disagreement explained and every value linked to its evidence sentence;
    the timeline's events on a time axis; who said what, wording differences
    marked; and the articles' texts with officials, quotes, dates and claim
    evidence highlighted. Tables sort and filter with a small script; the
    page reads the same without it.

    \b
    Examples:
      gsomia report
      gsomia report -o nov-2019.html --since 2019-11-01 --until 2019-11-30
      gsomia --index my/INDEX.md report --all-articles -o my-report.html
    """
    from pathlib import Path

    from gsomia_cli import report as page
    from gsomia_cli import report_data
    from gsomia_cli.compare import claim_matrix
    from gsomia_cli.events import timeline
    from gsomia_cli.index import RECORD_KINDS
    from gsomia_cli.statements import statements_of
    from gsomia_cli.wire import copy_groups

    index, _ = open_index(state)
    try:
        if output != "-":
            refuse_corpus_file(index, output, "report")
        coverage = covered(state, selection, RECORD_KINDS, text=True, index=index)
        ids = [c.id for c in coverage]
        shared = index.copies(ids)
        metadata = {m["id"]: m for m in index.articles(ids)}
    finally:
        index.close()
    groups = copy_groups(shared)
    statements = statements_of(coverage)
    built = report_data.build(
        coverage,
        metadata,
        claim_matrix(coverage, _via(coverage, shared), groups, window, statements),
        timeline(coverage),
        statements,
        groups,
        all_articles,
    )
    text = page.render(built)
    if output == "-":
        sys.stdout.write(text)
        return
    Path(output).write_text(text, encoding="utf-8")
    size = len(text.encode("utf-8"))
    click.echo(
        f"wrote {output} ({size / 1_000_000:.1f} MB): {plural(len(built.articles), 'article')}, "
        f"{plural(len(built.disagreements), 'disagreement')}, {plural(len(built.events), 'event')}, "
        f"{built.included} article texts"
    )


def _via(coverage: list[Any], shared: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each article's "via": the agencies it credits, then the articles of
    ``coverage`` it copies or that copy it (``shared``: Index.copies)."""
    return {c.id: c.credits + [f"copy of {other}" for other in shared.get(c.id, [])] for c in coverage}
