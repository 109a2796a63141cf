"""Extraction throughput on a synthetic corpus (one core), and the time of
hostile inputs. Usage: python bench/extract.py [N]   (default 10,000)

It measures the gsomia_cli that Python imports: the compiled core after
`pip install .`, plain Python after `pip install -e .` (the first line says
which)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import synthetic_articles  # noqa: E402

from gsomia_cli import build  # noqa: E402
from gsomia_cli.corpus import Article  # noqa: E402
from gsomia_cli.extract import extract  # noqa: E402


def timed(article: Article) -> float:
    started = time.perf_counter()
    extract(article)
    return time.perf_counter() - started


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    articles = synthetic_articles(n)
    extract(articles[0])  # load the data files and compile the rules first
    size = sum(len(a.raw) for a in articles)
    started = time.perf_counter()
    records = 0
    for article in articles:
        ex = extract(article)
        records += len(ex.dates) + len(ex.quotes) + len(ex.claims) + len(ex.mentions)
    elapsed = time.perf_counter() - started
    print(f"| extraction core | {build()} |")
    print(f"| articles | {n:,} |\n| mean size | {size // n:,} chars |\n| records | {records:,} |")
    print(
        f"| time | {elapsed:.1f} s |\n| throughput | {n / elapsed:,.0f} articles/s ({size / elapsed / 1e6:.2f} MB/s) |"
    )
    paragraph = (
        'Defense Minister Taro Kono said on Sunday that "the talks will go on," while Seoul insists '
        "it will only reconsider if Tokyo first lifts its export curbs. The pact is to expire on Saturday.\n\n"
    )
    hostile = {
        "5 MB article": paragraph * 26_400,
        "100,000 quotation marks": '"' * 100_000,
        "50,000 words in single quotation marks": " 'a' " * 50_000,
        "20,000 'Mr. '": "Mr. " * 20_000,
        "unbalanced quotes, 1 MB": ('He said "never closed. ' * 45_000),
        "one sentence of 40,000 reporting verbs": "He said that Japan would wait and said that " * 20_000,
        "one sentence of 40,000 dates": "on Saturday, Nov. 23, last year, in 3 days, " * 10_000,
        "one sentence of 8,000 expiry claims": "the pact expires Saturday, " * 8_000,
        "one sentence of 8,000 appositions": "Seoul, the ministry, said " * 8_000,
        "one sentence of 8,000 participles": "Kono said it ended, adding that " * 8_000,
        "one sentence of 8,000 'quoted as saying'": "Kono was quoted as saying " * 8_000,
        "1 MB of 'said that'": "said that " * 100_000,
        "2 MB of 'said that'": "said that " * 200_000,
        "1 MB of 'Defense Minister Jeong Kyeong-doo,'": "Defense Minister Jeong Kyeong-doo, " * 30_000,
        "2 MB of 'Defense Minister Jeong Kyeong-doo,'": "Defense Minister Jeong Kyeong-doo, " * 60_000,
    }
    for label, text in hostile.items():
        article = Article(id="h", outlet="X", published=articles[0].published, file="h.txt", raw=text, path=Path("h"))
        print(f"| {label} | {timed(article):.2f} s |")


if __name__ == "__main__":
    main()
