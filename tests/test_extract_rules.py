"""Extraction rules on short sentences of our own, not the seeds."""

from __future__ import annotations

from extraction_helpers import run


def dates(text: str, published: str = "2019-11-20") -> list[tuple[str, str]]:
    return [(d.text, d.value) for d in run(text, published).dates]


def test_absolute_dates():
    assert dates("Talks were held on Nov. 17 and again on December 3, 2018.") == [
        ("Nov. 17", "2019-11-17"),
        ("December 3, 2018", "2018-12-03"),
    ]
    assert dates("The ruling came in October 2018, after talks in 2016.") == [
        ("October 2018", "2018-10"),
        ("2016", "2016"),
    ]
    assert dates("Colonial rule lasted from 1910-1945.") == [("1910-1945", "1910")]
    # A full month name takes no period: the one after it ends the sentence.
    assert dates("It ends on 23rd November, or the 1st of December, not 3 of May.") == [
        ("23rd November", "2019-11-23"),
        ("1st of December", "2019-12-01"),
        ("May", "2019-05"),
    ]
    assert dates("The pact expires on 23 November. Talks go on from 4 Dec. to 6 Dec. 2019.") == [
        ("23 November", "2019-11-23"),
        ("4 Dec.", "2019-12-04"),
        ("6 Dec. 2019", "2019-12-06"),
    ]


def test_relative_dates_resolve_against_publication():
    # 2019-11-20 is a Wednesday.
    assert dates("By Friday, Seoul must decide.") == [("Friday", "2019-11-22")]
    assert dates("The pact, signed three years ago, ran well until two months ago.") == [
        ("three years ago", "2016"),
        ("two months ago", "2019-09"),
    ]
    assert dates("Kang told reporters on Monday that nothing changed.") == [("Monday", "2019-11-18")]
    assert dates("The pact is to expire on Saturday.") == [("Saturday", "2019-11-23")]
    assert dates("The pact will lapse in 3 days, with two weeks left for talks.") == [
        ("in 3 days", "2019-11-23"),
        ("two weeks left", "2019-12-04"),
    ]
    assert dates("Relations soured last December and again in July last year.") == [
        ("last December", "2018-12"),
        ("July last year", "2018-07"),
    ]
    assert dates("The meeting was held yesterday, the first since last year.") == [
        ("yesterday", "2019-11-19"),
        ("last year", "2018"),
    ]
    assert dates("Seoul announced its August decision after talks in late October.") == [
        ("August", "2019-08"),
        ("October", "2019-10"),
    ]


def test_numbers_that_are_not_years():
    text = "They met for 40 minutes with 2,000 troops, a 10-member group, US $ 500 million and 1,424 views."
    assert dates(text) == []
    assert dates("Relations are at their lowest in 50 years.") == []
    assert dates("Seoul may reconsider. May we ask?") == []


def officials(text: str, **kw) -> dict[str, tuple[str | None, str | None, list[str]]]:
    ex = run(text, **kw)
    return {name: (p.role, p.country, sorted(p.aliases)) for name, p in ex.persons.items()}


def test_official_from_title_not_in_gazetteer():
    got = officials("Chinese Foreign Ministry spokesman Geng Shuang said Beijing was watching. Geng added nothing.")
    assert got == {"Geng Shuang": ("spokesperson", "China", ["Geng"])}


def test_gazetteer_official_aliases_and_misspelling():
    text = (
        "South Korean Defense Minister Jeong Kyeong-doo met his counterpart. "
        "Jeong said little. Later Joeng said the talks were over."
    )
    assert officials(text) == {"Jeong Kyeong-doo": ("Defense Minister", "South Korea", ["Jeong", "Joeng"])}


def test_counterpart_named_only_in_text_that_is_read():
    text = (
        "Defense Minister Taro Kono met his counterpart, Jeong Kyeong-doo, in Bangkok.\n\n"
        "(Reporting by a counterpart, Mark Esper)"
    )
    assert [p.kind for p in run(text).article.paragraphs] == ["body", "credit"]
    assert sorted(officials(text)) == ["Jeong Kyeong-doo", "Taro Kono"]


def test_reporters_are_not_officials():
    text = "By Jane Reporter\n\nForeign Minister Toshimitsu Motegi spoke.\n\n(This article was written by Ken Writer.)"
    assert list(officials(text, byline="Jane Reporter")) == ["Toshimitsu Motegi"]


def statements(text: str, **kw) -> list[tuple[str | None, str, str | None, str]]:
    return [(q.speaker, q.kind, q.cue, q.text) for q in run(text, **kw).quotes]


def test_quote_split_around_attribution():
    text = 'Foreign Minister Kang Kyung-wha arrived. "We will decide," the minister said, "after the meeting ends."'
    assert statements(text) == [
        ("Kang Kyung-wha", "direct", "said", "We will decide"),
        ("Kang Kyung-wha", "direct", "said", "after the meeting ends."),
    ]


def test_said_before_name_and_pronoun():
    text = (
        'Defense Minister Taro Kono met Esper. \u201cIt is over,\u201d said Kono. "Nothing more can be done," he added.'
    )
    assert statements(text) == [
        ("Taro Kono", "direct", "said", "It is over"),
        ("Taro Kono", "direct", "added", "Nothing more can be done"),
    ]


def test_partial_quote_and_continuation():
    text = (
        'President Moon Jae-in called the decision "unavoidable for our security." '
        '"We had no choice."\n\nThe talks continue.'
    )
    assert statements(text) == [
        ("Moon Jae-in", "direct", "called", "unavoidable for our security."),
        ("Moon Jae-in", "reported", "called", 'the decision "unavoidable for our security."'),
        ("Moon Jae-in", "direct", "called", "We had no choice."),
    ]


def test_anonymous_sources_and_bodies():
    text = (
        "A senior official of the Foreign Ministry said the offer stands. "
        '"We are ready," the official said. '
        "Tokyo insists it will not change its export controls, according to diplomats."
    )
    assert statements(text) == [
        ("senior official of the Foreign Ministry", "reported", "said", "the offer stands"),
        ("official of the Foreign Ministry", "direct", "said", "We are ready"),
        ("Japan", "reported", "insists", "it will not change its export controls"),
        ("diplomats", "reported", "according to", "Tokyo insists it will not change its export controls"),
    ]


def test_reported_speech_forms():
    text = (
        "Trade Minister Hiroshi Kajiyama told reporters on Friday that the curbs would stay. "
        "Kajiyama urged Seoul to drop its complaint. "
        "The talks failed, the Yonhap news agency reported."
    )
    assert statements(text) == [
        ("Hiroshi Kajiyama", "reported", "told reporters", "the curbs would stay"),
        ("Hiroshi Kajiyama", "reported", "urged", "Seoul to drop its complaint"),
        ("Yonhap", "reported", "reported", "The talks failed"),
    ]


def test_scare_quotes_without_speaker_are_dropped():
    assert statements('The so-called "white list" was revised in August.') == []


def claims(text: str, published: str = "2019-11-20") -> dict[str, object]:
    return {c.claim: c.value for c in run(text, published).claims}


def test_claims_from_own_sentences():
    assert claims("The accord expires at midnight on Nov. 22 unless Seoul changes course.") == {
        "expiry_date": "2019-11-22"
    }
    assert claims("Seoul says it will keep the pact only if Japan first lifts its export curbs.") == {
        "seoul_condition": "condition"
    }
    assert claims("Seoul scrapped the pact in August after Japan tightened export controls.") == {
        "seoul_condition": "cause"
    }
    assert claims("Washington has been pressing both allies to renew the agreement.") == {"us_pressure": True}
    assert claims("Tokyo would not lift its export restrictions, officials said.") == {"japan_delinks": True}
    assert claims("The two ministers failed to reach a compromise.") == {"no_breakthrough": True}
    assert claims("Nothing about the pact here.") == {}


def test_every_record_carries_its_evidence():
    ex = run('Defense Minister Taro Kono said on Monday that "nothing changed." The pact expires on Saturday.')
    clean = ex.article.clean
    for record in [*ex.dates, *ex.quotes, *ex.mentions]:
        assert clean[record.start : record.end] == record.text
        assert record.article == "t" and record.file == "t.txt" and record.outlet == "Test Outlet"
    for claim in ex.claims:
        assert clean[claim.start : claim.end] == claim.evidence


def test_official_with_title_in_apposition():
    text = "Park Min-soo, the deputy director of the national security office, told a briefing that talks would go on."
    assert officials(text) == {"Park Min-soo": ("Deputy Director", None, [])}
    assert statements(text) == [("Park Min-soo", "reported", "told", "talks would go on")]


def test_time_phrase_between_verb_and_clause():
    text = "South Korea said on Friday it would suspend the expiry. Japan's trade ministry said it would hold talks."
    assert statements(text) == [
        ("South Korea", "reported", "said", "it would suspend the expiry"),
        ("Japan's trade ministry", "reported", "said", "it would hold talks"),
    ]


def test_the_source_points_back_to_a_described_source():
    text = 'A government source said Tokyo had made no concessions. "Nothing has changed," the source said.'
    assert statements(text) == [
        ("government source", "reported", "said", "Tokyo had made no concessions"),
        ("government source", "direct", "said", "Nothing has changed"),
    ]


def test_a_m_does_not_end_the_sentence_and_bare_weekday_after_said():
    ex = run("The agreement was set to expire at 12 a.m. Saturday. South Korea said Friday it will keep the deal.")
    assert [(d.text, d.value) for d in ex.dates] == [("Saturday", "2019-11-23"), ("Friday", "2019-11-15")]
    assert [(c.claim, c.value) for c in ex.claims] == [("expiry_date", "2019-11-23")]
    assert statements("South Korea said Friday it will keep the deal.") == [
        ("South Korea", "reported", "said", "it will keep the deal")
    ]


def test_sources_placed_in_a_capital():
    assert statements("But officials in Tokyo insisted the two issues were unrelated.") == [
        ("officials in Tokyo", "reported", "insisted", "the two issues were unrelated")
    ]


def test_short_quote_far_from_its_verb_is_not_a_statement():
    text = 'Seoul announced the end of the pact weeks after Japan removed it from a "white list" of trusted partners.'
    assert [s for s in statements(text) if s[1] == "direct"] == []


def test_agency_byline_is_not_body_text():
    ex = run("By HYUNG-JIN KIM and MARI YAMAGUCHI Associated Press\n\nSeoul kept the pact.")
    assert [p.kind for p in ex.article.paragraphs] == ["byline", "body"]
    assert ex.persons == {}


def test_time_of_day_before_weekday_and_title_comma_name():
    ex = run("The office announced at 6 p.m. Friday that Seoul would keep the pact.", published="2019-11-23")
    assert [(d.text, d.value) for d in ex.dates] == [("Friday", "2019-11-22")]
    assert statements("The ministry's spokesman, Kim In-chul, said the talks would start next month.") == [
        ("Kim In-chul", "reported", "said", "the talks would start next month")
    ]


def test_a_source_named_after_the_clause_is_cut_off():
    text = (
        "The South Korean side stressed that it wanted a diplomatic solution, according to Yonhap. "
        "Foreign Minister Toshimitsu Motegi argued that the export measures were not retaliation, Kyodo News reported."
    )
    # (and the source named after the clause reports it too)
    assert statements(text) == [
        ("South Korea", "reported", "stressed", "it wanted a diplomatic solution"),
        ("Yonhap", "reported", "according to", "The South Korean side stressed that it wanted a diplomatic solution"),
        ("Toshimitsu Motegi", "reported", "argued", "the export measures were not retaliation"),
        (
            "Kyodo",
            "reported",
            "reported",
            "Foreign Minister Toshimitsu Motegi argued that the export measures were not retaliation",
        ),
    ]


def test_present_tense_of_a_scheduled_event_points_forward():
    ex = run("Defense Minister Taro Kono said on Friday that GSOMIA expires Saturday.")
    assert [(d.text, d.value) for d in ex.dates] == [("Friday", "2019-11-15"), ("Saturday", "2019-11-23")]


def test_unicode_text_keeps_offsets():
    text = "İstanbul \u200b“Kono” said: \u202e“İt is ﬁne 😀,” Defense Minister Taro Kono said on Friday."
    ex = run(text)
    for record in [*ex.dates, *ex.quotes, *ex.mentions]:
        assert ex.article.clean[record.start : record.end] == record.text
    assert [(q.speaker, q.text) for q in ex.quotes] == [("Taro Kono", "İt is ﬁne 😀")]


def test_more_claim_phrasings():
    assert claims("The pact lapses on Saturday unless Japan lifts its export curbs.") == {
        "expiry_date": "2019-11-23",
        "seoul_condition": "condition",
    }
    assert claims("The visa expires Friday.") == {}  # no pact in the sentence: not the pact's expiry
    assert claims("Seoul decided to end the pact on Aug. 22.") == {}  # ending it is not its expiry
    assert claims("The talks ended without an agreement.") == {"no_breakthrough": True}
    assert claims("The United States sought to broker a deal to save the pact.") == {"us_pressure": True}
    assert claims("Japan has refused to link the export controls to the pact.") == {"japan_delinks": True}


def test_the_pact_that_ends_and_the_trade_dispute():
    # The pact's own end is its expiry; ending the pact is not.
    assert claims("GSOMIA would end as scheduled on Nov. 23 otherwise.") == {"expiry_date": "2019-11-23"}
    assert claims("The agreement ends at midnight Saturday.") == {"expiry_date": "2019-11-23"}
    assert claims("Seoul would end the pact on Aug. 22.") == {}
    assert claims("The talks will end on Sunday, the agreement aside.") == {}  # the talks, not the pact
    assert claims("The intelligence pact will be terminated on Nov. 23.") == {"expiry_date": "2019-11-23"}
    assert claims("Seoul announced on Aug. 22 that the pact would be terminated.") == {}
    # The trade dispute is the export curbs by another name.
    assert claims("Tokyo refused to link the pact to a separate trade dispute.") == {"japan_delinks": True}


def test_a_named_expert_is_the_speaker_not_the_previous_one():
    text = (
        "Foreign Minister Kang Kyung-wha said talks would go on. "
        '"Seoul has only postponed the problem," said Park Won-gon, a professor at Handong Global University. '
        '"It will return," he added.'
    )
    assert statements(text) == [
        ("Kang Kyung-wha", "reported", "said", "talks would go on"),
        ("Park Won-gon", "direct", "said", "Seoul has only postponed the problem"),
        ("Park Won-gon", "direct", "added", "It will return"),
    ]
    assert list(run(text).persons) == ["Kang Kyung-wha"]  # a professor is no official


def test_titles_with_names_and_without():
    text = (
        "Former President Park Geun-hye signed the pact in 2016. Chairman of the Joint Chiefs of Staff "
        "Gen. Mark Halvorsen visited Seoul. Korea Herald reporter Choi Si-young wrote the story. "
        "The Secretary General Security Council met. The President said nothing."
    )
    assert officials(text) == {
        "Park Geun-hye": ("President", "South Korea", []),  # (the gazetteer knows her country)
        "Mark Halvorsen": ("General", None, []),
    }


def test_institutions_found_near_their_noun_as_over_the_whole_paragraph():
    """Institutions ("Japan's trade ministry") are looked for only shortly
    before their noun; that finds what a scan of each paragraph finds."""
    from gsomia_cli.speakers import _INSTITUTION_NOUNS, INSTITUTION_SPAN, _institution, _windows_before
    from gsomia_cli.wordstarts import WordStarts

    text = (
        "Japan's trade ministry said the Defense Ministry and the South Korean government agreed. "
        "South Korea's presidential office and Minister Kono's office spoke. "
        "Officials of the presidential office, the Foreign Ministry's spokesman and Seoul's defense "
        "ministry spoke.\n\nThe Moon administration and the U.S. Forces Korea Command stayed silent."
    )
    ranges = [(0, text.index("\n\n")), (text.index("\n\n") + 2, len(text))]
    words = WordStarts(text.lower())
    windows = _windows_before(text, words.at(_INSTITUTION_NOUNS), ranges, INSTITUTION_SPAN)
    got = [m.group() for a, b in windows for m in _institution().finditer(text, a, b)]
    expected = [m.group() for a, b in ranges for m in _institution().finditer(text, a, b)]
    assert got == expected
    assert got == [
        "Japan's trade ministry",
        "the Defense Ministry",
        "the South Korean government",
        "South Korea's presidential office",
        "Kono's office",
        "the presidential office",
        "the Foreign Ministry",
        "Seoul's defense ministry",
        "The Moon administration",
    ]


def test_quote_then_name_with_a_long_apposition_then_verb():
    text = (
        '"Nothing has changed," Lee Sang-min, deputy director of the presidential National Security Office, '
        'told reporters. "The ball is in their court."'
    )
    assert statements(text) == [
        ("Lee Sang-min", "direct", "told", "Nothing has changed"),
        ("Lee Sang-min", "direct", "told", "The ball is in their court."),
    ]
    text = (
        '"It cannot last long," Park Won-gon, a professor of international politics at a university in Seoul, '
        'said. "Both will lose," a senior official, who spoke on condition of anonymity as he was not allowed '
        "to talk to the media, told reporters."
    )
    assert statements(text) == [
        ("Park Won-gon", "direct", "said", "It cannot last long"),
        ("senior official", "direct", "told", "Both will lose"),
    ]
    # Without a comma after the name, a long phrase is no name in apposition: no speaker is named.
    text = (
        'Deputy Director Lee Sang-min arrived. "We will see about it," Lee Sang-min and the staff of the '
        "presidential office in Seoul told reporters."
    )
    assert statements(text) == [(None, "direct", None, "We will see about it")]


def test_a_person_reporting_what_a_body_holds_is_who_spoke_the_quote():
    text = 'Chief Cabinet Secretary Yoshihide Suga spoke. He said Tokyo hoped Seoul would "respond wisely."'
    assert [q for q in statements(text) if q[1] == "direct"] == [
        ("Yoshihide Suga", "direct", "said", "respond wisely.")
    ]
    # A body that is the only subject speaks for itself; a person nearest the quote is who spoke it.
    direct = [q for q in statements('Japan said it "will not budge an inch."') if q[1] == "direct"]
    assert direct == [("Japan", "direct", "said", "will not budge an inch.")]
    text = 'Defense Minister Taro Kono arrived. Seoul said Kono told Jeong that "the door is open."'
    assert [q for q in statements(text) if q[1] == "direct"] == [("Taro Kono", "direct", "told", "the door is open.")]


def test_a_title_with_a_rank_before_it_and_a_us_department():
    text = (
        "Deputy Secretary of State Stephen Bellamy met Vice Foreign Minister Cho Sung-ho. "
        "Acting Defense Minister Park Jae-min stayed home. State Department spokeswoman Morgan Ellery said little. "
        "Unification Minister Kim Yeon-chul was away."
    )
    assert officials(text) == {
        "Stephen Bellamy": ("Deputy Secretary of State", "United States", []),  # (role_countries)
        "Cho Sung-ho": ("Vice Foreign Minister", None, []),
        "Park Jae-min": ("Acting Defense Minister", None, []),
        "Kim Yeon-chul": ("Unification Minister", "South Korea", []),
        "Morgan Ellery": ("spokesperson", "United States", []),
    }


def test_adding_after_the_verb_of_a_quote_is_no_reported_clause():
    text = 'Gen. Mark Milley spoke. "It is important," Milley said, adding, "that the two work together."'
    assert statements(text) == [
        ("Mark Milley", "direct", "said", "It is important"),
        ("Mark Milley", "direct", "said", "that the two work together."),
    ]


def test_a_source_set_off_by_commas_before_a_clause_of_another_kind():
    text = "The pact will expire at midnight Friday, a senior Blue House official said, after talks failed."
    assert statements(text) == [
        ("senior Blue House official", "reported", "said", "The pact will expire at midnight Friday")
    ]
    # After the commas a clause of its own: that is what was said, not the words before.
    assert statements("In the capital city, officials said, the mood was grim.") == [
        ("officials", "reported", "said", "the mood was grim")
    ]


def test_a_middle_initial_in_a_titled_name():
    ex = run("U.S. Defense Secretary Mark T. Esper arrived. Esper left.")
    assert {n: (p.role, p.country, sorted(p.aliases)) for n, p in ex.persons.items()} == {
        "Mark Esper": ("Defense Secretary", "United States", ["Esper", "Mark T. Esper"])
    }
    assert [(m.text, m.start, m.end) for m in ex.mentions] == [("Mark T. Esper", 23, 36), ("Esper", 46, 51)]
    assert officials("Foreign Minister Kim J. Park spoke.") == {"Kim Park": ("Foreign Minister", None, ["Kim J. Park"])}


def test_according_to_at_the_start_of_a_sentence():
    pre = "South Korean Defense Minister Jeong Kyeong-doo met Kono. "
    assert statements(pre + 'According to Jeong, "nothing has changed at all since August."') == [
        ("Jeong Kyeong-doo", "direct", "according to", "nothing has changed at all since August.")
    ]
    assert statements(pre + "According to Jeong, nothing has changed at all since August.") == [
        ("Jeong Kyeong-doo", "reported", "according to", "nothing has changed at all since August")
    ]


def test_the_verb_after_a_quote_reports_nothing_else():
    text = 'Defense Minister Taro Kono spoke. "We will not give up," Kono said in a statement released by the ministry.'
    assert statements(text) == [("Taro Kono", "direct", "said", "We will not give up")]


def test_claims_in_other_words():
    assert claims("South Korea says it could reconsider if Japan withdraws its trade curbs.") == {
        "seoul_condition": "condition"
    }
    assert claims("Seoul made the reversal of Japan's export controls a precondition for keeping the pact.") == {
        "seoul_condition": "condition"
    }
    assert claims("South Korea said in August it would end the deal, citing Japan's trade restrictions.") == {
        "seoul_condition": "cause"
    }
    assert claims("Tokyo says the export measures have nothing to do with the intelligence pact.") == {
        "japan_delinks": True
    }
    assert claims("Japan calls its export controls a matter of national security.") == {"japan_delinks": True}
    assert claims("Stilwell pressed Seoul to reverse its decision on the pact.") == {"us_pressure": True}
    # Seoul's side of the argument is no delinking.
    assert claims("Seoul argues Japan's export curbs have nothing to do with national security.") == {}
    for text in (
        "The two ministers did not narrow their differences.",
        "Both sides stuck to their positions.",
        "The talks were inconclusive.",
        "The two sides agreed to disagree.",
    ):
        assert claims(text) == {"no_breakthrough": True}, text


def test_a_gazetteer_official_named_by_surname_alone():
    assert officials("When Moon spoke, Abe's aides listened. Abe took notes.") == {
        "Moon Jae-in": ("President", "South Korea", ["Moon"]),
        "Shinzo Abe": ("Prime Minister", "Japan", ["Abe"]),
    }
    assert officials("The Trump administration pressed Seoul.") == {}  # a government, not its leader
    # Another name in the article bears the surname: alone it names no one for sure.
    assert officials("Analyst Lee Sang-hyun spoke. Lee said the pact would end.") == {}


def test_a_second_verb_joined_by_and_has_the_same_subject():
    text = "Spokeswoman Morgan Ortagus urged Seoul on Thursday to stay and said Washington would keep talking."
    assert statements(text) == [
        ("Morgan Ortagus", "reported", "urged", "Seoul on Thursday to stay"),
        ("Morgan Ortagus", "reported", "said", "Washington would keep talking"),
    ]


def test_a_quotation_over_two_paragraphs_attributed_at_its_end():
    text = (
        'Officials met on Sunday.\n\n"We will not give up on talks with Seoul. There is still time.\n\n'
        '"Japan cannot change its position," Japanese Defense Minister Taro Kono told reporters.'
    )
    assert statements(text) == [
        ("Taro Kono", "direct", "told", "We will not give up on talks with Seoul. There is still time."),
        ("Taro Kono", "direct", "told", "Japan cannot change its position"),
    ]
    # A stray mark left open with no quotation after it stays a quote of its own sentence's paragraph
    # (with no cue, it is the words of the subject of the sentence before).
    assert statements('Officials met. "We will not give up, he said.\n\nTalks went on.') == [
        ("Officials", "direct", None, "We will not give up, he said.")
    ]


def test_institutions_and_sources_that_speak():
    assert statements("South Korea's presidential office said Friday that nothing had changed.") == [
        ("South Korean presidential office", "reported", "said", "nothing had changed")
    ]
    assert statements("The South Korean Foreign Ministry said in a statement that it regretted the decision.") == [
        ("South Korean Foreign Ministry", "reported", "said", "it regretted the decision")
    ]
    # A qualifier ends before the verb: "in Tokyo", not "in Tokyo said the government".
    assert statements("Officials in Tokyo said the government would not back down.") == [
        ("Officials in Tokyo", "reported", "said", "the government would not back down")
    ]
    assert statements("Local media reported that Moon would decide on Friday.") == [
        ("local media", "reported", "reported", "Moon would decide on Friday")
    ]
    assert statements("Officials at the United States embassy said talks would go on.") == [
        ("Officials at the United States embassy", "reported", "said", "talks would go on")
    ]


def test_a_dateline_is_not_part_of_what_was_said():
    for dateline in ("SEOUL, Nov. 22 (Reuters) - ", "TOKYO (AP) \u2014 ", "BANGKOK-- ", "SEOUL, Nov. 21 (Yonhap) -- "):
        text = dateline + "South Korea suspended its decision on Friday, a senior presidential official said."
        assert statements(text) == [
            ("senior presidential official", "reported", "said", "South Korea suspended its decision on Friday")
        ], dateline


def test_a_name_written_without_its_hyphen_or_in_another_case():
    assert officials("South Korean Defense Minister Jeong Kyeong Doo spoke.") == {
        "Jeong Kyeong-doo": ("Defense Minister", "South Korea", ["Jeong Kyeong Doo"])
    }


def test_more_reporting_verbs():
    for verb in ("pointed out", "made clear", "hinted", "underscored", "conceded"):
        text = f"Secretary of State Mike Pompeo spoke. Pompeo {verb} that the allies must work together."
        assert statements(text) == [("Mike Pompeo", "reported", verb, "the allies must work together")], verb


def test_a_title_with_its_posting_before_the_name():
    text = "Former U.S. ambassador to Seoul Mark Lippert said the pact mattered a great deal."
    assert officials(text) == {"Mark Lippert": ("Ambassador", "United States", [])}
    assert statements(text) == [("Mark Lippert", "reported", "said", "the pact mattered a great deal")]


def test_an_official_named_in_an_apposition_is_not_its_subject():
    text = (
        "Kim You-geun, a deputy national security adviser to President Moon Jae-in, "
        'said Seoul had "conditionally" suspended its decision.'
    )
    assert statements(text) == [
        ("Kim You-geun", "direct", "said", "conditionally"),
        ("Kim You-geun", "reported", "said", 'Seoul had "conditionally" suspended its decision'),
    ]
    # Not an apposition: a capitalised name right after the comma is no description of the first.
    assert statements("Asked about Abe, Defense Minister Taro Kono said the curbs would stay in place.") == [
        ("Taro Kono", "reported", "said", "the curbs would stay in place")
    ]


def test_he_is_the_official_a_sentence_opened_with_since_the_last_statement():
    text = (
        '"Japan understands," Chung Eui-yong, director of the National Security Office, said.\n\n'
        "In Tokyo, Prime Minister Shinzo Abe welcomed the decision. "
        '"South Korea made a strategic judgment," he told reporters.'
    )
    assert [(speaker, quote) for speaker, _, _, quote in statements(text)] == [
        ("Chung Eui-yong", "Japan understands"),
        ("Shinzo Abe", "the decision"),  # (welcomed)
        ("Shinzo Abe", "South Korea made a strategic judgment"),
    ]
    # Two officials as the subject: "he" is still the one who spoke last.
    text = text.replace("Prime Minister Shinzo Abe welcomed", "Abe and Moon Jae-in welcomed")
    assert statements(text)[-1][0] == "Chung Eui-yong"
    # A "the official" with no source before it is still the last to speak, not the last subject.
    text = 'Kang Kyung-wha said the talks would go on. Esper visited Seoul. "It is over," the official said.'
    assert statements(text)[-1][:2] == ("Kang Kyung-wha", "direct")


def test_a_reporting_verb_after_a_determiner_is_a_noun():
    text = "Suga said Tokyo would not bow to South Korean demands that it lift its export controls."
    assert statements(text) == [
        (
            "Yoshihide Suga",
            "reported",
            "said",
            "Tokyo would not bow to South Korean demands that it lift its export controls",
        )
    ]
    assert statements("Seoul's claims that Japan retaliated were rejected by the ministry.") == []
    assert statements("Seoul demands that Tokyo lift its export curbs first.") == [
        ("South Korea", "reported", "demands", "Tokyo lift its export curbs first")
    ]


def test_told_an_audience_then_a_clause_without_that():
    assert statements("Defense Minister Taro Kono told reporters on Friday the curbs would stay.") == [
        ("Taro Kono", "reported", "told reporters", "the curbs would stay")
    ]
    assert statements("Suga told a regular news conference Tokyo had not changed its view.") == [
        ("Yoshihide Suga", "reported", "told", "Tokyo had not changed its view")
    ]
    # "told" with no audience and no "that", or an audience and no clause, reports nothing.
    assert statements("Defense Minister Taro Kono told Kang the curbs would stay.") == []
    assert statements("Defense Minister Taro Kono told reporters after the talks, without details.") == []


def test_a_participle_after_a_comma_reports_for_the_sentence_s_speaker():
    text = (
        '"We had a frank exchange of views," Defense Minister Taro Kono told reporters, '
        "adding that Tokyo's stance on the export measures was unchanged."
    )
    assert statements(text) == [
        ("Taro Kono", "direct", "told", "We had a frank exchange of views"),
        ("Taro Kono", "reported", "adding", "Tokyo's stance on the export measures was unchanged"),
    ]
    # The statement the participle follows ends before its comma.
    assert statements(
        "Kono said the talks went well, noting that nothing had changed.".replace("Kono", "Taro Kono")
    ) == [
        ("Taro Kono", "reported", "said", "the talks went well"),
        ("Taro Kono", "reported", "noting", "nothing had changed"),
    ]
    # With no statement before it, the official the sentence opens with.
    assert statements("Defense Minister Taro Kono criticized the move, saying it was deeply regrettable.") == [
        ("Taro Kono", "reported", "criticized", "the move"),
        ("Taro Kono", "reported", "saying", "it was deeply regrettable"),
    ]
    # 'adding, "..."' is a direct quote, and a participle that is no cue reports nothing.
    assert statements('Taro Kono said the talks ended, adding "We will wait."') == [
        ("Taro Kono", "direct", "said", "We will wait."),
        ("Taro Kono", "reported", "said", "the talks ended"),
    ]


def test_a_clause_ends_where_another_speaker_s_clause_joins():
    text = (
        "Japan's trade ministry said it would resume talks on export controls, "
        "but officials in Tokyo insisted that the curbs had nothing to do with the pact."
    )
    assert statements(text) == [
        ("Japan's trade ministry", "reported", "said", "it would resume talks on export controls"),
        ("officials in Tokyo", "reported", "insisted", "the curbs had nothing to do with the pact"),
    ]
    # The same subject, joined by "and": the first clause ends there too, as before.
    assert statements("Taro Kono said the curbs would stay and said Seoul should decide.") == [
        ("Taro Kono", "reported", "said", "the curbs would stay"),
        ("Taro Kono", "reported", "said", "Seoul should decide"),
    ]


def test_anonymous_source_with_a_noun_before_its_head():
    text = "A senior administration official, speaking on condition of anonymity, said Washington would not mediate."
    assert statements(text) == [("senior administration official", "reported", "said", "Washington would not mediate")]


def test_a_weekday_after_before_or_until_is_a_deadline_ahead():
    # 2019-11-19 is a Tuesday: "was making ... efforts" is past, the deadline is not.
    text = 'Kang said the government was making "last-ditch" efforts to find a solution before Saturday.'
    assert dates(text, "2019-11-19") == [("Saturday", "2019-11-23")]
    assert dates("Seoul has until Friday to decide.", "2019-11-19") == [("Friday", "2019-11-22")]
    assert dates("Seoul has until 11:59 p.m. Friday to decide.", "2019-11-19") == [("Friday", "2019-11-22")]
    assert dates("A decision is expected by Friday.", "2019-11-19") == [("Friday", "2019-11-22")]
    # Not a possessive ("before Sunday's talks" may be past), and not "by" ("announced by Friday").
    assert dates("Kono spoke to reporters before Sunday's talks.", "2019-11-19") == [("Sunday's", "2019-11-17")]
    assert dates("The decision was announced by Friday, officials said.", "2019-11-19") == [("Friday", "2019-11-15")]


def test_claim_phrasings_of_failed_talks_and_trading_status():
    assert (
        claims("The ministers failed Sunday to narrow their differences over the pact.").get("no_breakthrough") is True
    )
    assert claims("Seoul and Tokyo held talks last week but made little progress.").get("no_breakthrough") is True
    text = "Tokyo would not bow to demands that it lift export controls in exchange for Seoul keeping the pact."
    assert claims(text).get("seoul_condition") == "condition"
    text = "Seoul announced it would exit the pact, citing Japan's decision to remove it from its list of trusted trading partners."
    assert claims(text).get("seoul_condition") == "cause"


def test_a_title_after_a_preposition_in_an_apposition_is_someone_else_s():
    text = "Moon Chung-in, a special adviser to President Moon Jae-in, said Monday that the pact depended on Japan."
    assert officials(text)["Moon Chung-in"] == ("Special Adviser", None, [])
    text = "Lee Sang-min, an aide to Foreign Minister Kang Kyung-wha, spoke."
    assert "Lee Sang-min" not in officials(text)


def test_the_adviser_points_back_to_an_adviser():
    text = (
        "Moon Chung-in, a special adviser to President Moon Jae-in, spoke on Monday. "
        "Speaking at a forum in Seoul, the adviser said Washington had done little to mediate."
    )
    assert statements(text) == [("Moon Chung-in", "reported", "said", "Washington had done little to mediate")]


def test_a_source_named_after_what_was_said_with_an_audience_or_a_time():
    text = (
        "SEOUL, Nov 20 (Reuters) - Seoul will not reverse its decision unless Tokyo drops its curbs, "
        "a senior South Korean government official told Reuters on Wednesday."
    )
    assert statements(text) == [
        (
            "senior South Korean government official",
            "reported",
            "told",
            "Seoul will not reverse its decision unless Tokyo drops its curbs",
        )
    ]
    assert statements("The talks will go on, the ministry said in a statement on Friday.") == [
        ("ministry", "reported", "said", "The talks will go on")
    ]
    assert statements("Kono told Reuters the curbs would stay.".replace("Kono", "Taro Kono")) == [
        ("Taro Kono", "reported", "told", "the curbs would stay")
    ]


def test_japan_rules_out_lifting_curbs_in_return_for_the_pact():
    text = "Japan on Thursday ruled out lifting export controls in return for Seoul keeping the pact."
    assert claims(text) == {"seoul_condition": "condition", "japan_delinks": True}
    assert claims("Japan has not ruled out easing the export curbs.") == {}


def test_a_that_after_a_clause_of_its_own_is_part_of_what_was_said():
    text = "Defense Minister Jeong Kyeong-doo spoke. He acknowledged there was little sign that Tokyo would budge."
    assert statements(text) == [
        ("Jeong Kyeong-doo", "reported", "acknowledged", "there was little sign that Tokyo would budge")
    ]
    # A time or an audience before "that" is no clause: what was said begins after it.
    assert statements("Taro Kono told reporters in Tokyo on Friday that the curbs would stay.") == [
        ("Taro Kono", "reported", "told reporters", "the curbs would stay")
    ]


def test_quoted_as_saying():
    text = "Chief Cabinet Secretary Yoshihide Suga was quoted by Kyodo News as saying that Japan would not budge."
    assert statements(text) == [("Yoshihide Suga", "reported", "quoted as saying", "Japan would not budge")]
    text = 'Chief Cabinet Secretary Yoshihide Suga was quoted by Kyodo as saying, "We will not change."'
    assert statements(text) == [("Yoshihide Suga", "direct", "saying", "We will not change.")]


def test_a_verb_reported_within_what_was_said_is_part_of_it():
    text = (
        'The Japanese Foreign Ministry\'s spokesman, Kenji Yamada, said Tokyo had explained its position "many times."'
    )
    assert statements(text) == [
        ("Kenji Yamada", "direct", "said", "many times."),
        ("Kenji Yamada", "reported", "said", 'Tokyo had explained its position "many times."'),
    ]
    # The country before an apostrophe-s word and the title ("Foreign Ministry's spokesman").
    assert officials(text) == {"Kenji Yamada": ("spokesperson", "Japan", [])}


def test_an_aside_between_the_verb_and_that():
    text = (
        "South Korea's Yonhap news agency reported, citing an unnamed official, that Seoul was weighing an extension."
    )
    assert statements(text) == [
        ("Yonhap", "reported", "reported", "Seoul was weighing an extension")  # (the outlet, by its name)
    ]
    assert statements("Taro Kono said, however, that the curbs would stay.") == [
        ("Taro Kono", "reported", "said", "the curbs would stay")
    ]


def test_the_pact_ends_at_an_hour():
    text = "The pact, which Seoul decided in August to terminate, will end at 12 a.m. on Nov. 23 unless Seoul reverses course."
    assert claims(text)["expiry_date"] == "2019-11-23"


def test_sources_who_know_and_institutions_with_their_full_names():
    assert statements("The pact will lapse, a source familiar with the matter said.") == [
        ("source familiar with the matter", "reported", "said", "The pact will lapse")
    ]
    # "People" alone is no source; with what they know, they are.
    assert statements("People familiar with the talks said Seoul was leaning toward an extension.") == [
        ("People familiar with the talks", "reported", "said", "Seoul was leaning toward an extension")
    ]
    text = "Japan's Ministry of Economy, Trade and Industry said in a statement that the review was not retaliation."
    assert statements(text) == [  # (by the name it goes by)
        ("Japan's Trade Ministry", "reported", "said", "the review was not retaliation")
    ]
    assert statements("Moon told aides to make every effort, his spokeswoman said.") == [
        ("spokeswoman", "reported", "said", "Moon told aides to make every effort")
    ]


def test_the_country_of_a_new_official_from_a_possessor_an_apposition_or_the_role():
    assert officials("Moon Jae-in's chief of staff, Noh Jae-sung, spoke.")["Noh Jae-sung"] == (
        "Chief of Staff",
        "South Korea",
        [],
    )
    text = "Kim Hyun-woo, deputy director of South Korea's National Security Office, spoke."
    assert officials(text)["Kim Hyun-woo"] == ("Deputy Director", "South Korea", [])
    # A role that one country alone has, with or without a rank before it.
    assert officials("Deputy Secretary of State Stephen Bellamy visited Seoul.") == {
        "Stephen Bellamy": ("Deputy Secretary of State", "United States", [])
    }
    # A role that many countries have says nothing of the country.
    assert officials("Defense Ministry spokeswoman Choi Hyun-soo spoke.") == {
        "Choi Hyun-soo": ("spokesperson", None, [])
    }


def test_claims_in_more_words_of_the_wires():
    assert claims("GSOMIA will automatically terminate on Nov. 23.") == {"expiry_date": "2019-11-23"}
    assert claims("The pact will cease to be in effect on Nov. 23.") == {"expiry_date": "2019-11-23"}
    # Seoul ending the pact on a day is no expiry.
    assert claims("Seoul decided to end the pact on Aug. 22.") == {}
    assert claims("The U.S. has repeatedly called for the agreement to be maintained.") == {"us_pressure": True}
    assert claims("Tokyo insists the export controls are unrelated to the security pact.") == {"japan_delinks": True}
    assert claims("Japan has rejected any linkage between the export curbs and the pact.") == {"japan_delinks": True}
    for text in (
        "The talks ended without a breakthrough.",
        "The meeting produced no agreement.",
        "Neither side budged.",
    ):
        assert claims(text) == {"no_breakthrough": True}, text
    # ... but not every "neither side" or "produced no".
    for text in ("Neither side wants the pact to end.", "The meeting produced no surprises."):
        assert claims(text) == {}, text


def test_a_participle_after_a_quotation_closed_by_its_comma_and_a_titled_subject():
    text = 'Shinzo Abe told reporters that Seoul had made "a strategic decision," adding that the pact mattered a lot.'
    assert statements(text) == [
        ("Shinzo Abe", "direct", "told", "a strategic decision"),
        ("Shinzo Abe", "reported", "told reporters", 'Seoul had made "a strategic decision,"'),
        ("Shinzo Abe", "reported", "adding", "the pact mattered a lot"),
    ]
    text = "U.S. Secretary of State Mike Pompeo welcomed the decision, saying it was important for the allies."
    assert statements(text) == [
        ("Mike Pompeo", "reported", "welcomed", "the decision"),
        ("Mike Pompeo", "reported", "saying", "it was important for the allies"),
    ]


def test_newspapers_and_broadcasters_report_in_their_own_name():
    assert statements("The Nikkei newspaper reported on Friday that Japan would resume talks.") == [
        ("Nikkei", "reported", "reported", "Japan would resume talks")
    ]
    assert statements("According to the Yomiuri Shimbun, Japan will not lift the curbs.") == [
        ("Yomiuri Shimbun", "reported", "according to", "Japan will not lift the curbs")
    ]
    assert statements("A Japanese newspaper reported that Seoul had asked for talks.") == [
        ("Japanese newspaper", "reported", "reported", "Seoul had asked for talks")
    ]


def test_who_cites_is_the_speaker_not_whom_it_cites():
    assert statements("Yonhap, citing a presidential official, said Seoul would extend the pact.") == [
        ("Yonhap", "reported", "said", "Seoul would extend the pact")
    ]


def test_an_institution_of_a_body_named_with_its_possessive():
    assert statements("The Blue House's national security office said no decision had been made.") == [
        ("Blue House's national security office", "reported", "said", "no decision had been made")
    ]


def test_a_think_tank_s_senior_adviser_is_no_official():
    text = '"It is a mistake," said Victor Cha, a senior adviser at the Center for Strategic and International Studies.'
    assert officials(text) == {}
    assert statements(text) == [("Victor Cha", "direct", "said", "It is a mistake")]


def test_a_participle_s_subject_is_the_sentence_s_not_its_object():
    assert statements('President Moon Jae-in criticized Japan, saying: "This is not a friendly act."') == [
        ("Moon Jae-in", "direct", "saying", "This is not a friendly act.")
    ]
    assert statements('Japan criticized Seoul, saying: "This is regrettable."') == [
        ("Japan", "direct", "saying", "This is regrettable.")
    ]
    text = "The Trump administration is pressing Seoul to stay in the pact, warning that its collapse would help China."
    assert statements(text) == [
        ("United States", "reported", "pressing", "Seoul to stay in the pact"),
        ("United States", "reported", "warning", "its collapse would help China"),
    ]


def test_a_source_for_an_institution():
    assert statements('"This is regrettable," said a spokesman for the Japanese Foreign Ministry.') == [
        ("spokesman for the Japanese Foreign Ministry", "direct", "said", "This is regrettable")
    ]


def test_a_quote_in_a_clause_that_a_person_reports_is_that_person_s():
    text = (
        "Japanese Defense Minister Taro Kono met South Korean Defense Minister Jeong Kyeong-doo.\n\n"
        '"We will keep talking," Kono said after the meeting.\n\n'
        'The South Korean defense chief later told reporters that he had asked Kono for a "wise decision."'
    )
    assert [(speaker, cue, quote) for speaker, kind, cue, quote in statements(text) if kind == "direct"] == [
        ("Taro Kono", "said", "We will keep talking"),
        ("Jeong Kyeong-doo", "told", "wise decision."),
    ]


def test_a_company_s_chairman_is_no_official_and_a_title_after_a_title():
    assert officials("Samsung Electronics Vice Chairman Lee Jae-yong met suppliers in Tokyo.") == {}
    assert officials("Lee Jae-yong, vice chairman of Samsung Electronics, met suppliers.") == {}
    assert officials("Keidanren Chairman Hiroaki Nakanishi said business ties should continue.") == {}
    # A company named in an earlier phrase is not the title's owner.
    text = "Samsung said, and Trade Minister Yoo Min-ji added, that supplies were fine."
    assert officials(text) == {"Yoo Min-ji": ("Trade Minister", None, [])}
    # "Chairman Gen. Park": the name follows the second title, and it is no "Gen".
    assert officials("Joint Chiefs of Staff Chairman Gen. Park Han-soo met his U.S. counterpart.") == {
        "Park Han-soo": ("General", None, [])
    }


def test_cited_as_saying_and_speech_that_did_not_happen():
    assert statements("Defense Minister Taro Kono was cited as saying the pact was vital for Japan.") == [
        ("Taro Kono", "reported", "cited as saying", "the pact was vital for Japan")
    ]
    for text in (
        "The ministry did not say whether talks would resume.",
        "The ministry declined to say whether talks would resume.",
        "Taro Kono never said that the pact was dead.",
    ):
        assert statements(text) == [], text
    assert statements("Taro Kono said not all was lost in the talks.") == [
        ("Taro Kono", "reported", "said", "not all was lost in the talks")
    ]


def test_a_plural_subject_reports_with_the_verb_s_plain_form():
    assert statements("South Korean officials, for their part, insist that the ball is in Tokyo's court.") == [
        ("South Korean officials", "reported", "insist", "the ball is in Tokyo's court")
    ]
    assert statements("Analysts warn the pact may not survive the week.") == [
        ("experts", "reported", "warn", "the pact may not survive the week")
    ]
    # After a determiner it is a noun: no one reports.
    assert statements("Seoul dismissed the claim that the pact had lapsed.") == []


def test_a_nationality_that_opens_a_sentence_stays_in_the_source_s_label():
    text = 'Japanese officials said the talks would go on. "We are ready," an official said.'
    assert statements(text) == [
        ("Japanese officials", "reported", "said", "the talks would go on"),
        ("Japanese official", "direct", "said", "We are ready"),
    ]


def test_a_relative_clause_ends_the_source_named_after_a_quotation():
    text = (
        '"Japan needs to show a change in attitude," said a South Korean diplomat who spoke on condition of anonymity.'
    )
    assert statements(text) == [
        ("South Korean diplomat", "direct", "said", "Japan needs to show a change in attitude"),
    ]


def test_the_one_an_apposition_describes_speaks_not_a_place_inside_it():
    text = "Leif-Eric Easley, an associate professor at Ewha Womans University in Seoul, said talks may come too late."
    assert statements(text) == [("Leif-Eric Easley", "reported", "said", "talks may come too late")]
    text = "The Blue House, the presidential office in Seoul, said the pact would end."
    assert statements(text) == [("South Korean presidential office", "reported", "said", "the pact would end")]


def test_a_portfolio_between_a_title_and_its_name():
    text = "Under Secretary of State for Political Affairs David Hollis said Washington wanted the pact kept."
    assert officials(text) == {"David Hollis": ("Under Secretary of State", "United States", [])}
    text = "Assistant Secretary of State for East Asian and Pacific Affairs David Stilwell met Kim. Stilwell left."
    assert officials(text) == {"David Stilwell": ("Assistant Secretary of State", "United States", ["Stilwell"])}


def test_a_condition_seoul_demands_is_not_japan_s_delinking():
    text = "South Korean officials had demanded that Japan lift its export restrictions as a condition for renewing the pact."
    assert claims(text) == {"seoul_condition": "condition"}
    text = "Tokyo said it will not re-examine export restrictions as a condition for renewing the pact."
    assert claims(text) == {"japan_delinks": True}
    assert claims("Motegi said the trade issue and the intelligence pact are separate matters.") == {
        "japan_delinks": True
    }


def test_talks_that_failed_to_produce_a_breakthrough():
    assert claims("But the talks in Bangkok failed to produce a breakthrough.") == {"no_breakthrough": True}
    assert claims("The talks failed to produce the schedule reporters wanted.") == {}


def test_a_scare_quote_inside_a_sentence_does_not_continue_the_last_speaker():
    text = (
        '"Neither side wants to blink first," said Scott Snyder, a senior fellow.\n\n'
        '"It was a mistake." Tokyo removed South Korea from its "white list" of trusted trading partners in August.'
    )
    assert [(speaker, quote) for speaker, kind, cue, quote in statements(text)] == [
        ("Scott Snyder", "Neither side wants to blink first"),
        ("Scott Snyder", "It was a mistake."),
    ]


def test_a_verb_after_a_quotation_in_the_middle_of_a_clause_is_the_subject_s():
    text = (
        "Japan's foreign minister, Toshimitsu Motegi, said the decision was the result of "
        '"strategic thinking" by Seoul but stressed that Tokyo would not budge on its export controls.'
    )
    assert statements(text) == [
        ("Toshimitsu Motegi", "direct", "said", "strategic thinking"),
        ("Toshimitsu Motegi", "reported", "said", 'the decision was the result of "strategic thinking" by Seoul'),
        ("Toshimitsu Motegi", "reported", "stressed", "Tokyo would not budge on its export controls"),
    ]


def test_a_source_in_a_place_speaks_not_the_place():
    assert statements("Observers in Washington said the U.S. is pressing hard.") == [
        ("experts", "reported", "said", "the U.S. is pressing hard")
    ]


def test_single_quotation_marks_quote_where_a_paragraph_has_no_double_ones():
    text = (
        "'We will suspend the termination of the agreement,' Kim You-geun, a senior presidential security "
        "official, told reporters. Japan's stance was firm.\n\n"
        "Motegi said ties with the two Koreas' neighbour were \u2018at their worst\u2019 since the 1990s."
    )
    assert [(speaker, kind, quote) for speaker, kind, cue, quote in statements(text)] == [
        ("Kim You-geun", "direct", "We will suspend the termination of the agreement"),
        ("Toshimitsu Motegi", "direct", "at their worst"),
        (
            "Toshimitsu Motegi",
            "reported",
            "ties with the two Koreas' neighbour were \u2018at their worst\u2019 since the 1990s",
        ),
    ]
    # With double marks in the paragraph, single ones are apostrophes or quotes within quotes.
    text = "\"Japan's 'white list' is a trade tool,\" Kono said."
    assert statements(text) == [("Taro Kono", "direct", "said", "Japan's 'white list' is a trade tool")]


def test_the_plain_form_of_expire_or_lapse_points_forward():
    # 2019-11-21 is a Thursday.
    text = "Seoul appears determined to let it lapse at midnight Friday."
    assert dates(text, "2019-11-21") == [("Friday", "2019-11-22")]
    assert claims(text, "2019-11-21") == {"expiry_date": "2019-11-22"}
    # After a past tense, the plain form is no future: 2019-11-24 is a Sunday.
    text = "The spat came days after Seoul reversed its decision to let the pact expire at midnight Friday."
    assert dates(text, "2019-11-24") == [("Friday", "2019-11-22")]


def test_a_long_aside_between_commas_stands_between_a_subject_and_its_verb():
    text = (
        "Japanese Foreign Minister Toshimitsu Motegi, speaking in Nagoya on the sidelines of a G20 foreign "
        'ministers meeting, told reporters: "We welcome South Korea\'s decision."'
    )
    assert statements(text) == [("Toshimitsu Motegi", "direct", "told", "We welcome South Korea's decision.")]


def test_a_verb_joined_to_a_sentence_s_first_predicate_is_its_subject_s():
    text = "Party Chairman Lee Hae-chan visited the U.S. last week and asked American lawmakers to help."
    assert statements(text) == [("Lee Hae-chan", "reported", "asked", "American lawmakers to help")]


def test_a_verb_in_a_relative_clause_after_a_quotation_is_not_its_cue():
    text = '"Japan has to decide," a senior official at the Blue House, who asked not to be named, told reporters.'
    assert statements(text) == [
        ("senior official at the South Korean presidential office", "direct", "told", "Japan has to decide")
    ]


def test_a_plan_told_in_the_past_takes_the_nearest_weekday():
    # 2019-11-23 is a Saturday: the Friday the pact had been due to expire was the day before.
    assert dates("The agreement had been due to expire at midnight Friday.", "2019-11-23") == [("Friday", "2019-11-22")]
    # 2019-11-20 is a Wednesday: the Saturday it was set to expire is three days ahead.
    assert dates("The pact was set to expire on Saturday.") == [("Saturday", "2019-11-23")]


def test_an_office_of_an_official_speaks_under_the_official_s_full_name():
    text = (
        "President Moon Jae-in met aides. Moon Jae In's office, for its part, has repeatedly said it would "
        "reconsider only if Japan scrapped the trade curbs."
    )
    assert statements(text) == [
        ("Moon Jae-in's office", "reported", "said", "it would reconsider only if Japan scrapped the trade curbs")
    ]


def test_a_clause_ends_where_another_titled_speaker_s_clause_joins():
    text = (
        "Kim You-geun said Japan had agreed to hold talks on its export curbs, but Japanese Trade Minister "
        "Hiroshi Kajiyama quickly denied that Tokyo had made any concessions."
    )
    assert statements(text) == [
        ("Kim You-geun", "reported", "said", "Japan had agreed to hold talks on its export curbs"),
        ("Hiroshi Kajiyama", "reported", "denied", "Tokyo had made any concessions"),
    ]


def test_a_short_quotation_after_urging():
    text = 'Kono said in a statement that Japan regretted the decision, urging South Korea to make "a wise decision".'
    assert [(speaker, kind, quote) for speaker, kind, cue, quote in statements(text)] == [
        ("Taro Kono", "direct", "a wise decision"),
        ("Taro Kono", "reported", "Japan regretted the decision"),
        ("Taro Kono", "reported", 'South Korea to make "a wise decision"'),  # (urging)
    ]


def test_more_ways_to_state_the_condition_the_pressure_and_the_stalemate():
    assert claims("South Korea made the withdrawal of Japan's export curbs a condition for renewing the pact.") == {
        "seoul_condition": "condition"
    }
    assert claims("The U.S. has repeatedly urged Seoul to reverse course.") == {"us_pressure": True}
    assert claims("The two sides remained at odds after the meeting.") == {"no_breakthrough": True}
    assert claims("The meeting in Bangkok ended in failure.") == {"no_breakthrough": True}
    assert claims("The two sides were at a crossroads.") == {}


def test_more_of_the_story_s_officials_are_known_with_their_country():
    text = "Gen. Mark Milley met Yoo Myung-hee. Milley said the pact mattered."
    assert officials(text) == {
        "Mark Milley": ("Chairman of the Joint Chiefs of Staff", "United States", ["Milley"]),
        "Yoo Myung-hee": ("Trade Minister", "South Korea", []),
    }


def test_a_number_word_that_opens_a_sentence_and_a_day_of_the_month_alone():
    assert dates("Two weeks ago the talks stalled. A week ago, the ministers met.") == [
        ("Two weeks ago", "2019-11-06"),
        ("A week ago", "2019-11-13"),
    ]
    assert dates("The pact expires on the 23rd, in the 21st century.") == [("23rd", "2019-11-23")]
    assert claims("The pact expires on the 23rd.") == {"expiry_date": "2019-11-23"}


def test_a_claim_rule_does_not_fire_on_a_sentence_with_one_of_its_none_terms():
    # The same weeks saw Washington press Seoul over cost sharing and nuclear talks stall.
    assert claims("The U.S. is pressing Seoul to pay more under a new cost-sharing agreement.") == {}
    assert claims("Nuclear talks between Washington and Pyongyang remain in a stalemate.") == {}
    assert claims("The U.S. and North Korea have made no progress since the Hanoi summit.") == {}
    text = "The ministers failed to agree to extend the pact, but backed cooperation on Pyongyang's nuclear program."
    assert claims(text) == {"no_breakthrough": True}
    text = "Esper, who oversees 28,500 U.S. troops in South Korea, urged Seoul to keep the pact."
    assert claims(text) == {"us_pressure": True}


def test_a_source_named_after_what_was_said_before_a_participle():
    text = (
        'Seoul will "conditionally suspend" the expiry of GSOMIA, top presidential security official '
        "Kim You-geun told reporters, adding that the government had also suspended a WTO complaint."
    )
    assert statements(text) == [
        ("Kim You-geun", "reported", "told", 'Seoul will "conditionally suspend" the expiry of GSOMIA'),
        ("Kim You-geun", "reported", "adding", "the government had also suspended a WTO complaint"),
        ("Kim You-geun", "direct", "told", "conditionally suspend"),
    ]


def test_a_short_quotation_in_a_reported_clause_is_the_reporter_s_but_not_a_term():
    text = (
        "Chief Cabinet Secretary Yoshihide Suga told a press conference on Saturday that Japan hopes "
        'South Korea will "respond wisely" on the issue.'
    )
    assert [(speaker, kind, quote) for speaker, kind, cue, quote in statements(text)] == [
        ("Yoshihide Suga", "reported", 'Japan hopes South Korea will "respond wisely" on the issue'),
        ("Yoshihide Suga", "direct", "respond wisely"),
    ]
    text = 'Seoul announced in August that it would end the pact after Tokyo dropped it from its "white list."'
    assert [kind for speaker, kind, cue, quote in statements(text)] == ["reported"]
