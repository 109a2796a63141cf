"""Wire copy: which articles rewrite a news agency's story, from credits
("Source: Yonhap News Agency", "the Kyodo news agency reported", "Photo:
Kyodo", the `agency` metadata) and from sentences shared with another article."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from gsomia_cli.corpus import Article
from gsomia_cli.lexicon import lexicon
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


MAX_SHARING = 50  # an opening more articles share is boilerplate, not a copy's trace


def copy_keys(sentences: list[str]) -> list[str]:
    """The folded body sentences of an article that can show a copy (five
    words or more)."""
    return [fold_key(s).strip(" .,\"'") for s in sentences if len(s.split()) >= 5]


def opening(key: str) -> str:
    """A sentence's first five words: articles that share one are compared."""
    return " ".join(key.split()[:5])


def is_copy(a: list[str], b: list[str], shared_openings: int) -> bool:
    """True when at least half the sentences of the shorter of two articles
    (their :func:`copy_keys`) are nearly equal to sentences of the other;
    ``shared_openings``: how many sentence openings they share."""
    from rapidfuzz import fuzz, process

    shorter, longer = sorted((a, b), key=len)
    need = COPY_SHARE * len(shorter)
    if not shorter or shared_openings < min(2, need):
        return False  # (a copy shares the openings of most of its sentences: one alone is chance)
    exact = set(longer)
    hits = 0
    for n, key in enumerate(shorter):
        # (statements.similarity on folded keys: the better of the two ratios, in C)
        if (
            key in exact
            or process.extractOne(key, longer, scorer=fuzz.ratio, score_cutoff=COPY_SIMILARITY) is not None
            or process.extractOne(key, longer, scorer=fuzz.token_sort_ratio, score_cutoff=COPY_SIMILARITY) is not None
        ):
            hits += 1
        if hits >= need or hits + len(shorter) - n - 1 < need:
            break
    return hits >= need


def copies(bodies: dict[str, list[str]], keyed: bool = False) -> dict[str, list[str]]:
    """Return, per article id, the other articles it shares most sentences
    with (see :func:`is_copy`), given each article's body sentences (or,
    ``keyed``, their :func:`copy_keys`). Only pairs that share a sentence
    opening are compared, so this stays near-linear."""
    keys = bodies if keyed else {art_id: copy_keys(sentences) for art_id, sentences in bodies.items()}
    by_opening: dict[str, set[str]] = {}
    for art_id, sentences in keys.items():
        for key in sentences:
            by_opening.setdefault(opening(key), set()).add(art_id)
    pairs: Counter[tuple[str, str]] = Counter()
    for ids in by_opening.values():
        if 1 < len(ids) <= MAX_SHARING:
            ordered = sorted(ids)
            pairs.update((x, y) for n, x in enumerate(ordered) for y in ordered[n + 1 :])
    out: dict[str, list[str]] = {}
    for (a, b), openings in sorted(pairs.items()):
        if is_copy(keys[a], keys[b], openings):
            out.setdefault(a, []).append(b)
            out.setdefault(b, []).append(a)
    return out


def copy_groups(shared: dict[str, list[str]]) -> dict[str, str]:
    """Return, per article id that copies or is copied, the first id (in
    sorted order) of its group: articles joined by copying, directly or
    through another, tell one story."""
    root: dict[str, str] = {}

    def find(x: str) -> str:
        while root.setdefault(x, x) != x:
            root[x] = root[root[x]]
            x = root[x]
        return x

    for a, others in shared.items():
        for b in others:
            ra, rb = find(a), find(b)
            if ra != rb:
                root[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in list(root)}


def wire_sources(articles: list[Article]) -> dict[str, list[str]]:
    """Return, per article, "via" labels: credited agencies and copies."""
    shared = copies({a.id: [s.text for s in a.sentences if s.kind == "body"] for a in articles})
    return {a.id: credits(a) + [f"copy of {other}" for other in shared.get(a.id, [])] for a in articles}
