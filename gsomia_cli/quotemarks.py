"""Pairing of double quotation marks within a paragraph."""

from __future__ import annotations

import re

from gsomia_cli.textfold import CLOSING_QUOTES, OPENING_QUOTES

_MARK = re.compile('["\u201c\u201d\u201e\u00ab\u00bb\u201f]')


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(open, close)`` index pairs of the quotation marks in one
    paragraph of ``text`` (original, not folded, so that typographic marks
    can tell opening from closing). Straight and typographic marks pair with
    each other; a stray closing mark is skipped; a quote left open at the end
    of the paragraph gets ``close == len(text)``."""
    spans: list[tuple[int, int]] = []
    open_at = -1
    for m in _MARK.finditer(text):
        i = m.start()
        mark = text[i]
        before = text[i - 1] if i else " "
        if open_at < 0:
            if mark in CLOSING_QUOTES and not before.isspace():
                continue
            open_at = i
        elif mark in OPENING_QUOTES and before.isspace() and i + 1 < len(text) and not text[i + 1].isspace():
            open_at = i  # the earlier quote was never closed: start again here
        else:
            spans.append((open_at, i))
            open_at = -1
    if open_at >= 0:
        spans.append((open_at, len(text)))
    return spans
