"""Actor roles from German and English sentence structure: attributions, subordinate clauses, the Vorfeld."""

from __future__ import annotations

from events_helpers import ents
from lagebild.events import code_sentence


def first(text: str, *pairs: tuple[str, str], language: str = "de"):
    events = code_sentence(text, language, ents(text, *pairs), [], "2021-12-30", learned=False)
    assert events
    return events[0]


def test_trailing_attribution_is_not_coordinated_with_the_target():
    text = "North Korea has attacked the United States, South Korea's defense ministry said Monday."
    event = first(
        text,
        ("North Korea", "PRK.GOV"),
        ("United States", "USA.GOV"),
        ("South Korea", "KOR.GOV"),
        language="en",
    )
    assert event.type == "ASSAULT"
    assert event.source == ["PRK.GOV"] and event.target == ["USA.GOV"]


def test_according_to_names_the_reporter_not_a_participant():
    text = "Russia attacked Ukraine according to a report submitted to the Canadian government."
    event = first(text, ("Russia", "RUS.GOV"), ("Ukraine", "UKR.GOV"), ("Canadian", "CAN.GOV"), language="en")
    assert event.source == ["RUS.GOV"] and event.target == ["UKR.GOV"]


def test_laut_phrase_is_not_an_actor():
    text = "Laut Frankreich hat Russland die Ukraine angegriffen."
    event = first(text, ("Frankreich", "FRA.GOV"), ("Russland", "RUS.GOV"), ("Ukraine", "UKR.GOV"))
    assert event.type == "ASSAULT"
    assert "FRA.GOV" not in event.source + event.target


def test_zufolge_phrase_is_not_an_actor():
    text = "Der Regierung zufolge hat Frankreich Russland kritisiert."
    pairs = (("Regierung", "DEU.GOV"), ("Frankreich", "FRA.GOV"), ("Russland", "RUS.GOV"))
    event = first(text, *pairs)
    assert "DEU.GOV" not in event.source + event.target


def test_subject_right_after_dass_is_the_source():
    text = "Merkel erklärte, dass Russland die Ukraine angegriffen habe."
    event = first(text, ("Merkel", "DEU.GOV"), ("Russland", "RUS.GOV"), ("Ukraine", "UKR.GOV"))
    assert event.type == "ASSAULT"
    assert event.source == ["RUS.GOV"] and event.target == ["UKR.GOV"]


def test_actor_after_the_finite_verb_of_a_noun_vorfeld_is_the_object():
    text = "US-Präsident Bush erklärte, die Welt könne Iran nicht trauen."
    event = first(text, ("US-Präsident Bush", "USA.GOV"), ("Iran", "IRN.GOV"))
    assert event.type == "ACCUSE"
    assert event.source == ["USA.GOV"] and event.target == ["IRN.GOV"]


def test_actor_in_the_vorfeld_stays_the_subject():
    text = "Bush erklärte, Iran könne dem Westen nicht trauen."
    event = first(text, ("Bush", "USA.GOV"), ("Iran", "IRN.GOV"))
    assert event.source == ["IRN.GOV"]
