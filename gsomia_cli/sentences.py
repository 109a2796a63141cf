"""Sentence splitting for news English, with offsets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from gsomia_cli.quotemarks import quote_spans
from gsomia_cli.resources import load_data
from gsomia_cli.textfold import char_positions, fold


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
# A full stop with no space after it, between a word and a capitalised one: the
# sentence still ends ("...Seoul-Tokyo ties.According to the ministry, ..."),
# though not after one letter ("U.S.Army", "p.m.Friday").
_UNSPACED_END = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][a-z])")
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


def _is_boundary(text: str, m: re.Match[str], lex: _Lexicon, start: int, end: int) -> bool:
    """True when the sentence-final mark ``m`` in the paragraph
    ``text[start:end]`` ends a sentence."""
    rest = text[m.end() : min(m.end() + 120, end)].lstrip()
    if not rest:
        return False
    first = rest[0]
    if not (first.isupper() or first.isdigit() or first in "\"'("):
        return False
    if m.group().startswith("...") and text[m.start() - 1 : m.start()] == ",":
        return False  # ",... GSOMIA, the pact": a pause (transcripts), not an end
    space = text.rfind(" ", max(start, m.start() - 40), m.start())
    word = text[space + 1 if space >= 0 else start : m.start() + 1]
    punct = m.group()
    if punct.startswith(".") and len(punct) == 1:
        next_word = rest.split(None, 1)[0].strip("\"'(")
        if word in lex.abbreviations or _INITIALS.fullmatch(word):
            # "U.S." may still end a sentence before an obvious sentence start.
            return word.count(".") > 1 and next_word in lex.starters and len(word) > 2
    if '"' in punct and lex.attribution.match(rest):
        return False
    return True


def split_paragraph(
    text: str, folded: str | None = None, quotes: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences of one paragraph, white
    space trimmed. No sentence ends inside a closed quotation. ``folded``
    and ``quotes`` are ``fold(text)`` and ``quote_spans(text)`` when known."""
    folded = fold(text) if folded is None else folded
    quotes = quote_spans(text) if quotes is None else quotes
    return split_text(text, folded, quotes, [(0, len(text))])[0]


MAX_SENTENCE = 2_000  # characters: a run with no sentence end is cut here (records carry their sentence)
_CLAUSE_BREAK = re.compile(r"[;,:]\s|\s")


def _bounded(text: str, bounds: list[int]) -> list[tuple[int, int]]:
    """The spans between ``bounds``, each longer than MAX_SENTENCE cut into
    pieces at the last clause mark (or else space) before the bound, so
    that no record carries a sentence of unbounded length."""
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        while b - a > MAX_SENTENCE:
            window = text[a + MAX_SENTENCE // 2 : a + MAX_SENTENCE]
            cut = max((m.end() for m in _CLAUSE_BREAK.finditer(window) if m.group()[0] in ";,:"), default=-1)
            if cut < 0:
                cut = window.rfind(" ") + 1
            end = a + MAX_SENTENCE // 2 + cut if cut > 0 else a + MAX_SENTENCE
            out.append((a, end))
            a = end
        out.append((a, b))
    return out


def split_text(
    text: str, folded: str, quotes: list[tuple[int, int]], paragraphs: list[tuple[int, int]]
) -> list[list[tuple[int, int]]]:
    """Return, for each paragraph ``text[start:end]`` of ``paragraphs``, the
    spans of its sentences as :func:`split_paragraph` gives them (offsets
    into ``text``), in one pass over the whole text. ``folded`` is
    ``fold(text)``, ``quotes`` the paragraphs' quotation spans, sorted (a
    quote left open ends with its paragraph)."""
    lex = _lexicon()
    marks = char_positions(folded, ".!?")  # where every match of _END begins
    opens = [a for a, _ in quotes]
    out = []
    for p_start, p_end in paragraphs:
        bounds = [p_start]
        after = p_start
        for i in range(bisect.bisect_left(marks, p_start), bisect.bisect_left(marks, p_end)):
            if marks[i] < after:
                continue
            m = _END.match(folded, marks[i], p_end) or _UNSPACED_END.match(folded, marks[i], p_end)
            if m is None:
                continue
            after = m.end()
            k = bisect.bisect_right(opens, m.start()) - 1
            if k >= 0 and quotes[k][0] < m.start() and m.end() <= quotes[k][1] < p_end:
                continue  # inside a closed quotation
            if m.re is _UNSPACED_END:
                bounds.append(m.end())
            elif _is_boundary(folded, m, lex, p_start, p_end):
                # A mark that opens the next quotation ('...," Abe told reporters." Japan
                # will ...') begins the next sentence: the quotation is one.
                q = bisect.bisect_left(opens, m.start())
                bounds.append(opens[q] if q < len(opens) and opens[q] < m.end() else m.end())
        bounds.append(p_end)
        spans = []
        for a, b in _bounded(text, bounds):
            seg = text[a:b]
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg.rstrip())
            if trail > lead:
                spans.append((a + lead, a + trail))
        out.append(spans)
    return out
