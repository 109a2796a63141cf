"""`gsomia report` at scale: the page's size and the time to make it, and
the time headless Chromium takes to load it, on synthetic corpora.

Usage: python bench/report.py [SIZE ...] [--work DIR]   (default 1000 10000)
The corpora and their indexes are bench/cli.py's (kept in --work, default
/tmp/gsomia-bench); the index is built first, not timed here. Prints a
markdown table: per size, the command's wall time (best of three), the
page's size and article texts, and Chromium's time to load and lay it out
(--dump-dom; when Chromium is installed)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

RUNS = 3


def main() -> None:
    from synth import indexed_corpus, sizes_and_work

    sizes, work = sizes_and_work([1_000, 10_000])
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    print("| articles | gsomia report | page | article texts | Chromium loads it |")
    print("|---:|---:|---:|---:|---:|")
    for n in sizes:
        index, env = indexed_corpus(work, n)
        gsomia = [sys.executable, "-m", "gsomia_cli", "--index", str(index)]
        page = work / f"report-{n}.html"
        best = float("inf")
        said = ""
        for _ in range(RUNS):
            start = time.perf_counter()
            done = subprocess.run(
                [*gsomia, "report", "-o", str(page)], env=env, check=True, capture_output=True, text=True
            )
            best = min(best, time.perf_counter() - start)
            said = done.stdout
        texts = said.rsplit(", ", 1)[-1].split()[0]
        load = ""
        if browser:
            start = time.perf_counter()
            subprocess.run(
                [browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
                check=True,
                capture_output=True,
            )
            load = f"{time.perf_counter() - start:.1f} s"
        print(f"| {n:,} | {best:.1f} s | {page.stat().st_size / 1_000_000:.1f} MB | {int(texts):,} | {load} |")


if __name__ == "__main__":
    main()
