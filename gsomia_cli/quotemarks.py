"""Pairing of double quotation marks within a paragraph."""

from __future__ import annotations

import bisect

from gsomia_cli.textfold import CLOSING_QUOTES, OPENING_QUOTES, char_positions

_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb\u201f'


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
