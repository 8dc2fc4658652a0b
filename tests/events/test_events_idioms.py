"""Idioms and non-political uses of trigger words are no events; the same words in a political act still are."""

from __future__ import annotations

import pytest

from lagebild.events import code_sentence
from lagebild.events.features import find_triggers


def _types(text: str) -> list[str]:
    return [e.type for e in code_sentence(text, "de")]


@pytest.mark.parametrize(
    "text",
    [
        "Am Nachmittag setzt sich der Stab zusammen, um die letzten Vorbereitungen für die Pressekonferenz zu treffen.",
        "Die Regierung will bis Freitag eine Entscheidung treffen.",
        "Bei dem Absturz kamen 155 Menschen ums Leben.",
        "Er kam kurz nach Kriegsende bei einem Unfall ums Leben.",
        "Der Minister sagte jedoch nichts zu konkreten Maßnahmen.",
        "Er hatte bereits für einen chinesischen Verein gespielt.",
        "Das Personal für die Besetzung des Kabinetts ist komplett.",
        "Den Soundtrack liefert die österreichische Band Herbstrock.",
        "Fichte soll den tieferen Grund dazu geliefert haben.",
        "Der Stahl ist dann direkt der Brandeinwirkung ausgesetzt.",
        "Die Weiterentwicklung wurde durch den Krieg abgebrochen.",
        "Der Staat muss dort Verbote aussprechen, wo er Risiken nicht absichern kann.",
        "Sein Sohn besuchte das Gymnasium in Bonn.",
    ],
)
def test_idiom_is_no_event(text: str) -> None:
    assert _types(text) == []


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Die Kanzlerin traf sich mit dem französischen Präsidenten.", "CONSULT"),
        ("Russland sagte der Ukraine Hilfe zu.", "AGREE"),
        ("Frankreich ist bereit, mit Deutschland zu verhandeln.", "AGREE"),
        ("Bei dem Anschlag in Bagdad kamen 20 Menschen ums Leben.", "ASSAULT"),
        ("Die USA haben der Ukraine Waffen geliefert.", "AID"),
        ("Polen hat die Gespräche mit Belarus abgebrochen.", "SANCTION"),
        ("Der Präsident besuchte die Truppen in Afghanistan.", "CONSULT"),
    ],
)
def test_political_use_stays(text: str, etype: str) -> None:
    assert etype in _types(text)


def test_event_word_inside_an_idiom_stays() -> None:
    """A trigger in the gap of a non-event phrase is not part of the idiom."""
    text = "Bei dem Unfall nach dem Anschlag wurden drei Menschen verletzt."
    assert "ASSAULT" in [t.type for t in find_triggers(text, 0, len(text), "de")]
