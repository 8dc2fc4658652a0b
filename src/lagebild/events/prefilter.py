"""A cheap prefilter for many word-start regexes: which patterns can match at all in a text span.

Every trigger stem is matched at a word start. From its parsed form (:mod:`re`'s own parser) we list the few
strings its first :data:`HEAD` characters can be (``droh(?:t|te)`` -> ``droh``; ``(?:abzug|rückzug) ...`` ->
``abzu``, ``rück``). A head is cut short where the pattern cannot be listed further (``zu (?:\\w+ ){0,3}haft``
-> ``zu ``); a pattern without any head is always run. A span's word starts give its heads; only patterns
sharing one are run. The prefilter only skips patterns that cannot match: the hits are the same as running every
pattern. Without :mod:`re`'s parser (a private module) no head is listed and every pattern runs: the same hits,
slower.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

try:  # re's own parser (CPython >= 3.11); where it is missing or changed, every pattern is always run
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on the interpreter
    _sre = _sre_parse = None

HEAD = 4
"""Characters of a pattern's head: four letters get past the common German prefixes (``ver``, ``ent``)."""
_MAX_HEADS = 400
_MAX_CLASS = 40
_WORD_START = re.compile(r"(?<!\w)\w")

_Heads = set[str]
"""Partial heads: strings shorter than HEAD are still open, HEAD long ones are complete."""


class _Unlisted(Exception):
    """The head of a pattern cannot be listed (an open character class, too many alternatives)."""


def _extend(heads: _Heads, chars: Iterable[str]) -> _Heads:
    out = {h + c if len(h) < HEAD else h for h in heads for c in chars}
    if len(out) > _MAX_HEADS:
        raise _Unlisted
    return out


def _class_chars(items: Sequence[tuple[Any, Any]]) -> list[str]:
    chars: list[str] = []
    for op, av in items:
        if op is _sre.LITERAL:
            chars.append(chr(av))
        elif op is _sre.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.extend(chr(c) for c in range(av[0], av[1] + 1))
        else:  # a category (\w, \s), a negated class
            raise _Unlisted
    return chars


_CUT = "\x00"
"""Pads a head cut short by an item that cannot be listed: the head is a prefix every match starts with."""


def _cut(heads: _Heads) -> _Heads:
    return {h.ljust(HEAD, _CUT) for h in heads}


def _walk(items: Sequence[tuple[Any, Any]], heads: _Heads) -> _Heads:
    """The heads after ``items`` have matched, starting from ``heads``."""
    for op, av in items:
        if all(len(h) >= HEAD for h in heads):
            return heads
        try:
            heads = _step(op, av, heads)
        except _Unlisted:
            return _cut(heads)  # ``zu (?:\w+ ){0,3}haft``: every match starts with ``zu ``
    return heads


def _step(op: Any, av: Any, heads: _Heads) -> _Heads:
    """The heads after one parsed item."""
    if op is _sre.LITERAL:
        return _extend(heads, chr(av).lower())
    if op is _sre.IN:
        return _extend(heads, {c.lower() for c in _class_chars(av)})
    if op is _sre.SUBPATTERN:
        return _walk(av[-1], heads)
    if op is _sre.BRANCH:
        out = set().union(*(_walk(branch, heads) for branch in av[1]))
        if len(out) > _MAX_HEADS:
            raise _Unlisted
        return out
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        low, high, sub = av
        out = set(heads) if low == 0 else set()
        current = heads
        for count in range(1, HEAD + 2):
            current = _walk(sub, current)
            if count >= low:
                out |= current
            if count >= high or all(len(h) >= HEAD for h in current):
                break
        return out
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return heads  # zero-width: skipping a condition only lists more heads
    raise _Unlisted


def pattern_heads(stem: str) -> frozenset[str] | None:
    """The lower-cased strings the first :data:`HEAD` characters of a match of ``stem`` can be (shorter when a
    match can be shorter); None when they cannot be listed."""
    if _sre_parse is None:
        return None
    try:
        heads = _walk(_sre_parse.parse(stem, re.IGNORECASE), {""})
    except (re.error, RecursionError, AttributeError, TypeError, ValueError):  # a parser of another shape
        return None
    listed = frozenset(h.rstrip(_CUT) for h in heads)
    return None if "" in listed else listed


class HeadIndex:
    """Pattern numbers by head, for picking the patterns worth running on a span."""

    def __init__(self, stems: Sequence[str]) -> None:
        self._by_head: dict[str, list[int]] = {}
        self._always: list[int] = []
        for number, stem in enumerate(stems):
            heads = pattern_heads(stem)
            if heads is None or any(not head[:1].isalnum() and head[:1] != "_" for head in heads):
                self._always.append(number)
                continue
            for head in heads:
                self._by_head.setdefault(head, []).append(number)
        self._lengths = sorted({len(h) for h in self._by_head})

    def candidates(self, text: str, start: int, end: int) -> list[int]:
        """Numbers (ascending) of the patterns that may match at a word start in ``text[start:end]``."""
        found: set[int] = set(self._always)
        by_head = self._by_head
        lengths = self._lengths
        for match in _WORD_START.finditer(text, start, end):
            at = match.start()
            for size in lengths:
                numbers = by_head.get(text[at : min(at + size, end)].lower())
                if numbers:
                    found.update(numbers)
        return sorted(found)
