"""Hostile input through the CLI: impossible dates and tags in INDEX.md,
alias bombs, broken data files, a corrupt or unwritable cache, concurrent
processes. Each is a clear message and an exit status, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import write_corpus

TEXT = "Defense Minister Taro Kono said the pact would expire on Saturday."


def one_entry(tmp_path: Path, lines: str) -> Path:
    block = f"## a\n\n```yaml\noutlet: X\n{lines}\n```\n"
    return write_corpus(tmp_path, block, {"articles/a.txt": TEXT})


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            "published: 2019-02-30\nfile: articles/a.txt",
            "INDEX.md:5: article 'a': published '2019-02-30' is not a date",
        ),
        (
            "published: 2019-13-45\nfile: articles/a.txt",
            "INDEX.md:5: article 'a': published '2019-13-45' is not a date",
        ),
        (
            "published: 0000-01-01\nfile: articles/a.txt",
            "INDEX.md:5: article 'a': published '0000-01-01' is not a date",
        ),
        ("published: !!int 'xyz'\nfile: articles/a.txt", "INDEX.md:5: article 'a': published 'xyz' is not a date"),
        ("published: !!timestamp 'xyz'\nfile: articles/a.txt", "published 'xyz' is not a date"),
        (
            'published: 2019-11-18\nfile: "articles/a\\0.txt"',
            "INDEX.md:6: article 'a': file 'articles/a\\x00.txt' is not a file name",
        ),
        (
            "published: &d 2019-11-18\nnote: *d\nfile: articles/a.txt",
            "INDEX.md:4: article 'a': YAML aliases (*name) are not allowed",
        ),
    ],
)
def test_bad_values_in_an_index_block_are_file_line_errors(run, tmp_path, lines, message):
    result = run("check", index=one_entry(tmp_path, lines))
    assert result.exit_code == 1 and message in result.stderr, result.stderr


@pytest.mark.parametrize(
    "lines",
    [
        "published: 2019-11-18\nnote: 2019-11-18T10:00:00+25:00\nfile: articles/a.txt",
        "published: 2019-11-18\nnote: !!float 'xyz'\nfile: articles/a.txt",
        "published: 2019-11-18\nnote: 2019-02-30\nfile: articles/a.txt",
    ],
)
def test_odd_optional_values_stay_text(run, tmp_path, lines):
    result = run("check", index=one_entry(tmp_path, lines))
    assert result.exit_code == 0 and "1 article, no problems" in result.stdout


def test_a_billion_laughs_in_an_index_block_is_refused(run, tmp_path):
    bomb = "published: 2019-11-18\nfile: articles/a.txt\nlol: &a [x, x, x, x, x, x, x, x, x]\n"
    for n in range(1, 9):
        bomb += f"l{n}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
    result = run("check", index=one_entry(tmp_path, bomb.rstrip()))
    assert result.exit_code == 1 and "YAML aliases (*name) are not allowed" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"claims: [1, 2]\n", "claims.yaml: `claims` must be a mapping"),
        (b"claims:\n  x: {kind: flag, rules: [{what: ['(a+)+$']}]}\n", "repeats a repeated group"),
        (
            b"claims:\n  x: {kind: flag, rules: [{what: ['(unclosed']}]}\n",
            "claims.yaml: a claim definition cannot be used",
        ),
        (b"claims:\n  x: {kind: flag, rules: 5}\n", "claims.yaml: a claim definition cannot be used"),
        (b"claims: {x: [\n", "claims.yaml:2: YAML does not parse"),
        (b"claims:\n  x: \xff\xfe\n", "claims.yaml: not UTF-8 text (byte 13)"),
        (b"- a list\n", "claims.yaml: expected a mapping of keys at the top, found list"),
        (b"a: &a [x, x]\nb: [*a, *a]\n", "claims.yaml: YAML aliases (*name) are not allowed in data files"),
        (b"anaphors: [[1]]\n", "claims.yaml: each item of `anaphors` must be a text, not [1]"),
        (b"officials: 5\n", "officials.yaml: `officials` must be a list"),
        (b"abbreviations: {a: 1}\n", "language.yaml: `abbreviations` must be a list"),
    ],
)
def test_a_broken_data_file_is_one_error(run, tmp_path, monkeypatch, content, message):
    data = tmp_path / "data"
    data.mkdir()
    named = message.split(":")[0]
    (data / (named if named.endswith(".yaml") else "claims.yaml")).write_bytes(content)
    monkeypatch.setenv("GSOMIA_DATA_DIR", str(data))
    clear_data_caches()
    try:
        result = run("claims")
    finally:
        clear_data_caches()
    assert result.exit_code == 1 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def clear_data_caches() -> None:
    """Forget every cached reading of the data files (the package caches them per process)."""
    for name, module in list(sys.modules.items()):
        if name.startswith("gsomia_cli"):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", "") == name:
                    value.cache_clear()


def gsomia(*args: str, env: dict[str, str], stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "gsomia_cli", *args], env=env, capture_output=True, input=stdin)


def test_concurrent_searches_on_a_fresh_cache_all_succeed(tmp_path):
    env = {**os.environ, "GSOMIA_CACHE_DIR": str(tmp_path / "cache")}
    for trial in range(3):
        env["GSOMIA_CACHE_DIR"] = str(tmp_path / f"cache{trial}")
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "gsomia_cli", "search", "export controls", "--json"],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for _ in range(4)
        ]
        outs = [p.communicate() for p in procs]
        assert [p.returncode for p in procs] == [0, 0, 0, 0], [e.decode()[-300:] for _, e in outs]
        assert all(e == b"" for _, e in outs), [e.decode()[-300:] for _, e in outs]
        assert len({o for o, _ in outs}) == 1


@pytest.mark.parametrize("where", ["first page", "middle", "end"])
def test_a_damaged_cache_never_fails_a_command(tmp_path, where):
    import random

    env = {**os.environ, "GSOMIA_CACHE_DIR": str(tmp_path / "cache")}
    assert gsomia("index", env=env).returncode == 0
    (db,) = list((tmp_path / "cache").glob("*.sqlite"))
    size = db.stat().st_size
    offset = {"first page": 0, "middle": size // 2, "end": size - 4096}[where]
    with open(db, "r+b") as handle:
        handle.seek(offset)
        handle.write(random.Random(7).randbytes(4096 - offset % 4096))
    warned = b""
    for command in (["search", "Kono", "--json"], ["export"], ["quotes", "--json"]):
        result = gsomia(*command, env=env)
        assert result.returncode == 0 and b"Kono" in result.stdout, result.stderr.decode()
        assert not result.stderr or result.stderr.startswith(b"gsomia: warning: the index cache was damaged ("), (
            result.stderr
        )
        assert result.stderr.count(b"\n") <= 1 and b"Traceback" not in result.stderr
        warned += result.stderr
    if where == "first page":  # damage SQLite reports at once (it checksums nothing: see the README)
        assert b"it is rebuilt" in warned


def test_a_cache_with_only_its_meta_table_is_rebuilt(tmp_path):
    import sqlite3

    env = {**os.environ, "GSOMIA_CACHE_DIR": str(tmp_path / "cache")}
    assert gsomia("index", env=env).returncode == 0
    (db,) = list((tmp_path / "cache").glob("*.sqlite"))[:1]
    with sqlite3.connect(db) as con:
        con.execute("DROP TABLE articles")
    result = gsomia("quotes", "--json", env=env)
    result = gsomia("search", "Kono", "--json", env=env)
    assert result.returncode == 0 and b"Kono" in result.stdout, result.stderr.decode()


def test_add_needs_a_corpus_of_ones_own(run, tmp_path, monkeypatch):
    source = tmp_path / "new.txt"
    source.write_text("Seoul answered on Monday that nothing had changed.\n")
    monkeypatch.chdir(tmp_path)
    result = run("add", str(source), "--outlet", "X", "--published", "2019-11-20", index=None)
    assert result.exit_code == 2 and "add needs a corpus of your own: --index PATH" in result.stderr


def test_add_from_stdin_that_is_not_utf8(run, tmp_path):
    index = tmp_path / "mine" / "INDEX.md"
    result = run("add", "-", "--outlet", "X", "--published", "2019-11-20", index=index, input=b"caf\xe9 news")
    assert result.exit_code == 1 and "-: not UTF-8 (byte 3)" in result.stderr
    assert not index.exists() and not (tmp_path / "mine" / "articles").exists()


def test_special_files_are_refused_not_read(run, tmp_path):
    index = one_entry(tmp_path, "published: 2019-11-18\nfile: articles/a.txt")
    (tmp_path / "articles" / "a.txt").unlink()
    os.mkfifo(tmp_path / "articles" / "a.txt")
    result = run("check", index=index)
    assert result.exit_code == 1 and "file 'articles/a.txt' is not a regular file" in result.stderr
    fifo = tmp_path / "in.txt"
    os.mkfifo(fifo)
    mine = tmp_path / "mine" / "INDEX.md"
    result = run("add", str(fifo), "--outlet", "X", "--published", "2019-11-20", index=mine)
    assert result.exit_code == 1 and "in.txt: not a regular file" in result.stderr
    pipe_index = tmp_path / "pipe.md"
    os.mkfifo(pipe_index)
    assert "not a regular file" in run("check", index=pipe_index).stderr


def test_export_never_overwrites_the_corpus(run, tmp_path):
    index = one_entry(tmp_path, "published: 2019-11-18\nfile: articles/a.txt")
    before = index.read_text()
    for target in (index, tmp_path / "articles" / "a.txt"):
        result = run("export", "-o", str(target), index=index)
        assert result.exit_code == 2 and "that is a file of the corpus" in result.stderr
    assert index.read_text() == before and (tmp_path / "articles" / "a.txt").read_text() == TEXT


def test_escape_sequences_in_text_never_reach_a_terminal():
    import io

    from rich.text import Text

    from gsomia_cli.render import _safe_console_class, escape_controls

    assert escape_controls("a\x1b[2Jb\tc\nd\x07\x9b") == "a\\x1b[2Jb\tc\nd\\x07\\x9b"
    out = io.StringIO()
    terminal = _safe_console_class()(file=out, force_terminal=True, color_system="standard", width=80)
    terminal.print(Text("Kono\x1b]0;pwned\x07 said", style="bold"))
    printed = out.getvalue()
    assert "\x1b]0;" not in printed and "Kono\\x1b]0;pwned said" in printed  # (rich drops the bell itself)
    assert "\x1b[1m" in printed  # (its own styling still works)
    piped = io.StringIO()
    _safe_console_class()(file=piped, width=80).print("raw\x1b[2J")
    assert piped.getvalue() == "raw\x1b[2J\n"  # (not a terminal: the text as it is, for programs)


def test_an_ascii_terminal_gets_escapes_not_a_traceback(tmp_path):
    env = {**os.environ, "GSOMIA_CACHE_DIR": str(tmp_path / "cache"), "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    result = gsomia("compare", env=env)
    assert result.returncode == 0, result.stderr.decode()
    assert b"\\u2014 week of 2019-11-11 \\u2014" in result.stdout and b"Traceback" not in result.stderr


def test_no_home_folder_puts_the_cache_in_a_temp_folder(monkeypatch, capsys):
    from gsomia_cli import index

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    for name in ("GSOMIA_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    folder = index.cache_dir()
    assert folder.name == f"gsomia-cache-{os.getuid()}" and folder.parent.is_dir()
    assert "no home folder" in capsys.readouterr().err


def test_a_text_without_sentence_ends_gives_output_linear_in_its_size(run, tmp_path):
    sizes = []
    for n in (1, 2):
        text = "the pact would lapse on Saturday as Kono said in Bangkok, " * (800 * n)
        folder = tmp_path / str(n)
        index = write_corpus(
            folder, "## a\n\n```yaml\noutlet: X\npublished: 2019-11-20\nfile: a.txt\n```\n", {"a.txt": text}
        )
        result = run("dates", "--json", index=index)
        assert result.exit_code == 0
        import json

        records = json.loads(result.stdout)
        spans = {(r["sentence_start"], r["sentence_end"]) for r in records}
        assert records and max(end - start for start, end in spans) <= 2_000
        # each long sentence's text once, with its first record; the others point at it
        given = [r for r in records if r["sentence"] is not None]
        long_spans = [(start, end) for start, end in spans if end - start > 400]
        given_long = [(r["sentence_start"], r["sentence_end"]) for r in given if len(r["sentence"]) > 400]
        assert sorted(given_long) == sorted(long_spans) and len(long_spans) >= 24
        assert all(r["sentence"] == text[r["sentence_start"] : r["sentence_end"]].strip() for r in given)
        sizes.append(len(result.stdout))
        assert len(result.stdout) < 6 * len(text)
    assert 1.8 < sizes[1] / sizes[0] < 2.2, sizes


def test_short_sentences_are_repeated_in_every_record_with_their_offsets(run, tmp_path):
    text = "Seoul said on Friday it would end the pact on Nov. 23. Tokyo did not answer on Saturday.\n"
    index = write_corpus(
        tmp_path, "## a\n\n```yaml\noutlet: X\npublished: 2019-11-20\nfile: a.txt\n```\n", {"a.txt": text}
    )
    import json

    records = json.loads(run("dates", "--json", index=index).stdout)
    first = "Seoul said on Friday it would end the pact on Nov. 23."
    assert [(r["text"], r["sentence"], r["sentence_start"], r["sentence_end"]) for r in records] == [
        ("Friday", first, 0, len(first)),
        ("Nov. 23", first, 0, len(first)),
        ("Saturday", "Tokyo did not answer on Saturday.", len(first) + 1, len(text) - 1),
    ]


def test_a_query_too_long_is_a_usage_error_and_many_exclusions_work(run):
    long = run("search", "pact " * 2_001)
    assert long.exit_code == 2 and "at most 10,000 are searched" in long.stderr
    many = run("search", " ".join(f"w{n}" for n in range(201)))
    assert many.exit_code == 2 and "the query has 201 words; at most 200 are searched" in many.stderr
    excluded = run("search", "--json", "--", "Kono", *[f"-nothing{n}" for n in range(150)])
    assert excluded.exit_code == 0 and "Kono" in excluded.stdout


def test_highlight_marks_are_offsets_into_the_plain_text():
    from gsomia_cli.search import _marks

    plain, marks = _marks("a \x02Jeong\x03, b \x02Jeong\x03 and \x02Kono\x03.")
    assert plain == "a Jeong, b Jeong and Kono."
    assert [plain[a:b] for a, b in marks] == ["Jeong", "Jeong", "Kono"]


def test_leftovers_of_an_interrupted_add_are_cleaned_and_reported(run, tmp_path):
    index = one_entry(tmp_path, "published: 2019-11-18\nfile: articles/a.txt")
    (tmp_path / "articles" / ".x-2019-11-20.txt.abc123.tmp").write_text("partial")
    (tmp_path / ".INDEX.md.def456.tmp").write_text("partial")
    (tmp_path / "articles" / "orphan.txt").write_text(TEXT)
    check = run("check", index=index)
    assert check.exit_code == 0
    assert "articles/orphan.txt: warning: no entry of INDEX.md names this file" in check.stderr
    source = tmp_path / "new.txt"
    source.write_text("Seoul answered on Monday that nothing had changed.\n")
    assert run("add", str(source), "--outlet", "X", "--published", "2019-11-20", index=index).exit_code == 0
    assert not list(tmp_path.glob(".*.tmp")) and not list((tmp_path / "articles").glob(".*.tmp"))


def test_lower_severity_corpus_cases(run, tmp_path):
    # A byte order mark before the first heading.
    index = one_entry(tmp_path / "bom", "published: 2019-11-18\nfile: articles/a.txt")
    index.write_bytes(b"\xef\xbb\xbf" + index.read_bytes())
    assert run("check", index=index).exit_code == 0
    # An example entry inside a fenced markdown block of the prose is no entry.
    text = index.read_text(encoding="utf-8-sig")
    index.write_text(text + "\nFor example:\n\n````markdown\n## example\n\n```yaml\noutlet: Y\n```\n````\n")
    check = run("check", index=index)
    assert check.exit_code == 0 and "1 article, no problems" in check.stdout
    # A file name too long for the file system is a file:line problem, and validation goes on.
    long = one_entry(tmp_path / "long", f"published: 2019-11-18\nfile: articles/{'x' * 300}.txt")
    result = run("check", index=long)
    assert result.exit_code == 1 and "INDEX.md:6: article 'a': file 'articles/xxx" in result.stderr
    assert "cannot be read (File name too long)" in result.stderr
    # Ids that differ only in case are one id.
    source = tmp_path / "new.txt"
    source.write_text("Seoul answered on Monday that nothing had changed.\n")
    clash = run("add", str(source), "--outlet", "X", "--published", "2019-11-20", "--id", "A", index=index)
    assert clash.exit_code == 1 and "id 'A' is already in" in clash.stderr


def test_add_writes_through_a_linked_index_and_never_outside(run, tmp_path):
    real = one_entry(tmp_path / "real", "published: 2019-11-18\nfile: articles/a.txt")
    link = tmp_path / "real" / "LINK.md"
    link.symlink_to(real)
    source = tmp_path / "new.txt"
    source.write_text("Seoul answered on Monday that nothing had changed.\n")
    assert run("add", str(source), "--outlet", "X", "--published", "2019-11-20", index=link).exit_code == 0
    assert link.is_symlink() and "## x-2019-11-20" in real.read_text()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "articles").symlink_to(elsewhere)
    out = run("add", str(source), "--outlet", "X", "--published", "2019-11-20", index=tmp_path / "c" / "INDEX.md")
    assert out.exit_code == 1 and "leads outside the corpus folder" in out.stderr and not list(elsewhere.iterdir())


def test_a_decomposed_query_finds_the_composed_word():
    from gsomia_cli.query import parse

    assert parse("Cafe\u0301").terms[0].words == parse("Caf\u00e9").terms[0].words


def test_a_read_only_stale_cache_falls_back_to_memory(tmp_path, monkeypatch, capsys):
    import sqlite3

    from gsomia_cli import index as index_module

    corpus = one_entry(tmp_path / "c", "published: 2019-11-18\nfile: articles/a.txt")
    monkeypatch.setenv("GSOMIA_CACHE_DIR", str(tmp_path / "cache"))
    real_refresh = index_module.Index.refresh

    def read_only(self, *args, **kwargs):  # (as root, file modes are not enforced: SQLite's own error)
        if str(self.path) != ":memory:":
            raise sqlite3.OperationalError("attempt to write a readonly database")
        return real_refresh(self, *args, **kwargs)

    monkeypatch.setattr(index_module.Index, "refresh", read_only)
    index, report = index_module.open_index(corpus)
    assert str(index.path) == ":memory:" and report is not None and report.extracted == 1
    assert "indexing in memory" in capsys.readouterr().err


def test_a_linked_file_is_followed_to_where_it_leads(run, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "b.txt").write_text(TEXT)
    index = one_entry(tmp_path / "c", "published: 2019-11-18\nfile: articles/a.txt")
    (tmp_path / "c" / "articles" / "inside.txt").symlink_to(tmp_path / "c" / "articles" / "a.txt")
    (tmp_path / "c" / "articles" / "out.txt").symlink_to(outside / "b.txt")
    (tmp_path / "c" / "linked").symlink_to(outside)
    extra = (
        "\n## b\n\n```yaml\noutlet: X\npublished: 2019-11-18\nfile: articles/inside.txt\n```\n"
        "\n## c\n\n```yaml\noutlet: X\npublished: 2019-11-18\nfile: articles/out.txt\n```\n"
        "\n## d\n\n```yaml\noutlet: X\npublished: 2019-11-18\nfile: linked/b.txt\n```\n"
    )
    index.write_text(index.read_text() + extra)
    result = run("check", index=index)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{index}:22: article 'c': file 'articles/out.txt' is outside the corpus folder",
        f"{index}:30: article 'd': file 'linked/b.txt' is outside the corpus folder",
    ]


def test_check_holds_one_article_at_a_time(tmp_path, monkeypatch):
    import weakref

    from gsomia_cli import corpus

    blocks = "".join(
        f"\n## a{n}\n\n```yaml\noutlet: X\npublished: 2019-11-18\nfile: articles/a{n}.txt\n```\n" for n in range(5)
    )
    index = write_corpus(tmp_path, blocks, {f"articles/a{n}.txt": f"{TEXT} ({n})" for n in range(5)})
    read = corpus.read_article
    made: list[weakref.ref] = []

    def counted(entry, shown):
        alive = [r for r in made if r() is not None]
        assert len(alive) <= 1, "an article read before the last is still held"
        article = read(entry, shown)
        made.append(weakref.ref(article))
        return article

    monkeypatch.setattr(corpus, "read_article", counted)
    report = corpus.check_corpus(index)
    assert (report.articles, report.problems) == (5, [])
    assert len(made) == 5


def test_a_text_of_thousands_of_sentences_is_looked_up_for_duplicates(run, tmp_path):
    words = ["Seoul", "Tokyo", "pact", "talks", "curbs", "minister", "expiry", "envoy", "summit", "deal"]
    sentences = [" ".join(words[(k // 10**p) % 10] for p in range(4)) + f" met on day {k}." for k in range(1500)]
    source = tmp_path / "long.txt"
    source.write_text(" ".join(sentences) + "\n")
    index = tmp_path / "c" / "INDEX.md"
    assert run("add", str(source), "--outlet", "X", "--published", "2019-11-20", index=index).exit_code == 0
    again = run("add", str(source), "--outlet", "X", "--published", "2019-11-20", index=index)
    assert again.exit_code == 1 and "skipped: the same text as x-2019-11-20" in again.stderr
