"""Temporal expressions: find, type (DATE, TIME, DURATION, SET) and normalise against the publication date."""

from .stage import TimeStage
from .tagger import find_timexes

__all__ = ["TimeStage", "find_timexes"]
