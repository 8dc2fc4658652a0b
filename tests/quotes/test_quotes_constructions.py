"""Constructions around the cue: quoted outlet names as sources, fronted adverbials, a closing reporting verb,
colon messages after verbs of knowing and stating, and zu-infinitive demands."""

from __future__ import annotations

from lagebild.quotes import find_quotes


def test_quoted_outlet_before_zufolge_is_the_speaker() -> None:
    (quote,) = find_quotes("Dem „Spiegel“ zufolge arbeiten beide Staaten an einem alternativen Plan.")
    assert quote.kind == "indirect" and quote.cue == "zufolge"
    assert quote.text == "arbeiten beide Staaten an einem alternativen Plan"
    assert quote.speaker.text == "Dem „Spiegel“"


def test_quoted_outlet_after_laut_is_the_speaker() -> None:
    (quote,) = find_quotes('Laut "Wired" hat das Unternehmen die Daten seiner Nutzer verkauft.')
    assert quote.kind == "indirect" and quote.cue == "Laut"
    assert quote.text == "hat das Unternehmen die Daten seiner Nutzer verkauft"
    assert quote.speaker.text == '"Wired"'


def test_quoted_outlet_in_genitive_source() -> None:
    (quote,) = find_quotes("Laut einem Bericht der „Washington Post“ plant die Regierung neue Sanktionen.")
    assert quote.text == "plant die Regierung neue Sanktionen"
    assert quote.speaker.text == "einem Bericht der „Washington Post“"


def test_fronted_adverbial_is_no_speaker() -> None:
    (quote,) = find_quotes("Charmant sagt sie, sie habe das nie gewollt.")
    assert quote.text == "sie habe das nie gewollt" and quote.speaker.text == "sie"
    (direct,) = find_quotes("Lachend sagt er: „Das war knapp.“")
    assert direct.kind == "direct" and direct.speaker.text == "er"


def test_object_pronoun_keeps_fronted_subject() -> None:
    (quote,) = find_quotes("Merkel fragte sie, ob sie am Montag komme.")
    assert quote.text == "ob sie am Montag komme" and quote.speaker.text == "Merkel"


def test_closing_reporting_verb_frames_the_whole_sentence() -> None:
    text = "Er habe den Bürgern mehr Geld versprochen, das Land werde aber sparen müssen, sagte er."
    (quote,) = find_quotes(text)
    assert quote.cue == "sagte" and quote.speaker.text == "er"
    assert quote.text == "Er habe den Bürgern mehr Geld versprochen, das Land werde aber sparen müssen"


def test_parenthetical_verb_does_not_close_the_sentence() -> None:
    (quote,) = find_quotes(
        "Ich erinnere mich, den Minister 1994, glaube ich, nach Kambodscha begleitet zu haben."
    )
    assert quote.cue == "erinnere" and quote.speaker.text == "Ich"


def test_colon_after_verb_of_knowing_is_an_indirect_quote() -> None:
    (quote,) = find_quotes("Wir wissen doch alle: Ohne Geld geht es nicht.")
    assert quote.kind == "indirect" and quote.cue == "wissen"
    assert quote.text == "Ohne Geld geht es nicht" and quote.speaker.text == "Wir"


def test_colon_after_claim_noun_with_lauten() -> None:
    (mine,) = find_quotes("Meine Frage lautet: Wann kommt das Geld endlich an?")
    assert mine.kind == "indirect" and mine.text == "Wann kommt das Geld endlich an"
    assert mine.speaker.text == "Meine"
    (theirs,) = find_quotes("Die Botschaft der Regierung lautet: Wir halten Kurs.")
    assert theirs.text == "Wir halten Kurs" and theirs.speaker.text == "der Regierung"


def test_lauten_without_claim_noun_is_no_quote() -> None:
    assert find_quotes("Das Ergebnis des Spiels lautet: drei zu eins für die Gäste.") == []


def test_zu_infinitive_demand_after_long_object() -> None:
    text = "Er rief die Bevölkerung der betroffenen Regionen im Süden und Westen dazu auf, Ruhe zu bewahren."
    (quote,) = find_quotes(text)
    assert quote.kind == "indirect" and quote.cue == "rief ... auf"
    assert quote.text == "Ruhe zu bewahren" and quote.speaker.text == "Er"


def test_forderte_auf_demand() -> None:
    text = "Die Vereinten Nationen forderten am Montag alle Parteien im Osten des Landes auf, die Waffen niederzulegen."
    (quote,) = find_quotes(text)
    assert quote.cue == "forderten ... auf" and quote.text == "die Waffen niederzulegen"
    assert quote.speaker.text == "Die Vereinten Nationen"


def test_adverb_between_verb_and_postponed_speaker() -> None:
    text = (
        'Die Verteilung sei "etwas unerwartet", sagt diplomatisch Stephan Weiland, ein Epidemiologe aus Ulm.'
    )
    (quote,) = find_quotes(text)
    assert quote.kind == "indirect" and quote.speaker.text == "Stephan Weiland"


def test_subject_of_the_message_is_never_its_speaker() -> None:
    (quote,) = find_quotes("Die Lage im Land sei ernst, betonte gestern.")
    assert quote.text == "Die Lage im Land sei ernst" and quote.speaker is None


def test_cue_verb_closing_the_text_has_no_postponed_speaker() -> None:
    (quote,) = find_quotes("Die Lage sei ernst, betonte")
    assert quote.text == "Die Lage sei ernst" and quote.cue == "betonte" and quote.speaker is None
