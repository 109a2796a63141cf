"""Articles from web pages (pages.py, sources.py, `gsomia add PAGE|URL|FOLDER`):
pages written here the way news sites build them."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import sys
import threading
from pathlib import Path

import pytest

from gsomia_cli.pages import PageError, fetch_page, read_page

FIRST = (
    "South Korea said on Friday it would conditionally suspend the expiry of its military "
    "intelligence-sharing pact with Japan, hours before the agreement was due to lapse."
)
MIDDLE = (
    '"We have decided to suspend the effect of the termination notice," a senior presidential '
    "security official told a news briefing in Seoul."
)
LAST = (
    "Tokyo's top government spokesman welcomed the move but said Japan's stance on the export measures had not changed."
)
FURNITURE = [
    "We use cookies",
    "Accept all",
    "Share on",
    "Related stories",
    "Five things to know",
    "Photo:",
    "finally some sense",
    "All rights reserved",
    "Privacy policy",
    "Home",
]


def news_page(
    first: str = FIRST,
    last: str = LAST,
    metadata: bool = True,
    canonical: str = "https://www.ledger.example/world/2019/11/22/seoul-keeps-pact",
    charset: str = "utf-8",
    head_extra: str = "",
) -> str:
    """A news article page: navigation, cookie banner, share buttons, a
    photo caption, related links and comments around the story."""
    meta = (
        '<meta property="og:site_name" content="The Daily Ledger">\n<meta property="og:type" content="article">\n'
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
        '"headline": "Seoul keeps pact alive", "datePublished": "2019-11-22T18:05:00+09:00", '
        '"author": [{"@type": "Person", "name": "Mina Park"}, {"@type": "Person", "name": "Ken Oda"}]}</script>'
        if metadata
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>Seoul keeps pact alive | The Daily Ledger</title>
{meta}
<link rel="canonical" href="{canonical}">
{head_extra}
</head><body>
<div id="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<main><article>
<h1>Seoul keeps pact alive</h1>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<figure><img src="a.jpg"><figcaption>Officials meet in Seoul on Friday. (Photo: Yonhap)</figcaption></figure>
<p>{first}</p>
<p>{MIDDLE}</p>
<p>The decision came after weeks of pressure from Washington, which saw the pact as a cornerstone of security cooperation.</p>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Five things to know about the pact</a></li></ul></aside>
<p>{last}</p>
</article></main>
<section id="comments"><h2>Comments</h2><div class="comment"><p>This is great news, finally some sense from both!</p></div></section>
<footer><p>(c) 2019 The Daily Ledger. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def section_front() -> str:
    cards = "".join(
        f'<div class="card"><h2><a href="/world/2019/11/{k:02d}/story-{k}">Story {k} on the region and its politics</a></h2>'
        f"<p>A teaser for story {k}.</p></div>"
        for k in range(1, 25)
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>World | The Daily Ledger</title>'
        '<meta property="og:type" content="website"><meta property="og:site_name" content="The Daily Ledger"></head>'
        f"<body><nav><a href='/'>Home</a></nav><main><h1>World</h1>{cards}</main></body></html>"
    )


def test_the_article_text_and_metadata_of_a_news_page():
    page = read_page(news_page().encode())
    paragraphs = page.text.split("\n\n")
    assert paragraphs[0] == FIRST and paragraphs[-1] == LAST + "\n"
    assert len(paragraphs) == 4  # (the headline, caption, aside and comments are not text)
    for furniture in FURNITURE:
        assert furniture not in page.text, furniture
    assert (page.outlet, page.published, page.headline, page.byline, page.url, page.language) == (
        "The Daily Ledger",
        dt.date(2019, 11, 22),
        "Seoul keeps pact alive",
        "Mina Park, Ken Oda",
        "https://www.ledger.example/world/2019/11/22/seoul-keeps-pact",
        "en",
    )


def test_a_date_only_in_the_url_dates_the_page():
    page = read_page(news_page(metadata=False).encode())
    assert page.published == dt.date(2019, 11, 22)
    undated = read_page(
        news_page(metadata=False, canonical="https://www.ledger.example/world/seoul-keeps-pact").encode()
    )
    assert undated.published is None


@pytest.mark.parametrize(("charset", "word"), [("euc-kr", "지소미아"), ("windows-1252", "café"), ("shift_jis", "日韓")])
def test_a_page_in_another_encoding(charset, word):
    first = f"South Korea ({word}) said on Friday it would conditionally suspend the expiry of its pact with Japan."
    html = news_page(first=first, charset=charset)
    page = read_page(html.encode(charset))
    assert page.text.split("\n\n")[0] == first


def test_pages_that_are_no_article():
    with pytest.raises(PageError, match=r"not an article: 48 of 48 paragraphs are lines of a few words"):
        read_page(section_front().encode())
    for empty in (b"", b"   \n", b"<html><body></body></html>"):
        with pytest.raises(PageError, match="empty page|no article text found"):
            read_page(empty)


def test_a_20_mb_page_is_read():
    blobs = "".join(f"<script>window.d{k} = '{'x' * 200_000}';</script>" for k in range(100))
    html = news_page(head_extra=blobs).encode()
    assert len(html) > 20_000_000
    page = read_page(html)
    assert page.text.split("\n\n")[0] == FIRST and page.published == dt.date(2019, 11, 22)


def test_a_page_over_the_size_limit_is_refused(monkeypatch):
    import gsomia_cli.pages as pages

    monkeypatch.setattr(pages, "MAX_PAGE_BYTES", 1_000)
    with pytest.raises(PageError, match="page larger than 0 MB"):
        read_page(news_page().encode())


class _Site:
    """A local web server (127.0.0.1, a free port) serving ``pages`` by path."""

    def __init__(self, pages: dict[str, bytes]):
        served = pages

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                body = served.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():
    served: dict[str, bytes] = {}
    running = _Site(served)
    running.pages = served  # type: ignore[attr-defined]
    yield running
    running.close()


def test_a_url_is_fetched_and_a_failure_says_why(site, monkeypatch):
    import gsomia_cli.pages as pages

    site.pages["/news/2019/11/22/pact"] = news_page().encode()
    data, final = fetch_page(f"{site.base}/news/2019/11/22/pact")
    assert read_page(data, final).text.startswith(FIRST)
    with pytest.raises(PageError, match="could not be fetched: HTTP 404"):
        fetch_page(f"{site.base}/gone")
    closed = _Site({})
    closed.close()
    with pytest.raises(PageError, match="could not be fetched: connection refused"):
        fetch_page(f"{closed.base}/x")
    monkeypatch.setattr(pages, "MAX_PAGE_BYTES", 1_000)
    with pytest.raises(PageError, match="could not be fetched: larger than 0 MB"):
        fetch_page(f"{site.base}/news/2019/11/22/pact")


def test_a_url_that_does_not_answer_in_time(monkeypatch):
    import time

    import gsomia_cli.pages as pages

    class Slow(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            time.sleep(3)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setattr(pages, "FETCH_TIMEOUT", 1)
    try:
        with pytest.raises(PageError, match=r"could not be fetched: no answer in time \(1 s a try\)"):
            fetch_page(f"http://127.0.0.1:{server.server_address[1]}/slow")
    finally:
        server.shutdown()
        server.server_close()


# The command.


def _saved(folder: Path, name: str, html: str, encoding: str = "utf-8") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(html.encode(encoding))
    return path


def _entries(index: Path) -> dict[str, dict[str, str]]:
    from gsomia_cli.corpus import read_catalog

    return {
        e.id: {**e.optional, "outlet": e.outlet, "published": e.published.isoformat()}
        for e in read_catalog(index).entries
    }


def test_add_saved_pages_and_a_folder(run, tmp_path):
    saved = tmp_path / "saved"
    _saved(saved, "ledger.html", news_page())
    _saved(saved, "front.html", section_front())
    _saved(
        saved,
        "other.htm",
        news_page(
            first=FIRST.replace("Friday", "Saturday morning"),
            last="Nothing else was said.",
            canonical="https://www.ledger.example/world/2019/11/22/seoul-keeps-pact-updated",
        ),
    )
    _saved(saved / "ledger_files", "frame.html", section_front())  # (a saved page's own folder: not read)
    index = tmp_path / "corpus" / "INDEX.md"
    result = run("add", str(saved), index=index)
    assert result.exit_code == 1
    assert result.stdout == f"added daily-ledger-2019-11-22 ({saved / 'ledger.html'}) to {index}\n"
    assert result.stderr.splitlines() == [
        f"gsomia: {saved / 'front.html'}: not an article: 48 of 48 paragraphs are lines of a few words"
        " (a section front or a list of links?)",
        f"gsomia: {saved / 'other.htm'}: skipped: nearly the same text as {saved / 'ledger.html'}, from the same outlet"
        " (--allow-duplicate adds it anyway)",
        "gsomia: 1 of 3 sources added",
    ]
    (meta,) = _entries(index).values()
    assert meta["url"] == "https://www.ledger.example/world/2019/11/22/seoul-keeps-pact"
    assert (meta["headline"], meta["byline"], meta["language"]) == (
        "Seoul keeps pact alive",
        "Mina Park, Ken Oda",
        "en",
    )
    assert meta["source"].startswith("ledger.html, added 20")
    text = (index.parent / "articles" / "daily-ledger-2019-11-22.txt").read_text()
    assert text.startswith(FIRST + "\n\n") and text.endswith(LAST + "\n")
    again = run("add", str(saved / "ledger.html"), index=index)
    assert (
        again.exit_code == 1 and "skipped: its URL is already in the corpus (daily-ledger-2019-11-22)" in again.stderr
    )
    assert run("check", index=index).exit_code == 0


def test_flags_give_what_a_page_lacks_and_override_what_it_says(run, tmp_path):
    page = _saved(tmp_path, "undated.html", news_page(metadata=False, canonical="https://ledger.example/world/pact"))
    index = tmp_path / "corpus" / "INDEX.md"
    missing = run("add", str(page), index=index)
    assert missing.exit_code == 1 and not index.exists()
    assert missing.stderr == f"gsomia: {page}: no publication date: the page does not give it; give --published\n"
    added = run(
        "add", str(page), "--published", "2019-11-23", "--outlet", "Ledger Weekly", "--id", "ledger", index=index
    )
    assert added.exit_code == 0, added.stderr
    meta = _entries(index)["ledger"]
    assert (meta["outlet"], meta["published"], meta["url"]) == (
        "Ledger Weekly",
        "2019-11-23",
        "https://ledger.example/world/pact",
    )


def test_a_copy_from_another_outlet_is_added_and_said(run, tmp_path):
    index = tmp_path / "corpus" / "INDEX.md"
    first = _saved(tmp_path, "a.html", news_page())
    copy = _saved(tmp_path, "b.html", news_page(canonical="https://wire.example/2019/11/22/pact-copy"))
    assert run("add", str(first), index=index).exit_code == 0
    result = run("add", str(copy), "--outlet", "Wire Daily", "--json", index=index)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["added"] == [
        {
            "id": "wire-daily-2019-11-22",
            "source": str(copy),
            "note": "a copy of daily-ledger-2019-11-22 (another outlet: kept as a report of its own)",
        }
    ]
    allowed = run("add", str(first), "--allow-duplicate", index=index)
    assert allowed.exit_code == 0 and "daily-ledger-2019-11-22-2" in allowed.stdout


def test_add_urls_from_a_file(run, tmp_path, site):
    site.pages["/world/2019/11/22/pact"] = news_page(canonical="").encode()
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# to read\n{site.base}/world/2019/11/22/pact\n\n{site.base}/gone\n")
    index = tmp_path / "corpus" / "INDEX.md"
    result = run("add", "--from-file", str(urls), index=index)
    assert result.exit_code == 1
    assert result.stdout == f"added daily-ledger-2019-11-22 ({site.base}/world/2019/11/22/pact) to {index}\n"
    assert result.stderr.splitlines() == [
        f"gsomia: {site.base}/gone: could not be fetched: HTTP 404",
        "gsomia: 1 of 2 sources added",
    ]
    meta = _entries(index)["daily-ledger-2019-11-22"]
    assert meta["url"] == f"{site.base}/world/2019/11/22/pact"
    assert meta["source"].startswith(f"{site.base}/world/2019/11/22/pact, added 20")


def test_without_the_extra_add_says_how_to_get_it(run, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # (an import of it now fails)
    page = _saved(tmp_path, "a.html", news_page())
    text = tmp_path / "a.txt"
    text.write_text(FIRST + "\n")
    index = tmp_path / "corpus" / "INDEX.md"
    result = run("add", str(page), str(text), "--outlet", "X", "--published", "2019-11-22", index=index)
    assert result.exit_code == 1 and not index.exists()
    assert result.stderr == "gsomia: reading web pages needs the html extra: pip install 'gsomia[html]'\n"
    assert run("add", str(text), "--outlet", "X", "--published", "2019-11-22", index=index).exit_code == 0
