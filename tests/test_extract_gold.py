"""The quality bar: extraction scored against gold annotations with the
review scorer's rules (gsomia_cli.evaluate): the five seeds
(tests/data/gold_seeds.yaml, a copy of the shared gold file) and the
development corpus of 22 real articles (tests/data/dev, a copy of shared/dev)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gsomia_cli.corpus import load_corpus
from gsomia_cli.evaluate import Score, load_gold, records_of, score
from gsomia_cli.extract import extract

DATA = Path(__file__).parent / "data"


def scored(index: Path, gold: Path) -> Score:
    articles = load_corpus(index).articles
    return score(load_gold(gold), records_of([extract(a) for a in articles]))


@pytest.fixture(scope="module")
def seeds_score():
    return scored(Path(__file__).parent.parent / "seeds" / "INDEX.md", DATA / "gold_seeds.yaml")


def test_seeds_are_perfect(seeds_score):
    assert seeds_score.summary() == {
        "officialsF1": 1.0,
        "quoteRecall": 1.0,
        "speakerAcc": 1.0,
        "datesAcc": 1.0,
        "claimsAcc": 1.0,
        "claimsPosAcc": 1.0,
        "reportedRecall": 1.0,
        "reportedSpeakerAcc": 1.0,
    }, seeds_score.misses
