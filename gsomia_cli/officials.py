"""Officials: people named with a public role, their later mentions
(surname, "Mr. Han", "the minister") and misspellings resolved to one person."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Container, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import chain, compress

from gsomia_cli.lexicon import (
    NAME_START,
    NAME_TOKEN,
    KnownOfficial,
    Lexicon,
    alternation,
    holder,
    lexicon,
    trie_pattern,
)
from gsomia_cli.wordstarts import Heads, WordStarts, heads_of

FUZZY_NAME = 88  # rapidfuzz ratio for a full name against a known one
FUZZY_TOKEN = 75  # for one name token in a name position ("Shon said" for Sohn)
LOOKBACK = 30  # named mentions an anaphor ("the minister") may point back over
ROLE_NP_SPAN = 60  # at most this from "the" or "Seoul's" to the role noun of "the (South Korean) minister"
SUBJECT_SPAN = 110  # at most this from the start of a subject ("Sato, for his part,") to its verb
APPOSITION_SPAN = 100  # at most this from the comma after a name to its title ("Kim, the deputy minister")


@dataclass
class Person:
    """An official as this article presents them."""

    name: str
    role: str | None
    country: str | None
    surname: str
    given: str = ""
    aliases: set[str] = field(default_factory=set)


@dataclass(slots=True)  # many per article: cheap to create
class Mention:
    """A mention of ``person`` at ``start:end`` of the clean text; ``how`` is
    name, title, surname, honorific, fuzzy or role (an anaphor)."""

    person: str
    text: str
    start: int
    end: int
    how: str
    in_quote: bool = False


@dataclass(slots=True)  # few per article
class RoleMention:
    """A title that names no one ("Japan's foreign minister responded") and
    that no named official of the article holds: ``text`` as written (without
    "the"), the ``role`` and ``country`` it stands for, and the ``holder`` of
    that office on the article's date by the gazetteer (None: unknown)."""

    text: str
    start: int
    end: int
    role: str
    country: str | None
    holder: str | None


@dataclass(frozen=True)
class _Patterns:
    name_run: re.Pattern[str]
    apposition: re.Pattern[str]
    title: re.Pattern[str]  # on lower-cased text (faster than a case-insensitive regex)
    counterpart: re.Pattern[str]
    speech_verb: re.Pattern[str]
    name_before: re.Pattern[str]
    name_after: re.Pattern[str]
    role_np: re.Pattern[str]
    known_by_first: dict[str, list[str]]
    country_before: re.Pattern[str]
    speech_verb_heads: Heads
    role_np_heads: Heads
    role_noun_heads: Heads
    lone_surnames: frozenset[str]  # the gazetteer's surnames that may stand alone, also with "'s"
    title_posting: re.Pattern[str]  # "to Seoul " or "for Political Affairs " between a title and its name
    country_after: re.Pattern[str]  # " of South Korea's" after a title in apposition


NAME = rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,2}}"


@cache
def _patterns() -> _Patterns:
    lex = lexicon()
    known_by_first: dict[str, list[str]] = {}
    for key in [o.name for o in lex.officials] + [a for o in lex.officials for a in o.aliases]:
        known_by_first.setdefault(key.split()[0], []).append(key)
    for names in known_by_first.values():
        names.sort(key=len, reverse=True)
    speech_verbs = set(lex.clause_verbs) | set(lex.object_verbs) | set(lex.direct_verbs)
    return _Patterns(
        apposition=re.compile(
            # (no preposition before the title: "Kang Min-ho, an adviser to President Kang" is no president)
            rf"(?P<name>{NAME_START}(?:\s+{NAME_TOKEN}){{0,2}}),\s+(?:the\s+|a\s+)?(?:(?!(?:to|of|for|under|with|by)\s)[\w'.-]+\s+){{0,3}}?"
            rf"(?P<title>(?i:{lex.title_re.pattern}))(?=[\s,])"
        ),
        name_run=re.compile(rf"{NAME_START}(?:(?:\s+[A-Z]\.)?\s+{NAME_TOKEN})*"),  # ("Mary T. Clarke")
        title=alternation(list(lex.titles)),
        counterpart=re.compile(rf"counterparts?,?\s+(?P<name>{NAME})"),
        speech_verb=alternation(speech_verbs),
        # "Shon said", "Sato, for his part, told", "Kang, speaking at a meeting, said"
        name_before=re.compile(
            rf"(?<![\w-])(?P<name>{NAME_TOKEN})(?:\s*,[^,\"]{{1,60}}(?:,[^,\"]{{1,20}})?,)?\s+(?:has\s+|had\s+)?$"
        ),
        name_after=re.compile(rf"\s+(?P<name>{NAME_TOKEN})(?=[\s,.;])"),
        role_np=re.compile(
            rf"\b(?:[Tt]he|(?P<country>{lex.country_re.pattern})'s)\s+(?:(?P<adj>{lex.country_re.pattern})\s+)?(?P<noun>(?i:{lex.role_noun_re.pattern}))(?![\w-])(?!\s+{NAME_TOKEN})"
        ),
        known_by_first=known_by_first,
        speech_verb_heads=heads_of(speech_verbs),
        role_np_heads=heads_of(["the"]) | lex.country_heads,
        role_noun_heads=heads_of(lex.role_nouns),
        lone_surnames=frozenset(
            form
            for surname, known in lex.officials_by_surname.items()
            if any(official.alone for official in known)
            for form in (surname, surname + "'s")
        ),
        country_after=re.compile(
            rf"\s+(?:of|in|at)\s+(?:the\s+)?(?P<country>{lex.country_re.pattern})(?:'s)?(?![\w-])"
        ),
        title_posting=re.compile(
            rf"(?:to|in)\s+(?:the\s+)?(?:{lex.country_re.pattern})\s+"
            rf"|for\s+(?:[A-Z][\w-]*,?\s+(?:and\s+)?){{0,5}}(?:{trie_pattern(lex.portfolio_ends)})\s+"
        ),
        # ("The Japanese Foreign Ministry's spokesman, Kenji Yamada")
        country_before=re.compile(rf"(?P<country>{lex.country_re.pattern})(?:'s)?\s+(?:[\w'-]+\s+){{0,3}}$"),
    )


_CAPITALISED = re.compile(NAME_START)
_WORD_GOES_ON = re.compile(r"\w|-\w")
_START, _GROUP = re.Match.start, re.Match.group
HONORIFICS = frozenset({"Mr", "Ms", "Mrs", "Dr"})


def _titled_names(
    text: str,
    words: WordStarts,
    ranges: list[tuple[int, int]],
    token_starts: list[int],
    token_texts: list[str],
    pat: _Patterns,
    lex: Lexicon,
):
    """Yield ``(title, title_start, name, name_start, name_end)`` for each
    name that follows a title: a run of capitalised words (the first three of
    ``token_texts``, which begin at ``token_starts``) that begins right after
    the title, past spaces and commas ("the ministry's spokesman, Kim
    Hye-won"); a middle initial is in the run ("Mary T. Clarke") but not in
    the name. A run takes the first title before one of its words."""
    run_end = 0
    for title in words.finditer_in(pat.title, lex.title_heads, words.low, ranges):
        start, b = title.end(), title.endpos  # (the end of the title's range)
        while start < b and (text[start].isspace() or text[start] == ","):
            start += 1
        if start == title.end() or start < run_end:
            continue
        posting = pat.title_posting.match(text, start, b)  # "ambassador to Seoul Mark Lippert", "... for Asia"
        if posting:
            start = posting.end()
        run = pat.name_run.match(text, start, b)
        if run is None or (text.startswith(".", run.end()) and f"{run.group()}.".lower() in lex.titles):
            continue  # (none, or another title: "Chairman Gen. Oh Dae-sung" names Oh after "Gen.")
        run_end = run.end()
        # The run's words are capitalised words: its first three.
        first = bisect.bisect_left(token_starts, start)
        last = bisect.bisect_left(token_starts, run_end, first, min(first + 3, len(token_starts)))
        name = _clean_name(" ".join(token_texts[first:last]), lex)
        if name:
            parts = name.split()
            name_start = text.index(parts[0], start)
            name_end = text.index(parts[-1], name_start) + len(parts[-1])
            yield title.group().strip(), title.start(), name, name_start, name_end


def _appositions(
    text: str,
    ranges: list[tuple[int, int]],
    token_starts: list[int],
    token_texts: list[str],
    titles: list[int],
    pat: _Patterns,
) -> Iterator[re.Match[str]]:
    """Yield what ``pat.apposition.finditer`` would in each of ``ranges``
    ("Kim You-geun, deputy director of ..."), tried only where a name can
    begin: at the last three capitalised words (``token_starts`` and
    ``token_texts``, in text order) before a comma that
    closes one of them, a comma shortly before a title (at ``titles``)."""
    candidates: set[int] = set()
    for title_at in titles:
        lowest = max(0, title_at - APPOSITION_SPAN)
        comma = text.rfind(",", lowest, title_at)
        # At most "the" and three words stand between the comma and the title.
        while comma >= 0 and len(text[comma + 1 : title_at].split(None, 4)) <= 4:
            last = bisect.bisect_left(token_starts, comma) - 1
            if last >= 0 and token_starts[last] + len(token_texts[last]) == comma:
                first = last  # a name is up to three capitalised words apart by spaces only
                while (
                    first > max(0, last - 2)
                    and text[token_starts[first - 1] + len(token_texts[first - 1]) : token_starts[first]].isspace()
                ):
                    first -= 1
                candidates.update(token_starts[first : last + 1])
            comma = text.rfind(",", lowest, comma)
    range_starts = [a for a, _ in ranges]
    after = 0
    for start in sorted(candidates):
        a, b = ranges[bisect.bisect_right(range_starts, start) - 1]
        if start < after or not a <= start < b:
            continue
        m = pat.apposition.match(text, start, b)
        if m:
            yield m
            after = m.end()


def _runs(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return ``ranges`` (sorted) with those apart by white space only made
    one: no word spans white space, so one scan of a run finds the words a
    scan of each range would."""
    runs: list[tuple[int, int]] = []
    for a, b in ranges:
        if runs and text[runs[-1][1] : a].isspace():
            runs[-1] = (runs[-1][0], b)
        else:
            runs.append((a, b))
    return runs


def _indices_in(items: list[str], wanted: Container[str]) -> list[int]:
    """Return, in order, the indices of ``items`` that are in ``wanted``."""
    return list(compress(range(len(items)), map(wanted.__contains__, items)))


def _name_before(text: str, token_starts: list[int], verb_at: int, pat: _Patterns) -> re.Match[str] | None:
    """The name-like word that is the subject of a verb at ``verb_at``
    ("Shon said", "Sato, for his part, told"): ``name_before`` tried at
    the capitalised words (``token_starts``, sorted) just before the verb."""
    before = text[max(0, verb_at - 40) : verb_at]
    subject_end = before.rstrip()
    if len(subject_end) == len(before):
        return None  # no space before the verb
    if subject_end.endswith(("has", "had")) and subject_end[-4:-3].isspace():
        subject_end = subject_end[:-3].rstrip()
    last = bisect.bisect_left(token_starts, verb_at)
    first = bisect.bisect_left(token_starts, verb_at - SUBJECT_SPAN)
    if not subject_end.endswith(","):
        first = max(first, last - 1)  # no comma clause: the name is the word just before the verb
    for k in range(first, last):
        m = pat.name_before.match(text, token_starts[k], verb_at)
        if m:
            return m
    return None


_GOVERNMENT_NOUNS = (" administration", " government")


def _lone_surnames(
    text: str,
    token_starts: list[int],
    token_texts: list[str],
    persons: dict[str, Person],
    pat: _Patterns,
    lex: Lexicon,
) -> tuple[list[str], set[str]]:
    """Return the surnames that one gazetteer official alone has, none of
    ``persons`` has, and the article writes among its capitalised words
    (``token_texts``, at ``token_starts``): those that stand alone wherever
    they are, and those next to another name somewhere ("Choi Jin-ho": the
    Choi a later "Choi" names may be him)."""
    present = {p.surname for p in persons.values()}
    alone: dict[str, None] = {}  # (in the order met)
    shared: set[str] = set()
    for k in _indices_in(token_texts, pat.lone_surnames):
        surname = token_texts[k].removesuffix("'s")
        if surname in present:
            continue  # (a surname of the article's officials is theirs)
        if text.startswith(_GOVERNMENT_NOUNS, token_starts[k] + len(token_texts[k])):
            continue  # "the Kang administration" names a government, not its leader
        if _next_to_a_name(text, token_starts, token_texts, k, lex):
            shared.add(surname)
        else:
            alone[surname] = None
    return [surname for surname in alone if surname not in shared], shared


def _next_to_a_name(text: str, token_starts: list[int], token_texts: list[str], k: int, lex: Lexicon) -> bool:
    """True when the k-th capitalised word is one space from another that
    can be part of a name (not a word such as "When" or "Minister")."""
    for other in (k - 1, k + 1):
        if 0 <= other < len(token_texts) and token_texts[other] not in lex.not_names:
            first = min(k, other)
            end = token_starts[first] + len(token_texts[first])
            if token_starts[first + 1] == end + 1 and text[end] == " ":
                return True
    return False


_PHRASE_BREAK = re.compile(r"[,.;:\"()]\s*(?=[^,.;:\"()]*$)")


def _phrase_start(text: str, at: int) -> int:
    """Where the phrase that ends at ``at`` begins: after the last mark of
    punctuation within 40 characters before it."""
    window_start = max(0, at - 40)
    mark = _PHRASE_BREAK.search(text, window_start, at)
    return mark.end() if mark else window_start


def _private(phrase: str, lex: Lexicon) -> bool:
    """True when ``phrase`` (the owner of a title) names a company, business
    group, university or think tank (``private_bodies`` in language.yaml)."""
    return not lex.private_bodies.isdisjoint(phrase.replace("'s", "").split())


def _country_before(
    text: str, start: int, end: int, mentions: list[Mention], resolver: _Resolver, pat: _Patterns, lex: Lexicon
) -> str | None:
    """The country a title at ``end`` belongs to, as the words before it
    (from ``start``) say: a country word ("Japan's trade minister") or an
    official of the article with "'s" ("Kang Min-ho's chief of staff")."""
    country = pat.country_before.search(text, start, end)
    if country:
        return lex.country_of[country.group("country")]
    apostrophe = text.rfind("'s", start, end)
    if apostrophe < 0 or text[apostrophe + 2 : end].strip(" ,"):
        return None
    for mention in reversed(mentions[-LOOKBACK:]):  # (the owner was named just now)
        if mention.end == apostrophe:
            return resolver.persons[mention.person].country
    return None


def _country_of_role(role: str, lex: Lexicon) -> str | None:
    """The country that alone has ``role`` ("Secretary of State"), with or
    without a rank before it; None for a role that many countries have."""
    rank, _, rest = role.partition(" ")
    return lex.country_of_role.get(role) or (lex.country_of_role.get(rest) if rank in lex.title_ranks else None)


def _clean_name(name: str, lex: Lexicon) -> str:
    tokens = name.split()
    if tokens and tokens[-1].endswith("'s"):
        tokens[-1] = tokens[-1][:-2]  # "Sato's office": the name is Sato
    while tokens and tokens[-1] in lex.not_names:
        tokens.pop()
    while tokens and tokens[0] in lex.not_names:
        tokens.pop(0)
    return " ".join(tokens)


def _surname_of(name: str) -> tuple[str, str]:
    tokens = name.split()
    if len(tokens) > 1 and "-" in tokens[-1] and "-" not in tokens[0]:
        return tokens[0], " ".join(tokens[1:])  # "Han Ji-woo": family name first
    return tokens[-1], " ".join(tokens[:-1])


def _person(known: KnownOfficial, day: dt.date) -> Person:
    """The gazetteer's official as an article of ``day`` presents them: with the role held then."""
    return Person(known.name, known.role_on(day), known.country, known.surname, known.given)


def surname_names(lex: Lexicon, surname: str, day: dt.date, role: str | None = None) -> KnownOfficial | None:
    """The one gazetteer official a surname alone names on ``day``: of
    those who bear it, the one who held ``role`` then (a title before the
    name: "President Kang"), else the one in office then; None when there is
    none or no one alone."""
    if surname not in lex.officials_by_surname:
        return None  # (most words are no one's surname)
    return _surname_names(surname, day, role)


@lru_cache(maxsize=4096)
def _surname_names(surname: str, day: dt.date, role: str | None) -> KnownOfficial | None:
    known = lexicon().officials_by_surname.get(surname, [])
    if role is not None:
        titled = [o for o in known if o.offices and (o.role_on(day) or "").lower() == role.lower()]
        if len(titled) == 1:
            return titled[0]
    known = [o for o in known if o.in_office(day)]
    return known[0] if len(known) == 1 else None


class _Resolver:
    """Resolves a name as written to a person of this article or the gazetteer."""

    def __init__(self, lex: Lexicon, day: dt.date):
        self.lex = lex
        self.day = day
        self.persons: dict[str, Person] = {}
        self.shared_surnames: set[str] = set()  # borne by another name in the article too

    def add(self, person: Person) -> Person:
        return self.persons.setdefault(person.name, person)

    def known(self, official: KnownOfficial) -> Person:
        """The article's person for a gazetteer official (made on first need)."""
        return self.persons.get(official.name) or self.add(_person(official, self.day))

    def exact(self, name: str) -> Person | None:
        known = self.lex.official_by_key.get(name.lower())
        if known:
            return self.known(known)
        return self.persons.get(name)

    def token(self, token: str, fuzzy: bool, role: str | None = None) -> Person | None:
        """One token: a surname or given name of a person in the article, else
        a surname that names one official of the gazetteer on the article's
        date (the holder of ``role``, the title before it, first); fuzzily
        when ``fuzzy``."""
        for person in self.persons.values():
            if token in (person.surname, person.given):
                return person
        if token not in self.shared_surnames:
            official = surname_names(self.lex, token, self.day, role)
            if official is not None:
                return self.known(official)
        if not fuzzy:
            return None
        from rapidfuzz import fuzz

        best, best_score = None, 0.0
        for person in self.persons.values():
            for part in (person.surname, person.given):
                score = fuzz.ratio(token.lower(), part.lower()) if part else 0
                if score > best_score:
                    best, best_score = person, score
        return best if best_score >= FUZZY_TOKEN else None

    def full(self, name: str) -> Person | None:
        found = self.exact(name)
        if found or " " not in name:
            return found or self.token(name, fuzzy=False)
        from rapidfuzz import fuzz, process, utils

        choices = {o.name: o for o in self.lex.officials} | {a: o for o in self.lex.officials for a in o.aliases}
        # token_sort_ratio: "Sato Hiroshi" (family name first) is Hiroshi Sato; the processor
        # lower-cases and makes hyphens spaces: "Park Ji Min" is Park Ji-min.
        for match, _, _ in process.extract(
            name, list(choices), scorer=fuzz.token_sort_ratio, processor=utils.default_process, score_cutoff=FUZZY_NAME
        ):
            if _syllables_agree(name, match):
                return self.known(choices[match])
        for person in self.persons.values():
            score = fuzz.token_sort_ratio(name, person.name, processor=utils.default_process)
            if score >= FUZZY_NAME and _syllables_agree(name, person.name):
                return person
        return None


FUZZY_SYLLABLE = 75  # each part of a name against its best fit in the other


def _syllables_agree(written: str, known: str) -> bool:
    """True when every part of two names (split at spaces and hyphens) has a
    close fit in the other: "Choi Jin-hoo" is Choi Jin-ho, but "Yoo
    Min-seok" is not Yoo Min-soo, though the names as a whole are close."""
    from rapidfuzz import fuzz

    a, b = written.lower().replace("-", " ").split(), known.lower().replace("-", " ").split()
    if len(a) != len(b):
        return True  # ("Kang Minho" for Kang Min-ho: the whole name decides)
    return all(max(fuzz.ratio(part, other) for other in b) >= FUZZY_SYLLABLE for part in a)


def find_officials(
    text: str,
    ranges: list[tuple[int, int]],
    quotes: list[tuple[int, int]],
    exclude_names: set[str],
    words: WordStarts,
    published: dt.date,
) -> tuple[dict[str, Person], list[Mention], list[RoleMention]]:
    """Return the officials of one article, their mentions, and the offices
    it names without naming who held them ("Japan's foreign minister").
    ``text`` is the folded clean text, ``ranges`` the spans to read (not
    bylines or credits), ``quotes`` the spans inside quotation marks
    (sorted), ``exclude_names`` names that are not officials (the byline's
    reporters), ``words`` the word starts of the text, ``published`` the
    date whose office holders and roles apply."""
    lex, pat = lexicon(), _patterns()
    resolver = _Resolver(lex, published)
    mentions: list[Mention] = []
    taken = bytearray(len(text))
    quote_starts = [a for a, _ in quotes]

    def in_quote(pos: int) -> bool:
        k = bisect.bisect_right(quote_starts, pos) - 1
        return k >= 0 and quotes[k][0] < pos < quotes[k][1]

    def free(start: int, end: int) -> bool:
        return taken.find(1, start, end) < 0

    def add(person: Person, start: int, end: int, how: str) -> None:
        if not free(start, end):
            return
        taken[start:end] = b"\x01" * (end - start)
        mention = Mention(person.name, text[start:end], start, end, how, in_quote(start))
        mentions.append(mention)
        if mention.text != person.name and how != "role":
            person.aliases.add(mention.text)

    # Capitalised words, found once: names are looked up among them.
    capitalised = list(chain.from_iterable([_CAPITALISED.finditer(text, a, b) for a, b in _runs(text, ranges)]))
    token_starts, token_texts = list(map(_START, capitalised)), list(map(_GROUP, capitalised))
    # 1. Full names of known officials.
    for k in _indices_in(token_texts, pat.known_by_first):
        start = token_starts[k]
        for name in pat.known_by_first[token_texts[k]]:
            end = start + len(name)
            if text.startswith(name, start) and not _WORD_GOES_ON.match(text, end):
                add(resolver.exact(name), start, end, "name")  # type: ignore[arg-type]
                break
    # The gazetteer's surnames of officials not named in full, and whether they stand alone.
    alone, resolver.shared_surnames = _lone_surnames(text, token_starts, token_texts, resolver.persons, pat, lex)
    # 2. Title + name: "Defense Minister Hiroshi Sato", "spokesperson Han Ji-woo".
    for title, title_start, name, start, end in _titled_names(text, words, ranges, token_starts, token_texts, pat, lex):
        if name in exclude_names:
            continue
        title_role = lex.titles[" ".join(title.lower().split())]
        person = resolver.full(name) if " " in name else resolver.token(name, fuzzy=True, role=title_role)
        if person is None and _private(text[_phrase_start(text, title_start) : title_start], lex):
            continue  # "Acme Motors Vice Chairman Yoo Min-seok" is no official
        if person is None:
            surname, given = _surname_of(name)
            country = _country_before(text, max(0, title_start - 60), title_start, mentions, resolver, pat, lex)
            person = resolver.add(
                Person(name, title_role, country or _country_of_role(title_role, lex), surname, given)
            )
        add(person, start, end, "title")
    # 2b. Name, then title in apposition: "Kim You-geun, deputy director of ...".
    for m in _appositions(text, ranges, token_starts, token_texts, words.at(lex.title_heads), pat):
        name = _clean_name(m.group("name"), lex)
        if not name or name in exclude_names or not free(m.start("name"), m.start("name") + len(name)):
            continue
        if " " not in name:  # one word: only a known official ("Stilwell, the top U.S. diplomat")
            person = resolver.token(name, fuzzy=False)
            if person is not None:
                add(person, m.start("name"), m.start("name") + len(name), "title")
            continue
        person = resolver.full(name)
        if person is None and _private(text[m.end("title") : m.end("title") + APPOSITION_SPAN].split(",", 1)[0], lex):
            continue  # "Yoo Min-seok, vice chairman of Acme Motors"
        if person is None:
            surname, given = _surname_of(name)
            role = lex.titles[" ".join(m.group("title").lower().split())]
            country = _country_before(text, m.start("name"), m.start("title"), mentions, resolver, pat, lex)
            after = pat.country_after.match(text, m.end("title"))  # "deputy director of South Korea's ..."
            if country is None and after:
                country = lex.country_of[after.group("country")]
            person = resolver.add(Person(name, role, country or _country_of_role(role, lex), surname, given))
        start = m.start("name") + m.group("name").index(name)
        add(person, start, start + len(name), "title")
    # 3. "his counterpart, Choi Jin-hoo": a name to resolve, no role given.
    range_starts = [a for a, _ in ranges]
    at = text.find("counterpart")
    while at >= 0:
        k = bisect.bisect_right(range_starts, at) - 1  # (the range it is in, if any)
        counterpart_match = pat.counterpart.match(text, at, ranges[k][1]) if k >= 0 and at < ranges[k][1] else None
        name = _clean_name(counterpart_match.group("name"), lex) if counterpart_match else ""
        person = resolver.full(name) if name else None
        if counterpart_match and person:
            start = counterpart_match.start("name") + counterpart_match.group("name").index(name)
            add(person, start, start + len(name), "name")
        at = text.find("counterpart", at + 11)
    # 3b. A gazetteer official named by surname alone ("Sato and Kang met").
    present = {p.surname for p in resolver.persons.values()}
    for surname in alone:
        official = surname_names(lex, surname, published) if surname not in present else None
        if official is not None and official.alone:
            resolver.known(official)
    # 4. Surnames and given names of the article's officials, and honorifics.
    people = list(resolver.persons.values())
    parts = {p.surname: p for p in people} | {p.given: p for p in people if p.given and " " not in p.given}
    if parts:
        # Only a part, or a word after an honorific, can be a mention.
        after_honorific = [k + 1 for k in _indices_in(token_texts, HONORIFICS) if k + 1 < len(token_texts)]
        spelled = set(parts) | {part + "'s" for part in parts}
        for k in sorted({*_indices_in(token_texts, spelled), *after_honorific}):
            start, token = token_starts[k], token_texts[k]
            word = token[:-2] if token.endswith("'s") else token
            previous = token_texts[k - 1] if k else ""
            previous_end = token_starts[k - 1] + len(previous) if k else -1
            if previous in HONORIFICS and text[previous_end:start] in (". ", " "):  # "Mr. Han"
                person = resolver.token(word, fuzzy=True)
                if person:
                    add(person, previous_end - len(previous), start + len(word), "honorific")
            elif word in parts:
                add(parts[word], start, start + len(word), "surname")

    # 5. A name-like word where a speaker stands ("Shon said", "said Shon",
    #    "according to Shon"): resolved fuzzily against the article's officials.
    def may_be_new(k: int) -> bool:  # the k-th capitalised word: can it still be a new mention?
        return (
            token_texts[k] not in lex.not_names and token_texts[k] not in exclude_names and not taken[token_starts[k]]
        )

    for verb in words.finditer_in(pat.speech_verb, pat.speech_verb_heads, text, ranges):
        at = verb.start()
        # (The subject is among the capitalised words shortly before the verb.)
        before = range(bisect.bisect_left(token_starts, at - SUBJECT_SPAN), bisect.bisect_left(token_starts, at))
        subjects = [_name_before(text, token_starts, at, pat) if any(map(may_be_new, before)) else None]
        if verb.group() in lex.direct_verbs:  # (only these take a subject after them)
            subjects.append(pat.name_after.match(text, verb.end()))
        for candidate in subjects:
            if candidate is None:
                continue
            token = candidate.group("name")
            if (
                token in lex.not_names
                or token in exclude_names
                or not free(candidate.start("name"), candidate.end("name"))
            ):
                continue
            person = resolver.token(token, fuzzy=True)
            if person:
                add(person, candidate.start("name"), candidate.end("name"), "fuzzy")
    # 6. Anaphors: "the minister", "Seoul's defense minister".
    named = sorted((x for x in mentions if not x.in_quote), key=lambda x: x.start)
    named_ends = [x.end for x in named]
    # ("The" is everywhere: tried only where a role noun follows closely.)
    unnamed: list[RoleMention] = []
    for m in words.finditer_in(pat.role_np, pat.role_np_heads, text, ranges, (pat.role_noun_heads, ROLE_NP_SPAN)):
        roles = lex.role_nouns[m.group("noun").lower()]
        country_word = m.group("country") or m.group("adj")
        country = lex.country_of.get(country_word) if country_word else None
        k = bisect.bisect_right(named_ends, m.start())
        candidates = [resolver.persons[x.person] for x in reversed(named[max(0, k - LOOKBACK) : k])] + people
        for person in candidates:
            if (
                person.role
                and any(r.lower() in person.role.lower() for r in roles)
                and (country is None or person.country == country)
            ):
                add(person, m.start(), m.end(), "role")
                break
        else:
            office = _unnamed_office(text, m, roles, country, published, lex)
            if office is not None and not in_quote(m.start()):
                unnamed.append(office)
    mentions.sort(key=lambda x: x.start)
    used = {m.person for m in mentions if m.how != "role"}
    persons = {name: p for name, p in resolver.persons.items() if name in used}
    return persons, [m for m in mentions if m.person in used], unnamed


def _unnamed_office(
    text: str, m: re.Match[str], roles: list[str], country: str | None, day: dt.date, lex: Lexicon
) -> RoleMention | None:
    """The office a title with no name stands for ("Japan's foreign
    minister", "the South Korean defense minister"), when the title names one
    role and its country is said or the role is one country's alone; None
    for a title too vague to stand for one office ("the minister")."""
    if len(roles) != 1 or " " not in roles[0] and country is None:
        return None
    role = roles[0]
    country = country or _country_of_role(role, lex)
    if country is None:
        return None
    official = holder(lex, country, role, day)
    phrase = text[m.start() : m.end()]
    if phrase[:4].lower() == "the ":
        phrase = phrase[4:]
    return RoleMention(phrase, m.start(), m.end(), role, country, official.name if official else None)
