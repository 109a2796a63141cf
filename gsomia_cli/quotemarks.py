"""Pairing of double quotation marks within a paragraph, and single marks
that quote (British style) made double."""

from __future__ import annotations

import bisect

from gsomia_cli.textfold import CLOSING_QUOTES, OPENING_QUOTES, char_positions

_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb\u201f'


_SINGLE_OPENING = "'\u2018"
_SINGLE_CLOSING = "'\u2019"
_BEFORE_OPENING = " \t\n(\u2013\u2014"  # a quotation opens after white space, a bracket or a dash
_AFTER_CLOSING = " \t\n,.;:!?)\u2013\u2014"


def singles_as_doubles(text: str, folded: str) -> str:
    """Return ``folded`` (the folded ``text`` of one paragraph) with the
    single quotation marks that quote ('We will talk,' he said.) made
    straight double marks, when the paragraph has no double marks of its
    own; apostrophes (Japan's, the 1990s' end) stay, and so does a mark
    that pairs with none. The result has the same length."""
    if "'" not in folded or any(mark in text for mark in _MARKS):
        return folded
    pairs: list[tuple[int, int]] = []
    open_at = -1
    for i in char_positions(text, "'\u2018\u2019"):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if open_at < 0:
            if text[i] in _SINGLE_OPENING and before in _BEFORE_OPENING and after.isalnum():
                open_at = i
        elif text[i] in _SINGLE_CLOSING and not before.isspace() and after in _AFTER_CLOSING:
            pairs.append((open_at, i))
            open_at = -1
    if not pairs:
        return folded
    chars = list(folded)
    for a, b in pairs:
        chars[a] = chars[b] = '"'
    return "".join(chars)


def mark_positions(text: str) -> list[int]:
    """Return, sorted, where a double quotation mark stands in ``text``."""
    return char_positions(text, _MARKS)


def pair_marks(text: str, marks: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """Return ``(open, close)`` pairs of the quotation marks at ``marks``
    (sorted) in the paragraph ``text[start:end]``; see :func:`quote_spans`."""
    spans: list[tuple[int, int]] = []
    open_at = -1
    for i in marks[bisect.bisect_left(marks, start) : bisect.bisect_left(marks, end)]:
        mark = text[i]
        before = text[i - 1] if i > start else " "
        if open_at < 0:
            if mark in CLOSING_QUOTES and not before.isspace():
                continue
            open_at = i
        elif mark in OPENING_QUOTES and before.isspace() and i + 1 < end and not text[i + 1].isspace():
            open_at = i  # the earlier quote was never closed: start again here
        else:
            spans.append((open_at, i))
            open_at = -1
    if open_at >= 0:
        spans.append((open_at, end))
    return spans


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(open, close)`` index pairs of the quotation marks in one
    paragraph of ``text`` (original, not folded, so that typographic marks
    can tell opening from closing). Straight and typographic marks pair with
    each other; a stray closing mark is skipped; a quote left open at the end
    of the paragraph gets ``close == len(text)``."""
    return pair_marks(text, mark_positions(text), 0, len(text))
