"""Clause depth of a position in a sentence: 0 in the main clause, one more for each subordinate level.

A sentence reports one main event; events in ``that``/``dass`` clauses, relative clauses, infinitive
complements (``to withdraw``, ``zu kooperieren``), adverbial clauses (``after``, ``nachdem``) and fronted
prepositional phrases (``With the signing of ...,``) are subordinate to it. Depth is read from function words
alone: each subordinator opens a level; a level opened by a fronted clause, a relative pronoun after a comma or a
fronted phrase closes at the next comma, the others (complements, trailing adverbial clauses) run to the end;
German, which sets off every subordinate clause with commas, closes each level at the next comma.
"""

from __future__ import annotations

import re
from functools import cache

from lagebild.language.lexicon import DETERMINERS
from lagebild.language.resources import LANGUAGES, data, rules_language, trait
from lagebild.language.tokens import tokenize

_SUBORDINATORS = {code: data(code).words("conjunctions", "subordinating") for code in LANGUAGES}
_RELATIVE = {code: data(code).words("pronouns", "relative_subject", "relative_other") for code in LANGUAGES}
_PREPOSITIONS = {code: data(code).words("prepositions", "clause_opening") for code in LANGUAGES}
_INFINITIVE_MARK = {"en": "to", "de": "zu"}
_ONE_WORD_INFINITIVE = {
    "de": re.compile(r"(?:ab|an|auf|aus|bei|ein|mit|nach|vor|weg|zurück|teil|frei)zu\w+en")
}
_BREAKS = frozenset(",;:()\u2013\u2014")
_KEPT = _BREAKS | {"-", "'", "’"}  # punctuation tokens the clause reading sees (the rest it skips)
_NOT_VERB_AFTER_TO = frozenset(
    [
        "this",
        "that",
        "these",
        "those",
        "all",
        "some",
        "any",
        "more",
        "them",
        "him",
        "us",
        "me",
        "it",
    ]
)  # with the determiners: "to the United States" is a preposition, not an infinitive


@cache
def _not_verbs() -> frozenset[str]:
    return _NOT_VERB_AFTER_TO | frozenset(d.lower() for d in DETERMINERS)


def _verb_like(word: str) -> bool:
    """The word after ``to`` / ``zu`` may start an infinitive: lower-case, not an article or pronoun, no digit."""
    return bool(word) and word[:1].islower() and word.lower() not in _not_verbs() and not word[:1].isdigit()


def depths(text: str, start: int, end: int, positions: list[int], language: str) -> list[int]:
    """The clause depth at each of ``positions`` (absolute offsets into ``text``) of ``text[start:end]``."""
    lang = rules_language(language)
    tokens = [
        (t.start, t.text) for t in tokenize(text, start, end) if t.text[:1].isalnum() or t.text in _KEPT
    ]
    levels: list[bool] = []  # one entry per open level: does it close at the next comma?
    marks: list[tuple[int, int]] = []  # (offset, depth from that offset on)
    previous = ","  # the sentence start behaves like a clause boundary
    for index, (offset, word) in enumerate(tokens):
        lower = word.lower()
        if word in "()":
            continue  # a bracket is a parenthesis inside the clause, not a clause boundary
        if word in _BREAKS:
            while levels and levels[-1]:
                levels.pop()
            marks.append((offset, len(levels)))
            previous = word
            continue
        following = tokens[index + 1][1].lower() if index + 1 < len(tokens) else ""
        opened: bool | None = None  # None: no new level; else whether it closes at the next comma
        inside = False  # does the word that opens the level belong to it?
        if previous in _BREAKS and lower in _RELATIVE[lang] and index > 0:
            opened = True
        elif lower in _SUBORDINATORS[lang]:
            opened = index == 0 or previous in _BREAKS and not levels
        elif index == 0 and lower in _PREPOSITIONS[lang]:
            opened = True
        elif lower == _INFINITIVE_MARK[lang] and _verb_like(tokens[index + 1][1] if following else ""):
            opened = False
        elif trait(lang, "participle_adjuncts") and index > 0 and previous in _BREAKS and _participle(word):
            opened, inside = True, True  # ", killing at least 20 people": an adjunct, the participle included
        if opened is not None:
            opened = opened or trait(lang, "commas_around_subordinate_clauses")
            marks.append((offset, len(levels)))
            levels.append(opened)
            marks.append((offset if inside else offset + len(word), len(levels)))
        previous = word
    out = []
    for position in positions:
        depth = 0
        for offset, value in marks:
            if offset > position:
                break
            depth = value
        out.append(max(depth, _own_infinitive(text, position, lang)))
    return out


def _participle(word: str) -> bool:
    """An English present participle (``killing``, ``demanding``), lower-case as inside a sentence."""
    return word[:1].islower() and len(word) > 5 and word.endswith("ing") and word != "according"


def _own_infinitive(text: str, position: int, lang: str) -> int:
    """A German ``zu``-infinitive written as one word (``anzugreifen``, ``teilzunehmen``) is subordinate itself."""
    pattern = _ONE_WORD_INFINITIVE.get(lang)
    if pattern is None:
        return 0
    match = re.match(r"\w+", text[position:])
    word = match.group(0).lower() if match else ""
    return int(bool(pattern.fullmatch(word)))
