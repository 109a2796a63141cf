"""How `gsomia compare` sets articles against each other on a story that
moves over months: claim kinds (fact, framing, state), compatible values,
wire copies counted once, remarks dated only per statement; the timeline's
events and the diff that aligns accounts by meaning. On corpora written
here."""

from __future__ import annotations

import json

import pytest
from conftest import entry, write_corpus

from gsomia_cli.compare import compatible
from gsomia_cli.events import bin_of, period


def load(result):
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def corpus(tmp_path, articles: dict[str, tuple[str, str, str]]):
    """``articles``: id -> (outlet, published, text)."""
    entries = "".join(
        entry(k, f"outlet: {outlet}\npublished: {published}\nfile: {k}.txt")
        for k, (outlet, published, _) in articles.items()
    )
    return write_corpus(tmp_path, entries, {f"{k}.txt": text for k, (_, _, text) in articles.items()})


CAUSE = (
    "South Korea decided on Thursday to scrap its military intelligence-sharing pact with Japan. "
    "The decision followed Tokyo's export curbs on materials for Korean chipmakers."
)
CONDITION = (
    "Seoul says it will only reconsider its decision to end the pact if Tokyo first lifts its export curbs. "
    "Officials met in the capital on Friday."
)


def disagreements(run, index, *args):
    return {d["claim"]: d for d in load(run("compare", "--json", *args, index=index))["disagreements"]}


def test_framing_compared_only_within_the_window(run, tmp_path):
    index = corpus(
        tmp_path,
        {
            "aug": ("The August Post", "2019-08-23", CAUSE),
            "nov": ("The November Times", "2019-11-20", CONDITION),
        },
    )
    assert "seoul_condition" not in disagreements(run, index)  # months apart: the story moved
    wide = disagreements(run, index, "--window", "100")["seoul_condition"]
    assert wide["kind"] == "framing" and wide["values"] == {"aug": "cause", "nov": "condition"}
    assert (wide["since"], wide["until"]) == ("2019-08-23", "2019-11-20")


def test_framing_in_the_same_week_disagrees_and_each_window_is_told_apart(run, tmp_path):
    index = corpus(
        tmp_path,
        {
            "a": ("Outlet A", "2019-11-18", CAUSE),
            "b": ("Outlet B", "2019-11-19", CONDITION),
            "c": ("Outlet C", "2019-11-30", CONDITION),
        },
    )
    found = load(run("compare", "--json", index=index))["disagreements"]
    framing = [d for d in found if d["claim"] == "seoul_condition"]
    assert [d["values"] for d in framing] == [{"a": "cause", "b": "condition"}]  # c is 12 days after a


def test_a_month_is_no_conflict_with_a_day_inside_it(run, tmp_path):
    index = corpus(
        tmp_path,
        {
            "m": ("Monthly", "2019-10-27", "The pact with Japan expires in November unless Seoul reverses course."),
            "d": ("Daily", "2019-11-20", "The pact with Japan is due to expire on Saturday, Nov. 23."),
        },
    )
    rows = {r["article"]: r["values"] for r in load(run("compare", "--json", index=index))["rows"]}
    assert (rows["m"]["expiry_date"], rows["d"]["expiry_date"]) == ("2019-11", "2019-11-23")
    assert "expiry_date" not in disagreements(run, index)


def test_compatible_values():
    assert compatible("2019-11", "2019-11-23") and compatible("2019", "2019-11")
    assert not compatible("2019-11-22", "2019-11-23") and not compatible("2019-10", "2019-11-23")
    assert compatible(
        "General Security of Military Information Agreement", "general security of military information agreement"
    )
    assert compatible("Military Information Agreement", "General Security of Military Information Agreement")
    assert not compatible(
        "Military Intelligence Information Agreement", "General Security of Military Information Agreement"
    )
    assert not compatible(True, False) and compatible("cause", "cause") and not compatible("cause", "condition")


WIRE = (
    "BANGKOK (AP) \u2014 Japan's defense minister met his South Korean counterpart in Bangkok on Sunday. "
    "The two sides failed to narrow their differences over the military pact. "
    "The intelligence-sharing pact is due to expire in a week, the news agency said. "
    "Seoul wants Tokyo to lift its curbs on exports first. "
    "Washington has urged both allies to keep the accord."
)


def test_wire_copies_count_once_and_are_listed_together(run, tmp_path, monkeypatch):
    index = corpus(
        tmp_path,
        {
            "copy1": ("Copy One", "2019-11-17", WIRE),
            "copy2": ("Copy Two", "2019-11-17", WIRE),
            "own": ("Own Reporting", "2019-11-17", "The pact with Japan is due to expire on Saturday, Nov. 23."),
        },
    )
    expiry = disagreements(run, index)["expiry_date"]
    assert [(g["value"], g["articles"], g["reports"], g["stories"]) for g in expiry["groups"]] == [
        ("2019-11-23", ["own"], 1, [["own"]]),
        ("2019-11-24", ["copy1", "copy2"], 1, [["copy1", "copy2"]]),
    ]
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "160")
    text = run("compare", index=index).stdout
    assert "2019-11-24 in 1 report:\n    copy1 (Copy One), copy2 (Copy Two) — one AP story\n" in text
    assert "“The intelligence-sharing pact is due to expire in a week, the news agency said.”" in text


def test_remarks_dated_differently_only_within_one_statement(run, tmp_path):
    index = corpus(
        tmp_path,
        {
            "mon": (
                "Monday Daily",
                "2019-11-20",
                'Defense Minister Taro Kono said on Monday that "the door remains open."',
            ),
            "wed": (
                "Wednesday Wire",
                "2019-11-20",
                'Defense Minister Taro Kono said on Wednesday that "we will never give in."',
            ),
        },
    )
    assert not [c for c in disagreements(run, index) if c.startswith("remarks_date")]  # two statements
    index = corpus(
        tmp_path / "same",
        {
            "mon": (
                "Monday Daily",
                "2019-11-20",
                'Defense Minister Taro Kono said on Monday that "the door remains open."',
            ),
            "tue": ("Tuesday Wire", "2019-11-20", 'In Tokyo, Kono told reporters on Tuesday: "The door remains open."'),
        },
    )
    remarks = disagreements(run, index)["remarks_date:Taro Kono"]
    assert remarks["kind"] == "remarks" and remarks["values"] == {"mon": "2019-11-18", "tue": "2019-11-19"}


BREAKTHROUGH = "The defense ministers of Japan and South Korea reached a breakthrough in Bangkok on Sunday."
STALLED = "The defense ministers of Japan and South Korea failed to narrow their differences in Bangkok."


def test_a_state_disagrees_only_by_an_explicit_opposite(run, tmp_path):
    silent = corpus(
        tmp_path,
        {"s": ("Stalled", "2019-11-17", STALLED), "q": ("Quiet", "2019-11-17", "Bangkok was warm on Sunday.")},
    )
    assert "no_breakthrough" not in disagreements(run, silent)
    opposite = corpus(
        tmp_path / "o", {"s": ("Stalled", "2019-11-17", STALLED), "b": ("Moved", "2019-11-17", BREAKTHROUGH)}
    )
    state = disagreements(run, opposite)["no_breakthrough"]
    assert state["kind"] == "state" and state["values"] == {"b": False, "s": True}


@pytest.mark.parametrize(
    "sentence",
    [
        "The two sides failed to reach a breakthrough in Bangkok.",
        "Officials hope to make a breakthrough before the pact expires.",
        "It is not clear whether the talks produced a compromise.",
    ],
)
def test_a_hoped_or_denied_breakthrough_is_no_opposite(run, tmp_path, sentence):
    index = corpus(tmp_path, {"x": ("X", "2019-11-17", sentence)})
    row = load(run("compare", "--json", index=index))["rows"][0]
    assert row["values"].get("no_breakthrough") is not False


def test_filters_and_an_empty_selection(run, tmp_path):
    index = corpus(
        tmp_path,
        {
            "aug": ("The August Post", "2019-08-23", CAUSE),
            "nov": ("The November Times", "2019-11-20", CONDITION),
        },
    )
    rows = load(run("compare", "--json", "--since", "2019-11-01", index=index))["rows"]
    assert [r["article"] for r in rows] == ["nov"]
    rows = load(run("compare", "--json", "--outlet", "august", index=index))["rows"]
    assert [r["article"] for r in rows] == ["aug"]
    rows = load(run("compare", "--json", "--until", "2019-09-01", index=index))["rows"]
    assert [r["article"] for r in rows] == ["aug"]
    empty = run("compare", "--outlet", "nobody", index=index)
    assert empty.exit_code == 1 and empty.stderr == "gsomia: no article from outlet 'nobody'\n"
    both = run("compare", "--outlet", "august", "--since", "2019-11-01", index=index)
    assert both.exit_code == 1 and both.stderr == "gsomia: no article matches the filters\n"
    rows = load(run("compare", "--json", "--article", "nov", "--article", "aug", index=index))["rows"]
    assert [r["article"] for r in rows] == ["aug", "nov"]
    bad = run("compare", "--since", "soon", index=index)
    assert bad.exit_code == 2 and "--since 'soon' is not a date" in bad.stderr


def test_matrix_on_a_narrow_terminal_is_one_block_per_article(run, tmp_path, monkeypatch):
    index = corpus(tmp_path, {"nov": ("The November Times", "2019-11-20", CONDITION)})
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "60")
    text = run("compare", index=index).stdout
    assert text.startswith("— week of 2019-11-18 —\n2019-11-20  nov\n    seoul condition: condition")
    assert "no disagreements" in text


def test_timeline_events_labels_and_chart(run, tmp_path, monkeypatch):
    index = corpus(
        tmp_path,
        {
            "a": ("Outlet A", "2019-11-20", "The pact is due to expire on Saturday, Nov. 23, at midnight."),
            "b": ("Outlet B", "2019-11-21", "The pact is set to expire on Saturday, Nov. 23."),
            "c": ("Outlet C", "2019-11-21", "The ministers met in Bangkok on Nov. 17."),
        },
    )
    events = load(run("timeline", "--json", index=index))
    assert [(e["date"], e["count"], e["outlets"]) for e in events] == [
        ("2019-11-17", 1, ["Outlet C"]),
        ("2019-11-23", 2, ["Outlet A", "Outlet B"]),
    ]
    assert events[1]["label"] in (
        "The pact is due to expire on Saturday, Nov. 23, at midnight.",
        "The pact is set to expire on Saturday, Nov. 23.",
    )
    assert {r["article"] for r in events[1]["reports"]} == {"a", "b"}
    assert set(events[1]["reports"][0]) == {"article", "outlet", "published", "text", "sentence", "start", "end"}
    monkeypatch.setenv("NO_COLOR", "1")
    text = run("timeline", "--by", "week", index=index).stdout
    assert text.startswith("reports per week (events dated to the day)\n  2019-11-11 ")
    assert "2019-11-18 " in text and "2 dated events" in text
    assert load(run("timeline", "--json", "--outlet", "Outlet C", index=index))[0]["date"] == "2019-11-17"


def test_chart_bins():
    assert bin_of("2019-11-23", "week") == "2019-11-18" and bin_of("2019-11-23", "month") == "2019-11"
    assert bin_of("2019-11", "day") == "2019-11" and bin_of("2019", "month") == "2019"


def test_period_follows_the_span():
    from gsomia_cli.events import Event

    def events(*dates):
        return [Event(d, "x") for d in dates]

    assert period(events("2019-11-01", "2019-11-30")) == "day"
    assert period(events("2019-08-01", "2019-12-30")) == "week"
    assert period(events("2019-08-01", "2023-03-30")) == "month"


def test_diff_aligns_accounts_by_meaning(run, tmp_path):
    a = 'Defense Minister Taro Kono said the door "remains open to dialogue with Seoul at any time." The pact expires on Saturday.'
    b = (
        'Tokyo still wants to talk, and Kono stressed the door "remains open to dialogue with Seoul at all times," '
        "officials said after a long and tense meeting in the Thai capital. "
        "Unless something changes, the agreement between the two neighbors lapses at the end of Saturday, Nov. 23."
    )
    index = corpus(tmp_path, {"a": ("A", "2019-11-20", a), "b": ("B", "2019-11-20", b)})
    diff = load(run("diff", "a", "b", "--json", index=index))
    assert [(p["why"], p["a"][:20], p["b"][:20]) for p in diff["shared"]] == [
        ("statement", "Defense Minister Tar", "Tokyo still wants to"),
        ("claim", "The pact expires on ", "Unless something cha"),
    ]
    assert diff["only_a"] == [] and diff["only_b"] == []


def test_review_compare_scorer_on_seeds_and_dev(tmp_path):
    """The review's compare scorer (a verbatim copy) on seeds + dev: the goals
    are precision >= 0.90 and recall >= 0.80; the figures reached are held."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    data = Path(__file__).parent / "data"
    seeds = Path(__file__).parent.parent / "seeds" / "INDEX.md"
    env = {**os.environ, "GSOMIA_CACHE_DIR": str(tmp_path / "cache")}
    out = subprocess.run(
        [
            sys.executable,
            str(data / "tools" / "compare_score.py"),
            "--corpus", str(seeds),
            "--corpus", str(data / "dev" / "INDEX.md"),
            "--gold", str(data / "gold_seeds.yaml"),
            "--gold", str(data / "dev" / "gold.yaml"),
            "--gsomia", f"{sys.executable} -m gsomia_cli",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout  # fmt: skip
    summary = dict(item.split("=") for item in out.strip().splitlines()[-1].split()[1:])
    assert summary["comparePrecision"] == "1.00" and summary["compareRecall"] == "1.00", out


def test_speaker_names_match_on_whole_parts_not_syllables():
    from gsomia_cli.people import match_names

    names = {
        "Jeong Kyeong-doo": {"Jeong Kyeong-doo", "Jeong"},
        "Ko Min-jung": {"Ko Min-jung"},
        "Taro Kono": {"Taro Kono", "Kono"},
    }
    assert match_names("Jeoung", names) == {"Jeong Kyeong-doo"}
    assert match_names("Joeng", names) == {"Jeong Kyeong-doo"}
    assert match_names("Kyung-doo", names) == {"Jeong Kyeong-doo"}
    assert match_names("jung", names) == {"Ko Min-jung"}  # (a syllable, exactly)
    assert match_names("Konno", names) == {"Taro Kono"}
    assert match_names("Ko", names) == {"Ko Min-jung"}


def test_opposite_renderings_are_two_statements(run, tmp_path):
    index = corpus(
        tmp_path,
        {
            "a": ("Outlet A", "2019-11-20", 'Defense Minister Taro Kono said: "We are not yet close to an agreement."'),
            "b": (
                "Outlet B",
                "2019-11-20",
                'Defense Minister Taro Kono told reporters: "We are close to an agreement."',
            ),
            "c": ("Outlet C", "2019-11-20", 'Defense Minister Taro Kono said: "We are not close to an agreement yet."'),
        },
    )
    who = load(run("who", "Kono", "--json", index=index))[0]["statements"]
    groups: dict[int, set[str]] = {}
    for s in who:
        groups.setdefault(s["group"], set()).add(s["article"])
    assert sorted(map(sorted, groups.values())) == [["a", "c"], ["b"]]
    by_article = {s["article"]: s for s in who}
    assert by_article["b"]["conflicts"] == {str(by_article["a"]["group"]): "negation"}
    assert by_article["a"]["conflicts"] == {str(by_article["b"]["group"]): "negation"}


def test_a_remark_reported_with_another_party_is_shown_as_a_conflict(run, tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    index = corpus(
        tmp_path,
        {
            "a": ("Outlet A", "2019-11-20", 'Defense Minister Taro Kono said: "Seoul must take the first step."'),
            "b": ("Outlet B", "2019-11-20", 'Defense Minister Taro Kono said: "Tokyo must take the first step."'),
            "c": ("Outlet C", "2019-11-21", 'Defense Minister Taro Kono said: "South Korea must take the first step."'),
        },
    )
    shown = run("who", "Kono", index=index).stdout
    assert shown.count("· statement ") == 2
    assert "  conflicts with statement 2: alike but for a named party\n" in shown
    assert "  conflicts with statement 1: alike but for a named party\n" in shown


def test_opposed_renderings():
    from gsomia_cli.statements import opposed

    assert opposed("We are not yet close to an agreement", "We are close to an agreement")
    assert opposed("We don't see any change", "We see a change")
    assert opposed("Talks will last 3 days", "Talks will last 4 days")
    assert not opposed("Talks will last 3 days", "The talks will last 3 days")
    assert not opposed("There was no satisfactory response", "No cool answers were there")
    assert opposed("Japan must move first", "Seoul must move first")
    assert not opposed("Japan must move first", "Tokyo must move first")  # one party, two names
    assert not opposed("Japan must move first", "Japan and the U.S. must move first")  # one names more


def test_not_only_is_no_negation():
    from gsomia_cli.statements import opposed

    assert not opposed("The U.S. pressed both sides, not only Korea but Japan", "The U.S. pressed both Korea and Japan")
