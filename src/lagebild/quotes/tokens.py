"""The narration token that stands for a whole quotation."""

from __future__ import annotations

QUOTE_TOKEN = "\x00Q"  # stands for a whole quotation (marks included) among the narration tokens
