"""Publication dates from URLs, caption tails, datelines and text; pixel widths are never read as years."""

from __future__ import annotations

import datetime as dt
import re

from lagebild.language.resources import merged_mapping

MONTHS = merged_mapping("months")
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))

_URL_YMD = re.compile(r"(?<!\d)((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?!\d)")
_URL_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_NUMERIC_DMY = re.compile(r"(?<![\d.])(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.((?:19|20)\d{2})(?!\d)")
_ISO = re.compile(r"(?<!\d)((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")
_WORD_DMY = re.compile(
    rf"(?<!\d)(0?[1-9]|[12]\d|3[01])\.?\s+({_MONTH_ALT})\.?\s+((?:19|20)\d{{2}})(?!\d)", re.I
)
_WORD_MDY = re.compile(
    rf"\b({_MONTH_ALT})\.?\s+(0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})(?!\d)", re.I
)
# "SNA, 1920, 30.12.2021": outlet, image width (pixels), date.
CAPTION_TAIL = re.compile(r",\s*\d{3,4},\s*(\d{1,2}\.\d{1,2}\.\d{4})\s*$")


def _make(year: int, month: int, day: int) -> str | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    if not 1990 <= date.year <= dt.date.today().year + 1:
        return None
    return date.isoformat()


def date_from_url(url: str | None) -> str | None:
    """``/2021/12/30/``, ``2021-12-30`` or ``20211230`` in a URL path."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    for pattern in (_URL_YMD, _URL_COMPACT):
        for match in pattern.finditer(path):
            date = _make(int(match[1]), int(match[2]), int(match[3]))
            if date:
                return date
    return None


def date_from_caption(line: str) -> str | None:
    """The date of a caption tail like ``SNA, 1920, 30.12.2021`` (the 1920 is an image width)."""
    match = CAPTION_TAIL.search(line)
    return find_date(match[1]) if match else None


def find_date(text: str) -> str | None:
    """The first full calendar date in ``text`` (numeric, ISO or with month names, German or English)."""
    best: tuple[int, str] | None = None
    for pattern, order in ((_NUMERIC_DMY, "dmy"), (_ISO, "ymd"), (_WORD_DMY, "dmy"), (_WORD_MDY, "mdy")):
        for match in pattern.finditer(text):
            a, b, c = match[1], match[2], match[3]
            if order == "dmy":
                day, month, year = int(a), _month(b), int(c)
            elif order == "ymd":
                year, month, day = int(a), int(b), int(c)
            else:
                month, day, year = _month(a), int(b), int(c)
            date = _make(year, month, day) if month else None
            if date and (best is None or match.start() < best[0]):
                best = (match.start(), date)
            if date:
                break
    return best[1] if best else None


def _month(token: str) -> int:
    return int(token) if token.isdigit() else MONTHS.get(token.lower().rstrip("."), 0)
