"""Search: ranking, synonyms, typos, query language, hostile input, filters,
and the index as a cache."""

from __future__ import annotations

import json
import os
import time

import pytest
from conftest import entry, write_corpus


def hits(run, *args, index=None):
    kwargs = {"index": index} if index else {}
    result = run("search", *args, "--json", **kwargs)
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_export_controls_hits_all_five_seeds(run):
    found = hits(run, "export controls", "--limit", "100")
    assert {h["article"] for h in found} == {
        "japantimes-2019-11-17",
        "asahi-2019-11-18",
        "vietnam-2019-11-17",
        "yonhap-2019-11-17",
        "fortruss-2019-11-17",
    }
    assert set(found[0]) == {"article", "file", "outlet", "published", "score", "text", "start", "end"}
    assert "export controls" in found[0]["text"] or "export" in found[0]["text"].lower()


def test_exact_turns_synonyms_off(run):
    exact = hits(run, "export controls", "--exact", "--limit", "100")
    # Both words (any form) must be there; "export curbs" no longer counts.
    assert {h["article"] for h in exact} == {"japantimes-2019-11-17", "asahi-2019-11-18"}
    assert all("control" in h["text"].lower() and "export" in h["text"].lower() for h in exact)


def test_ranking_prefers_the_topic_over_a_passing_mention(run, tmp_path):
    text = (
        "Japan tightened export controls on three chemicals, and the export controls hit chipmakers.\n\n"
        "The minister spoke about many things, including weather, sport, schools, trains and, in passing, "
        "export rules and the controls at the border.\n"
    )
    index = write_corpus(tmp_path, entry("a", "outlet: X\npublished: 2019-11-20\nfile: a.txt"), {"a.txt": text})
    found = hits(run, "export controls", "--exact", index=index)
    assert [h["text"][:20] for h in found] == ["Japan tightened expo", "The minister spoke a"]


def test_a_very_common_word_ranks_the_newest_matches_and_says_so(run, tmp_path, monkeypatch):
    import gsomia_cli.search as search_module

    monkeypatch.setattr(search_module, "RANK_ALL_UP_TO", 2)
    entries = entry("old", "outlet: X\npublished: 2019-11-01\nfile: old.txt") + entry(
        "new", "outlet: Y\npublished: 2019-11-20\nfile: new.txt"
    )
    files = {
        "old.txt": "Seoul said no to Seoul.\n\nSeoul said yes.\n",
        "new.txt": "In Seoul, the talks went on for a long time without any result at all.\n\nSeoul and Seoul and Seoul.\n",
    }
    index = write_corpus(tmp_path, entries, files)
    found = hits(run, "Seoul", "--exact", index=index)
    # Three matches, more than 2: only the two sentences of the newest article are ranked, more matches first.
    assert [h["text"] for h in found] == [
        "Seoul and Seoul and Seoul.",
        "In Seoul, the talks went on for a long time without any result at all.",
    ]
    result = run("search", "Seoul", "--exact", index=index)
    assert result.exit_code == 0
    assert "more than 2 sentences match; only the 2 from the newest articles were ranked" in result.stderr
    narrowed = run("search", "Seoul", "--exact", "--until", "2019-11-10", index=index)
    assert "were ranked" not in narrowed.stderr
    assert "Seoul said no to Seoul." in narrowed.stdout


def test_typo_correction(run):
    for typo, fixed in (("exprot", "export"), ("Esperr", "esper"), ("Kyung-doo", "kyeong")):
        found = hits(run, typo)
        assert found, typo
        assert fixed in found[0]["corrected"], (typo, found[0]["corrected"])
    result = run("search", "exprot")
    assert "showing results for export" in result.stdout


def test_phrase_or_exclusion_prefix(run):
    phrase = hits(run, '"play into the hands"')
    assert {h["article"] for h in phrase} == {"asahi-2019-11-18", "yonhap-2019-11-17", "fortruss-2019-11-17"}
    either = hits(run, "Pyongyang", "OR", "Beijing", "--limit", "100")
    assert all("pyongyang" in h["text"].lower() or "beijing" in h["text"].lower() for h in either)
    assert len(either) > len(hits(run, "Beijing", "--limit", "100"))
    without = hits(run, "Esper -Kono", "--limit", "100")
    assert without and all("kono" not in h["text"].lower() for h in without)
    prefix = hits(run, "curb*", "--exact")
    assert prefix and all("curb" in h["text"].lower() for h in prefix)


@pytest.mark.parametrize("query", ['"', "((", "NEAR(", "*", ":", 'a"b', "AND", "OR", "-", "NOT OR AND", "col:x", "^"])
def test_hostile_queries_never_fail(run, query):
    result = run("search", query, "--json")
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.output
    assert isinstance(json.loads(result.stdout), list)


def test_empty_query(run):
    result = run("search", "   ", "--json")
    assert result.exit_code == 1 and json.loads(result.stdout) == []
    assert run("search").exit_code == 2


def test_no_hits_is_exit_1(run):
    result = run("search", "zzzqqqxxx")
    assert result.exit_code == 1
    assert result.stderr.strip() == "gsomia: no matches for 'zzzqqqxxx'"


def test_typo_correction_sees_words_added_since(run, tmp_path):
    entries = entry("a", "outlet: X\npublished: 2019-11-20\nfile: a.txt")
    index = write_corpus(tmp_path, entries, {"a.txt": "Japan kept its export controls.\n"})
    assert hits(run, "exprot", index=index)[0]["corrected"] == "export"
    assert hits(run, "Esperr", index=index) == []
    (tmp_path / "a.txt").write_text("Japan kept its export controls.\n\nEsper met Kono.\n", encoding="utf-8")
    assert hits(run, "Esperr", index=index)[0]["corrected"] == "esper"


def test_filters(run):
    outlet = hits(run, "pact", "--outlet", "Fort Russ", "--limit", "100")
    assert outlet and {h["outlet"] for h in outlet} == {"Fort Russ"}
    since = hits(run, "pact", "--since", "2019-11-18", "--limit", "100")
    assert since and {h["published"] for h in since} == {"2019-11-18"}
    until = hits(run, "pact", "--until", "2019-11-17", "--limit", "100")
    assert until and "2019-11-18" not in {h["published"] for h in until}
    assert len(hits(run, "pact", "--limit", "2")) == 2
    bad = run("search", "pact", "--since", "yesterday")
    assert bad.exit_code == 2 and "--since 'yesterday' is not a date" in bad.stderr


def test_speaker_filter_keeps_only_their_words(run):
    found = hits(run, "hard", "--speaker", "joeng", "--limit", "100")
    assert {h["article"] for h in found} == {"vietnam-2019-11-17", "yonhap-2019-11-17"}
    # "pact" ends a sentence of Jeong's, but outside his quote: not his words.
    pact = hits(run, "pact", "--speaker", "jeong", "--limit", "100")
    assert not any(h["text"].startswith('"No cool answers') for h in pact)
    assert any(h["text"].startswith('"No cool answers') for h in hits(run, "pact", "--limit", "100"))
    assert hits(run, "Pyongyang", "--speaker", "Suga") == []


def test_cache_refreshes_after_an_edit(run, tmp_path):
    index = write_corpus(
        tmp_path, entry("a", "outlet: X\npublished: 2019-11-20\nfile: a.txt"), {"a.txt": "Seoul lets the pact lapse."}
    )
    assert hits(run, "lapse", index=index)
    assert hits(run, "treaty", index=index) == []
    time.sleep(0.01)
    (tmp_path / "a.txt").write_text("Seoul lets the treaty expire.")
    os.utime(tmp_path / "a.txt", ns=(time.time_ns(), time.time_ns() + 1_000_000))
    assert hits(run, "treaty", index=index)
    assert hits(run, "lapse", "--exact", index=index) == []
    result = run("index", index=index)
    assert "index up to date" in result.stdout


def test_corrupt_cache_is_rebuilt(run, tmp_path):
    from conftest import SEEDS_INDEX

    from gsomia_cli.index import index_path_for

    assert hits(run, "Esper")
    db = index_path_for(SEEDS_INDEX)
    assert db.is_file() and str(tmp_path) in str(db)
    db.write_bytes(b"this is not a database" * 100)
    assert hits(run, "Esper")
    result = run("index", "--rebuild")
    assert result.exit_code == 0 and "5 (re)indexed" in result.stdout


def test_search_table_output(run, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    result = run("search", "tried very hard")
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    assert "News aggregator (Yonhap copy) · 2019-11-17 · yonhap-2019-11-17" in result.stdout


def test_unwritable_cache_falls_back_to_memory(run, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("GSOMIA_CACHE_DIR", str(blocker / "cache"))
    result = run("search", "Esper", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)
    assert "warning: cannot write the index cache" in result.stderr


def test_refresh_reads_only_changed_files(run, tmp_path, monkeypatch):
    from gsomia_cli import index_rows

    entries = "".join(entry(k, f"outlet: X\npublished: 2019-11-20\nfile: {k}.txt") for k in "abc")
    index = write_corpus(tmp_path, entries, {f"{k}.txt": f"Seoul spoke about {k}." for k in "abc"})
    assert hits(run, "Seoul", index=index)
    read: list[str] = []
    original = index_rows.read_article
    monkeypatch.setattr(index_rows, "read_article", lambda e, shown: read.append(e.id) or original(e, shown))
    (tmp_path / "b.txt").write_text("Tokyo spoke about b.")
    os.utime(tmp_path / "b.txt", ns=(time.time_ns(), time.time_ns() + 2_000_000))
    assert [h["article"] for h in hits(run, "Tokyo", index=index)] == ["b"]
    assert read == ["b"]


def test_a_bad_file_found_while_indexing_changes_nothing(run, tmp_path):
    entries = "".join(entry(k, f"outlet: X\npublished: 2019-11-2{n}\nfile: {k}.txt") for n, k in enumerate("ab"))
    index = write_corpus(tmp_path, entries, {"a.txt": "Seoul spoke.", "b.txt": "Tokyo spoke."})
    assert {h["article"] for h in hits(run, "spoke", index=index)} == {"a", "b"}
    (tmp_path / "a.txt").write_text("Seoul spoke again.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"Tok\xe9o spoke.")
    bad = run("search", "spoke", index=index)
    assert bad.exit_code != 0
    assert f"{index}:14: article 'b': file 'b.txt' is not UTF-8 (byte 3)" in bad.stderr
    (tmp_path / "b.txt").unlink()
    missing = run("search", "spoke", index=index)
    assert f"{index}:14: article 'b': file 'b.txt' is missing" in missing.stderr
    (tmp_path / "b.txt").write_text("Tokyo spoke.", encoding="utf-8")
    assert {h["text"] for h in hits(run, "spoke", index=index)} == {"Seoul spoke again.", "Tokyo spoke."}


def test_unknown_options_are_usage_errors_and_exclusions_follow_dashes(run):
    for args in (("export", "--limt", "3"), ("export", "--jsn")):
        result = run("search", *args)
        assert result.exit_code == 2 and "No such option" in result.stderr
    quoted = run("search", "pact -Esper", "--json")
    dashed = run("search", "--json", "--", "pact", "-Esper")
    assert quoted.exit_code == 0 and quoted.stdout == dashed.stdout
    import json

    assert all("Esper" not in hit["text"] for hit in json.loads(quoted.stdout))


def test_a_filter_that_excludes_everything_says_so(run):
    outlet = run("search", "export controls", "--outlet", "Nowhere Gazette")
    assert outlet.exit_code == 1 and "no article from outlet 'Nowhere Gazette'" in outlet.stderr
    dates = run("search", "export controls", "--since", "2024-01-01")
    assert dates.exit_code == 1 and "no article published from 2024-01-01" in dates.stderr
    assert "no matches" not in outlet.stderr + dates.stderr


def test_search_hits_piped_are_plain_lines_and_coloured_on_a_colour_terminal(run, tmp_path, monkeypatch):
    body = (
        "Seoul said on Friday it would suspend the expiry of the pact. "
        "The pact lets Tokyo and Seoul share military secrets about the North. "
        "Washington welcomed the decision.\n"
    )
    meta = "id: a1\noutlet: Daily Example\npublished: 2019-11-22\nfile: articles/a1.txt\nheadline: Pact\n"
    index = write_corpus(tmp_path / "c", entry("a1", meta), {"articles/a1.txt": body})
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    piped = run("search", "military secrets", index=index)
    assert piped.exit_code == 0, piped.stderr
    assert piped.stdout == (
        "Daily Example · 2019-11-22 · a1\n"
        "  …oul said on Friday it would suspend the expiry of the pact. "
        "The pact lets Tokyo and Seoul share military secrets about the North. "
        "Washington welcomed the decision.\n\n"
    )
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = run("search", "military secrets", index=index).stdout
    assert "\x1b[1;7mmilitary\x1b[0m \x1b[1;7msecrets\x1b[0m" in coloured
    assert "\x1b[2m…oul said on Friday" in coloured  # (the context dim)
