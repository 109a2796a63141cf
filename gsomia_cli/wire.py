"""Wire copy: which articles rewrite a news agency's story, from credits
("Source: Yonhap News Agency", "the Kyodo news agency reported", "Photo:
Kyodo", the `agency` metadata) and from sentences shared with another article."""

from __future__ import annotations

import re
from functools import cache

from gsomia_cli.corpus import Article
from gsomia_cli.lexicon import lexicon
from gsomia_cli.statements import similarity
from gsomia_cli.textfold import fold, fold_key

COPY_SHARE = 0.5  # share of an article's sentences found in another: a copy
COPY_SIMILARITY = 85


@cache
def _agencies() -> dict[str, str]:
    lex = lexicon()
    return {phrase: label for phrase, label in lex.body_of.items() if label in lex.news_agencies}


def _credit_pattern() -> re.Pattern[str]:
    names = "|".join(re.escape(p) for p in sorted(_agencies(), key=len, reverse=True))
    return re.compile(
        rf"(?:source\s*:\s*|photo\s*:\s*|\b)(?P<agency>{names})(?:\s+news agency)?\s*(?:reported|said|$|\))",
        re.IGNORECASE,
    )


def credits(article: Article) -> list[str]:
    """Return the agencies an article credits (metadata, credit lines, photo
    credits, "the X news agency reported"), in order, without repeats."""
    found: list[str] = []
    agencies = _agencies()
    if article.agency:
        agency = article.agency.lower()
        for phrase, label in agencies.items():
            # (a whole phrase: "AP" is not the "ap" of "Yonhap")
            if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", agency) and label not in found:
                found.append(label)
    pattern = _credit_pattern()
    for para in article.paragraphs:
        for m in pattern.finditer(fold(para.text)):
            label = agencies[m.group("agency").lower()]
            if m.group().lower().startswith("photo"):
                label = f"photo: {label}"  # a photo credit says nothing of the text
            if label not in found:
                found.append(label)
    return found


def _opening(sentence: str) -> str:
    return " ".join(fold_key(sentence).split()[:5])


def copies(articles: list[Article]) -> dict[str, list[str]]:
    """Return, per article, the other articles it shares most sentences with
    (at least half of the shorter one's sentences nearly equal). Only pairs
    that share a sentence opening are compared, so this stays near-linear."""
    bodies = {a.id: [s.text for s in a.sentences if s.kind == "body" and len(s.text.split()) >= 5] for a in articles}
    by_opening: dict[str, set[str]] = {}
    for art_id, sentences in bodies.items():
        for sentence in sentences:
            by_opening.setdefault(_opening(sentence), set()).add(art_id)
    pairs: set[tuple[str, str]] = set()
    for ids in by_opening.values():
        if 1 < len(ids) <= 50:
            ordered = sorted(ids)
            pairs.update((x, y) for n, x in enumerate(ordered) for y in ordered[n + 1 :])
    out: dict[str, list[str]] = {}
    for a, b in sorted(pairs):
        shorter, longer = sorted((bodies[a], bodies[b]), key=len)
        hits = sum(1 for s in shorter if any(similarity(s, t) >= COPY_SIMILARITY for t in longer))
        if shorter and hits / len(shorter) >= COPY_SHARE:
            out.setdefault(a, []).append(b)
            out.setdefault(b, []).append(a)
    return out


def wire_sources(articles: list[Article]) -> dict[str, list[str]]:
    """Return, per article, "via" labels: credited agencies and copies."""
    shared = copies(articles)
    return {a.id: credits(a) + [f"copy of {other}" for other in shared.get(a.id, [])] for a in articles}
