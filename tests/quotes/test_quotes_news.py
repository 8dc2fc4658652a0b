"""News constructions: postponed subjects, quoted titles, partial quotes in reported clauses, non-speech uses."""

from __future__ import annotations

from lagebild.quotes import find_quotes


def _speaker(text: str) -> str:
    (quote,) = find_quotes(text)
    return text[quote.speaker.start : quote.speaker.end]


def test_subject_after_cue_and_adverbs() -> None:
    assert _speaker("„Die liegen uns“, sagt deshalb auch Tina Theune-Meyer.") == "Tina Theune-Meyer"
    text = "„Das ist fair“, sagte am Freitag der Regierungssprecher Max Hohenberg der Agentur AFP."
    assert "Max Hohenberg" in _speaker(text)


def test_subject_after_conjunction() -> None:
    assert _speaker("Und er fügte hinzu: „Deutschland ist ein attraktiver Standort.“") == "er"


def test_quoted_title_is_no_quotation() -> None:
    quotes = find_quotes("„Wir brauchen mehr Lehrer an den Grundschulen“, sagte sie dem „Stern“.")
    assert [q.text for q in quotes] == ["Wir brauchen mehr Lehrer an den Grundschulen"]


def test_partial_quote_inside_reported_clause_is_indirect() -> None:
    (quote,) = find_quotes("Die Lage der Brücke sei „gefährlich“, sagte sie.")
    assert quote.kind == "indirect" and quote.text.startswith("Die Lage der Brücke")


def test_declarations_are_no_speech() -> None:
    assert find_quotes("Der Vatikan wurde zum Feind erklärt, und der Nuntius aus Prag ausgewiesen.") == []
    assert (
        find_quotes("Vorrangig ist die erklärte Ausgliederung der Mannschaft, genauer gesagt in eine KG.")
        == []
    )
