"""HTML input: main content via trafilatura, metadata from meta tags/JSON-LD, visible lines via lxml."""

from __future__ import annotations

import functools
import html as html_lib
import logging
import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from lagebild.clean import fallback_gate
from lagebild.clean.dates import find_date

_INVISIBLE = (
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "svg",
    "iframe",
    "object",
    "canvas",
    "button",
)
_BLOCK_TAGS = (
    "address article aside blockquote body br dd details dialog div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol option p pre section summary table tbody td tfoot th thead tr ul "
    "select label caption legend"
)
_BLOCK = frozenset(_BLOCK_TAGS.split())
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


@dataclass
class HtmlExtract:
    """What the HTML path yields before line cleaning."""

    lines: list[str] = field(default_factory=list)
    visible: list[str] = field(default_factory=list)  # only when the extraction is empty
    title: str | None = None
    date: str | None = None


@functools.cache
def _parser() -> lxml.html.HTMLParser:
    return lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)


def parse(html: str) -> etree._Element | None:
    """Parse HTML leniently; None when nothing parses."""
    try:
        return lxml.html.document_fromstring(_clean_bytes(html), parser=_parser())
    except (etree.ParserError, ValueError):
        return None


_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def _clean_bytes(html: str) -> bytes:
    """UTF-8 bytes of a page without the characters XML cannot hold (controls, surrogates, U+FFFE/U+FFFF)."""
    data = html.encode("utf-8", "ignore").translate(None, _CONTROL_BYTES)  # "ignore" drops lone surrogates
    data = data.replace(b"\xef\xbf\xbe", b"").replace(b"\xef\xbf\xbf", b"")
    return data if data.strip() and html.strip() else b"<html/>"


def visible_lines(html: str) -> list[str]:
    """Every visible text line of a page in document order, one line per block element (a naive scrape)."""
    tree = parse(html)
    if tree is None:
        return [line for line in (raw.strip() for raw in html.splitlines()) if line]
    return tree_lines(tree)


def tree_lines(tree: etree._Element) -> list[str]:
    """The visible text lines of a parsed page; the tree is modified (invisible elements removed)."""
    for element in tree.iter(etree.Comment, etree.ProcessingInstruction):
        element.text = ""
    for element in list(tree.iter(*_INVISIBLE)):
        parent = element.getparent()
        if parent is not None:
            previous, tail = element.getprevious(), element.tail
            parent.remove(element)
            if tail:
                _append_text(parent, previous, tail)
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCK:
            _set_text(element, "text", "\n" + (element.text or ""))
            _set_text(element, "tail", "\n" + (element.tail or ""))
    text = etree.tostring(tree, method="text", encoding="unicode") or ""
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return [line for line in lines if line]


def _set_text(element: etree._Element, attribute: str, value: str) -> None:
    """Set ``text`` or ``tail``; control characters from character references (``&#1;``) are dropped."""
    try:
        setattr(element, attribute, value)
    except ValueError:
        setattr(element, attribute, _CONTROL.sub("", value))


def _append_text(parent: etree._Element, previous: etree._Element | None, tail: str) -> None:
    """Keep the tail text of a removed element (lxml drops it with the element) after its previous sibling."""
    if previous is not None:
        _set_text(previous, "tail", (previous.tail or "") + tail)
    else:
        _set_text(parent, "text", (parent.text or "") + tail)


_DATE_META = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished", "date",
    "pubdate", "publishdate", "publish-date", "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date",
    "parsely-pub-date", "cxenseparse:recs:publishtime", "article.published", "published_time",
)  # fmt: skip
_TITLE_META = ("og:title", "twitter:title", "dc.title", "title")
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_LD_TITLE = re.compile(r'"headline"\s*:\s*"((?:[^"\\]|\\.){3,300})"')


def page_metadata(tree: etree._Element) -> tuple[str | None, str | None]:
    """Title and publication date from meta tags, JSON-LD and ``<time>`` elements."""
    meta: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").lower()
        value = element.get("content")
        if key and value and key not in meta:
            meta[key] = value.strip()
    ld = " ".join(el.text or "" for el in tree.iter("script") if (el.get("type") or "").endswith("ld+json"))
    date = next((d for d in (_iso(meta.get(k)) for k in _DATE_META) if d), None)
    if date is None and (match := _LD_DATE.search(ld)):
        date = _iso(match[1])
    if date is None:
        date = next((d for d in (_iso(el.get("datetime")) for el in tree.iter("time")) if d), None)
    title = next((meta[k] for k in _TITLE_META if meta.get(k)), None)
    if title is None and (match := _LD_TITLE.search(ld)):
        title = match[1]
    if title is None:
        h1 = next(tree.iter("h1"), None)
        title = _SPACE.sub(" ", h1.text_content()).strip() if h1 is not None else None
    if title is None:
        node = next(tree.iter("title"), None)
        title = (node.text or "").strip() if node is not None else None
    return (html_lib.unescape(title) if title else None), date


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    match = re.match(r"\s*((?:19|20)\d{2})-(\d{2})-(\d{2})", value)
    if match:
        return find_date(match[0].strip())
    return find_date(value)


def _main_text(tree: etree._Element, url: str | None) -> str:
    """trafilatura's main text of a parsed page; its fallback comparison runs only where the extraction is not
    clearly an article (``fallback_gate``)."""
    import trafilatura

    try:
        with fallback_gate.gated():
            doc = trafilatura.bare_extraction(
                tree,
                url=url,
                with_metadata=False,
                include_comments=False,
                include_tables=True,
                deduplicate=False,
            )
    except Exception:  # noqa: BLE001 - third-party parser on arbitrary input must not break the stage
        doc = None
    return (getattr(doc, "text", None) or "") if doc is not None else ""


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """Main text lines (trafilatura), visible lines, title and date (meta tags/JSON-LD) of a page; empty on failure."""
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    tree = parse(html)
    if tree is None:
        return HtmlExtract()
    title, date = page_metadata(tree)
    text = _main_text(tree, url)
    lines = [line for line in (_SPACE.sub(" ", line).strip() for line in text.split("\n")) if line]
    visible: list[str] = []
    if not lines:  # the caller falls back to the visible lines (trafilatura worked on a copy of the tree)
        try:
            visible = tree_lines(tree)
        except ValueError:
            visible = []
    return HtmlExtract(lines=lines, visible=visible, title=title, date=date)
