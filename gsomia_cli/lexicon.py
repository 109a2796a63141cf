"""Compiled forms of the knowledge in ``data/language.yaml`` and
``data/officials.yaml``, built once per process."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from gsomia_cli.resources import load_data
from gsomia_cli.wordstarts import Heads, heads_of


def trie_pattern(words: Iterable[str], ignore_case: bool = False) -> str:
    """Return a regex source matching any of ``words``, with common prefixes
    factored out (a trie), which the regex engine tries far faster than a
    flat list of alternatives. Longer words win over their prefixes."""
    trie: dict[str, dict] = {}
    for word in set(words):
        node = trie
        for ch in word.lower() if ignore_case else word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie) or "(?!)"


def alternation(words: list[str] | set[str], flags: int = 0, edge: bool = True) -> re.Pattern[str]:
    """Return a regex matching any of ``words`` (the longest where several
    fit), on word edges unless ``edge`` is False."""
    body = trie_pattern(words, bool(flags & re.IGNORECASE))
    return re.compile(rf"(?<!\w)(?<!\w-){body}(?!\w|-\w)" if edge else body, flags)


@dataclass(frozen=True)
class Office:
    """An office held from ``start`` to ``end`` (None: open)."""

    role: str
    start: dt.date | None
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        """True when the office was held on ``day``."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class KnownOfficial:
    """An official from the gazetteer."""

    name: str
    role: str | None
    country: str | None
    surname: str
    given: str
    aliases: tuple[str, ...]
    offices: tuple[Office, ...] = ()
    alone: bool = True  # the surname alone may name them (not "Price")

    def role_on(self, day: dt.date) -> str | None:
        """The role held on ``day``: the office that covers it, else ``role``."""
        for office in self.offices:
            if office.covers(day):
                return office.role
        return self.role

    def in_office(self, day: dt.date) -> bool:
        """True when an office covers ``day``, or none is known."""
        return not self.offices or any(office.covers(day) for office in self.offices)


@dataclass(frozen=True)
class Lexicon:
    titles: dict[str, str]  # lower-case title -> role
    title_re: re.Pattern[str]
    role_nouns: dict[str, list[str]]
    role_noun_re: re.Pattern[str]
    country_of: dict[str, str]  # country word -> country
    country_of_role: dict[str, str]  # a role that one country alone has -> that country
    title_ranks: frozenset[str]  # "Deputy", "Vice": ranks before a title
    portfolio_ends: list[str]  # "Affairs": the last word of "for Political Affairs" after a title
    private_bodies: frozenset[str]  # words that make a title's owner a company or a university
    country_re: re.Pattern[str]
    body_of: dict[str, str]  # folded lower-case phrase -> body label
    body_re: re.Pattern[str]
    anonymous_head_re: re.Pattern[str]
    anonymous_mods_re: re.Pattern[str]
    anonymous_listed_mod_re: re.Pattern[str]  # one modifier of the list, at a word's start
    anonymous_qual_re: re.Pattern[str]
    pronoun_re: re.Pattern[str]
    not_names: frozenset[str]
    clause_verbs: frozenset[str]
    object_verbs: frozenset[str]
    direct_verbs: frozenset[str]
    leading_cues: frozenset[str]  # "according to", "According to"
    clause_verb_re: re.Pattern[str]
    direct_verb_re: re.Pattern[str]
    not_a_clause: frozenset[str]
    noun_markers: frozenset[str]  # words after which a verb's form is a noun
    auxiliaries: frozenset[str]  # finite verbs that make a clause of what stands before "that"
    negations: tuple[str, ...]  # what before a reporting verb says nothing was said, with its space
    negation_ends: frozenset[str]  # their last two characters (a cheap test first)
    audience_re: re.Pattern[str]  # whom "told" reports to, with the white space before it
    hearers: tuple[str, ...]  # audiences and news agencies
    trailing_phrases: tuple[str, ...]  # what may follow a trailing cue's verb ("in a statement")
    participle_re: re.Pattern[str]  # "adding", "saying" (on folded text)
    participle_cues: frozenset[str]
    participle_objects: frozenset[str]  # participles whose noun-phrase object is what was said
    participle_infinitives: frozenset[str]  # participles that take someone and an infinitive
    noun_verbs: frozenset[str]  # verbs whose noun-phrase object is what was said
    infinitive_verbs: frozenset[str]  # verbs whose infinitive is what was said
    speech_nouns: frozenset[str]  # "claims" of "its claims that ..."
    institution_names: dict[str, str]  # lower-case long name -> the name it goes by ("Foreign Ministry")
    source_aside_re: re.Pattern[str]  # ", citing " before whom a source cites
    relative_re: re.Pattern[str]  # " who" that opens a relative clause
    news_agencies: frozenset[str]  # body labels that are news agencies
    media: frozenset[str]  # body labels that are news outlets (agencies, papers, broadcasters)
    officials: tuple[KnownOfficial, ...]
    official_by_key: dict[str, KnownOfficial]  # lower-case name/alias -> official
    officials_by_surname: dict[str, list[KnownOfficial]]
    holders: dict[tuple[str, str], list[tuple[KnownOfficial, Office]]]  # (country, lower-case role) -> terms
    # The first words of the phrases above, to find them by (see wordstarts).
    title_heads: Heads
    country_heads: Heads
    body_heads: Heads
    anonymous_head_heads: Heads
    pronoun_heads: Heads
    clause_verb_heads: Heads
    clause_verb_last_words: frozenset[str]  # the words clause_verb_re's matches end with
    direct_verb_heads: Heads
    participle_heads: Heads


def _day(value: Any) -> dt.date | None:
    """A gazetteer date (YAML gives a date; a string is read as ISO)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def holder(lex: Lexicon, country: str | None, role: str, day: dt.date) -> KnownOfficial | None:
    """The official of the gazetteer who held ``role`` in ``country`` on
    ``day`` (any country when None, if only one country's holder fits);
    None when there is none, or several."""
    found = {
        official.name: official
        for (where, what), terms in lex.holders.items()
        if what == role.lower() and (country is None or where == country)
        for official, office in terms
        if office.covers(day)
    }
    return next(iter(found.values())) if len(found) == 1 else None


NAME_TOKEN = r"[A-Z][a-zA-Z']+(?:-[a-zA-Z]+)?"
# A capitalised word that starts a word (same as (?<![\w-]) before it), the
# test placed after its first letter so that the engine can skip ahead fast.
NAME_START = r"[A-Z](?<!\w.)(?<!\w-.)[a-zA-Z']+(?:-[a-zA-Z]+)?"


def _ranked_titles(titles: dict[str, str], ranks: list[str]) -> dict[str, str]:
    """Return the titles (lower case) with their roles, and each title but an
    abbreviation with each rank before it ("deputy secretary of state": "Deputy
    Secretary of State"), unless the table gives that one a role itself."""
    out = {t.lower(): role for t, role in titles.items()}
    for rank in ranks:
        for title, role in titles.items():
            if not title.endswith(".") and not title.lower().startswith(rank.lower() + " "):
                out.setdefault(f"{rank} {title}".lower(), f"{rank} {role}")
    return out


@cache
def lexicon() -> Lexicon:
    """Return the compiled lexicon."""
    lang = load_data("language.yaml")
    titles = _ranked_titles(lang["titles"], lang.get("title_ranks", []))
    country_of = {w: c for c, words in lang["countries"].items() for w in words}
    body_of = {p.lower(): label for label, phrases in lang["bodies"].items() for p in phrases}
    heads = lang["anonymous_heads"]
    mods = lang["anonymous_modifiers"]
    institution = "(?:" + trie_pattern(lang["source_institutions"]) + ")"
    # An anonymous source is found from its head noun; the modifiers before
    # it and the qualifier after it are matched from there (fast).
    anonymous_mods = re.compile(
        r"(?<![\w-])(?:(?:"
        + trie_pattern(mods, ignore_case=True)
        + r"|(?-i:[A-Z][\w.&-]*))\s+){1,5}$",  # also proper nouns: "a senior State Department official"
        re.IGNORECASE,
    )
    places = trie_pattern([w for w in country_of if not w.endswith("'s")])
    verbs = lang["reporting_verbs"]
    # The words of a qualifier ("of the ... ministry") are no reporting verb ("in Tokyo said the government").
    verb_words = trie_pattern(sorted({v for group in verbs.values() for v in group if " " not in v}))
    anonymous_qual = re.compile(
        r"\s+(?:(?:of|close to|at|from|in|with|for|familiar with)\s+(?:the\s+)?"
        + rf"(?:(?-i:(?!(?:{verb_words})\s))[\w'.-]+\s+){{0,5}}?"  # (lower case: "United States" is no verb)
        + institution
        + r"|(?:in|from)\s+(?-i:"
        + places
        + r")|"
        + trie_pattern(lang["source_knowledge"], ignore_case=True)  # "familiar with the matter"
        + r")(?![\w-])",
        re.IGNORECASE,
    )
    # A cue that leads its sentence is capitalised there ("According to Jeong, ...").
    leading_cues = {form for cue in lang["leading_cues"] for form in (cue, cue[:1].upper() + cue[1:])}
    clause_verbs = set(verbs["clause"]) | set(verbs["object"]) | set(verbs.get("infinitive", [])) | leading_cues
    hearers = [*lang.get("audiences", []), *lang.get("news_agencies", [])]  # ("told reporters", "told Reuters")
    officials = []
    by_key: dict[str, KnownOfficial] = {}
    holders: dict[tuple[str, str], list[tuple[KnownOfficial, Office]]] = {}
    for item in load_data("officials.yaml").get("officials", []):
        name = item["name"]
        parts = name.split()
        surname = item.get("surname") or (parts[0] if item.get("family_first") else parts[-1])
        given = " ".join(p for p in parts if p != surname)
        offices = tuple(
            Office(str(o["role"]), _day(o.get("from")), _day(o.get("to"))) for o in item.get("offices") or ()
        )
        official = KnownOfficial(
            name,
            item.get("role") or (offices[-1].role if offices else None),
            item.get("country"),
            surname,
            given,
            tuple(item.get("aliases") or ()),
            offices,
            item.get("alone", True) is not False,
        )
        officials.append(official)
        for key in (name, *official.aliases):
            by_key[key.lower()] = official
        for office in offices:
            holders.setdefault((official.country or "", office.role.lower()), []).append((official, office))
    by_surname: dict[str, list[KnownOfficial]] = {}
    for official in officials:
        by_surname.setdefault(official.surname, []).append(official)
    return Lexicon(
        titles=titles,
        title_re=alternation(list(titles), re.IGNORECASE),
        role_nouns={k.lower(): v for k, v in lang["role_nouns"].items()},
        role_noun_re=alternation(list(lang["role_nouns"]), re.IGNORECASE),
        country_of=country_of,
        country_of_role=dict(lang.get("role_countries") or {}),
        title_ranks=frozenset(lang.get("title_ranks", [])),
        portfolio_ends=list(lang.get("portfolio_ends", [])),
        private_bodies=frozenset(lang.get("private_bodies", [])),
        country_re=alternation(list(country_of)),
        body_of=body_of,
        body_re=alternation(list(body_of)),  # these three run on lower-cased text
        anonymous_head_re=alternation([h.lower() for h in heads]),
        anonymous_mods_re=anonymous_mods,
        anonymous_listed_mod_re=re.compile(r"(?:" + trie_pattern(mods, ignore_case=True) + r")\s", re.IGNORECASE),
        anonymous_qual_re=anonymous_qual,
        pronoun_re=alternation([p.lower() for p in lang["pronouns"]]),
        not_names=frozenset(lang["not_names"]),
        clause_verbs=frozenset(verbs["clause"]),
        object_verbs=frozenset(verbs["object"]),
        direct_verbs=frozenset(verbs["direct"]) | leading_cues,
        leading_cues=frozenset(leading_cues),
        clause_verb_re=alternation(clause_verbs),
        direct_verb_re=alternation(set(verbs["direct"]) | leading_cues),
        not_a_clause=frozenset(lang["not_a_clause"]),
        noun_markers=frozenset(lang.get("noun_markers", [])),
        auxiliaries=frozenset(lang.get("auxiliaries", [])),
        negations=tuple(f"{n} " for n in lang.get("negations", [])),
        negation_ends=frozenset(f"{n} "[-2:] for n in lang.get("negations", [])),
        audience_re=re.compile(r"\s+(?:" + trie_pattern(hearers) + r")(?![\w-])"),
        hearers=tuple(hearers),
        trailing_phrases=tuple(lang.get("trailing_phrases", [])),
        news_agencies=frozenset(lang.get("news_agencies", [])),
        media=frozenset(lang.get("news_agencies", [])) | frozenset(lang.get("media", [])),
        officials=tuple(officials),
        official_by_key=by_key,
        officials_by_surname=by_surname,
        holders=holders,
        title_heads=heads_of(titles),
        country_heads=heads_of(country_of),
        body_heads=heads_of(body_of),
        anonymous_head_heads=heads_of(heads),
        pronoun_heads=heads_of(lang["pronouns"]),
        clause_verb_heads=heads_of(clause_verbs),
        clause_verb_last_words=frozenset(v.split()[-1].lower() for v in clause_verbs),
        direct_verb_heads=heads_of(verbs["direct"]),
        participle_re=alternation(
            [form for p in lang.get("participle_cues", []) for form in (p, p[:1].upper() + p[1:])]
        ),  # (capitalised: "Calling the pact vital, Matsuno said ...")
        participle_cues=frozenset(lang.get("participle_cues", [])),
        participle_objects=frozenset(lang.get("participle_objects", [])),
        participle_infinitives=frozenset(lang.get("participle_infinitives", [])),
        noun_verbs=frozenset(verbs.get("noun", [])),
        infinitive_verbs=frozenset(verbs.get("infinitive", [])),
        speech_nouns=frozenset(lang.get("speech_nouns", [])),
        institution_names={k.lower(): v for k, v in (lang.get("institution_names") or {}).items()},
        relative_re=re.compile(r"\s(?:" + trie_pattern(lang["relative_pronouns"]) + r")\b"),
        source_aside_re=re.compile(r",\s+(?:" + trie_pattern(lang.get("source_asides", ["citing"])) + r")\s+$"),
        participle_heads=heads_of(
            [form for p in lang.get("participle_cues", []) for form in (p, p[:1].upper() + p[1:])]
        ),
    )
