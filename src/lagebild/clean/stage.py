"""The clean stage: raw text or HTML to title, dateline, body, publication date, removed lines and captions."""

from __future__ import annotations

import re

from lagebild.clean.dates import date_from_url, find_date
from lagebild.clean.html import extract_html, parser_problem, visible_lines
from lagebild.clean.linemodel import LineModel
from lagebild.clean.lines import LineResult, classify_lines
from lagebild.clean.profiles import SourceProfiles, line_key
from lagebild.model import Article, Dateline

# "MOSKAU (Reuters) -", "Berlin, 30. Dezember (dpa) -", "KIEW/BERLIN (dpa-AFX) -", "WASHINGTON (AP) —"
_DATELINE = re.compile(
    r"^(?P<place>[A-ZÄÖÜ][\wÄÖÜäöüß.'/ -]{1,40}?)\s*(?:,\s*(?P<date>[^()\n]{3,30}?))?\s*"
    r"\((?P<agency>[^()\n]{2,30})\)\s*[-–—:]\s"
)
_TEXT_DATE_LINES = 12


def source_key(article: Article) -> str | None:
    """The key profiles are kept under: the source's domain, else its name."""
    return article.source.domain or article.source.name or None


def lines_for_profile(article: Article) -> list[str]:
    """The lines of a raw document to observe in a source profile (visible lines for HTML)."""
    raw = article.raw
    if raw is None or not raw.content:
        return []
    if raw.kind == "html":
        return visible_lines(raw.content)
    return _text_lines(raw.content)


def _text_lines(content: str) -> list[str]:
    return [line for line in (" ".join(part.split()) for part in content.splitlines()) if line]


def parse_dateline(paragraph: str) -> tuple[Dateline | None, str | None]:
    """Place and agency of a wire-story dateline at the start of the first paragraph, and its date."""
    match = _DATELINE.match(paragraph)
    if not match:
        return None, None
    place = match["place"].strip(" -")
    if len(place.split()) > 4:
        return None, None
    date = find_date(match["date"]) if match["date"] else None
    return Dateline(place=place, agency=match["agency"].strip()), date


def clean_article(
    article: Article, profiles: SourceProfiles | None = None, *, line_model: LineModel | None = None
) -> Article:
    """Fill title, dateline, text, published(+from), removed and captions from ``article.raw``.

    ``line_model`` replaces the shipped line classifier (for evaluation with models trained on other documents).
    """
    raw = article.raw
    if raw is None or not raw.content or not raw.content.strip():
        article.published = article.published or (raw.published if raw else None)
        article.published_from = article.published_from or ("given" if article.published else None)
        return article
    source = source_key(article)
    meta_title = meta_date = None
    if raw.kind == "html":
        extract = extract_html(raw.content, article.source.url)
        result = classify_lines(extract.lines, source=source, profiles=profiles, select_body=False)
        meta_title, meta_date = extract.title, extract.date
        if not result.body:  # extraction found nothing: fall back to the page's visible lines
            visible = extract.visible or visible_lines(raw.content)
            result = classify_lines(visible, source=source, profiles=profiles, model=line_model)
    else:
        result = classify_lines(_text_lines(raw.content), source=source, profiles=profiles, model=line_model)
    if not result.body:
        _keep_unexplained(result)
    article.title = meta_title or result.title or article.title
    if result.body and article.title and line_key(result.body[0]) == line_key(article.title):
        result.body.pop(0)  # the headline repeated as the first line of the extracted text
    article.text = "\n\n".join(result.body)
    article.removed = result.removed
    article.captions = result.captions
    dateline, dateline_date = parse_dateline(result.body[0]) if result.body else (None, None)
    article.dateline = dateline
    text_date = find_date("\n".join(result.before_body[-_TEXT_DATE_LINES:] + result.body[:3]))
    candidates = (
        ("given", raw.published),
        ("meta", meta_date),
        ("url", date_from_url(article.source.url)),
        ("caption", result.caption_date),
        ("dateline", dateline_date),
        ("text", text_date),
    )
    article.published, article.published_from = next(((d, f) for f, d in candidates if d), (None, None))
    return article


def _keep_unexplained(result: LineResult) -> None:
    """When body selection kept nothing, keep the lines no boilerplate rule explained (reason ``other``).

    A short document (a fixture list, a one-paragraph notice) has no body-like block to select, but it is still the
    document's content; removing every line would lose it.
    """
    kept = [r for r in result.removed if r.reason == "other"]
    if not kept:
        return
    result.body = [r.text for r in kept]
    result.removed = [r for r in result.removed if r.reason != "other"]


class NoArticleText(ValueError):
    """A non-empty document gave no article text."""


class CleanStage:
    """Picklable pipeline stage: ``stage(article) -> article`` with optional per-source profiles.

    A document with content that gives no article text fails the stage with the reason (for HTML, the parser's
    complaint, such as nesting beyond its depth limit).
    """

    name = "clean"
    requires = ("raw", "source")
    assigns = ("title", "dateline", "text", "published", "published_from", "removed", "captions")
    resources = ("line model", "source profiles")

    def __init__(self, profiles: SourceProfiles | None = None) -> None:
        self.profiles = profiles

    def __call__(self, article: Article) -> Article:
        raw = article.raw
        article = clean_article(article, self.profiles)
        if raw is not None and raw.content.strip() and not article.text.strip():
            raise NoArticleText(_no_text_reason(raw.kind, raw.content, article.removed))
        return article


def _no_text_reason(kind: str, content: str, removed: list) -> str:
    reason = f"no article text in {len(content):,} characters of {kind}"
    if removed:
        reason += f" ({len(removed)} lines removed as boilerplate)"
    if kind == "html":
        problem = parser_problem()
        if problem:
            reason += f"; the HTML parser reports: {problem}"
    return reason
