"""Score extraction records against a gold file (tests/data/gold_seeds.yaml).

The matching follows the gold file's header: texts compared after folding
quotes, look-alike letters, white space and case; a quote is found when the
texts overlap substantially (rapidfuzz partial ratio >= 85).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from gsomia_cli.textfold import fold_key

BODY_NAMES = {
    "south korea": {"seoul", "south korean government"},
    "japan": {"tokyo", "japanese government", "japanese officials"},
    "united states": {"washington", "u.s.", "us"},
}


def norm(text: str) -> str:
    return fold_key(text or "").strip(" \"'.,")


def similar(a: str, b: str) -> float:
    a, b = norm(a), norm(b)
    if not a or not b:
        return 0.0
    short, long_ = sorted((a, b), key=len)
    if len(short) < 12:
        return 100.0 if re.search(r"(?<!\w)" + re.escape(short) + r"(?!\w)", long_) else 0.0
    return fuzz.partial_ratio(short, long_) if len(short) / len(long_) > 0.3 else fuzz.ratio(a, b)


def same_speaker(got: str | None, want: str, catalog: dict) -> bool:
    if not got:
        return False
    g, w = norm(got), norm(want)
    if g == w:
        return True
    for canon, names in BODY_NAMES.items():
        if {g, w} <= names | {canon}:
            return True
    if want not in catalog:  # an anonymous-source label: the words must mostly agree
        return fuzz.token_set_ratio(g, w) >= 60
    return fuzz.token_set_ratio(g, w) >= 88


@dataclass
class Scores:
    officials_f1: float = 0.0
    quote_recall: float = 0.0
    speaker_accuracy: float = 0.0
    dates_accuracy: float = 0.0
    claims_accuracy: float = 0.0
    misses: list[str] = field(default_factory=list)


def score(gold: dict, extractions: dict) -> Scores:
    """``extractions`` maps a gold file name to that article's Extraction."""
    out = Scores()
    catalog = gold.get("officials_catalog", {})
    tp = n_pred = n_gold = 0
    quotes_found = speakers_right = n_quotes = 0
    dates_ok = n_dates = claims_ok = n_claims = 0
    for g in gold["articles"].values():
        ex = extractions[g["file"]]
        # officials
        predicted = set(ex.persons)
        optional = set(g.get("optional_officials", []))
        matched = set()
        for person in g.get("officials", []):
            n_gold += 1
            if person["name"] in predicted:
                tp += 1
                matched.add(person["name"])
            else:
                out.misses.append(f"official missed {g['file']}: {person['name']}")
        extra = predicted - matched - optional
        out.misses += [f"official extra {g['file']}: {p}" for p in extra]
        n_pred += len(matched) + len(extra)
        # direct quotes
        direct = [q for q in ex.quotes if q.kind == "direct"]
        for gq in g.get("quotes", []):
            n_quotes += 1
            best = max(direct, key=lambda q: similar(q.text, gq["text"]), default=None)
            if best is None or similar(best.text, gq["text"]) < 85:
                out.misses.append(f"quote missed {g['file']}: {gq['text'][:50]!r}")
                continue
            quotes_found += 1
            if same_speaker(best.speaker, gq["speaker"], catalog):
                speakers_right += 1
            else:
                out.misses.append(f"quote speaker {g['file']}: {gq['text'][:40]!r} -> {best.speaker!r}")
        # dates
        for gd in g.get("dates", []):
            if gd.get("lenient"):
                continue
            n_dates += 1
            want = gd["value"].isoformat() if isinstance(gd["value"], dt.date) else str(gd["value"])
            candidates = [d for d in ex.dates if similar(d.text, gd["text"]) >= 80 or norm(gd["text"]) in norm(d.text)]
            if any(d.value.startswith(want) for d in candidates):
                dates_ok += 1
            else:
                out.misses.append(f"date {g['file']}: {gd['text']!r} want {want}, got {[d.value for d in candidates]}")
        # claims
        values: dict[str, list] = {}
        for c in ex.claims:
            values.setdefault(c.claim, []).append(c.value)
        for cid, want in (g.get("claims") or {}).items():
            if want is None:
                continue
            n_claims += 1
            got = values.get(cid, [])
            if want is False:
                good = not got
            elif want is True:
                good = True in got
            else:
                w = want.isoformat() if isinstance(want, dt.date) else str(want)
                good = any(str(v).startswith(w) for v in got)
            claims_ok += good
            if not good:
                out.misses.append(f"claim {g['file']}: {cid} want {want}, got {got}")
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    out.officials_f1 = 2 * p * r / (p + r) if p + r else 0.0
    out.quote_recall = quotes_found / n_quotes
    out.speaker_accuracy = speakers_right / n_quotes
    out.dates_accuracy = dates_ok / n_dates
    out.claims_accuracy = claims_ok / n_claims
    return out
