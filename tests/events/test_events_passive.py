"""German roles from voice and prepositions, verbal attacks, noun events and meetings without participants."""

from __future__ import annotations

import pytest

from events_helpers import ents
from lagebild.events import code_sentence


def coded(text: str, *pairs: tuple[str, str], learned: bool = False):
    return code_sentence(text, "de", ents(text, *pairs), [], "2021-12-30", learned=learned)


@pytest.mark.parametrize("learned", [False, True])
def test_agentless_passive_subject_is_the_target(learned):
    text = "Der Oppositionsführer Nawalny wurde am Montag in Moskau verhaftet ."
    events = coded(text, ("Nawalny", "RUS.OPP"), ("Moskau", "loc.moskau"), learned=learned)
    assert [e.type for e in events] == ["COERCE"]
    assert events[0].source == [] and events[0].target == ["RUS.OPP"]


def test_passive_request_targets_the_subject():
    text = "Kroatien wurde aufgefordert , die Truppen abzuziehen ."
    event = coded(text, ("Kroatien", "HRV.GOV"))[0]
    assert event.type == "REQUEST" and event.source == [] and event.target == ["HRV.GOV"]


def test_passive_with_von_agent_keeps_the_agent_as_source():
    text = "Drei Journalisten aus der Türkei wurden von der Polizei festgenommen ."
    event = coded(text, ("Journalisten", "TUR.MED"), ("Polizei", "TUR.COP"))[0]
    assert event.source == ["TUR.COP"] and event.target == ["TUR.MED"]


def test_future_werden_with_infinitive_is_active():
    text = "Russland wird die Ukraine angreifen ."
    event = coded(text, ("Russland", "RUS.GOV"), ("Ukraine", "UKR.GOV"))[0]
    assert event.type == "ASSAULT" and event.source == ["RUS.GOV"] and event.target == ["UKR.GOV"]


def test_fronted_gegen_phrase_is_the_target():
    text = "Gegen Russland verhängte die EU neue Sanktionen ."
    event = coded(text, ("Russland", "RUS.GOV"), ("EU", "org.eu"))[0]
    assert event.type == "SANCTION" and event.source == ["org.eu"] and event.target == ["RUS.GOV"]


def test_sharp_verbal_attack_is_an_accusation():
    text = "Die SPD griff die Bundesregierung scharf an ."
    types = [e.type for e in coded(text, ("SPD", "DEU.PTY"), ("Bundesregierung", "DEU.GOV"))]
    assert types == ["ACCUSE"]


def test_violating_the_law_is_no_assault():
    text = "Die Regierung Polens verletzt das Völkerrecht ."
    assert not [e for e in coded(text, ("Polens", "POL.GOV")) if e.type == "ASSAULT"]


def test_war_named_by_a_noun_is_an_assault():
    text = "Die Opposition protestierte gegen den Krieg im Irak ."
    assert "ASSAULT" in [e.type for e in coded(text, ("Irak", "IRQ"))]


def test_after_the_war_is_a_time_not_an_event():
    text = "Nach dem Krieg kehrte der Minister nach Polen zurück ."
    assert "ASSAULT" not in [e.type for e in coded(text, ("Polen", "POL"))]


def test_meeting_without_any_party_is_dropped():
    assert coded("Nach dem Treffen gingen alle nach Hause .") == []


def test_advisor_is_no_consultation():
    text = "Der Berater der Firma aus Polen kam spät ."
    assert "CONSULT" not in [e.type for e in coded(text, ("Polen", "POL"))]
