"""The story's key claims, recognised by the rules in ``data/claims.yaml``."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from gsomia_cli.dates import DateExpr
from gsomia_cli.resources import load_data
from gsomia_cli.sentences import Sentence


@dataclass(frozen=True)
class ClaimRule:
    value: Any
    groups: tuple[re.Pattern[str], ...]

    def fires(self, sentence: str) -> bool:
        return all(g.search(sentence) for g in self.groups)


@dataclass(frozen=True)
class ClaimDef:
    """One claim of the catalog."""

    id: str
    description: str
    kind: str  # date | choice | flag | text
    rules: tuple[ClaimRule, ...] = ()
    order: tuple[Any, ...] = ()
    anchor: re.Pattern[str] | None = None
    window: int = 5
    countdown: re.Pattern[str] | None = None
    capture: re.Pattern[str] | None = None


@dataclass(frozen=True)
class ClaimHit:
    """An article's value for a claim, with the sentence that gives it."""

    claim: str
    value: Any
    sentence: int  # index into the article's sentences


def _terms(terms: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?<!\w-)(?:" + "|".join(f"(?:{t})" for t in terms) + r")(?!\w|-\w)", re.IGNORECASE)


@cache
def catalog() -> tuple[ClaimDef, ...]:
    """Return the claim definitions, in catalog order."""
    out = []
    for cid, spec in (load_data("claims.yaml").get("claims") or {}).items():
        kind = spec.get("kind", "flag")
        rules = tuple(
            ClaimRule(rule.get("value", True), tuple(_terms(group) for group in rule.get("all", [])))
            for rule in spec.get("rules", [])
        )
        out.append(
            ClaimDef(
                id=cid,
                description=" ".join(str(spec.get("description", "")).split()),
                kind=kind,
                rules=rules,
                order=tuple(spec.get("order", [])),
                anchor=_terms(spec["anchor"]) if spec.get("anchor") else None,
                window=int(spec.get("window", 5)),
                countdown=_terms(spec["countdown"]) if spec.get("countdown") else None,
                capture=re.compile(spec["capture"], re.IGNORECASE) if spec.get("capture") else None,
            )
        )
    return tuple(out)


def _date_values(claim: ClaimDef, text: str, sentence: Sentence, here: list[DateExpr]) -> list[str]:
    if not here or claim.anchor is None:
        return []
    anchors = list(claim.anchor.finditer(text, sentence.start, sentence.end))
    if not anchors:
        return []
    values = []
    for d in here:
        near = any(a.end() <= d.start and len(text[a.end() : d.start].split()) <= claim.window for a in anchors)
        if near or (d.countdown and claim.countdown and claim.countdown.search(d.text)):
            values.append(d.value)
    return values


def find_claims(text: str, sentences: list[Sentence], dates: list[DateExpr]) -> list[ClaimHit]:
    """Return each claim's values in one article (folded clean ``text``),
    one hit per distinct value with its first evidence sentence."""
    hits: list[ClaimHit] = []
    body = [(i, s) for i, s in enumerate(sentences) if s.kind == "body"]
    date_starts = [d.start for d in dates]  # dates come in text order

    def dates_in(s: Sentence) -> list[DateExpr]:
        return dates[bisect.bisect_left(date_starts, s.start) : bisect.bisect_left(date_starts, s.end)]

    for claim in catalog():
        found: dict[Any, int] = {}
        for i, s in body:
            chunk = text[s.start : s.end]
            if claim.kind == "date":
                for value in _date_values(claim, text, s, dates_in(s)):
                    found.setdefault(value, i)
            elif claim.kind == "text" and claim.capture:
                for m in claim.capture.finditer(chunk):
                    found.setdefault(" ".join(m.group(1).split()), i)
            else:
                for rule in claim.rules:
                    if rule.fires(chunk):
                        found.setdefault(rule.value, i)
        if claim.kind == "choice" and found:
            ranked = sorted(found, key=lambda v: claim.order.index(v) if v in claim.order else len(claim.order))
            found = {ranked[0]: found[ranked[0]]}
        hits.extend(ClaimHit(claim.id, value, i) for value, i in found.items())
    return hits
