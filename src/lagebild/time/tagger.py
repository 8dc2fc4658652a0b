"""Find temporal expressions: run the language's rules, keep the longest non-overlapping matches, normalise."""

from __future__ import annotations

import importlib
import re

from lagebild.language.resources import rules_language

from ..actors import ActorIndex
from ..model import Timex
from .calendar import offset_anchor, parse_dct
from .context import Context
from .rules import Rule, RuleSet


def _rules(language: str) -> RuleSet:
    return importlib.import_module(f"lagebild.time.{_RULE_MODULES[rules_language(language)]}").RULES


def _select(text: str, rules: list[Rule]) -> list[tuple[int, int, int, Rule, re.Match[str]]]:
    found = []
    for order, rule in enumerate(rules):
        for m in rule.finditer(text):
            start, end = rule.span(m)
            if end > start:
                found.append((start, end, order, rule, m))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken: list[tuple[int, int, int, Rule, re.Match[str]]] = []
    for cand in found:
        if all(cand[1] <= t[0] or cand[0] >= t[1] for t in taken):
            taken.append(cand)
    return sorted(taken, key=lambda f: f[0])


_RULE_MODULES = {"de": "german", "en": "english"}
_OFFSET_AFTER = {"en": re.compile(r"\s+ago\b")}  # a cue after the duration: "three years ago"
_OFFSET_CUE = {
    "de": re.compile(r"\b(?P<cue>[Vv]or|[Ii]n|[Bb]innen)\s+$"),
    "en": re.compile(r"\b(?P<cue>[Ii]n|[Ww]ithin)\s+$"),
}


def _anchor(text: str, start: int, end: int, value: str | None, ctx: Context) -> str | None:
    """The date a duration after "vor"/"in" (or before "ago") leads to, kept beside its TimeML value."""
    before = _OFFSET_CUE[ctx.language].search(text, max(0, start - 8), start)
    if before:
        direction = -1 if before["cue"].lower() == "vor" else 1
    elif (after := _OFFSET_AFTER.get(ctx.language)) is not None and after.match(text[end : end + 6]):
        direction = -1
    else:
        return None
    return offset_anchor(value, direction, ctx.dct)


def find_timexes(
    text: str, dct: str | None, language: str = "de", actors: ActorIndex | None = None
) -> list[Timex]:
    """Temporal expressions in ``text`` with type and TIMEX3 value, normalised against ``dct`` (ISO date);
    ``actors`` tells place names from days (the shipped dictionary when None)."""
    if not text:
        return []
    ctx = Context.build(text, parse_dct(dct), language, actors)
    out: list[Timex] = []
    for start, end, _, rule, m in _select(text, _rules(language).rules):
        ctx.borrowed = False
        result = rule.normalise(m, ctx)
        if result is None:
            continue
        kind, value = result
        ctx.remember(value, end, text[start:end])
        anchor = _anchor(text, start, end, value, ctx) if kind == "DURATION" else None
        out.append(Timex(start=start, end=end, text=text[start:end], type=kind, value=value, anchor=anchor))
    return out
