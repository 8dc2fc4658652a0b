"""Speaker attribution around the cue: appositions, coordinated verbs, fronted auxiliaries, parentheses, dashes."""

from __future__ import annotations

from lagebild.quotes import find_quotes


def test_speaker_before_role_apposition() -> None:
    text = (
        "Turan Buzgan, Leiter der Gesundheitsdienste, sagte der Agentur Anadolu, fünf Proben seien positiv."
    )
    (quote,) = find_quotes(text)
    assert quote.text == "fünf Proben seien positiv" and quote.speaker.text == "Turan Buzgan"


def test_coordinated_verb_shares_subject() -> None:
    text = "Schulte bestätigte am Donnerstag die Angaben, betonte jedoch, er habe sich korrekt verhalten."
    (quote,) = find_quotes(text)
    assert quote.text == "er habe sich korrekt verhalten" and quote.speaker.text == "Schulte"


def test_interposed_cue_takes_whole_sentence() -> None:
    (quote,) = find_quotes("Den Vertrag, so Maria Lindholm, habe sie erst am Morgen erhalten.")
    assert quote.kind == "indirect" and quote.speaker.text == "Maria Lindholm"
    assert quote.text.startswith("Den Vertrag") and quote.text.endswith("am Morgen erhalten")


def test_subject_after_fronted_auxiliary() -> None:
    (quote,) = find_quotes("„Das ist doch verrückt“, würden meine Kinder sagen.")
    assert quote.kind == "direct" and quote.speaker.text == "meine Kinder"


def test_substantive_pronoun_and_age_noun_speakers() -> None:
    quotes = find_quotes(
        "„Nein, das darf man nicht“, sagen die einen. „Wir bleiben hier“, sagte der 56-Jährige."
    )
    assert [q.speaker.text for q in quotes] == ["die einen", "der 56-Jährige"]


def test_party_in_parentheses_after_name() -> None:
    (quote,) = find_quotes('Auch Minister Henry Tesch (CDU) berichtete von einer "breiten Zustimmung".')
    assert quote.text == "breiten Zustimmung" and quote.speaker.text == "Minister Henry Tesch"


def test_quoted_word_inside_clause_keeps_subject() -> None:
    (quote,) = find_quotes("Ich habe nur „skeptisch“ gesagt.")
    assert quote.text == "skeptisch" and quote.speaker.text == "Ich"


def test_parenthetical_dash_cue() -> None:
    (quote,) = find_quotes("Sie wollen keine - ich zitiere - „Öffnungsdiskussionsorgien“.")
    assert quote.cue == "zitiere" and quote.speaker.text == "ich"


def test_formal_address_is_not_resolved_to_a_third_person() -> None:
    text = "Gesundheitsminister Jens Spahn sagte, es gebe Tests. Nun haben Sie gesagt, es gebe genug Masken."
    second = find_quotes(text)[-1]
    assert second.speaker.text == "Sie" and second.speaker.actor is None


def test_named_term_is_no_quotation() -> None:
    assert find_quotes("Im Wahlprogramm kommt das Wort „Kindergeld“ nicht vor, Stichwort „Mehrarbeit“.") == []


def test_quoted_title_before_reported_clause() -> None:
    text = 'Petra Lindner (SPD) sagte dem Magazin "Stern", sie könne den Ärger der Pendler gut verstehen.'
    (quote,) = find_quotes(text)
    assert quote.kind == "indirect" and quote.text == "sie könne den Ärger der Pendler gut verstehen"
    assert quote.speaker.text == "Petra Lindner"


def test_lower_case_verb_frage_is_a_cue() -> None:
    (quote,) = find_quotes("Ich frage Sie, ob die Regierung das Geld rechtzeitig auszahlen wird.")
    assert quote.cue == "frage" and quote.speaker.text == "Ich"
