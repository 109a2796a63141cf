"""The story's key claims, recognised by the rules in ``data/claims.yaml``."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from gsomia_cli.dates import DateExpr
from gsomia_cli.regexlit import has_top_level_alternative, leading_group, leading_literal
from gsomia_cli.resources import load_data
from gsomia_cli.sentences import Sentence
from gsomia_cli.wordstarts import Heads, WordStarts, head_of_literal


@dataclass(frozen=True)
class TermGroup:
    """Terms of which one must be in the sentence."""

    pattern: re.Pattern[str]
    heads: Heads | None  # the words every match begins with (None: any word)


@dataclass(frozen=True)
class ClaimRule:
    value: Any
    groups: tuple[TermGroup, ...]  # every group must match one sentence
    unless: re.Pattern[str] | None = None  # ... and none of these terms be in it


@dataclass(frozen=True)
class ClaimDef:
    """One claim of the catalog."""

    id: str
    description: str
    kind: str  # date | choice | flag | text
    rules: tuple[ClaimRule, ...] = ()
    order: tuple[Any, ...] = ()
    anchor: TermGroup | None = None
    context: re.Pattern[str] | None = None
    window: int = 5
    countdown: re.Pattern[str] | None = None
    capture: re.Pattern[str] | None = None
    capture_heads: Heads | None = None  # the words every capture begins with (None: any)


@dataclass(slots=True)  # many per article: cheap to create
class ClaimHit:
    """An article's value for a claim, with the sentence that gives it."""

    claim: str
    value: Any
    sentence: int  # index into the article's sentences


def _terms(terms: list[str]) -> re.Pattern[str]:
    # Written in lower case and matched against lower-cased text: much faster
    # than a case-insensitive regex.
    return re.compile(r"(?<!\w)(?<!\w-)(?:" + "|".join(f"(?:{t})" for t in terms) + r")(?!\w|-\w)")


def _group(terms: list[str]) -> TermGroup:
    heads: Heads | None = Heads(frozenset())
    for term in terms:
        head = term_heads(term)
        heads = heads | head if heads is not None and head is not None else None
    return TermGroup(_terms(terms), heads)


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


@cache
def catalog() -> tuple[ClaimDef, ...]:
    """Return the claim definitions, in catalog order."""
    out = []
    for cid, spec in (load_data("claims.yaml").get("claims") or {}).items():
        kind = spec.get("kind", "flag")
        rules = tuple(
            ClaimRule(
                rule.get("value", True),
                tuple(_group(group) for group in rule.get("all", [])),
                _terms(rule["none"]) if rule.get("none") else None,
            )
            for rule in spec.get("rules", [])
        )
        out.append(
            ClaimDef(
                id=cid,
                description=" ".join(str(spec.get("description", "")).split()),
                kind=kind,
                rules=rules,
                order=tuple(spec.get("order", [])),
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


def _date_values(claim: ClaimDef, text: str, sentence: Sentence, here: list[DateExpr], words: WordStarts) -> list[str]:
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
    for d in here:
        # The nearest anchor before the date has the fewest words between: it alone decides.
        k = bisect.bisect_right(anchor_ends, d.start) - 1
        gap = d.start - anchor_ends[k] if k >= 0 else -1
        near = (
            0 <= gap <= MAX_ANCHOR_GAP and len(text[anchor_ends[k] : d.start].split(None, claim.window)) <= claim.window
        )
        if near or (d.countdown and claim.countdown and claim.countdown.search(d.text)):
            values.append(d.value)
    return values


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
    for claim in catalog():
        found: dict[Any, int] = {}
        if claim.kind == "date" and claim.anchor is not None:
            for i in _sentences_where_all((claim.anchor,), text, sentences, starts, body, words):
                s = sentences[i]
                if claim.context is not None and not claim.context.search(text, s.start, s.end):
                    continue
                here = dates[bisect.bisect_left(date_starts, s.start) : bisect.bisect_left(date_starts, s.end)]
                for value in _date_values(claim, text, s, here, words):
                    found.setdefault(value, i)
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
                    first = _sentences_where_all(
                        rule.groups, text, sentences, starts, body, words, first_only=True, unless=rule.unless
                    )
                    if first:
                        found[rule.value] = first[0]
        if claim.kind == "choice" and found:
            ranked = sorted(found, key=lambda v: claim.order.index(v) if v in claim.order else len(claim.order))
            found = {ranked[0]: found[ranked[0]]}
        if found:
            hits.extend(ClaimHit(claim.id, value, i) for value, i in sorted(found.items(), key=lambda kv: kv[1]))
    return hits
