"""Learned actors as records: persons the dictionary lacks, kept by the store with a mention count."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lagebild.model import Actor


@dataclass
class LearnedActor(Actor):
    """A person learned from the text: an :class:`~lagebild.model.Actor` with ``learned``, the number of articles
    that mention it (``mentions``) and the id of the article it was first seen in (``first_seen``)."""

    kind: str = "person"
    learned: bool = True
    mentions: int = 1
    first_seen: str | None = None


def merge_learned(old: LearnedActor | None, new: LearnedActor) -> LearnedActor:
    """``new`` counted into ``old``: mentions add up; name, codes and first sighting stay those of ``old``."""
    if old is None:
        return new
    variants = list(old.variants) + [v for v in new.variants if v not in old.variants]
    return LearnedActor(
        old.id,
        old.name,
        variants,
        old.country or new.country,
        old.sector or new.sector,
        mentions=old.mentions + new.mentions,
        first_seen=old.first_seen or new.first_seen,
    )


def from_record(data: Mapping[str, object]) -> LearnedActor:
    """A learned actor from its stored JSON record (unknown keys ignored, counts made whole numbers)."""
    actor = LearnedActor.from_dict(dict(data))
    actor.learned = True
    actor.kind = "person"
    try:
        actor.mentions = max(0, int(actor.mentions))
    except (TypeError, ValueError):
        actor.mentions = 0
    actor.variants = [v for v in actor.variants if isinstance(v, str)]
    return actor
