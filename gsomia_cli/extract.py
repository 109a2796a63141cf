"""Extraction of one article, and of a corpus: dates, officials, quotes and
reported speech, claims, as JSON-ready records that carry their evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

from gsomia_cli.claims import find_claims
from gsomia_cli.corpus import Article
from gsomia_cli.dates import find_dates
from gsomia_cli.officials import Person, RoleMention, find_officials
from gsomia_cli.quotes import find_statements
from gsomia_cli.records import ClaimRecord, DateRecord, MentionRecord, QuoteRecord
from gsomia_cli.resources import DataError
from gsomia_cli.speakers import speaker_spans
from gsomia_cli.textfold import lower
from gsomia_cli.wordstarts import WordStarts

READ_KINDS = ("body", "headline", "caption")


@dataclass
class Extraction:
    """Everything extracted from one article."""

    article: Article
    dates: list[DateRecord]
    persons: dict[str, Person]
    mentions: list[MentionRecord]
    mention_people: list[str]  # the person of each mention, in order
    quotes: list[QuoteRecord]
    claims: list[ClaimRecord]
    offices: list[RoleMention] = field(default_factory=list)  # titles that name no one ("Japan's foreign minister")


def extract_or_empty(article: Article) -> tuple[Extraction, str | None]:
    """Return the extraction of one article and None, or, should extraction
    fail on it, an empty extraction and the error: one bad article must not
    cost the records of all the others."""
    try:
        return extract(article), None
    except DataError:
        raise  # (a bad data file fails every article: said once, by the command)
    except Exception as exc:  # noqa: BLE001 - reported to the user, never hidden
        empty = Extraction(article, [], {}, [], [], [], [])
        return empty, f"{article.id}: extraction failed ({type(exc).__name__}: {exc}); its records are missing"


def extract(article: Article) -> Extraction:
    """Return the extraction of one article."""
    clean = article.clean
    text = article.folded
    words = WordStarts(lower(text))
    sentences = article.sentences
    aid, afile, outlet = article.id, article.file, article.outlet
    ranges = [(p.start, p.end) for p in article.paragraphs if p.kind in READ_KINDS]
    quotes = article.quotes
    byline = {n.strip() for n in (article.byline or "").split(",") if n.strip()}

    spans = [(s.start, s.end) for s in sentences if s.kind in READ_KINDS]
    date_exprs = find_dates(text, spans, article.published, words)
    dates = []
    for d in date_exprs:
        sentence = article.sentence_at(d.start)
        span = (sentence.start, sentence.end) if sentence else (d.start, d.end)
        text_of = sentence.text if sentence else ""
        dates.append(DateRecord(aid, afile, outlet, clean[d.start : d.end], d.value, d.start, d.end, text_of, *span))
    persons, mentions, offices = find_officials(text, ranges, quotes, byline, words, article.published)
    body_ranges = [(p.start, p.end) for p in article.paragraphs if p.kind == "body"]
    speakers = speaker_spans(text, body_ranges, persons, mentions, quotes, words, offices)
    statements = find_statements(clean, text, sentences, quotes, speakers, words)
    quote_records = [
        QuoteRecord(
            aid,
            afile,
            outlet,
            s.speaker,
            s.speaker_role,
            s.kind,
            s.cue,
            s.text,
            s.start,
            s.end,
            sentences[s.sentence].text,
            s.referent,
            sentences[s.sentence].start,
            sentences[s.sentence].end,
        )
        for s in statements
    ]
    claims = [
        ClaimRecord(
            aid,
            afile,
            outlet,
            h.claim,
            h.value,
            sentences[h.sentence].text,
            sentences[h.sentence].start,
            sentences[h.sentence].end,
            h.frame,
        )
        for h in find_claims(text, sentences, date_exprs, words)
    ]
    return Extraction(
        article,
        dates,
        persons,
        [MentionRecord(aid, afile, outlet, clean[m.start : m.end], m.start, m.end) for m in mentions],
        [m.person for m in mentions],
        quote_records,
        claims,
        offices,
    )
