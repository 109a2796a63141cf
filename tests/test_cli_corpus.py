"""`articles`, `show`, `check` and the corpus's bad-input cases through the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import SEEDS_INDEX, entry, write_corpus

GOOD = "outlet: Test Wire\npublished: 2019-11-17\nfile: a.txt"


def test_articles_filters_and_a_long_list_streamed_as_tab_separated_lines(run, monkeypatch):
    import gsomia_cli.cli as cli_module

    data = json.loads(run("articles", "--json", "--since", "2019-11-18").stdout)
    assert [d["id"] for d in data] == ["asahi-2019-11-18"]
    data = json.loads(run("articles", "--json", "--outlet", "fort", "--outlet", "japan", "--limit", "1").stdout)
    assert [d["id"] for d in data] == ["fortruss-2019-11-17"]
    monkeypatch.setattr(cli_module, "TABLE_UP_TO", 2)
    lines = run("articles", "--until", "2019-11-17").stdout.splitlines()
    assert lines[0] == "id\toutlet\tpublished\tvia\theadline\twords"
    assert [line.split("\t")[:4] for line in lines[1:3]] == [
        ["fortruss-2019-11-17", "Fort Russ", "2019-11-17", "Kyodo, Sputnik"],
        ["japantimes-2019-11-17", "The Japan Times", "2019-11-17", "Kyodo"],
    ]
    assert len(lines) == 5
    empty = run("articles", "--outlet", "nowhere")
    assert (empty.exit_code, empty.stderr) == (1, "gsomia: no article from outlet 'nowhere'\n")


def test_articles_json(run):
    result = run("articles", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [d["id"] for d in data] == [  # by date
        "fortruss-2019-11-17",
        "japantimes-2019-11-17",
        "vietnam-2019-11-17",
        "yonhap-2019-11-17",
        "asahi-2019-11-18",
    ]
    by_id = {d["id"]: d for d in data}
    first = by_id["japantimes-2019-11-17"]
    assert first == {
        "id": "japantimes-2019-11-17",
        "outlet": "The Japan Times",
        "published": "2019-11-17",
        "url": "https://www.japantimes.co.jp/?post_type=news&p=2315153",
        "agency": "Kyodo News",
        "note": first["note"],
        "file": "articles/000_b3f95b7b2b788cb6.txt",
        "words": first["words"],
        "via": ["Kyodo"],
    }
    assert [d["via"] for d in data] == [["Kyodo", "Sputnik"], ["Kyodo"], ["photo: Kyodo"], ["Yonhap"], []]
    data[0] = first
    assert 350 < data[0]["words"] < 420
    assert result.stderr == ""


def test_articles_table_has_no_escape_codes(run, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    result = run("articles")
    assert result.exit_code == 0
    assert "\x1b[" not in result.output
    assert "Fort Russ" in result.output and "asahi-2019-11-18" in result.output


def test_show_resolves_prefix_and_outlet(run):
    by_prefix = run("show", "asahi", "--json")
    assert json.loads(by_prefix.stdout)["id"] == "asahi-2019-11-18"
    by_outlet = run("show", "Fort Russ")
    assert by_outlet.exit_code == 0
    assert "[headline] MAJOR: Tokyo, Seoul Dissolve" in by_outlet.stdout
    assert "Subscribe" not in by_outlet.stdout


def test_show_ambiguous_and_unknown(run):
    ambiguous = run("show", "news")
    assert ambiguous.exit_code == 1
    assert "ambiguous" in ambiguous.stderr and "vietnam-2019-11-17" in ambiguous.stderr
    unknown = run("show", "nytimes")
    assert unknown.exit_code == 1
    assert unknown.stderr.startswith("gsomia: no article matches 'nytimes'; ids: fortruss-2019-11-17, japantimes")


def test_check_clean_corpus(run):
    result = run("check")
    assert result.exit_code == 0
    assert result.stdout.strip().endswith("5 articles, no problems")


def check(run, tmp_path, entries: str, files: dict | None = None):
    index = write_corpus(tmp_path / "corpus", entries, files)
    return run("check", index=index), str(index)


def test_yaml_that_does_not_parse(run, tmp_path):
    result, index = check(
        run, tmp_path, entry("a", "outlet: [unclosed\npublished: 2019-11-17\nfile: a.txt"), {"a.txt": "x"}
    )
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{index}:5: article 'a': YAML does not parse")
    assert "Traceback" not in result.output


def test_missing_required_key_and_bad_date(run, tmp_path):
    entries = entry("a", "outlet: X\nfile: a.txt") + entry("b", "outlet: X\npublished: 17 Nov 2019\nfile: a.txt")
    result, index = check(run, tmp_path, entries, {"a.txt": "text"})
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{index}:4: article 'a': missing required key 'published'",
        f"{index}:12: article 'b': published '17 Nov 2019' is not a date (YYYY-MM-DD)",
    ]


def test_duplicate_id(run, tmp_path):
    result, index = check(run, tmp_path, entry("a", GOOD) + entry("a", GOOD), {"a.txt": "text"})
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{index}:9: duplicate id 'a' (first at line 1)"


def test_missing_empty_non_utf8_and_outside_files(run, tmp_path):
    entries = (
        entry("missing", "outlet: X\npublished: 2019-11-17\nfile: nope.txt")
        + entry("empty", "outlet: X\npublished: 2019-11-17\nfile: empty.txt")
        + entry("latin", "outlet: X\npublished: 2019-11-17\nfile: latin.txt")
        + entry("escape", "outlet: X\npublished: 2019-11-17\nfile: ../../etc/passwd")
    )
    result, index = check(run, tmp_path, entries, {"empty.txt": "  \n", "latin.txt": "caf\xe9".encode("latin-1")})
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{index}:6: article 'missing': file 'nope.txt' is missing",
        f"{index}:14: article 'empty': file 'empty.txt' is empty",
        f"{index}:22: article 'latin': file 'latin.txt' is not UTF-8 (byte 3)",
        f"{index}:30: article 'escape': file '../../etc/passwd' is outside the corpus folder",
    ]


def test_unknown_key_is_a_warning(run, tmp_path):
    result, index = check(run, tmp_path, entry("a", GOOD + "\nsection: World"), {"a.txt": "Some text."})
    assert result.exit_code == 0
    assert result.stderr.strip() == f"{index}:7: warning: article 'a': unknown key 'section' ignored"


def test_every_command_refuses_a_bad_corpus(run, tmp_path):
    index = write_corpus(tmp_path / "c", entry("a", "outlet: X\nfile: a.txt"), {"a.txt": "x"})
    result = run("articles", "--json", index=index)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "missing required key 'published'" in result.stderr


def test_index_file_missing_and_no_entries(run, tmp_path):
    missing = run("articles", index=tmp_path / "none.md")
    assert missing.exit_code == 1 and missing.stderr.strip() == f"{tmp_path / 'none.md'}:0: no such file"
    (tmp_path / "INDEX.md").write_text("# just prose\n")
    empty = run("articles", index=tmp_path / "INDEX.md")
    assert empty.exit_code == 1 and "no articles" in empty.stderr


def test_usage_error_exits_2(run):
    assert run("show").exit_code == 2
    assert run("articles", "--bogus").exit_code == 2


def test_index_resolution_order(run, tmp_path, monkeypatch):
    index = write_corpus(tmp_path / "env", entry("only", GOOD), {"a.txt": "Text."})
    monkeypatch.setenv("GSOMIA_INDEX", str(index))
    from click.testing import CliRunner

    from gsomia_cli.cli import main

    data = json.loads(CliRunner().invoke(main, ["articles", "--json"]).stdout)
    assert [d["id"] for d in data] == ["only"]
    monkeypatch.delenv("GSOMIA_INDEX")
    monkeypatch.chdir(tmp_path)
    data = json.loads(CliRunner().invoke(main, ["articles", "--json"]).stdout)
    assert len(data) == 5  # no ./seeds here: the bundled seeds


def test_help_has_examples(run):
    commands = (
        "articles",
        "show",
        "check",
        "officials",
        "dates",
        "quotes",
        "claims",
        "search",
        "index",
        "add",
        "export",
        "who",
        "compare",
        "diff",
        "timeline",
    )
    for command in commands:
        result = run(command, "-h", index=None)
        assert result.exit_code == 0 and "Example" in result.output


def test_version_says_how_the_core_is_built(run):
    import gsomia_cli.wordstarts

    kind = "compiled" if gsomia_cli.wordstarts.__file__.endswith(".so") else "plain Python"
    assert run("--version", index=None).output == f"gsomia, version 0.1.0 (extraction core: {kind})\n"


def test_cli_import_is_light():
    code = "import sys, gsomia_cli.cli; print(sorted(m for m in ('rich', 'yaml', 'rapidfuzz') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_console_script_runs_from_any_directory(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "GSOMIA_INDEX"}
    out = subprocess.run(
        [sys.executable, "-m", "gsomia_cli", "articles", "--json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
    )
    assert out.returncode == 0, out.stderr
    assert len(json.loads(out.stdout)) == 5
    assert SEEDS_INDEX.is_file()


def test_published_may_be_a_timestamp(run, tmp_path):
    body = "outlet: X\npublished: '2019-11-22 10:30'\nfile: a.txt"
    result, index = check(run, tmp_path, entry("a", body), {"a.txt": "Text."})
    assert result.exit_code == 0, result.stderr
    data = json.loads(run("articles", "--json", index=index).stdout)
    assert data[0]["published"] == "2019-11-22"
