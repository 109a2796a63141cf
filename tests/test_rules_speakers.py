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
