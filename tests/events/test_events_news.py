"""German news wording: words that only look like event words, and actors named the way news names them."""

from __future__ import annotations

import pytest

from lagebild.actors import shipped
from lagebild.events import code_sentence


def _types(text: str) -> list[str]:
    return [e.type for e in code_sentence(text, "de")]


def _codes(ids: list[str]) -> set[str | None]:
    return {shipped().cameo_code(a)[0] for a in ids}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Die Ermittler der italienischen Polizei sind erfahrene Beamte.", "ACCUSE"),
        ("Die Finanzwache fand mehrere Kreditkarten der italienischen Touristen.", "AID"),
        ("Der Minister verließ demonstrativ den Saal des italienischen Parlaments.", "PROTEST"),
        ("Die italienische Regierung demonstrierte eindrucksvoll ihre Stärke.", "PROTEST"),
        ("Der Minister aus Italien sprach von einem Zwangsverhältnis.", "COERCE"),
    ],
)
def test_look_alike_words_are_no_events(text: str, absent: str) -> None:
    assert absent not in _types(text)


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Die Polizei ermittelt gegen den italienischen Minister.", "ACCUSE"),
        ("Tausende demonstrierten in Rom gegen die italienische Regierung.", "PROTEST"),
        ("Die Bundesregierung nahm den französischen Präsidenten in Schutz.", "SUPPORT"),
    ],
)
def test_event_words_still_code(text: str, etype: str) -> None:
    assert etype in _types(text)


def test_demonym_plural_is_the_country() -> None:
    events = code_sentence("Die Amerikaner haben die Taliban in Afghanistan unterstützt.", "de")
    assert events and events[0].type == "SUPPORT"
    assert "USA" in _codes(events[0].source)


def test_financial_police_is_italian() -> None:
    events = code_sentence("Die Finanzwache beschlagnahmte die Drogen und nahm den Händler fest.", "de")
    assert events and events[0].type == "COERCE"
    assert _codes(events[0].source) == {"ITA"}
