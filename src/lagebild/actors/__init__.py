"""Actors: the shipped dictionary with dated offices, learned persons, mention matching and the gazetteer, read
through one read-only :class:`ActorIndex` per batch."""

from lagebild.actors.index import ActorIndex, shipped
from lagebild.actors.learned import LearnedActor
from lagebild.actors.resolve import resolve_mention

__all__ = ["ActorIndex", "LearnedActor", "resolve_mention", "shipped"]
