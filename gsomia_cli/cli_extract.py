"""Commands over the extracted records: officials, dates, quotes, claims."""

from __future__ import annotations

from typing import Any

import click

from gsomia_cli.cli_common import (
    Selection,
    State,
    covered,
    extract_each,
    fail,
    json_option,
    nothing,
    plural,
    selection_options,
)


@click.command()
@selection_options()
@json_option
@click.pass_obj
def officials(state: State, selection: Selection, as_json: bool) -> None:
    """Officials named in the articles, with roles, countries, aliases.

    Later mentions ("Kono", "Mr. Ko", "the minister") and misspellings
    ("Jeoung") are linked to the same person.

    \b
    Example:
      gsomia officials --outlet "Fort Russ"
    """
    from gsomia_cli import render
    from gsomia_cli.coverage import officials_of
    from gsomia_cli.export import to_json

    records = selection.cut(officials_of(covered(state, selection, ("officials", "mentions"), as_json=as_json)))
    if not records:
        nothing("officials", as_json)
    if as_json:
        render.print_json(to_json(records))
        return
    rows = [
        (
            r.name,
            r.role,
            r.country,
            ", ".join(r.aliases),
            len(r.mentions),
            len({m.article for m in r.mentions}),
        )
        for r in records
    ]
    render.print_table(
        plural(len(rows), "official"), ["name", "role", "country", "aliases", "mentions", "articles"], rows
    )


@click.command()
@selection_options()
@json_option
@click.pass_obj
def dates(state: State, selection: Selection, as_json: bool) -> None:
    """Dates in the articles, relative ones resolved against publication.

    "Saturday", "six days left" or "October last year" become ISO values
    (YYYY-MM-DD, YYYY-MM or YYYY, as precise as the text is).

    \b
    Example:
      gsomia dates --article yonhap --json
    """
    from gsomia_cli import render
    from gsomia_cli.export import sentences_once, to_json

    records = selection.cut([d for c in covered(state, selection, ("dates",), as_json=as_json) for d in c.dates])
    if not records:
        nothing("dates", as_json)
    if as_json:
        render.print_json(sentences_once(to_json(records)))
        return
    rows = [(d.article, d.text, d.value, d.sentence) for d in records]
    render.print_table(plural(len(rows), "date"), ["article", "text", "value", "sentence"], rows)


@click.command()
@selection_options()
@click.option("--speaker", metavar="NAME", help="Only statements by this speaker (fuzzy: 'jeong', 'Kyung-doo').")
@click.option("--kind", type=click.Choice(["direct", "reported"]), help="Only direct quotes or reported speech.")
@json_option
@click.pass_obj
def quotes(state: State, selection: Selection, speaker: str | None, kind: str | None, as_json: bool) -> None:
    """Who said what: quotations and reported speech with their speakers.

    \b
    Examples:
      gsomia quotes --speaker jeong --kind direct
      gsomia quotes --outlet asahi --json
    """
    from gsomia_cli import render
    from gsomia_cli.export import sentences_once, to_json
    from gsomia_cli.people import speaker_matches

    coverage = covered(state, selection, ("quotes", "officials"), as_json=as_json)
    records = [q for c in coverage for q in c.quotes]
    if kind:
        records = [q for q in records if q.kind == kind]
    if speaker:
        names = speaker_matches(speaker, coverage)
        records = [q for q in records if q.speaker in names]
    records = selection.cut(records)
    if not records:
        nothing(f"statements by {speaker!r}" if speaker else "statements", as_json)
    if as_json:
        render.print_json(sentences_once(to_json(records)))
        return
    rows = [(q.article, q.speaker, q.kind, q.cue, q.text) for q in records]
    render.print_table(plural(len(rows), "statement"), ["article", "speaker", "kind", "cue", "text"], rows)


class _WithCatalog(click.Command):
    """A command whose help ends with the claim catalog (read only when help is asked for)."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from gsomia_cli.claims import catalog
        from gsomia_cli.resources import DataError

        try:
            rows = [(c.id, f"({c.compare}) {c.description}") for c in catalog()]
        except DataError as exc:
            rows = [("(unreadable)", str(exc))]
        with formatter.section("Claims (gsomia_cli/data/claims.yaml, and yours in $GSOMIA_DATA_DIR)"):
            formatter.write_dl(rows)


@click.command(cls=_WithCatalog)
@selection_options()
@click.option(
    "--claim", "claim_ids", multiple=True, metavar="ID", help="Only this claim (see the catalog below); repeatable."
)
@click.option("-v", "--verbose", is_flag=True, help="Show the frame that fired and the words of each of its slots.")
@json_option
@click.pass_obj
def claims(state: State, selection: Selection, claim_ids: tuple[str, ...], verbose: bool, as_json: bool) -> None:
    """The story's key claims as each article states them, with evidence.

    Each claim is recognised by frames (who does what, how) defined in
    gsomia_cli/data/claims.yaml; extend it with $GSOMIA_DATA_DIR/claims.yaml.
    With -v, each row says which frame fired and on which words.

    \b
    Examples:
      gsomia claims --claim expiry_date
      gsomia claims --claim us_pressure -v
    """
    from gsomia_cli import render
    from gsomia_cli.resources import load_data

    known = set(load_data("claims.yaml").get("claims") or {})  # (the ids: the rules are compiled by indexing)
    for cid in claim_ids:
        if cid not in known:
            fail(f"unknown claim {cid!r}; known: {', '.join(sorted(known))}", 2)
    coverage = covered(state, selection, ("claims",), text=verbose, as_json=as_json)
    records = [c for cov in coverage for c in cov.claims if not claim_ids or c.claim in claim_ids]
    records = selection.cut(records)
    if not records:
        nothing("claims", as_json)
    by_id = {c.id: c for c in coverage}
    words = [_frame_words(by_id[c.article], c) for c in records] if verbose else []
    if as_json:
        from gsomia_cli.export import to_json

        data = to_json(records)
        for record, matched in zip(data, words, strict=False):
            record["matched"] = list(matched)
        render.print_json(data)
        return
    rows: list[tuple[Any, ...]] = [
        (c.article, c.claim, str(c.value).lower() if isinstance(c.value, bool) else c.value, c.evidence)
        for c in records
    ]
    columns = ["article", "claim", "value", "evidence"]
    if verbose:
        rows = [(*row, c.frame, "; ".join(w)) for row, c, w in zip(rows, records, words, strict=True)]
        columns += ["frame", "words"]
    render.print_table(plural(len(rows), "claim"), columns, rows)


def _frame_words(coverage: Any, record: Any) -> tuple[str, ...]:
    """The words of each slot of the frame that gave ``record`` (a claim)."""
    from gsomia_cli.claims import frame_words

    starts = [start for start, _, _ in coverage.sentences]
    k = starts.index(record.start) if record.start in starts else 0
    before = coverage.text[coverage.sentences[k - 1][0] : coverage.sentences[k - 1][1]] if k > 0 else ""
    return frame_words(record.claim, record.frame, record.evidence, before)


@click.command(name="eval")
@click.argument("gold_path", metavar="GOLD.yaml", type=click.Path(dir_okay=False))
@click.option(
    "-v", "--verbose", is_flag=True, help="List every miss: the item, what was extracted, what the gold says."
)
@json_option
@click.pass_obj
def eval_(state: State, gold_path: str, verbose: bool, as_json: bool) -> None:
    """Score the extraction against gold annotations of your own.

    GOLD.yaml lists, per article (matched by the base name of its file),
    the officials, quotes, reported speech, dates and claims a careful
    reader finds; the README's "Evaluating" section gives the format. The
    measures and matching rules are those of the project's scorer: one line
    per measure, then a SUMMARY line (--json: one object with the SUMMARY
    names as keys and a "misses" list).

    \b
    Examples:
      gsomia --index my-corpus/INDEX.md eval my-corpus/gold.yaml -v
      gsomia eval gold.yaml --index my-corpus/INDEX.md --json | jq .speakerAcc
    """
    import os

    from gsomia_cli import render
    from gsomia_cli.evaluate import GoldError, load_gold, records_of, score

    try:
        gold = load_gold(gold_path)
    except GoldError as exc:
        fail(str(exc))
    articles = state.corpus().articles
    files = {os.path.basename(a.file) for a in articles}
    for key, entry in gold["articles"].items():
        if os.path.basename(str(entry["file"])) not in files:
            click.echo(
                f"gsomia: warning: gold article {key!r}: no article of the corpus has file {entry['file']!r}", err=True
            )
    result = score(gold, records_of(extract_each(articles)))
    if as_json:
        render.print_json({**result.summary(), "misses": result.misses})
        return
    if verbose:
        for miss in result.misses:
            click.echo(f"  {miss}")
    for line in result.report():
        click.echo(line)
