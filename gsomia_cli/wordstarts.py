"""Where each word begins in an article, found in one pass over its
lower-cased text. A pattern that can only begin with certain words (a title,
a reporting verb, a claim term) is then tried at those places alone instead
of being run across the whole article: each such scan costs tens of
microseconds in Python's regex engine, the lookups almost nothing."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

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


def _words(low: str) -> list[str]:
    """Return the words of ``low`` split at each non-word character: a word
    is what r"\\w+" matches, and each non-word character leaves an empty
    string (so that a word begins where the lengths before it add up to)."""
    return _ascii_spaced(low).translate(_SPACES).split(" ")


@dataclass(frozen=True)
class Heads:
    """What every match of a pattern begins with: one of ``words`` (whole
    lower-case words) or a word that starts with one of ``prefixes``."""

    words: frozenset[str]
    prefixes: tuple[str, ...] = ()

    def __or__(self, other: Heads) -> Heads:
        return Heads(self.words | other.words, tuple(sorted(set(self.prefixes) | set(other.prefixes))))

    def begins(self, word: str) -> bool:
        """Return True when a match can begin with ``word``."""
        return word in self.words or word.startswith(self.prefixes)


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


# Each heads looked up gets a number (heads alike share one), and each word
# met remembers the numbers of the heads it begins: the one pass over a
# text's words then files every word under its heads, already in order.
_NUMBER_OF: dict[tuple[frozenset[str], tuple[str, ...]], int] = {}
_NUMBERS_OF_WORD: dict[str, tuple[int, ...]] = {}
_NUMBERS_OF_WHOLE_WORD: dict[str, tuple[int, ...]] = {}  # from the heads' words
_NUMBERED_PREFIXES: list[tuple[int, tuple[str, ...]]] = []  # from the heads' prefixes
_ANY_PREFIX: tuple[str, ...] = ()  # all of those


def _number(heads: Heads) -> int:
    """Return the number of ``heads``, numbering them when they have none."""
    global _ANY_PREFIX
    number = _NUMBER_OF.get((heads.words, heads.prefixes))
    if number is None:
        number = _NUMBER_OF[heads.words, heads.prefixes] = len(_NUMBER_OF)
        for word in heads.words:
            _NUMBERS_OF_WHOLE_WORD[word] = (*_NUMBERS_OF_WHOLE_WORD.get(word, ()), number)
        if heads.prefixes:
            _NUMBERED_PREFIXES.append((number, heads.prefixes))
            _ANY_PREFIX = tuple({*_ANY_PREFIX, *heads.prefixes})
        _NUMBERS_OF_WORD.clear()  # (filled again as words are met)
    return number


def _numbers_of(word: str) -> tuple[int, ...]:
    """Return the numbers of the heads ``word`` begins, and remember them."""
    numbers = _NUMBERS_OF_WHOLE_WORD.get(word, ())
    if word.startswith(_ANY_PREFIX):
        prefixed = [n for n, prefixes in _NUMBERED_PREFIXES if word.startswith(prefixes) and n not in numbers]
        numbers = (*numbers, *prefixed)
    _NUMBERS_OF_WORD[word] = numbers
    return numbers


class WordStarts:
    """Where the words of one lower-cased text (``low``) begin, filed under
    each numbered heads they begin."""

    def __init__(self, low: str):
        self.low = low
        self._numbered = len(_NUMBER_OF)  # heads numbered later are looked up the slow way
        starts: list[list[int]] = [[] for _ in range(self._numbered)]
        file_under = [found.append for found in starts]
        numbers_of = _NUMBERS_OF_WORD
        at = 0
        for word in _words(low):
            if word:
                numbers = numbers_of.get(word)
                if numbers is None:
                    numbers = _numbers_of(word)
                for number in numbers:
                    file_under[number](at)
            at += len(word) + 1
        self._starts = starts
        self._late: dict[int, list[int]] = {}

    def positions(self) -> dict[str, list[int]]:
        """Return where each word begins, by word (made anew at each call)."""
        positions: dict[str, list[int]] = {}
        at = 0
        for word in _words(self.low):
            if word:
                positions.setdefault(word, []).append(at)
            at += len(word) + 1
        return positions

    def at(self, heads: Heads) -> list[int]:
        """Return, sorted, where a word of ``heads`` begins."""
        number = _number(heads)
        if number < self._numbered:
            return self._starts[number]
        found = self._late.get(number)
        if found is None:  # heads numbered after this text was read
            found = sorted(at for word, starts in self.positions().items() if heads.begins(word) for at in starts)
            self._late[number] = found
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
        kept: list[int] = []
        done = 0  # (found[:done] are kept or passed over)
        for other in others:
            end = bisect.bisect_left(found, other, done)
            kept += found[bisect.bisect_left(found, other - distance, done, end) : end]
            done = end
        return kept
