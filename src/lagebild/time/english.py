"""English temporal expression rules (the common news constructions)."""

from __future__ import annotations

import datetime as dt
import re

from lagebild.language.resources import data

from .calendar import duration_value, month_year, shift, weekday_date
from .context import Context
from .lexicon import (
    DECADE_WORDS,
    ENGLISH_NUMBER_WORD,
    MONTHS,
    UNITS_EN,
    WEEKDAYS,
    ZONES,
    alternation,
    english_number,
)
from .rules import Result, RuleSet, day_result

RULES = RuleSet()
B = r"(?<![\w.-])"
E = r"(?![\w-])"
_WEEKDAY_ALT = "|".join(data("en").forms("weekdays"))
MONTH = (
    rf"(?P<month>{'|'.join(data('en').forms('months', 'names'))}"
    rf"|(?:{alternation(data('en').forms('months', 'abbreviations'))})\.?)"
)
WEEKDAY = rf"(?P<wd>{_WEEKDAY_ALT})"
POD = r"(?P<pod>morning|afternoon|evening|night)"
NUM = rf"(?P<num>\d+(?:\.\d+)?|{ENGLISH_NUMBER_WORD}|several|a few|few|many)"
UNIT = r"(?P<unit>seconds?|minutes?|hours?|days?|weeks?|weekends?|months?|years?|decades?|century|centuries)"
YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2})"
ZONE = rf"(?P<zone>{alternation({z.upper() for z in ZONES if ' ' not in z})}|Moscow time|Kyiv time)"
CASE = 0


def _unit(word: str) -> str:
    w = word.lower()
    if w.startswith("centur"):
        return "CE"
    return UNITS_EN.get(w.rstrip("s"), "D")


def _step(word: str | None) -> int:
    w = (word or "").lower()
    return -1 if w in ("last", "past", "previous") else 1 if w in ("next", "coming") else 0


@RULES.add(
    rf"{B}(?P<t>(?:{WEEKDAY},?\s+)?{MONTH}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+{YEAR})?){E}", CASE
)
@RULES.add(
    rf"{B}(?P<t>(?:{WEEKDAY},?\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?){E}",
    CASE,
)
def day_month(m: re.Match[str], ctx: Context) -> Result:
    month = MONTHS[m["month"].lower().rstrip(".")]
    if m["year"]:
        year = int(m["year"])
    elif ctx.dct is None:
        return "DATE", None
    else:
        year = month_year(ctx.dct, month, ctx.tense(*m.span()), int(m["d"]))
    try:
        return "DATE", dt.date(year, month, int(m["d"])).isoformat()
    except ValueError:
        return None


@RULES.add(rf"{B}(?P<t>(?:(?:early|mid|late)[- ])?{MONTH}(?:\s+{YEAR})?){E}", CASE)
def month_name(m: re.Match[str], ctx: Context) -> Result:
    month = MONTHS[m["month"].lower().rstrip(".")]
    if m["year"]:
        return "DATE", f"{m['year']}-{month:02d}"
    if m["month"] in ("May", "March") and not re.search(
        r"\b(?:in|since|until|by|of|early|late)\s*$", ctx.text[max(0, m.start() - 8) : m.start()]
    ):
        return None
    if ctx.dct is None:
        return "DATE", None
    return "DATE", f"{month_year(ctx.dct, month, ctx.tense(*m.span())):04d}-{month:02d}"


@RULES.add(
    rf"{B}(?P<t>(?:the\s+)?{YEAR}){E}(?!\s*(?:[%$€£]|dollars|euros|people|km|m\b|px|pixels|x\s*\d))", CASE
)
def year(m: re.Match[str], ctx: Context) -> Result:
    if re.search(r"[$€£x]\s*$", ctx.text[max(0, m.start() - 2) : m.start()]):
        return None
    return "DATE", m["year"]


@RULES.add(
    rf"{B}(?P<t>(?:the\s+)?(?:(?P<cent>1[0-9]|20)(?P<dd>[0-9])0s|'?(?P<short>[0-9])0s|(?P<dw>{alternation(DECADE_WORDS)}))){E}"
)
def decade(m: re.Match[str], ctx: Context) -> Result:
    if m["cent"]:
        return "DATE", f"{m['cent']}{m['dd']}"
    digit = int(m["short"]) if m["short"] else DECADE_WORDS[m["dw"].lower()]
    return "DATE", f"19{digit}"


@RULES.add(
    rf"{B}(?P<t>(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight)(?:\s+{POD})?){E}"
)
def day_word(m: re.Match[str], ctx: Context) -> Result:
    w = m["w"].lower()
    offset = (
        -2
        if "before" in w
        else 2
        if "after" in w
        else {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}[w]
    )
    pod = m["pod"] or ("night" if w == "tonight" else None)
    if ctx.dct is None:
        return ("TIME" if pod else "DATE"), None
    return day_result(ctx.dct + dt.timedelta(days=offset), pod)


@RULES.add(rf"{B}(?P<t>(?:(?P<rel>last|next|this|coming|past|previous)\s+)?{WEEKDAY}(?:\s+{POD})?){E}")
def weekday(m: re.Match[str], ctx: Context) -> Result:
    wd = WEEKDAYS[m["wd"].lower()]
    kind = "TIME" if m["pod"] else "DATE"
    if ctx.dct is None:
        return kind, None
    direction = _step(m["rel"]) or ctx.weekday_direction(*m.span())
    if ctx.dct.isoweekday() == wd and (not m["rel"] or m["rel"].lower() == "this"):
        direction = 0
    return day_result(weekday_date(ctx.dct, wd, direction), m["pod"])


@RULES.add(
    rf"{B}(?P<t>(?P<rel>last|next|this|coming|past|previous)\s+(?P<unit>week|weekend|month|year|decade|century)){E}"
)
def relative_unit(m: re.Match[str], ctx: Context) -> Result:
    return "DATE", shift(ctx.dct, _step(m["rel"]), _unit(m["unit"])) if ctx.dct else None


@RULES.add(rf"{B}(?P<t>{NUM}\s+{UNIT}\s+(?P<dir>ago|from\s+now|later|earlier)){E}")
@RULES.add(rf"{B}(?P<t>in\s+{NUM}\s+{UNIT}){E}(?!\s+(?:prison|jail))")
def offset(m: re.Match[str], ctx: Context) -> Result:
    amount = english_number(m["num"])
    unit = _unit(m["unit"])
    kind = "TIME" if unit in ("H", "MIN", "S") else "DATE"
    if amount is None:
        return "DATE", "PAST_REF" if (m.groupdict().get("dir") or "") == "ago" else "FUTURE_REF"
    if ctx.dct is None:
        return kind, None
    sign = -1 if (m.groupdict().get("dir") or "") in ("ago", "earlier") else 1
    return kind, shift(ctx.dct, sign * int(amount), unit)


@RULES.add(
    rf"{B}(?P<t>(?:(?:more\s+than|about|nearly|almost|over|at\s+least)\s+)?{NUM}[\s-]+{UNIT}(?:[\s-]+long)?){E}"
)
def duration(m: re.Match[str], ctx: Context) -> Result:
    word = m["num"].lower()
    amount = None if word in ("several", "a few", "few", "many") else english_number(word)
    if amount is None and word not in ("several", "a few", "few", "many"):
        return None
    return "DURATION", duration_value(amount, _unit(m["unit"]))


def _clock(m: re.Match[str], ctx: Context, hour: int, minute: int) -> Result:
    if hour > 24 or minute > 59:
        return None
    zone = ZONES.get((m.groupdict().get("zone") or "").lower(), "")
    day = ctx.reference_day(m.start())
    return "TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}{zone}" if day else None


@RULES.add(rf"{B}(?P<t>(?P<h>1[0-2]|0?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap])\.?m\.?(?:\s+{ZONE})?)(?!\w)")
def clock_ampm(m: re.Match[str], ctx: Context) -> Result:
    hour = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
    return _clock(m, ctx, hour, int(m["mi"] or 0))


@RULES.add(rf"{B}(?P<t>(?P<h>[0-2]?\d):(?P<mi>[0-5]\d)(?:\s+{ZONE})?){E}", CASE)
def clock_24(m: re.Match[str], ctx: Context) -> Result:
    return _clock(m, ctx, int(m["h"]), int(m["mi"]))


@RULES.add(
    rf"{B}(?P<t>every\s+(?:(?P<wd>{_WEEKDAY_ALT})|(?P<num>\w+\s+)?(?P<unit>day|week|month|year|hour)s?)){E}"
)
def every(m: re.Match[str], ctx: Context) -> Result:
    if m["wd"]:
        return "SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()]}"
    amount = english_number(m["num"].strip()) if m["num"] else 1
    return "SET", duration_value(amount, _unit(m["unit"]))


@RULES.add(rf"{B}(?P<t>(?P<w>hourly|daily|weekly|monthly|yearly|annually)){E}")
def adverb_set(m: re.Match[str], ctx: Context) -> Result:
    unit = {"hourly": "H", "daily": "D", "weekly": "W", "monthly": "M", "yearly": "Y", "annually": "Y"}
    return "SET", duration_value(1, unit[m["w"].lower()])


_VAGUE = {
    "PRESENT_REF": r"now|currently|nowadays|at\s+present|at\s+the\s+moment|these\s+days",
    "PAST_REF": r"recently|formerly|previously|in\s+the\s+past|the\s+past",
    "FUTURE_REF": r"soon|in\s+the\s+future|the\s+future|in\s+future",
}


@RULES.add(rf"{B}(?P<t>{'|'.join(f'(?P<{k}>{v})' for k, v in _VAGUE.items())}){E}")
def vague(m: re.Match[str], ctx: Context) -> Result:
    return next(("DATE", k) for k in _VAGUE if m[k])
