"""Scale benchmark: build synthetic corpora of 1,000, 10,000 and 100,000
articles, index them (extraction included) and measure search and add.

Usage: python bench/scale.py [SIZE ...]   (default 1000 10000 100000)
Prints a markdown table. Each size runs in its own process so that peak
memory is that size's own: the main process's, while it builds the index and
searches (not while it writes the corpus, nor for the linear-scan baseline,
which loads every text). Corpora and indexes go to a temporary folder.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

QUERIES = [
    "export controls",
    "GSOMIA",
    "Esper",
    "Kono",
    "Jeong",
    "expire Saturday",
    '"play into the hands"',
    "intelligence-sharing pact",
    "Seoul",
    "Tokyo OR Washington",
    "trilateral security cooperation",
    "forced labor",
    "Moon Jae-in",
    "curb*",
    "Bangkok talks",
    "Seoul -Tokyo",
    "North Korea missile",
    "tried very hard",
    "renew agreement",
    "exprot",
]


def linear_scan(texts: list[str], query: str) -> int:
    """The baseline: every article's text scanned for all the query's words."""
    from gsomia_cli.query import parse, words_of

    parsed = parse(query)
    words = [w for t in parsed.terms for w in t.words]
    found = 0
    for text in texts:
        low = " ".join(words_of(text))
        if all(w in low for w in words):
            found += 1
    return found


def run_size(n: int, work: Path) -> dict:
    from gsomia_cli.corpus import load_corpus
    from gsomia_cli.corpus_write import NewArticle, add_articles
    from gsomia_cli.index import Index
    from gsomia_cli.search import Filters, search

    os.environ["GSOMIA_CACHE_DIR"] = str(work / "cache")
    # Written by another process: what making it leaves in memory is not the index's.
    subprocess.run([sys.executable, __file__, "--write", str(n), str(work / f"corpus-{n}")], check=True)
    index_md = work / f"corpus-{n}" / "INDEX.md"
    started = time.perf_counter()
    index = Index(index_md)
    index.refresh()
    build = time.perf_counter() - started
    size = index.path.stat().st_size
    search(index, "warm up", Filters(limit=20))
    latencies = []
    for query in QUERIES:
        t = time.perf_counter()
        search(index, query, Filters(limit=20))
        latencies.append(time.perf_counter() - t)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the baseline loads every text
    texts = [a.clean for a in load_corpus(index_md).articles]
    scans = []
    for query in QUERIES[:5]:
        t = time.perf_counter()
        linear_scan(texts, query)
        scans.append(time.perf_counter() - t)
    index.close()
    text = 'Seoul lets the pact lapse. Defense Minister Taro Kono said on Friday that "nothing changed."\n'
    t = time.perf_counter()
    add_articles(index_md, [NewArticle(text, "-", "Bench Wire", dt.date(2019, 11, 22))])
    add_time = time.perf_counter() - t
    t = time.perf_counter()
    index = Index(index_md)
    report = index.refresh()
    refresh_time = time.perf_counter() - t
    index.close()
    p50 = statistics.median(latencies)
    return {
        "n": n,
        "build_s": build,
        "rate": n / build,
        "size_mb": size / 1e6,
        "peak_mb": peak_mb,
        "p50_ms": p50 * 1000,
        "p95_ms": sorted(latencies)[int(0.95 * len(latencies)) - 1] * 1000,
        "scan_ms": statistics.median(scans) * 1000,
        "ratio": statistics.median(scans) / p50,
        "add_s": add_time,
        "refresh_s": refresh_time,
        "refreshed": report.extracted,
    }


def main() -> None:
    if len(sys.argv) > 3 and sys.argv[1] == "--write":
        from synth import write_corpus

        write_corpus(Path(sys.argv[3]), int(sys.argv[2]))
        return
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        with tempfile.TemporaryDirectory() as work:
            print(json.dumps(run_size(int(sys.argv[2]), Path(work))))
        return
    sizes = [int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000]
    print(
        "| articles | index build | articles/s | index size | peak memory | search p50 | search p95 "
        "| linear scan p50 | speed-up | add one | refresh after add |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"| {r['n']:,} | {r['build_s']:.1f} s | {r['rate']:,.0f} | {r['size_mb']:.1f} MB | {r['peak_mb']:.0f} MB "
            f"| {r['p50_ms']:.1f} ms | {r['p95_ms']:.1f} ms | {r['scan_ms']:.0f} ms | {r['ratio']:.0f}x "
            f"| {r['add_s'] * 1000:.0f} ms | {r['refresh_s']:.2f} s |",
            flush=True,
        )


if __name__ == "__main__":
    main()
