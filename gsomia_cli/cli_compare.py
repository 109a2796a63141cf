"""Commands that compare the outlets: who, compare, diff, timeline."""

from __future__ import annotations

from typing import Any

import click

from gsomia_cli.cli_common import State, extract_each, fail, json_option


def _all_extractions(state: State):
    return extract_each(state.corpus().articles)


@click.command()
@click.argument("name", required=False)
@json_option
@click.pass_obj
def who(state: State, name: str | None, as_json: bool) -> None:
    """Who said what, per outlet.

    Without NAME: every speaker (officials, bodies, anonymous sources) with
    their statements per outlet. With NAME (fuzzy: jeong, Kyung-doo, Jeoung):
    each statement of that speaker, the renderings of one statement by
    several outlets grouped, with their word-level differences.

    \b
    Examples:
      gsomia who
      gsomia who jeong
      gsomia who Esper --json
    """
    from gsomia_cli import render
    from gsomia_cli.people import speaker_matches
    from gsomia_cli.statements import statements_of

    extractions = _all_extractions(state)
    statements = statements_of(extractions)
    if name:
        names = speaker_matches(name, extractions)
        statements = [s for s in statements if s.speaker in names]
        if not statements:
            if as_json:
                render.print_json([])
            fail(f"no statements by {name!r}")
    roles = {q.speaker: q.speaker_role for ex in extractions for q in ex.quotes if q.speaker}
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
                    }
                )
        render.print_json([{"speaker": k, "role": roles.get(k), "statements": v} for k, v in by_speaker.items()])
        return
    published = {a.id: a.published.isoformat() for a in state.corpus().articles}
    if name:
        render.statements(statements, roles, published)
    else:
        render.speaker_table(statements, roles)


@click.command()
@click.option("--claim", "claim_ids", multiple=True, metavar="ID", help="Only this claim; repeatable.")
@json_option
@click.pass_obj
def compare(state: State, claim_ids: tuple[str, ...], as_json: bool) -> None:
    """The outlet x claim matrix, and where the accounts disagree.

    One row per article, one column per claim of the catalog; disagreeing
    cells are marked and explained under the table. Disagreements are found
    by rule: the same claim, or the same speaker's remarks, with different
    values. "via" names the wire service an article credits or copies.

    \b
    Examples:
      gsomia compare
      gsomia compare --claim expiry_date --json
    """
    from gsomia_cli import render
    from gsomia_cli.claims import catalog
    from gsomia_cli.compare import claim_matrix
    from gsomia_cli.wire import wire_sources

    known = [c.id for c in catalog()]
    for cid in claim_ids:
        if cid not in known:
            fail(f"unknown claim {cid!r}; known: {', '.join(known)}", 2)
    extractions = _all_extractions(state)
    matrix = claim_matrix(extractions, wire_sources([ex.article for ex in extractions]))
    if claim_ids:
        matrix.claims = [c for c in matrix.claims if c in claim_ids]
        for row in matrix.rows:
            row["values"] = {c: v for c, v in row["values"].items() if c in claim_ids}
        matrix.disagreements = [d for d in matrix.disagreements if d.claim in claim_ids]
    if as_json:
        render.print_json(
            {"claims": matrix.claims, "rows": matrix.rows, "disagreements": [d.__dict__ for d in matrix.disagreements]}
        )
        return
    render.matrix(matrix)


@click.command()
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
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
    from gsomia_cli.compare import diff_articles

    first, second = state.article(a), state.article(b)
    result = diff_articles(*extract_each([first, second]))
    if as_json:
        data = dict(result.__dict__)
        data["quotes"] = [{k: v for k, v in q.items() if k != "diff"} for q in result.quotes]
        render.print_json(data)
        return
    render.article_diff(result)


@click.command()
@json_option
@click.pass_obj
def timeline(state: State, as_json: bool) -> None:
    """Every dated event on one time axis, with the outlets that report it.

    Reports of the same day with similar wording are merged into one event.

    \b
    Example:
      gsomia timeline --json | jq '.[] | select(.date >= "2019-11")'
    """
    from gsomia_cli import render
    from gsomia_cli.compare import timeline as build

    events = build(_all_extractions(state))
    if as_json:
        render.print_json(
            [{"date": e.date, "outlets": e.outlets, "text": e.text, "reports": e.reports} for e in events]
        )
        return
    render.timeline(events)
