"""Reported speech beyond "said that": noun phrases, infinitives,
participles, "quoted ... as saying", and the sources that frame a clause
(sentences of our own)."""

from __future__ import annotations

from extraction_helpers import run


def reported(text: str, published: str = "2019-11-20") -> list[tuple[str | None, str | None, str]]:
    return [(q.speaker, q.cue, q.text) for q in run(text, published).quotes if q.kind == "reported"]


def test_a_verb_s_noun_phrase_is_what_was_said_and_ends_with_the_phrase():
    assert reported("South Korea announced its decision in August to end the pact after Japan imposed curbs.") == [
        ("South Korea", "announced", "its decision in August to end the pact")
    ]
    assert reported("Washington has also called for its renewal.") == [("United States", "called for", "its renewal")]
    assert reported("Prime Minister Shinzo Abe denounced Seoul's decision to end the pact, saying it hurt trust.") == [
        ("Shinzo Abe", "denounced", "Seoul's decision to end the pact"),
        ("Shinzo Abe", "saying", "it hurt trust"),
    ]
    assert reported("Defense Minister Taro Kono warned of China's buildup of land, air and sea missiles.") == [
        ("Taro Kono", "warned of", "China's buildup of land, air and sea missiles")
    ]
    assert reported("President Moon Jae-in declared his wish for talks in his address on Liberation Day.") == [
        ("Moon Jae-in", "declared", "his wish for talks")
    ]
    # A clause after the verb is a clause, as before.
    assert reported("South Korea announced it would not renew the pact.") == [
        ("South Korea", "announced", "it would not renew the pact")
    ]


def test_an_infinitive_and_someone_to_do_something_are_what_was_said():
    assert reported("The government has once again threatened to terminate the pact.") == [
        ("government", "threatened", "to terminate the pact")
    ]
    assert reported("The U.S. has been pressuring Seoul to retract its decision.") == [
        ("United States", "pressuring", "Seoul to retract its decision")
    ]
    assert reported('Defense Secretary Mark Esper urged the allies "to sit down and talk," he said.')[-1] == (
        "Mark Esper",
        "urged",
        'the allies "to sit down and talk,"',
    )


def test_participles_report_for_the_clause_they_add_to():
    text = (
        "Prime Minister Shinzo Abe criticized the decision, citing a breach of trust, and urging Seoul to think again."
    )
    assert reported(text) == [
        ("Shinzo Abe", "criticized", "the decision"),
        ("Shinzo Abe", "citing", "a breach of trust"),
        ("Shinzo Abe", "urging", "Seoul to think again"),
    ]
    # After "with", the participle's own subject speaks.
    text = "Washington urged the allies to settle their differences, with Secretary of State Mike Pompeo stressing their vital cooperation."
    assert reported(text) == [
        ("United States", "urged", "the allies to settle their differences"),
        ("Mike Pompeo", "stressing", "their vital cooperation"),
    ]
    # An opening participle is the main clause's subject's.
    assert reported("Calling the pact vital, Chief Cabinet Secretary Yoshihide Suga said talks would go on.") == [
        ("Yoshihide Suga", "said", "talks would go on"),
        ("Yoshihide Suga", "Calling", "the pact vital"),
    ]
    # In a clause after "after", the participle is that clause's subject's.
    text = "Seoul announced it would quit the pact after Japan imposed export curbs, citing a breach of trust."
    assert reported(text)[-1] == ("Japan", "citing", "a breach of trust")
    # Directly after a verb: "responded saying".
    assert reported("Japan's foreign minister responded saying Tokyo protested the move.", "2019-08-22") == [
        ("Japan's foreign minister", "saying", "Tokyo protested the move")
    ]
    # An aside naming whom a source cites is no statement.
    assert reported("Yonhap reported, citing an unnamed official, that Seoul was weighing an extension.") == [
        ("Yonhap", "reported", "Seoul was weighing an extension")
    ]


def test_quoted_as_saying_gives_the_words_to_the_one_quoted():
    text = "Abe met the press. Reports in the Mainichi Shimbun quoted him as saying that Japan conceded nothing."
    assert reported(text) == [
        ("Shinzo Abe", "quoted as saying", "Japan conceded nothing"),
        ("Mainichi Shimbun", "quoted", "him as saying that Japan conceded nothing"),
    ]


def test_a_source_that_frames_a_clause_reports_it_and_what_is_said_inside():
    text = "The U.S. is urging Japan and South Korea to keep talking, Pompeo said."
    assert reported(text, "2019-08-22") == [
        ("Mike Pompeo", "said", "The U.S. is urging Japan and South Korea to keep talking"),
        ("United States", "urging", "Japan and South Korea to keep talking"),
    ]
    # An embedded question is no source at the clause's end.
    text = "Esper repeated the appeal, though he did not say what solutions, if any, the U.S. suggested."
    assert all(cue != "suggested" for _, cue, _ in reported(text))


def test_sources_named_after_the_clause_in_every_order():
    # With an apposition after the name.
    text = "Seoul kept the pact, Kim Min-soo, deputy director of the national security office, confirmed on Friday."
    assert reported(text) == [("Kim Min-soo", "confirmed", "Seoul kept the pact")]
    # The verb before the name ("said Kim").
    text = 'Japan created a "grave change" in security ties, said Kim Min-soo, a deputy director of the council.'
    assert reported(text) == [("Kim Min-soo", "said", 'Japan created a "grave change" in security ties')]
    # ... but not a verb with its own subject and clause ("..., said Seoul would wait").
    text = "A senior official, speaking on condition of anonymity, said Washington would not mediate."
    assert reported(text) == [("senior official", "said", "Washington would not mediate")]
    # Before a phrase of circumstance or a participle.
    text = "Seoul will keep the pact, Seoul said Friday, just hours before it was due to expire."
    assert reported(text)[0] == ("South Korea", "said", "Seoul will keep the pact")
    text = "Only China benefits, Milley said, warning that Beijing wants a wedge between the allies."
    assert reported(text) == [
        ("Mark Milley", "said", "Only China benefits"),
        ("Mark Milley", "warning", "Beijing wants a wedge between the allies"),
    ]


def test_where_the_clause_begins():
    # Over phrases of time and place to "that".
    text = (
        "Foreign Minister Park Jin said in a joint press conference with U.S. Secretary of State Antony Blinken in "
        "Washington on Monday that Seoul wants the pact normalized."
    )
    assert reported(text, "2022-06-16") == [("Park Jin", "said", "Seoul wants the pact normalized")]
    # A "that" after a verb of the clause is that clause's.
    text = 'Secretary of State Mike Pompeo said the U.S. hopes that "both countries can mend ties."'
    assert reported(text) == [("Mike Pompeo", "said", 'the U.S. hopes that "both countries can mend ties."')]
    # After a month or a year, and a gerund that opens the clause.
    assert reported("Seoul announced in August it would terminate the pact.") == [
        ("South Korea", "announced", "it would terminate the pact")
    ]
    assert reported("U.S. officials say dissolving the pact would help China.") == [
        ("U.S. officials", "say", "dissolving the pact would help China")
    ]
    # "has been saying that" is a verb, not a participle.
    assert reported("Tokyo has been saying that the issues are separate.") == [
        ("Japan", "saying", "the issues are separate")
    ]


def test_a_quotation_that_opens_with_a_reporting_verb_reports_its_subject_s_words():
    text = (
        'Defense Minister Jeong Kyeong-doo "stressed that the decision was unavoidable" and "appealed strongly for '
        'a change," the ministry reported.'
    )
    ex = run(text)
    assert [(q.speaker, q.kind, q.cue, q.text) for q in ex.quotes] == [
        ("ministry", "direct", "reported", "stressed that the decision was unavoidable"),
        ("ministry", "direct", "reported", "appealed strongly for a change"),
        ("Jeong Kyeong-doo", "reported", "stressed", 'the decision was unavoidable"'),
        ("Jeong Kyeong-doo", "reported", "appealed", "strongly for a change"),
    ]


def test_a_participle_after_while_and_calling_for():
    text = "Esper talked about the alliance while calling for South Korea and Japan to overcome their issues."
    assert reported(text) == [
        ("Mark Esper", "talked about", "the alliance"),
        ("Mark Esper", "calling", "South Korea and Japan to overcome their issues"),
    ]


def test_a_dateline_with_a_credit_and_date_in_brackets_is_no_part_of_what_was_said():
    text = (
        "MOSCOW (UrduPoint News / Sputnik - 22nd November, 2019) Seoul kept the pact, Kim Min-soo, a spokesman, said."
    )
    assert reported(text) == [("Kim Min-soo", "said", "Seoul kept the pact")]


def test_nouns_of_speech_report_for_their_owner():
    text = "The Blue House warned Tokyo over its claims that Seoul had given in on every point."
    assert reported(text)[-1] == ("Japan", "claims", "Seoul had given in on every point")
    # Subject of the sentence: the noun's clause ends where the sentence's own predicate begins.
    assert reported("Seoul's claims that Japan retaliated over the ruling were rejected.") == [
        ("South Korea", "claims", "Japan retaliated over the ruling")
    ]


def test_a_sentence_with_a_quotation_inside_and_its_cue_at_the_end_is_reported_speech():
    text = 'The pact is "one of the issues that play into China\'s hands," Gen. Mark Milley said.'
    ex = run(text)
    assert [(q.speaker, q.kind, q.text) for q in ex.quotes] == [
        ("Mark Milley", "direct", "one of the issues that play into China's hands"),
        ("Mark Milley", "reported", 'The pact is "one of the issues that play into China\'s hands,"'),
    ]
    # A quotation that opens the sentence is no part of the reporter's words.
    assert [q.kind for q in run('"We will wait," Milley said.').quotes] == ["direct"]


def test_has_is_no_possessive_and_institutions_go_by_one_name():
    assert reported("South Korea's announced it was leaving the deal.") == [
        ("South Korea", "announced", "it was leaving the deal")
    ]
    assert reported("The Ministry of Foreign Affairs announced that it had notified Japan in writing.") == [
        ("Foreign Ministry", "announced", "it had notified Japan in writing")
    ]
