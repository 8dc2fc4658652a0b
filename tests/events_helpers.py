"""Shared fixtures for the event tests: entities placed on a sentence by their surface text."""

from __future__ import annotations

from lagebild.model import Entity


def ents(text: str, *pairs: tuple[str, str]) -> list[Entity]:
    """LOC entities for the given (surface, actor id) pairs at their first occurrence in text."""
    out = []
    for surface, actor in pairs:
        start = text.index(surface)
        out.append(Entity(start, start + len(surface), surface, "LOC", actor))
    return out
