"""Officials over time: the gazetteer's terms of office, titles without
names, ranks, and names that are close but not the same (sentences of our own)."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import run

from gsomia_cli.lexicon import holder, lexicon


def officials(text: str, published: str = "2019-11-20") -> dict[str, tuple[str | None, str | None]]:
    return {name: (p.role, p.country) for name, p in run(text, published).persons.items()}


def test_an_official_s_role_is_the_one_held_on_the_article_s_date():
    text = "Taro Kono met his counterpart in Tokyo."
    assert officials(text, "2019-08-02") == {"Taro Kono": ("Foreign Minister", "Japan")}
    assert officials(text, "2019-11-17") == {"Taro Kono": ("Defense Minister", "Japan")}
    # Before or after every term: the role the gazetteer gives by default.
    assert officials("Yoshihide Suga spoke.", "2021-03-01") == {"Yoshihide Suga": ("Prime Minister", "Japan")}


def test_a_surname_alone_names_the_official_in_office_on_the_date():
    # Three Lees in the gazetteer; in 2019 only one of them held an office.
    assert officials("Abe and Lee met in Tokyo.", "2019-10-24") == {
        "Shinzo Abe": ("Prime Minister", "Japan"),
        "Lee Nak-yon": ("Prime Minister", "South Korea"),
    }
    # Kishida was no minister in 2019: a "Kishida" then names no one the gazetteer knows.
    assert officials("Kishida spoke to party members.", "2019-10-24") == {}
    assert officials("Kishida spoke to party members.", "2023-03-16") == {"Fumio Kishida": ("Prime Minister", "Japan")}
    # A surname that is also a common word never names an official alone.
    assert officials("Price rises hit Seoul.", "2022-06-01") == {}


def test_a_title_before_a_surname_picks_its_holder_on_the_date():
    assert officials("President Lee met reporters.", "2025-07-01") == {"Lee Jae-myung": ("President", "South Korea")}
    assert officials("Defense Minister Lee met reporters.", "2023-01-05") == {
        "Lee Jong-sup": ("Defense Minister", "South Korea")
    }


def test_the_holder_of_an_office_on_a_date():
    lex = lexicon()
    assert holder(lex, "Japan", "Foreign Minister", dt.date(2019, 8, 22)).name == "Taro Kono"
    assert holder(lex, "Japan", "Foreign Minister", dt.date(2019, 11, 22)).name == "Toshimitsu Motegi"
    assert holder(lex, "South Korea", "President", dt.date(2023, 3, 21)).name == "Yoon Suk Yeol"
    assert holder(lex, None, "Prime Minister", dt.date(2019, 11, 22)) is None  # Japan's and South Korea's
    assert holder(lex, "North Korea", "President", dt.date(2019, 11, 22)) is None


def test_a_title_with_no_name_stands_for_its_holder_on_the_date():
    ex = run(
        "Japan's foreign minister responded that Tokyo protested. The South Korean defense minister said no.",
        "2019-08-22",
    )
    assert ex.persons == {}  # the article names no one
    assert [(o.text, o.role, o.country, o.holder) for o in ex.offices] == [
        ("Japan's foreign minister", "Foreign Minister", "Japan", "Taro Kono"),
        ("South Korean defense minister", "Defense Minister", "South Korea", "Jeong Kyeong-doo"),
    ]
    # A named holder in the article is who the title points to: no office of its own.
    ex = run("Foreign Minister Taro Kono arrived. Japan's foreign minister said little.", "2019-08-22")
    assert list(ex.persons) == ["Taro Kono"] and ex.offices == []


def test_names_close_as_a_whole_but_not_in_every_part_are_other_people():
    assert officials("Lee Jae-yong, a lawmaker of the ruling party, spoke.") == {"Lee Jae-yong": ("Lawmaker", None)}
    assert officials("Defense Minister Jeong Keyong-doo met Esper.") == {
        "Jeong Kyeong-doo": ("Defense Minister", "South Korea"),
        "Mark Esper": ("Defense Secretary", "United States"),
    }


def test_ranks_before_a_full_name_are_the_role_never_part_of_the_name():
    text = (
        "Lt. Col. Jane Harmon said the drills were over. Lieutenant Colonel Ray Dobbs agreed. "
        "Maj. Gen. Park Sung-ho and Rear Adm. Ken Ito met Cmdr. Mia Ford. Rep. Tom Walz and Sen. Ann Cole wrote to "
        "Amb. Hugh Lane. Brig. Gen. Kim Do-yun spoke."
    )
    assert officials(text) == {
        "Jane Harmon": ("Lieutenant Colonel", None),
        "Ray Dobbs": ("Lieutenant Colonel", None),
        "Park Sung-ho": ("Major General", None),
        "Ken Ito": ("Rear Admiral", None),
        "Mia Ford": ("Commander", None),
        "Tom Walz": ("Representative", None),
        "Ann Cole": ("Senator", None),
        "Hugh Lane": ("Ambassador", None),
        "Kim Do-yun": ("Brigadier General", None),
    }
    # A rank word in lower case is no title: "a major blow", "the general public".
    assert officials("It was a major blow to the general public, Seoul said.") == {}
