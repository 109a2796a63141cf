"""Where each word begins in an article, found in one pass over its
lower-cased text. A pattern that can only begin with certain words (a title,
a reporting verb, a claim term) is then tried at those places alone instead
of being run across the whole article: each such scan costs tens of
microseconds in Python's regex engine, the lookups almost nothing."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from gsomia_cli.textfold import non_ascii

_WORD = re.compile(r"\w+")


class _NonWordToSpace(dict):
    r"""A str.translate table, filled as characters are met: a character that
    is no word character (r"\w": alphanumeric or "_") becomes a space."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        self[code] = char if char.isalnum() or char == "_" else " "
        return self[code]


_SPACES = _NonWordToSpace()


def _ascii_spaced(low: str) -> str:
    """Return ``low`` with every non-ASCII character that is no word
    character (dashes, symbols) made a space: text with no other non-ASCII
    left then takes the fast ASCII path of str.translate."""
    if low.isascii():
        return low
    for char in set(non_ascii(low)):
        if _SPACES[ord(char)] == " ":
            low = low.replace(char, " ")
    return low


# Every distinct word met in any text, in the order met: a pattern's
# prefixes are checked once against each (news vocabulary is soon seen).
_VOCABULARY: list[str] = []
_MET: set[str] = set()


@dataclass
class _Expansion:
    words: set[str] = field(default_factory=set)  # words met that begin with a prefix
    checked: int = 0  # how many of _VOCABULARY have been checked


@dataclass(frozen=True, eq=False)  # hashed by identity: looked up once per pattern and article
class Heads:
    """What every match of a pattern begins with: one of ``words`` (whole
    lower-case words) or a word that starts with one of ``prefixes``."""

    words: frozenset[str]
    prefixes: tuple[str, ...] = ()
    _expansion: _Expansion = field(default_factory=_Expansion, init=False, repr=False)

    def __or__(self, other: Heads) -> Heads:
        return Heads(self.words | other.words, tuple(sorted(set(self.prefixes) | set(other.prefixes))))

    def prefixed(self) -> set[str]:
        """Return the words met so far that begin with one of ``prefixes``."""
        expansion = self._expansion
        if expansion.checked < len(_VOCABULARY):
            for word in _VOCABULARY[expansion.checked :]:
                if word.startswith(self.prefixes):
                    expansion.words.add(word)
            expansion.checked = len(_VOCABULARY)
        return expansion.words


def heads_of(phrases: Iterable[str]) -> Heads:
    """Return the heads of a list of plain phrases: their first words, lower-cased."""
    words = set()
    for phrase in phrases:
        first = _WORD.match(phrase.lower())
        if first is None:
            raise ValueError(f"a phrase that does not begin with a word: {phrase!r}")
        words.add(first.group())
    return Heads(frozenset(words))


def head_of_literal(literal: str, whole: bool) -> Heads | None:
    """Return the heads of a pattern whose matches begin with ``literal``
    (None when that is not a word): its first word, whole when the literal
    goes on past it or ``whole`` says the word ends with the literal."""
    first = _WORD.match(literal.lower())
    if first is None:
        return None
    word = first.group()
    if whole or first.end() < len(literal):
        return Heads(frozenset({word}))
    return Heads(frozenset(), (word,))


class WordStarts:
    """The start of every word of one lower-cased text (``low``), by word."""

    def __init__(self, low: str):
        self.low = low
        # Every non-word character made a space, then one split on spaces: far
        # faster than a regex match per word. A word is what r"\w+" matches.
        positions: dict[str, list[int]] = {}
        at = 0
        for word in _ascii_spaced(low).translate(_SPACES).split(" "):
            if word:
                found = positions.get(word)
                if found is None:
                    positions[word] = [at]
                else:
                    found.append(at)
            at += len(word) + 1
        self.positions = positions
        self._cache: dict[Heads, list[int]] = {}
        self._words: set[str] | None = None  # the distinct words, made when first needed

    def at(self, heads: Heads) -> list[int]:
        """Return, sorted, where a word of ``heads`` begins."""
        found = self._cache.get(heads)
        if found is None:
            found = []
            positions = self.positions
            for word in heads.words & positions.keys():
                found += positions[word]
            if heads.prefixes:
                if self._words is None:
                    self._words = set(positions)
                    new = self._words - _MET
                    _MET.update(new)
                    _VOCABULARY.extend(new)
                for word in heads.prefixed() & self._words:  # (a set & a set: the smaller one is walked)
                    if word not in heads.words:
                        found += positions[word]
            found.sort()
            self._cache[heads] = found
        return found

    def finditer(
        self,
        pattern: re.Pattern[str],
        heads: Heads,
        text: str,
        start: int = 0,
        end: int | None = None,
        near: tuple[Heads, int] | None = None,
    ) -> list[re.Match[str]]:
        """Return what ``pattern.finditer(text, start, end)`` would yield (``end``
        not inside a word), for a pattern each of whose matches begins with
        one of ``heads`` and, when ``near`` is ``(other_heads, distance)``,
        has a word of ``other_heads`` beginning at most ``distance``
        characters after its start."""
        return self.finditer_in(pattern, heads, text, [(start, len(text) if end is None else end)], near)

    def finditer_in(
        self,
        pattern: re.Pattern[str],
        heads: Heads,
        text: str,
        ranges: list[tuple[int, int]],
        near: tuple[Heads, int] | None = None,
    ) -> list[re.Match[str]]:
        """Return what :meth:`finditer` would yield for each of ``ranges``
        (sorted, not overlapping) in turn, found in one pass."""
        out: list[re.Match[str]] = []
        if not ranges:
            return out
        found = self.at(heads)
        if near:
            found = self._near(found, *near)
        r, (a, b) = 0, ranges[0]
        after = a
        for i in range(bisect.bisect_left(found, a), len(found)):
            at = found[i]
            while at >= b:  # on to the range that can hold it
                r += 1
                if r == len(ranges):
                    return out
                a, b = ranges[r]
            if at < a or at < after:
                continue
            m = pattern.match(text, at, b)
            if m:
                out.append(m)
                after = m.end() if m.end() > at else at + 1
        return out

    def _near(self, found: list[int], heads: Heads, distance: int) -> list[int]:
        """Those of ``found`` (sorted) that a word of ``heads`` follows by at
        most ``distance`` characters; looked up from the rarer side."""
        others = self.at(heads)
        if len(others) >= len(found):
            out = []
            for at in found:
                k = bisect.bisect_right(others, at)
                if k < len(others) and others[k] - at <= distance:
                    out.append(at)
            return out
        kept: set[int] = set()
        for other in others:
            kept.update(found[bisect.bisect_left(found, other - distance) : bisect.bisect_left(found, other)])
        return sorted(kept)
