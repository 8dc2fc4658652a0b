"""Closed-class words shared by the stages that read noun phrases (entities, events)."""

from __future__ import annotations

from lagebild.language.resources import merged

DETERMINERS: frozenset[str] = merged(
    "determiners", "definite", "indefinite", "possessive", "possessive_inflected", "relative"
)
"""Lower-case determiners a noun phrase may open with (articles and possessives, German and English)."""
