"""`gsomia eval`: the project's scorer as a command, for gold files of one's own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS_INDEX

DATA = Path(__file__).parent / "data"
DEV_INDEX = DATA / "dev" / "INDEX.md"
DEV_GOLD = DATA / "dev" / "gold.yaml"
SEEDS_GOLD = DATA / "gold_seeds.yaml"
SCORER = DATA / "tools" / "score.py"  # a copy of shared/tools/score.py, the review's scorer


def scorer_summary(gold: Path, index: Path, tmp_path: Path) -> dict[str, float]:
    """The review scorer's figures, run as the review runs it (on the CLI)."""
    env = {**os.environ, "GSOMIA_CACHE_DIR": str(tmp_path / "cache")}
    gsomia = f"{sys.executable} -m gsomia_cli"
    out = subprocess.run(
        [sys.executable, str(SCORER), str(gold), "--index", str(index), "--gsomia", gsomia, "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    res = json.loads(out)
    return {
        "officialsF1": round(res["officials"][2], 2),
        "quoteRecall": round(res["quotes_found"][2], 2),
        "speakerAcc": round(res["quote_speaker_acc"], 2),
        "datesAcc": round(res["dates_acc"], 2),
        "claimsAcc": round(res["claims_acc"], 2),
        "claimsPosAcc": round(res["claims_pos_acc"], 2),
        "reportedRecall": round(res["reported_recall"], 2),
        "reportedSpeakerAcc": round(res["reported_speaker_acc"], 2),
    }


@pytest.mark.parametrize(("gold", "index"), [(SEEDS_GOLD, SEEDS_INDEX), (DEV_GOLD, DEV_INDEX)], ids=["seeds", "dev"])
def test_eval_reproduces_the_scorer(run, tmp_path, gold, index):
    result = run("eval", str(gold), "--json", index=index)
    assert result.exit_code == 0, result.stderr
    ours = json.loads(result.stdout)
    assert set(ours) == {*scorer_summary(gold, index, tmp_path), "misses"}
    assert {k: v for k, v in ours.items() if k != "misses"} == scorer_summary(gold, index, tmp_path)


def test_eval_prints_the_scorer_lines_and_misses(run, tmp_path):
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "articles:\n"
        "  a:\n"
        "    file: 004_bfde1a0b7893e1bc.txt\n"
        "    officials: [{name: Taro Kono}, {name: Nobody Here}]\n"
        "    quotes: [{speaker: Taro Kono, text: 'words no article has ever printed anywhere'}]\n"
        "    dates: [{text: Sunday, value: 2019-11-17}]\n"
        "    claims: {expiry_date: 2019-11-24, us_pressure: null}\n",
        encoding="utf-8",
    )
    result = run("eval", str(gold), "-v")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "  official missed 004_bfde1a0b7893e1bc.txt: Nobody Here" in lines
    assert "  quote missed 004_bfde1a0b7893e1bc.txt: 'words no article has ever printed anywhere'" in lines
    assert "  official extra 004_bfde1a0b7893e1bc.txt: Mark Esper" in lines
    assert lines[-6:] == [
        "officials P=0.20 R=0.50 F1=0.29",  # Kono found; Nobody missed; four people the gold does not list
        "quotes precision=0.00 recall=0.00 speaker_acc=0.00",
        "reported speech recall=1.00 speaker_acc=1.00",
        "dates value_acc=1.00",
        "claims acc=1.00 (stated claims only: 1.00)",
        "SUMMARY officialsF1=0.29 quoteRecall=0.00 speakerAcc=0.00 datesAcc=1.00 claimsAcc=1.00 "
        "claimsPosAcc=1.00 reportedRecall=1.00 reportedSpeakerAcc=1.00",
    ]


def test_eval_reports_a_bad_gold_file(run, tmp_path):
    missing = run("eval", str(tmp_path / "nope.yaml"))
    assert missing.exit_code == 1
    assert "nope.yaml: No such file or directory" in missing.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("articles:\n  a: [unclosed\n", encoding="utf-8")
    result = run("eval", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"gsomia: {bad}:")
    assert "not YAML" in result.stderr
    shape = tmp_path / "shape.yaml"
    shape.write_text("articles:\n  a: {quotes: []}\n", encoding="utf-8")
    result = run("eval", str(shape))
    assert result.exit_code == 1
    assert result.stderr == f"gsomia: {shape}: gold article 'a' has no 'file'\n"


def test_eval_warns_of_gold_articles_the_corpus_lacks(run, tmp_path):
    gold = tmp_path / "gold.yaml"
    gold.write_text("articles:\n  x:\n    file: elsewhere.txt\n    quotes: [{speaker: A, text: b}]\n", encoding="utf-8")
    result = run("eval", str(gold), "--index", str(SEEDS_INDEX), index=None)
    assert result.exit_code == 0
    assert "gsomia: warning: gold article 'x': no article of the corpus has file 'elsewhere.txt'" in result.stderr
    assert "quoteRecall=0.00" in result.stdout
