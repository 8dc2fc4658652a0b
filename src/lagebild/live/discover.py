"""Article links from RSS/Atom feeds (feedparser) and XML sitemaps, news sitemaps and sitemap indexes (lxml)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin, urlsplit

import feedparser
from courlan import normalize_url
from lxml import etree

MAX_LINKS = 50_000
"""At most this many links are read from one feed or sitemap."""

_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@dataclass(frozen=True)
class Link:
    """An article link with what the feed or sitemap says about it."""

    url: str
    title: str | None = None
    published: str | None = None


@dataclass
class Discovered:
    """Links found in one document, and the child sitemaps of a sitemap index."""

    links: list[Link]
    sitemaps: list[str]
    kind: str
    """``feed``, ``sitemap``, ``sitemapindex`` or ``unknown``."""


def canonical_url(url: str, base: str | None = None) -> str | None:
    """The URL resolved against ``base``, normalised (courlan: scheme and host case, default port, tracking
    parameters dropped, query sorted) and without its fragment; None for anything that is not http(s)."""
    try:
        absolute = urljoin(base, url.strip()) if base else url.strip()
        absolute = urldefrag(absolute)[0]
        if urlsplit(absolute).scheme not in ("http", "https") or not urlsplit(absolute).hostname:
            return None
        return normalize_url(absolute, strict=True)
    except ValueError:
        return None


def discover(body: bytes, url: str, kind: str = "auto") -> Discovered:
    """The links of a feed or sitemap at ``url``; ``kind`` forces ``feed`` or ``sitemap``."""
    head = body[:2048].lstrip().lower()
    if kind == "sitemap" or (kind == "auto" and (b"<urlset" in head or b"<sitemapindex" in head)):
        return _sitemap(body, url)
    return _feed(body, url)


def _feed(body: bytes, url: str) -> Discovered:
    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    links: list[Link] = []
    seen: set[str] = set()
    for entry in parsed.entries[:MAX_LINKS]:
        href = entry.get("link") or next(
            (x.get("href") for x in entry.get("links", []) if x.get("href")), None
        )
        canonical = canonical_url(href, url) if isinstance(href, str) else None
        if canonical is None or canonical in seen:
            continue
        seen.add(canonical)
        published = entry.get("published") or entry.get("updated")
        links.append(Link(canonical, _text(entry.get("title")), _text(published)))
    kind = "feed" if parsed.version or parsed.entries else "unknown"
    return Discovered(links, [], kind)


def _sitemap(body: bytes, url: str) -> Discovered:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return Discovered([], [], "unknown")
    if root is None:
        return Discovered([], [], "unknown")
    tag = etree.QName(root).localname
    links: list[Link] = []
    children: list[str] = []
    seen: set[str] = set()
    for node in root:
        if not isinstance(node.tag, str) or len(links) + len(children) >= MAX_LINKS:
            continue
        loc = _child_text(node, "loc")
        canonical = canonical_url(loc, url) if loc else None
        if canonical is None or canonical in seen:
            continue
        seen.add(canonical)
        if tag == "sitemapindex":
            children.append(canonical)
            continue
        news = node.find(f"{_NEWS_NS}news")
        title = published = None
        if news is not None:
            title = _text(news.findtext(f"{_NEWS_NS}title"))
            published = _text(news.findtext(f"{_NEWS_NS}publication_date"))
        links.append(Link(canonical, title, published or _child_text(node, "lastmod")))
    return Discovered(links, children, tag if tag in ("urlset", "sitemapindex") else "unknown")


def _child_text(node: etree._Element, name: str) -> str | None:
    found = node.find(f"{_SITEMAP_NS}{name}")
    if found is None:
        found = node.find(name)
    return _text(found.text if found is not None else None)


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
