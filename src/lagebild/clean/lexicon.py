"""Boilerplate vocabulary: how much more often a word occurs in article-body lines than in other lines of a page.

Words such as "share", "related", "newsletter", "copyright" or "reporter" mark boilerplate across sites. From
labelled training pages each word gets the log-odds of a line containing it being body (relative to the prior);
only words seen on at least ``MIN_DOCS`` pages enter the lexicon, so one site's own words do not.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

MIN_DOCS = 3  # a word must occur on this many training pages
CLIP = 3.0  # largest absolute log-odds of a word
MIN_KNOWN = (
    0.5  # share of a page's words the lexicon must know for its scores to be used (German pages: < 0.45)
)


@dataclass
class WordCounts:
    """Line counts per word: in body lines, in other lines, and the number of pages the word occurs on."""

    body: Counter = field(default_factory=Counter)
    other: Counter = field(default_factory=Counter)
    pages: Counter = field(default_factory=Counter)
    body_lines: int = 0
    other_lines: int = 0

    @classmethod
    def of_page(cls, line_tokens: Sequence[Iterable[str]], labels: Sequence[int]) -> WordCounts:
        """Counts of one labelled page (each word counted once per line)."""
        counts = cls()
        for tokens, label in zip(line_tokens, labels, strict=True):
            words = set(tokens)
            if label:
                counts.body.update(words)
                counts.body_lines += 1
            else:
                counts.other.update(words)
                counts.other_lines += 1
        counts.pages.update(set(counts.body) | set(counts.other))
        return counts

    def add(self, other: WordCounts, sign: int = 1) -> None:
        """Add (``sign=1``) or remove (``sign=-1``) another page's counts."""
        for mine, theirs in ((self.body, other.body), (self.other, other.other), (self.pages, other.pages)):
            for word, n in theirs.items():
                mine[word] += sign * n
        self.body_lines += sign * other.body_lines
        self.other_lines += sign * other.other_lines

    def lexicon(
        self, min_docs: int = MIN_DOCS, clip: float = CLIP, words: Iterable[str] | None = None
    ) -> dict[str, float]:
        """Word -> smoothed log-odds of a body line, relative to the prior, for words on ``min_docs`` pages
        (only ``words`` when given)."""
        prior = math.log((self.body_lines + 1) / (self.other_lines + 1))
        lexicon = {}
        for word in self.pages if words is None else words:
            if self.pages[word] >= min_docs:
                odds = math.log((self.body[word] + 1) / (self.other[word] + 1)) - prior
                lexicon[word] = round(max(-clip, min(clip, odds)), 3)
        return lexicon


def total(pages: Iterable[WordCounts]) -> WordCounts:
    """The sum of pages' counts."""
    counts = WordCounts()
    for page in pages:
        counts.add(page)
    return counts


def line_score(
    tokens: Sequence[str], lexicon: Mapping[str, float]
) -> tuple[float, float, float, float, float, float]:
    """The line's word log-odds (0 for unknown words): mean, share of clearly boilerplate words (< -1), the first
    word's, the lowest, the highest, and the share of its words the lexicon knows (low for other languages)."""
    if not tokens or not lexicon:
        return 0.0, 0.0, 0.0, 0.0, 0.0, 0.0
    weights = [lexicon.get(token, 0.0) for token in tokens]
    return (
        sum(weights) / len(weights),
        sum(1 for w in weights if w < -1.0) / len(weights),
        weights[0],
        min(weights),
        max(weights),
        sum(1 for token in tokens if token in lexicon) / len(tokens),
    )


def known_share(line_tokens: Iterable[Sequence[str]], lexicon: Mapping[str, float]) -> float:
    """Share of the page's words that the lexicon knows: high where it speaks the page's language (English pages
    of the training set: 0.73-0.98), low elsewhere (German pages: 0.1-0.45)."""
    known = words = 0
    for tokens in line_tokens:
        words += len(tokens)
        known += sum(1 for token in tokens if token in lexicon)
    return known / words if words else 0.0
