"""Hostile input to whole commands, each at N and 2N: the time must double
(linear), not quadruple. Usage: python bench/hostile.py

Rows: a search whose hits are in one huge article (highlighting and the
sentence's context), unknown keys in one INDEX.md block, exclusions in one
query, and a run-on text of dates written as JSON. Extraction's own hostile
rows are in bench/extract.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENTRY = "## {id}\n\n```yaml\noutlet: Bench Wire\npublished: 2019-11-20\nfile: {id}.txt\n{extra}```\n\n"


def corpus(folder: Path, texts: dict[str, str], extra: str = "") -> Path:
    folder.mkdir(parents=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text)
    index = folder / "INDEX.md"
    index.write_text("# bench\n\n" + "".join(ENTRY.format(id=name, extra=extra) for name in texts))
    return index


def seconds(index: Path, *args: str, cache: Path) -> float:
    env = {**os.environ, "GSOMIA_CACHE_DIR": str(cache)}
    command = [sys.executable, "-m", "gsomia_cli", "--index", str(index), *args]
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed: {done.stderr.decode()[-300:]}")
    return elapsed


def main() -> None:
    title = "Defense Minister Jeong Kyeong-doo, "
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for n in (1, 2):
            mb = f"{n} MB"
            big = corpus(root / f"big{n}", {"big": title * 30_000 * n, "small": "The pact ends.\n"})
            seconds(big, "index", cache=root / f"c{n}")  # (indexing is timed in bench/extract.py)
            rows.append(
                (
                    f"search Jeong, hits in one article of {mb} of titles",
                    seconds(big, "search", "Jeong", cache=root / f"c{n}"),
                )
            )
            keys = "".join(f"unknown_{k}: x\n" for k in range(10_000 * n))
            many = corpus(root / f"keys{n}", {"a": "The pact ends.\n"}, extra=keys)
            rows.append(
                (f"check, {10_000 * n:,} unknown keys in one block", seconds(many, "check", cache=root / f"k{n}"))
            )
            exclusions = " ".join(f"-word{k}" for k in range(75 * n))
            rows.append(
                (f"search with {75 * n} exclusions", seconds(big, "search", f"pact {exclusions}", cache=root / f"c{n}"))
            )
            dates = corpus(root / f"dates{n}", {"d": "on Saturday, Nov. 23, last year, in 3 days, " * 2_000 * n})
            rows.append(
                (
                    f"dates --json, one run-on text of {8_000 * n:,} dates",
                    seconds(dates, "dates", "--json", cache=root / f"d{n}"),
                )
            )
    print("| input (whole process, start-up included) | time |\n|---|---:|")
    for label, elapsed in rows[0::4] + rows[1::4] + rows[2::4] + rows[3::4]:  # each input at N, then 2N
        print(f"| {label} | {elapsed:.2f} s |")


if __name__ == "__main__":
    main()
