"""Indirect and reported speech: Konjunktiv, dass-clauses, laut/zufolge/nach Angaben, English said/according to."""

from __future__ import annotations

from lagebild.quotes import find_quotes


def test_konjunktiv_i_after_speech_verb() -> None:
    text = "Putin sagte am Dienstag, er wolle Garantien dafür, dass die Nato sich nicht ausdehne."
    (quote,) = find_quotes(text)
    assert quote.kind == "indirect" and quote.cue == "sagte"
    assert quote.text == "er wolle Garantien dafür, dass die Nato sich nicht ausdehne"
    assert quote.speaker.text == "Putin"


def test_konjunktiv_sentence_continues_reported_speech() -> None:
    text = "Putin sagte, er wolle Garantien. Putin habe die Forderungen vorgelegt."
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == ["er wolle Garantien", "Putin habe die Forderungen vorgelegt"]
    assert all(q.kind == "indirect" and q.speaker.text == "Putin" for q in quotes)


def test_indicative_sentence_is_no_reported_speech() -> None:
    text = "Putin sagte, er wolle Garantien. Die Truppen stehen weiter an der Grenze."
    assert len(find_quotes(text)) == 1


def test_dass_clause() -> None:
    (quote,) = find_quotes("Die Regierung betonte, dass sie an den Sanktionen festhält.")
    assert quote.kind == "indirect" and quote.text == "dass sie an den Sanktionen festhält"
    assert quote.speaker.text == "Die Regierung"


def test_cue_after_message() -> None:
    (quote,) = find_quotes("Russland wolle keinen Krieg, sagte Putin.")
    assert quote.text == "Russland wolle keinen Krieg" and quote.speaker.text == "Putin"


def test_laut() -> None:
    (quote,) = find_quotes("Laut Peskow sei die Lage an der Grenze angespannt.")
    assert quote.cue == "Laut" and quote.speaker.text == "Peskow"
    assert quote.text == "sei die Lage an der Grenze angespannt"


def test_zufolge() -> None:
    (quote,) = find_quotes("Dem Ministerium zufolge wurden 20 Soldaten verlegt.")
    assert quote.cue == "zufolge" and quote.speaker.text == "Dem Ministerium"
    assert quote.text == "wurden 20 Soldaten verlegt"


def test_nach_angaben() -> None:
    (quote,) = find_quotes("Nach Angaben der Regierung wurden die Gespräche abgebrochen.")
    assert quote.cue == "nach Angaben" and quote.speaker.text == "der Regierung"


def test_wie_clause() -> None:
    (quote,) = find_quotes(
        "Die Gespräche sollen am Montag beginnen, wie ein Sprecher des Ministeriums sagte."
    )
    assert quote.text == "Die Gespräche sollen am Montag beginnen"
    assert quote.speaker.text == "ein Sprecher des Ministeriums"


def test_english_said_and_according_to() -> None:
    text = "Peskov said Russia would respond to any attack. According to the ministry, troops moved back."
    first, second = find_quotes(text, "en")
    assert (first.text, first.speaker.text) == ("Russia would respond to any attack", "Peskov")
    assert (second.cue, second.speaker.text, second.text) == (
        "according to",
        "the ministry",
        "troops moved back",
    )
