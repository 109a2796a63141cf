"""The text normaliser: raw article text -> paragraphs of clean text.

Site furniture (counters, newsletter boxes, lone labels) is dropped, captions,
credits and bylines are marked as such, and everything else keeps the
article's words unchanged. The patterns live in ``data/furniture.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from gsomia_cli.quotemarks import singles_as_doubles
from gsomia_cli.regexlit import leading_literal
from gsomia_cli.resources import load_data
from gsomia_cli.textfold import fold, fold_key

PARAGRAPH_KINDS = ("body", "headline", "caption", "credit", "byline")


@dataclass(slots=True)  # many per article: cheap to create
class Paragraph:
    """A paragraph of clean text: ``clean[start:end] == text``; ``folded``
    is ``fold(text)`` with single marks that quote made double (see
    :func:`quotemarks.singles_as_doubles`); ``raw_start`` is where the same
    characters begin in the raw text."""

    start: int
    end: int
    text: str
    kind: str
    raw_start: int
    folded: str


@dataclass(frozen=True)
class _Rules:
    drop: re.Pattern[str]
    lead_tags: tuple[re.Pattern[str], ...]
    labels: tuple[tuple[re.Pattern[str], str], ...]
    # kind, pattern, text a match must contain (casefolded), and where it matches: "start", "end" or "any"
    kinds: tuple[tuple[str, re.Pattern[str], str, str], ...]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_data("furniture.yaml")
    flags = re.IGNORECASE
    return _Rules(
        drop=re.compile("|".join(f"(?:{p})" for p in data.get("drop", [])) or "(?!)", flags),
        lead_tags=tuple(re.compile(p, flags) for p in data.get("lead_tags", [])),
        labels=tuple((re.compile(x["pattern"], flags), x.get("kind", "body")) for x in data.get("labels", [])),
        kinds=_kind_patterns(data.get("kinds") or {}, flags),
    )


def _kind_patterns(kinds: dict[str, list[str]], flags: int) -> tuple[tuple[str, re.Pattern[str], str, str], ...]:
    """The kinds patterns, in the kinds' order: a pattern with a leading
    text of its own (looked for first) alone, the others of a kind that match
    at one place (start, end, anywhere) made one (fewer scans)."""
    out: list[tuple[str, re.Pattern[str], str, str]] = []
    for kind, patterns in kinds.items():
        merged: dict[str, list[str]] = {}
        for p in patterns:
            needle = _needle(p)
            if needle:
                out.append((kind, re.compile(p, flags), needle, _anchored(p)))
            else:
                merged.setdefault(_anchored(p), []).append(p)
        for where, group in merged.items():
            out.append((kind, re.compile("|".join(f"(?:{p})" for p in group), flags), "", where))
    return tuple(out)


def _needle(pattern: str) -> str:
    """The text every match of ``pattern`` begins with, casefolded, when it
    is long enough to look for first ('' otherwise): a substring test
    costs far less than a case-insensitive scan of a long paragraph."""
    literal = leading_literal(pattern).casefold()
    # (Not with "i", "k" or "s", which a case-insensitive regex also matches
    # as "ı", "K" (kelvin) or "ſ", which casefolding does not all make.)
    return literal if len(literal) >= 3 and literal.isascii() and not set(literal) & set("iks") else ""


_NO_CREDIT_ENDS = (".", "!", "?", '"', "'", "\u201d", "\u2019")  # (a credit ends with a word or a bracket)
END_SPAN = 200  # a pattern that matches only at a paragraph's end is tried on its last characters


def _anchored(pattern: str) -> str:
    """Where a kinds pattern can match: "start" (it begins with ^), "end" (it
    ends with $: a credit or label, never tried on a paragraph that ends a
    sentence) or "any"; a pattern tried only there costs no scan."""
    if pattern.startswith("^"):
        return "start"
    return "end" if pattern.endswith("$") and not pattern.endswith("\\$") else "any"


def _kind_of(folded: str, rules: _Rules) -> str:
    low = ""
    tail = max(0, len(folded) - END_SPAN)
    ends_a_sentence = folded.rstrip().endswith(_NO_CREDIT_ENDS)  # (no credit at its end to look for)
    for kind, pattern, needle, where in rules.kinds:
        if where == "end" and ends_a_sentence:
            continue
        if needle:
            low = low or folded.casefold()
            if needle not in low:
                continue
        if pattern.match(folded) if where == "start" else pattern.search(folded, tail if where == "end" else 0):
            return kind
    return "body"


_SENTENCE_ENDS = (".", "!", "?", '"', "'", ")", "\u201d", "\u2019")


def _is_headline(text: str, headline: str | None, first: bool) -> bool:
    if headline and fold_key(text).strip(" .") == fold_key(headline).strip(" ."):
        return True
    # A first line with no sentence-final punctuation, followed by more text.
    return first and len(text.split(None, 25)) <= 25 and not fold(text).rstrip().endswith(_SENTENCE_ENDS)


# The last words of a line that a wrapped sentence goes on from.
_GOES_ON = frozenset(
    "a an the of to in on at for with by from and or but as that which who whose its their his her our "
    "than into over after before between about under".split()
)
WRAPPED_SHARE = 0.75  # a line this long, of the run's longest, was wrapped at a width
WRAP_WIDTH = 100  # text wrapped at a width has no longer lines (news wires wrap at 60 to 80)


def _goes_on(raw: str, line: tuple[int, int], following: tuple[int, int], width: int) -> bool:
    """True when the sentence of ``line`` (which ends no sentence) goes on in
    the ``following`` line: that line begins in lower case, or this one ends
    with a comma, dash or a word such as "with", or was filled to the run's
    ``width`` (0 when the run was not wrapped at one). Else the line stands
    alone: a headline, deck, caption or byline."""
    text = raw[line[0] : line[1]].rstrip()
    nxt = raw[following[0] : following[1]].lstrip()
    if nxt[:1].islower() or nxt[:1].isdigit() or text.endswith((",", ";", ":", "-", "\u2013", "\u2014")):
        return True
    last = text.rsplit(None, 1)[-1].lower() if text else ""
    return last in _GOES_ON or (width > 0 and len(text) >= WRAPPED_SHARE * width)


def _paragraph_spans(raw: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the paragraphs of a run of kept lines (raw spans). A line that
    ends no sentence joins the next when its sentence goes on there (see
    :func:`_goes_on`), else stands alone. A line that ends one is a paragraph
    of its own when at least half of the lines before the last end a sentence
    unless the run's text was wrapped at a width (most lines break mid-sentence
    where the width was reached), where its sentences go on in one paragraph."""
    if len(lines) < 2:
        return lines
    ends = [raw[a:b].rstrip().endswith(_SENTENCE_ENDS) for a, b in lines]
    longest = max(b - a for a, b in lines)
    # Wrapped: at least half of the lines break mid-sentence where the width was reached.
    filled = sum(not e and b - a >= WRAPPED_SHARE * longest for (a, b), e in zip(lines[:-1], ends, strict=False))
    wrapped = 2 * filled >= len(lines) - 1 and longest <= WRAP_WIDTH
    width = longest if wrapped else 0
    out = [lines[0]]
    for line, ended, following in zip(lines, ends, lines[1:], strict=False):
        joined = wrapped if ended else _goes_on(raw, line, following, width)
        if joined:
            out[-1] = (out[-1][0], following[1])
        else:
            out.append(following)
    return out


def clean_paragraphs(raw: str, headline: str | None = None) -> list[Paragraph]:
    """Return the paragraphs of ``raw`` with furniture removed and each
    paragraph's kind set; offsets are into the clean text, which is the
    paragraphs' texts joined by blank lines (see :func:`join`)."""
    rules = _rules()
    folded_raw = fold(raw)  # same length as raw: its slices are the folded slices
    blocks: list[tuple[int, int]] = []  # raw spans of the paragraphs of runs of kept lines
    run: list[tuple[int, int]] = []  # the lines of the current run
    pos = 0
    for line in raw.splitlines(keepends=True):
        body = line.strip()
        line_start, line_end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        furniture = not body or rules.drop.fullmatch(folded_raw[line_start:line_end].strip()) is not None
        if furniture:
            blocks += _paragraph_spans(raw, run)
            run = []
        else:
            run.append((line_start, line_end))
    blocks += _paragraph_spans(raw, run)

    paragraphs: list[Paragraph] = []
    clean_pos = 0
    for number, (start, end) in enumerate(blocks):
        kind = "body"
        text = raw[start:end]
        stripped = text.lstrip()
        start += len(text) - len(stripped)
        if number == 0:
            for tag in rules.lead_tags:
                m = tag.match(folded_raw[start:end])
                if m:
                    start += m.end()
        for label, label_kind in rules.labels:
            m = label.match(folded_raw[start:end])
            if m and m.end() < end - start:
                start += m.end()
                kind = label_kind
        text = raw[start:end].rstrip()
        if not text:
            continue
        folded = singles_as_doubles(text, folded_raw[start : start + len(text)])
        if kind == "body":
            kind = _kind_of(folded, rules)
        if kind == "body" and not paragraphs and len(blocks) > 1 and _is_headline(text, headline, True):
            kind = "headline"
        elif kind == "body" and headline and _is_headline(text, headline, False):
            kind = "headline"
        if paragraphs:
            clean_pos += 2
        paragraphs.append(Paragraph(clean_pos, clean_pos + len(text), text, kind, start, folded))
        clean_pos += len(text)
    return paragraphs


def join(paragraphs: list[Paragraph], folded: bool = False) -> str:
    """Return the clean text made of ``paragraphs`` (blank line between), or
    when ``folded`` that text folded."""
    return "\n\n".join(p.folded if folded else p.text for p in paragraphs)
