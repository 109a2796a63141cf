"""Articles from web pages: a saved HTML file or a URL, its article text
and metadata (site name, date, headline, byline, canonical URL, language)
taken by trafilatura, a library made for exactly this (its dates come from
htmldate). trafilatura is the optional ``html`` extra, imported only when a
page is read: ``pip install 'gsomia[html]'``."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

INSTALL_HINT = "reading web pages needs the html extra: pip install 'gsomia[html]'"
PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
MAX_PAGE_BYTES = 30_000_000  # a larger page (file or download) is refused
FETCH_TIMEOUT = 30  # seconds, per URL
# What an article is, besides what the page says of itself (og:type or
# JSON-LD "article"): enough words, and most paragraphs prose rather than the
# headline-and-teaser lines of a section front.
MIN_WORDS = 40
PROSE_WORDS = 15  # a paragraph this long is prose
PROSE_SHARE = 0.5


class ExtraMissing(Exception):
    """Raised when the html extra (trafilatura) is not installed."""

    def __init__(self) -> None:
        super().__init__(INSTALL_HINT)


class PageError(Exception):
    """Raised when a page cannot be read or holds no article; says why."""


@dataclass(frozen=True)
class Page:
    """What a page gives: the article's text (paragraphs apart by a blank
    line, without the headline) and what its metadata says (None: not said)."""

    text: str
    headline: str | None
    outlet: str | None
    published: dt.date | None
    byline: str | None
    url: str | None
    language: str | None


def is_url(source: str) -> bool:
    """True for an http(s) URL."""
    return source.lower().startswith(("http://", "https://"))


def is_page_file(name: str) -> bool:
    """True for a file name a saved web page has."""
    return name.lower().endswith(PAGE_SUFFIXES)


def require_extra() -> Any:
    """The trafilatura module; ExtraMissing (saying how to install it) when the html extra is not installed."""
    try:
        import lxml_html_clean  # noqa: F401  (trafilatura needs it with lxml 6; its absence shows only later)
        import trafilatura
    except ImportError:
        raise ExtraMissing() from None
    return trafilatura


def _config(trafilatura: Any) -> Any:
    from copy import deepcopy

    config = deepcopy(trafilatura.settings.DEFAULT_CONFIG)
    config.set("DEFAULT", "MAX_FILE_SIZE", str(MAX_PAGE_BYTES))
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(FETCH_TIMEOUT))
    # A user fetching the pages they named: addresses on their own network are theirs to read.
    config.set("DEFAULT", "SSRF_PROTECTION", "off")
    # A certificate that does not verify is an error, never a retry without verification.
    config.set("DEFAULT", "INSECURE_SSL_FALLBACK", "off")
    return config


def read_page(data: bytes, url: str | None = None) -> Page:
    """Return the article of an HTML page (``data``, in any encoding the page
    declares or that can be detected; ``url``: where it was fetched, which
    also dates a page whose only date is in its address). Raises PageError
    when the page is empty, too large, or holds no article (a section front,
    a list of links), ExtraMissing without the html extra."""
    trafilatura = require_extra()
    if len(data) > MAX_PAGE_BYTES:
        raise PageError(f"page larger than {MAX_PAGE_BYTES // 1_000_000} MB")
    if not data.strip():
        raise PageError("empty page")
    tree = _parse(data)
    if tree is None or len(tree) < 1:
        raise PageError("not an HTML page")
    language = tree.get("lang") or None
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # (its reasons are ours to give, in a line)
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        # A date the page states (its metadata, a time element, its address), the first publication's,
        # never a guess from a year in the text (a copyright line is no date of the article).
        date_extraction_params={"extensive_search": False, "original_date": True},
        config=_config(trafilatura),
    )
    if doc is None or not (doc.text or "").strip():
        raise PageError("no article text found (a section front or a list of links?)")
    headline = _clean(doc.title)
    paragraphs = [" ".join(line.split()) for line in doc.text.splitlines() if line.strip()]
    if paragraphs and headline and paragraphs[0] == headline:
        paragraphs = paragraphs[1:]  # (the headline is metadata, not a sentence of the text)
    words = [len(p.split()) for p in paragraphs]
    prose = sum(1 for n in words if n >= PROSE_WORDS)
    if sum(words) < MIN_WORDS:
        raise PageError(f"no article text found: {sum(words)} words (a section front or a list of links?)")
    if doc.pagetype != "article" and prose < PROSE_SHARE * len(paragraphs):
        raise PageError(
            f"not an article: {len(paragraphs) - prose} of {len(paragraphs)} paragraphs are lines of a few words"
            " (a section front or a list of links?)"
        )
    published = None
    if doc.date:
        try:
            published = dt.date.fromisoformat(doc.date[:10])
        except ValueError:
            published = None
    author = _clean(doc.author)
    return Page(
        text="\n\n".join(paragraphs) + "\n",
        headline=headline,
        outlet=_clean(doc.sitename) or _clean(doc.hostname),
        published=published,
        byline=author.replace("; ", ", ") if author else None,
        url=_clean(doc.url) or url,
        language=_clean(doc.language) or language,
    )


def _parse(data: bytes) -> Any:
    """The page's HTML tree: decoded as trafilatura decodes it (the charset
    the page declares, else detected), parsed by lxml with no limit on a
    text's size (its default stops at 10 MB, and a big page's article is lost)."""
    from lxml.html import HTMLParser, fromstring
    from trafilatura.utils import decode_file

    parser = HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )
    try:
        return fromstring(decode_file(data).encode("utf-8", "surrogatepass"), parser=parser)
    except Exception:  # (lxml's parse errors have no common class)
        return None


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None


def fetch_page(url: str) -> tuple[bytes, str]:
    """Download ``url`` with trafilatura's downloader (a timeout of
    FETCH_TIMEOUT seconds, at most MAX_PAGE_BYTES) and return the page and
    the URL it came from after redirects; PageError says why it failed."""
    trafilatura = require_extra()
    from trafilatura.downloads import fetch_response

    reasons: list[str] = []

    class Reasons(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            reasons.append(record.getMessage())

    logger = logging.getLogger("trafilatura.downloads")
    handler = Reasons(logging.WARNING)
    logger.addHandler(handler)
    level, logger.propagate = logger.level, False
    logger.setLevel(logging.WARNING)
    try:
        response = fetch_response(url, config=_config(trafilatura))
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    if response is None:
        raise PageError(f"could not be fetched: {_reason(reasons)}")
    if response.status != 200:
        raise PageError(f"could not be fetched: HTTP {response.status}")
    return bytes(response.data), str(response.url or url)


def _reason(messages: list[str]) -> str:
    """The cause in trafilatura's log of a failed download, in a few words."""
    text = " ".join(messages)
    for needle, said in (
        ("exceeds MAX_FILE_SIZE", f"larger than {MAX_PAGE_BYTES // 1_000_000} MB"),
        ("timed out", f"no answer in time ({FETCH_TIMEOUT} s a try)"),
        ("Connection refused", "connection refused"),
        ("Name or service not known", "no such host"),
        ("nodename nor servname", "no such host"),
        ("Failed to resolve", "no such host"),
        ("CERTIFICATE_VERIFY_FAILED", "its certificate does not verify"),
        ("SSL", "a secure connection failed"),
        ("too many redirects", "too many redirects"),
        ("MaxRetryError", "the server did not answer"),
    ):
        if needle.lower() in text.lower():
            return said
    return text.split(": ", 1)[-1][:120] if text else "no answer"
