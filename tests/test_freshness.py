"""The index sees every change of the corpus without a stat per file per
command: INDEX.md, the article folders, a rotating slice of the files, the
data files extraction reads."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import entry, write_corpus

TEXTS = {f"articles/a{k}.txt": f"Seoul said on Friday that talk number {k} went well.\n" for k in range(6)}


def corpus(tmp_path):
    entries = "# Corpus\n\n" + "".join(
        entry(f"a{k}", f"outlet: Outlet {k}\npublished: 2019-11-2{k}\nfile: articles/a{k}.txt") for k in range(6)
    )
    return write_corpus(tmp_path / "c", entries, TEXTS)


def report(run, index):
    result = run("index", "--json", index=index)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def articles_found(run, index, word):
    result = run("search", word, "--json", index=index)
    return sorted(h["article"] for h in json.loads(result.stdout)) if result.exit_code == 0 else result.stderr


def test_an_added_article_is_read_from_the_appended_part_of_index_md(run, tmp_path, monkeypatch):
    import gsomia_cli.corpus as corpus_module

    index = corpus(tmp_path)
    assert report(run, index)["extracted"] == 6
    source = tmp_path / "new.txt"
    source.write_text("Tokyo answered that the pact would lapse.\n")
    read = []
    real = corpus_module.read_catalog
    monkeypatch.setattr(corpus_module, "read_catalog", lambda *a, **k: read.append(a[1:]) or real(*a, **k))
    # The add indexes what it added (so the next command has nothing to do), from the appended part.
    assert run("add", str(source), "--outlet", "Wire", "--published", "2019-11-30", index=index).exit_code == 0
    assert articles_found(run, index, "lapse") == ["wire-2019-11-30"]
    ((tail, first_line),) = read
    assert tail.lstrip().startswith("## wire-2019-11-30") and first_line > 30  # only what the add appended
    assert report(run, index) == {**report(run, index), "articles": 7, "extracted": 0}


def test_an_appended_entry_with_a_taken_id_is_a_problem_at_its_line(run, tmp_path):
    index = corpus(tmp_path)
    report(run, index)
    text = index.read_text()
    index.write_text(text + entry("A3", "outlet: X\npublished: 2019-11-22\nfile: articles/a3.txt"))
    result = run("search", "talk", index=index)
    line = text.count("\n") + 1
    assert result.exit_code == 1 and f"INDEX.md:{line}: duplicate id 'A3'" in result.stderr


def test_a_removed_or_renamed_file_is_seen_by_the_next_command(run, tmp_path):
    index = corpus(tmp_path)
    report(run, index)
    os.rename(tmp_path / "c" / "articles" / "a2.txt", tmp_path / "c" / "articles" / "moved.txt")
    result = run("search", "talk", index=index)
    assert result.exit_code == 1 and "article 'a2': file 'articles/a2.txt' is missing" in result.stderr


def test_a_file_replaced_by_a_new_one_is_seen_by_the_next_command(run, tmp_path):
    index = corpus(tmp_path)
    report(run, index)
    folder = tmp_path / "c" / "articles"
    (folder / "new.tmp").write_text("Kono said the ministers would meet in Bangkok.\n")
    os.replace(folder / "new.tmp", folder / "a4.txt")  # (how editors save)
    assert articles_found(run, index, "Bangkok") == ["a4"]


def test_a_file_written_over_in_place_is_seen_within_a_round_of_slices(run, tmp_path, monkeypatch):
    import gsomia_cli.index as index_module

    monkeypatch.setattr(index_module, "RECHECK", 2)
    index = corpus(tmp_path)
    report(run, index)
    (tmp_path / "c" / "articles" / "a5.txt").write_text("Kono said the ministers would meet in Bangkok.\n")
    seen = [articles_found(run, index, "Bangkok") for _ in range(3)]  # 6 files, 2 a command
    assert ["a5"] in seen
    # `gsomia index` checks every file at once
    (tmp_path / "c" / "articles" / "a1.txt").write_text("Esper flew to Seoul.\n")
    assert report(run, index)["extracted"] == 1


def test_a_changed_data_file_makes_every_record_stale(tmp_path):
    # (in processes of their own: the data files are read once per process)
    index = corpus(tmp_path)
    env = {**os.environ, "GSOMIA_CACHE_DIR": str(tmp_path / "cache")}

    def gsomia(*args, **more):
        command = [sys.executable, "-m", "gsomia_cli", "--index", str(index), *args]
        return subprocess.run(command, env={**env, **more}, capture_output=True, text=True)

    assert gsomia("index").returncode == 0
    assert gsomia("claims", "--claim", "talks_went_well").returncode == 2  # (no such claim yet)
    data = tmp_path / "data"
    data.mkdir()
    (data / "claims.yaml").write_text(
        "claims:\n  talks_went_well:\n    description: The talks went well.\n    kind: flag\n"
        "    rules:\n      - name: a talk went well\n        who: [seoul]\n        what: [went well]\n"
    )
    claims = json.loads(gsomia("claims", "--claim", "talks_went_well", "--json", GSOMIA_DATA_DIR=str(data)).stdout)
    assert sorted(c["article"] for c in claims) == [f"a{k}" for k in range(6)]
    exported = [json.loads(line) for line in gsomia("export", GSOMIA_DATA_DIR=str(data)).stdout.splitlines()]
    assert all(any(c["claim"] == "talks_went_well" for c in art["claims"]) for art in exported)
    # and back: without the data folder, the claim is gone from the records
    exported = [json.loads(line) for line in gsomia("export").stdout.splitlines()]
    assert not any(c["claim"] == "talks_went_well" for art in exported for c in art["claims"])


STORY = (
    "Defense Minister Taro Kono met his counterpart in Bangkok on Sunday for an hour of talks. "
    "The two ministers failed to agree on the future of the intelligence-sharing pact at the meeting. "
    "Seoul insists it will only reconsider its decision if Tokyo lifts its export controls first. "
    "Washington has pressed both allies to keep the pact alive beyond its expiry next Saturday.\n"
)


def test_a_copy_added_later_is_linked_to_its_original_and_unlinked_when_removed(run, tmp_path):
    index = corpus(tmp_path)
    source = tmp_path / "original.txt"
    source.write_text(STORY)
    run("add", str(source), "--outlet", "First Wire", "--published", "2019-11-17", "--id", "first", index=index)
    via = {a["id"]: a["via"] for a in json.loads(run("articles", "--json", index=index).stdout)}
    assert via["first"] == []
    copy = tmp_path / "copy.txt"
    copy.write_text("BANGKOK -- " + STORY.replace("for an hour of talks", "for talks"))
    run("add", str(copy), "--outlet", "Second Paper", "--published", "2019-11-18", "--id", "second", index=index)
    via = {a["id"]: a["via"] for a in json.loads(run("articles", "--json", index=index).stdout)}
    assert (via["first"], via["second"]) == (["copy of second"], ["copy of first"])
    text = index.read_text()
    index.write_text(text[: text.index("\n## second")] + "\n")
    via = {a["id"]: a["via"] for a in json.loads(run("articles", "--json", index=index).stdout)}
    assert via["first"] == [] and "second" not in via


def test_export_writes_each_article_before_it_reads_the_next(tmp_path, monkeypatch):
    # (peak memory at 100,000 articles: bench/cli.py)
    import io

    from gsomia_cli import export
    from gsomia_cli.index import open_index

    monkeypatch.setenv("GSOMIA_CACHE_DIR", str(tmp_path / "cache"))
    index_path = corpus(tmp_path)
    index, _ = open_index(index_path)
    out = io.StringIO()
    written_before = []

    def watched():
        for item in index.records():
            written_before.append(out.getvalue().count("\n"))
            yield item

    export.write_jsonl(watched(), out)
    assert written_before == [0, 1, 2, 3, 4, 5]
    out = io.StringIO()
    written_before.clear()
    export.write_csv(watched(), out)
    assert written_before[0] == 1 and written_before == sorted(written_before) and len(set(written_before)) == 6
    index.close()


def test_data_files_are_parsed_once_and_again_when_they_change(tmp_path):
    code = (
        "import sys\nfrom gsomia_cli.resources import load_data\n"
        "print(load_data('synonyms.yaml')['groups'][-1], 'yaml' in sys.modules)"
    )
    env = {**os.environ, "GSOMIA_CACHE_DIR": str(tmp_path / "cache")}

    def run(**more):
        return subprocess.run([sys.executable, "-c", code], env={**env, **more}, capture_output=True, text=True).stdout

    assert run().endswith(" True\n") and run().endswith(" False\n")  # (the second reads the cached JSON)
    data = tmp_path / "data"
    data.mkdir()
    (data / "synonyms.yaml").write_text("groups:\n  - [talks, negotiations]\n")
    assert run(GSOMIA_DATA_DIR=str(data)) == "['talks', 'negotiations'] True\n"
    assert run(GSOMIA_DATA_DIR=str(data)) == "['talks', 'negotiations'] False\n"
    (data / "synonyms.yaml").write_text("groups:\n  - [talks, parleys]\n")
    assert run(GSOMIA_DATA_DIR=str(data)) == "['talks', 'parleys'] True\n"


def test_the_vocabulary_copy_is_kept_in_place_across_small_changes(run, tmp_path):
    import sqlite3

    from gsomia_cli.index import index_path_for

    index = corpus(tmp_path)
    assert json.loads(run("search", "talk", "--json", index=index).stdout)
    source = tmp_path / "new.txt"
    source.write_text("Esperanza negotiated quietly.\n")
    run("add", str(source), "--outlet", "Wire", "--published", "2019-11-30", index=index)
    found = json.loads(run("search", "Esperanzza", "--json", index=index).stdout)
    assert found[0]["corrected"] == "esperanza"
    (tmp_path / "c" / "articles" / "a0.txt").unlink()
    index.write_text(index.read_text().replace("file: articles/a0.txt", "file: new.txt").replace("## a0", "## z0"))
    (tmp_path / "c" / "new.txt").write_text("Mediators waited.\n")
    assert run("search", "talk", index=index).exit_code == 0
    with sqlite3.connect(index_path_for(index)) as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'terms'").fetchone() == ("fresh",)
        kept = dict(db.execute("SELECT term, doc FROM terms"))
        full = dict(db.execute("SELECT term, doc FROM vocabulary WHERE col = 'text'"))
    assert kept == full and "mediat" in kept and "number" in kept


def test_a_file_renamed_while_an_add_appends_is_seen_however_its_path_is_written(run, tmp_path):
    for spelled in ("articles/a2.txt", "./articles//a2.txt"):
        index = corpus(tmp_path / spelled.replace("/", "_"))
        index.write_text(index.read_text().replace("file: articles/a2.txt", f"file: {spelled}"))
        report(run, index)
        os.rename(index.parent / "articles" / "a2.txt", index.parent / "articles" / "moved.txt")
        source = tmp_path / "new.txt"
        source.write_text(f"Tokyo answered that the pact would lapse ({spelled}).\n")
        assert run("add", str(source), "--outlet", "Wire", "--published", "2019-11-30", index=index).exit_code == 0
        result = run("search", "talk", index=index)
        assert result.exit_code == 1 and f"article 'a2': file '{spelled}' is missing" in result.stderr, spelled
