"""Rule machinery: a rule is a regex (its span is group ``t`` if present) plus a normaliser."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .context import Context

Result = tuple[str, str | None] | None
Normaliser = Callable[[re.Match[str], Context], Result]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    normalise: Normaliser

    def span(self, m: re.Match[str]) -> tuple[int, int]:
        if "t" in self.pattern.groupindex and m.group("t") is not None:
            return m.span("t")
        return m.span()


class RuleSet:
    """An ordered collection of rules, registered with the :meth:`add` decorator."""

    def __init__(self) -> None:
        self.rules: list[Rule] = []

    def add(self, pattern: str, flags: int = re.IGNORECASE) -> Callable[[Normaliser], Normaliser]:
        compiled = re.compile(pattern, flags)

        def register(fn: Normaliser) -> Normaliser:
            self.rules.append(Rule(fn.__name__, compiled, fn))
            return fn

        return register
