"""What normalisation needs to know about the document: DCT, sentences, tense around a position, the anchor."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from lagebild.actors import ActorIndex, shipped
from lagebild.language.resources import rules_language
from lagebild.language.sentences import split_at_colons, split_sentences

from .tense import FUTURE, PAST, classify, document_tense

_NEWS_CUES = re.compile(
    r"\b(?:gestern|vorgestern|(?<!von )morgen|übermorgen|yesterday|tomorrow|\d{1,2}[.:]\d{2} Uhr|\d{1,2} Uhr)\b"
)
_DAY_VALUE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:$|T)")
_EXPLICIT_YEAR = re.compile(r"(?<!\d)(1\d{3}|20\d{2})(?!\d)")


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
    last_week: dt.date | None = None
    news: bool = True
    borrowed: bool = False  # the expression being normalised took its day from :meth:`reference_day`
    actors: ActorIndex = field(default_factory=shipped)  # a place name or a day ("das heutige Myanmar")
    _document_tense: int | None = None

    @classmethod
    def build(
        cls, text: str, dct: dt.date | None, language: str, actors: ActorIndex | None = None
    ) -> Context:
        bounds = [(span.start, span.end) for span in split_at_colons(text, split_sentences(text, language))]
        news = bool(_NEWS_CUES.search(text))
        return cls(
            text=text,
            dct=dct,
            language=rules_language(language),
            sentences=bounds,
            news=news,
            actors=actors or shipped(),
        )

    def sentence(self, pos: int) -> tuple[int, int]:
        for start, end in self.sentences:
            if start <= pos <= end:
                return start, end
        return 0, len(self.text)

    def tense(self, start: int, end: int) -> int:
        """-1 past, +1 future, 0 present or unknown, from the clause (else the sentence) around
        ``[start, end)``."""
        found = classify(self.text, start, end, self.sentence(start), self.language)
        return found if found in (PAST, FUTURE) else 0

    def weekday_direction(self, start: int, end: int) -> int:
        """Where a bare weekday lies: -1 the last one (past tense), +1 the next one (future or present tense:
        "Am Dienstag beginnt der Gipfel"); with no tense cue in its sentence, the past in a report written
        in the past tense, else the next one."""
        found = classify(self.text, start, end, self.sentence(start), self.language)
        if found is None:
            if self._document_tense is None:
                self._document_tense = document_tense(self.text, self.language)
            return -1 if self._document_tense == PAST else 1
        return -1 if found == PAST else 1

    def reference_day(self, pos: int) -> dt.date | None:
        """The day a clock time or "am Abend" hangs on: a day mentioned shortly before, else the DCT."""
        self.borrowed = True
        if self.anchor is not None and 0 <= pos - self.anchor_end < 200:
            return self.anchor
        return self.dct

    def remember(self, value: str | None, end: int, surface: str = "") -> None:
        """Keep a day-level date (or the day of a time) as the anchor for later clock times, and a year
        written out in ``surface`` as the anchor year for later dates without one in narrative text."""
        year = _EXPLICIT_YEAR.search(surface)
        if year and value and value.startswith(year.group(1)):
            self.anchor_year = int(year.group(1))
        week = re.fullmatch(r"(\d{4})-W(\d{2})", value or "")
        if week:
            self.last_week = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        day = _DAY_VALUE.match(value or "")
        # a date, or a time that names its own day ("Dienstagabend", "gestern Abend"); a clock time or "am
        # Abend" that borrowed the day last named is no new mention of a day and does not carry it further
        if day and not (self.borrowed and len(value or "") > 10):
            self.anchor = dt.date.fromisoformat(day.group(1))
            self.anchor_end = end
