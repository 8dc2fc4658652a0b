"""Line classifier: boilerplate reasons by pattern, content lines by shape, the article body by context and by a
learned classifier (``linemodel``) over the hand rules' verdicts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lagebild.clean import patterns as pt
from lagebild.clean.captions import credit_of, has_date_credit, parse_caption
from lagebild.clean.dates import find_date
from lagebild.clean.features import STOP_SHARE_KNOWN, stop_share
from lagebild.clean.inserts import mark_captions, mark_disclaimers, mark_teasers
from lagebild.clean.linemodel import LineModel, shipped_model
from lagebild.clean.profiles import SourceProfiles, line_key
from lagebild.model import Caption, Removed

_WORD = re.compile(r"\w+", re.UNICODE)
_TERMINAL = re.compile(r"[.!?:;…\"“”»«'’)\]。！？」』]\s*$")
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_HEADLINE_SEP = re.compile(r"[:|–—]")

GOOD_MIN_WORDS = 8
GOOD_MIN_STOP = 0.12
MAX_GAP = 3
CLUSTER_KEEP = 0.2
MODEL_MIN_LINES = 20
LEGAL_LINK_MAX_WORDS = 40
AFFILIATE_MAX_WORDS = 60
REPEAT_MIN_WORDS = 5  # a kept line this long is dropped when the same text was kept before


@dataclass
class Line:
    """One input line with its shape features and, once known, its verdict."""

    text: str
    words: int
    stops: int
    terminal: bool
    reason: str | None = None
    good: bool = False
    keep: bool = False
    inferred: bool = False  # the reason comes from the section the line sits in, not from the line itself
    tokens: list[str] = field(default_factory=list)  # lower-cased words

    @property
    def stop_ratio(self) -> float:
        return self.stops / self.words if self.words else 0.0

    @property
    def headline_like(self) -> bool:
        if not 3 <= self.words <= 30 or self.text.rstrip().endswith((".", ",", ";")):
            return False
        return sum(1 for word in _WORD.findall(self.text) if word.isalpha()) >= 3 and not find_date(self.text)


@dataclass
class LineResult:
    """Verdicts for a document's lines."""

    body: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    caption_date: str | None = None
    title: str | None = None
    before_body: list[str] = field(default_factory=list)


def make_line(text: str) -> Line:
    tokens = _WORD.findall(text.lower())
    stops = sum(1 for token in tokens if token in pt.STOPWORDS)
    words = max(len(tokens), len(_CJK_CHAR.findall(text)) // 2)  # CJK writes no spaces: ~2 characters a word
    return Line(text=text, words=words, stops=stops, terminal=bool(_TERMINAL.search(text)), tokens=tokens)


def pattern_reason(line: Line, doc_script: str | None, comment_signatures: bool = True) -> str | None:
    """A boilerplate reason decided by the line alone, or None (``comment_signatures``: comment headings and
    signatures such as "34 responses to ..." or "jane says:" count as comments)."""
    text = line.text
    if line.words == 0:
        return "ui" if len(text) < 40 else "other"
    if doc_script and not (doc_script == "LATIN" and pt.only_latin(text)):
        script = pt.dominant_script(text)
        if script and script != doc_script:
            return "foreign-script"
    lower = text.lower()
    if pt.NOTICE_HEADING.match(lower):
        return "disclaimer"
    if line.words <= 60 and pt.DISCLAIMER.search(lower) and (line.words <= 40 or "source site" in text):
        return "disclaimer"
    if line.words <= LEGAL_LINK_MAX_WORDS and pt.LEGAL_LINK.search(lower):
        return "disclaimer"
    if line.words <= 12 and (
        pt.COMMENTS.search(lower) or comment_signatures and pt.COMMENT_SIGNATURE.match(lower)
    ):
        return "comments"
    if line.words <= 60 and (pt.WIDTH_DATE_TAIL.search(text) or has_date_credit(text)):
        return "caption"
    if line.words <= 12 and (pt.CREDIT_ONLY.search(text) or pt.BYLINE.match(text)):
        return "credit"
    if line.words <= 60 and ("©" in text or pt.CREDIT_IN_LINE.search(text)) and not _quoted(text):
        return "caption"
    if line.words <= AFFILIATE_MAX_WORDS and pt.AFFILIATE.search(lower):
        return "disclaimer"
    if line.words <= 14 and pt.TEASER_MARKER.search(text) or line.words <= 25 and _marked_teaser(text):
        return "teaser"
    if line.words <= 12 and pt.UI.search(lower) or line.words <= 40 and pt.CALL_TO_ACTION.search(lower):
        return "ui"
    if line.words <= 40 and pt.reader_prompt(lower):
        return "ui"
    if line.words <= 8 and pt.APPENDIX_HEADING.match(lower):
        return "teaser"
    return None


def _marked_teaser(text: str) -> bool:
    """A teaser marker with a colon and the linked headline: "Lesen Sie auch: ...", "LE PUEDE INTERESAR: ..."."""
    head, colon, tail = text.partition(":")
    return bool(colon and tail.strip() and len(head) <= 40 and pt.TEASER_MARKER.match(head.strip()))


def _quoted(text: str) -> bool:
    return sum(text.count(q) for q in '"“”„»«') >= 2


def classify_lines(
    texts: list[str],
    *,
    source: str | None = None,
    profiles: SourceProfiles | None = None,
    select_body: bool = True,
    model: LineModel | None = None,
    use_model: bool = True,
    stopwords: bool = True,
) -> LineResult:
    """Split lines into body, removed (with reasons) and captions.

    ``select_body`` finds the article region by context (for raw text): the hand rules propose a region, then the
    learned line classifier (``model``, by default the shipped one; ``use_model=False`` for the hand rules alone)
    decides each line no pattern flagged. Without ``select_body`` every line that no pattern flags is body (for
    text already extracted from HTML).
    """
    result = LineResult()
    lines = hand_lines(texts, source=source, profiles=profiles, select_body=select_body, stopwords=stopwords)
    if not lines:
        return result
    if select_body and use_model:
        _apply_model(lines, model or shipped_model())
    _teasers_in_body(lines)
    mark_disclaimers(lines)
    title = None
    if select_body:
        mark_captions(lines)
        title = _title(lines, next((i for i, line in enumerate(lines) if line.keep), len(lines)))
        mark_teasers(lines, title)
        _drop_title_repeats(lines, title)
        _drop_repeats(lines)
    _collect(lines, result, title)
    return result


def hand_lines(
    texts: list[str],
    *,
    source: str | None = None,
    profiles: SourceProfiles | None = None,
    select_body: bool = True,
    comment_signatures: bool = True,
    stopwords: bool = True,
) -> list[Line]:
    """Lines with the hand rules' verdicts: pattern reasons, good lines, sections and (optionally) the body region.

    ``comment_signatures=False`` gives the verdicts the ``plain`` line model was trained on; ``stopwords=False``
    reads the page as one in a language without known stopwords (as the ``blind`` model learned).
    """
    lines = [make_line(text) for text in texts]
    if not lines:
        return lines
    doc_script = pt.dominant_script(" ".join(texts))
    if not stopwords:
        for line in lines:
            line.stops = 0
    use_stops = stop_share(lines) >= STOP_SHARE_KNOWN  # a language whose stopwords we know
    for line in lines:
        if profiles is not None and profiles.is_repeated(source, line.text):
            line.reason = "outlet-repeat"
        else:
            line.reason = pattern_reason(line, doc_script, comment_signatures)
        line.good = line.reason is None and _is_good(line, use_stops)
    _mark_sections(lines)
    if select_body:
        _select_body(lines)
    else:
        for line in lines:
            line.keep = line.reason is None
    return lines


def _apply_model(lines: list[Line], model: LineModel | None) -> None:
    """Let the learned classifier decide the lines no pattern flagged; flagged lines keep their reason.

    A reason inferred from the section (a line after a comments or teaser heading) is the classifier's to overrule.

    It learned from whole-page scrapes: a short document (fewer than ``MODEL_MIN_LINES`` lines) is left to the hand
    rules, and so is a page where the classifier would keep nothing.
    """
    if model is None or len(lines) < MODEL_MIN_LINES:
        return
    proba, threshold = model.page_proba(lines)
    keep = [
        (line.reason is None or line.inferred) and bool(p >= threshold)
        for line, p in zip(lines, proba, strict=True)
    ]
    if any(keep):
        for line, verdict in zip(lines, keep, strict=True):
            line.keep = verdict
            if verdict:
                line.reason = None


def _is_good(line: Line, use_stops: bool) -> bool:
    if line.words < GOOD_MIN_WORDS:
        return False
    if use_stops and line.stop_ratio < GOOD_MIN_STOP:
        return False
    return line.terminal or line.words >= 15


def _mark_sections(lines: list[Line]) -> None:
    """After a comments heading (past the body's start) every line is a comment; after a teaser heading the
    following short lines are teasers."""
    seen_good = 0
    in_comments = False
    in_teasers = False
    for line in lines:
        if in_comments:
            if line.reason is None:
                line.reason, line.inferred = "comments", True
            line.good = False
            continue
        if line.reason == "comments" and seen_good >= 2:
            in_comments = True
            continue
        if line.reason == "teaser":
            in_teasers = True
            continue
        if in_teasers:
            if line.good:
                in_teasers = False
            elif line.reason is None:
                line.reason, line.inferred = "teaser", True
        seen_good += line.good


def _select_body(lines: list[Line]) -> None:
    """Keep the strongest cluster(s) of good lines with the unflagged lines between them."""
    clusters: list[tuple[int, int, int]] = []  # (start, end inclusive, good chars)
    start = end = -1
    score = gap = 0
    for i, line in enumerate(lines):
        if line.good:
            if start < 0:
                start, score = i, 0
            end, gap = i, 0
            score += len(line.text)
        elif start >= 0 and line.reason is None:
            gap += 1
            if gap > MAX_GAP:
                clusters.append((start, end, score))
                start, gap = -1, 0
    if start >= 0:
        clusters.append((start, end, score))
    if not clusters:
        return
    best = max(score for _, _, score in clusters)
    for start, end, score in clusters:
        if score < CLUSTER_KEEP * best:
            continue
        for line in lines[start : end + 1]:
            line.keep = line.reason is None


def _teasers_in_body(lines: list[Line]) -> None:
    """A kicker-style headline ("Thema: Schlagzeile") spliced between two body paragraphs is a teaser."""
    for i in range(1, len(lines) - 1):
        line = lines[i]
        if not line.keep or line.good or not (4 <= line.words <= 20) or line.terminal:
            continue
        before, after = lines[i - 1], lines[i + 1]
        if before.good and after.good and not before.text.endswith(":") and _HEADLINE_SEP.search(line.text):
            line.keep = False
            line.reason = "teaser"


def _drop_repeats(lines: list[Line]) -> None:
    """A paragraph kept a second time (a page that carries its article twice) is a repeat, not more body."""
    kept: set[str] = set()
    for line in lines:
        if not line.keep or line.words < REPEAT_MIN_WORDS:
            continue
        if line.text in kept:
            line.keep = False
            line.reason = "other"
        kept.add(line.text)


def _drop_title_repeats(lines: list[Line], title: str | None) -> None:
    """A kept line repeating the headline (a gallery's or a print view's copy of it) is not body."""
    if not title:
        return
    key = line_key(title)
    for line in lines:
        if line.keep and line_key(line.text) == key:
            line.keep = False


def _collect(lines: list[Line], result: LineResult, title: str | None) -> None:
    first_kept = next((i for i, line in enumerate(lines) if line.keep), len(lines))
    result.before_body = [line.text for line in lines[:first_kept]]
    result.title = title
    for line in lines:
        if line.keep:
            result.body.append(line.text)
            continue
        if line.text == result.title:
            continue
        reason = line.reason or "other"
        result.removed.append(Removed(text=line.text, reason=reason))
        if reason == "caption":
            _add_caption(line.text, result)
        elif reason == "credit" and result.captions and result.captions[-1].credit is None:
            result.captions[-1].credit = credit_of(line.text)


def _title(lines: list[Line], first_kept: int) -> str | None:
    """The headline: the nearest headline-like line before the body, else the first line."""
    for line in reversed(lines[max(0, first_kept - 8) : first_kept]):
        if line.reason is None and line.headline_like:
            return line.text
    first = lines[0]
    if first.reason is None and first.headline_like and not first.keep:
        return first.text
    return None


def _add_caption(text: str, result: LineResult) -> None:
    """Add a caption line's text, credit and date; a credit-only tail completes the previous caption."""
    caption, credit, date = parse_caption(text)
    if date and result.caption_date is None:
        result.caption_date = date
    if not caption and result.captions:
        if result.captions[-1].credit is None:
            result.captions[-1].credit = credit
        return
    result.captions.append(Caption(text=caption or text, credit=credit))
