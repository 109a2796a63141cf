"""Everyday use: one set of options on every command, "no result" exits,
plurals, tables on a narrow terminal, shell completion."""

from __future__ import annotations

import json

import pytest
from conftest import SEEDS_INDEX, entry, write_corpus

PACT = "Seoul said on Friday it would let the pact expire on Nov. 23, Defense Minister Lee Ha-na said.\n"


def one_article(tmp_path):
    return write_corpus(
        tmp_path / "c",
        entry("only", "outlet: The Only Post\npublished: 2019-11-20\nfile: only.txt"),
        {"only.txt": PACT},
    )


@pytest.mark.parametrize(
    "command, message",
    [
        (["quotes", "--speaker", "Nobody Atall"], "gsomia: no statements by 'Nobody Atall'\n"),
        (["claims", "--claim", "us_pressure"], "gsomia: no claims\n"),
        (["officials", "--since", "2019-11-21"], "gsomia: no article published from 2019-11-21\n"),
        (["dates", "--outlet", "Elsewhere"], "gsomia: no article from outlet 'Elsewhere'\n"),
        (["who", "Nobody Atall"], "gsomia: no statements by 'Nobody Atall'\n"),
        (["timeline", "--until", "2019-01-01"], "gsomia: no article published until 2019-01-01\n"),
    ],
)
def test_a_listing_that_finds_nothing_exits_1_with_a_line_on_stderr(run, tmp_path, command, message):
    index = one_article(tmp_path)
    result = run(*command, index=index)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", message)
    as_json = run(*command, "--json", index=index)
    assert (as_json.exit_code, as_json.stdout, as_json.stderr) == (1, "[]\n", message)


def test_every_listing_takes_the_same_filters(run):
    def ids(*args):
        result = run(*args, "--json")
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    for command in ("dates", "quotes", "claims"):
        records = ids(command, "--article", "yonhap", "--limit", "2")
        assert [r["article"] for r in records] == ["yonhap-2019-11-17"] * 2
        late = ids(command, "--since", "2019-11-18")
        assert {r["article"] for r in late} == {"asahi-2019-11-18"}
    officials = ids("officials", "--until", "2019-11-17", "--outlet", "fort russ")
    assert {m["article"] for o in officials for m in o["mentions"]} == {"fortruss-2019-11-17"}
    assert [s["speaker"] for s in ids("who", "--speaker", "esper", "--article", "asahi")] == ["Mark Esper"]
    assert ids("who", "esper") == ids("who", "--speaker", "esper")
    assert len(ids("timeline", "--limit", "3")) == 3
    rows = ids("compare", "--article", "asahi", "--article", "vietnam")["rows"]
    assert [r["article"] for r in rows] == ["vietnam-2019-11-17", "asahi-2019-11-18"]


def test_who_refuses_two_different_speakers(run):
    result = run("who", "jeong", "--speaker", "esper")
    assert result.exit_code == 2 and "give the speaker once" in result.stderr


def test_an_unknown_article_is_an_error_naming_the_ids(run):
    result = run("dates", "--article", "nowhere")
    assert result.exit_code == 1 and result.stderr.startswith("gsomia: no article matches 'nowhere'; ids: ")


def test_index_may_follow_the_command(run, tmp_path):
    index = one_article(tmp_path)
    result = run("search", "pact", "--index", str(index), "--json", index=None)
    assert result.exit_code == 0 and [h["article"] for h in json.loads(result.stdout)] == ["only"]
    result = run("quotes", f"--index={index}", "--json", index=None)
    assert {q["article"] for q in json.loads(result.stdout)} == {"only"}
    # after --, it is a query word, never an option
    result = run("search", "--json", "--", "--index", index=None)
    assert result.exit_code == 1


def test_counts_are_plural_only_when_they_are_many(run, tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    index = one_article(tmp_path)
    for command, title in [
        (["claims", "--claim", "expiry_date"], "1 claim"),
        (["dates"], "2 dates"),
        (["officials"], "1 official"),
    ]:
        assert run(*command, index=index).stdout.splitlines()[0].strip() == title


def test_a_table_too_wide_for_the_terminal_is_one_block_per_row(run, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    text = run("claims", "--claim", "expiry_date", "--article", "japantimes").stdout
    assert text.startswith("1 claim\n\njapantimes-2019-11-17\n  claim     expiry_date\n  value     2019-11-23\n")
    assert all(len(line) <= 80 for line in text.splitlines())
    # a table that fits keeps its columns, and never breaks an id or a date
    table = run("officials", "--article", "yonhap").stdout
    assert table.startswith("4 officials") and "┃ name" in table
    assert "│ Kyeong-doo " in table and "│ Minister " in table  # (names wrap at their spaces only)
    wide = run("dates", "--article", "asahi").stdout
    assert "│ asahi-2019-11-18 │" in wide and "│ 2019-11-17 │" in wide


def test_a_wide_terminal_keeps_the_table(run, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "160")
    text = run("claims", "--claim", "expiry_date", "--article", "japantimes").stdout
    (row,) = [line for line in text.splitlines() if "japantimes" in line]
    assert row.split("│")[1:4] == [" japantimes-2019-11-17 ", " expiry_date ", " 2019-11-23 "]


def test_outlets_are_written_whole(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    text = run("who").stdout
    assert "The Asahi Shimbun (Asia & Japan Watch) (" in text and "…" not in text


def test_shell_completion_of_article_ids(monkeypatch, capsys):
    from gsomia_cli.cli import main

    monkeypatch.setenv("_GSOMIA_COMPLETE", "bash_complete")
    for words, cword, expected in [
        (f"gsomia --index {SEEDS_INDEX} show ja", "4", ["plain,japantimes-2019-11-17"]),
        (f"gsomia --index {SEEDS_INDEX} diff vietnam-2019-11-17 y", "5", ["plain,yonhap-2019-11-17"]),
        (f"gsomia --index {SEEDS_INDEX} dates --article fo", "5", ["plain,fortruss-2019-11-17"]),
        ("gsomia --index", "2", ["file,"]),
    ]:
        monkeypatch.setenv("COMP_WORDS", words)
        monkeypatch.setenv("COMP_CWORD", cword)
        with pytest.raises(SystemExit):
            main(prog_name="gsomia")
        assert capsys.readouterr().out.split() == expected


def passages(tmp_path):
    texts = {
        "span.txt": "The intelligence-sharing deal was signed in 2016 after years of talks.\n\n"
        "Officials said it would lapse on Saturday unless Seoul changed course.\n",
        "far.txt": "The intelligence-sharing deal was signed in 2016. Tokyo was pleased. Seoul too. "
        "Everyone agreed. Rain fell on Saturday and the festival would lapse.\n",
        "one.txt": "The GSOMIA expires on Saturday. Nobody expects a deal.\n",
    }
    entries = "".join(
        entry(name[:-4], f"outlet: {name[:-4].title()} Daily\npublished: 2019-11-20\nfile: {name}") for name in texts
    )
    return write_corpus(tmp_path / "p", entries, texts)


def test_search_matches_words_across_a_sentence_and_the_next(run, tmp_path):
    index = passages(tmp_path)
    hits = json.loads(run("search", "GSOMIA expire", "--json", index=index).stdout)
    assert [(h["article"], h["text"]) for h in hits] == [
        ("one", "The GSOMIA expires on Saturday."),
        (
            "span",
            "The intelligence-sharing deal was signed in 2016 after years of talks.\n\n"
            "Officials said it would lapse on Saturday unless Seoul changed course.",
        ),
    ]  # the sentence inside which every word matches ranks first; words three sentences apart do not meet
    shown = run("search", "GSOMIA expire", index=index).stdout
    assert "after years of talks.  Officials said it would lapse" in shown  # two paragraphs, one line
    exact = json.loads(run("search", "GSOMIA expire", "--exact", "--json", index=index).stdout)
    assert [h["article"] for h in exact] == ["one"]  # the pact's other names and "lapse" are synonyms


def test_a_one_word_search_finds_each_sentence_once(run, tmp_path):
    index = passages(tmp_path)
    hits = json.loads(run("search", "Saturday", "--json", index=index).stdout)
    assert sorted(h["article"] for h in hits) == ["far", "one", "span"]
    assert all(h["text"].count(".") <= 1 or "2016" not in h["text"] for h in hits)


def test_search_context_has_an_ellipsis_only_where_it_was_cut(run, tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    index = passages(tmp_path)
    shown = run("search", "Nobody", index=index).stdout
    assert shown.splitlines()[1] == "  The GSOMIA expires on Saturday. Nobody expects a deal."


def test_check_index_and_add_speak_json(run, tmp_path):
    index = one_article(tmp_path)
    assert json.loads(run("check", "--json", index=index).stdout) == {
        "index": str(index),
        "articles": 1,
        "problems": [],
    }
    built = json.loads(run("index", "--json", index=index).stdout)
    assert (built["articles"], built["extracted"], built["removed"]) == (1, 1, 0)
    again = json.loads(run("index", "--json", index=index).stdout)
    assert (again["articles"], again["extracted"]) == (1, 0)
    source = tmp_path / "new.txt"
    source.write_text("Tokyo said the pact would lapse.\n")
    added = run("add", str(source), "--outlet", "New Wire", "--published", "2019-11-22", "--json", index=index)
    assert json.loads(added.stdout) == {
        "index": str(index),
        "added": [{"id": "new-wire-2019-11-22", "source": str(source)}],
        "not_added": [],
    }
    (tmp_path / "c" / "stray.txt").write_text("left over")
    (index.parent / "INDEX.md").write_text(index.read_text() + "\n## bad\n\n```yaml\noutlet: X\n```\n")
    broken = run("check", "--json", index=index)
    report = json.loads(broken.stdout)
    assert broken.exit_code == 1 and report["articles"] is None
    first = report["problems"][0]
    assert (first["file"], first["severity"]) == (str(index), "error")
    assert first["message"].startswith("article 'bad': missing require")


def test_claims_help_prints_the_catalog(run, tmp_path, monkeypatch):
    text = run("claims", "-h").stdout
    assert "Claims (gsomia_cli/data/claims.yaml" in text
    assert "  expiry_date      (fact) The date the article says GSOMIA expires." in text
    for claim in ("seoul_condition", "us_pressure", "japan_delinks", "no_breakthrough", "pact_name"):
        assert f"\n  {claim} " in text


def test_loading_a_corpus_reports_progress():
    from gsomia_cli.corpus import load_corpus

    calls = []
    load_corpus(SEEDS_INDEX, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(5, 5)]


def test_the_lazy_command_table_names_every_command_of_the_modules():
    import importlib

    import click

    from gsomia_cli.cli import LAZY_COMMANDS

    defined = {}
    for module in sorted(set(LAZY_COMMANDS.values())):
        for command in vars(importlib.import_module(f"gsomia_cli.{module}")).values():
            if isinstance(command, click.Command):
                defined[command.name] = module
    assert LAZY_COMMANDS == defined


def test_a_search_on_a_fresh_index_loads_neither_the_corpus_reader_nor_rich_nor_other_commands(tmp_path):
    import os
    import subprocess
    import sys

    index = one_article(tmp_path)
    env = {**os.environ, "GSOMIA_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("FORCE_COLOR", None)
    loaded = (
        "import sys\nfrom gsomia_cli.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "names = ['gsomia_cli.corpus', 'gsomia_cli.extract', 'gsomia_cli.cli_compare', 'gsomia_cli.cli_extract', 'rich']\n"
        "print([n for n in names if n in sys.modules])"
    )
    command = [sys.executable, "-c", loaded, "--index", str(index), "search", "pact"]
    first = subprocess.run(command, env=env, capture_output=True, text=True, cwd=tmp_path)
    assert "gsomia_cli.extract" in first.stdout  # (the first command builds the index)
    again = subprocess.run(command, env=env, capture_output=True, text=True, cwd=tmp_path)
    assert again.stdout.splitlines() == ["The Only Post · 2019-11-20 · only", f"  {PACT.strip()}", "", "[]"]
