"""Dates in the narrative: expressions anchored on the last date the text
set, days and years of the month or year the text gives, months ahead
(sentences of our own)."""

from __future__ import annotations

from extraction_helpers import run


def dates(text: str, published: str = "2022-06-16") -> list[tuple[str, str]]:
    return [(d.text, d.value) for d in run(text, published).dates]


def test_the_same_day_and_that_day_are_the_day_the_narrative_last_set():
    # 2022-06-16 is a Thursday.
    text = "The minister spoke on Tuesday. On the same day, his counterpart met reporters."
    assert dates(text) == [("Tuesday", "2022-06-14"), ("the same day", "2022-06-14")]
    text = "Seoul sent a warning on Nov. 24. In a press conference that day, the adviser spoke."
    assert dates(text, "2019-11-25") == [("Nov. 24", "2019-11-24"), ("that day", "2019-11-24")]
    assert dates("On this day, the ministry sent its note.", "2023-03-21") == [("this day", "2023-03-21")]
    # With no date before it, the day of publication.
    assert dates("Talks resumed that day.", "2019-11-22") == [("that day", "2019-11-22")]


def test_counted_from_the_narrative():
    text = "The pact was signed in 2016 but suspended three years later."
    assert dates(text, "2023-03-18") == [("2016", "2016"), ("three years later", "2019")]
    # "a day after the talks": the talks' day, a day before the narrative's.
    text = "South Korea scrapped the pact on Thursday. The decision came just a day after the talks in Beijing."
    assert dates(text, "2019-08-22") == [("Thursday", "2019-08-22"), ("a day after", "2019-08-21")]
    text = "The pact was due to lapse on Nov. 23, three months after Seoul's announcement."
    assert dates(text, "2019-11-25") == [("Nov. 23", "2019-11-23"), ("three months after", "2019-08")]
    assert dates("The deadline was Aug. 24. The next day, Seoul said nothing.", "2020-08-26") == [
        ("Aug. 24", "2020-08-24"),
        ("The next day", "2020-08-25"),
    ]
    # A span about a date names no day.
    assert dates("They met on Sunday, less than a week before the expiry.", "2019-11-17") == [("Sunday", "2019-11-17")]


def test_years_the_text_gives_and_days_of_the_month():
    assert dates("On November 22 last year, the government suspended its decision.", "2020-08-06") == [
        ("November 22 last year", "2019-11-22")
    ]
    text = "In August 2019, the ministry sent a note, and in November of the same year, another one."
    assert dates(text, "2023-03-21") == [("August 2019", "2019-08"), ("November of the same year", "2019-11")]
    text = "That is a contrast with last year, when Seoul said it would act if Tokyo canceled its move in July."
    assert dates(text, "2020-08-24") == [("last year", "2019"), ("July", "2019-07")]
    assert dates("Japan imposed the curbs on July fourth.", "2019-11-14") == [("July fourth", "2019-07-04")]
    # A day of the month alone: this month, or the last when it lies ahead and the sentence is past.
    text = "On the morning of the 21st, the ministry said the summit held on the 16th had gone well."
    assert dates(text, "2023-03-21") == [("21st", "2023-03-21"), ("16th", "2023-03-16")]
    assert dates("The talks ended on the 28th.", "2023-03-21") == [("28th", "2023-02-28")]
    # Not a numbered thing ("the 6th Association of ...", "the 21st century").
    assert dates("Ministers met at the 6th Association of Southeast Asian Nations meeting.") == []


def test_a_bare_month_ahead_after_a_scheduled_event():
    text = "Seoul announced it would not renew the pact beyond its expiration in November."
    assert dates(text, "2019-08-23") == [("November", "2019-11")]
    assert dates("Seoul announced the decision in November.", "2019-08-23") == [("November", "2018-11")]
