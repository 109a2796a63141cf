"""Word starts: the one-pass word index must give exactly what the regular
expressions it stands in for would."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from gsomia_cli.claims import term_heads
from gsomia_cli.lexicon import alternation
from gsomia_cli.textfold import _PAIRS, fold, non_ascii
from gsomia_cli.wordstarts import Heads, WordStarts, heads_of

PIECES = ["the", "minister", "defense minister", "said", "says", "he", "she", "x-he", "the_he", "2019", "élan", "naïve"]
SEPARATORS = [" ", "  ", ", ", ".", "-", "\n\n", '"', "—", "’", "_"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=40))
def test_positions_are_those_of_the_words(pairs):
    text = "".join(p + s for p, s in pairs)
    expected: dict[str, list[int]] = {}
    for m in re.finditer(r"\w+", text):
        expected.setdefault(m.group(), []).append(m.start())
    assert WordStarts(text).positions() == expected


ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates too


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ANY_CHARACTER, max_size=80))
def test_positions_on_any_text(text):
    expected: dict[str, list[int]] = {}
    for m in re.finditer(r"\w+", text):
        expected.setdefault(m.group(), []).append(m.start())
    assert WordStarts(text).positions() == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ANY_CHARACTER, max_size=80))
def test_folding_maps_each_character_on_its_own(text):
    assert non_ascii(text) == "".join(c for c in text if not c.isascii())
    assert fold(text) == "".join(_PAIRS.get(c, c) for c in text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=40),
    st.integers(0, 60),
    st.integers(0, 400),
)
def test_finditer_is_the_patterns_own(pairs, start, length):
    text = "".join(p + s for p, s in pairs)
    words = WordStarts(text)
    phrases = ["minister", "defense minister", "he", "said", "2019"]
    pattern = alternation(phrases)
    end = min(len(text), start + length)
    while end < len(text) and (text[end].isalnum() or text[end] == "_"):
        end += 1  # (an end inside a word would make a shorter word of it)
    expected = [(m.start(), m.end()) for m in pattern.finditer(text, start, end)]
    got = [(m.start(), m.end()) for m in words.finditer(pattern, heads_of(phrases), text, start, end)]
    assert got == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=40),
    st.lists(st.integers(0, 400), max_size=8),
)
def test_finditer_in_several_ranges_is_the_patterns_own(pairs, cuts):
    text = "".join(p + s for p, s in pairs)
    # Ranges between cuts that fall between words, as paragraphs and sentences do.
    edges = sorted(
        {c for c in cuts if c <= len(text) and (c == len(text) or not (text[c].isalnum() or text[c] == "_"))}
    )
    ranges = [(x, y) for x, y in zip(edges[::2], edges[1::2], strict=False) if x < y]
    phrases = ["minister", "defense minister", "he", "said", "2019"]
    pattern = alternation(phrases)
    expected = [(m.start(), m.end()) for a, b in ranges for m in pattern.finditer(text, a, b)]
    got = [(m.start(), m.end()) for m in WordStarts(text).finditer_in(pattern, heads_of(phrases), text, ranges)]
    assert got == expected


def test_prefixes_and_nearby_words():
    text = "the pact expires on saturday; the deal expired. the minister said so."
    words = WordStarts(text)
    assert words.at(Heads(frozenset(), ("expir",))) == [text.index("expires"), text.index("expired")]
    the = [m.start() for m in re.finditer(r"\bthe\b", text)]
    assert words.at(Heads(frozenset({"the"}), ("sat",))) == sorted([*the, text.index("saturday")])
    the_minister = re.compile(r"the \w+")
    near = (heads_of(["minister"]), 10)
    found = [m.group() for m in words.finditer(the_minister, heads_of(["the"]), text, near=near)]
    assert found == ["the minister"]


def test_heads_looked_up_before_and_after_the_text_was_read():
    """Heads looked up for the first time after a text was read are found the
    slow way; once numbered, later texts file their words under them. Both
    give the starts of the words they begin, as a regex finds them."""
    text = "the zqa-pact zqaed on saturday; the deal zqa zqaing. the minister said so, zqa."
    heads = Heads(frozenset({"the", "zqa"}), ("zqae", "sat"))
    expected = sorted(m.start() for m in re.finditer(r"\b(?:the|zqa|zqae\w*|sat\w*)\b", text))
    assert WordStarts(text).at(heads) == expected  # (numbered by this first look-up)
    alike = Heads(frozenset({"zqa", "the"}), ("zqae", "sat"))
    assert WordStarts(text).at(alike) == expected
    assert WordStarts(text).at(Heads(frozenset(), ("zqa",))) == [m.start() for m in re.finditer(r"\bzqa", text)]


def test_heads_of_claim_terms():
    assert term_heads(r"expir\w*").prefixes == ("expir",) and not term_heads(r"expir\w*").words
    assert term_heads("only if").words == frozenset({"only"})
    assert term_heads(r"u\.s\.").words == frozenset({"u"})
    assert term_heads("us").words == frozenset({"us"}) and term_heads("us").prefixes == ()
    choice = term_heads("(little|few|no) signs?")
    assert choice.words == frozenset({"little", "few", "no"})
    assert term_heads(r"(japan|tokyo)\b[^.]{0,60}\bfirst").prefixes == ("japan", "tokyo")
    assert term_heads(r"\w+ days? left") is None
    optional = term_heads("(entirely |totally )?(different|separate) issues")
    assert optional.words == frozenset({"entirely", "totally", "different", "separate"}) and optional.prefixes == ()
    assert term_heads(r"(\w+ )?issues") is None
    assert term_heads("a|b") is None
    nested = term_heads("(general security of military (?:intelligence )?information|military information) agreement")
    assert nested.words == frozenset({"general", "military"}) and nested.prefixes == ()
    mixed = term_heads(r"(export\w*|curbs) on")
    assert mixed.words == frozenset({"curbs"}) and mixed.prefixes == ("export",)
    assert term_heads("(?i:japan) first") is None  # a flag group: not told
    assert term_heads("(japan|tokyo)? first") is None  # without the group a match begins with a space
    hyphen = term_heads(r"re-?examine\w*")  # not every word beginning with "re"
    assert hyphen.words == frozenset({"re"}) and hyphen.prefixes == ("reexamine",)
    assert term_heads(r"u\.?s\.").words == frozenset({"u", "us"})
    assert term_heads("signs? of").words == frozenset({"sign", "signs"})


def paragraph_ranges(text: str, read: list[bool] | None = None) -> list[tuple[int, int]]:
    """The spans of the paragraphs of ``text`` (apart by blank lines), those
    ``read`` marks False left out."""
    ranges, at = [], 0
    for n, paragraph in enumerate(text.split("\n\n")):
        if paragraph and (read is None or n >= len(read) or read[n]):
            ranges.append((at, at + len(paragraph)))
        at += len(paragraph) + 2
    return ranges


def capitalised_words(text: str, ranges: list[tuple[int, int]]) -> tuple[list[int], list[str]]:
    """Where the capitalised words of ``ranges`` begin, and their texts, each range scanned on its own."""
    from gsomia_cli.lexicon import NAME_START

    found = [m for a, b in ranges for m in re.finditer(NAME_START, text[:b]) if m.start() >= a]
    return [m.start() for m in found], [m.group() for m in found]


NAME_PIECES = ["Kim You-geun", "Ko", "Mark Esper", "the", "deputy director", "minister", "of", "Seoul", "said", "a"]
NAME_SEPARATORS = [" ", ", ", ". ", "\n\n", " (", ") "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NAME_PIECES), st.sampled_from(NAME_SEPARATORS)), max_size=30))
def test_appositions_are_the_patterns_own(pairs):
    """Officials' "Name, the ... title" pattern, tried only near titles,
    finds what it finds run over every paragraph."""
    from gsomia_cli.lexicon import lexicon
    from gsomia_cli.officials import _appositions, _patterns

    text = "".join(p + s for p, s in pairs)
    ranges = paragraph_ranges(text)
    pattern = _patterns().apposition
    starts, texts = capitalised_words(text, ranges)
    titles = WordStarts(text.lower()).at(lexicon().title_heads)
    expected = [m.span() for a, b in ranges for m in pattern.finditer(text, a, b)]
    assert [m.span() for m in _appositions(text, ranges, starts, texts, titles, _patterns())] == expected


TITLED_PIECES = [
    "Kim You-geun",
    "Ko's",
    "O'Brien",
    "Mark Esper",
    "Mark T. Esper",
    "Defense Minister",
    "spokesperson",
    "minister",
    "Seoul",
    "said",
    "GSOMIA",
    "U.S.",
    "Min-Jung",
    "the ministry's spokesman",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(TITLED_PIECES), st.sampled_from(NAME_SEPARATORS + [",  "])), max_size=30))
def test_titled_names_read_from_the_capitalised_words(pairs):
    """A name after a title is the first three capitalised words of the run
    that follows it, as a tokenisation of the run itself finds them, and its
    mention ends with the last of them (past a middle initial)."""
    from gsomia_cli.lexicon import NAME_TOKEN, lexicon
    from gsomia_cli.officials import _clean_name, _patterns, _titled_names

    text = "".join(p + s for p, s in pairs)
    ranges = paragraph_ranges(text)
    starts, texts = capitalised_words(text, ranges)
    pat, lex = _patterns(), lexicon()
    found = list(_titled_names(text, WordStarts(text.lower()), ranges, starts, texts, pat, lex))
    for title, title_start, name, start, end in found:
        run_start = title_start + len(title)
        while text[run_start] in " ,":
            run_start += 1
        run = pat.name_run.match(text, run_start, next(b for a, b in ranges if a <= start < b))
        words = re.findall(NAME_TOKEN, run.group())
        assert name == _clean_name(" ".join(words[:3]), lex) and text.startswith(name.split()[0], start)
        assert text[start:end].endswith(name.split()[-1]) and end <= run.end()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(TITLED_PIECES), st.sampled_from(["\n\n", " ", ", ", ". ", "\n\n "])), max_size=30
    ),
    st.lists(st.booleans(), max_size=12),
)
def test_capitalised_words_scanned_by_runs_of_paragraphs(pairs, read):
    """Paragraphs apart by white space only are scanned as one run: the
    capitalised words found are those a scan of each paragraph finds."""
    from gsomia_cli.lexicon import NAME_START
    from gsomia_cli.officials import _runs

    text = "".join(p + s for p, s in pairs)
    ranges = paragraph_ranges(text, read)
    pattern = re.compile(NAME_START)
    found = [m for a, b in _runs(text, ranges) for m in pattern.finditer(text, a, b)]
    assert ([m.start() for m in found], [m.group() for m in found]) == capitalised_words(text, ranges)


def test_apposition_example():
    from gsomia_cli.lexicon import NAME_START, lexicon
    from gsomia_cli.officials import _appositions, _patterns

    text = "Seoul said. Kim You-geun, the deputy director of Seoul said so, and Ko, a minister, agreed."
    tokens = [(m.start(), m.group()) for m in re.finditer(NAME_START, text)]
    titles = WordStarts(text.lower()).at(lexicon().title_heads)
    starts, texts = [start for start, _ in tokens], [token for _, token in tokens]
    found = [m.group() for m in _appositions(text, [(0, len(text))], starts, texts, titles, _patterns())]
    assert found == ["Kim You-geun, the deputy director", "Ko, a minister"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=40), st.integers(1, 30))
def test_nearby_words_from_either_side(pairs, distance):
    """The nearby-word filter keeps a start when a word of the other heads
    begins after it within the distance, whichever side is looked up from."""
    text = "".join(p + s for p, s in pairs)
    words = WordStarts(text)
    for heads, other in ((heads_of(["the"]), heads_of(["minister"])), (heads_of(["minister"]), heads_of(["the"]))):
        found, others = words.at(heads), words.at(other)
        expected = [at for at in found if any(at < o <= at + distance for o in others)]
        assert words._near(found, other, distance) == expected


def test_whole_words_as_the_regex_finds_them():
    from gsomia_cli.reported import _whole_word

    text = "he said thats that, and that_ was that"
    for start, end in [(0, len(text)), (8, len(text)), (8, 17), (19, len(text)), (30, len(text))]:
        m = re.search(r"\bthat\b", text[start:end])
        assert _whole_word(text, "that", start, end) == (start + m.start() if m else -1)


NAME_SUBJECTS = ["Kono", "Jeong", "Ko Min-jung", "the minister", "for his part", "Seoul", "has", "had", "officials"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NAME_SUBJECTS), st.sampled_from([" ", ", ", "  ", ". "])), max_size=12))
def test_subject_name_before_a_verb_as_every_word_would_find_it(pairs):
    """The subject before "said" is tried at the word just before it unless a
    comma clause stands between; that finds what trying every capitalised
    word within reach finds."""
    from gsomia_cli.lexicon import NAME_START
    from gsomia_cli.officials import _name_before, _patterns

    text = "".join(p + s for p, s in pairs) + "said so."
    verb_at = text.rindex("said")
    starts = [m.start() for m in re.finditer(NAME_START, text)]
    pattern = _patterns().name_before
    expected = next(
        (m.span() for k in starts if verb_at - 110 <= k < verb_at for m in [pattern.match(text, k, verb_at)] if m),
        None,
    )
    got = _name_before(text, starts, verb_at, _patterns())
    assert (got.span() if got else None) == expected


CLAIM_PIECES = [
    "re-examine",
    "reexamine",
    "re",
    "examine",
    "japan",
    "tokyo",
    "first",
    "signs",
    "sign",
    "no",
    "u.s.",
    "us",
    "press",
    "pressure",
    "the pact",
    "expired",
    "unless",
    "only if",
    "export",
    "curbs",
    "not linked",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(CLAIM_PIECES), st.sampled_from([" ", ", ", ". ", "-"])), max_size=30))
def test_claim_terms_found_at_their_heads_as_everywhere(pairs):
    """Every claim group, tried only at its head words, finds what it finds
    run over the whole text."""
    from gsomia_cli.claims import catalog

    text = "".join(p + s for p, s in pairs)
    words = WordStarts(text)
    groups = [g for c in catalog() for g in ([c.anchor] if c.anchor else []) + [g for r in c.rules for g in r.groups]]
    for group in groups:
        if group.heads is not None:
            expected = [m.span() for m in group.pattern.finditer(text)]
            assert [m.span() for m in words.finditer(group.pattern, group.heads, text)] == expected
