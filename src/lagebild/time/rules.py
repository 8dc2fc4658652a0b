"""Rule machinery: a rule is a regex (its span is group ``t`` if present) plus a normaliser."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .context import Context
from .lexicon import PARTS_OF_DAY

Result = tuple[str, str | None] | None
Normaliser = Callable[[re.Match[str], Context], Result]


def day_result(day: dt.date, pod: str | None) -> Result:
    """A day as a DATE, or with a part of day as a TIME ("Dienstagabend" -> 2021-12-07TEV)."""
    if pod:
        return "TIME", f"{day.isoformat()}T{PARTS_OF_DAY[pod.lower()]}"
    return "DATE", day.isoformat()


_REACH = 90  # how far a match may extend before or after its keyword


@dataclass(frozen=True)
class Rule:
    """``keyword``, when given, is a cheap regex that every match contains: the pattern then only runs in
    windows around the keyword's occurrences instead of over the whole text."""

    name: str
    pattern: re.Pattern[str]
    normalise: Normaliser
    keyword: re.Pattern[str] | None = None

    def span(self, m: re.Match[str]) -> tuple[int, int]:
        if "t" in self.pattern.groupindex and m.group("t") is not None:
            return m.span("t")
        return m.span()

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """All matches of the pattern in ``text`` (scanning only around keyword hits where a keyword is set)."""
        if self.keyword is None:
            yield from self.pattern.finditer(text)
            return
        windows: list[list[int]] = []
        for hit in self.keyword.finditer(text):
            start, end = max(0, hit.start() - _REACH), min(len(text), hit.end() + _REACH)
            if windows and start <= windows[-1][1]:
                windows[-1][1] = end
            else:
                windows.append([start, end])
        last_end = -1
        for start, end in windows:
            for m in self.pattern.finditer(text, start, end):
                # a match running into the window's end may be cut short: the keyword is too far off for it
                if (m.end() < end or end == len(text)) and m.start() >= last_end:
                    last_end = m.end()
                    yield m


class RuleSet:
    """An ordered collection of rules, registered with the :meth:`add` decorator."""

    def __init__(self) -> None:
        self.rules: list[Rule] = []

    def add(
        self, pattern: str, flags: int = re.IGNORECASE, keyword: str | None = None
    ) -> Callable[[Normaliser], Normaliser]:
        compiled = re.compile(pattern, flags)
        cue = re.compile(keyword, re.IGNORECASE) if keyword else None

        def register(fn: Normaliser) -> Normaliser:
            self.rules.append(Rule(fn.__name__, compiled, fn, cue))
            return fn

        return register
