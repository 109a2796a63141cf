"""The search query language, parsed safely into an FTS5 expression.

Plain words (all must match), "quoted phrases", OR, -exclusion and prefix*.
Any string a user types is safe: FTS5 syntax characters are never passed
through; unparseable input is read as plain words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from gsomia_cli.resources import load_data
from gsomia_cli.textfold import fold_key

_TOKEN = re.compile(r'-?"[^"]*"?|\S+')
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_SYNONYM_WORDS = 8


@dataclass
class Term:
    """One query item: ``words`` form a phrase; ``alternatives`` are the
    synonym phrases that may stand for it."""

    words: list[str]
    prefix: bool = False
    negated: bool = False
    alternatives: list[list[str]] = field(default_factory=list)

    def fts(self) -> str:
        phrases = [self.words, *self.alternatives]
        parts = ['"' + " ".join(p) + '"' + ("*" if self.prefix and p is self.words else "") for p in phrases]
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"

    def text(self) -> str:
        return " ".join(self.words) + ("*" if self.prefix else "")


@dataclass
class Query:
    """A parsed query: groups of terms joined by OR; each group's terms must
    all match; ``excluded`` terms must not."""

    groups: list[list[Term]]
    excluded: list[Term]

    @property
    def terms(self) -> list[Term]:
        return [t for g in self.groups for t in g]

    def fts(self) -> str | None:
        """Return the FTS5 MATCH expression, or None when nothing positive is asked."""
        groups = [" AND ".join(t.fts() for t in g) for g in self.groups if g]
        if not groups:
            return None
        expr = groups[0] if len(groups) == 1 else " OR ".join(f"({g})" for g in groups)
        if self.excluded:  # (one NOT of an OR: a chain of NOTs nests, and FTS5's parser stack is small)
            expr = f"({expr}) NOT ({' OR '.join(t.fts() for t in self.excluded)})"
        return expr

    def display(self) -> str:
        groups = [" ".join(t.text() if len(t.words) == 1 else f'"{t.text()}"' for t in g) for g in self.groups]
        return " OR ".join(groups) + "".join(f" -{t.text()}" for t in self.excluded)


def words_of(text: str) -> list[str]:
    """Return the words FTS5's unicode61 tokenizer would see in ``text``."""
    return _WORD.findall(fold_key(text))


MAX_QUERY = 10_000  # characters
MAX_TERMS = 200


class QueryTooLong(ValueError):
    """A query longer than MAX_QUERY characters or MAX_TERMS words."""


def parse(text: str) -> Query:
    """Return the parsed query of ``text``; raises :class:`QueryTooLong`
    past MAX_QUERY characters or MAX_TERMS words (never anything else)."""
    if len(text) > MAX_QUERY:
        raise QueryTooLong(f"the query is {len(text):,} characters long; at most {MAX_QUERY:,} are searched")
    if not text.isascii():  # (ASCII is NFC already, and unicodedata takes longer to load than a search)
        import unicodedata

        text = unicodedata.normalize("NFC", text)  # (a decomposed "é" is the é of the texts)
    groups: list[list[Term]] = [[]]
    excluded: list[Term] = []
    for token in _TOKEN.findall(text):
        negated = token.startswith("-") and len(token) > 1
        body = token[1:] if negated else token
        if body == "OR":
            if groups[-1]:
                groups.append([])
            continue
        phrase = body.startswith('"')
        prefix = not phrase and body.endswith("*") and len(words_of(body)) == 1
        words = words_of(body)
        if not words:
            continue
        terms = [Term(words, prefix, negated)] if phrase or prefix else [Term([w], False, negated) for w in words]
        (excluded if negated else groups[-1]).extend(terms)
    count = sum(len(t.words) for g in groups for t in g) + sum(len(t.words) for t in excluded)
    if count > MAX_TERMS:
        raise QueryTooLong(f"the query has {count:,} words; at most {MAX_TERMS} are searched")
    return Query([g for g in groups if g], excluded)


@cache
def synonym_groups() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Return the synonym groups of ``data/synonyms.yaml`` as word tuples."""
    return tuple(
        tuple(tuple(words_of(p)) for p in group) for group in load_data("synonyms.yaml").get("groups", []) if group
    )


def expand(query: Query) -> Query:
    """Return ``query`` with synonym phrases joined to the terms that name
    one: consecutive plain words ("export controls") or a quoted phrase."""
    lookup = {phrase: group for group in synonym_groups() for phrase in group}
    new_groups = []
    for group in query.groups:
        out: list[Term] = []
        i = 0
        while i < len(group):
            term = group[i]
            matched = False
            if not term.prefix:
                # The longest run of single words (or one phrase) that names a synonym.
                for n in range(min(MAX_SYNONYM_WORDS, len(group) - i), 0, -1):
                    run = group[i : i + n]
                    if n > 1 and any(len(t.words) != 1 or t.prefix for t in run):
                        continue
                    words = tuple(w for t in run for w in t.words)
                    if words in lookup:
                        alternatives = [list(p) for p in lookup[words] if p != words]
                        out.append(Term(list(words), False, False, alternatives))
                        i += n
                        matched = True
                        break
            if not matched:
                out.append(term)
                i += 1
        new_groups.append(out)
    return Query(new_groups, query.excluded)
