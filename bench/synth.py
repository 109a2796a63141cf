"""Deterministic synthetic corpora for the benchmarks: articles made by
recombining and varying the seed articles' sentences.

Usage: python bench/synth.py N FOLDER   (a corpus of N articles in FOLDER)
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

from gsomia_cli.corpus import Article, load_corpus
from gsomia_cli.resources import bundled_seeds

OUTLETS = [
    "Korea Herald",
    "Japan Today",
    "Nikkei Asia",
    "Reuters",
    "AP",
    "NHK World",
    "Korea Times",
    "Mainichi",
    "Straits Times",
    "South China Morning Post",
    "Hankyoreh",
    "Kyodo",
    "Yomiuri",
    "Chosun Ilbo",
    "VOA",
]
SWAPS = [
    ("Sunday", "Monday"),
    ("Nov. 23", "Nov. 22"),
    ("Tokyo", "Japan"),
    ("Seoul", "South Korea"),
    ("said", "told reporters"),
    ("export curbs", "export controls"),
    ("pact", "agreement"),
]


def seed_paragraphs() -> list[str]:
    corpus = load_corpus(bundled_seeds())
    return [p.text for a in corpus.articles for p in a.paragraphs if p.kind == "body" and len(p.text) > 40]


def synthetic_texts(n: int, seed: int = 2019) -> list[tuple[str, str, dt.date, str]]:
    """Return ``n`` articles as ``(id, outlet, published, text)``."""
    rng = random.Random(seed)
    paragraphs = seed_paragraphs()
    start = dt.date(2019, 8, 1)
    out = []
    for i in range(n):
        chosen = rng.sample(paragraphs, k=rng.randint(8, 14))
        text = "\n\n".join(chosen)
        for old, new in rng.sample(SWAPS, k=2):
            text = text.replace(old, new, 1)
        outlet = OUTLETS[i % len(OUTLETS)]
        published = start + dt.timedelta(days=rng.randint(0, 120))
        out.append((f"syn-{i:06d}", outlet, published, text))
    return out


def synthetic_articles(n: int, seed: int = 2019) -> list[Article]:
    """Return ``n`` in-memory articles (no files)."""
    return [
        Article(id=i, outlet=o, published=p, file=f"{i}.txt", raw=t, path=Path(f"/synthetic/{i}.txt"))
        for i, o, p, t in synthetic_texts(n, seed)
    ]


def write_corpus(folder: Path, n: int, seed: int = 2019) -> Path:
    """Write a synthetic corpus of ``n`` articles with its INDEX.md; return its path."""
    articles = folder / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    lines = ["# Synthetic corpus\n"]
    for art_id, outlet, published, text in synthetic_texts(n, seed):
        (articles / f"{art_id}.txt").write_text(text, encoding="utf-8")
        lines.append(
            f"## {art_id}\n\n```yaml\noutlet: {outlet}\npublished: {published}\nfile: articles/{art_id}.txt\n```\n"
        )
    index = folder / "INDEX.md"
    index.write_text("\n".join(lines), encoding="utf-8")
    return index


if __name__ == "__main__":
    import sys

    if len(sys.argv) != 3 or not sys.argv[1].isdigit():
        raise SystemExit("usage: python bench/synth.py N FOLDER   (writes FOLDER/INDEX.md and FOLDER/articles/)")
    print(write_corpus(Path(sys.argv[2]), int(sys.argv[1])))


def sizes_and_work(default: list[int]) -> tuple[list[int], Path]:
    """The corpus sizes named on the command line (``default`` when none) and
    the folder the corpora are kept in (``--work DIR``, default /tmp/gsomia-bench)."""
    args = sys.argv[1:]
    work = Path("/tmp/gsomia-bench")
    if "--work" in args:
        k = args.index("--work")
        work = Path(args[k + 1])
        del args[k : k + 2]
    work.mkdir(parents=True, exist_ok=True)
    return [int(a) for a in args] or default, work


def indexed_corpus(work: Path, n: int) -> tuple[Path, dict[str, str]]:
    """The INDEX.md of the synthetic corpus of ``n`` articles kept in
    ``work`` (written on first use) and the environment whose cache holds its
    index, built here, so that what a bench times is the command alone."""
    import os
    import subprocess

    folder = work / f"corpus-{n}"
    index = folder / "INDEX.md"
    if not index.exists():
        write_corpus(folder, n)
    env = {**os.environ, "GSOMIA_CACHE_DIR": str(work / f"cache-{n}")}
    env.pop("GSOMIA_INDEX", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # (an installed package has its byte code)
    command = [sys.executable, "-m", "gsomia_cli", "--index", str(index), "index"]
    subprocess.run(command, env=env, check=True, capture_output=True)
    return index, env
