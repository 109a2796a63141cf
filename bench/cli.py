"""What a user waits for: whole `gsomia` processes on synthetic corpora.

Usage: python bench/cli.py [SIZE ...] [--work DIR]   (default 1000 10000 100000)

For each size, a corpus from bench/synth.py (kept in --work, default
/tmp/gsomia-bench, so that later runs reuse it) and its index (built first,
not timed here: bench/scale.py times indexing). Each row is the median of
three runs (eleven for a command under a second), with the peak memory of
the process, as the installed `gsomia` script runs; `articles` also gives the
time to its first row. Then start-up on the seeds beside a bare click CLI.
Prints markdown tables.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

RUNS = 3
QUICK_RUNS = 11
# Runs a command, then prints its wall time, peak memory (KB) and time to the first line of output.
MEASURE = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
first = None
for line in p.stdout:
    if first is None:
        first = time.perf_counter() - start
p.wait()
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, first or 0.0, p.returncode)
"""


def measure(command: list[str], env: dict[str, str], shell: str | None = None) -> tuple[float, float, float]:
    """Median (seconds, peak MB, seconds to the first line) of RUNS runs, or
    of QUICK_RUNS for a command that takes under a second (a busy machine
    moves a tenth of a second by a few milliseconds)."""
    runs: list[tuple[float, float, float]] = []
    while len(runs) < (QUICK_RUNS if runs and runs[0][0] < 1.0 else RUNS):
        argv = ["sh", "-c", shell] if shell else command
        out = subprocess.run([sys.executable, "-c", MEASURE, *argv], env=env, capture_output=True, text=True)
        seconds, kb, first, _ = out.stdout.split()
        runs.append((float(seconds), int(kb) / 1024, float(first)))
    return tuple(statistics.median(r[k] for r in runs) for k in range(3))  # type: ignore[return-value]


# The installed command, as a user runs it (`python -m gsomia_cli` costs a few
# milliseconds more: runpy); the module where there is no such script.
SCRIPT = Path(sys.executable).parent / "gsomia"
COMMAND = [str(SCRIPT)] if SCRIPT.is_file() else [sys.executable, "-m", "gsomia_cli"]


def gsomia(index: Path, *args: str) -> list[str]:
    return [*COMMAND, "--index", str(index), *args]


def run_size(n: int, work: Path) -> list[tuple[str, float, float, float]]:
    from synth import indexed_corpus

    index, env = indexed_corpus(work, n)
    folder = index.parent
    one = "syn-000007"
    rows = []

    def row(label: str, command: list[str] | None = None, shell: str | None = None) -> None:
        rows.append((label, *measure(command or [], env, shell)))

    row("search 'export controls' (warm index)", gsomia(index, "search", "export controls", "--limit", "10"))
    if shutil.which("rg"):
        row("  rg -il 'export controls' (linear scan)", ["rg", "-il", "export controls", str(folder / "articles")])
    row("  grep -ril 'export controls' (linear scan)", ["grep", "-ril", "export controls", str(folder / "articles")])
    row(f"show {one}", gsomia(index, "show", one))
    for command in ("quotes", "dates", "claims", "officials"):
        row(f"{command} --article {one}", gsomia(index, command, "--article", one))
    row("articles (all; first row)", gsomia(index, "articles"))
    row("articles --json", gsomia(index, "articles", "--json"))
    row("export --format jsonl", gsomia(index, "export"))
    row("export --format csv", gsomia(index, "export", "--format", "csv"))
    row("check", gsomia(index, "check"))
    if n <= 10_000:
        for command in ("compare", "who", "timeline"):
            row(command, gsomia(index, command))
    rows.append(("add one article, then search", add_then_search(index, env, work), 0.0, 0.0))
    # The same with a resident server (`gsomia serve`): the caller's memory is not the command's, so none is shown.
    socket_path = work / f"serve-{n}.sock"
    server = subprocess.Popen([*COMMAND, "serve", "--socket", str(socket_path)], env=env, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not socket_path.is_socket():
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"gsomia serve did not start on {socket_path}")
            time.sleep(0.05)
        served = {**env, "GSOMIA_SERVER": str(socket_path)}
        search = gsomia(index, "search", "export controls", "--limit", "10")
        rows.append(("search 'export controls', gsomia serve running", measure(search, served)[0], 0.0, 0.0))
        rows.append(
            ("add one article, then search, gsomia serve running", add_then_search(index, served, work), 0.0, 0.0)
        )
    finally:
        server.terminate()
        server.wait()
    return rows


def add_then_search(index: Path, env: dict[str, str], work: Path) -> float:
    """Median seconds of an add followed by a search (the refresh after the add is in its time)."""
    text = work / "added.txt"
    times = []
    words = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike oscar papa quebec".split()
    pick = random.Random(time.time_ns())
    for _ in range(RUNS):
        # (a text unlike the others: a near copy of an earlier one from the same outlet is skipped as a duplicate)
        opening = " ".join(pick.choice(words).title() for _ in range(3)) + f" {pick.randrange(10**9)}"
        text.write_text(
            f"{opening} said on Friday that {' '.join(pick.choice(words) for _ in range(14))} would lapse.\n"
        )
        start = time.perf_counter()
        subprocess.run(
            gsomia(index, "add", str(text), "--outlet", "Bench Wire", "--published", "2019-11-22"),
            env=env,
            check=True,
            capture_output=True,
        )
        subprocess.run(gsomia(index, "search", "lapse", "--limit", "1"), env=env, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def startup() -> list[tuple[str, float]]:
    env = {**os.environ, "GSOMIA_CACHE_DIR": "/tmp/gsomia-bench/cache-seeds"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    bare = "import click\n@click.command()\ndef main():\n    click.echo('x')\nmain()"
    out = [("bare click CLI", measure([sys.executable, "-c", bare], env)[0])]
    subprocess.run([*COMMAND, "index"], env=env, capture_output=True)
    for label, args in [
        ("gsomia --help", ["--help"]),
        ("gsomia articles (seeds)", ["articles"]),
        ("gsomia search --json (seeds)", ["search", "export controls", "--json"]),
    ]:
        out.append((label, measure([*COMMAND, *args], env)[0]))
    return out


def main() -> None:
    from synth import sizes_and_work

    from gsomia_cli import build

    sizes, work = sizes_and_work([1_000, 10_000, 100_000])
    print(f"extraction core: {build()}; median of {RUNS} runs ({QUICK_RUNS} for a command under a second)\n")
    results = {n: run_size(n, work) for n in sizes}
    labels = [label for label, *_ in results[sizes[0]]]
    print("| command | " + " | ".join(f"{n:,} articles" for n in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    for label in labels:
        cells = []
        for n in sizes:
            found = [r for r in results[n] if r[0] == label]
            if not found:
                cells.append("")
                continue
            _, seconds, mb, first = found[0]
            cell = f"{seconds:.2f} s"
            if mb:
                cell += f", {mb:,.0f} MB"
            if label.startswith("articles (all"):
                cell += f", first row {first:.2f} s"
            cells.append(cell)
        print(f"| {label} | " + " | ".join(cells) + " |")
    print("\n| start-up | time | ratio to bare click |\n|---|---:|---:|")
    rows = startup()
    for label, seconds in rows:
        print(f"| {label} | {seconds * 1000:.0f} ms | {seconds / rows[0][1]:.2f} |")


if __name__ == "__main__":
    main()
