"""The trigger lexicon (per language, from ``lagebild.language``; JSON data), loaded lazily and compiled per
language."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from lagebild.events.prefilter import HeadIndex
from lagebild.language.resources import LANGUAGES
from lagebild.language.resources import data as language_data


def _read_json(name: str) -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8"))


_MACROS = {
    "{gap}": r"(?:[\w-]+ ){0,8}",
    "{end}": r"(?=\s*(?:[.,;:!?\"'“”„»«()\[\]–—-]|$|(?:und|oder|sowie|aber|doch|sondern|weil|da|als|wenn)\b))",
}
"""Shorthands of the lexicon: ``{gap}`` up to eight words (``lehnte {gap}ab``); ``{end}`` the end of a clause,
where a separated verb particle stands (``sagte die Hilfe zu.``, not ``sagte, er habe zu ...``)."""


def expand(stem: str) -> str:
    """A lexicon stem with its shorthands replaced by regex."""
    for name, regex in _MACROS.items():
        stem = stem.replace(name, regex)
    return stem


def _word(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{expand(pattern)})(?!\w)", flags)


@dataclass(frozen=True)
class TriggerPattern:
    """One trigger stem of the lexicon, compiled."""

    type: str
    priority: int
    order: int
    regex: re.Pattern[str]


@dataclass(frozen=True)
class Lexicon:
    triggers: dict[str, tuple[TriggerPattern, ...]]
    trigger_index: dict[str, HeadIndex]
    """Per language, the trigger patterns by head: only those sharing a head with a sentence's words can match."""
    modes: dict[str, tuple[tuple[str, re.Pattern[str]], ...]]
    non_events: dict[str, tuple[re.Pattern[str], ...]]
    """Per language, idioms and non-political uses of trigger words (``Vorbereitungen treffen``)."""
    non_event_index: dict[str, HeadIndex]
    """Per language, the non-event phrases by head, like :attr:`trigger_index`."""
    cues: dict[str, dict[str, re.Pattern[str]]]
    negative_actions: frozenset[str]
    cooperative_actions: frozenset[str]


@cache
def lexicon() -> Lexicon:
    """The trigger lexicon, compiled per language: triggers, non-events and cues from each language's
    ``event_triggers.json`` (``lagebild.language``), modes and action classes from ``data/lexicon.json``."""
    shared = _read_json("lexicon.json")
    triggers: dict[str, list[TriggerPattern]] = {lang: [] for lang in LANGUAGES}
    stems: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    non_events: dict[str, tuple[str, ...]] = {}
    cues: dict[str, dict[str, re.Pattern[str]]] = {}
    for lang in LANGUAGES:
        table = language_data(lang).table("event_triggers")
        for order, entry in enumerate(table.get("triggers", ())):
            for stem in entry["patterns"]:
                triggers[lang].append(
                    TriggerPattern(entry["type"], int(entry.get("priority", 5)), order, _word(stem))
                )
                stems[lang].append(expand(stem))
        non_events[lang] = tuple(table.get("non_events", ()))
        for name, cue_stems in table.get("cues", {}).items():
            cues.setdefault(name, {})[lang] = _word("|".join(cue_stems))
    modes = {
        etype: tuple((mode, _word("|".join(stems))) for mode, stems in table.items())
        for etype, table in shared["modes"].items()
    }
    return Lexicon(
        triggers={lang: tuple(items) for lang, items in triggers.items()},
        trigger_index={lang: HeadIndex(stems[lang]) for lang in LANGUAGES},
        modes=modes,
        non_events={lang: tuple(_word(stem) for stem in non_events[lang]) for lang in LANGUAGES},
        non_event_index={lang: HeadIndex([expand(stem) for stem in non_events[lang]]) for lang in LANGUAGES},
        cues=cues,
        negative_actions=frozenset(shared["negative_actions"]),
        cooperative_actions=frozenset(shared["cooperative_actions"]),
    )
