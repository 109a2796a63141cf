"""packed.py: the records the index keeps, packed and whole again."""

from __future__ import annotations

import json

from gsomia_cli.packed import pack, unpack, unpack_records

TEXT = 'Seoul said on Friday that the pact ends. Kono said "nothing changed."'
ARTICLE = {"id": "a1", "file": "articles/a1.txt", "outlet": "Wire"}
BASE = {"article": "a1", "file": "articles/a1.txt", "outlet": "Wire"}
RECORDS = {
    "officials": [{"name": "Taro Kono", "role": "Defense Minister", "country": "Japan", "aliases": ["Kono"]}],
    "mentions": [{**BASE, "text": "Kono", "start": 41, "end": 45, "name": "Taro Kono"}],
    "dates": [
        {
            **BASE,
            "text": "Friday",
            "value": "2019-11-22",
            "start": 14,
            "end": 20,
            "sentence": "Seoul said on Friday that the pact ends.",
            "sentence_start": 0,
            "sentence_end": 40,
        }
    ],
    "quotes": [
        {
            **BASE,
            "speaker": "Taro Kono",
            "speaker_role": "Defense Minister",
            "kind": "direct",
            "cue": "said",
            "text": "nothing changed.",
            "start": 52,
            "end": 68,
            # (not the text's slice: kept as written)
            "sentence": "Kono said nothing changed.",
            "office_holder": None,
            "sentence_start": 41,
            "sentence_end": 69,
        }
    ],
    "claims": [
        {**BASE, "claim": "pact_ends", "value": True, "evidence": "the pact ends", "start": 26, "end": 39, "frame": ""}
    ],
    "credits": ["Yonhap"],
}


def test_unpack_gives_back_what_was_packed():
    stored = pack(RECORDS, TEXT)
    assert unpack(stored, ARTICLE, TEXT) == RECORDS


def test_slices_of_the_text_are_not_stored_but_other_text_is():
    stored = json.loads(pack(RECORDS, TEXT))
    assert stored["mentions"] == [[None, 41, 45, "Taro Kono"]]
    assert stored["dates"] == [[None, "2019-11-22", 14, 20, None, 0, 40]]
    assert stored["quotes"][0][4] is None and stored["quotes"][0][7] == "Kono said nothing changed."
    assert stored["claims"] == [["pact_ends", True, None, 26, 39, ""]]
    assert "article" not in json.dumps(stored)


def test_unpack_only_the_kinds_asked_for():
    records = unpack(pack(RECORDS, TEXT), ARTICLE, TEXT, ("quotes",))
    assert records["quotes"] == RECORDS["quotes"]
    assert records["dates"] == records["claims"] == records["mentions"] == records["officials"] == []
    assert records["credits"] == ["Yonhap"]


def test_unpack_records_builds_the_extractors_records():
    from gsomia_cli.records import ClaimRecord, DateRecord, MentionRecord, QuoteRecord

    kinds = ("quotes", "dates", "claims", "mentions", "officials")
    records = unpack_records(pack(RECORDS, TEXT), ARTICLE, TEXT, kinds)
    assert records["quotes"] == [QuoteRecord(**RECORDS["quotes"][0])]
    assert records["dates"] == [DateRecord(**RECORDS["dates"][0])]
    assert records["claims"] == [ClaimRecord(**RECORDS["claims"][0])]
    assert records["mentions"] == [(MentionRecord("a1", "articles/a1.txt", "Wire", "Kono", 41, 45), "Taro Kono")]
    assert records["officials"] == RECORDS["officials"]
    assert unpack_records(pack(RECORDS, TEXT), ARTICLE, TEXT, ("dates",))["quotes"] == []
