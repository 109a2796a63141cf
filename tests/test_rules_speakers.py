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
