"""Scoring extraction against gold annotations: the measures of the
project's scorer (``shared/tools/score.py``), computed in-process.

A gold file is YAML in the format of ``tests/data/gold_seeds.yaml`` (its
header defines every field): per article its ``file`` (matched by base
name), ``officials``, ``quotes``, ``reported``, ``dates`` and ``claims``.
The matching rules are the scorer's, so that the figures agree:

- texts are compared after folding (NFKC, look-alike letters, quotes,
  white space, case); a quote is found when the best extracted quote
  overlaps it at 85 or more (rapidfuzz partial ratio; a short text must
  match as a whole word run), reported speech at 75;
- speakers match by name, by a newsroom metonymy (Seoul is South Korea),
  or fuzzily; a date is right when one extracted expression like it
  starts with the gold value; a claim set to null is not scored.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

SUMMARY_KEYS = (
    "officialsF1",
    "quoteRecall",
    "speakerAcc",
    "datesAcc",
    "claimsAcc",
    "claimsPosAcc",
    "reportedRecall",
    "reportedSpeakerAcc",
)

_HOMOGLYPHS = str.maketrans("асеорхуіАВСЕНКМОРТХ", "aceopxyiABCEHKMOPTX")
QUOTE_FOUND = 85
REPORTED_FOUND = 75
DATE_LIKE = 80


def norm(text: str | None) -> str:
    """Return ``text`` folded for comparison (see the module docstring)."""
    s = unicodedata.normalize("NFKC", text or "").translate(_HOMOGLYPHS)
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")
    s = re.sub(r"\s+", " ", s).strip().lower()
    return s.strip(" \"'.,")


def similarity(a: str, b: str) -> float:
    """Return how much two texts overlap, 0 to 100 (see the module docstring)."""
    a, b = norm(a), norm(b)
    if not a or not b:
        return 0.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 12:  # a short quote ("difficult") matches as a whole word run
        return 100.0 if re.search(r"(?<!\w)" + re.escape(short) + r"(?!\w)", long_) else 0.0
    return fuzz.partial_ratio(short, long_) if len(short) / len(long_) > 0.3 else fuzz.ratio(a, b)


# Newsroom metonymy: a capital or "the X government" stands for the state.
_BODIES = {
    "south korea": [
        "seoul",
        "south korean government",
        "the south korean government",
        "republic of korea",
        "korean government",
        "s. korea",
        "s.korea",
    ],
    "japan": ["tokyo", "japanese government", "the japanese government", "japanese officials"],
    "united states": ["washington", "u.s.", "us", "the united states", "u.s. government", "us government"],
    "south korean presidential office": [
        "cheong wa dae",
        "blue house",
        "presidential office",
        "south korea's presidential office",
        "south korea's presidential blue house",
        "the presidential office",
        "presidential blue house",
    ],
}
_BODY_OF = {alias: canon for canon, names in _BODIES.items() for alias in [canon, *names]}


def same_person(a: str | None, b: str | None, aliases: list[str] | tuple[str, ...] = ()) -> bool:
    """True when speaker or official names ``a`` and ``b`` name one person or body."""
    if not a or not b:
        return False
    na, nb = norm(a), norm(b)
    if na in _BODY_OF and _BODY_OF.get(na) == _BODY_OF.get(nb):
        return True
    if na == nb or na in [norm(x) for x in aliases]:
        return True
    return fuzz.token_set_ratio(na, nb) >= 88 or (len(na) > 3 and len(nb) > 3 and (na in nb or nb in na))


def _iso(value: Any) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)


@dataclass
class Score:
    """The scores of one run: each measure from 0 to 1, and every miss."""

    officials: tuple[float, float, float]  # precision, recall, F1
    quote_precision: float
    quote_recall: float
    speaker_accuracy: float
    reported_recall: float
    reported_speaker_accuracy: float
    dates_accuracy: float
    claims_accuracy: float
    claims_positive_accuracy: float
    misses: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, float]:
        """Return the measures under the scorer's SUMMARY names, rounded to two places."""
        values = (
            self.officials[2],
            self.quote_recall,
            self.speaker_accuracy,
            self.dates_accuracy,
            self.claims_accuracy,
            self.claims_positive_accuracy,
            self.reported_recall,
            self.reported_speaker_accuracy,
        )
        return {key: round(value, 2) for key, value in zip(SUMMARY_KEYS, values, strict=True)}

    def summary_line(self) -> str:
        """Return the scorer's SUMMARY line."""
        return "SUMMARY " + " ".join(f"{k}={v:.2f}" for k, v in self.summary().items())

    def report(self) -> list[str]:
        """Return the scorer's lines, one per measure, then SUMMARY."""
        p, r, f1 = self.officials
        return [
            f"officials P={p:.2f} R={r:.2f} F1={f1:.2f}",
            f"quotes precision={self.quote_precision:.2f} recall={self.quote_recall:.2f} "
            f"speaker_acc={self.speaker_accuracy:.2f}",
            f"reported speech recall={self.reported_recall:.2f} speaker_acc={self.reported_speaker_accuracy:.2f}",
            f"dates value_acc={self.dates_accuracy:.2f}",
            f"claims acc={self.claims_accuracy:.2f} (stated claims only: {self.claims_positive_accuracy:.2f})",
            self.summary_line(),
        ]


@dataclass
class Records:
    """Extracted records as the JSON commands print them: ``officials`` as
    ``gsomia officials --json`` (each with its ``mentions``), the others as
    ``quotes``, ``dates`` and ``claims --json``."""

    officials: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    dates: list[dict[str, Any]]
    claims: list[dict[str, Any]]


class GoldError(ValueError):
    """The gold file is not in the expected format."""


def _by_file(records: list[dict[str, Any]], files: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {f: [] for f in files}
    for record in records:
        name = os.path.basename(str(record.get("file") or ""))
        if name in out:
            out[name].append(record)
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _articles(gold: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(gold, dict) or not isinstance(gold.get("articles"), dict):
        raise GoldError("the gold file must be a mapping with an 'articles' mapping")
    out = {}
    for key, article in gold["articles"].items():
        if not isinstance(article, dict) or not article.get("file"):
            raise GoldError(f"gold article {key!r} has no 'file'")
        out[str(article["file"])] = article
    return out


def score(gold: Any, records: Records) -> Score:
    """Return the scores of ``records`` against ``gold`` (a loaded gold file)."""
    articles = _articles(gold)
    files = list(articles)
    misses: list[str] = []
    catalog = gold.get("officials_catalog") or {}

    # Officials: per article, the set of canonical people.
    people: dict[str, set[str]] = {f: set() for f in files}
    for official in records.officials:
        for mention in official.get("mentions", []):
            name = os.path.basename(str(mention.get("file") or ""))
            if name in people:
                people[name].add(official.get("name") or "")
    tp = n_pred = n_gold = 0
    for f, g in articles.items():
        wanted = g.get("officials") or []
        optional = g.get("optional_officials") or []
        predicted = people[f]
        n_gold += len(wanted)
        matched = set()
        for person in wanted:
            hit = next((p for p in predicted if same_person(p, person["name"], person.get("aliases") or [])), None)
            if hit:
                tp += 1
                matched.add(hit)
            else:
                misses.append(f"official missed {f}: {person['name']}")
        extra = [p for p in predicted - matched if not any(same_person(p, o) for o in optional)]
        misses.extend(f"official extra {f}: {p}" for p in extra)
        n_pred += len(matched) + len(extra)
    officials = _prf(tp, n_pred, n_gold)

    # Direct quotes: found (text overlap) and attributed to the right speaker.
    direct = _by_file([q for q in records.quotes if q.get("kind", "direct") == "direct"], files)
    found = right = n_gold = n_pred = 0
    for f, g in articles.items():
        predicted_quotes = direct[f]
        n_pred += len(predicted_quotes)
        for want in g.get("quotes") or []:
            n_gold += 1
            best = max(predicted_quotes, key=lambda q: similarity(q.get("text", ""), want["text"]), default=None)
            if best is not None and similarity(best.get("text", ""), want["text"]) >= QUOTE_FOUND:
                found += 1
                speaker = best.get("speaker")
                if same_person(speaker, want["speaker"]) or (
                    want["speaker"] not in catalog
                    and speaker
                    and fuzz.token_set_ratio(norm(speaker), norm(want["speaker"])) >= 60
                ):
                    right += 1
                else:
                    misses.append(f"quote speaker {f}: {want['text'][:40]!r} -> {speaker!r}, gold {want['speaker']!r}")
            else:
                misses.append(f"quote missed {f}: {want['text'][:50]!r}")
    useful = sum(
        1
        for f in files
        for q in direct[f]
        if any(similarity(q.get("text", ""), w["text"]) >= QUOTE_FOUND for w in articles[f].get("quotes") or [])
    )
    quote_precision = _prf(useful, n_pred, n_gold)[0]
    quote_recall = found / n_gold if n_gold else 1.0
    speaker_accuracy = right / n_gold if n_gold else 1.0

    # Reported speech: content found, right speaker.
    reported = _by_file([q for q in records.quotes if q.get("kind") == "reported"], files)
    r_found = r_right = r_gold = 0
    for f, g in articles.items():
        for want in g.get("reported") or []:
            r_gold += 1
            best = max(reported[f], key=lambda q: similarity(q.get("text", ""), want["text"]), default=None)
            if best is not None and similarity(best.get("text", ""), want["text"]) >= REPORTED_FOUND:
                r_found += 1
                if same_person(best.get("speaker"), want["speaker"]):
                    r_right += 1
                else:  # (the scorer counts these without listing them)
                    misses.append(
                        f"reported speaker {f}: {want['text'][:40]!r} -> {best.get('speaker')!r}, gold {want['speaker']!r}"
                    )
            else:
                misses.append(f"reported missed {f}: {want['text'][:50]!r}")

    # Dates: each gold expression found with the right value.
    dates = _by_file(records.dates, files)
    ok = n_gold = 0
    for f, g in articles.items():
        for want in g.get("dates") or []:
            if want.get("lenient"):
                continue
            like = [
                d
                for d in dates[f]
                if similarity(d.get("text", ""), want["text"]) >= DATE_LIKE
                or norm(want["text"]) in norm(d.get("text", ""))
            ]
            n_gold += 1
            if any(str(d.get("value", "")).startswith(_iso(want["value"])) for d in like):
                ok += 1
            else:
                values = [d.get("value") for d in like] or "nothing"
                misses.append(f"date {f}: {want['text']!r} want {_iso(want['value'])}, got {values}")
    dates_accuracy = ok / n_gold if n_gold else 1.0

    # Claims: per article and claim, the value.
    claims = _by_file(records.claims, files)
    ok = n_gold = pos_ok = n_pos = 0
    for f, g in articles.items():
        got: dict[Any, list[Any]] = {}
        for c in claims[f]:
            got.setdefault(c.get("claim"), []).append(c.get("value"))
        for cid, want in (g.get("claims") or {}).items():
            if want is None:
                continue
            n_gold += 1
            values = got.get(cid, [])
            if want is False:
                good = not values or all(v in (False, None, "false") for v in values)
            elif want is True:
                good = any(v in (True, "true") for v in values)
            else:
                good = any(_iso(v)[: len(_iso(want))] == _iso(want) for v in values)
            ok += good
            if want is not False:  # an extractor that finds nothing still scores every `false`
                n_pos += 1
                pos_ok += good
            if not good:
                misses.append(f"claim {f}: {cid} want {_iso(want)}, got {values}")
    return Score(
        officials=officials,
        quote_precision=quote_precision,
        quote_recall=quote_recall,
        speaker_accuracy=speaker_accuracy,
        reported_recall=r_found / r_gold if r_gold else 1.0,
        reported_speaker_accuracy=r_right / r_gold if r_gold else 1.0,
        dates_accuracy=dates_accuracy,
        claims_accuracy=ok / n_gold if n_gold else 1.0,
        claims_positive_accuracy=pos_ok / n_pos if n_pos else 1.0,
        misses=misses,
    )


def records_of(extractions: list[Any]) -> Records:
    """Return the records of ``extractions`` (see :class:`Records`), as the
    JSON commands print them."""
    from gsomia_cli.coverage import from_extraction, officials_of
    from gsomia_cli.export import to_json

    return Records(
        officials=to_json(officials_of([from_extraction(ex) for ex in extractions])),
        quotes=[to_json(q) for ex in extractions for q in ex.quotes],
        dates=[to_json(d) for ex in extractions for d in ex.dates],
        claims=[to_json(c) for ex in extractions for c in ex.claims],
    )


def load_gold(path: str | os.PathLike[str]) -> Any:
    """Return the gold file at ``path``, loaded. Raises GoldError (with the
    reason) when it cannot be read or is not a gold file."""
    import yaml

    try:
        with open(path, encoding="utf-8") as handle:
            gold = yaml.safe_load(handle)
    except OSError as exc:
        raise GoldError(f"{path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise GoldError(f"{path}: not UTF-8 (byte {exc.start})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise GoldError(f"{path}{where}: not YAML: {getattr(exc, 'problem', None) or exc}") from None
    try:
        _articles(gold)
    except GoldError as exc:
        raise GoldError(f"{path}: {exc}") from None
    return gold
