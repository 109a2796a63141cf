"""Extraction on short articles written in the styles of other outlets (wire,
Korean and Japanese English-language press), kept in tests/data/styles: the
rules must hold beyond the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from gsomia_cli.corpus import load_corpus
from gsomia_cli.extract import extract

STYLES = Path(__file__).parent / "data" / "styles" / "INDEX.md"


@pytest.fixture(scope="module")
def styles():
    return {a.id.split("-")[0]: extract(a) for a in load_corpus(STYLES).articles}


def direct(ex):
    return [(q.speaker, q.text) for q in ex.quotes if q.kind == "direct"]


def test_officials(styles):
    assert sorted(styles["reuters"].persons) == ["Kim You-geun", "Mike Pompeo", "Moon Jae-in", "Shinzo Abe"]
    assert sorted(styles["ap"].persons) == ["Chung Eui-yong", "Mike Pompeo", "Nam Gwang-su"]
    assert styles["ap"].persons["Nam Gwang-su"].role == "Deputy Director"
    assert sorted(styles["joongang"].persons) == ["Kang Kyung-wha", "Kim In-chul", "Moon Jae-in", "Yoshihide Suga"]


def test_direct_quotes_and_speakers(styles):
    assert direct(styles["reuters"]) == [
        ("Kim You-geun", "The government decided to suspend the effect of the Aug. 23 notice to end GSOMIA"),
        ("Shinzo Abe", "strategic decision."),
        ("Moon Jae-in", "We will try until the last moment"),
        ("Moon Jae-in", "But Japan must change its attitude first."),
    ]
    assert direct(styles["nhk"])[-1] == ("government source", "Nothing has changed")
    assert direct(styles["joongang"])[-2:] == [
        ("senior Japanese official", "It is not a concession"),
        ("senior Japanese official", "Nothing was traded."),
    ]


def test_reported_speech(styles):
    reported = {(q.speaker, q.cue) for q in styles["herald"].quotes if q.kind == "reported"}
    assert ("South Korean presidential office", "announced") in reported
    assert ("Toshimitsu Motegi", "said") in reported
    assert ("Kang Kyung-wha", "told") in reported


def test_dates_and_claims(styles):
    assert [(d.text, d.value) for d in styles["ap"].dates] == [
        ("Friday", "2019-11-22"),
        ("at midnight", "2019-11-22"),  # (the end of the day the story tells of)
        ("Saturday", "2019-11-23"),
        ("Aug. 22", "2019-08-22"),
    ]
    claims = {name: {(c.claim, c.value) for c in ex.claims} for name, ex in styles.items()}
    assert ("expiry_date", "2019-11-23") in claims["reuters"]
    assert ("seoul_condition", "condition") in claims["reuters"]
    assert ("expiry_date", "2019-11-23") in claims["ap"] and ("us_pressure", True) in claims["ap"]
    assert [v for c, v in claims["ap"] if c == "expiry_date"] == ["2019-11-23"]  # not "decided to end it on Aug. 22"
    assert ("japan_delinks", True) in claims["herald"] and ("japan_delinks", True) in claims["nhk"]
    assert ("expiry_date", "2019-11-22") in claims["joongang"]


def test_wire_styles(styles):
    xinhua = [(q.speaker, q.cue) for q in styles["xinhua"].quotes]
    assert ("Kim You-geun", "noted") in xinhua  # "The NSO official noted": the official who spoke last
    assert ("seoul_condition", "cause") in {(c.claim, c.value) for c in styles["xinhua"].claims}
    kyodo = [(q.speaker, q.kind, q.text) for q in styles["kyodo"].quotes]
    assert ("Shinzo Abe", "direct", "The decision by South Korea is a strategic one") in kyodo
    assert all("not to be named" not in text for _, _, text in kyodo)
    assert ("Mark Esper", "reported", "South Korea to stay in the agreement") in kyodo


def test_name_order_parentheticals_and_possessives(styles):
    mix = styles["mix"]
    assert sorted(mix.persons) == ["Hiroshi Kajiyama", "Moon Jae-in", "Shinzo Abe", "Taro Kono"]
    assert "Abe Shinzo" in mix.persons["Shinzo Abe"].aliases  # family name first
    reported = [(q.speaker, q.cue, q.text[:25]) for q in mix.quotes if q.kind == "reported"]
    assert ("Moon Jae-in", "said", 'the decision reflected "t') in reported  # "Moon, speaking at ..., said"
    assert ("Taro Kono", "told", "the three countries must ") in reported  # "Kono, for his part, told"
    assert ("Taro Kono's office", "said", "no date had been set for ") in reported  # (the owner's full name)


def test_described_sources_and_words_inside_quotes(styles):
    analysis = styles["analysis"]
    assert sorted(analysis.persons) == ["David Stilwell", "Kim Sung-han"]  # "Stilwell, the top U.S. diplomat"
    assert [(q.speaker, q.kind, q.text[:20]) for q in analysis.quotes] == [
        ("U.S. officials", "reported", "the collapse of the "),
        ("senior State Department official", "direct", "This is a win for th"),
        ("senior State Department official", "direct", "It shows that pressu"),
        ("Kim Sung-han", "direct", "Seoul has only postp"),
        ("Kim Sung-han", "direct", "Japan did not move a"),
        ("Kim Sung-han", "direct", "Without that, the de"),
    ]


def test_romanisations_british_honorific_and_a_quote_over_two_paragraphs(styles):
    korea = styles["korea"]
    assert list(korea.persons) == ["Jeong Kyeong-doo"]
    assert {"Jeong Kyung-doo", "Jeoung", "Mr Jeong"} <= korea.persons["Jeong Kyeong-doo"].aliases
    assert [(q.speaker, q.text) for q in korea.quotes if q.kind == "direct"][:3] == [
        ("Jeong Kyeong-doo", "We will wait for Japan's response"),
        ("Jeong Kyeong-doo", "The ball is in Tokyo's court."),
        ("Jeong Kyeong-doo", "If Japan changes its position, we can also reconsider."),
    ]
