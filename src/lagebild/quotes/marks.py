"""Direct quotations delimited by quotation marks, in every German and English style.

Handles „…“ „…” “…” ”…” »…« «…» "…" ‚…‘ ‘…’ and quotations that run over a paragraph break (the German and English
convention reopens the quotation at the start of each new paragraph and closes it only at its end).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from lagebild.language.sentences import paragraph_bounds

CLOSERS: dict[str, str] = {
    "„": '“”"',
    "“": "”",
    "”": "”",
    "»": "«",
    "«": "»",
    '"': '"',
    "‚": "‘’",
    "‘": "’",
    "‹": "›",
    "›": "‹",
}
_ALWAYS_OPEN = {"„", "‚"}
_SINGLE = {"‚", "‘", "‹", "›"}
MARKS = frozenset('„“”»«"‚‘’‹›')
_OPEN_BEFORE = set(" \t\n([{—–-/:") | {""}


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """A quotation: ``[start, end)`` is its content (marks excluded); ``outer_*`` include the marks."""

    start: int
    end: int
    outer_start: int
    outer_end: int


def _is_opener(text: str, i: int) -> bool:
    char = text[i]
    if char not in CLOSERS:
        return False
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if after == "" or (after.isspace() and char not in "«»"):
        return False
    if char in _ALWAYS_OPEN:
        return before in _OPEN_BEFORE or not before.isalnum()
    return before in _OPEN_BEFORE or before in MARKS


def _is_closer(text: str, i: int, opener: str) -> bool:
    char = text[i]
    if char not in CLOSERS.get(opener, ""):
        return False
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if opener in _SINGLE and after.isalnum():  # apostrophe inside a word: geht’s
        return False
    return not before.isspace() or opener in "«»" or not after.isalnum()


def find_marked(text: str) -> list[MarkedSpan]:
    """All top-level quotations in ``text``; unbalanced marks are skipped."""
    paragraphs = paragraph_bounds(text)
    para_starts = [p[0] for p in paragraphs]
    positions = [i for i, c in enumerate(text) if c in MARKS]
    spans: list[MarkedSpan] = []
    k = 0
    while k < len(positions):
        i = positions[k]
        if not _is_opener(text, i):
            k += 1
            continue
        opener = text[i]
        para = bisect.bisect_right(para_starts, i) - 1
        close = _find_close(text, positions, k + 1, opener, para, paragraphs)
        if close is None:
            k += 1
            continue
        j, k = close
        start, end = i + 1, j
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(MarkedSpan(start, end, i, j + 1))
        k += 1
    return spans


def _find_close(
    text: str, positions: list[int], k: int, opener: str, para: int, paragraphs: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """Position of the closing mark (and its index in ``positions``), following paragraph continuations."""
    para_end = paragraphs[para][1] if para < len(paragraphs) else len(text)
    while k < len(positions):
        j = positions[k]
        if j >= para_end:
            if para + 1 >= len(paragraphs):
                return None
            next_start, next_end = paragraphs[para + 1]
            if j == next_start and text[j] == opener:  # quotation reopened in the next paragraph
                para += 1
                para_end = next_end
                k += 1
                continue
            if _closes_in(text, positions, k, opener, next_end):
                para += 1
                para_end = next_end
                continue
            return None
        if _is_closer(text, j, opener):
            return j, k
        k += 1
    return None


def _closes_in(text: str, positions: list[int], k: int, opener: str, limit: int) -> bool:
    """True when a closer of ``opener`` comes before any opener up to ``limit``."""
    for j in positions[k:]:
        if j >= limit:
            return False
        if _is_closer(text, j, opener):
            return True
        if _is_opener(text, j):
            return False
    return False
