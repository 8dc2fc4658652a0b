"""Shared fixtures."""

from __future__ import annotations

import pytest


@pytest.fixture
def wire_story() -> str:
    return (
        "Putin und Biden sprechen am Telefon\n\n"
        "MOSKAU (Reuters) - Der russische Präsident Wladimir Putin und US-Präsident Joe Biden haben am Dienstag "
        "in einer Videoschalte über die Lage an der ukrainischen Grenze gesprochen. Putin forderte rechtlich "
        "verbindliche Sicherheitsgarantien, sagte Kremlsprecher Dmitri Peskow.\n\n"
        "Biden drohte mit Sanktionen, falls Russland die Ukraine angreife. Beide Präsidenten vereinbarten, "
        "dass ihre Vertreter Konsultationen aufnehmen.\n"
    )
