"""The extraction commands through the CLI: the JSON contract, filters, errors."""

from __future__ import annotations

import json

FILE_KEYS = {"article", "file", "outlet", "start", "end"}


def load(result):
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_officials_json_contract(run):
    data = load(run("officials", "--json"))
    jeong = next(o for o in data if o["name"] == "Jeong Kyeong-doo")
    assert set(jeong) == {"name", "role", "country", "aliases", "mentions"}
    assert (jeong["role"], jeong["country"]) == ("Defense Minister", "South Korea")
    assert {"Jeong", "Joeng", "Kyeong-doo"} <= set(jeong["aliases"])
    for mention in jeong["mentions"]:
        assert set(mention) == FILE_KEYS | {"text"}
    names = {o["name"] for o in data}
    assert "Ryuichi Yamashita" not in names and "Takeshi Kamiya" not in names


def test_dates_json_contract(run):
    data = load(run("dates", "--article", "yonhap", "--json"))
    assert all(set(d) == FILE_KEYS | {"text", "value", "sentence", "sentence_start", "sentence_end"} for d in data)
    assert [(d["text"], d["value"]) for d in data] == [
        ("Sunday", "2019-11-17"),
        ("six days left", "2019-11-23"),
        ("August", "2019-08"),
        ("last year", "2018"),
        ("1910-45", "1910"),
        ("Saturday", "2019-11-23"),
        ("Sunday's", "2019-11-17"),
    ]


def test_quotes_json_contract_and_filters(run, seeds):
    data = load(run("quotes", "--speaker", "Kyeong-doo", "--kind", "direct", "--outlet", "Vietnamese", "--json"))
    assert [(q["speaker"], q["speaker_role"], q["kind"], q["cue"]) for q in data] == [
        ("Jeong Kyeong-doo", "Defense Minister", "direct", "said"),
        ("Jeong Kyeong-doo", "Defense Minister", "direct", "said"),
    ]
    first = data[0]
    assert set(first) == FILE_KEYS | {
        "speaker",
        "speaker_role",
        "kind",
        "cue",
        "text",
        "sentence",
        "sentence_start",
        "sentence_end",
        "office_holder",
    }
    clean = seeds.resolve(first["article"]).clean
    assert clean[first["start"] : first["end"]] == first["text"]
    assert first["text"] in first["sentence"]


def test_quotes_speaker_fuzzy_names(run):
    for name in ("jeong", "Joeng", "Kyeong-doo", "jeong kyeong-doo"):
        data = load(run("quotes", "--speaker", name, "--json"))
        assert {q["speaker"] for q in data} == {"Jeong Kyeong-doo"}, name


def test_claims_json_contract(run):
    data = load(run("claims", "--claim", "expiry_date", "--json"))
    assert {(c["article"], c["value"]) for c in data} == {
        ("japantimes-2019-11-17", "2019-11-23"),
        ("asahi-2019-11-18", "2019-11-23"),
        ("vietnam-2019-11-17", "2019-11-23"),
        ("yonhap-2019-11-17", "2019-11-23"),
        ("fortruss-2019-11-17", "2019-11-24"),
    }
    assert all(set(c) == FILE_KEYS | {"claim", "value", "evidence", "frame"} for c in data)
    assert data[0]["frame"] == "the pact's end and a date near it"


def test_claims_unknown_id_is_a_usage_error(run):
    result = run("claims", "--claim", "nope")
    assert result.exit_code == 2
    assert "unknown claim 'nope'" in result.stderr and "expiry_date" in result.stderr


def test_tables_have_no_escape_codes(run, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    for command in ("officials", "dates", "quotes", "claims"):
        result = run(command)
        assert result.exit_code == 0
        assert "\x1b[" not in result.output
    assert "Jeong Kyeong-doo" in run("quotes").output


def test_user_data_dir_extends_the_claims(run, tmp_path, monkeypatch):
    from gsomia_cli import claims, lexicon, resources

    (tmp_path / "claims.yaml").write_text(
        "claims:\n  bangkok_talks:\n    description: The article places talks in Bangkok.\n"
        "    kind: flag\n    rules:\n      - all: [['talks'], ['bangkok']]\n"
    )
    monkeypatch.setenv("GSOMIA_DATA_DIR", str(tmp_path))
    for cached in (resources.load_data, claims.catalog, lexicon.lexicon):
        cached.cache_clear()
    try:
        data = load(run("claims", "--claim", "bangkok_talks", "--json"))
        assert {c["article"] for c in data} >= {"japantimes-2019-11-17", "asahi-2019-11-18"}
    finally:
        monkeypatch.delenv("GSOMIA_DATA_DIR")
        for cached in (resources.load_data, claims.catalog, lexicon.lexicon):
            cached.cache_clear()


def test_an_article_that_breaks_extraction_costs_only_its_own_records(run, monkeypatch):
    from gsomia_cli import extract as extract_module

    real = extract_module.extract

    def flaky(article):
        if article.id.startswith("vietnam"):
            raise ValueError("boom")
        return real(article)

    monkeypatch.setattr(extract_module, "extract", flaky)
    result = run("claims", "--claim", "expiry_date", "--json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 4
    assert "warning: vietnam-2019-11-17: extraction failed (ValueError: boom)" in result.stderr
