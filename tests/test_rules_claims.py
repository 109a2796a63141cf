"""Claims as frames: who does what, how; vocabularies; the sentence before;
dates near the pact's end (sentences of our own)."""

from __future__ import annotations

import json

from extraction_helpers import run


def claims(text: str, published: str = "2019-11-20") -> dict[str, object]:
    return {c.claim: c.value for c in run(text, published).claims if c.claim != "pact_name"}


def test_washington_presses_the_allies_in_any_wording():
    assert claims("The U.S. is urging Japan and South Korea to keep talking.") == {"us_pressure": True}
    assert claims("The United States had recommended that Seoul reconsider ending the deal.") == {"us_pressure": True}
    assert claims("Esper called for the two allies to overcome their bilateral issues.") == {"us_pressure": True}
    # Washington as no actor: after a preposition, or a possessive.
    assert claims('"Cooperation with the U.S. is crucial. We urge them to keep the pact," Kono said.') == {}
    assert claims("Amid Washington's displeasure, experts called on the allies to save the pact.") == {}
    # A press conference is no pressure.
    assert claims("Park spoke at a press conference with U.S. Secretary of State Blinken about the pact.") == {}
    # "He" in the next sentence is the subject of the one before.
    assert claims("Defense Secretary Mark Esper met Jeong in Seoul. He urged both sides to save the pact.") == {
        "us_pressure": True
    }


def test_seoul_s_condition_and_the_cause_of_its_decision():
    assert claims("Seoul said it would only extend the pact if the Japanese government canceled its export curbs.") == {
        "seoul_condition": "condition"
    }
    assert claims("Washington urged Seoul to reconsider, but Seoul wanted Japan to first take back its curbs.") == {
        "seoul_condition": "condition",
        "us_pressure": True,
    }
    assert claims("South Korea attributed the decision to its bitter trade dispute with Japan.") == {
        "seoul_condition": "cause"
    }
    text = "Japan created a grave change in security ties by removing South Korea from its white list, Kim said."
    assert claims(text) == {"seoul_condition": "cause"}


def test_japan_delinks_only_when_japan_says_so():
    assert claims("Tokyo has been saying that export restrictions and GSOMIA are different matters.") == {
        "japan_delinks": True
    }
    text = "Foreign Minister Taro Kono met the envoy. The export controls and GSOMIA are separate issues, he said."
    assert claims(text) == {"japan_delinks": True}
    # The US official's view is not Japan's; a description of a dispute is no one's position.
    assert claims("Stilwell said trade and security issues are separate matters.") == {}
    text = "The trade disputes between Seoul and Tokyo now extend into national security issues."
    assert claims(text) == {}


def test_stalled_talks_in_more_wordings():
    assert claims("Both sides are refusing to budge, so a breakthrough appears unlikely.") == {"no_breakthrough": True}
    assert claims("They agreed to keep talking but failed to announce any progress.") == {"no_breakthrough": True}


def test_the_expiry_near_its_anchor():
    text = "The ministers met ahead of the scheduled termination of their General Security of Military Information Agreement (GSOMIA) at midnight on Nov. 23."
    assert claims(text)["expiry_date"] == "2019-11-23"
    assert claims("The talks come less than a week before the Nov. 23 expiry of the pact.") == {
        "expiry_date": "2019-11-23"
    }
    # Only the first date after its anchor.
    assert claims("The pact was due to expire on Saturday, three months after Seoul's announcement.") == {
        "expiry_date": "2019-11-23"
    }
    # "at midnight" alone: the day of the story, unless the article names the day.
    assert claims("It had been due to expire at midnight.", "2019-11-22") == {"expiry_date": "2019-11-22"}
    text = "It was set to expire at midnight. The pact expires on Saturday."
    assert claims(text, "2019-11-22") == {"expiry_date": "2019-11-23"}


def test_claims_verbose_shows_the_frame_and_its_words(run, tmp_path, monkeypatch):
    from conftest import entry, write_corpus

    index = write_corpus(
        tmp_path,
        entry("a", "outlet: X\npublished: 2019-11-20\nfile: a.txt"),
        {"a.txt": "The U.S. is urging Japan and South Korea to keep talking.\n"},
    )
    data = json.loads(run("claims", "--json", "-v", index=index).stdout)
    assert [(c["claim"], c["frame"], c["matched"]) for c in data] == [
        (
            "us_pressure",
            "Washington presses the allies to keep the pact or mend ties",
            ["who: the u.s.", "act: urging", "what: japan and south korea"],
        )
    ]
    monkeypatch.setenv("COLUMNS", "400")  # (one line a row)
    result = run("claims", "-v", index=index)
    assert result.exit_code == 0
    assert "frame" in result.stdout and "Washington presses the allies" in result.stdout
    assert "who: the u.s.; act: urging; what: japan and south korea" in result.stdout
