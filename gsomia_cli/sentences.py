"""Sentence splitting for news English, with offsets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from gsomia_cli.quotemarks import quote_spans
from gsomia_cli.resources import load_data
from gsomia_cli.textfold import fold


@dataclass(slots=True)  # many per article: cheap to create
class Sentence:
    """A sentence: ``clean[start:end] == text``; ``kind`` is its paragraph's
    kind and ``paragraph`` that paragraph's index."""

    start: int
    end: int
    text: str
    paragraph: int
    kind: str


_END = re.compile(r"[.!?]+[\"')\]]*(?=\s)")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")  # "U.S.", "N."


@dataclass(frozen=True)
class _Lexicon:
    abbreviations: frozenset[str]
    starters: frozenset[str]
    attribution: re.Pattern[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    lang = load_data("language.yaml")
    verbs = sorted({v for v in lang["reporting_verbs"]["direct"] if " " not in v}, key=len, reverse=True)
    # "... enough." Mr. Ko said.  -- a short clause naming who spoke.
    attribution = re.compile(r"(?:(?:[A-Z][\w'-]*\.?|the|a|an|he|she|they)\s+){1,5}(?:" + "|".join(verbs) + r")[.!?]")
    return _Lexicon(frozenset(lang["abbreviations"]), frozenset(lang["sentence_starters"]), attribution)


def _is_boundary(text: str, m: re.Match[str], lex: _Lexicon) -> bool:
    rest = text[m.end() : m.end() + 120].lstrip()
    if not rest:
        return False
    first = rest[0]
    if not (first.isupper() or first.isdigit() or first in "\"'("):
        return False
    word_start = text.rfind(" ", max(0, m.start() - 40), m.start()) + 1
    word = text[word_start : m.start() + 1]
    punct = m.group()
    if punct.startswith(".") and len(punct) == 1:
        next_word = rest.split(None, 1)[0].strip("\"'(")
        if word in lex.abbreviations or _INITIALS.fullmatch(word):
            # "U.S." may still end a sentence before an obvious sentence start.
            return word.count(".") > 1 and next_word in lex.starters and len(word) > 2
    if '"' in punct and lex.attribution.match(rest):
        return False
    return True


def _marks(text: str) -> list[int]:
    """Where a sentence-final mark stands in ``text``, sorted: where every
    match of ``_END`` begins (a few C-level finds beat a regex scan)."""
    out = []
    for mark in ".!?":
        at = text.find(mark)
        while at >= 0:
            out.append(at)
            at = text.find(mark, at + 1)
    out.sort()
    return out


def split_paragraph(
    text: str, folded: str | None = None, quotes: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences of one paragraph, white
    space trimmed. No sentence ends inside a closed quotation. ``folded``
    and ``quotes`` are ``fold(text)`` and ``quote_spans(text)`` when known."""
    folded = fold(text) if folded is None else folded
    lex = _lexicon()
    spans = [(a, b) for a, b in (quote_spans(text) if quotes is None else quotes) if b < len(text)]
    opens = [a for a, _ in spans]
    bounds = [0]
    after = 0
    for at in _marks(folded):
        m = _END.match(folded, at) if at >= after else None
        if m is None:
            continue
        after = m.end()
        k = bisect.bisect_right(opens, m.start()) - 1
        if k >= 0 and spans[k][0] < m.start() and m.end() <= spans[k][1]:
            continue  # inside a quotation
        if _is_boundary(folded, m, lex):
            bounds.append(m.end())
    bounds.append(len(text))
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg.rstrip())
        if trail > lead:
            out.append((a + lead, a + trail))
    return out
