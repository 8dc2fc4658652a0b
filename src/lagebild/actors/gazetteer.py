"""The gazetteer (``data/gazetteer.json``): country, organisation and sector-noun patterns for actor mentions the
dictionary does not know."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Gazetteer:
    """Country, organisation and sector patterns for resolving actor mentions without an actor dictionary."""

    places: re.Pattern[str]
    place_codes: tuple[tuple[re.Pattern[str], str], ...]
    sectors: tuple[tuple[str, re.Pattern[str]], ...]


def _case_aware(stem: str) -> str:
    """Capitalised stems (names, acronyms) match case-sensitively; lower-case stems (adjectives) do not."""
    if stem[:1].islower():
        return f"(?i:{stem})"
    if stem[:1].isupper() and stem[1:2].islower():  # a name: its adjective may be lower-case ("israelische")
        return f"[{stem[0]}{stem[0].lower()}]{stem[1:]}"
    return stem


def _word(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE)


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, compiled."""
    path = resources.files(__package__).joinpath("data", "gazetteer.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    codes: list[tuple[re.Pattern[str], str]] = []
    for code, stems in data["countries"].items():
        codes.append((re.compile("|".join(_case_aware(s) for s in stems)), code))
    codes.append((re.compile("|".join(_case_aware(s) for s in data["igo"])), "IGO"))
    everything = [_case_aware(s) for stems in data["countries"].values() for s in stems]
    everything += [_case_aware(s) for s in data["igo"]]
    everything.sort(key=len, reverse=True)
    places = re.compile(r"(?<!\w)(?:" + "|".join(everything) + r")(?!\w|-[A-ZÄÖÜ\d])")
    sectors = tuple((sector, _word("|".join(stems))) for sector, stems in data["sectors"].items())
    return Gazetteer(places=places, place_codes=tuple(codes), sectors=sectors)
