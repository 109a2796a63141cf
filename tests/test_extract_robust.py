"""Extraction never crashes and stays linear on hostile text."""

from __future__ import annotations

from extraction_helpers import run
from hypothesis import given, settings
from hypothesis import strategies as st

ALPHABET = st.sampled_from(
    list("abcXYZ \"\u201c\u201d'.,;:!?()-\n0123456789") + ["Nov. ", "said ", "Minister ", "Kono ", "Monday "]
)


@given(st.lists(ALPHABET, max_size=200).map("".join))
@settings(max_examples=150, deadline=None)
def test_random_text_never_crashes(text):
    ex = run(text or "x")
    for record in [*ex.dates, *ex.quotes, *ex.mentions]:
        assert ex.article.clean[record.start : record.end] == record.text


def test_no_quotes_no_dates():
    ex = run("Nothing happened here at all.")
    assert (ex.dates, ex.quotes, ex.claims, ex.persons) == ([], [], [], {})


def test_unbalanced_quotes():
    ex = run('Defense Minister Taro Kono said "this never closes. And "this" is odd.')
    assert all(q.speaker in (None, "Taro Kono") for q in ex.quotes)


def test_pathological_inputs_finish():
    hostile = ['"' * 100_000, "Mr. " * 20_000, ("Nov. 17 " * 5000) + "."]
    for text in hostile:
        run(text)  # must finish; the time is reported by bench/extract.py, not asserted


def test_five_megabyte_article_is_linear():
    paragraph = (
        'Defense Minister Taro Kono said on Sunday that "the talks will go on," while Seoul insists '
        "it will only reconsider if Tokyo first lifts its export curbs. The pact is to expire on Saturday.\n\n"
    )
    small = run(paragraph * 50)
    big = run(paragraph * 26_400)  # about 5 MB; its time is measured by bench/extract.py
    assert len(big.article.raw) > 5_000_000
    assert small.quotes and len(big.quotes) == len(small.quotes) * 528
    assert len(big.dates) == len(small.dates) * 528
