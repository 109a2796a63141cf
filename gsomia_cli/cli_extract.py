"""Commands over the extracted records: officials, dates, quotes, claims."""

from __future__ import annotations

from typing import Any

import click

from gsomia_cli.cli_common import State, extract_each, fail, json_option


def _filters(f):
    f = click.option(
        "--article",
        "articles_",
        multiple=True,
        metavar="ID",
        help="Only this article (id, prefix or outlet); repeatable.",
    )(f)
    f = click.option(
        "--outlet", "outlets", multiple=True, metavar="NAME", help="Only outlets whose name contains NAME; repeatable."
    )(f)
    return f


def _extractions(state: State, outlets: tuple[str, ...], articles_: tuple[str, ...]):
    corpus = state.corpus()
    chosen = corpus.articles
    if articles_:
        ids = {state.article(key).id for key in articles_}
        chosen = [a for a in chosen if a.id in ids]
    if outlets:
        wanted = [o.lower() for o in outlets]
        chosen = [a for a in chosen if any(w in a.outlet.lower() for w in wanted)]
    return extract_each(chosen)


@click.command()
@_filters
@json_option
@click.pass_obj
def officials(state: State, outlets: tuple[str, ...], articles_: tuple[str, ...], as_json: bool) -> None:
    """Officials named in the articles, with roles, countries, aliases.

    Later mentions ("Kono", "Mr. Ko", "the minister") and misspellings
    ("Jeoung") are linked to the same person.

    \b
    Example:
      gsomia officials --outlet "Fort Russ"
    """
    from gsomia_cli import render
    from gsomia_cli.extract import officials_of, to_json

    records = officials_of(_extractions(state, outlets, articles_))
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
    render.print_table(f"{len(rows)} officials", ["name", "role", "country", "aliases", "mentions", "articles"], rows)


@click.command()
@_filters
@json_option
@click.pass_obj
def dates(state: State, outlets: tuple[str, ...], articles_: tuple[str, ...], as_json: bool) -> None:
    """Dates in the articles, relative ones resolved against publication.

    "Saturday", "six days left" or "October last year" become ISO values
    (YYYY-MM-DD, YYYY-MM or YYYY, as precise as the text is).

    \b
    Example:
      gsomia dates --article yonhap --json
    """
    from gsomia_cli import render
    from gsomia_cli.export import sentences_once
    from gsomia_cli.extract import to_json

    records = [d for ex in _extractions(state, outlets, articles_) for d in ex.dates]
    if as_json:
        render.print_json(sentences_once(to_json(records)))
        return
    rows = [(d.article, d.text, d.value, d.sentence) for d in records]
    render.print_table(f"{len(rows)} dates", ["article", "text", "value", "sentence"], rows)


@click.command()
@_filters
@click.option("--speaker", metavar="NAME", help="Only statements by this speaker (fuzzy: 'jeong', 'Kyung-doo').")
@click.option("--kind", type=click.Choice(["direct", "reported"]), help="Only direct quotes or reported speech.")
@json_option
@click.pass_obj
def quotes(
    state: State,
    outlets: tuple[str, ...],
    articles_: tuple[str, ...],
    speaker: str | None,
    kind: str | None,
    as_json: bool,
) -> None:
    """Who said what: quotations and reported speech with their speakers.

    \b
    Examples:
      gsomia quotes --speaker jeong --kind direct
      gsomia quotes --outlet asahi --json
    """
    from gsomia_cli import render
    from gsomia_cli.coverage import from_extraction
    from gsomia_cli.export import sentences_once
    from gsomia_cli.extract import to_json
    from gsomia_cli.people import speaker_matches

    extractions = _extractions(state, outlets, articles_)
    records = [q for ex in extractions for q in ex.quotes]
    if kind:
        records = [q for q in records if q.kind == kind]
    if speaker:
        names = speaker_matches(speaker, [from_extraction(ex) for ex in extractions])
        records = [q for q in records if q.speaker in names]
    if as_json:
        render.print_json(sentences_once(to_json(records)))
        return
    rows = [(q.article, q.speaker, q.kind, q.cue, q.text) for q in records]
    render.print_table(f"{len(rows)} statements", ["article", "speaker", "kind", "cue", "text"], rows)


@click.command()
@_filters
@click.option(
    "--claim", "claim_ids", multiple=True, metavar="ID", help="Only this claim (see the catalog below); repeatable."
)
@click.option("-v", "--verbose", is_flag=True, help="Show the frame that fired and the words of each of its slots.")
@json_option
@click.pass_obj
def claims(
    state: State,
    outlets: tuple[str, ...],
    articles_: tuple[str, ...],
    claim_ids: tuple[str, ...],
    verbose: bool,
    as_json: bool,
) -> None:
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
    from gsomia_cli.claims import catalog
    from gsomia_cli.extract import to_json

    known = {c.id for c in catalog()}
    for cid in claim_ids:
        if cid not in known:
            fail(f"unknown claim {cid!r}; known: {', '.join(sorted(known))}", 2)
    records = [c for ex in _extractions(state, outlets, articles_) for c in ex.claims]
    if claim_ids:
        records = [c for c in records if c.claim in claim_ids]
    words = [_frame_words(state, c) for c in records] if verbose else []
    if as_json:
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
    render.print_table(f"{len(rows)} claims", columns, rows)


def _frame_words(state: State, record: Any) -> tuple[str, ...]:
    """The words of each slot of the frame that gave ``record`` (a claim)."""
    from gsomia_cli.claims import frame_words

    article = state.article(record.article)
    sentence = article.sentence_at(record.start)
    k = article.sentences.index(sentence) if sentence is not None else 0
    before = article.sentences[k - 1].text if k > 0 else ""
    return frame_words(record.claim, record.frame, record.evidence, before)


@click.command(name="eval")
@click.argument("gold_path", metavar="GOLD.yaml", type=click.Path(dir_okay=False))
@click.option("--index", "index_option", metavar="PATH", help="The corpus's INDEX.md (as the global --index).")
@click.option(
    "-v", "--verbose", is_flag=True, help="List every miss: the item, what was extracted, what the gold says."
)
@json_option
@click.pass_obj
def eval_(state: State, gold_path: str, index_option: str | None, verbose: bool, as_json: bool) -> None:
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

    if index_option:
        state.index = index_option
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
