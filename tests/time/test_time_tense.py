"""Clause-level tense for anchoring weekdays and months: German and English verb morphology and auxiliaries."""

from __future__ import annotations

import pytest

from lagebild.time import find_timexes
from lagebild.time.tense import FUTURE, PAST, PRESENT, classify, document_tense

DCT = "2021-12-30"  # a Thursday: the last Monday is 27 December, the next one 3 January


def tense_of(text: str, surface: str, language: str = "de") -> int | None:
    start = text.index(surface)
    return classify(text, start, start + len(surface), (0, len(text)), language)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Biden und Putin hatten am Montag telefoniert.", PAST),  # pluperfect
        ("Die Außenminister trafen sich am Montag in Genf.", PAST),  # strong Präteritum stem
        ("Am Montag kamen die Delegationen an.", PAST),  # strong plural
        ("Die Polizei meldete am Montag einen Unfall.", PAST),  # weak -te
        ("Sie arbeiteten am Montag bis spät in die Nacht.", PAST),  # weak -eten
        ("Er hat am Montag das Werk besucht.", PAST),  # perfect with an inseparable-prefix participle
        ("Am Montag ist das Museum eröffnet worden.", PAST),  # passive perfect
        ("Am Montag wurde er verhaftet.", PAST),
        ("Als die Minister am Montag zusammentrafen, regnete es.", PAST),  # separable prefix glued on
        ("Am Montag wollen sie sich treffen.", FUTURE),
        ("Er wird am Montag nach Rom reisen.", FUTURE),
        ("Die Gespräche sind für Montag geplant.", FUTURE),
        ("Er hat angekündigt, am Montag nach Berlin zu reisen.", FUTURE),  # zu-infinitive clause
        ("Am Montag beginnt der Gipfel.", PRESENT),  # the finite verb after a fronted expression
        ("Am Montag hat er Geburtstag.", PRESENT),  # haben without a participle
    ],
)
def test_german_clause_tense(text: str, expected: int) -> None:
    assert tense_of(text, "Montag") == expected


def test_adjectives_and_t_stem_verbs_are_not_past() -> None:
    assert tense_of("Die Abgeordneten erwarten am Montag die ersten Ergebnisse.", "Montag") != PAST
    assert tense_of("Mit guten Gründen halten sie am Montag fest.", "Montag") != PAST
    assert tense_of("Die Abgeordneten stimmen am Montag ab.", "Montag") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They met on Monday.", PAST),
        ("Putin said on Monday that talks had failed.", PAST),
        ("He has visited Paris on Monday.", PAST),
        ("He will arrive on Monday.", FUTURE),
        ("They are going to meet on Monday.", FUTURE),
        ("The summit begins on Monday.", None),
    ],
)
def test_english_clause_tense(text: str, expected: int | None) -> None:
    assert tense_of(text, "Monday", "en") == expected


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Biden und Putin hatten am Dienstag telefoniert.", "Dienstag", "2021-12-28"),
        ("Die Außenminister trafen sich am Montag.", "Montag", "2021-12-27"),
        ("Am Montag wollen sie sich treffen.", "Montag", "2022-01-03"),
        ("Am kommenden Dienstag treffen sie sich.", "kommenden Dienstag", "2022-01-04"),
        ("Am Dienstag beginnt der Gipfel.", "Dienstag", "2022-01-04"),
    ],
)
def test_weekdays_follow_the_clause_tense(text: str, surface: str, value: str) -> None:
    found = {t.text: t.value for t in find_timexes(text, DCT, "de")}
    assert found[surface] == value


def test_weekday_without_cue_follows_the_report_tense() -> None:
    report = "Die Polizei meldete einen Einbruch. Die Täter flohen. Dienstag: Großeinsatz in der Altstadt."
    preview = "Die Stadt plant ein Fest. Es gibt Musik. Dienstag: Großeinsatz in der Altstadt."
    assert document_tense(report, "de") == PAST and document_tense(preview, "de") == PRESENT
    past = {t.text: t.value for t in find_timexes(report, DCT, "de")}
    coming = {t.text: t.value for t in find_timexes(preview, DCT, "de")}
    assert past["Dienstag"] == "2021-12-28"
    assert coming["Dienstag"] == "2022-01-04"


def test_english_weekdays() -> None:
    found = {
        t.text: t.value for t in find_timexes("They met on Monday and will meet again on Friday.", DCT, "en")
    }
    assert found == {"Monday": "2021-12-27", "Friday": "2021-12-31"}


def test_month_of_the_dct_in_a_past_clause_is_this_year() -> None:
    found = {t.text: t.value for t in find_timexes("Seit Anfang Februar arbeitete er dort.", "2002-02-21")}
    assert found["Anfang Februar"] == "2002-02"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Laut Polizei soll der Täter am Montag geflüchtet sein.", PAST),  # modal + perfect infinitive
        ("Am Montag soll der Täter geflüchtet sein.", PAST),
        ("Die am Montag vorgestellte Studie zeigt Probleme.", PAST),  # attributive participle
        ("Die am Montag geplante Sitzung fällt aus.", None),  # a planned event is no past one
        ("Seit Montag gilt die neue Regel.", PAST),
        ("Ab Montag gilt die neue Regel.", FUTURE),
        ("Die Ausstellung ist bis Montag geöffnet.", FUTURE),  # state passive, not a perfect
        ("Der Streik dauerte bis Montag.", PAST),
        ("Wie am Montag berichtet, werden die Straßen gesperrt.", PAST),  # participle without auxiliary
        ("Die Feier, die am Montag beginnt, wurde lange geplant.", PRESENT),  # the subordinate clause's verb
    ],
)
def test_framing_and_elliptic_constructions(text: str, expected: int | None) -> None:
    found = tense_of(text, "Montag")
    assert found == expected or (expected is None and found != PAST)


def test_framed_weekdays_resolve_by_their_preposition() -> None:
    found = {t.text: t.value for t in find_timexes("Seit Montag gilt die Regel, ab Freitag eine neue.", DCT)}
    assert found == {"Montag": "2021-12-27", "Freitag": "2021-12-31"}
