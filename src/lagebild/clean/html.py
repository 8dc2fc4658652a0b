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
from lagebild.language.sentences import split_sentences

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
    lead: str | None = None  # the page's lead paragraph, put back where the extraction missed it


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


def parser_problem() -> str | None:
    """The last serious complaint of the HTML parser about the page parsed last in this process (a resource
    limit such as nesting deeper than 256 levels), or None."""
    for entry in reversed(_parser().error_log):
        if entry.level == etree.ErrorLevels.FATAL or entry.type_name == "ERR_RESOURCE_LIMIT":
            return entry.message.strip()
    return None


# Elements whose content the parser reads as raw text up to their end tag: one left open turns the rest of the
# page, scripts included, into text.
_RAW_TEXT_OPEN = re.compile(rb"<(iframe|noembed|noframes|xmp)\b[^>]*>", re.I)


def _clean_bytes(html: str) -> bytes:
    """UTF-8 bytes of a page without the characters XML cannot hold (controls, surrogates, U+FFFE/U+FFFF) and
    without the start tags of raw-text elements that are never closed."""
    data = html.encode("utf-8", "ignore").translate(None, _CONTROL_BYTES)  # "ignore" drops lone surrogates
    data = data.replace(b"\xef\xbf\xbe", b"").replace(b"\xef\xbf\xbf", b"")
    data = _close_raw_text(data)
    return data if data.strip() and html.strip() else b"<html/>"


def _close_raw_text(data: bytes) -> bytes:
    """The page without the start tags of raw-text elements (iframe, noembed, noframes, xmp) that have no end tag,
    so that what follows them is parsed as markup instead of becoming text."""
    lower = data.lower()
    for name in {match.group(1).lower() for match in _RAW_TEXT_OPEN.finditer(data)}:
        if b"</" + name not in lower:
            data = re.sub(rb"<" + name + rb"\b[^>]*>", b"", data, flags=re.I)
            lower = data.lower()
    return data


def visible_lines(html: str) -> list[str]:
    """Every visible text line of a page in document order, one line per block element (a naive scrape)."""
    tree = parse(html)
    if tree is None:
        return [line for line in (raw.strip() for raw in html.splitlines()) if line]
    if parser_problem():  # the parser gave up part of the page (nesting beyond its depth limit)
        return tag_free_lines(html)
    return tree_lines(tree)


_MARKUP = re.compile(r"<!--.*?(?:-->|\Z)|<(/?)([A-Za-z][\w:-]*)[^>]*>?", re.S)


def tag_free_lines(html: str) -> list[str]:
    """The text lines of a page read without a parser, in one linear pass: tags become line breaks at block
    elements, script, style and other invisible blocks and comments are dropped. For pages the parser cannot hold
    (nesting deeper than its limit)."""
    parts: list[str] = []
    position, hidden = 0, None
    for match in _MARKUP.finditer(html):
        if hidden is None:
            parts.append(html[position : match.start()])
        closing, name = match[1], (match[2] or "").lower()
        if hidden is None and name in _INVISIBLE and not closing:
            hidden = name
        elif hidden is not None and closing and name == hidden:
            hidden = None
        if name in _BLOCK or name == "br":
            parts.append("\n")
        position = match.end()
    if hidden is None:
        parts.append(html[position:])
    text = _CONTROL.sub("", html_lib.unescape("".join(parts)))
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return [line for line in lines if line]


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


def meta_tags(tree: etree._Element) -> dict[str, str]:
    """The page's ``<meta>`` values by lower-cased property/name/itemprop (the first of each)."""
    meta: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").lower()
        value = element.get("content")
        if key and value and key not in meta:
            meta[key] = value.strip()
    return meta


def page_metadata(tree: etree._Element, meta: dict[str, str] | None = None) -> tuple[str | None, str | None]:
    """Title and publication date from meta tags, JSON-LD and ``<time>`` elements."""
    meta = meta_tags(tree) if meta is None else meta
    date = next((d for d in (_iso(meta.get(k)) for k in _DATE_META) if d), None)
    title = next((meta[k] for k in _TITLE_META if meta.get(k)), None)
    ld = _json_ld(tree) if date is None or title is None else ""
    if date is None and (match := _LD_DATE.search(ld)):
        date = _iso(match[1])
    if date is None:
        date = next((d for d in (_iso(el.get("datetime")) for el in tree.iter("time")) if d), None)
    if title is None and (match := _LD_TITLE.search(ld)):
        title = match[1]
    if title is None:
        h1 = next(tree.iter("h1"), None)
        title = _SPACE.sub(" ", h1.text_content()).strip() if h1 is not None else None
    if title is None:
        node = next(tree.iter("title"), None)
        title = (node.text or "").strip() if node is not None else None
    return (html_lib.unescape(title) if title else None), date


def _json_ld(tree: etree._Element) -> str:
    """The text of the page's JSON-LD scripts, joined."""
    return " ".join(el.text or "" for el in tree.iter("script") if (el.get("type") or "").endswith("ld+json"))


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    match = re.match(r"\s*((?:19|20)\d{2})-(\d{2})-(\d{2})", value)
    if match:
        return find_date(match[0].strip())
    return find_date(value)


_DESCRIPTION_META = ("og:description", "description", "twitter:description")
LEAD_MIN_WORDS = 8
LEAD_MAX_WORDS = 100
LEAD_MIN_SENTENCES = 2
_LEAD_TAGS = frozenset(["p", "div", "span", "section", "strong", "em", "b", "i"])
LEAD_PROBE_CHARS = 24
_TEXT_WITH = etree.XPath("/html/body/descendant::text()[contains(., $p)]")
_NO_TEXT_TAGS = frozenset(["script", "style", "noscript", "template", "textarea"])
_NO_LEAD_ANCESTORS = (
    "ancestor::*[self::a or self::nav or self::footer or self::aside or self::form or self::li]"
)
_ENTITY_PRONE = re.compile(r"[&<>\"'\u00a0]")
_BODY_TAG = re.compile(r"<body", re.IGNORECASE)
_ELLIPSIS = re.compile(r"\s*(\.\.\.|…|\[…\]|\[\.\.\.\])\s*$")


def _in_page_body(html: str, description: str) -> bool:
    """A quick look at the raw page: may the description's start appear after ``<body``? (False only when it
    surely does not; text with characters HTML may write as entities is left to the tree search.)"""
    probe = _ENTITY_PRONE.split(description[:40], maxsplit=1)[0]
    if len(probe) < 12:
        return True
    body = _BODY_TAG.search(html)
    return html.find(probe, body.start() if body else 0) >= 0


def lead_paragraph(
    tree: etree._Element, meta: dict[str, str], main_text: str, html: str | None = None
) -> str | None:
    """The page element whose text holds the meta description verbatim, when the main text lacks it.

    Sites write the article's lead (teaser) paragraph into ``og:description``; extractors often drop it because it
    sits above the body, in its own ``<div>``. It is put back only when the whole description (at least
    ``LEAD_MIN_WORDS`` words) is visible in one element (no heading) that is not in a link, list item, navigation,
    footer, aside or form, and the element holds at most ``LEAD_MAX_WORDS`` words in ``LEAD_MIN_SENTENCES`` or more
    sentences. ``html`` (the raw page) lets a quick string search skip pages without the description's text.
    """
    description = next((meta[k] for k in _DESCRIPTION_META if meta.get(k)), None)
    if not description:
        return None
    description = " ".join(_ELLIPSIS.sub("", html_lib.unescape(description)).split())
    if len(description.split()) < LEAD_MIN_WORDS:
        return None
    probe = description[:LEAD_PROBE_CHARS]
    if probe in main_text or html is not None and not _in_page_body(html, description):
        return None
    element = _element_holding(tree, description, probe)
    if element is None or element.tag not in _LEAD_TAGS or element.xpath(_NO_LEAD_ANCESTORS):
        return None
    lead = " ".join(_SPACE.sub(" ", element.text_content()).split())
    if len(lead.split()) > LEAD_MAX_WORDS or len(split_sentences(lead)) < LEAD_MIN_SENTENCES:
        return None  # a subtitle (one line under the headline) is not a lead paragraph
    if lead[:LEAD_PROBE_CHARS] in main_text:
        return None
    return lead


def _element_holding(tree: etree._Element, description: str, probe: str) -> etree._Element | None:
    """The innermost element (up to three levels above the first text node holding ``probe``) whose text holds
    the whole description; None when no such element."""
    try:
        hits = _TEXT_WITH(tree, p=probe)
    except (etree.XPathError, ValueError):
        return None
    for hit in hits:
        node = hit.getparent()
        if node is not None and hit.is_tail:
            node = node.getparent()
        for _ in range(3):
            if node is None or not isinstance(node.tag, str) or node.tag in _NO_TEXT_TAGS:
                break
            if description in " ".join(node.text_content().split()):
                return node
            node = node.getparent()
    return None


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
    except ImportError:
        raise  # a broken install (trafilatura or lxml's html-clean missing) is no odd page
    except Exception:  # noqa: BLE001 - trafilatura on arbitrary input: the visible lines take over
        doc = None
    return (getattr(doc, "text", None) or "") if doc is not None else ""


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """Main text lines (trafilatura), visible lines, title and date (meta tags/JSON-LD) of a page; empty on failure."""
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    tree = parse(html)
    if tree is None:
        return HtmlExtract()
    problem = parser_problem()
    meta = meta_tags(tree)
    title, date = page_metadata(tree, meta)
    text = _main_text(tree, url)
    lines = [line for line in (_SPACE.sub(" ", line).strip() for line in text.split("\n")) if line]
    lead = lead_paragraph(tree, meta, text, html) if lines else None
    if lead:
        at = 1 if title and lines[0].casefold() == " ".join(title.split()).casefold() else 0
        lines.insert(at, lead)
    visible: list[str] = []
    if not lines:  # the caller falls back to the visible lines (trafilatura worked on a copy of the tree)
        try:
            visible = tag_free_lines(html) if problem else tree_lines(tree)
        except ValueError:
            visible = []
    return HtmlExtract(lines=lines, visible=visible, title=title, date=date, lead=lead)
