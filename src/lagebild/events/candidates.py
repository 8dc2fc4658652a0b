"""Candidate actors of one coded event and the features a learned chooser scores them by.

For every trigger the decision code turns into an event, each actor group of the sentence (coordinated mentions
with the preposition before them) is a candidate for its source and its target. The features are cheap facts about
the candidate's place in the sentence: side of and distance to the trigger, clause depth relative to the trigger,
the preposition before it and its class, sentence-initial position, adjacency to the verb, apposition, ``between``
parties, the actor's kind and sector, and whether the rules chose it. Nothing here decides anything.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from lagebild.actors.mentions import UNKNOWN_COUNTRY, Mention
from lagebild.events.depth import depths
from lagebild.events.features import SentenceFeatures, Trigger, is_passive
from lagebild.language.resources import merged
from lagebild.language.tokens import tokenize

PREPOSITION_CLASSES: dict[str, frozenset[str]] = {
    role: merged("prepositions", role) for role in ("agent", "locative", "relation", "recipient", "partner")
}
_ARTICLE_ONLY = re.compile(r"\s*(?:(?:der|die|das|den|dem|des|the|a|an)\s+)?", re.IGNORECASE)
_LEADING_PUNCT = " \t\n\"'“‘„«({[-"


class Group(Protocol):
    """Coordinated actor mentions and the preposition before them (the decision code's actor groups)."""

    mentions: list[Mention]
    prep: str | None

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def actors(self) -> list[str]: ...


@dataclass(frozen=True)
class Candidate:
    """One actor group as a possible source or target of an event, with its feature strings."""

    start: int
    end: int
    actors: tuple[str, ...]
    features: tuple[str, ...]


def preposition_class(prep: str | None) -> str:
    """``agent``, ``locative``, ``relation``, ``recipient``, ``partner``, ``other`` or ``none``."""
    if prep is None:
        return "none"
    return next((name for name, preps in PREPOSITION_CLASSES.items() if prep in preps), "other")


def actor_kind(actor_id: str) -> str:
    """``person``, ``organisation``, ``generic`` (a sector noun without a country) or ``state``."""
    if actor_id.startswith("per."):
        return "person"
    if actor_id.startswith("org."):
        return "organisation"
    if actor_id.startswith(UNKNOWN_COUNTRY):
        return "generic"
    return "state"


def _bucket(value: int, edges: Sequence[int]) -> str:
    """The first edge the value does not exceed, or ``>last``."""
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edge}"


def candidates(
    features: SentenceFeatures,
    trigger: Trigger,
    groups: Sequence[Group],
    apposition: frozenset[int],
    attribution_start: int,
    rule_source: Sequence[str],
    rule_target: Sequence[str],
) -> list[Candidate]:
    """Every group of the sentence as a candidate actor of ``trigger``'s event.

    ``apposition`` holds the indexes of groups inside an apposition; ``attribution_start`` is where a trailing
    attribution (``..., the ministry said``) begins; ``rule_source`` / ``rule_target`` are the rules' actor ids.
    """
    if not groups:
        return []
    text, lang = features.text, features.language
    levels = depths(
        text, features.start, features.end, [trigger.start] + [g.start for g in groups], features.language
    )
    own_level, own_clause = levels[0], features.clause_of(trigger.start)
    passive = is_passive(features, trigger)
    before = [i for i, g in enumerate(groups) if g.end <= trigger.start]
    after = [i for i, g in enumerate(groups) if g.start >= trigger.end]
    out: list[Candidate] = []
    for index, group in enumerate(groups):
        side = "before" if index in before else "after" if index in after else "inside"
        if side == "before":
            rank = len(before) - 1 - before.index(index)
            gap = text[group.end : trigger.start]
        elif side == "after":
            rank = after.index(index)
            gap = text[trigger.end : group.start]
        else:
            rank, gap = 0, ""
        pclass = preposition_class(group.prep)
        depth = levels[index + 1]
        relative = "same" if depth == own_level else "deeper" if depth > own_level else "higher"
        kinds = sorted({actor_kind(a) for a in group.actors})
        sectors = sorted({features.actors.cameo_code(a)[1] or "none" for a in group.actors})
        chose_source = bool(set(group.actors) & set(rule_source))
        chose_target = bool(set(group.actors) & set(rule_target)) and not chose_source
        names = [
            f"lang={lang}",
            f"side={side}",
            f"side_lang={side}|{lang}",
            f"rank={side}{min(rank, 2)}",
            f"dist={side}{_bucket(sum(1 for t in tokenize(gap) if t.text[:1].isalnum()), (0, 2, 5, 10))}",
            f"depth={min(depth, 2)}",
            f"depth_rel={relative}",
            f"depth_rel_side={relative}|{side}",
            f"same_clause={features.clause_of(group.start) == own_clause}",
            f"prep={group.prep or 'none'}",
            f"pclass={pclass}",
            f"pclass_side={pclass}|{side}",
            f"passive_pclass_side={passive}|{pclass}|{side}",
            f"adjacent={side}|{bool(_ARTICLE_ONLY.fullmatch(gap))}",
            f"initial={not text[features.start : group.start].strip(_LEADING_PUNCT)}",
            f"apposition={index in apposition}",
            f"attribution={trigger.start < attribution_start <= group.start}",
            f"coordinated={len(group.mentions) > 1}",
            f"n={min(len(groups), 4)}",
            f"rule_source={chose_source}",
            f"rule_target={chose_target}",
            f"rule_source_lang={chose_source}|{lang}",
            f"rule_target_lang={chose_target}|{lang}",
            f"trigger={trigger.type}|{side}",
        ]
        names += [f"kind={k}" for k in kinds] + [f"sector={s}" for s in sectors]
        names += [f"kind_side={k}|{side}" for k in kinds]
        out.append(Candidate(group.start, group.end, tuple(group.actors), tuple(names)))
    return out
