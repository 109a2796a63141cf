"""`gsomia report`: the data the page receives, the safe HTML builder, and
the page as a real browser renders it (headless Chromium: `apt-get install
chromium`, as .ci/run does)."""

from __future__ import annotations

import datetime as dt
import html.parser
import json
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from conftest import entry, write_corpus

from gsomia_cli.coverage import Coverage
from gsomia_cli.html import Markup, el, join, raw, safe_href
from gsomia_cli.records import ClaimRecord, DateRecord, MentionRecord, QuoteRecord
from gsomia_cli.report_data import Piece, sentences_of

SEOUL = (
    "Seoul said on Monday it would let the military intelligence pact with Japan lapse. "
    "The General Security of Military Information Agreement (GSOMIA) expires on Nov. 23, officials said.\n\n"
    '"We see no change in Tokyo\'s position," Defense Minister Jeong Kyeong-doo told reporters in Seoul.\n'
)
TOKYO = (
    "Japan urged Seoul again to keep the pact. The intelligence-sharing agreement expires on Nov. 24, "
    "a ministry official said.\n\nDefense Minister Taro Kono said Tokyo would keep talking.\n"
)
HOSTILE = (
    "The pact will expire on November 23 unless Seoul changes course, the report said.\n\n"
    '<script>document.body.setAttribute("data-pwned", "1")</script> </textarea> '
    "<img src=x onerror=\"document.body.setAttribute('data-pwned', '2')\"> "
    "\"Quoted\" and 'single' marks & ampersands.\n"
)


def corpus(tmp_path: Path) -> Path:
    entries = (
        entry(
            "seoul-daily",
            "outlet: Seoul Daily\npublished: 2019-11-18\nfile: articles/a.txt\nheadline: Seoul lets pact lapse",
        )
        + entry("tokyo-post", "outlet: Tokyo Post\npublished: 2019-11-19\nfile: articles/b.txt")
        + entry(
            "hostile",
            "outlet: 'Hostile <b>\"Wire\"</b>'\npublished: 2019-11-20\nfile: articles/h.txt\n"
            "url: 'javascript:alert(1)'\nheadline: '</title><script>alert(1)</script>'",
        )
    )
    return write_corpus(
        tmp_path / "c", entries, {"articles/a.txt": SEOUL, "articles/b.txt": TOKYO, "articles/h.txt": HOSTILE}
    )


# The HTML builder.


def test_every_text_is_escaped_and_only_safe_links_are_written():
    assert el("p", {"title": 'a "b" <c>'}, "<script>x</script> & 'y'") == (
        '<p title="a &quot;b&quot; &lt;c&gt;">&lt;script&gt;x&lt;/script&gt; &amp; &#x27;y&#x27;</p>'
    )
    assert el("a", {"href": "javascript:alert(1)"}, "x") == "<a>x</a>"
    assert el("a", {"href": " JavaScript:alert(1)"}, "x") == "<a>x</a>"
    assert el("a", {"href": "#a1-s2"}, "x") == '<a href="#a1-s2">x</a>'
    assert el("a", {"href": "https://example.com/?a=1&b=2"}, "x") == '<a href="https://example.com/?a=1&amp;b=2">x</a>'
    assert el("input", {"hidden": True, "value": None}) == "<input hidden>"
    assert el("div", None, [el("b", None, "<"), None, ["x", Markup("<br>")]]) == "<div><b>&lt;</b>x<br></div>"
    assert join(["<a>", el("i", None, "b")], " & ") == "&lt;a&gt; &amp; <i>b</i>"
    assert raw("<style>p{}</style>") == "<style>p{}</style>"
    assert [safe_href(u) for u in ("", "data:text/html,x", "#x", "http://x")] == [None, None, "#x", "http://x"]


# The data the page receives.


def test_an_articles_sentences_are_cut_at_each_items_edges():
    text = 'Kono said "the pact ends on Saturday" in Tokyo. Seoul disagreed.'
    cov = Coverage(
        "a1",
        "Wire",
        dt.date(2019, 11, 18),
        "articles/a1.txt",
        text,
        [(0, 47, "body"), (48, 64, "body")],
        quotes=[
            QuoteRecord(
                "a1",
                "f",
                "Wire",
                "Taro Kono",
                None,
                "direct",
                "said",
                "the pact ends on Saturday",
                11,
                36,
                text[:47],
                None,
                0,
                47,
            )
        ],
        dates=[DateRecord("a1", "f", "Wire", "Saturday", "2019-11-23", 28, 36, text[:47], 0, 47)],
        claims=[ClaimRecord("a1", "f", "Wire", "expiry_date", "2019-11-23", text[:47], 0, 47)],
        mentions=[MentionRecord("a1", "f", "Wire", "Kono", 0, 4)],
        mention_people=["Taro Kono"],
    )
    first, second = sentences_of(cov, "a7")
    assert (first.anchor, first.claims, first.opens) == ("a7-s1", ["expiry_date"], True)
    assert first.pieces == [
        Piece("Kono", ("official",), "Taro Kono"),
        Piece(' said "', (), ""),
        Piece("the pact ends on ", ("quote",), "Taro Kono (direct)"),
        Piece("Saturday", ("date", "quote"), "Taro Kono (direct); 2019-11-23"),
        Piece('" in Tokyo.', (), ""),
    ]
    assert (second.anchor, second.text, second.claims, second.opens) == ("a7-s2", "Seoul disagreed.", [], False)


def test_the_report_data_of_a_corpus(run, tmp_path):
    from gsomia_cli import report_data
    from gsomia_cli.compare import claim_matrix
    from gsomia_cli.events import timeline
    from gsomia_cli.index import RECORD_KINDS, open_index
    from gsomia_cli.statements import statements_of

    index, _ = open_index(corpus(tmp_path))
    coverage = index.coverage(RECORD_KINDS, True)
    metadata = {m["id"]: m for m in index.articles()}
    index.close()
    built = report_data.build(
        coverage, metadata, claim_matrix(coverage), timeline(coverage), statements_of(coverage), {}
    )
    assert [(r.article, r.published) for r in built.rows] == [
        ("seoul-daily", "2019-11-18"),
        ("tokyo-post", "2019-11-19"),
        ("hostile", "2019-11-20"),
    ]
    (disagreement,) = built.disagreements
    assert disagreement["claim"] == "expiry_date"
    assert [(s["value"], [a for a, *_ in s["articles"]]) for s in disagreement["sides"]] == [
        ("2019-11-23", ["seoul-daily", "hostile"]),
        ("2019-11-24", ["tokyo-post"]),
    ]
    odd = built.rows[1].cells["expiry_date"]
    assert (odd.value, odd.odd, odd.link) == ("2019-11-24", True, "#a2-s2")
    assert built.rows[0].cells["pact_name"].value == "GSOMIA" and built.short == {
        "General Security of Military Information Agreement": "GSOMIA"
    }
    seoul = built.articles[0]
    assert (
        seoul.sentences[1].text
        == "The General Security of Military Information Agreement (GSOMIA) expires on Nov. 23, officials said."
    )
    assert built.included == 3 and built.outlets[0] == ('Hostile <b>"Wire"</b>', 1)


def test_a_large_corpus_has_the_texts_of_the_articles_in_a_disagreement(monkeypatch, tmp_path):
    from gsomia_cli import report_data
    from gsomia_cli.compare import claim_matrix
    from gsomia_cli.index import RECORD_KINDS, open_index

    monkeypatch.setattr(report_data, "TEXTS_ALWAYS", 2)
    monkeypatch.setattr(report_data, "LEADING_EXAMPLES", 1)
    index, _ = open_index(corpus(tmp_path))
    coverage = index.coverage(RECORD_KINDS, True)
    index.close()
    built = report_data.build(coverage, {}, claim_matrix(coverage), [], [], {})
    assert [(a.id, bool(a.sentences)) for a in built.articles] == [
        ("seoul-daily", True),
        ("tokyo-post", True),
        ("hostile", False),
    ]
    assert built.rows[2].cells["expiry_date"].link is None  # (no text to land on)
    every = report_data.build(coverage, {}, claim_matrix(coverage), [], [], {}, all_articles=True)
    assert every.included == 3 and all(a.sentences for a in every.articles)


# The page in a browser.


class _Node:
    def __init__(self, tag: str, attrs: dict[str, str | None]):
        self.tag, self.attrs, self.children, self.texts = tag, attrs, [], []

    def text(self) -> str:
        return "".join(t if isinstance(t, str) else t.text() for t in self.texts)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


class _Dom(html.parser.HTMLParser):
    """The DOM Chromium dumped, as a tree of _Node."""

    VOID = {"br", "hr", "img", "input", "meta", "link", "circle"}

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {})
        self.stack = [self.root]
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        self.stack[-1].texts.append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        for k in range(len(self.stack) - 1, 0, -1):
            if self.stack[k].tag == tag:
                del self.stack[k:]
                return

    def handle_data(self, data):
        self.stack[-1].texts.append(data)


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    assert found, "the report's browser tests need Chromium: apt-get install chromium"
    return found


def _browser(*args: str) -> subprocess.CompletedProcess:
    command = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)


def _is_blank(png: bytes) -> bool:
    """True when a PNG's pixels are all of one or two values (a blank page)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    data, at = b"", 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind = png[at + 4 : at + 8]
        if kind == b"IDAT":
            data += png[at + 8 : at + 8 + length]
        at += 12 + length
    return len(set(zlib.decompress(data))) <= 2


@pytest.fixture
def page(run, tmp_path):
    index = corpus(tmp_path)
    out = tmp_path / "report.html"
    result = run("report", "-o", str(out), index=index)
    assert result.exit_code == 0, result.stderr
    assert re.fullmatch(
        rf"wrote {re.escape(str(out))} \(0\.0 MB\): 3 articles, 1 disagreement, \d+ events, 3 article texts\n",
        result.stdout,
    )
    claims = json.loads(run("claims", "--json", index=index).stdout)
    evidence = {(c["article"], c["claim"]): c["evidence"] for c in claims}
    return out, evidence


def test_the_page_as_a_browser_renders_it(page):
    out, evidence = page
    dom = _Dom(_browser("--dump-dom", out.as_uri()).stdout).root
    nodes = list(dom.walk())
    by_id = {n.attrs["id"]: n for n in nodes if n.attrs.get("id")}
    # The matrix: a row per article, the disagreement marked and explained.
    (matrix,) = [n for n in nodes if n.tag == "table" and "matrix" in n.attrs.get("class", "").split()]
    rows = [n for n in matrix.walk() if n.tag == "tr" and n.attrs.get("class") == "row"]
    assert [r.children[1].text() for r in rows] == ["seoul-daily", "tokyo-post", "hostile"]
    assert [n.text() for n in matrix.walk() if n.tag == "td" and n.attrs.get("class") == "odd"] == ["2019-11-24 ≠"]
    assert len([n for n in nodes if n.attrs.get("class") == "disagreement"]) == 1
    # Every link lands on an element of the page; a claim's value on the sentence that gives it.
    internal = [n for n in nodes if n.tag == "a" and (n.attrs.get("href") or "").startswith("#")]
    assert internal and all(n.attrs["href"][1:] in by_id for n in internal)
    for row in rows:
        article = row.children[1].text()
        for claim, cell in zip(("expiry_date",), row.children[4:5], strict=True):
            (link,) = [n for n in cell.walk() if n.tag == "a"]
            target = by_id[link.attrs["href"][1:]]
            assert evidence[(article, claim)] in target.text(), (article, claim)
            assert "s" in target.attrs["class"].split()
    # A disagreement's side links to the sentence it quotes.
    sides = [n for n in nodes if n.attrs.get("class") == "side"]
    quoted = [
        (side, next(n for n in side.walk() if n.tag == "blockquote"))
        for side in sides
        if any(n.tag == "blockquote" for n in side.walk())
    ]
    assert len(quoted) == 2
    for side, quote in quoted:
        first = next(n for n in side.walk() if n.tag == "a")
        assert quote.text() in by_id[first.attrs["href"][1:]].text()
    # Nothing of the hostile article runs: its markup is text, its link no link.
    body = next(n for n in nodes if n.tag == "body")
    assert "data-pwned" not in body.attrs
    assert len([n for n in nodes if n.tag == "script"]) == 1
    assert not [n for n in nodes if n.tag == "img"]
    assert next(n for n in nodes if n.tag == "title").text() == "GSOMIA coverage"
    hostile = by_id["a3"]
    assert '<script>document.body.setAttribute("data-pwned", "1")</script> </textarea>' in hostile.text()
    assert "\"Quoted\" and 'single' marks & ampersands." in hostile.text()
    assert hostile.children[0].text() == "</title><script>alert(1)</script>"
    assert not [n for n in hostile.walk() if n.tag == "a" and "javascript" in (n.attrs.get("href") or "")]
    # The page's own script ran: the filter boxes it shows are shown.
    inputs = [n for n in nodes if n.tag == "input"]
    assert len(inputs) == 2 and not [n for n in inputs if "hidden" in n.attrs]


def test_the_page_without_scripts_and_its_screenshot(page, tmp_path):
    out, _ = page
    shot = tmp_path / "report.png"
    _browser("--window-size=1200,1600", f"--screenshot={shot}", out.as_uri())
    assert not _is_blank(shot.read_bytes())
    # With scripts off (the page's one script taken out): all there, and no filter box that would do nothing.
    text = out.read_text()
    start, end = text.index("<script>"), text.index("</script>") + len("</script>")
    scriptless = tmp_path / "scriptless.html"
    scriptless.write_text(text[:start] + text[end:])
    quiet = _Dom(_browser("--dump-dom", scriptless.as_uri()).stdout).root
    inputs = [n for n in quiet.walk() if n.tag == "input"]
    assert len(inputs) == 2 and all("hidden" in n.attrs for n in inputs)
    assert not [n for n in quiet.walk() if n.tag == "script"]
    assert len([n for n in quiet.walk() if n.tag == "tr" and n.attrs.get("class") == "row"]) == 3


def test_report_refuses_to_write_over_the_corpus(run, tmp_path):
    index = corpus(tmp_path)
    result = run("report", "-o", str(index), index=index)
    assert result.exit_code == 2 and "that is a file of the corpus" in result.stderr
    to_stdout = run("report", "-o", "-", index=index)
    assert to_stdout.exit_code == 0 and to_stdout.stdout.startswith("<!DOCTYPE html>")


def test_a_large_corpus_folds_its_matrix_by_week(run, tmp_path, monkeypatch):
    from gsomia_cli import report as page

    monkeypatch.setattr(page, "ARTICLE_ROWS", 2)
    index = corpus(tmp_path)
    out = tmp_path / "report.html"
    assert run("report", "-o", str(out), index=index).exit_code == 0
    dom = _Dom(out.read_text()).root
    (week,) = [n for n in dom.walk() if n.tag == "details"]
    assert week.children[0].text() == "week of 2019-11-18 · 3 articles · 1 value ≠"
    assert len([n for n in week.walk() if n.tag == "tr" and n.attrs.get("class") == "row"]) == 3
    assert "By month: 2019-11 (3)" in next(n for n in dom.walk() if n.attrs.get("id") == "corpus").text()
    assert not [n for n in dom.walk() if n.attrs.get("id") == "articles-table"]
