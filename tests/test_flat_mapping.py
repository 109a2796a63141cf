"""corpus.flat_mapping: INDEX.md blocks read without the YAML parser, exactly as the parser reads them."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from gsomia_cli.corpus import flat_mapping

LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
KEYS = st.sampled_from(["outlet", "published", "file", "headline", "url", "by-line", "x_1"])
VALUES = st.text(alphabet=st.sampled_from(list("ab 9:#-\"'\\/é&*[]{}|>%@`,?!~\t.u")), max_size=12)


@given(st.lists(st.tuples(KEYS, VALUES), min_size=1, max_size=4))
@settings(max_examples=400, deadline=None)
def test_a_flat_block_reads_as_yaml_reads_it(pairs):
    lines = [f"{key}: {value}" for key, value in pairs]
    fast = flat_mapping(lines)
    if fast is None:
        return  # (the YAML parser reads it)
    assert fast == yaml.load("\n".join(lines), Loader=LOADER)  # noqa: S506


def test_what_add_writes_is_read_without_the_parser():
    lines = [
        'outlet: "The Korea Herald"',
        "published: 2019-11-22",
        "file: articles/korea-herald-2019-11-22.txt",
        'headline: "Seoul: \\"pact lapses\\" \\u2014 officials"',
        'url: "https://example.com/a?b=1#c"',
        "",
    ]
    assert flat_mapping(lines) == {
        "outlet": "The Korea Herald",
        "published": "2019-11-22",
        "file": "articles/korea-herald-2019-11-22.txt",
        "headline": 'Seoul: "pact lapses" — officials',
        "url": "https://example.com/a?b=1#c",
    }


def test_anything_else_is_left_to_the_parser():
    for lines in (["a: b: c"], ["a: [1, 2]"], ["  a: b"], ["a: b # note"], ["a: 'x'"], ["a: *x"], ["- a"], ['a: "\\x41"']):
        assert flat_mapping(lines) is None, lines
