"""Named entities and actors: German/English NER, the actor dictionary and in-article actor resolution."""

from lagebild.entities.actors import actor_code, load_actors, lookup
from lagebild.entities.resolve import resolve_mention
from lagebild.entities.stage import EntityStage

__all__ = ["EntityStage", "actor_code", "load_actors", "lookup", "resolve_mention"]
