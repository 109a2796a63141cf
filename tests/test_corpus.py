"""The loader, the normaliser and the sentence splitter on the seeds."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from gsomia_cli.corpus import load_corpus
from gsomia_cli.sentences import split_paragraph
from gsomia_cli.textfold import fold

SHARED_NAMES = [
    "000_b3f95b7b2b788cb6.txt",
    "001_4dd4445cfa304dab.txt",
    "002_397d1e62125a342c.txt",
    "003_9bb8d9a62761c524.txt",
    "004_bfde1a0b7893e1bc.txt",
]


def test_seed_metadata_is_exact(seeds):
    got = [a.metadata() for a in seeds.articles]
    assert [(m["id"], m["outlet"], m["published"], m["file"]) for m in got] == [
        ("japantimes-2019-11-17", "The Japan Times", "2019-11-17", "articles/000_b3f95b7b2b788cb6.txt"),
        (
            "asahi-2019-11-18",
            "The Asahi Shimbun (Asia & Japan Watch)",
            "2019-11-18",
            "articles/001_4dd4445cfa304dab.txt",
        ),
        ("vietnam-2019-11-17", "Vietnamese news site (unnamed)", "2019-11-17", "articles/002_397d1e62125a342c.txt"),
        ("yonhap-2019-11-17", "News aggregator (Yonhap copy)", "2019-11-17", "articles/003_9bb8d9a62761c524.txt"),
        ("fortruss-2019-11-17", "Fort Russ", "2019-11-17", "articles/004_bfde1a0b7893e1bc.txt"),
    ]
    by_id = {a.id: a for a in seeds.articles}
    assert by_id["japantimes-2019-11-17"].agency == "Kyodo News"
    assert by_id["asahi-2019-11-18"].byline == "Ryuichi Yamashita, Takeshi Kamiya"
    assert by_id["asahi-2019-11-18"].url == "http://www.asahi.com/ajw/articles/AJ201911180034.html"
    assert by_id["vietnam-2019-11-17"].language == "Vietnamese"
    assert by_id["vietnam-2019-11-17"].url is None and by_id["vietnam-2019-11-17"].headline is None
    assert by_id["yonhap-2019-11-17"].agency == "Yonhap News Agency"
    assert by_id["yonhap-2019-11-17"].headline.startswith("U.S. pressuring both S. Korea")
    assert by_id["fortruss-2019-11-17"].published == dt.date(2019, 11, 17)


def test_seed_files_keep_their_names_and_bytes(seeds):
    assert [Path(a.file).name for a in seeds.articles] == SHARED_NAMES
    for article in seeds.articles:
        assert article.path.read_bytes().decode("utf-8") == article.raw


def test_sentence_offsets_slice_back(seeds):
    for article in seeds.articles:
        assert article.sentences
        for sentence in article.sentences:
            assert article.clean[sentence.start : sentence.end] == sentence.text
            raw_start = article.raw_offset(sentence.start)
            assert article.raw[raw_start : raw_start + len(sentence.text)] == sentence.text
        for para in article.paragraphs:
            assert article.clean[para.start : para.end] == para.text


FURNITURE = [
    "0 1,424",
    "\npost\n",
    "Advertisement",
    "Subscribe to our newsletter",
    "You may also like",
    "Sign up here",
    "Photo/Ill",
    "date 2019-11-17",
    "subscribe now",
]


def test_no_furniture_left_in_clean_text(seeds):
    for article in seeds.articles:
        for junk in FURNITURE:
            assert junk not in "\n" + article.clean + "\n", (article.id, junk)


def test_words_are_kept_unchanged(seeds):
    fort = seeds.resolve("fortruss")
    assert "US Defenсe Secretary Mark Esper" in fort.clean  # the Cyrillic letter stays
    assert "US Defence Secretary Mark Esper" in fold(fort.clean)  # folded to the Latin letter
    japan_times = seeds.resolve("japantimes")
    assert japan_times.clean.startswith("The defense ministers of Japan and South Korea were set to hold talks")


def test_captions_credits_and_bylines_are_marked(seeds):
    kinds = {a.id: [(p.kind, p.text[:30]) for p in a.paragraphs if p.kind != "body"] for a in seeds.articles}
    assert kinds["asahi-2019-11-18"] == [
        ("caption", "From left, South Korean Nation"),
        ("byline", "(This article was written by R"),
    ]
    assert kinds["vietnam-2019-11-17"] == [("caption", "From left to right: South Kore")]
    assert kinds["yonhap-2019-11-17"] == [
        ("headline", "U.S. pressuring both S. Korea,"),
        ("credit", "Source: Yonhap News Agency"),
    ]
    assert kinds["fortruss-2019-11-17"] == [("headline", "MAJOR: Tokyo, Seoul Dissolve I")]
    assert kinds["japantimes-2019-11-17"] == []


def sentences_of(text: str) -> list[str]:
    return [text[a:b] for a, b in split_paragraph(text)]


def test_splitter_keeps_abbreviations_together():
    text = "Mr. Ko met U.S. Defense Secretary Mark Esper on Nov. 17 in Bangkok. Gen. Kim said S. Korea agreed."
    assert sentences_of(text) == [
        "Mr. Ko met U.S. Defense Secretary Mark Esper on Nov. 17 in Bangkok.",
        "Gen. Kim said S. Korea agreed.",
    ]


def test_splitter_handles_quotes_ending_a_sentence():
    text = '"We tried hard. It did not work," he said. "That is enough." Mr. Ko said. The talks ended.'
    assert sentences_of(text) == [
        '"We tried hard. It did not work," he said.',
        '"That is enough." Mr. Ko said.',
        "The talks ended.",
    ]


def test_splitter_u_s_at_sentence_end():
    assert sentences_of("Seoul sent a message to the U.S. The reply came later.") == [
        "Seoul sent a message to the U.S.",
        "The reply came later.",
    ]


def test_headline_line_without_full_stop_is_its_own_paragraph(tmp_path):
    from conftest import entry, write_corpus

    index = write_corpus(
        tmp_path,
        entry("a", "outlet: X\npublished: 2019-11-17\nfile: a.txt"),
        {"a.txt": "Seoul lets pact lapse\n\nThe pact expired. Nobody was surprised.\n"},
    )
    article = load_corpus(index).articles[0]
    assert [(p.kind, p.text) for p in article.paragraphs] == [
        ("headline", "Seoul lets pact lapse"),
        ("body", "The pact expired. Nobody was surprised."),
    ]
    assert [s.text for s in article.sentences] == [
        "Seoul lets pact lapse",
        "The pact expired.",
        "Nobody was surprised.",
    ]


def test_every_sentence_ends_at_a_plausible_place(seeds):
    for article in seeds.articles:
        for sentence in article.sentences:
            if sentence.kind == "body":
                assert re.search(r"[.!?\"'”)]$", sentence.text), sentence.text


def test_paragraph_kinds_from_patterns_with_a_leading_text():
    """A kinds pattern with a leading text ("photo") is looked for by
    substring first: the pattern still decides, whatever the case."""
    from gsomia_cli.normalize import clean_paragraphs

    raw = "Seoul lets the pact lapse.\n\nLeaders meet. PHOTO : AP\n\nA telephoto: lens\n\nSeoul waits."
    assert [(p.text, p.kind) for p in clean_paragraphs(raw)] == [
        ("Seoul lets the pact lapse.", "body"),
        ("Leaders meet. PHOTO : AP", "caption"),
        ("A telephoto: lens", "body"),
        ("Seoul waits.", "body"),
    ]


def test_a_paragraph_a_line_without_blank_lines_and_wrapped_text():
    from gsomia_cli.normalize import clean_paragraphs

    raw = (
        "Seoul stays in the pact.\n"
        '"It is a strategic decision," Abe said.\n'
        "READ MORE: US urges South Korea to stay\n"
        "The pact was signed in 2016.\n"
        "Copyright (c) 2019. Some Publisher Ltd. All rights reserved."
    )
    assert [p.text for p in clean_paragraphs(raw)] == [
        "Seoul stays in the pact.",
        '"It is a strategic decision," Abe said.',
        "The pact was signed in 2016.",
    ]
    wrapped = "South Korea said on Friday it would keep\nthe pact with Japan, hours before it\nwas due to expire."
    assert [p.text for p in clean_paragraphs(wrapped)] == [wrapped]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(['"', "\u201c", "\u201d", "\u00ab", "\u00bb", " ", "a", "\n\n", ", "]), max_size=60))
def test_quotes_of_the_whole_article_pair_as_each_paragraph_does(pieces):
    from gsomia_cli.corpus import Article
    from gsomia_cli.quotemarks import quote_spans

    article = Article("x", "X", dt.date(2019, 11, 17), "x.txt", "Seoul. " + "".join(pieces) + " end.", Path("x"))
    expected = [(p.start + a, p.start + b) for p in article.paragraphs for a, b in quote_spans(p.text)]
    assert article.quotes == expected


def test_splitter_marks_inside_words_and_runs_of_marks():
    assert sentences_of('Is it over?! "Yes." He left... Then 3.5 percent.') == [
        "Is it over?!",
        '"Yes."',
        "He left...",
        "Then 3.5 percent.",
    ]


def test_splitter_a_full_stop_with_no_space_before_a_capitalised_word():
    # Scraped pages lose the space between sentences; initials and decimals keep theirs.
    assert sentences_of("Talks may open a door.After that, U.S.Army officers met at 3.5 p.m.Friday.") == [
        "Talks may open a door.",
        "After that, U.S.Army officers met at 3.5 p.m.Friday.",
    ]
    assert sentences_of("The site is example.com and UrduPoint.com.") == ["The site is example.com and UrduPoint.com."]


def test_splitter_an_ellipsis_after_a_comma_is_a_pause():
    # Broadcast transcripts mark pauses so: the sentence goes on.
    assert sentences_of("Just hours from now,... GSOMIA will end. Seoul waits... Tokyo too.") == [
        "Just hours from now,... GSOMIA will end.",
        "Seoul waits...",
        "Tokyo too.",
    ]


def test_splitter_a_quotation_mark_after_a_full_stop_may_open_the_next_quotation():
    # A mark typed after the full stop instead of before the next word: '...," she said." We ...'
    text = '"It is sad," Kim told reporters." We will decide soon," she said.'
    assert sentences_of(text) == ['"It is sad," Kim told reporters.', '" We will decide soon," she said.']
    # A closing mark stays with its sentence.
    assert sentences_of('He said, "It is over." Then he left.') == ['He said, "It is over."', "Then he left."]


def test_lines_that_end_no_sentence_stand_alone_unless_their_sentence_goes_on():
    from gsomia_cli.normalize import clean_paragraphs

    # A page's top: a date stamp, a deck and a photo caption, a line each with no blank line between.
    raw = (
        "Seoul keeps the pact\n\n"
        "Posted on : 2019-11-22 16:30 KST\n"
        "Two sides welcome the decision, more talks expected\n"
        "Kim Min-soo speaks at the Blue House in Seoul on Friday. (Blue House photo pool)\n"
        "Kim Min-soo speaks at the Blue House in Seoul on Friday. (Blue House photo pool)\n"
        "\n"
        "South Korea kept the pact on Friday, hours before it was due to expire, a decision that Tokyo and "
        "Washington welcomed. Talks on the export curbs are to follow next week in Tokyo."
    )
    assert [(p.kind, p.text[:30]) for p in clean_paragraphs(raw)] == [
        ("headline", "Seoul keeps the pact"),
        ("body", "Posted on : 2019-11-22 16:30 K"),
        ("body", "Two sides welcome the decision"),
        ("caption", "Kim Min-soo speaks at the Blue"),
        ("caption", "Kim Min-soo speaks at the Blue"),
        ("body", "South Korea kept the pact on F"),
    ]
    # Text wrapped at a width goes on over lines that begin with a capital or end a sentence.
    wrapped = (
        "SEOUL (Reuters) - South Korea\n"
        "on Friday said it would keep its intelligence-sharing deal with\n"
        "Japan, in a dramatic, last-minute reversal. The decision was announced\n"
        "by the presidential Blue House."
    )
    assert [p.text for p in clean_paragraphs(wrapped)] == [wrapped]


def test_photo_credits_make_a_caption():
    from gsomia_cli.normalize import clean_paragraphs

    captions = [
        "Protesters react to the news in Seoul. (Kim Cheol-soo/AP)",
        "The two ministers meet in Tokyo on June 8. [YONHAP]",
        "The minister answers questions at a briefing in February. (Yonhap News)",
        "Kim speaks at the Blue House, Friday, November 22, 2019. / AP",
        "David Stilwell | AP",
        "Esper holds hands with his counterparts in Bangkok, Thailand. Yonhap",
        "Television showing a missile launch. \u2013 LEE MIN-HO / ZUMA PRESS / CONTACTOPHOTO",
    ]
    for caption in captions:
        assert [p.kind for p in clean_paragraphs(f"{caption}\n\nThe talks ended.")] == ["caption", "body"], caption
    # A body paragraph ends with its sentence, not with a bracket.
    assert [
        p.kind for p in clean_paragraphs("Seoul kept the pact (GSOMIA).\n\nThe General Security (GSOMIA) ends.")
    ] == [
        "body",
        "body",
    ]


def test_reporters_lines_are_bylines():
    from gsomia_cli.normalize import clean_paragraphs

    for line in (
        "Kim Min-ji, staff reporter",
        "Reporter Park Ji-won",
        "Kim Min-ji reports.",
        "Lee Ho-jin reports from Seoul",
    ):
        assert [p.kind for p in clean_paragraphs(f"The talks ended.\n\n{line}\n\nSeoul waits.")] == [
            "body",
            "byline",
            "body",
        ], line
    # A sentence about reports is body text.
    assert [p.kind for p in clean_paragraphs("The talks ended.\n\nThe Yomiuri reports that Seoul will wait.")] == [
        "body",
        "body",
    ]
