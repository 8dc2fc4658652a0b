"""Closed-class words shared by the stages that read noun phrases (entities, events)."""

from __future__ import annotations

DETERMINERS: frozenset[str] = frozenset(
    {
        # German articles and possessives in every case
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "deren",
        "dessen",
        "ein",
        "eine",
        "einem",
        "einen",
        "einer",
        "eines",
        "ihr",
        "ihre",
        "ihrem",
        "ihren",
        "ihrer",
        "ihres",
        "sein",
        "seine",
        "seinem",
        "seinen",
        "seiner",
        "seines",
        # English
        "a",
        "an",
        "the",
        "its",
    }
)
"""Lower-case determiners a noun phrase may open with."""
