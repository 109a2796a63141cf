"""`gsomia add` and `gsomia export`."""

from __future__ import annotations

import csv
import io
import json
import threading

from conftest import entry, write_corpus

from gsomia_cli.corpus import load_corpus
from gsomia_cli.corpus_write import NewArticle, add_articles

TEXT = 'Seoul lets the pact lapse.\n\nDefense Minister Taro Kono said on Friday that "nothing changed."\n'


def test_add_creates_and_appends(run, tmp_path):
    source = tmp_path / "herald.txt"
    source.write_text(TEXT)
    index = tmp_path / "corpus" / "INDEX.md"
    result = run(
        "add",
        str(source),
        "--outlet",
        "The Korea Herald",
        "--published",
        "2019-11-22",
        "--headline",
        'Seoul: "pact lapses"',
        index=index,
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == f"added korea-herald-2019-11-22 ({source}) to {index}"
    again = run("add", str(source), "--outlet", "The Korea Herald", "--published", "2019-11-22", index=index)
    assert again.exit_code == 1 and again.stdout == ""
    assert again.stderr == (
        f"gsomia: {source}: skipped: the same text as korea-herald-2019-11-22 (--allow-duplicate adds it anyway)\n"
    )
    again = run(
        "add",
        str(source),
        "--outlet",
        "The Korea Herald",
        "--published",
        "2019-11-22",
        "--allow-duplicate",
        index=index,
    )
    assert "korea-herald-2019-11-22-2" in again.stdout
    assert sorted(p.name for p in index.parent.iterdir()) == ["INDEX.md", "articles"]  # no lock file left
    corpus = load_corpus(index)
    assert [(a.id, a.outlet, a.headline) for a in corpus.articles] == [
        ("korea-herald-2019-11-22", "The Korea Herald", 'Seoul: "pact lapses"'),
        ("korea-herald-2019-11-22-2", "The Korea Herald", None),
    ]
    assert corpus.articles[0].raw == TEXT
    assert run("check", index=index).exit_code == 0


def test_the_same_text_twice_in_one_call_is_added_once(run, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b.txt").write_text(TEXT)
    index = tmp_path / "corpus" / "INDEX.md"
    args = ["add", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--outlet", "X", "--published", "2019-11-22"]
    result = run(*args, index=index)
    assert result.exit_code == 1
    assert result.stdout == f"added x-2019-11-22 ({tmp_path / 'a.txt'}) to {index}\n"
    assert result.stderr == (
        f"gsomia: {tmp_path / 'b.txt'}: skipped: the same text as {tmp_path / 'a.txt'} (--allow-duplicate adds it anyway)\n"
        "gsomia: 1 of 2 sources added\n"
    )
    assert [a.id for a in load_corpus(index).articles] == ["x-2019-11-22"]


def test_add_from_stdin_with_id(run, tmp_path):
    index = tmp_path / "INDEX.md"
    result = run(
        "add", "-", "--outlet", "Reuters", "--published", "2019-11-22", "--id", "reuters-lapse", index=index, input=TEXT
    )
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "articles" / "reuters-lapse.txt").read_text() == TEXT


def test_an_add_refused_whole_changes_nothing(run, tmp_path):
    index = write_corpus(tmp_path, entry("a", "outlet: X\npublished: 2019-11-20\nfile: a.txt"), {"a.txt": "Text."})
    before = index.read_bytes()
    good = tmp_path / "good.txt"
    good.write_text(TEXT)
    (tmp_path / "bad.pdf").write_text("x")
    cases = [
        (["add", str(good), "--outlet", "X", "--published", "22 Nov"], 2, "--published '22 Nov' is not a date"),
        (
            ["add", str(tmp_path / "bad.pdf"), "--outlet", "X", "--published", "2019-11-22"],
            1,
            "only .txt, .md and .html",
        ),
        (["add", str(good), "--outlet", "X", "--published", "2019-11-22", "--id", "a"], 1, "id 'a' is already in"),
        (["add", str(good), "--outlet", "X", "--published", "2019-11-22", "--id", "bad id"], 1, "bad id 'bad id'"),
        (
            ["add", str(good), str(good), "--outlet", "X", "--published", "2019-11-22", "--id", "z"],
            2,
            "--id names one article",
        ),
        (["add", str(good), "--outlet", " ", "--published", "2019-11-22"], 1, "the outlet must not be empty"),
        (
            ["add", str(good), "--published", "2019-11-22"],
            1,
            f"{good}: no outlet: a text file does not name it; give --outlet",
        ),
        (
            ["add", str(good), "--outlet", "X"],
            1,
            f"{good}: no publication date: a text file does not give it; give --published",
        ),
        (["add"], 2, "nothing to add"),
    ]
    for args, code, message in cases:
        result = run(*args, index=index)
        assert result.exit_code == code, (args, result.stderr)
        assert message in result.stderr, (args, result.stderr)
        assert index.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".txt") == ["a.txt", "good.txt"]
    assert not (tmp_path / "articles").exists()


def test_a_source_that_fails_is_said_and_the_others_are_added(run, tmp_path):
    index = write_corpus(tmp_path, entry("a", "outlet: X\npublished: 2019-11-20\nfile: a.txt"), {"a.txt": "Text."})
    good = tmp_path / "good.txt"
    good.write_text(TEXT)
    (tmp_path / "empty.txt").write_text("  ")
    args = [str(tmp_path / "empty.txt"), str(good), str(tmp_path / "missing.txt")]
    result = run("add", *args, "--outlet", "X", "--published", "2019-11-22", index=index)
    assert result.exit_code == 1
    assert result.stdout == f"added x-2019-11-22 ({good}) to {index}\n"
    assert result.stderr.splitlines() == [
        f"gsomia: {tmp_path / 'empty.txt'}: empty",
        f"gsomia: {tmp_path / 'missing.txt'}: no such file",
        "gsomia: 1 of 3 sources added",
    ]
    entries = index.read_text().split("## x-2019-11-22")[1]
    assert 'source: "good.txt, added 20' in entries
    assert run("check", index=index).exit_code == 0


def test_bundled_seeds_are_read_only(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT)
    from gsomia_cli import resources

    monkeypatch.setattr(
        resources, "bundled_seeds", lambda: tmp_path / "site-packages" / "gsomia_cli" / "seeds" / "INDEX.md"
    )
    result = run("add", "a.txt", "--outlet", "X", "--published", "2019-11-22", index=None)
    assert result.exit_code == 2 and "add needs a corpus of your own" in result.stderr
    from conftest import SEEDS_INDEX

    before = SEEDS_INDEX.read_text()
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(SEEDS_INDEX.parent, copy)  # (wherever the seeds are: installed, a checkout, a copy)
    for seeds in (SEEDS_INDEX, copy / "INDEX.md"):
        result = run("add", "a.txt", "--outlet", "X", "--published", "2019-11-22", index=seeds)
        assert result.exit_code == 2 and "the bundled seed corpus is read-only" in result.stderr
    assert SEEDS_INDEX.read_text() == before


def test_concurrent_adds_lose_nothing(tmp_path):
    index = tmp_path / "INDEX.md"
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            for k in range(5):
                add_articles(index, [NewArticle(f"Text {n}-{k}.", "-", "Wire", load_date(), None, None, None, None)])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    corpus = load_corpus(index)
    assert len(corpus.articles) == 20
    assert len({a.id for a in corpus.articles}) == 20
    assert sorted(a.raw for a in corpus.articles) == sorted(f"Text {n}-{k}." for n in range(4) for k in range(5))


def load_date():
    import datetime as dt

    return dt.date(2019, 11, 22)


def test_export_jsonl_parses_back(run):
    result = run("export")
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["id"] for d in lines] == [
        "fortruss-2019-11-17",
        "japantimes-2019-11-17",
        "vietnam-2019-11-17",
        "yonhap-2019-11-17",
        "asahi-2019-11-18",
    ]
    for d in lines:
        assert {
            "id",
            "outlet",
            "published",
            "file",
            "text",
            "officials",
            "mentions",
            "dates",
            "quotes",
            "claims",
        } <= set(d)
        for q in d["quotes"]:
            assert d["text"][q["start"] : q["end"]] == q["text"]


def test_export_csv_to_file(run, tmp_path):
    out = tmp_path / "corpus.csv"
    result = run("export", "--format", "csv", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert list(rows[0]) == [
        "article",
        "outlet",
        "published",
        "file",
        "type",
        "name",
        "value",
        "kind",
        "text",
        "start",
        "end",
    ]
    assert {r["type"] for r in rows} == {"official", "date", "quote", "claim"}
    assert any(r["type"] == "claim" and r["name"] == "expiry_date" and r["value"] == "2019-11-24" for r in rows)


def test_file_errors_are_one_line_not_a_traceback(run, tmp_path):
    result = run("export", "-o", str(tmp_path / "missing" / "out.jsonl"))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"gsomia: No such file or directory: {tmp_path / 'missing' / 'out.jsonl'}"
    blocker = tmp_path / "file"
    blocker.write_text("x")
    (tmp_path / "a.txt").write_text(TEXT)
    added = run(
        "add", str(tmp_path / "a.txt"), "--outlet", "X", "--published", "2019-11-22", index=blocker / "INDEX.md"
    )
    assert added.exit_code == 1 and added.stderr.startswith("gsomia: ") and "Traceback" not in added.stderr


def test_a_closed_pipe_ends_quietly(tmp_path):
    """`gsomia export | head -1`: no "Broken pipe" message, exit status 0."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "GSOMIA_CACHE_DIR": str(tmp_path / "cache")}
    subprocess.run([sys.executable, "-m", "gsomia_cli", "index"], env=env, check=True, capture_output=True)
    proc = subprocess.Popen(
        [sys.executable, "-m", "gsomia_cli", "export"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # (the export is larger than a pipe's buffer: its next writes fail)
    error = proc.stderr.read().decode()
    assert proc.wait() == 0 and error == "" and first.startswith(b'{"id": ')
