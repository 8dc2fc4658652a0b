"""Tokens with character offsets and a fallback sentence splitter."""

from __future__ import annotations

import re
from dataclasses import dataclass

QUOTE_TOKEN = "\x00Q"  # stands for a whole quotation (marks included) among the narration tokens
_TOKEN = re.compile(r"\w+(?:[-’'.]\w+)*|[^\w\s]", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[“”\"»«’‘]?(?=\s+[„“\"»«‚‘(]?[A-ZÄÖÜ0-9])|\n\s*\n")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Dr|Prof|St|Nr|bzw|ca|vgl|z\.B|u\.a|Mr|Mrs|Ms|Jan|Feb|Okt|Dez|Sept|Abs)|\b[A-Z])\.$"
)


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark at ``[start, end)``."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_upper_initial(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans by punctuation and paragraph breaks (used when the article carries none)."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _SENTENCE_END.finditer(text):
        cut = match.end() if match.group().strip() == "" else match.end()
        if _ABBREVIATION.search(text[max(begin, cut - 8) : cut]):
            continue
        _add_span(text, begin, cut, spans)
        begin = cut
    _add_span(text, begin, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blocks separated by a blank line (or a single newline when there is no blank line)."""
    separator = r"\n\s*\n" if re.search(r"\n\s*\n", text) else r"\n"
    bounds: list[tuple[int, int]] = []
    begin = 0
    for match in re.finditer(separator, text):
        _add_span(text, begin, match.start(), bounds)
        begin = match.end()
    _add_span(text, begin, len(text), bounds)
    return bounds
