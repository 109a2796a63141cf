"""Statements across outlets: the same words of one speaker, told by several
articles, grouped into one statement with the renderings' differences."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from gsomia_cli.records import QuoteRecord
from gsomia_cli.textfold import fold_key

SAME_STATEMENT = 60  # similarity (0-100) at which two renderings are one statement
SAME_ARTICLE = 85  # within one article, only a near-repeat is the same statement
SHORT_WORDS = 4  # below this many words, renderings must be nearly equal


def similarity(a: str, b: str) -> float:
    """Return how alike two renderings are, 0-100 (word order and a few
    changed words matter little; short texts must match closely)."""
    from rapidfuzz import fuzz

    fa, fb = fold_key(a).strip(" .,\"'"), fold_key(b).strip(" .,\"'")
    if not fa or not fb:
        return 0.0
    if min(len(fa.split()), len(fb.split())) < SHORT_WORDS:
        return fuzz.ratio(fa, fb)
    return max(fuzz.token_sort_ratio(fa, fb), fuzz.ratio(fa, fb))


_NEGATIONS = frozenset({"not", "no", "never", "neither", "nor", "none", "nothing", "cannot", "without"})
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


_NOT_A_NEGATION = re.compile(r"\b(?:not only|not just|not merely|no doubt|no matter)\b")  # ("not only X but Y")


def _negated(text: str) -> bool:
    words = _NOT_A_NEGATION.sub(" ", fold_key(text).replace("n't", " not")).split()
    return any(w.strip(".,;:!?\"'()") in _NEGATIONS for w in words)


def _parties(text: str) -> set[str]:
    """The countries a rendering names (language.yaml's ``countries``:
    "Tokyo" and "Japan" are one party)."""
    from gsomia_cli.lexicon import lexicon

    lex = lexicon()
    return {lex.country_of[m.group()] for m in lex.country_re.finditer(text)}


def opposition(a: str, b: str) -> str | None:
    """Why two similar renderings cannot be one statement, or None: one is
    negated and the other not ("We are not yet close" / "We are close"),
    they give different numbers, or each names a party the other does not
    ("Japan must move first" / "Seoul must move first")."""
    if _negated(a) != _negated(b):
        return "negation"
    numbers_a, numbers_b = set(_NUMBER.findall(a)), set(_NUMBER.findall(b))
    if numbers_a and numbers_b and numbers_a != numbers_b:
        return "number"
    parties_a, parties_b = _parties(a), _parties(b)
    if parties_a - parties_b and parties_b - parties_a:
        return "named party"
    return None


def opposed(a: str, b: str) -> bool:
    """True when two similar renderings cannot be one statement (see :func:`opposition`)."""
    return opposition(a, b) is not None


@dataclass(frozen=True)
class WordDiff:
    """One step of a word-level diff: ``op`` is equal, delete (only in the
    first), insert (only in the second) or replace."""

    op: str
    a: str
    b: str


def word_diff(a: str, b: str) -> list[WordDiff]:
    """Return the word-level differences between renderings ``a`` and ``b``."""
    wa, wb = a.split(), b.split()
    matcher = difflib.SequenceMatcher(a=[fold_key(w) for w in wa], b=[fold_key(w) for w in wb], autojunk=False)
    return [WordDiff(op, " ".join(wa[i1:i2]), " ".join(wb[j1:j2])) for op, i1, i2, j1, j2 in matcher.get_opcodes()]


@dataclass
class Statement:
    """One statement of one speaker: its renderings (quote records) in the
    articles that carry it, and when each article says it was made."""

    group: int
    speaker: str
    renderings: list[QuoteRecord] = field(default_factory=list)
    # Statements of the same speaker worded alike but opposed (group -> why: negation, number, named party):
    # one remark that outlets report in contradicting ways.
    conflicts: dict[int, str] = field(default_factory=dict)

    @property
    def articles(self) -> list[str]:
        return sorted({r.article for r in self.renderings})


def statements_of(extractions: Sequence[Any]) -> list[Statement]:
    """Return every speaker's statements, renderings of one statement grouped
    (same speaker, similar wording), numbered from 1 in order of first
    rendering. ``extractions``: anything with ``quotes`` (an Extraction, a
    Coverage)."""
    by_speaker: dict[str, list[QuoteRecord]] = {}
    for ex in extractions:
        for q in ex.quotes:
            if q.speaker:
                by_speaker.setdefault(q.speaker, []).append(q)
    statements: list[Statement] = []
    for speaker, quotes in by_speaker.items():
        groups: list[Statement] = []
        known: dict[str, Statement] = {}  # a wording already grouped: its group (copies repeat it)
        for q in quotes:
            key = fold_key(q.text)
            best = known.get(key)
            if best is None:
                # Join the most similar group whose first rendering is close enough;
                # comparing with the first rendering keeps groups from drifting.
                best_score = 0.0
                for group in groups:
                    first = group.renderings[0]
                    need = SAME_ARTICLE if first.article == q.article else SAME_STATEMENT
                    score = similarity(first.text, q.text)
                    if score >= need and score > best_score and not opposed(first.text, q.text):
                        best, best_score = group, score
            if best is None:
                best = Statement(0, speaker, [q])
                groups.append(best)
            else:
                best.renderings.append(q)
            known.setdefault(key, best)
        statements.extend(groups)
    for n, statement in enumerate(statements, 1):
        statement.group = n
    for k, one in enumerate(statements):
        for other in statements[k + 1 :]:
            if other.speaker != one.speaker:
                continue
            a, b = one.renderings[0].text, other.renderings[0].text
            why = opposition(a, b) if similarity(a, b) >= SAME_STATEMENT else None
            if why:
                one.conflicts[other.group] = why
                other.conflicts[one.group] = why
    return statements
