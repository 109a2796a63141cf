"""Who can speak in an article: officials, bodies (Seoul, the Kyodo news
agency), anonymous sources ("a senior official of the ministry") and
pronouns, as spans of the text that attribution can point at."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from itertools import chain
from operator import attrgetter

from gsomia_cli.lexicon import Lexicon, lexicon
from gsomia_cli.officials import Mention, Person, RoleMention
from gsomia_cli.wordstarts import WordStarts, heads_of

INSTITUTION_SPAN = 120  # at most this from the start of "the ... ministry" to its noun
_INSTITUTION_NOUN = (
    r"(?:[Mm]inistry|[Gg]overnment|[Aa]dministration|[Aa]gency|[Oo]ffice|[Cc]ommand|[Cc]ourt|[Cc]ouncil)\b"
)


@cache
def _institution() -> re.Pattern[str]:
    """An institution that speaks: "the Defense Ministry", "Japan's trade
    ministry", "South Korea's presidential office" (a country of the
    lexicon, or one capitalised word, with "'s")."""
    countries = lexicon().country_re.pattern
    return re.compile(
        rf"(?:\b(?:[Tt]he|(?=[A-Z])(?:{countries}|[A-Z][a-z]+)'s)\s+)(?:[A-Za-z][a-z]+\s+){{0,3}}?{_INSTITUTION_NOUN}"
    )


_WORD = re.compile(r"\w+")
# The capitalised name after an institution's noun: "of Economy, Trade and Industry".
_OF_A_NAME = re.compile(r"\s+of\s+[A-Z][a-z]+(?:(?:,\s+|\s+and\s+|\s+)[A-Z][a-z]+){0,4}")
_INSTITUTION_NOUNS = heads_of(
    ["ministry", "government", "administration", "agency", "office", "command", "court", "council"]
)
_QUALIFIER = re.compile(r"\s+(of|close to|at|from|in|with|for|familiar with)\s+(.*)$", re.IGNORECASE)
_DETERMINER = re.compile(r"^(?:a|an|the|one|another)\s+", re.IGNORECASE)


@dataclass(slots=True)  # many per article: cheap to create
class SpeakerSpan:
    """A phrase that can name a speaker: ``label`` is the canonical name,
    body or source label; ``kind`` official, person (named, no official),
    role (a title that names no one: "Japan's foreign minister"), group
    (people named together: "Yoon and Kishida"), anonymous (a source), body
    (a state or institution), media (a news outlet) or pronoun. ``referent``
    is who a role's office was held by on the article's date."""

    start: int
    end: int
    label: str
    role: str | None
    kind: str
    possessive: bool
    head: str = ""
    qualified: bool = False
    country: str | None = None
    referent: str | None = None


def _singular(word: str) -> str:
    return word[:-1] if word.lower().endswith("s") and not word.lower().endswith("ss") else word


def _possessive(text: str, end: int) -> bool:
    """True when a possessive "'s" (or the "'" after a plural) follows ``end``;
    not "'s" for "has" ("South Korea's announced it was leaving")."""
    if text[end : end + 1] != "'":
        return False
    if text[end + 1 : end + 2] == "s":
        following = text[end + 3 : end + 20].split(None, 1)
        return not (text[end + 2 : end + 3] == " " and following and following[0] in _HAS_AFTER)
    return text[end - 1 : end] == "s"


# Words after "'s" that make it "has": "South Korea's announced", "Tokyo's said", "Seoul's been".
_HAS_AFTER = frozenset(
    "been said told announced decided made repeatedly already also long insisted warned stressed urged "
    "called asked refused vowed pledged confirmed rejected agreed".split()
)


def _anonymous(text: str, m: re.Match[str], a: int, b: int, lex: Lexicon) -> SpeakerSpan | None:
    """The anonymous source whose head noun ``m`` found in ``text[a:b]``,
    with the modifiers before the noun and the qualifier after it; None for
    a bare "people"."""
    head = m.group().lower()
    lowest = max(a, m.start() - 60)
    stop = text.rfind(". ", lowest, m.start())  # (not over a sentence's end: "Friday. The"; "U.S. officials" is one)
    while stop > lowest and not text[stop - 1].islower():
        stop = text.rfind(". ", lowest, stop)
    if stop > lowest:
        lowest = stop + 2
    mods = lex.anonymous_mods_re.search(text, lowest, m.start())
    start = mods.start() if mods else m.start()
    # Capitalised words may modify ("State Department official"), but not
    # a sentence's first word ("But officials ..."), unless it is one of the
    # listed modifiers ("South Korean officials").
    while start < m.start():
        word = text[start : m.start()].split(None, 1)[0]
        if word not in lex.not_names or word in ("The", "A", "An") or lex.anonymous_listed_mod_re.match(text, start):
            break
        start = text.index(word, start) + len(word)
        start += len(text[start : m.start()]) - len(text[start : m.start()].lstrip())
    q_match = lex.anonymous_qual_re.match(text, m.end(), b)
    qual = q_match.group() if q_match else ""
    end = q_match.end() if q_match else m.end()
    if head in ("people", "person") and not qual:
        return None
    phrase = _DETERMINER.sub("", text[start:end])
    if qual:
        # "of the presidential office" -> "of the South Korean presidential office"
        q = _QUALIFIER.match(qual)
        body = lex.body_of.get(q.group(2).lower()) if q else None
        if body and q and q.group(2).lower().startswith("the "):
            phrase = phrase[: len(phrase) - len(qual)] + f" {q.group(1)} the {body}"
    return SpeakerSpan(
        start,
        end,
        phrase,
        "anonymous source",
        "anonymous",
        _possessive(text, end),
        _singular(head.split()[-1]),
        bool(qual),
    )


def _office_of(
    text: str, head: re.Match[str], named: re.Match[str], officials: list[SpeakerSpan]
) -> SpeakerSpan | None:
    """The office of an official named after its noun ("the office of
    President Kang Min-ho", "the Ministry of ..." is no such office): the
    official's office, labelled by the official's name; else None."""
    for official in officials:
        if named.start() < official.start and official.end <= named.end() + 40:
            if not text[named.end() : official.start].strip() or official.start < named.end():
                end = max(named.end(), official.end)
                noun = head.group().split()[-1].lower()
                return SpeakerSpan(
                    head.start(), end, f"{official.label}'s {noun}", "body", "body", _possessive(text, end)
                )
    return None


def _named_as(phrase: str, lex: Lexicon) -> str:
    """An institution's phrase with its long name made the one it goes by
    ("South Korea's Ministry of Foreign Affairs": "South Korea's Foreign
    Ministry"), so that one institution is one speaker."""
    low = phrase.lower()
    for long, short in lex.institution_names.items():
        if low.endswith(long) and (len(low) == len(long) or not low[-len(long) - 1].isalnum()):
            return phrase[: len(phrase) - len(long)] + short
    return phrase


def _holds_media(start: int, end: int, media: list[SpeakerSpan], media_starts: list[int]) -> bool:
    """True when an outlet's name (of ``media``, sorted, beginning at
    ``media_starts``) lies within ``start:end`` ("the Asahi Shimbun
    newspaper", "Japan's Kyodo news agency"): the outlet speaks, not an
    anonymous source or an institution."""
    k = bisect.bisect_left(media_starts, start)
    return k < len(media) and media[k].start < end and media[k].end <= end


def _first_and_longest(span: SpeakerSpan) -> tuple[int, int]:
    return span.start, span.start - span.end


def _covered(span: SpeakerSpan, spans: list[SpeakerSpan], starts: list[int]) -> bool:
    """True when one of the three of ``spans`` (sorted; they begin at
    ``starts``) that begin last at or before ``span`` covers it (spans of
    one kind seldom nest deeper)."""
    k = bisect.bisect_right(starts, span.start)
    return any(other.end >= span.end for other in spans[max(0, k - 3) : k])


def _windows_before(text: str, positions: list[int], ranges: list[tuple[int, int]], span: int) -> list[tuple[int, int]]:
    """The parts of ``ranges`` from ``span`` characters before a word that
    begins at one of ``positions`` (sorted) to that word's end; overlapping
    parts merged."""
    out: list[tuple[int, int]] = []
    range_starts = [a for a, _ in ranges]
    for at in positions:
        r = bisect.bisect_right(range_starts, at) - 1
        if r < 0 or at >= ranges[r][1]:
            continue
        word = _WORD.match(text, at)
        a, b = max(ranges[r][0], at - span), word.end() if word else at
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def speaker_spans(
    text: str,
    ranges: list[tuple[int, int]],
    persons: dict[str, Person],
    mentions: list[Mention],
    quotes: list[tuple[int, int]],
    words: WordStarts,
    offices: list[RoleMention] = (),  # type: ignore[assignment]
) -> list[SpeakerSpan]:
    """Return the speaker spans of folded ``text`` within ``ranges``, sorted,
    without overlaps (officials and titles that name no one before sources
    before bodies before pronouns), none inside the quotation marks of
    ``quotes``; ``offices`` are the titles that name no one."""
    lex = lexicon()
    low = words.low
    officials: list[SpeakerSpan] = []  # each kind's spans in text order
    anonymous: list[SpeakerSpan] = []
    bodies: list[SpeakerSpan] = []
    possessors: dict[int, Mention] = {}  # officials with "'s", by where the "'" stands
    range_starts = [a for a, _ in ranges]
    for m in mentions:  # (in text order, none overlapping)
        # A possessive ("Sato's office") names no speaker: leave room for the phrase it is part of.
        r = bisect.bisect_right(range_starts, m.start) - 1
        if m.in_quote or r < 0 or m.start >= ranges[r][1]:
            continue  # (in a quotation, or in a caption: no one speaks there)
        if _possessive(text, m.end):
            possessors[m.end] = m
        else:
            person = persons[m.person]
            officials.append(
                SpeakerSpan(m.start, m.end, person.name, person.role, "official", False, country=person.country)
            )
    roles = [
        SpeakerSpan(
            o.start, o.end, o.text, o.role, "role", _possessive(text, o.end), country=o.country, referent=o.holder
        )
        for o in offices
    ]
    for h in words.finditer_in(lex.anonymous_head_re, lex.anonymous_head_heads, low, ranges):
        a, b = ranges[bisect.bisect_right(range_starts, h.start()) - 1]
        source = _anonymous(text, h, a, b, lex)
        if source:
            anonymous.append(source)
    for h in words.finditer_in(lex.body_re, lex.body_heads, low, ranges):
        label = lex.body_of[h.group()]
        kind = "media" if label in lex.media else "body"
        bodies.append(SpeakerSpan(h.start(), h.end(), label, kind, kind, _possessive(text, h.end())))
    # An institution ends with its noun: looked for only shortly before one.
    lexicon_bodies = len(bodies)  # (the bodies named in the lexicon: owners of an institution)
    owners: dict[int, SpeakerSpan] | None = None  # possessive ones by end ("the Blue House's"), made on need
    media: list[SpeakerSpan] | None = None  # the outlets named, by start (made on need)
    offices_of: list[SpeakerSpan] = []  # "the office of President Moon": before the officials in them
    media_starts: list[int] = []
    for a, b in _windows_before(text, words.at(_INSTITUTION_NOUNS), ranges, INSTITUTION_SPAN):
        for h in _institution().finditer(text, a, b):
            named = _OF_A_NAME.match(text, h.end())  # "the Ministry of Foreign Affairs"
            end = named.end() if named else h.end()
            start, apostrophe = h.start(), text.find("'", h.start(), h.end())
            phrase = ""
            if apostrophe >= 0 and apostrophe in possessors:  # "Kang Min Ho's office": Kang Min-ho's office
                start = possessors[apostrophe].start
                phrase = persons[possessors[apostrophe].person].name + text[apostrophe:end]
            elif apostrophe >= 0:  # "the Blue House's national security office": one speaker
                owners = owners if owners is not None else {b.end: b for b in bodies[:lexicon_bodies] if b.possessive}
                owner = owners.get(apostrophe)
                start = owner.start if owner is not None and owner.start < start else start
            if media is None:
                media = sorted((b for b in bodies[:lexicon_bodies] if b.kind == "media"), key=attrgetter("start"))
                media_starts = [b.start for b in media]
            if media and _holds_media(start, end, media, media_starts):
                continue  # "Japan's Kyodo news agency": the outlet speaks
            office_of = _office_of(text, h, named, officials) if named else None
            if office_of is not None:  # "the office of President Kang Min-ho": Kang Min-ho's office
                offices_of.append(office_of)
                continue
            phrase = _named_as(phrase or _DETERMINER.sub("", text[start:end]), lex)
            bodies.append(SpeakerSpan(start, end, phrase, "body", "body", _possessive(text, end)))
    pronouns = [
        SpeakerSpan(m.start(), m.end(), m.group(), None, "pronoun", False)
        for m in words.finditer_in(lex.pronoun_re, lex.pronoun_heads, low, ranges)
    ]
    for k, source in enumerate(anonymous):  # "President Kang's spokesman": Kang Min-ho's spokesman
        possessor = possessors.get(source.start - 3)
        if possessor is not None and text.startswith("'s ", possessor.end):
            label = f"{persons[possessor.person].name}'s {source.label}"
            anonymous[k] = SpeakerSpan(
                possessor.start, source.end, label, source.role, "anonymous", source.possessive, source.head, True
            )
    anonymous.sort(key=_first_and_longest)
    bodies.sort(key=_first_and_longest)
    if anonymous and bodies:  # a body named in full is no anonymous source ("the Nikkei newspaper")
        body_starts = [b.start for b in bodies]
        media = sorted((b for b in bodies if b.kind == "media"), key=attrgetter("start"))
        media_starts = [b.start for b in media]
        anonymous = [
            a
            for a in anonymous
            if not _covered(a, bodies, body_starts)
            and not (media and _holds_media(a.start, a.end, media, media_starts))
        ]
    kept: list[SpeakerSpan] = []
    taken = bytearray(len(text))
    for a, b in quotes:  # words inside a quotation are not who is speaking
        taken[a:b] = b"\x01" * (b - a)
    # Officials first, then sources, bodies and pronouns, each from its first and longest.
    for span in chain(offices_of, officials, roles, anonymous, bodies, pronouns):
        if taken.find(1, span.start, span.end) < 0:
            kept.append(span)
            taken[span.start : span.end] = b"\x01" * (span.end - span.start)
    kept.sort(key=attrgetter("start"))
    return kept
