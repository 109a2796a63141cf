"""Safe HTML by construction: every text is escaped unless it is
:class:`Markup`, which only :func:`el`, :func:`escape` and :func:`raw` (for
the package's own CSS and scripts) make. A link goes only to an anchor of the
page or to an http(s) address, so an article's ``javascript:`` URL is text."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

# Elements with no end tag.
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link"})


class Markup(str):
    """HTML that is safe to write as it is."""

    __slots__ = ()


Child = str | None | Iterable[Any]  # text (escaped), Markup (as it is), nothing, or a list of them


def escape(text: object) -> Markup:
    """``text`` as HTML text: &, <, >, " and ' escaped."""
    if isinstance(text, Markup):
        return text
    return Markup(html.escape(str(text), quote=True))


def raw(text: str) -> Markup:
    """The package's own HTML, CSS or script, written as it is (never article data)."""
    return Markup(text)


def safe_href(url: str | None) -> str | None:
    """``url`` when a link may go there (an anchor of the page, an http(s)
    address), else None."""
    if not url:
        return None
    stripped = url.strip()
    if stripped.startswith("#") or stripped.lower().startswith(("http://", "https://")):
        return stripped
    return None


def el(tag: str, attrs: dict[str, object] | None = None, *children: Child) -> Markup:
    """The element ``tag`` with ``attrs`` (a value None or False leaves the
    attribute out, True writes it bare; an ``href`` that :func:`safe_href`
    refuses leaves it out) and ``children`` (strings escaped, Markup as it is,
    None skipped, lists flattened)."""
    parts = [f"<{tag}"]
    for name, value in (attrs or {}).items():
        if name == "href":
            value = safe_href(str(value)) if value else None
        if value is None or value is False:
            continue
        parts.append(f" {name}" if value is True else f' {name}="{escape(value)}"')
    parts.append(">")
    if tag in _VOID:
        return Markup("".join(parts))
    parts.append(_children(children))
    parts.append(f"</{tag}>")
    return Markup("".join(parts))


def _children(children: Iterable[Child]) -> str:
    out: list[str] = []
    for child in children:
        if child is None:
            continue
        if isinstance(child, str):
            out.append(escape(child))
        else:
            out.append(_children(child))
    return "".join(out)


def join(items: Iterable[Child], separator: str = "") -> Markup:
    """``items`` as one piece of HTML, apart by ``separator`` (text, escaped)."""
    return Markup(escape(separator).join(_children([item]) for item in items))
