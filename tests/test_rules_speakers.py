"""Who speaks: titles that name no one, outlets, subjects with phrases
after them, people named together, speakers named a sentence before
(sentences of our own)."""

from __future__ import annotations

from extraction_helpers import run


def statements(text: str, published: str = "2019-11-20") -> list[tuple[str | None, str, str | None, str]]:
    return [(q.speaker, q.kind, q.cue, q.text) for q in run(text, published).quotes]


def test_a_title_that_names_no_one_speaks_and_says_who_held_the_office():
    ex = run('Japan\'s foreign minister responded by calling the move "deeply regrettable".', "2019-08-22")
    assert [(q.speaker, q.speaker_role, q.office_holder, q.text) for q in ex.quotes if q.kind == "direct"] == [
        ("Japan's foreign minister", "Foreign Minister", "Taro Kono", "deeply regrettable")
    ]
    # Three months later another minister held the office.
    ex = run('Japan\'s foreign minister said, "We regret it."', "2019-11-22")
    assert [(q.speaker, q.office_holder) for q in ex.quotes] == [("Japan's foreign minister", "Toshimitsu Motegi")]
    # "He" after it is that minister.
    text = 'The South Korean defense minister met reporters. "It is over," he said.'
    assert statements(text) == [("South Korean defense minister", "direct", "said", "It is over")]


def test_an_outlet_is_a_media_source():
    ex = run("The Mainichi Shimbun newspaper reported that talks would resume in December.")
    assert [(q.speaker, q.speaker_role, q.text) for q in ex.quotes] == [
        ("Mainichi Shimbun", "media", "talks would resume in December")
    ]


def test_the_head_of_a_subject_speaks_not_a_place_or_body_in_a_phrase_after_it():
    text = "Kim Min-soo of the National Security Council in Seoul said Tokyo's curbs changed everything."
    assert statements(text) == [("Kim Min-soo", "reported", "said", "Tokyo's curbs changed everything")]
    text = "A spokesman of the Defense Ministry in Tokyo told reporters the drills would go on."
    assert statements(text)[0][0] == "spokesman of the Defense Ministry"  # (not Japan)


def test_people_named_together_speak_together():
    text = "During the summit, President Yoon Suk Yeol and Prime Minister Fumio Kishida stressed the need to act."
    assert statements(text, "2023-03-17") == [
        ("Yoon Suk Yeol and Fumio Kishida", "reported", "stressed", "the need to act")
    ]
    assert statements('"We agree," Yoon and Kishida said.', "2023-03-17") == [
        ("Yoon Suk Yeol and Fumio Kishida", "direct", "said", "We agree")
    ]
    # Not when the first is an object: "Abe met Moon and Trump said ..." is Trump's.
    assert statements("Abe met Moon and Trump said the talks went well.", "2019-06-30")[0][0] == "Donald Trump"


def test_quotations_joined_by_and_share_the_cue_after_the_last():
    text = 'Kim "stressed the decision was final" and "urged Tokyo to change course," the Defense Ministry reported.'
    assert [(q.speaker, q.cue, q.text) for q in run(text).quotes if q.kind == "direct"] == [
        ("Defense Ministry", "reported", "stressed the decision was final"),
        ("Defense Ministry", "reported", "urged Tokyo to change course"),
    ]


def test_a_source_named_at_the_sentence_s_end_speaks_its_last_quotation():
    text = '"We saw the need for it" when the North fired a missile on Oct. 2, Stilwell said.'
    assert statements(text, "2019-10-27") == [("David Stilwell", "direct", "said", "We saw the need for it")]


def test_an_outlet_reports_the_words_of_the_cue_before_the_quotation():
    text = 'A Japanese official called the decision "deeply regrettable," the Mainichi newspaper reported.'
    assert statements(text) == [
        ("Japanese official", "direct", "called", "deeply regrettable"),
        ("Japanese official", "reported", "called", 'the decision "deeply regrettable,"'),
        ("Mainichi Shimbun", "reported", "reported", 'A Japanese official called the decision "deeply regrettable,"'),
    ]
    # With no cue before it, the outlet's cue is the quotation's.
    assert statements('"Talks will resume," the Mainichi newspaper reported.') == [
        ("Mainichi Shimbun", "direct", "reported", "Talks will resume")
    ]


def test_a_quotation_with_no_cue_is_the_words_of_the_subject_of_the_sentence_before():
    text = 'Foreign Minister Kang Kyung-wha met her aides on Tuesday. "We will wait for Tokyo to move."'
    assert statements(text) == [("Kang Kyung-wha", "direct", None, "We will wait for Tokyo to move.")]
    text = (
        'A Japanese official called it "a mistake," Kyodo reported. Security experts were unhappy too. '
        '"The allies need each other now more than ever."'
    )
    assert statements(text)[-1] == ("experts", "direct", None, "The allies need each other now more than ever.")
    # A cue after the quotation, however long its source, is not passed over.
    text = (
        'Kang Kyung-wha arrived. "We will see what they do next," officials of the ministry and the staff of '
        "the office in Seoul told reporters."
    )
    assert statements(text) == [(None, "direct", None, "We will see what they do next")]


def test_a_short_quotation_is_a_term_only_after_a_definite_determiner_and_before_no_noun():
    quotes = lambda text: [(q.speaker, q.text) for q in run(text).quotes if q.kind == "direct"]  # noqa: E731
    # Someone's judgement, inside what they said: theirs.
    assert quotes('The presidential office said Tokyo caused a "grave" change in security ties.') == [
        ("South Korean presidential office", "grave")
    ]
    text = (
        "The United States had urged the two allies to settle their differences, with Secretary of State "
        'Mike Pompeo stressing their "vital" cooperation.'
    )
    assert quotes(text) == [("Mike Pompeo", "vital")]
    # The name of a thing: no one's words.
    assert quotes('The trade ministry said it would not put Seoul back on its "white list" soon.') == []
    assert quotes('The ministry said Seoul stays off the trade "white list" that fast-tracks exports.') == []


def test_a_lead_s_unnamed_source_is_the_official_the_next_lines_name():
    text = (
        "A senior U.S. official on Saturday urged South Korea to keep the pact with Japan.\n\n"
        '"We encourage Seoul to return to the agreement," David Stilwell, U.S. assistant secretary of state, said.'
    )
    assert statements(text, "2019-10-27")[0] == (
        "David Stilwell",
        "reported",
        "urged",
        "South Korea to keep the pact with Japan",
    )
    # Not an official of another country, nor when the lead names its source in the plural.
    assert (
        statements(text.replace("U.S. assistant", "South Korean deputy").replace("David Stilwell", "Kim Min-soo"))[0][0]
        == "senior U.S. official"
    )
    assert statements(text.replace("A senior U.S. official", "Senior U.S. officials"))[0][0] == "Senior U.S. officials"


def test_a_subhead_with_only_a_scare_quote_said_nothing_its_subject_speaks_next():
    text = (
        "Seoul ended the pact on Thursday.\n\nJapan 'strongly' protests the move\n\n"
        '"It is a complete misjudgment of the security environment and"'
    )
    assert statements(text) == [
        ("Japan", "direct", None, "It is a complete misjudgment of the security environment and")
    ]


def test_courts_and_councils_speak_as_institutions():
    text = "In June, the South Korean Supreme Court ruled that Japanese firms must compensate former workers."
    assert statements(text) == [
        ("South Korean Supreme Court", "reported", "ruled", "Japanese firms must compensate former workers")
    ]


def test_offices_spokesmen_and_statements():
    assert statements('The office of President Moon Jae-in expressed "deep regret" over the decision.') == [
        ("Moon Jae-in's office", "direct", "expressed", "deep regret")
    ]
    assert statements("President Moon Jae-in's spokesman said the talks would go on.") == [
        ("Moon Jae-in's spokesman", "reported", "said", "the talks would go on")
    ]
    text = "The Foreign Ministry issued a statement on Friday. The statement said the measures were regrettable."
    assert statements(text) == [("Foreign Ministry", "reported", "said", "the measures were regrettable")]
    # A statement no one is said to have issued names no speaker.
    assert statements("The joint statement says the three nations agree that trust matters.") == []
