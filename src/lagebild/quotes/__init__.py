"""Quotations: direct and indirect speech, its cue, its speaker and the speaker's actor."""

from lagebild.quotes.finder import find_quotes
from lagebild.quotes.stage import QuoteStage

__all__ = ["QuoteStage", "find_quotes"]
