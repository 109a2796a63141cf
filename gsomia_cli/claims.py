"""The story's key claims, recognised by the rules in ``data/claims.yaml``."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from gsomia_cli.dates import DateExpr
from gsomia_cli.lexicon import trie_pattern
from gsomia_cli.regexlit import has_top_level_alternative, leading_group, leading_literal
from gsomia_cli.resources import DataError, load_data
from gsomia_cli.sentences import Sentence
from gsomia_cli.wordstarts import Heads, WordStarts, head_of_literal


@dataclass(frozen=True)
class TermGroup:
    """Terms of which one must be in the sentence."""

    pattern: re.Pattern[str]
    heads: Heads | None  # the words every match begins with (None: any word)
    actor: bool = False  # a match after a preposition ("with the US") does not count


@dataclass(frozen=True)
class ClaimRule:
    """A frame: slots of terms that must all be in one sentence."""

    value: Any
    groups: tuple[TermGroup, ...]  # every group must match one sentence
    unless: re.Pattern[str] | None = None  # ... and none of these terms be in it
    name: str = ""  # what the frame means
    slots: tuple[str, ...] = ()  # each group's slot name
    carry: frozenset[int] = frozenset()  # groups that may be in the sentence before it


@dataclass(frozen=True)
class ClaimDef:
    """One claim of the catalog."""

    id: str
    description: str
    kind: str  # date | choice | flag | text
    rules: tuple[ClaimRule, ...] = ()
    compare: str = "state"  # fact | framing | state: how `gsomia compare` sets articles against each other
    order: tuple[Any, ...] = ()
    anchor: TermGroup | None = None
    context: re.Pattern[str] | None = None
    window: int = 5
    countdown: re.Pattern[str] | None = None
    capture: re.Pattern[str] | None = None
    capture_heads: Heads | None = None  # the words every capture begins with (None: any)


@dataclass(slots=True)  # many per article: cheap to create
class ClaimHit:
    """An article's value for a claim, with the sentence that gives it, and
    the frame that fired (:func:`frame_words` tells the words of its slots)."""

    claim: str
    value: Any
    sentence: int  # index into the article's sentences
    frame: str = ""


_ESCAPE = re.compile(r"\\(.)")


_PLAIN = re.compile(r"(?:[^\\.^$*+?{}\[\]|()]|\\[^\w])*")  # no regex operator that is not escaped


def _plain(term: str) -> str | None:
    """The text a term matches when it is plain text (escaped or not), else None."""
    return _ESCAPE.sub(r"\1", term) if _PLAIN.fullmatch(term) else None


# A group with a quantifier inside that is itself repeated ("(a+)+"): catastrophic backtracking.
_NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)(?:[+*]|\{\d*,\})")


def _terms(terms: list[str]) -> re.Pattern[str]:
    for term in terms:
        if not isinstance(term, str):
            raise DataError(f"claims.yaml: a term must be text, not {term!r}")
        if _NESTED_QUANTIFIER.search(term):
            raise DataError(f"claims.yaml: term {term!r} repeats a repeated group (it could take forever); rewrite it")
    # Written in lower case and matched against lower-cased text: much faster
    # than a case-insensitive regex. The terms that are plain text go in one
    # trie (tried in a few steps), the others as they are.
    plain = [p for p in map(_plain, terms) if p is not None]
    others = [t for t in terms if _plain(t) is None]
    alternatives = ([trie_pattern(plain)] if plain else []) + others
    return re.compile(r"(?<!\w)(?<!\w-)(?:" + "|".join(f"(?:{t})" for t in alternatives) + r")(?!\w|-\w)")


def _group(terms: list[str], actor: bool = False) -> TermGroup:
    heads: Heads | None = Heads(frozenset())
    for term in terms:
        head = term_heads(term)
        heads = heads | head if heads is not None and head is not None else None
    return TermGroup(_terms(terms), heads, actor)


# A preposition before an actor's term, which makes it no actor ("cooperation with the US").
_GOVERNED = re.compile(r"\b(?:with|to|from|of|for|between|against|on|in|at|into|toward|towards)\s+(?:the\s+)?$")


def _in_sentence(group: TermGroup, text: str, a: int, b: int, found: list[int] | None) -> bool:
    """True when a term of ``group`` is in ``text[a:b]`` (tried at ``found``,
    where its head words begin, when known); for an actor, one that no
    preposition governs and that is no possessive."""
    if found is None:
        matches: Any = group.pattern.finditer(text, a, b)
    else:
        matches = (
            group.pattern.match(text, at, b)
            for at in found[bisect.bisect_left(found, a) : bisect.bisect_left(found, b)]
        )
    for m in matches:
        if m is None:
            continue
        if not group.actor:
            return True
        if _GOVERNED.search(text, max(a, m.start() - 16), m.start()) or text.startswith("'s ", m.end()):
            continue  # ("with the US", "Washington's displeasure": no act of Washington's)
        return True
    return False


# Literal text, then one optional literal character ("re-?examine").
_LITERAL_CHARACTER = r"(?:[A-Za-z0-9 ',-]|\\[^A-Za-z0-9])"
_OPTIONAL_CHARACTER = re.compile(rf"({_LITERAL_CHARACTER}*)({_LITERAL_CHARACTER})\?(?![?*+{{])")


def term_heads(term: str) -> Heads | None:
    """Return the words every match of regular expression ``term`` begins
    with, or None when that cannot be told simply."""
    optional = _OPTIONAL_CHARACTER.match(term)
    if optional and not has_top_level_alternative(term):
        # "re-?examine": a match begins as with the character or as without it.
        rest = term[optional.end() :]
        with_it = term_heads(optional.group(1) + optional.group(2) + rest)
        without = term_heads(optional.group(1) + rest)
        return with_it | without if with_it is not None and without is not None else None
    literal = leading_literal(term)
    if literal:
        # A term that is all literal text ends its first word where it ends.
        return head_of_literal(literal, whole=literal == term)
    group = leading_group(term)
    if group is None or has_top_level_alternative(term) or group[1][:1] in ("*", "{"):
        return None
    alternatives, rest = group
    if rest[:1] == "?":  # an optional group: a match begins with it or with what follows it
        heads = term_heads(rest.lstrip("?"))
        if heads is None:
            return None
        for alternative in alternatives:
            literal = leading_literal(alternative)
            head = literal and head_of_literal(literal, whole=literal != alternative or alternative.endswith(" "))
            if not head:
                return None
            heads = heads | head
        return heads
    heads = Heads(frozenset())
    for alternative in alternatives:
        literal = leading_literal(alternative)
        # An alternative that is all literal text ends its first word where the group ends.
        head = literal and head_of_literal(literal, whole=literal == alternative and rest[:1] in ("", " "))
        if not head:
            return None
        heads = heads | head
    return heads


RULE_KEYS = frozenset({"name", "value", "none", "carry", "all"})  # a frame's keys that are no slot


def vocabularies() -> dict[str, list[str]]:
    """Return the named term lists frames refer to as ``$name``: those of
    claims.yaml, and one per country of the story built from language.yaml
    and the gazetteer ($south_korea, $japan, $united_states: its names and
    bodies, and its officials' names)."""
    from gsomia_cli.lexicon import lexicon

    lex = lexicon()
    lang = load_data("language.yaml")
    out: dict[str, list[str]] = {}
    for country in ("South Korea", "Japan", "United States"):
        words = set(lang["countries"].get(country, []))
        words |= {phrase for phrase, label in lex.body_of.items() if label == country}
        for official in lex.officials:
            if official.country == country:
                words |= {official.name, *official.aliases} | ({official.surname} if official.alone else set())
        # No possessives ("Japan's": an actor's "'s" is looked at after the name).
        out["$" + country.lower().replace(" ", "_")] = sorted(
            {re.escape(w.lower()) for w in words if w and not w.endswith("'s")}
        )
    for name, terms in (load_data("claims.yaml").get("vocabulary") or {}).items():
        out["$" + str(name)] = [str(t) for t in terms]
    return out


def _expand(terms: list[Any], vocabulary: dict[str, list[str]], where: str) -> list[str]:
    """``terms`` with each ``$name`` replaced by the terms it names."""
    out: list[str] = []
    for term in terms:
        text = str(term)
        if text.startswith("$"):
            if text not in vocabulary:
                raise DataError(f"claims.yaml: {where}: unknown vocabulary {text!r}")
            out.extend(vocabulary[text])
        else:
            out.append(text)
    return out


def _rule(rule: dict[str, Any], vocabulary: dict[str, list[str]], where: str) -> ClaimRule:
    """A frame of claims.yaml as a rule: its slots in order (or ``all``)."""
    if "all" in rule:
        slots = [(str(n + 1), group) for n, group in enumerate(rule["all"])]
    else:
        slots = [(str(key), terms) for key, terms in rule.items() if key not in RULE_KEYS]
    names = tuple(name for name, _ in slots)
    carry = frozenset(names.index(str(c)) for c in rule.get("carry") or () if str(c) in names)
    return ClaimRule(
        rule.get("value", True),
        tuple(_group(_expand(list(terms), vocabulary, where), name == "who") for name, terms in slots),
        _terms(_expand(list(rule["none"]), vocabulary, where)) if rule.get("none") else None,
        str(rule.get("name") or ""),
        names,
        carry,
    )


# How a claim of each kind is compared unless claims.yaml says (`compare:`).
DEFAULT_COMPARE = {"date": "fact", "text": "fact", "choice": "framing", "flag": "state"}


@cache
def catalog() -> tuple[ClaimDef, ...]:
    """Return the claim definitions, in catalog order; a definition that
    cannot be used raises :class:`DataError` naming the claim."""
    claims = load_data("claims.yaml").get("claims") or {}
    if not isinstance(claims, dict):
        raise DataError("claims.yaml: `claims` must be a mapping of claim ids to definitions")
    try:
        return _catalog(claims)
    except DataError:
        raise
    except (re.error, TypeError, AttributeError, KeyError, ValueError) as exc:
        raise DataError(f"claims.yaml: a claim definition cannot be used: {type(exc).__name__}: {exc}") from None


def _catalog(claims: dict[str, Any]) -> tuple[ClaimDef, ...]:
    out = []
    vocabulary = vocabularies()
    for cid, spec in claims.items():
        if not isinstance(spec, dict):
            raise DataError(f"claims.yaml: {cid}: a claim must be a mapping (description, kind, rules)")
        kind = spec.get("kind", "flag")
        compare = str(spec.get("compare") or DEFAULT_COMPARE.get(kind, "state"))
        if compare not in DEFAULT_COMPARE.values():
            raise DataError(f"claims.yaml: {cid}: compare must be fact, framing or state, not {compare!r}")
        rules = tuple(_rule(rule, vocabulary, f"{cid}, rule {n + 1}") for n, rule in enumerate(spec.get("rules", [])))
        out.append(
            ClaimDef(
                id=cid,
                description=" ".join(str(spec.get("description", "")).split()),
                kind=kind,
                rules=rules,
                compare=compare,
                order=tuple(spec.get("order", [True, False] if kind == "flag" else [])),
                anchor=_group(spec["anchor"]) if spec.get("anchor") else None,
                context=_terms(spec["context"]) if spec.get("context") else None,
                window=int(spec.get("window", 5)),
                countdown=_terms(spec["countdown"]) if spec.get("countdown") else None,
                capture=re.compile(spec["capture"], re.IGNORECASE) if spec.get("capture") else None,
                capture_heads=term_heads(spec["capture"].lower()) if spec.get("capture") else None,
            )
        )
    return tuple(out)


MAX_ANCHOR_GAP = 400  # characters from an anchor to its date: more than any window of words


def _date_values(
    claim: ClaimDef, text: str, sentence: Sentence, here: list[DateExpr], words: WordStarts
) -> list[DateExpr]:
    anchor = claim.anchor
    if not here or anchor is None:
        return []
    if anchor.heads is None:
        anchors = list(anchor.pattern.finditer(text, sentence.start, sentence.end))
    else:
        anchors = words.finditer(anchor.pattern, anchor.heads, text, sentence.start, sentence.end)
    if not anchors:
        return []
    values = []
    anchor_ends = [a.end() for a in anchors]  # (sorted: anchors do not overlap)
    anchor_starts = {a.start() for a in anchors}
    dated: set[int] = set()  # the anchors a date after them was taken for
    for d in here:
        # The nearest anchor before the date has the fewest words between: it alone decides,
        # and only its first date ("expire on Saturday, three months after ..." is Saturday).
        k = bisect.bisect_right(anchor_ends, d.start) - 1
        gap = d.start - anchor_ends[k] if k >= 0 and k not in dated else -1
        near = False
        if 0 <= gap <= MAX_ANCHOR_GAP:
            between = text[anchor_ends[k] : d.start]
            named = _PACT_NAMED.match(between)  # ("the termination of their General Security ... at midnight on")
            between = between[named.end() :] if named else between
            near = len(between.split(None, claim.window)) <= claim.window
            if near and not d.vague:
                dated.add(k)
        # Or just before an anchor: "the Nov. 23 expiry".
        before = d.end + 1 in anchor_starts and text[d.end : d.end + 1] == " "
        if near or before or (d.countdown and claim.countdown and claim.countdown.search(d.text)):
            values.append(d)
    return values


# The pact's name after an anchor ("of their General Security of Military Information Agreement
# (GSOMIA)"): no word of the window between the anchor and its date.
_PACT_NAMED = re.compile(
    r"\s*of\s+(?:the|their|its)\s+(?:[\w-]+\s+){0,8}?(?:agreement|pact|accord|deal|gsomia)(?:\s*\([\w-]+\))?"
)


def _sentences_where_all(
    groups: tuple[TermGroup, ...],
    text: str,
    sentences: list[Sentence],
    starts: list[int],
    body: set[int],
    words: WordStarts,
    first_only: bool = False,
    unless: re.Pattern[str] | None = None,
) -> list[int]:
    """Return the body sentences, in order, where every group has a term and
    ``unless`` finds none (the first of them only when ``first_only``); tried
    only where a head word of the group with the fewest begins. ``text`` is
    lower-cased, ``words`` its word starts, ``starts`` the sentences' starts."""
    found_at: list[list[int] | None] = []  # where each group's head words begin
    for group in groups:
        found = None if group.heads is None else words.at(group.heads)
        if found is not None and not found:
            return []  # a group none of whose words is in the article
        found_at.append(found)
    headed = [found for found in found_at if found is not None]
    if headed:
        rarest = min(headed, key=len)
        candidates = sorted({bisect.bisect_right(starts, at) - 1 for at in rarest} & body)
    else:
        candidates = sorted(body)
    out = []
    for i in candidates:
        a, b = sentences[i].start, sentences[i].end
        for group, found in zip(groups, found_at, strict=True):
            if group.actor:
                if not _in_sentence(group, text, a, b, found):
                    break
                continue
            if found is None:
                if group.pattern.search(text, a, b) is None:
                    break
                continue
            k = bisect.bisect_left(found, a)
            while k < len(found) and found[k] < b:
                if group.pattern.match(text, found[k], b):
                    break
                k += 1
            else:
                break  # no term of this group in the sentence
        else:
            if unless is not None and unless.search(text, a, b):
                continue
            out.append(i)
            if first_only:
                break
    return out


def find_claims(text: str, sentences: list[Sentence], dates: list[DateExpr], words: WordStarts) -> list[ClaimHit]:
    """Return each claim's values in one article (folded clean ``text``, its
    ``words``), one hit per distinct value with its first evidence sentence."""
    original, text = text, words.low
    starts = [s.start for s in sentences]
    body = {i for i, s in enumerate(sentences) if s.kind == "body"}
    date_starts = [d.start for d in dates]  # dates come in text order

    hits: list[ClaimHit] = []
    frames: dict[Any, ClaimRule] = {}  # the frame that gave each value
    for claim in catalog():
        found: dict[Any, int] = {}
        vague: dict[Any, int] = {}
        if claim.kind == "date" and claim.anchor is not None:
            for i in _sentences_where_all((claim.anchor,), text, sentences, starts, body, words):
                s = sentences[i]
                if claim.context is not None and not claim.context.search(text, s.start, s.end):
                    continue
                here = dates[bisect.bisect_left(date_starts, s.start) : bisect.bisect_left(date_starts, s.end)]
                for d in _date_values(claim, text, s, here, words):
                    if d.vague:
                        vague.setdefault(d.value, i)
                    else:
                        found.setdefault(d.value, i)
            if not found:  # ("due to expire at midnight": only when no day is named)
                found = vague
        elif claim.kind == "text" and claim.capture:
            captures: Any
            if claim.capture_heads is None:
                captures = claim.capture.finditer(original)
            else:
                captures = words.finditer(claim.capture, claim.capture_heads, original)
            for m in captures:
                k = bisect.bisect_right(starts, m.start()) - 1
                if k in body:
                    found.setdefault(" ".join(m.group(1).split()), k)
        else:
            for rule in claim.rules:
                if rule.groups and rule.value not in found:
                    i = _first_sentence(rule, text, sentences, starts, body, words)
                    if i >= 0:
                        found[rule.value] = i
                        frames[rule.value] = rule
        if claim.kind in ("choice", "flag") and found:
            ranked = sorted(found, key=lambda v: claim.order.index(v) if v in claim.order else len(claim.order))
            found = {ranked[0]: found[ranked[0]]}
        for value, i in sorted(found.items(), key=lambda kv: kv[1]):
            rule_of = frames.get(value)
            if rule_of is None:
                hits.append(ClaimHit(claim.id, value, i, _KIND_FRAMES.get(claim.kind, "")))
            else:
                hits.append(ClaimHit(claim.id, value, i, rule_of.name))
        frames.clear()
    return hits


# A pronoun as the source named at a sentence's end: "The issues are separate, he said."
_TAIL_ANAPHOR = re.compile(r",\s+(?:he|she|they)\s+[a-z]+(?:\s+[a-z]+)?\s*[.!]?$")
CARRY_SPAN = 60  # a carried slot is looked for in the opening of the sentence before (its subject)
_KIND_FRAMES = {"date": "the pact's end and a date near it", "text": "the pact's full name"}


def _first_sentence(
    rule: ClaimRule, text: str, sentences: list[Sentence], starts: list[int], body: set[int], words: WordStarts
) -> int:
    """The first body sentence where ``rule`` fires, or -1: every slot has a
    term in it, or a carried slot in the opening of the body sentence before
    it when this one opens by pointing back to that one ("He urged ...") or
    names a pronoun as its source at its end ("..., he said.")."""
    first = _sentences_where_all(rule.groups, text, sentences, starts, body, words, True, rule.unless)
    whole = first[0] if first else -1
    if not rule.carry:
        return whole
    # Sentences before that one that point back, with the other slots of their own.
    pointing = {i for i in body if (whole < 0 or i < whole) and i - 1 in body and _points_back(text, sentences[i])}
    if not pointing:
        return whole
    own = tuple(g for n, g in enumerate(rule.groups) if n not in rule.carry)
    carried = [g for n, g in enumerate(rule.groups) if n in rule.carry]
    for i in _sentences_where_all(own, text, sentences, starts, pointing, words, False, rule.unless):
        # ("Clarke met Sato. He urged both sides ...": the subject of the sentence before)
        before = sentences[i - 1]
        opening = min(before.end, before.start + CARRY_SPAN)
        if all(_in_sentence(g, text, before.start, opening, None) for g in carried):
            return i
    return whole


def _points_back(text: str, sentence: Sentence) -> bool:
    """True when ``sentence`` opens with an anaphor or names a pronoun as its source at its end."""
    return bool(_anaphors().match(text, sentence.start) or _TAIL_ANAPHOR.search(text, sentence.start, sentence.end))


@cache
def _anaphors() -> re.Pattern[str]:
    """Words that point back to the sentence before (claims.yaml ``anaphors``),
    matched where a sentence begins (its subject)."""
    return _terms([str(t) for t in load_data("claims.yaml").get("anaphors") or ["he", "she", "it", "they"]])


def frame_words(claim_id: str, frame: str, sentence: str, before: str = "") -> tuple[str, ...]:
    """ "slot: words" for each slot of the frame named ``frame`` of claim
    ``claim_id`` in ``sentence`` (or in ``before``, the sentence before it,
    for a carried slot): which words made the frame fire. Empty for a claim
    with no such frame (dates, names)."""
    rule = next((r for c in catalog() if c.id == claim_id for r in c.rules if r.name == frame), None)
    if rule is None:
        return ()
    low, low_before = sentence.lower(), before.lower()
    out = []
    for n, (slot, group) in enumerate(zip(rule.slots, rule.groups, strict=True)):
        m = group.pattern.search(low)
        if m is None and n in rule.carry:
            m = group.pattern.search(low_before)
        out.append(f"{slot}: {m.group() if m else ''}")
    return tuple(out)
