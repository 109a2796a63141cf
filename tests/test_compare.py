"""Comparing outlets: statements across outlets, the claim matrix and its
disagreements, the diff of two articles, the timeline, wire copy."""

from __future__ import annotations

import json

from conftest import entry, write_corpus


def load(result):
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_who_groups_jeong_across_outlets(run):
    for name in ("jeong", "Kyeong-doo", "Joeng"):
        data = load(run("who", name, "--json"))
        assert [d["speaker"] for d in data] == ["Jeong Kyeong-doo"], name
    statements = data[0]["statements"]
    groups: dict[int, set[tuple[str, str]]] = {}
    for s in statements:
        groups.setdefault(s["group"], set()).add((s["article"], s["text"]))
    shared = sorted(sorted(g) for g in groups.values() if len({a for a, _ in g}) > 1)
    assert shared == [
        [
            (
                "vietnam-2019-11-17",
                "The United States has pressed both sides very aggressively, both Korea and Japan, "
                "because maintaining trilateral security cooperation is very important",
            ),
            (
                "yonhap-2019-11-17",
                "The U.S. has been strongly pressing the both sides, not only South Korea but Japan, "
                "as maintaining a trilateral security cooperation mechanism is very important",
            ),
        ],
        [
            (
                "vietnam-2019-11-17",
                "There was no satisfactory response from Japanese Defense Minister Taro Kono, "
                "although we tried very hard",
            ),
            ("yonhap-2019-11-17", "No cool answers were there (from Kono), though we've tried very hard"),
        ],
        [  # (reported in one, quoted in the other)
            ("vietnam-2019-11-17", "the United States is continuing to send messages to Japan and South Korea"),
            ("yonhap-2019-11-17", "The U.S. has continued to deliver messages to Japan."),
        ],
    ]
    assert set(statements[0]) == {"group", "article", "outlet", "kind", "cue", "text", "start", "end", "conflicts"}


def test_who_esper_capitals_swapped(run):
    data = load(run("who", "Esper", "--json"))
    statements = data[0]["statements"]
    play = [s for s in statements if s["text"].startswith("play into the hands")]
    assert {s["article"] for s in play} == {"yonhap-2019-11-17", "fortruss-2019-11-17"}
    assert len({s["group"] for s in play}) == 1


def test_who_text_output_and_unknown(run, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    result = run("who", "jeong")
    assert "told by 2 articles" in result.stdout
    assert "wording: {+No cool answers were+} There" in result.stdout
    table = run("who")
    assert table.exit_code == 0 and "Jeong Kyeong-doo" in table.stdout and "experts" in table.stdout
    missing = run("who", "Zelensky")
    assert missing.exit_code == 1 and "no statements by 'Zelensky'" in missing.stderr


def test_compare_disagreements(run):
    data = load(run("compare", "--json"))
    assert data["claims"] == [
        "expiry_date",
        "seoul_condition",
        "us_pressure",
        "japan_delinks",
        "no_breakthrough",
        "pact_name",
    ]
    assert [r["article"] for r in data["rows"]] == [  # by publication date, then id
        "fortruss-2019-11-17",
        "japantimes-2019-11-17",
        "vietnam-2019-11-17",
        "yonhap-2019-11-17",
        "asahi-2019-11-18",
    ]
    found = {d["claim"]: d for d in data["disagreements"]}
    assert set(found) == {"expiry_date", "seoul_condition", "pact_name", "remarks_date:Jeong Kyeong-doo"}
    assert found["expiry_date"]["values"]["fortruss-2019-11-17"] == "2019-11-24"
    assert {v for a, v in found["expiry_date"]["values"].items() if a != "fortruss-2019-11-17"} == {"2019-11-23"}
    assert found["seoul_condition"]["note"] == (
        "seoul_condition: condition in 4 reports (japantimes-2019-11-17, vietnam-2019-11-17, yonhap-2019-11-17, "
        "asahi-2019-11-18) | cause in 1 report: fortruss-2019-11-17 (Fort Russ)"
    )
    assert found["seoul_condition"]["kind"] == "framing" and found["expiry_date"]["kind"] == "fact"
    assert [(g["value"], g["articles"], g["reports"]) for g in found["seoul_condition"]["groups"]] == [
        ("condition", ["japantimes-2019-11-17", "vietnam-2019-11-17", "yonhap-2019-11-17", "asahi-2019-11-18"], 4),
        ("cause", ["fortruss-2019-11-17"], 1),
    ]
    cause = found["seoul_condition"]["groups"][1]["evidence"]["fortruss-2019-11-17"]
    assert "export restrictions" in cause
    assert found["pact_name"]["values"]["vietnam-2019-11-17"] == "Military Intelligence Information Agreement"
    assert found["remarks_date:Jeong Kyeong-doo"]["values"] == {
        "vietnam-2019-11-17": "2019-11-14",
        "yonhap-2019-11-17": "2019-11-17",
    }
    rows = {r["article"]: r for r in data["rows"]}
    assert rows["fortruss-2019-11-17"]["via"] == ["Kyodo", "Sputnik"]
    assert rows["japantimes-2019-11-17"]["values"]["us_pressure"] is True


def test_compare_one_claim_and_table(run, monkeypatch):
    data = load(run("compare", "--claim", "expiry_date", "--json"))
    assert data["claims"] == ["expiry_date"] and [d["claim"] for d in data["disagreements"]] == ["expiry_date"]
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "160")
    table = run("compare")
    assert "2019-11-24 ≠" in table.stdout and "4 disagreements, strongest first:" in table.stdout
    assert (
        "week of 2019-11-11" in table.stdout
        and "GSOMIA = General Security of Military Information Agreement" in table.stdout
    )
    assert "  2019-11-24 in 1 report:\n    fortruss-2019-11-17 (Fort Russ)\n" in table.stdout
    assert run("compare", "--claim", "nope").exit_code == 2


def test_diff_of_two_seeds(run, seeds):
    data = load(run("diff", "vietnam", "yonhap", "--json"))
    assert (data["a"], data["b"]) == ("vietnam-2019-11-17", "yonhap-2019-11-17")
    assert set(data) == {"a", "b", "shared", "only_a", "only_b", "claims", "quotes", "officials"}
    claims = {c["claim"]: c for c in data["claims"]}
    assert claims["expiry_date"] == {"claim": "expiry_date", "a": "2019-11-23", "b": "2019-11-23", "agree": True}
    assert claims["pact_name"]["agree"] is False
    assert claims["japan_delinks"] == {"claim": "japan_delinks", "a": None, "b": True, "agree": False}
    assert [(q["speaker"], q["a"][:20], q["b"][:20]) for q in data["quotes"]] == [
        ("Jeong Kyeong-doo", "The United States ha", "The U.S. has been st"),
        ("Jeong Kyeong-doo", "the United States is", "The U.S. has continu"),
        ("Jeong Kyeong-doo", "There was no satisfa", "No cool answers were"),
        ("Ko Min-jung", "inevitable.", "inevitable"),
        ("Ko Min-jung", "If we unilaterally c", "If we revoke our dec"),
    ]
    assert data["officials"] == {"only_a": [], "only_b": []}
    body = [x for x in seeds.resolve("vietnam").sentences if x.kind == "body"]
    assert len(data["shared"]) + len(data["only_a"]) == len(body) == 13
    for pair in data["shared"]:
        assert set(pair) == {"a", "b", "similarity", "why"}
        assert pair["similarity"] >= 60 or pair["why"] in ("statement", "claim", "event")


def test_timeline(run, monkeypatch):
    events = load(run("timeline", "--json"))
    dates = [e["date"] for e in events]
    assert dates == sorted(dates)
    expiry = [e for e in events if e["date"] == "2019-11-23"]
    assert {o for e in expiry for o in e["outlets"]} == {
        "The Japan Times",
        "The Asahi Shimbun (Asia & Japan Watch)",
        "Vietnamese news site (unnamed)",
        "News aggregator (Yonhap copy)",
    }
    assert any(len(e["outlets"]) > 1 for e in events)
    monkeypatch.setenv("NO_COLOR", "1")
    assert "dated events" in run("timeline").stdout


def small(tmp_path, texts: dict[str, str], outlets: dict[str, str] | None = None):
    entries = "".join(
        entry(k, f"outlet: {(outlets or {}).get(k, 'Outlet ' + k)}\npublished: 2019-11-20\nfile: {k}.txt")
        for k in texts
    )
    return write_corpus(tmp_path, entries, {f"{k}.txt": v for k, v in texts.items()})


STORY = (
    'Defense Minister Taro Kono said on Monday that "the door remains open for talks with Seoul." '
    "The pact is to expire on Saturday. Seoul insists it will only reconsider if Tokyo first lifts its export curbs."
)


def test_agencies_credited_in_datelines_and_credits(run, tmp_path):
    texts = {
        "a": "TOKYO (AP) \u2014 " + STORY,
        "b": "BEIJING, Nov. 20 (Xinhua) -- Talks went on. Seoul will decide soon, Reuters reported.",
        "c": "Nothing to credit here.\n\nPhoto: AFP",
    }
    rows = load(run("articles", "--json", index=small(tmp_path, texts)))
    assert [r["via"] for r in rows] == [["AP"], ["Xinhua", "Reuters"], ["photo: AFP"]]


def test_two_identical_articles_are_copies(run, tmp_path):
    index = small(tmp_path, {"a": STORY, "b": STORY})
    rows = load(run("articles", "--json", index=index))
    assert [r["via"] for r in rows] == [["copy of b"], ["copy of a"]]
    diff = load(run("diff", "a", "b", "--json", index=index))
    assert diff["only_a"] == [] and diff["only_b"] == [] and len(diff["shared"]) == 3
    assert all(c["agree"] for c in diff["claims"])
    compare = load(run("compare", "--json", index=index))
    assert compare["disagreements"] == []


def test_nothing_in_common_empty_article_one_outlet(run, tmp_path):
    # An article that is all site furniture loads, but has no text to compare.
    index = small(tmp_path, {"a": STORY, "c": "0 1,424\n\nSubscribe to our newsletter\n"})
    diff = load(run("diff", "a", "c", "--json", index=index))
    assert diff["shared"] == [] and diff["only_b"] == [] and len(diff["only_a"]) == 3
    assert load(run("compare", "--json", index=index))["rows"][1]["values"] == {}
    assert load(run("timeline", "--json", index=index))
    index = small(tmp_path / "2", {"a": STORY, "b": "The weather in Bangkok was warm and dry all week."})
    diff = load(run("diff", "a", "b", "--json", index=index))
    assert diff["shared"] == [] and diff["quotes"] == [] and len(diff["only_a"]) == 3
    assert diff["officials"] == {"only_a": ["Taro Kono"], "only_b": []}
    one = small(tmp_path / "3", {"a": STORY})
    matrix = load(run("compare", "--json", index=one))
    assert matrix["disagreements"] == [] and matrix["rows"][0]["values"]["expiry_date"] == "2019-11-23"
    who = load(run("who", "Kono", "--json", index=one))
    assert [(s["kind"], s["text"]) for s in who[0]["statements"]] == [
        ("direct", "the door remains open for talks with Seoul.")
    ]


def test_disagreement_found_by_rule_on_new_articles(run, tmp_path):
    later = STORY.replace("on Saturday", "on Sunday")
    index = small(tmp_path, {"a": STORY, "b": later})
    compare = load(run("compare", "--json", index=index))
    assert [(d["claim"], d["values"]) for d in compare["disagreements"]] == [
        ("expiry_date", {"a": "2019-11-23", "b": "2019-11-24"})
    ]


def test_who_numbers_statements_per_speaker(run, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    text = run("who", "jeong").stdout
    assert text.startswith("Jeong Kyeong-doo (Defense Minister) · statement 1\n")
    assert "· statement 2" in text
