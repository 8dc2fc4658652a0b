"""Captions and credits: split a caption line into its text, its credit and its date.

The forms: "... - SNA, 1920, 30.12.2021" (outlet, image width, date), "... in Moskau, 9. September 2021 - SNA" or
"..., March 22, 2016. REUTERS/Name" (a date, then the agency: the date stays in the caption and is never cut at its
day's full stop), "... Foto: Name/dpa", "... (Photo: ...)", "... © AFP". A line without a credit marker is a caption
without a credit (its text is never taken as the credit).
"""

from __future__ import annotations

import re

from lagebild.clean import patterns as pt
from lagebild.clean.dates import MONTHS, find_date

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE = (
    rf"\d{{1,2}}\.\s*(?:{_MONTH})\.?\s+\d{{4}}|\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}"
    rf"|(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
)
_AGENCY = (
    r"dpa|afp|ap|reuters|epa|ddp|kna|epd|apa|sna|tass|ria novosti|getty images|imago|picture alliance|keystone"
    r"|anadolu|xinhua|efe|ansa"
)
# ", 9. September 2021 - SNA", ", March 22, 2016. REUTERS/Name", ", 10. Januar 2016 / AFP"
DATE_CREDIT_TAIL = re.compile(
    rf"[,(]\s*(?i:am\s+)?(?P<date>(?i:{_DATE}))\)?\s*(?:[-–—/|.]\s*)+"
    rf"(?P<credit>(?:[A-Z]{{2,}}[\w&.'-]*|(?i:{_AGENCY})\b)(?:\s*/\s*[\w .&'-]{{1,40}})?)\s*$"
)
_CREDIT_PREFIX = re.compile(
    r"^[\(\[]?\s*(?:©|\(c\)|copyright|fotos?|bild(?:er)?|photos?|image|picture|quelle|credit|grafik|video)"
    r"\s*(?::|by)?\s*",
    re.I,
)


def has_date_credit(text: str) -> bool:
    """Whether the line ends in a date followed by an agency credit (a caption)."""
    return DATE_CREDIT_TAIL.search(text) is not None


def parse_caption(text: str) -> tuple[str, str | None, str | None]:
    """A caption line's text ("" when the line is only a credit tail), credit (None when it names none) and date
    (from a width or agency tail)."""
    tail = pt.WIDTH_DATE_TAIL.search(text)
    if tail:
        return text[: tail.start()].strip(" ,-–|"), tail[1].strip(), find_date(tail[3])
    tail = DATE_CREDIT_TAIL.search(text)
    if tail:
        return text[: tail.end("date")].strip(" ,-–|("), tail["credit"].strip(" ./"), find_date(tail["date"])
    match = pt.CREDIT_IN_LINE.search(text)
    if match:
        return text[: match.start()].strip(" ,-–|(["), match[1].strip(" .:/") or None, None
    return text, None, None


def credit_of(text: str) -> str | None:
    """The credit a credit line names ("Foto: Name/dpa" -> "Name/dpa"), or None for a line that is no photo credit."""
    if not pt.CREDIT_ONLY.search(text):
        return None
    return _CREDIT_PREFIX.sub("", text).strip(" ()[]") or None
