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


@pytest.fixture(scope="module")
def dev_score():
    return scored(DATA / "dev" / "INDEX.md", DATA / "dev" / "gold.yaml")


# The goal on the development corpus (issue 16): 22 real articles the rules were not written from.
DEV_GOAL = {
    "officialsF1": 0.95,
    "quoteRecall": 0.95,
    "speakerAcc": 0.95,
    "datesAcc": 0.95,
    "claimsAcc": 0.95,
    "claimsPosAcc": 0.90,
    "reportedRecall": 0.85,
    "reportedSpeakerAcc": 0.85,
}


def test_dev_corpus_meets_the_goal(dev_score):
    exact = dict(
        zip(
            DEV_GOAL,
            (
                dev_score.officials[2],
                dev_score.quote_recall,
                dev_score.speaker_accuracy,
                dev_score.dates_accuracy,
                dev_score.claims_accuracy,
                dev_score.claims_positive_accuracy,
                dev_score.reported_recall,
                dev_score.reported_speaker_accuracy,
            ),
            strict=True,
        )
    )
    assert {k: v for k, v in exact.items() if v < DEV_GOAL[k]} == {}, dev_score.misses
