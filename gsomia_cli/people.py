"""Finding a speaker by a name as a user types it ("jeong", "Kyung-doo",
"Jeoung"), against the speakers and officials the corpus knows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from gsomia_cli.textfold import fold_key

if TYPE_CHECKING:
    from gsomia_cli.coverage import Coverage

MATCH_SCORE = 80


def speaker_names(coverage: Iterable[Coverage]) -> dict[str, set[str]]:
    """Return each speaker label with the names it goes by (aliases too)."""
    names: dict[str, set[str]] = {}
    for cov in coverage:
        for q in cov.quotes:
            if q.speaker:
                names.setdefault(q.speaker, {q.speaker})
        for name, aliases in cov.officials.items():
            names.setdefault(name, {name}).update(aliases)
    return names


def speaker_matches(query: str, extractions: Iterable[Coverage]) -> set[str]:
    """Return the speaker labels that ``query`` names among the corpus's
    speakers and officials (aliases included)."""
    return match_names(query, speaker_names(extractions))


def match_names(query: str, names: dict[str, set[str]]) -> set[str]:
    """Return the labels of ``names`` (label -> the names it goes by) that
    ``query`` names: a whole name, a part of one (surname, given name) or a
    near spelling of either."""
    from rapidfuzz import fuzz

    wanted = fold_key(query).strip()
    out = set()
    for label, aliases in names.items():
        for alias in aliases:
            key = fold_key(alias)
            words = key.split()  # ("min-jung" is one word: its syllables match only exactly)
            syllables = key.replace("-", " ").split()
            if wanted == key or wanted in words or wanted in syllables or fuzz.ratio(wanted, key) >= MATCH_SCORE:
                out.add(label)
            elif any(_near(wanted, word) for word in words if len(word) > 2):
                out.add(label)
    return out


def _near(wanted: str, word: str) -> bool:
    """A near spelling of a whole name part: close in letters and in length
    ("Jeoung" is Jeong; it is not the "jung" of Min-jung)."""
    from rapidfuzz import fuzz

    return abs(len(wanted) - len(word)) <= 1 and fuzz.ratio(wanted, word) >= MATCH_SCORE
