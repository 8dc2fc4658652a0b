"""Per-source profiles of lines that repeat across a source's documents (boilerplate of that site)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

REPEAT_THRESHOLD = 3
_MAX_KEY = 200
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


def line_key(line: str) -> str:
    """Normalised key of a line: NFC, case-folded, digits as 0, whitespace collapsed, cut to 200 chars."""
    text = unicodedata.normalize("NFC", line).casefold()
    text = _SPACE.sub(" ", _DIGITS.sub("0", text)).strip(" \t-–—|·•:")
    return text[:_MAX_KEY]


class SourceProfiles:
    """Counts, per source, in how many documents each normalised line occurs.

    A line seen in ``threshold`` or more documents of one source is that source's boilerplate. Observe all
    documents of a batch first, then clean them; ``rows``/``from_rows`` let a store persist the counts.
    """

    def __init__(self, threshold: int = REPEAT_THRESHOLD) -> None:
        self.threshold = threshold
        self._counts: dict[str, dict[str, int]] = {}
        self._top: dict[str, int] = {}  # per source, the highest count of any line (no line above it repeats)

    def observe(self, source: str, doc_lines: Iterable[str]) -> None:
        """Count each distinct normalised line of one document once."""
        keys = {line_key(line) for line in doc_lines}
        keys.discard("")
        if not keys:
            return
        counts = self._counts.setdefault(source, {})
        top = self._top.get(source, 0)
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
            top = max(top, counts[key])
        self._top[source] = top

    def count(self, source: str | None, line: str) -> int:
        if not source:
            return 0
        return self._counts.get(source, {}).get(line_key(line), 0)

    def is_repeated(self, source: str | None, line: str) -> bool:
        """True when the line occurs in at least ``threshold`` documents of ``source``."""
        if not source or self._top.get(source, 0) < self.threshold:
            return False  # no line of this source repeats often enough: skip normalising the line
        return self.count(source, line) >= self.threshold

    def rows(self) -> list[tuple[str, str, int]]:
        """``(source, line_key, document_count)`` rows, sorted."""
        return sorted((src, key, n) for src, counts in self._counts.items() for key, n in counts.items())

    @classmethod
    def from_rows(
        cls, rows: Iterable[tuple[str, str, int]], threshold: int = REPEAT_THRESHOLD
    ) -> SourceProfiles:
        """Rebuild profiles from stored rows (counts of the same key add up)."""
        profiles = cls(threshold)
        for source, key, count in rows:
            counts = profiles._counts.setdefault(source, {})
            counts[key] = counts.get(key, 0) + int(count)
            profiles._top[source] = max(profiles._top.get(source, 0), counts[key])
        return profiles

    def repeated(self, sources: Iterable[str]) -> SourceProfiles:
        """A copy holding only the repeated lines of ``sources``: what cleaning needs, small enough to ship."""
        subset = SourceProfiles(self.threshold)
        for source in set(sources):
            counts = {k: n for k, n in self._counts.get(source, {}).items() if n >= self.threshold}
            if counts:
                subset._counts[source] = counts
                subset._top[source] = max(counts.values())
        return subset

    def __len__(self) -> int:
        return sum(len(c) for c in self._counts.values())
