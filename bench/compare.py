"""Comparison at scale: `gsomia compare` and `gsomia timeline` (and `who`)
as whole processes on a synthetic corpus, once its index is built.

Usage: python bench/compare.py [N]   (default 10,000)
Prints a markdown table: the index build (not part of the commands' time),
then each command's wall time and output size, best of three runs."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import write_corpus  # noqa: E402

COMMANDS = [
    ["compare", "--json"],
    ["compare"],
    ["compare", "--since", "2019-11-15", "--until", "2019-11-25"],
    ["timeline", "--json"],
    ["timeline"],
    ["who", "--json"],
]


def run(args: list[str], index: Path, env: dict[str, str]) -> tuple[float, int]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "gsomia_cli", "--index", str(index), *args], capture_output=True, env=env, check=True
    )
    return time.perf_counter() - started, len(done.stdout)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        index = write_corpus(work / "corpus", n)
        env = {**os.environ, "GSOMIA_CACHE_DIR": str(work / "cache"), "COLUMNS": "160"}
        build, _ = run(["index"], index, env)
        print(f"| {n:,} articles | time (best of 3) | output |\n|---|---:|---:|")
        print(f"| index build (once) | {build:.1f} s | |")
        for args in COMMANDS:
            times = [run(args, index, env) for _ in range(3)]
            best = min(t for t, _ in times)
            print(f"| `gsomia {' '.join(args)}` | {best:.2f} s | {times[0][1] / 1e6:.1f} MB |")


if __name__ == "__main__":
    main()
