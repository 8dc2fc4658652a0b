"""Boilerplate spliced into the article body, found by content once the body is known.

- Disclaimers: legal and financial notices, terms of use, risk notices (``disclaimer`` model). A line scoring at
  least the model's threshold anywhere, and the lines next to one or closing the body at the block threshold.
- Teasers: headlines of other articles between the paragraphs: a headline-shaped line whose content words the rest
  of the document does not use (a topic shift; its names are not in the article), where a subheading shares them.
- Captions: a line followed by a photo credit ("Foto: dpa", "Quelle: ...") with more article after it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lagebild.clean import patterns as pt
from lagebild.clean.disclaimer import (
    MAX_WORDS,
    MIN_WORDS,
    DisclaimerModel,
    notice_families,
    shipped_disclaimer_model,
)
from lagebild.clean.profiles import line_key

if TYPE_CHECKING:
    from lagebild.clean.lines import Line

TEASER_MAX_WORDS = 20
TEASER_MIN_CONTENT = 2  # content words a headline needs before its overlap is judged
TEASER_OVERLAP = (
    0.34  # below this share of its content words found elsewhere in the document, a headline is a teaser
)
CONTENT_MIN_LEN = 4
STEM = 5  # words sharing their first letters (inflection, compounds) count as the same word
CAPTION_MAX_WORDS = 40
PARAGRAPH_MIN_WORDS = 8
SHORT_MAX_WORDS = 5  # a kept line this short without a word of the article is page furniture
_ENDS_SENTENCE = re.compile(r"[.;,][\"“”»«')\]]*\s*$")
# "Dr. Martin Schulte, Berlin": a letter's signature or a byline with its place, not a headline
_SIGNATURE = re.compile(r"^[^,]{3,60}, [A-ZÄÖÜ][\w.()/ -]{1,40}$")


def mark_disclaimers(lines: list[Line], model: DisclaimerModel | None = None) -> None:
    """Give lines the model recognises the reason ``disclaimer`` (and drop them from the body).

    A line at ``model.threshold`` is one wherever it stands; at ``model.block_threshold`` a line next to a
    disclaimer or closing the body is one too (a notice's second paragraph, a legal notice after the article).
    """
    model = model or shipped_disclaimer_model()
    if model is None:
        return
    scores = [
        model.score(line.tokens, line.text.lower())
        if line.reason is None and MIN_WORDS <= line.words <= MAX_WORDS
        else 0.0
        for line in lines
    ]
    for i, score in enumerate(scores):  # below the threshold only a line naming two things notices talk about
        if model.block_threshold <= score < model.threshold and notice_families(lines[i].text.lower()) < 2:
            scores[i] = 0.0
    marked = [score >= model.threshold for score in scores]
    kept = [i for i, line in enumerate(lines) if line.keep]
    for i in reversed(kept):  # the body's closing lines
        if scores[i] < model.block_threshold:
            break
        marked[i] = True
    changed = True
    while changed:  # grow each block over its neighbours
        changed = False
        for i, score in enumerate(scores):
            if not marked[i] and score >= model.block_threshold and _next_to_marked(marked, lines, i):
                marked[i] = changed = True
    for line, mark in zip(lines, marked, strict=True):
        if mark:
            line.reason, line.keep = "disclaimer", False


def _next_to_marked(marked: list[bool], lines: list[Line], i: int) -> bool:
    """Whether the nearest line with words before or after ``i`` is marked."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and lines[j].words == 0:
            j += step
        if 0 <= j < len(lines) and marked[j]:
            return True
    return False


def content_words(line: Line) -> list[str]:
    """The line's words that carry its topic: at least ``CONTENT_MIN_LEN`` letters, not stopwords, not numbers."""
    return [t for t in line.tokens if len(t) >= CONTENT_MIN_LEN and t not in pt.STOPWORDS and not t.isdigit()]


def mark_teasers(lines: list[Line], title: str | None = None) -> None:
    """Give headline-shaped lines about something else than the document the reason ``teaser``, and drop short kept
    lines that share no word with it (page furniture such as a gallery button, a bare date or a byline: ``other``)."""
    title_key = line_key(title) if title else None
    stems: dict[str, int] = {}
    for line in lines:
        for stem in {t[:STEM] for t in content_words(line)}:
            stems[stem] = stems.get(stem, 0) + 1
    for i, line in enumerate(lines):
        if line.reason is not None or (title_key is not None and line_key(line.text) == title_key):
            continue
        words = content_words(line)
        shared = sum(1 for t in words if stems[t[:STEM]] > 1)  # the line itself counts once
        if _headline_shaped(line) and len(words) >= TEASER_MIN_CONTENT and _paragraph_follows(lines, i):
            if shared / len(words) < TEASER_OVERLAP:
                line.reason, line.keep = "teaser", False
        elif line.keep and line.words <= SHORT_MAX_WORDS and not line.terminal and not shared:
            line.reason, line.keep = "other", False


def _paragraph_follows(lines: list[Line], i: int) -> bool:
    """Whether the next line with words that no rule flagged is paragraph-long (a teaser sits between paragraphs; a
    subheading right before a cut-off text has nothing to be compared with)."""
    for line in lines[i + 1 :]:
        if line.words and line.reason is None:
            return line.words >= PARAGRAPH_MIN_WORDS
    return False


def _headline_shaped(line: Line) -> bool:
    """A short line that starts like a headline and does not end like a sentence inside a paragraph."""
    return (
        3 <= line.words <= TEASER_MAX_WORDS
        and not line.text[:1].islower()
        and not _ENDS_SENTENCE.search(line.text)
        and not (line.words <= 8 and _SIGNATURE.match(line.text))
        and line.stops <= line.words // 2
    )


def mark_captions(lines: list[Line]) -> None:
    """A kept line followed by a photo credit, with article text after the credit, is a caption."""
    for i in range(len(lines) - 2):
        line, credit = lines[i], lines[i + 1]
        if not line.keep or credit.reason != "credit" or line.words > CAPTION_MAX_WORDS:
            continue
        if not pt.CREDIT_ONLY.search(credit.text):  # a byline, not a photo credit
            continue
        if any(later.keep for later in lines[i + 2 :]):
            line.reason, line.keep = "caption", False
