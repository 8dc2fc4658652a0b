"""Rules written for wording in general, not for one sentence: compound event nouns, event nouns heading an
actor's phrase, verbal protest, sports leagues, news agencies."""

from __future__ import annotations

from lagebild.actors import shipped
from lagebild.events import code_sentence
from lagebild.model import Entity


def _entity(text: str, surface: str, label: str) -> Entity:
    start = text.index(surface)
    return Entity(start, start + len(surface), surface, label)


def test_compound_embargo_is_a_sanction() -> None:
    events = code_sentence("Die USA verhängten ein Rüstungsembargo gegen Eritrea.", "de")
    assert [e.type for e in events] == ["SANCTION"]


def test_event_noun_heading_an_actor_phrase_is_the_event() -> None:
    text = "Für Eritrea galt ein Rüstungsembargo der UNO."
    events = code_sentence(text, "de", [_entity(text, "UNO", "ORG"), _entity(text, "Eritrea", "LOC")])
    assert [e.type for e in events] == ["SANCTION"]
    assert [shipped().cameo_code(a)[0] or shipped().cameo_code(a)[1] for a in events[0].source] == ["IGO"]


def test_protest_in_a_letter_is_an_accusation() -> None:
    text = "Georgische Menschenrechtler protestierten in einem offenen Brief gegen die Regierung."
    assert [e.type for e in code_sentence(text, "de")] == ["ACCUSE"]


def test_street_protest_stays_a_protest() -> None:
    assert [e.type for e in code_sentence("Tausende Georgier protestierten in Tiflis.", "de")] == ["PROTEST"]


def test_regional_league_contract_is_sport() -> None:
    text = "Augsburg stieg aus der Regionalliga ab, so dass Böhni beim SSV Reutlingen einen Vertrag unterschrieb."
    assert code_sentence(text, "de", [_entity(text, "Böhni", "PER")]) == []


def test_visitors_are_no_visit() -> None:
    events = code_sentence("Die Parkverwaltung verlangt einen Betrag von den Besuchern.", "de")
    assert "CONSULT" not in {e.type for e in events}
    assert "CONSULT" in {e.type for e in code_sentence("Der Kanzler besuchte Paris.", "de")}


def test_new_german_verbs() -> None:
    assert "COOPERATE" in {
        e.type for e in code_sentence("Die Grünen wollen sich mit der SPD verbünden.", "de")
    }
    assert "REJECT" in {
        e.type for e in code_sentence("Die Regierung distanzierte sich von dem Ergebnis.", "de")
    }


def test_news_agency_is_no_place_of_the_event() -> None:
    text = (
        "14 Flüchtige seien gefangen genommen worden, sagte der Polizeichef von Kandahar, Sajed Agha Sakeb, "
        "der Nachrichtenagentur AFP."
    )
    events = code_sentence(text, "de", [_entity(text, "AFP", "ORG")])
    assert events and events[0].type == "COERCE"
    assert all(shipped().cameo_code(a)[0] != "FRA" for e in events for a in e.source + e.target)


def test_a_meetings_venue_is_no_party() -> None:
    text = "U.S. and Russian negotiators return to Geneva this week for talks on missiles."
    events = code_sentence(text, "en")
    assert events and events[0].type == "CONSULT"
    codes = {shipped().cameo_code(a)[0] for a in events[0].source + events[0].target}
    assert codes == {"USA", "RUS"}


def test_unplaced_domestic_person_belongs_to_the_outlets_country() -> None:
    text = "Landesrat Richard Theiner kritisierte die Regierung in Rom scharf."
    entities = [_entity(text, "Richard Theiner", "PER"), _entity(text, "Rom", "LOC")]
    italian = code_sentence(text, "de", entities, home="ITA")
    assert [shipped().cameo_code(a)[0] for a in italian[0].source] == ["ITA"]
    german_press = code_sentence(
        "Landesrat Richard Theiner kritisierte die Regierung scharf.", "de", entities[:1]
    )
    # no outlet country: the language's
    assert [shipped().cameo_code(a)[0] for a in german_press[0].source] == ["DEU"]
