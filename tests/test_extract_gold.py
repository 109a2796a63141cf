"""The quality bar: extraction of the five seeds scored against the gold
annotations (tests/data/gold_seeds.yaml, a copy of the shared gold file)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from gold_score import score

from gsomia_cli.extract import extract

GOLD = Path(__file__).parent / "data" / "gold_seeds.yaml"


@pytest.fixture(scope="module")
def scores(seeds):
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    extractions = {Path(a.file).name: extract(a) for a in seeds.articles}
    return score(gold, extractions)


def test_officials_f1(scores):
    assert scores.officials_f1 >= 0.95, scores.misses


def test_direct_quotes_recall_and_speakers(scores):
    assert scores.quote_recall >= 0.95, scores.misses
    assert scores.speaker_accuracy >= 0.95, scores.misses


def test_date_values(scores):
    assert scores.dates_accuracy >= 0.95, scores.misses


def test_claims(scores):
    assert scores.claims_accuracy == 1.0, scores.misses
