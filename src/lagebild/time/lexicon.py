"""Word lists for temporal expressions: numbers, months, weekdays, units, parts of day, zones (German, English)."""

from __future__ import annotations

import re

from lagebild.language.resources import merged_mapping

GERMAN_UNITS_1_19 = {
    "null": 0, "ein": 1, "eine": 1, "einem": 1, "einen": 1, "einer": 1, "eines": 1, "eins": 1, "zwei": 2,
    "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11,
    "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17,
    "achtzehn": 18, "neunzehn": 19, "beiden": 2, "beide": 2,
}  # fmt: skip
GERMAN_TENS = {
    "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70,
    "achtzig": 80, "neunzig": 90, "hundert": 100, "tausend": 1000,
}  # fmt: skip
ENGLISH_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "both": 2,
}  # fmt: skip
VAGUE_QUANTITIES = (
    "einige", "einigen", "einiger", "mehrere", "mehreren", "viele", "vielen", "wenige", "wenigen", "paar",
    "ein paar", "etliche", "etlichen", "zahlreiche", "zahlreichen", "lange", "langen",
    "several", "many", "few", "a few", "some",
)  # fmt: skip
FRACTIONS = {"eineinhalb": 1.5, "anderthalb": 1.5, "zweieinhalb": 2.5, "ein halbes": 0.5, "eine halbe": 0.5,
             "einem halben": 0.5, "einer halben": 0.5, "halbes": 0.5, "halbe": 0.5, "half a": 0.5,
             "a half": 0.5}  # fmt: skip

ORDINALS_DE = {
    "ersten": 1, "erste": 1, "zweiten": 2, "zweite": 2, "dritten": 3, "dritte": 3, "vierten": 4, "vierte": 4,
    "fünften": 5, "fünfte": 5, "sechsten": 6, "sechste": 6, "siebten": 7, "siebte": 7, "achten": 8,
    "achte": 8, "neunten": 9, "neunte": 9, "zehnten": 10, "zehnte": 10,
}  # fmt: skip

MONTHS = merged_mapping("months")
"""Month names, spellings and abbreviations of every language (lower case) -> month number."""
WEEKDAYS = merged_mapping("weekdays")
"""Weekdays of every language (lower case) -> ISO weekday number."""
PARTS_OF_DAY = merged_mapping("parts_of_day", "codes")
"""Parts of the day of every language (lower case) -> TIMEX3 code."""
SEASONS = {
    "frühling": "SP", "frühjahr": "SP", "sommer": "SU", "herbst": "FA", "winter": "WI", "spring": "SP",
    "summer": "SU", "autumn": "FA", "fall": "FA",
}  # fmt: skip
DECADE_WORDS = {
    "zwanziger": 2, "dreißiger": 3, "vierziger": 4, "fünfziger": 5, "sechziger": 6, "siebziger": 7,
    "achtziger": 8, "neunziger": 9, "neuziger": 9, "twenties": 2, "thirties": 3, "forties": 4,
    "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip

# Unit stems: surface stem -> TIMEX3 unit letter(s); time units take the "T" designator.
UNITS_DE = {
    "sekunde": "S", "minute": "MIN", "stunde": "H", "tag": "D", "woche": "W", "wochenende": "WE",
    "monat": "M", "jahr": "Y", "jahrzehnt": "DE", "jahrhundert": "CE", "jahrtausend": "ML",
}  # fmt: skip
UNITS_EN = {
    "second": "S", "minute": "MIN", "hour": "H", "day": "D", "week": "W", "weekend": "WE", "month": "M",
    "year": "Y", "decade": "DE", "century": "CE", "centuries": "CE", "millennium": "ML", "millennia": "ML",
}  # fmt: skip

# Named time zones and their UTC offsets (standard time; summer time handled by the "S" forms).
ZONES = {
    "mez": "+01:00", "mesz": "+02:00", "cet": "+01:00", "cest": "+02:00", "utc": "+00:00", "gmt": "+00:00",
    "msk": "+03:00", "moskauer zeit": "+03:00", "moscow time": "+03:00", "kiewer zeit": "+02:00",
    "kyiv time": "+02:00", "osteuropäischer zeit": "+02:00", "eet": "+02:00", "eest": "+03:00",
    "mitteleuropäischer zeit": "+01:00", "weltzeit": "+00:00", "est": "-05:00", "edt": "-04:00",
    "pst": "-08:00", "pdt": "-07:00", "bst": "+01:00", "wib": "+07:00", "ist": "+05:30",
    "pekinger zeit": "+08:00", "beijing time": "+08:00", "tokyo time": "+09:00", "jst": "+09:00",
}  # fmt: skip


def alternation(words: object) -> str:
    """A regex alternation of the given words, longest first, escaped."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


def german_number(word: str) -> float | None:
    """Value of a German number word or numeral ("zwei", "dreiundzwanzig", "12", "12 050", "1,5")."""
    w = word.lower().replace("\u00a0", " ").strip()
    if re.fullmatch(r"\d+(?: \d{3})*", w):
        return float(w.replace(" ", ""))
    if re.fullmatch(r"\d+,\d+", w):
        return float(w.replace(",", "."))
    if w in FRACTIONS:
        return FRACTIONS[w]
    if w in GERMAN_UNITS_1_19:
        return GERMAN_UNITS_1_19[w]
    if w in GERMAN_TENS:
        return GERMAN_TENS[w]
    m = re.fullmatch(rf"({alternation(GERMAN_UNITS_1_19)})und({alternation(GERMAN_TENS)})", w)
    if m:
        return GERMAN_UNITS_1_19[m.group(1)] + GERMAN_TENS[m.group(2)]
    m = re.fullmatch(r"(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)?hundert(\w*)", w)
    if m:
        rest = german_number(m.group(2)) if m.group(2) else 0
        if rest is None:
            return None
        return 100 * (GERMAN_UNITS_1_19.get(m.group(1) or "ein", 1)) + rest
    return None


def english_number(word: str) -> float | None:
    """Value of an English number word or numeral ("two", "twenty-one", "12", "1.5")."""
    w = word.lower().strip()
    if re.fullmatch(r"\d+(?:,\d{3})*", w):
        return float(w.replace(",", ""))
    if re.fullmatch(r"\d+\.\d+", w):
        return float(w)
    if w in FRACTIONS:
        return FRACTIONS[w]
    if w in ENGLISH_NUMBERS:
        return ENGLISH_NUMBERS[w]
    parts = re.split(r"[- ]", w)
    if len(parts) == 2 and parts[0] in ENGLISH_NUMBERS and parts[1] in ENGLISH_NUMBERS:
        return ENGLISH_NUMBERS[parts[0]] + ENGLISH_NUMBERS[parts[1]]
    return None


GERMAN_NUMBER_WORD = (
    rf"(?:(?:{alternation(GERMAN_UNITS_1_19)})und(?:{alternation(GERMAN_TENS)})"
    rf"|(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)?hundert(?:\w+)?"
    rf"|{alternation(FRACTIONS)}|{alternation(GERMAN_TENS)}|{alternation(GERMAN_UNITS_1_19)})"
)
ENGLISH_NUMBER_WORD = (
    rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|"
    rf"eight|nine)|{alternation(FRACTIONS)}|{alternation(ENGLISH_NUMBERS)})"
)
