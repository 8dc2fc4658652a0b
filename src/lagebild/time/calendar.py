"""Calendar arithmetic for normalisation: shifting dates, resolving weekdays and months, TIMEX3 formatting."""

from __future__ import annotations

import calendar
import datetime as dt
import re


def parse_dct(value: str | None) -> dt.date | None:
    """The document creation date from an ISO string (date or datetime); ``None`` if missing or unreadable."""
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` shifted by whole months, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def week_value(day: dt.date) -> str:
    """ISO week as TIMEX3 ``YYYY-Www``."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def shift(day: dt.date, amount: int, unit: str) -> str | None:
    """``day`` shifted by ``amount`` units, as a TIMEX3 value at the unit's granularity."""
    try:
        if unit in ("D", "H", "MIN", "S"):
            hours = {"D": 24, "H": 1, "MIN": 1 / 60, "S": 1 / 3600}[unit] * amount
            moved = dt.datetime.combine(day, dt.time(12)) + dt.timedelta(hours=hours)
            return moved.date().isoformat()
        if unit == "W":
            return week_value(day + dt.timedelta(weeks=amount))
        if unit == "WE":
            return week_value(day + dt.timedelta(weeks=amount)) + "-WE"
        if unit == "M":
            return add_months(day, amount).strftime("%Y-%m")
        if unit == "Y":
            return f"{day.year + amount:04d}"
        if unit == "DE":
            return f"{(day.year + 10 * amount) // 10:03d}"
        if unit == "CE":
            return f"{(day.year + 100 * amount) // 100:02d}"
    except (ValueError, OverflowError):
        return None
    return None


def weekday_date(dct: dt.date, weekday: int, direction: int) -> dt.date:
    """The date of ISO ``weekday`` near ``dct``: -1 the last one before, +1 the next one after, 0 the nearest
    (today's weekday is today)."""
    diff = weekday - dct.isoweekday()
    if direction < 0:
        diff = diff - 7 if diff >= 0 else diff
    elif direction > 0:
        diff = diff + 7 if diff <= 0 else diff
    else:
        if diff > 3:
            diff -= 7
        elif diff < -3:
            diff += 7
    return dct + dt.timedelta(days=diff)


def month_year(dct: dt.date, month: int, direction: int, day: int | None = None) -> int:
    """The year of ``month`` (and ``day``) without a year, relative to ``dct`` and the tense direction.

    Past: the last such date on or before the DCT; future: the next on or after; none: the nearest one, so that
    "10. Januar" in an article of 30 December means the coming January.
    """
    here = (dct.month, dct.day)
    there = (month, day or (1 if direction >= 0 else 31))
    if direction < 0:
        if day is None:  # "seit Anfang Februar" in late February: this February
            return dct.year if month <= dct.month else dct.year - 1
        return dct.year if there <= here else dct.year - 1
    if direction > 0:
        if day is None:
            return dct.year if month >= dct.month else dct.year + 1
        return dct.year if there >= here else dct.year + 1
    gap = month - dct.month
    if gap > 6:
        return dct.year - 1
    if gap < -5:
        return dct.year + 1
    return dct.year


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration ``P3D``, ``PT2H``, ``PXY`` (unknown amount), ``P1.5Y``."""
    if amount is None:
        number = "X"
    elif float(amount).is_integer():
        number = str(int(amount))
    else:
        number = f"{amount:g}"
    letter = {"MIN": "M"}.get(unit, unit)
    return f"PT{number}{letter}" if unit in ("H", "MIN", "S") else f"P{number}{letter}"


_DURATION = re.compile(r"PT?(\d+)(Y|M|W|D|H|S|DE|CE|WE)")


def offset_anchor(value: str | None, direction: int, dct: dt.date | None) -> str | None:
    """The point a whole-number duration leads to from ``dct``: ``P3Y`` back (-1) from 2021 is ``2018``."""
    m = _DURATION.fullmatch(value or "")
    if m is None or dct is None:
        return None
    unit = m.group(2)
    if unit == "M" and (value or "").startswith("PT"):
        unit = "MIN"
    return shift(dct, direction * int(m.group(1)), unit)
