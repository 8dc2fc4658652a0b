"""German temporal expression rules."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.easter import easter

from lagebild.language.resources import data

from .calendar import duration_value, month_year, shift, week_value, weekday_date
from .context import Context
from .lexicon import (
    DECADE_WORDS,
    GERMAN_NUMBER_WORD,
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    UNITS_DE,
    VAGUE_QUANTITIES,
    WEEKDAYS,
    ZONES,
    alternation,
    german_number,
)
from .rules import Result, RuleSet, day_result

RULES = RuleSet()
CASE = 0  # case-sensitive flag for rules where capitalisation matters

_MONTH_NAMES = data("de").forms("months", "names")
_MONTH_ABBREVIATIONS = data("de").forms("months", "abbreviations")
_AMBIGUOUS_MONTHS = data("de").forms("months", "ambiguous")
_WEEKDAY_NAMES = data("de").forms("weekdays")
MONTH = rf"(?P<month>{alternation(_MONTH_NAMES)}|{alternation(n.upper() for n in _MONTH_NAMES)}|(?:{alternation(_MONTH_ABBREVIATIONS)})\.)"


def _either_case(word: str) -> str:
    """A regex for ``word`` with its first letter in either case ("[Mm]ontag")."""
    return f"[{word[0].upper()}{word[0].lower()}]{re.escape(word[1:])}"


_WEEKDAY_ALT = "|".join(_either_case(w) for w in _WEEKDAY_NAMES)
WEEKDAY = rf"(?P<wd>{_WEEKDAY_ALT}|{'|'.join(w.upper() for w in _WEEKDAY_NAMES)})"
POD = r"(?P<pod>[Mm]orgen|[Ff]rüh|[Vv]ormittag|[Mm]ittag|[Nn]achmittag|[Aa]bend|[Nn]acht)"
NUM = rf"(?P<num>\d+(?:[ \u00a0]\d{{3}})*(?:,\d+)?|{GERMAN_NUMBER_WORD}|{alternation(VAGUE_QUANTITIES)})"
UNIT = rf"(?P<unit>{alternation(UNITS_DE)})(?:en|es|e|n|s)?"
MOD = r"(?:(?P<mod>mehr als|weniger als|fast genau|fast|knapp|rund|etwa|ungefähr|gut|mindestens|höchstens|nur|über|bis zu|genau|beinahe|nahezu|annähernd)\s+)?"
REL = r"(?P<rel>(?i:vergangene[nmrs]?|letzte[nmrs]?|vorige[nmrs]?|kommende[nmrs]?|nächste[nmrs]?|diese[nmrs]?|laufende[nmrs]?|selbe[nmrs]?|gleiche[nmrs]?|heurige[nmrs]?|folgende[nmrs]?))"
YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2})"
ZONE = rf"(?P<zone>{alternation({z.upper() if ' ' not in z else z.title() for z in ZONES})}|{alternation(ZONES)})"
B = r"(?<![\w.-])"  # word start (no digit/letter/dot/hyphen before)
E = r"(?![\w-])"  # word end


_UNIT_CUE = r"sekunde|minute|stunde|tag|woche|monat|jahr"  # keyword of every rule that ends in a unit word


def _unit(word: str) -> str:
    w = word.lower()
    for stem in sorted(UNITS_DE, key=len, reverse=True):
        if w.startswith(stem):
            return UNITS_DE[stem]
    return "D"


def _direction(rel: str | None, m: re.Match[str], ctx: Context) -> int:
    r = (rel or "").lower()
    if r.startswith(("vergangen", "letzt", "vorig")):
        return -1
    if r.startswith(("kommend", "nächst", "folgend")):
        return 1
    if r.startswith(("dies", "laufend", "heurig", "selb", "gleich", "heutig")):
        return 0
    return ctx.tense(*m.span())


def _relative_step(rel: str | None) -> int:
    r = (rel or "").lower()
    if r.startswith(("vergangen", "letzt", "vorig")):
        return -1
    if r.startswith(("kommend", "nächst", "folgend")):
        return 1
    return 0


# --- absolute and numeric dates ---------------------------------------------------------------------------------


@RULES.add(rf"{B}(?P<d>[0-3]?\d)\.\s?(?P<m>[01]?\d)\.\s?(?P<y>\d{{4}}|\d{{2}}){E}")
def numeric_date(m: re.Match[str], ctx: Context) -> Result:
    day, month, year = int(m["d"]), int(m["m"]), int(m["y"])
    if len(m["y"]) == 2:
        year += 2000 if year <= (ctx.dct.year % 100 if ctx.dct else 30) + 1 else 1900
    try:
        return "DATE", dt.date(year, month, day).isoformat()
    except ValueError:
        return None


@RULES.add(
    rf"{B}(?:[Aa]m|[Vv]om|[Zz]um|[Bb]is|[Aa]b|[Ss]eit|de[mn])\s+(?P<t>(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.)(?![\d\w])",
    CASE,
    keyword=r"\d\.[01]?\d\.",
)
def numeric_day_month(m: re.Match[str], ctx: Context) -> Result:
    """ "am 12.04.": day and month after a preposition, the year as for a month name without one."""
    day, month = int(m["d"]), int(m["m"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if ctx.dct is None:
        return "DATE", None
    year = month_year(ctx.dct, month, ctx.tense(*m.span()), day)
    try:
        return "DATE", dt.date(year, month, day).isoformat()
    except ValueError:
        return None


@RULES.add(rf"{B}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){E}")
def iso_date(m: re.Match[str], ctx: Context) -> Result:
    try:
        return "DATE", dt.date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
    except ValueError:
        return None


@RULES.add(
    rf"(?P<t>(?:{WEEKDAY},?\s+(?:(?:de[nm]|am)\s+)?)?(?P<d>[0-3]?\d)\.\s*{MONTH}(?:\s+{YEAR}|\s+(?:des\s+)?(?P<rel2>{REL[8:-1]})\s+Jahres)?){E}",
    CASE,
)
def day_month(m: re.Match[str], ctx: Context) -> Result:
    month = MONTHS[m["month"].lower().rstrip(".")]
    day = int(m["d"])
    if m["year"]:
        year = int(m["year"])
    elif ctx.dct is None:
        return "DATE", None
    elif m.groupdict().get("rel2"):
        year = ctx.dct.year + _relative_step(m["rel2"])
    elif not ctx.news and ctx.anchor_year is not None:
        year = ctx.anchor_year
    else:
        year = month_year(ctx.dct, month, ctx.tense(*m.span()), day)
    try:
        return "DATE", dt.date(year, month, day).isoformat()
    except ValueError:
        return None


@RULES.add(
    rf"{B}(?P<t>(?P<d>[0-3]?\d)\.)\s*(?:(?i:bis)(?:\s+zum)?|und|[-–])\s*(?P<d2>[0-3]?\d)\.\s*{MONTH}(?:\s+{YEAR})?{E}",
    CASE,
)
def day_range_start(m: re.Match[str], ctx: Context) -> Result:
    return day_month(m, ctx)


@RULES.add(rf"{B}(?P<t>(?P<pos>Anfang|Mitte|Ende)?\s*{MONTH}(?:\s+(?:des\s+Jahres\s+)?{YEAR})?){E}", CASE)
def month_name(m: re.Match[str], ctx: Context) -> Result:
    month = MONTHS[m["month"].lower().rstrip(".")]
    if m["year"]:
        return "DATE", f"{m['year']}-{month:02d}"
    if m["month"] in _AMBIGUOUS_MONTHS and not m["pos"]:
        before = ctx.text[max(0, m.start() - 12) : m.start()]
        if not re.search(r"\b(?:im|seit|bis|ab|Anfang|Mitte|Ende|für|vom|zum|den|dem|Monat)\s*$", before):
            return None
    if ctx.dct is None:
        return "DATE", None
    return "DATE", f"{month_year(ctx.dct, month, ctx.tense(*m.span())):04d}-{month:02d}"


@RULES.add(rf"{B}(?P<t>{MONTH}\s+(?:des\s+)?(?P<rel2>{REL[8:-1]})\s+Jahres)", CASE)
def month_relative_year(m: re.Match[str], ctx: Context) -> Result:
    month = MONTHS[m["month"].lower().rstrip(".")]
    if ctx.dct is None:
        return "DATE", None
    return "DATE", f"{ctx.dct.year + _relative_step(m['rel2']):04d}-{month:02d}"


_NOT_A_YEAR = re.compile(
    r"^\s*(?:[%€$£]|Euro|EUR|Dollar|Franken|Mark|DM|Lire|Pfund|Rubel|Meter|m\b|km|cm|mm|kg|Kilo|Tonnen|t\b|px|Pixel"
    r"|x\s*\d|×|Menschen|Personen|Einwohner|Mitglieder|Soldaten|Stück|Seiten|Punkte|Zeichen|Mal\b|Prozent|Stimmen"
    r"|Euros|Liter|PS|kW|Grad|Fr\.|Kilometer|Quadrat|Hektar|,\s*\d{1,2}\.\d{1,2}\.\d{2,4}|\.\d|,\d)",
)


_QUANTIFIER = re.compile(
    r"\b(?:mindestens|rund|fast|etwa|über|knapp|ca\.|circa|bis zu|ungefähr|gut|nur|weitere|insgesamt|mehr als"
    r"|weniger als|nahezu|annähernd|exakt|genau)\s+$",
    re.IGNORECASE,
)


@RULES.add(
    rf"(?:{B}|(?<=(?<!\d)(?:1\d{{3}}|20\d{{2}})-))(?:im\s+)?(?P<t>(?:(?:Anfang|Mitte|Ende|Beginn)\s+)?(?:(?:de[ms]\s+)?Jahre?s?\s+)?{YEAR})(?:{E}|(?=-\d{{4}}(?!\d)))",
    re.IGNORECASE,
)
def year(m: re.Match[str], ctx: Context) -> Result:
    value = int(m["year"])
    after = ctx.text[m.end() : m.end() + 16]
    before = ctx.text[max(0, m.start() - 6) : m.start()]
    if _NOT_A_YEAR.match(after) or re.search(r"(?:[€$£x×]|Nr\.|Nummer|\d[.,]?)\s*$", before):
        return None
    if (
        not m["t"][0].isalpha()
        and _QUANTIFIER.search(ctx.text[max(0, m.start() - 14) : m.start()])
        and re.match(r"\s+[A-ZÄÖÜ]", after)
    ):
        return None  # "rund 1200 Unterschriften", "fast 2000 Mitarbeiter": a count
    if ctx.dct is not None and value > ctx.dct.year + 30:
        return None
    ctx.anchor_year = value
    return "DATE", f"{value:04d}"


@RULES.add(r"(?:im\s+)?(?P<t>Jahre?s?\s+(?P<y>\d{1,3}))(?!\d)(?:\s+(?:v\.|n\.)\s*Chr\.)?", CASE)
def early_year(m: re.Match[str], ctx: Context) -> Result:
    return "DATE", f"{int(m['y']):04d}"


@RULES.add(
    rf"{B}(?P<t>(?:(?P<pos>Anfang|Mitte|Ende)\s+)?(?:de[rnm]\s+)?(?:(?P<dw>{alternation(DECADE_WORDS)})|(?P<cent>1[0-9]|20)?(?P<dd>[0-9]0)er)(?:[\s-]*Jahren?|(?P<plural>n))?){E}",
    re.IGNORECASE,
)
def decade(m: re.Match[str], ctx: Context) -> Result:
    digit = DECADE_WORDS[m["dw"].lower()] if m["dw"] else int(m["dd"][0])
    named = (
        m["cent"] or re.search(r"Jahre", m.group(0), re.IGNORECASE) or (m["plural"] and m["t"][:3] == "den")
    )
    if not m["dw"] and not named:
        return None  # "80er" alone: a bus line, a pack; "den 80ern", "80er Jahre", "1980er": the decade
    if m["cent"]:
        century = int(m["cent"])
    else:
        now = ctx.dct.year if ctx.dct else 2000
        century = 20 if now >= 2000 + digit * 10 + 10 else 19
    return "DATE", f"{century:02d}{digit}"


@RULES.add(
    rf"{B}(?P<t>(?:(?:Anfang|Mitte|Ende|Beginn|Anbruch)\s+)?(?:de[mns]\s+)?(?P<n>\d{{1,2}})\.\s+Jahrhunderts?){E}"
)
def century(m: re.Match[str], ctx: Context) -> Result:
    return "DATE", f"{int(m['n']) - 1:02d}"


# --- seasons and holidays ---------------------------------------------------------------------------------------


_SEASON_PREPOSITION = re.compile(
    r"(?:\b(?:[Ii]m|[Aa]m|[Vv]om|[Zz]um|[Ss]eit|[Bb]is|[Ab]b|[Nn]ach|[Vv]or|[Ff]ür|[Üü]ber|[Ii]n|[Ss]pätestens|[Ff]rühestens"
    r"|[Aa]nfang|[Mm]itte|[Ee]nde|[Bb]eginn|[Ll]aufe|während|diese[nms]?)(?:\s+(?:de[mnrs]|die|das))?)\s+$"
)


@RULES.add(rf"{B}(?:[Ii]n\s+den\s+)?(?P<t>(?P<season>Sommer|Winter|Herbst|Frühlings)monaten){E}", CASE)
def season_months(m: re.Match[str], ctx: Context) -> Result:
    """ "in den Sommermonaten": every summer."""
    return "SET", f"P1{SEASONS[m['season'].lower().removesuffix('s')]}"


@RULES.add(
    rf"{B}(?P<t>(?:{REL}\s+)?(?P<season>{alternation({s.capitalize() for s in SEASONS if s not in ('spring', 'summer', 'autumn', 'fall')})})(?:\s+(?:des\s+Jahres\s+)?{YEAR}|\s+(?:des\s+)?(?P<rel2>vergangenen|letzten|nächsten|kommenden|dieses)\s+Jahres)?){E}",
    CASE,
)
def season(m: re.Match[str], ctx: Context) -> Result:
    """A season of the year named, of the relative year, of the year in the narrative, or the DCT's year when
    introduced by a preposition ("im Sommer", "bis zum Herbst"); otherwise the season in general."""
    code = SEASONS[m["season"].lower()]
    if m["year"]:
        return "DATE", f"{m['year']}-{code}"
    if not (m["rel"] or m["rel2"]):
        before = ctx.text[max(0, m.start("t") - 30) : m.start("t")]
        if re.search(r"\bkein(?:e[mnr]?)?\s+$", before):
            return None  # "kommt kein Frühling mehr"
        if not _SEASON_PREPOSITION.search(before):
            return "DATE", f"XXXX-{code}"  # "der Sommer", a heading "Herbst": the season in general
    if ctx.dct is None:
        return "DATE", None
    step = _relative_step(m["rel"]) or _relative_step(m["rel2"])
    if not ctx.news and ctx.anchor_year is not None and not m["rel"]:
        return "DATE", f"{ctx.anchor_year:04d}-{code}"
    return "DATE", f"{ctx.dct.year + step:04d}-{code}"


@RULES.add(
    rf"{B}(?P<t>(?:{REL}\s+)?(?:Spät|Früh|Hoch)(?P<season>sommer|herbst|winter)(?:\s+(?:des\s+Jahres\s+)?{YEAR}"
    rf"|\s+(?:des\s+)?(?P<rel2>vergangenen|letzten|nächsten|kommenden|dieses)\s+Jahres)?){E}",
    CASE,
    keyword=r"(?:spät|früh|hoch)(?:sommer|herbst|winter)",
)
def part_of_season(m: re.Match[str], ctx: Context) -> Result:
    """ "im Spätsommer 2009": the season it is part of."""
    return season(m, ctx)


_HOLIDAYS = {
    "Weihnachten": (12, 24), "Heiligabend": (12, 24), "Heiligen Abend": (12, 24), "Christtag": (12, 25),
    "Stephanstag": (12, 26), "Silvester": (12, 31), "Neujahr": (1, 1), "Neujahrstag": (1, 1),
    "Dreikönigstag": (1, 6), "Allerheiligen": (11, 1), "Allerseelen": (11, 2), "Mariä Himmelfahrt": (8, 15),
    "Maria Himmelfahrt": (8, 15), "Tag der Deutschen Einheit": (10, 3), "Nikolaustag": (12, 6),
}  # fmt: skip
# Movable feasts: days after Easter Sunday (Western computus).
_EASTER_FEASTS = {
    "Aschermittwoch": -46, "Palmsonntag": -7, "Gründonnerstag": -3, "Karfreitag": -2, "Karsamstag": -1,
    "Ostern": 0, "Ostersonntag": 0, "Ostermontag": 1, "Christi Himmelfahrt": 39, "Pfingsten": 49,
    "Pfingstsonntag": 49, "Pfingstmontag": 50, "Fronleichnam": 60,
}  # fmt: skip


def _feast_date(name: str, year: int) -> dt.date:
    if name in _HOLIDAYS:
        month, day = _HOLIDAYS[name]
        return dt.date(year, month, day)
    return easter(year) + dt.timedelta(days=_EASTER_FEASTS[name])


@RULES.add(
    rf"{B}(?P<t>(?:{REL}\s+)?(?P<h>{alternation({**_HOLIDAYS, **_EASTER_FEASTS})})(?:\s+{YEAR})?){E}", CASE
)
def holiday(m: re.Match[str], ctx: Context) -> Result:
    """Fixed and movable feasts ("Pfingsten 2010" via the Easter date); without a year the nearest one in the
    tense's direction (or the one named by "vergangene"/"kommende")."""
    name = m["h"]
    if m["year"]:
        return "DATE", _feast_date(name, int(m["year"])).isoformat()
    if ctx.dct is None:
        return "DATE", None
    direction = _direction(m["rel"], m, ctx)
    dates = [_feast_date(name, ctx.dct.year + k) for k in (-1, 0, 1)]
    if direction < 0:
        chosen = max(d for d in dates if d <= ctx.dct)
    elif direction > 0:
        chosen = min(d for d in dates if d >= ctx.dct)
    else:
        chosen = min(dates, key=lambda d: abs((d - ctx.dct).days))
    return "DATE", chosen.isoformat()


# --- relative days, weekdays, parts of day ------------------------------------------------------------------------

_DAY_WORDS = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}
# "am Morgen", "jeden Morgen", "des Morgens": the part of day, not tomorrow (a capitalised "Morgen" is tomorrow
# only where it opens a clause: "Morgen um 10 Uhr beginnt ...")
_MORNING_DETERMINERS = [
    w for word in data("de").forms("parts_of_day", "preceding") for w in (word, word.capitalize())
]
_NOT_THE_MORNING = "".join(rf"(?<!\b{w}\s)" for w in _MORNING_DETERMINERS)
_GENERIC_DAY = re.compile(r"\bvon\s+$")


@RULES.add(
    rf"{B}(?P<t>(?P<w>[Vv]orgestern|[Gg]estern|[Hh]eute|morgen|{_NOT_THE_MORNING}Morgen(?=\s+(?:früh|[a-zäöü]))|[Üü]bermorgen)(?:\s+{POD})?){E}",
    CASE,
)
def day_word(m: re.Match[str], ctx: Context) -> Result:
    word = m["w"].lower()
    pod = m["pod"]
    if (
        not pod
        and word in ("heute", "morgen")
        and _GENERIC_DAY.search(ctx.text, max(0, m.start() - 5), m.start())
    ):
        return "DATE", "PRESENT_REF" if word == "heute" else "FUTURE_REF"  # "der Starke von heute"
    if word == "heute" and not pod and not ctx.news:
        return "DATE", "PRESENT_REF"
    if ctx.dct is None:
        return ("TIME" if pod else "DATE"), None
    return day_result(ctx.dct + dt.timedelta(days=_DAY_WORDS[word]), pod)


@RULES.add(rf"{B}(?P<t>[Hh]euer|[Hh]eurigen\s+Jahres){E}", CASE)
def this_year(m: re.Match[str], ctx: Context) -> Result:
    return "DATE", f"{ctx.dct.year:04d}" if ctx.dct else None


def _weekday_number(word: str) -> int:
    return WEEKDAYS[word.lower()]


def _weekday_day(wd: int, rel: str | None, m: re.Match[str], ctx: Context) -> dt.date:
    """The date a weekday (with "vergangenen"/"kommenden" or none) names, relative to the DCT: a bare weekday
    by the tense of its clause (past the last such day; future or present "Montag fliege ich" the next)."""
    assert ctx.dct is not None
    if ctx.dct.isoweekday() == wd and (not rel or rel.lower().startswith("dies")):
        return ctx.dct
    return weekday_date(ctx.dct, wd, _relative_step(rel) or ctx.weekday_direction(*m.span()))


@RULES.add(
    rf"{B}(?P<t>(?:(?:an\s+)?(?:{REL}|(?P<today>heutige[nm]?))\s+)?{WEEKDAY}(?P<pod2>morgen|vormittag|mittag|nachmittag|abend|nacht|MORGEN|ABEND)?(?:\s*,?\s*(?:de[nm]\s+)?(?P<d>[0-3]?\d)\.(?!\d))?){E}",
    CASE,
)
def weekday(m: re.Match[str], ctx: Context) -> Result:
    wd = _weekday_number(m["wd"])
    pod = m["pod2"]
    kind = "TIME" if pod else "DATE"
    if ctx.dct is None:
        return kind, None
    if m["today"]:
        day = ctx.dct
    elif m["d"] and ctx.dct:
        candidates = [ctx.dct + dt.timedelta(days=k) for k in range(-40, 41)]
        hits = [c for c in candidates if c.day == int(m["d"]) and c.isoweekday() == wd]
        day = min(hits, key=lambda c: abs((c - ctx.dct).days)) if hits else weekday_date(ctx.dct, wd, 0)
    else:
        day = _weekday_day(wd, m["rel"], m, ctx)
    return day_result(day, pod)


@RULES.add(
    rf"{B}(?P<t>(?:der\s+)?Nacht\s+(?:auf|zum|zu)\s+(?:(?:den|de[mn])\s+)?(?:{REL}\s+)?{WEEKDAY}){E}",
    CASE,
    keyword=r"Nacht\s+(?:auf|zu)",
)
def night_before(m: re.Match[str], ctx: Context) -> Result:
    """ "in der Nacht auf Sonntag": the night that begins on the evening before the weekday named."""
    if ctx.dct is None:
        return "TIME", None
    day = _weekday_day(_weekday_number(m["wd"]), m["rel"], m, ctx) - dt.timedelta(days=1)
    return "TIME", f"{day.isoformat()}TNI"


@RULES.add(
    rf"{B}(?P<t>(?:(?:frühen|späten)\s+)?{POD}\s+(?:des|vom)\s+(?P<d>[0-3]?\d)\.\s*{MONTH}(?:\s+{YEAR})?){E}",
    CASE,
    keyword=r"(?:des|vom)\s+[0-3]?\d\.",
)
def part_of_dated_day(m: re.Match[str], ctx: Context) -> Result:
    """ "am Abend des 3. Mai": that day's part."""
    date = day_month(m, ctx)
    if date is None:
        return None
    code = PARTS_OF_DAY[m["pod"].lower()]
    return "TIME", f"{date[1]}T{code}" if date[1] else None


_NEXT_NAME = re.compile(r"\s+([A-ZÄÖÜ][\w-]+)")


def _names_a_place(text: str, end: int, ctx: Context) -> bool:
    """The word after ``end`` is a state or place the actor index knows ("heutigen Myanmar", "früher Birma")."""
    match = _NEXT_NAME.match(text, end)
    if match is None:
        return False
    return any(actor.kind in ("state", "place") for actor in ctx.actors.candidates(match.group(1)))


_DAY_ADJECTIVE = {"vorgestrig": -2, "gestrig": -1, "heutig": 0, "morgig": 1, "übermorgig": 2}


@RULES.add(
    rf"{B}(?P<t>(?P<adj>vorgestrig|gestrig|heutig|morgig|übermorgig)e[nmrs]?(?:\s+{POD})?){E}",
    CASE,
    keyword=r"(?:gestrig|heutig|morgig)",
)
def day_adjective(m: re.Match[str], ctx: Context) -> Result:
    """ "die heutigen Machthaber", "am gestrigen Abend": the day the adjective names (with its part)."""
    if _names_a_place(ctx.text, m.end(), ctx):
        return None  # "das heutige Myanmar": a place's present name, no reference to a day
    if ctx.dct is None:
        return ("TIME" if m["pod"] else "DATE"), None
    return day_result(ctx.dct + dt.timedelta(days=_DAY_ADJECTIVE[m["adj"]]), m["pod"])


@RULES.add(
    rf"{B}(?P<t>(?:{_WEEKDAY_ALT})s){E}",
    CASE,
)
def weekday_set(m: re.Match[str], ctx: Context) -> Result:
    return "SET", f"XXXX-WXX-{_weekday_number(m['t'][:-1])}"


@RULES.add(
    rf"{B}(?P<t>{WEEKDAY}\s?(?P<pod>[Mm]orgen|[Vv]ormittag|[Mm]ittag|[Nn]achmittag|[Aa]bend|[Nn]acht)s){E}",
    CASE,
    keyword=r"(?:morgen|mittag|abend|nacht)s\b",
)
def weekday_part_set(m: re.Match[str], ctx: Context) -> Result:
    """ "montagmorgens", "Freitagabends": every such part of that weekday."""
    return "SET", f"XXXX-WXX-{_weekday_number(m['wd'])}T{PARTS_OF_DAY[m['pod'].lower()]}"


@RULES.add(rf"{B}(?:[Aa]m|[Gg]egen|[Ii]n\s+der|des|zum|vom)\s+(?P<t>(?:(?:frühen|späten)\s+)?{POD}){E}", CASE)
def part_of_day(m: re.Match[str], ctx: Context) -> Result:
    day = ctx.reference_day(m.start())
    code = PARTS_OF_DAY[m["pod"].lower()]
    return "TIME", f"{day.isoformat()}T{code}" if day else None


@RULES.add(rf"{B}(?P<t>morgens|vormittags|mittags|nachmittags|abends|nachts){E}")
def part_of_day_set(m: re.Match[str], ctx: Context) -> Result:
    """ "morgens", "abends": every morning, evening; "nachts": every night, written as the night's period
    (PT1NI) as the KRAUTS gold does."""
    code = PARTS_OF_DAY[m["t"].lower().rstrip("s")]
    return "SET", "PT1NI" if code == "NI" else f"XXXX-XX-XXT{code}"


# --- relative weeks, months, years ---------------------------------------------------------------------------------

_UNIT_WORDS = r"(?P<u>(?i:Woche|Wochenende|Monats?|Jahr(?:es|e|s)?|Jahrzehnts?|Jahrhunderts?|Quartals?))"


@RULES.add(
    rf"{B}(?P<t>(?:(?P<pos>Anfang|Mitte|Ende)\s+)?(?:(?:de[rnms]|die|das)\s+)?{REL}\s+{_UNIT_WORDS}){E}", CASE
)
def relative_unit(m: re.Match[str], ctx: Context) -> Result:
    unit = {
        "woche": "W",
        "wochenende": "WE",
        "monat": "M",
        "jahr": "Y",
        "jahrzehnt": "DE",
        "jahrhundert": "CE",
    }
    u = (
        re.sub(r"(es|e|s)$", "", m["u"].lower())
        if m["u"].lower() not in ("woche", "wochenende")
        else m["u"].lower()
    )
    if m["u"] == "Jahre" and m["rel"].lower() == "diese":
        return "DURATION", "PXY"  # plural: "(all) diese Jahre" is a stretch of years, not this year
    if ctx.dct is None:
        return "DATE", None
    if u.startswith("quartal"):
        return "DATE", _quarter(ctx.dct, _relative_step(m["rel"]))
    return "DATE", shift(ctx.dct, _relative_step(m["rel"]), unit.get(u, "Y"))


def _quarter(day: dt.date, step: int) -> str:
    index = day.year * 4 + (day.month - 1) // 3 + step
    return f"{index // 4:04d}-Q{index % 4 + 1}"


_ORDINAL_PART = r"(?P<ord>ersten|zweiten|dritten|vierten|letzten|1\.|2\.|3\.|4\.)"


@RULES.add(
    rf"{B}(?:im\s+)?(?P<t>(?:(?:das|dem|des)\s+)?{_ORDINAL_PART}\s+(?P<u>Quartals?|Halbjahr(?:es|s)?|Jahreshälfte)"
    rf"(?:\s+(?:des\s+)?(?:(?:Jahres\s+)?{YEAR}|(?P<rel2>{REL[8:-1]})\s+Jahres))?){E}",
    CASE,
)
def quarter(m: re.Match[str], ctx: Context) -> Result:
    """ "im dritten Quartal 2010" (2010-Q3), "im ersten Halbjahr" (H1 of the year meant)."""
    order = {"ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4, "1.": 1, "2.": 2, "3.": 3, "4.": 4}
    halves = not m["u"].startswith("Quartal")
    n = order.get(m["ord"], 2 if halves else 4)
    if halves and n > 2:
        return None
    if m["year"]:
        year = int(m["year"])
    elif ctx.dct is None:
        return "DATE", None
    elif m["rel2"]:
        year = ctx.dct.year + _relative_step(m["rel2"])
    else:
        current = (ctx.dct.month - 1) // (6 if halves else 3) + 1
        year = ctx.dct.year - (1 if n > current and ctx.tense(*m.span()) < 0 else 0)
    return "DATE", f"{year:04d}-{'H' if halves else 'Q'}{n}"


@RULES.add(
    rf"{B}(?P<t>(?P<pos>Anfang|Mitte|Ende|Beginn)\s+(?:des|der|dieses|diesen)\s+(?P<u>Jahres|Woche|Monats)(?:\s+{YEAR})?){E}",
    CASE,
)
def this_unit(m: re.Match[str], ctx: Context) -> Result:
    if m["year"]:
        return "DATE", m["year"]
    code = {"jahres": "Y", "woche": "W", "monats": "M"}[m["u"].lower()]
    return "DATE", shift(ctx.dct, 0, code) if ctx.dct else None


@RULES.add(
    rf"{B}(?P<t>(?:(?P<u>Jahres|Monats)(?:beginn|anfang|mitte|ende|schluss)|(?P<w>Wochen)(?:beginn|anfang|mitte))(?:\s+{YEAR})?){E}(?!-)",
    CASE,
    keyword=r"(?:jahres|monats|wochen)(?:beginn|anfang|mitte|ende|schluss)",
)
def unit_part(m: re.Match[str], ctx: Context) -> Result:
    """ "bis Jahresende", "seit Monatsbeginn", "zur Wochenmitte": the year, month or week it is part of."""
    if m["year"]:
        return "DATE", m["year"]
    code = {"Jahres": "Y", "Monats": "M"}[m["u"]] if m["u"] else "W"
    return "DATE", shift(ctx.dct, 0, code) if ctx.dct else None


_ORDINAL_WORDS = (
    "ersten",
    "zweiten",
    "dritten",
    "vierten",
    "fünften",
    "sechsten",
    "siebten",
    "achten",
    "neunten",
)


@RULES.add(
    rf"{B}(?P<t>(?:de[rn]\s+)?(?P<ord>{alternation(_ORDINAL_WORDS)})\s+Woche){E}(?!\s+(?:de[sr]|im)\b)", CASE
)
def nth_week(m: re.Match[str], ctx: Context) -> Result:
    """ "in der dritten Woche" of something that began on the day last named: that day's week plus two."""
    if ctx.anchor is None:
        return None
    n = _ORDINAL_WORDS.index(m["ord"])
    return "DATE", week_value(ctx.anchor + dt.timedelta(weeks=n))


@RULES.add(rf"{B}(?P<t>(?:de[rn]|die)\s+Woche\s+(?:darauf|danach)){E}", CASE)
def week_after(m: re.Match[str], ctx: Context) -> Result:
    """ "in der Woche darauf": the week after the week (or day) last named."""
    base = ctx.last_week or ctx.anchor
    return "DATE", week_value(base + dt.timedelta(weeks=1)) if base else None


@RULES.add(rf"{B}(?P<t>(?P<u>Jahr|Monat|Woche|Tag|Stunde|Nacht)\s+(?:um|für|nach)\s+(?P=u)){E}", CASE)
def repeated_unit(m: re.Match[str], ctx: Context) -> Result:
    """ "Jahr für Jahr", "Tag um Tag", "Nacht für Nacht": every unit."""
    if m["u"] == "Nacht":
        return "SET", "PT1NI"
    return "SET", duration_value(1, _unit(m["t"]))


@RULES.add(
    rf"{B}(?P<t>(?:de[mns]\s+)?(?P<w>Vorjahr|Vorjahres|Vormonat|Vormonats|Vorwoche|Folgejahr|Folgejahres)){E}",
    CASE,
)
def previous_unit(m: re.Match[str], ctx: Context) -> Result:
    w = m["w"].lower()
    code = "Y" if "jahr" in w else "M" if "monat" in w else "W"
    step = 1 if w.startswith("folge") else -1
    return "DATE", shift(ctx.dct, step, code) if ctx.dct else None


@RULES.add(
    rf"{B}(?P<t>(?:nächsten|folgenden)\s+Tag|Tags?\s+(?:darauf|danach)|Tag\s+(?P<after>danach|darauf)"
    rf"|Tag\s+(?P<before>zuvor|davor)|(?P<same>(?:de[mn]\s*)?(?:selben|gleichen)\s+Tag)|Vortag){E}",
    CASE,
    keyword=r"tag",
)
def next_day(m: re.Match[str], ctx: Context) -> Result:
    """The day after ("am nächsten Tag", "tags darauf"), before ("am Vortag") or the same as ("am selben Tag")
    the day last named, else the DCT; the contracted "am" stays out of the span."""
    base = ctx.reference_day(m.start())
    step = 0 if m["same"] else -1 if ("Vortag" in m["t"] or m["before"]) else 1
    return "DATE", (base + dt.timedelta(days=step)).isoformat() if base else None


@RULES.add(rf"{B}(?:[Aa]m\s+)?(?P<t>Wochenende){E}", CASE)
def weekend(m: re.Match[str], ctx: Context) -> Result:
    if ctx.dct is None:
        return "DATE", None
    direction = ctx.tense(*m.span())
    return "DATE", week_value(
        ctx.dct + dt.timedelta(days=7 * direction if ctx.dct.isoweekday() < 5 and direction < 0 else 0)
    ) + "-WE"


# "im Alter von (knapp) 20 Jahren", "ein Mann (namens X) von 20 Jahren": an age given with "von"
_AGE_OF = re.compile(
    r"\b(?:Alter|Mann|Mannes|Frau|Kind|Kindes|Junge[n]?|Mädchen|Greis|Greisin|Jüngling)\b(?:\s+\S+){0,3}?"
    r"\s+von\s+(?:(?:knapp|gut|etwa|rund|fast|kaum|über|unter)\s+)*$"
)


def _is_age(m: re.Match[str], ctx: Context) -> bool:
    """ "ab 16 Jahren", "unter 18 Jahren", "ein drei Jahre altes Auto", "im Alter von 56 Jahren": an age,
    not a period (TimeML annotates lengths of time; KRAUTS leaves ages unmarked)."""
    if _unit(m["unit"]) != "Y":
        return False
    start = m.start("num") if m["mod"] is None else m.start("mod")
    before = ctx.text[max(0, start - 60) : start]
    after = ctx.text[m.end("t") : m.end("t") + 8]
    return bool(
        re.search(r"\b(?:ab|unter)\s+$", before)
        or re.match(r"\s+alte?[nmrs]?\b", after)
        or _AGE_OF.search(before)
    )


# --- ago / in / durations -----------------------------------------------------------------------------------------


@RULES.add(rf"{B}[Vv]or\s+(?P<t>{MOD}{NUM}\s+{UNIT}){E}", keyword=_UNIT_CUE)
@RULES.add(
    rf"{B}[Ii]n\s+(?P<t>{MOD}{NUM}\s+{UNIT}){E}(?!\s+(?:Haft|Folge|Jahren?|Abstand))", keyword=_UNIT_CUE
)
def ago_or_ahead(m: re.Match[str], ctx: Context) -> Result:
    """ "vor drei Jahren", "in zwei Stunden": TimeML marks the period itself ("drei Jahren", P3Y), not the
    point it leads to; :func:`offset_anchor` recovers that point."""
    word = m["num"].lower()
    amount = None if word in VAGUE_QUANTITIES else german_number(word)
    if amount is None and word not in VAGUE_QUANTITIES:
        return None
    unit = _unit(m["unit"])
    if unit == "WE":
        return None
    return "DURATION", duration_value(amount, unit)


@RULES.add(
    rf"{B}(?P<t>(?:(?:de[nmr]|die|das|all\s+diese)\s+)?(?:(?:vergangenen|letzten|nächsten|kommenden|ersten|ganzen|folgenden|weiteren)\s+)?{MOD}{NUM}\s+(?:(?:weitere[n]?|lange[n]?|aufeinanderfolgende[n]?|volle[n]?)\s+)?{UNIT}(?:\s+(?:lang|früher|später|und\s+(?P<num2>\w+)\s+(?P<unit2>Monate[n]?|Tage[n]?|Wochen)))?){E}",
    keyword=_UNIT_CUE,
)
def duration(m: re.Match[str], ctx: Context) -> Result:
    word = m["num"].lower()
    amount = None if word in VAGUE_QUANTITIES else german_number(word)
    if amount is None and word not in VAGUE_QUANTITIES:
        return None
    unit = _unit(m["unit"])
    if (unit == "WE" and amount is None) or _is_age(m, ctx):
        return None
    value = duration_value(amount, unit)
    if m["num2"]:
        second = german_number(m["num2"])
        if second is not None:
            value += duration_value(second, _unit(m["unit2"]))[1:]
    return "DURATION", value


@RULES.add(
    rf"{B}{MOD}(?P<t>{NUM})\s+(?:bis|oder|statt|und|[-–])\s+(?:\d+|{GERMAN_NUMBER_WORD})\s+{UNIT}{E}",
    keyword=rf"(?:bis|oder|statt|und|[-–])\s+\w+\s+(?:{_UNIT_CUE})",
)
def range_start_period(m: re.Match[str], ctx: Context) -> Result:
    """ "50 statt 30 Jahre", "zwei bis drei Wochen": the first number is a period of the unit named after the
    second (TimeML marks each end of a range on its own)."""
    amount = german_number(m["num"].lower())
    unit = _unit(m["unit"])
    if amount is None or unit == "WE" or _is_age(m, ctx):
        return None
    return "DURATION", duration_value(amount, unit)


@RULES.add(
    rf"{B}(?P<t>(?:[Dd]en|[Dd]ie|[Dd]as)\s+ganze[ns]?\s+(?P<unit>Tag|Woche|Monat|Jahr|Wochenende|Vormittag|Nachmittag)){E}",
    CASE,
    keyword="ganze",
)
def whole_unit(m: re.Match[str], ctx: Context) -> Result:
    """ "den ganzen Tag", "die ganze Woche": one unit, lasting."""
    unit = m["unit"]
    if unit in ("Vormittag", "Nachmittag"):
        return "DURATION", f"PT1{PARTS_OF_DAY[unit.lower()]}"
    return "DURATION", duration_value(1, _unit(unit))


# first parts of compounds in -tag/-jahr that name an institution or an occasion, not a length of time
_NOT_A_PERIOD = re.compile(
    r"(?:land|bundes|reichs|partei|kreis|gemeinde|kirchen|geburts|jahres|namens|gedenk|fest|feier|stich|wahl"
    r"|gewerkschafts|ärzte|katholiken|vor|nach|sonn|werk|al)$",
    re.IGNORECASE,
)


@RULES.add(
    rf"{B}(?P<t>(?i:{NUM})\s+(?P<first>[A-ZÄÖÜ][a-zäöüß]{{2,}}?s?)(?P<unit>tag|jahr|monat|woche|stunde)(?:en|es|e|n|s)?){E}",
    CASE,
    keyword=r"[a-zäöüß](?:tag|jahr|monat|woche|stunde)",
)
def compound_period(m: re.Match[str], ctx: Context) -> Result:
    """ "zwei Sonnentage", "nach drei Verhandlungstagen": a length of time in a compound noun (two or more)."""
    amount = german_number(m["num"])
    if amount is None or amount < 2 or _NOT_A_PERIOD.search(m["first"]):
        return None  # "ein Abenteuertag", "ein Festtag": an occasion rather than a stretch of time
    return "DURATION", duration_value(amount, _unit(m["unit"]))


_NOT_A_MEASURE = ("ander", "einzig", "jede", "halb", "bestimmt", "gewiss")


@RULES.add(
    rf"{B}(?P<t>[Ee]in(?:e[nms]?)?\s+(?P<adj>[a-zäöüß]+e[snm]?)\s+(?P<unit>Jahr|Monat|Woche|Tag|Wochenende)){E}",
    CASE,
    keyword=_UNIT_CUE,
)
def one_unit_with_adjective(m: re.Match[str], ctx: Context) -> Result:
    """ "ein knappes Jahr", "eine ganze Woche": one unit, whatever the adjective says about it."""
    if m["adj"].startswith(_NOT_A_MEASURE):
        return None
    return "DURATION", duration_value(1, _unit(m["unit"]))


@RULES.add(
    rf"{B}(?P<t>(?:(?:de[nmr]|die)\s+)?(?:(?:vergangenen|letzten|nächsten|kommenden|vielen|langen)\s+)(?P<unit>Jahren?|Monaten?|Wochen|Tagen?|Jahrzehnten?|Stunden)){E}",
    CASE,
    keyword=_UNIT_CUE,
)
def vague_period(m: re.Match[str], ctx: Context) -> Result:
    return "DURATION", duration_value(None, _unit(m["unit"]))


@RULES.add(
    rf"{B}(?:[Ss]eit|[Nn]ach|[Vv]or|[Ii]n)\s+(?P<t>(?P<unit>Jahren|Monaten|Wochen|Tagen|Jahrzehnten|Stunden)){E}",
    CASE,
)
def bare_period(m: re.Match[str], ctx: Context) -> Result:
    return "DURATION", duration_value(None, _unit(m["unit"]))


@RULES.add(
    rf"{B}(?P<t>(?:[Aa]ll\s+diese|[Dd]ie)\s+(?P<unit>Jahre)){E}(?=\s+(?:der|des|von|zwischen|diese[rs])\b)",
    CASE,
)
@RULES.add(rf"{B}(?P<t>[Aa]ll\s+diese\s+(?P<unit>Jahre|Monate|Wochen|Tage)){E}", CASE)
def years_of(m: re.Match[str], ctx: Context) -> Result:
    """ "die Jahre der Diktatur", "all diese Jahre": a stretch of years of unknown length."""
    return "DURATION", duration_value(None, _unit(m["unit"]))


@RULES.add(rf"(?<=[a-zäöüß]\s)(?P<t>des\s+Jahres){E}(?!\s+\d)", CASE, keyword="des Jahres")
def of_the_year(m: re.Match[str], ctx: Context) -> Result:
    """ "Sportlerin des Jahres", "Blume des Jahres": the year of the report ("Anfang des Jahres" and the
    like are longer matches of their own rules)."""
    return "DATE", f"{ctx.dct.year:04d}" if ctx.dct else None


@RULES.add(rf"{B}[Ii]n\s+(?P<t>diesen\s+(?P<unit>Tagen|Wochen|Monaten)){E}", CASE)
def these_days(m: re.Match[str], ctx: Context) -> Result:
    """ "in diesen Tagen": a stretch of days of unknown length."""
    return "DURATION", duration_value(None, _unit(m["unit"]))


@RULES.add(
    rf"{B}(?P<t>(?P<unit>jahrhunderte|jahrzehnte|jahre|monate|wochen|tage|stunden)lang(?:e[nmrs]?)?){E}"
)
@RULES.add(
    rf"{B}(?P<t>(?P<unit>Jahrzehnte|Jahre|Monate|Wochen|Tage|Stunden)\s+(?:später|früher)){E}",
    CASE,
    keyword="später|früher",
)
def long_period(m: re.Match[str], ctx: Context) -> Result:
    return "DURATION", duration_value(None, _unit(m["unit"]))


@RULES.add(
    rf"{B}(?P<t>(?P<num>\d+|{GERMAN_NUMBER_WORD}|mehr)-?(?P<unit>stünd|täg|wöch|monat|jähr)ig(?:e[nmrs]?)?){E}",
    re.IGNORECASE,
    keyword=r"(?:stünd|täg|wöch|monat|jähr)ig",
)
def adjective_period(m: re.Match[str], ctx: Context) -> Result:
    if m["unit"].lower() == "jähr" and m["num"].lower() != "mehr":
        return None  # "der 40-Jährige", "fünfzehnjährige": an age, not a period
    unit = {"stünd": "H", "täg": "D", "wöch": "W", "monat": "M", "jähr": "Y"}[m["unit"].lower()]
    amount = None if m["num"].lower() == "mehr" else german_number(m["num"])
    return "DURATION", duration_value(amount, unit)


# --- clock times ------------------------------------------------------------------------------------------------


def _clock(m: re.Match[str], ctx: Context, hour: int, minute: int) -> Result:
    if hour > 24 or minute > 59:
        return None
    zone = ""
    if m.groupdict().get("zone"):
        zone = ZONES.get(m["zone"].lower(), "")
    day = ctx.reference_day(m.start())
    if day is None:
        return "TIME", None
    return "TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}{zone}"


@RULES.add(
    rf"(?<![\w.])(?P<t>(?P<h>[0-2]?\d)(?:[.:](?P<mi>[0-5]\d))?\s*Uhr(?:\s+{ZONE})?){E}",
    CASE,
)
def clock_uhr(m: re.Match[str], ctx: Context) -> Result:
    return _clock(m, ctx, int(m["h"]), int(m["mi"] or 0))


@RULES.add(rf"{B}(?P<t>(?P<h>[0-2]?\d):(?P<mi>[0-5]\d)(?:\s+{ZONE})?){E}", CASE)
def clock_colon(m: re.Match[str], ctx: Context) -> Result:
    return _clock(m, ctx, int(m["h"]), int(m["mi"]))


@RULES.add(rf"{B}(?:um|gegen|ab|bis|von)\s+(?P<t>(?P<h>[0-2]?\d)\.(?P<mi>[0-5]\d)(?:\s+{ZONE})?){E}", CASE)
@RULES.add(
    rf"{B}(?P<t>(?P<h>[0-2]?\d)(?:[.:](?P<mi>[0-5]\d))?)\s*[-–]\s*[0-2]?\d(?:[.:][0-5]\d)?\s*Uhr{E}", CASE
)
@RULES.add(
    rf"{B}(?:[Vv]on|[Zz]wischen)\s+(?P<t>(?P<h>[0-2]?\d)(?:[.:](?P<mi>[0-5]\d))?)\s+(?:bis|und)\s+[0-2]?\d(?:[.:][0-5]\d)?\s*Uhr{E}",
    CASE,
    keyword="Uhr",
)
def clock_dot(m: re.Match[str], ctx: Context) -> Result:
    return _clock(m, ctx, int(m["h"]), int(m["mi"] or 0))


@RULES.add(
    rf"{B}(?P<t>(?:(?P<half>halb)\s+)?(?P<h>{GERMAN_NUMBER_WORD})(?:\s+Uhr)(?:\s+{ZONE})?){E}",
    CASE,
    keyword="Uhr",
)
def clock_words(m: re.Match[str], ctx: Context) -> Result:
    hour = german_number(m["h"])
    if hour is None or not float(hour).is_integer():
        return None
    return _clock(m, ctx, int(hour) - (1 if m["half"] else 0), 30 if m["half"] else 0)


@RULES.add(
    rf"{B}(?:[Uu]m|[Gg]egen|[Bb]is|[Nn]ach|[Vv]or|[Aa]b)\s+(?P<t>Mitternacht){E}", CASE, keyword="Mitternacht"
)
def midnight(m: re.Match[str], ctx: Context) -> Result:
    """ "um Mitternacht": the end of the day last named (TIMEX3 writes it T24:00)."""
    return _clock(m, ctx, 24, 0)


@RULES.add(rf"{B}(?:um|gegen)\s+(?P<t>halb\s+(?P<h>{GERMAN_NUMBER_WORD})){E}", CASE, keyword="halb")
def clock_half(m: re.Match[str], ctx: Context) -> Result:
    hour = german_number(m["h"])
    if hour is None:
        return None
    return _clock(m, ctx, int(hour) - 1, 30)


# --- sets -------------------------------------------------------------------------------------------------------


@RULES.add(
    rf"{B}(?P<t>(?:jede[nmrs]?|alle)\s+(?:(?P<num>{GERMAN_NUMBER_WORD}|\d+|paar)\s+)?(?P<unit>Sekunde|Minute|Stunde|Tag|Woche|Monat|Jahr|Jahrzehnt)(?:en|es|e|n|s)?){E}",
    keyword=r"\b(?:jede|alle)",
)
def every_unit(m: re.Match[str], ctx: Context) -> Result:
    num = m["num"]
    amount = 1.0 if not num else (None if num.lower() == "paar" else german_number(num))
    return "SET", duration_value(amount, _unit(m["unit"]))


@RULES.add(rf"{B}(?P<t>jede[nmrs]?\s+{WEEKDAY}){E}")
def every_weekday(m: re.Match[str], ctx: Context) -> Result:
    return "SET", f"XXXX-WXX-{_weekday_number(m['wd'])}"


@RULES.add(
    rf"{B}(?P<t>(?:(?:{GERMAN_NUMBER_WORD}|\d+)mal\s+)?(?:all)?(?P<w>stünd|tägl|wöchentl|monatl|jährl)ich(?:e[nmrs]?)?){E}",
    keyword=r"(?:stünd|tägl|wöchentl|monatl|jährl)ich",
)
def adverb_set(m: re.Match[str], ctx: Context) -> Result:
    unit = {"stünd": "H", "tägl": "D", "wöchentl": "W", "monatl": "M", "jährl": "Y"}[m["w"].lower()]
    return "SET", duration_value(1, unit)


@RULES.add(
    rf"{B}(?P<t>(?:ein|zwei|drei|vier|fünf|sechs|\d+)(?:mal|\s+Mal)\s+(?:im|pro|je|in\s+der|die|den|das)\s+(?P<unit>Tag|Woche|Monat|Jahr|Stunde)){E}",
    re.IGNORECASE,
    keyword="mal",
)
@RULES.add(
    rf"\d(?:\s+[A-ZÄÖÜ][a-zäöüß]+)?\s+(?P<t>(?:pro|im|je)\s+(?P<unit>Tag|Woche|Monat|Jahr|Stunde)){E}(?!\s*\d)",
    CASE,
)
@RULES.add(rf"{B}(?P<t>(?:pro|je)\s+(?P<unit>Tag|Woche|Monat|Jahr|Stunde)){E}", CASE)
def per_unit(m: re.Match[str], ctx: Context) -> Result:
    return "SET", duration_value(1, _unit(m["unit"]))


_COUNTED = re.compile(
    rf"(?:\d|\b(?:{GERMAN_NUMBER_WORD}|Millionen|Milliarden|Dutzend|Hunderte|Tausende|mal)\b)",
    re.IGNORECASE,
)


@RULES.add(
    rf"{B}(?P<t>(?:im|am)\s+(?P<unit>Tag|Jahr|Monat))(?!\s*(?:\d|der\b|des\b|zuvor|davor|darauf|danach|nach\b|vor\b))(?![\w-])",
    CASE,
    keyword=r"\b(?:im|am)\s+(?:Tag|Jahr|Monat)\b",
)
def per_unit_after_count(m: re.Match[str], ctx: Context) -> Result:
    """ "zwei Millionen Euro im Jahr", "zehn Stunden am Tag": a rate after a count earlier in its clause."""
    clause = re.split(r"[,;:.!?()\"„“»«–]", ctx.text[max(0, m.start() - 60) : m.start()])[-1]
    if not _COUNTED.search(clause):
        return None  # "am Tag", "im Jahr" with no count before them: a day or year, left to other rules
    return per_unit(m, ctx)


# --- vague references ---------------------------------------------------------------------------------------------

# TimeML leaves prepositions out of the span ("in [Zukunft]", "zu [dieser Zeit]"): they are signals, not part
# of the expression; determiners stay in ("[die Zukunft]"), and so do the lexicalised "[im Moment]", "[zur Stunde]".
_VAGUE = {
    "PRESENT_REF": r"[Jj]etzt(?!\s+mal\b)|[Dd]erzeit|[Ii]m\s+Moment|[Hh]eutzutage"
    r"|(?:die|der)\s+Gegenwart|[Dd]ieser\s+Tage|[Zz]ur\s+Stunde",
    "PAST_REF": r"[Dd]amals|(?:(?<=[Zz]u\s)|(?<=[Ii]n\s))dieser\s+Zeit|(?<=[Zz]ur\s)Vergangenheit|vergangener\s+Zeiten"
    r"|[Ff]rüher|[Ee]inst|[Kk]ürzlich|[Nn]eulich"
    r"|(?:die|der)\s+Vergangenheit|(?<=[Ii]n\s)letzter\s+Zeit|[Ff]rühere[nr]?\s+Zeiten"
    r"|(?<=[Ii]n\s)der\s+(?:vergangenen|letzten|jüngsten)\s+Zeit|(?<=[Ii]n\s)jüngster\s+Zeit",
    "FUTURE_REF": r"[Bb]ald|[Dd]emnächst|(?:die|der)\s+Zukunft|(?<=[Ii]n\s)Zukunft",
}


@RULES.add(rf"{B}(?P<t>{'|'.join(f'(?P<{k}>{v})' for k, v in _VAGUE.items())}){E}", CASE)
def vague(m: re.Match[str], ctx: Context) -> Result:
    for key in _VAGUE:
        if m[key]:
            if m[key].lower() == "früher" and (
                re.match(r"\s+als\b", ctx.text[m.end() :]) or _names_a_place(ctx.text, m.end(), ctx)
            ):
                return None  # "früher als ...", "Myanmar (früher Birma)": no time reference
            return "DATE", key
    return None
