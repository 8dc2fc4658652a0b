"""What normalisation needs to know about the document: DCT, sentences, tense around a position, the anchor."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

_SENTENCE_END = re.compile(r"(?<=[.!?:;])[\"“”»«']?\s+(?=[A-ZÄÖÜ\"„»«])|\n\s*\n|\n")

_PAST = {
    "de": re.compile(
        r"\b(?:war|waren|wurde|wurden|hatte|hatten|hat|haben|sagte|sagten|erklärte|erklärten|teilte|teilten"
        r"|berichtete|kam|kamen|ging|gingen|gab|fand|fanden|starb|traf|trafen|hieß|stand|standen|lag|lagen"
        r"|begann|endete|wollte|sollte|konnte|musste|meldete|erreichte|verlor|gewann|zeigte|vergangen\w*"
        r"|letzt\w*|vorig\w*)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:was|were|had|did|said|told|went|came|took|met|held|announced|\w+ed)\b", re.IGNORECASE
    ),
}
_FUTURE = {
    "de": re.compile(
        r"\b(?:wird|werden|soll|sollen|will|wollen|plant|planen|geplant|anberaumt|kommend\w*|nächst\w*"
        r"|künftig|bevorstehend\w*|angesetzt|findet|statt)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:will|would|shall|going to|plans?|planned|scheduled|next|upcoming|coming)\b", re.IGNORECASE
    ),
}
_NEWS_CUES = re.compile(
    r"\b(?:gestern|vorgestern|morgen|übermorgen|yesterday|tomorrow|\d{1,2}[.:]\d{2} Uhr|\d{1,2} Uhr)\b"
)


@dataclass
class Context:
    """Per-document state for normalisation."""

    text: str
    dct: dt.date | None
    language: str = "de"
    sentences: list[tuple[int, int]] = field(default_factory=list)
    anchor: dt.date | None = None
    anchor_end: int = -1
    anchor_year: int | None = None
    news: bool = True

    @classmethod
    def build(cls, text: str, dct: dt.date | None, language: str) -> Context:
        bounds: list[tuple[int, int]] = []
        start = 0
        for m in _SENTENCE_END.finditer(text):
            bounds.append((start, m.start()))
            start = m.end()
        bounds.append((start, len(text)))
        news = bool(_NEWS_CUES.search(text))
        return cls(
            text=text, dct=dct, language="en" if language == "en" else "de", sentences=bounds, news=news
        )

    def sentence(self, pos: int) -> tuple[int, int]:
        for start, end in self.sentences:
            if start <= pos <= end:
                return start, end
        return 0, len(self.text)

    def tense(self, start: int, end: int) -> int:
        """-1 past, +1 future, 0 unknown, from the nearest tense cue in the sentence around ``[start, end)``."""
        s, e = self.sentence(start)
        best: tuple[int, int] | None = None
        for direction, patterns in ((-1, _PAST), (1, _FUTURE)):
            for m in patterns[self.language].finditer(self.text, s, e):
                if start <= m.start() < end:
                    continue
                distance = start - m.end() if m.end() <= start else m.start() - end
                if best is None or distance < best[0]:
                    best = (distance, direction)
        return best[1] if best else 0

    def reference_day(self, pos: int) -> dt.date | None:
        """The day a clock time or "am Abend" hangs on: a day mentioned shortly before, else the DCT."""
        if self.anchor is not None and 0 <= pos - self.anchor_end < 200:
            return self.anchor
        return self.dct

    def remember(self, value: str | None, end: int) -> None:
        """Keep a day-level date as the anchor for later clock times."""
        if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            self.anchor = dt.date.fromisoformat(value)
            self.anchor_end = end
