"""Actor coverage and construction fixes: historical office holders, offices of organisations, demonyms,
possessives, residents' nationality, sports and interviews, German word order and compound triggers."""

from __future__ import annotations

import pytest

from lagebild.actors import shipped
from lagebild.actors.mentions import find_mentions
from lagebild.events import code_sentence
from lagebild.model import Entity

DATE = "2000-01-01"


def countries(actor_ids: list[str]) -> set[str]:
    return {c for a in actor_ids if (c := shipped().cameo_code(a)[0])}


def english(text: str, date: str | None = DATE):
    return code_sentence(text, "en", published=date)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("President Bush met Yasser Arafat in Washington.", {"USA", "PSE"}, set()),
        ("Slobodan Milosevic accused Croatia of aggression.", {"SRB"}, {"HRV"}),
        ("Muammar Gaddafi criticised Egypt.", {"LBY"}, {"EGY"}),
        ("Laurent Gbagbo accused the rebels.", {"CIV"}, set()),
    ],
)
def test_historical_office_holders_are_coded(text, source, target):
    event = english(text)[0]
    assert countries(event.source) | (countries(event.target) if event.type == "CONSULT" else set()) >= source
    assert countries(event.target) >= target


def test_person_in_an_international_office_acts_for_the_organisation():
    assert shipped().acting_for("per.kofi-annan", "2000-06-01") == "org.un"
    assert shipped().acting_for("per.ban-ki-moon", "2000-06-01") == "per.ban-ki-moon"  # not yet in office
    assert shipped().acting_for("per.ban-ki-moon", "2010-06-01") == "org.un"
    assert shipped().acting_for("per.kofi-annan") == "org.un"  # undated: the latest office
    assert shipped().acting_for("per.wladimir-putin", "2010-06-01") == "per.wladimir-putin"
    assert shipped().acting_for("RUS.GOV") == "RUS.GOV"
    event = english("U.N. Secretary-General Kofi Annan criticised Iraq.")[0]
    assert shipped().cameo_code(event.source[0])[0] == "IGO"


def test_full_name_inside_the_sentence_and_possessives_are_found():
    text = "Former Socialist prime minister Andreas Papandreou demanded immediate elections."
    assert [m.actor for m in find_mentions(text, 0, len(text), (), DATE, "en")] == ["per.andreas-papandreou"]
    text = "The German government welcomed President Reagan's statement."
    assert "USA" in {
        shipped().cameo_code(m.actor)[0] for m in find_mentions(text, 0, len(text), (), DATE, "en")
    }


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Vietnamese-led forces attacked the border post.", "VNM"),
        ("Kampuchean guerrillas attacked the border post.", "KHM"),
        ("Ghanaian authorities expelled the traders.", "GHA"),
        ("Burmese troops attacked the village.", "MMR"),
        ("The PRC demanded that the US cancel the sale.", "CHN"),
    ],
)
def test_demonyms_and_names_of_states(text, code):
    assert code in countries(english(text)[0].source)


def test_residents_take_the_nationality_of_their_state():
    (event,) = english("Bosnian Serbs completed their withdrawal from the town.")
    assert countries(event.source) == {"BIH"}
    assert countries(english("Russia and Ukraine talked.")[0].source) == {"RUS", "UKR"}


def test_sports_reporting_has_no_events():
    assert english("The football club demanded an apology from the referee.") == []
    assert code_sentence("Der Trainer kritisierte den Verein im Trainingslager.", "de") == []


def test_interview_with_news_agency_is_no_consultation():
    text = "„Das ist gut“ , sagte Minister Müller im Gespräch mit der Deutschen Presse-Agentur ( dpa ) ."
    start = text.index("Deutschen")
    entities = [Entity(start, start + len("Deutschen Presse-Agentur"), "Deutschen Presse-Agentur", "ORG")]
    assert not [e for e in code_sentence(text, "de", entities) if e.type == "CONSULT"]


def test_person_with_party_in_brackets_is_no_dateline():
    text = "Verteidigungsminister Franz Josef Jung ( CDU ) warb für eine Erneuerung der Allianz ."
    entities = [Entity(22, 38, "Franz Josef Jung", "PER"), Entity(41, 44, "CDU", "ORG")]
    (event,) = code_sentence(text, "de", entities)
    assert event.type == "SUPPORT" and countries(event.source) == {"DEU"}


def test_subject_before_object_pronoun_in_subordinate_clause():
    text = "Er dürfe nicht weiter gehen , als die EU es fordere ."
    start = text.index("EU")
    (event,) = code_sentence(text, "de", [Entity(start, start + 2, "EU", "ORG")])
    assert event.type == "REQUEST" and event.source == ["org.eu"] and event.target == []


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("Ein Terroranschlag erschütterte die Stadt .", "ASSAULT", None),
        ("Die Ermordung des Ministers löste Proteste aus .", "ASSAULT", None),
        ("Er forderte Paris auf , sich für die europäische Einigung einzusetzen .", "SUPPORT", "AGREE"),
        ("Der Minister stellte eine Steigerung der Förderung in Aussicht .", "AGREE", None),
    ],
)
def test_german_compound_and_phrase_triggers(text, expected, absent):
    types = {e.type for e in code_sentence(text, "de", [])}
    assert expected in types
    assert absent is None or absent not in types
