"""Feature extraction and actor resolution of the event coder (no actor dictionary needed)."""

from __future__ import annotations

from lagebild.actors import shipped
from lagebild.actors.mentions import gazetteer_actor
from lagebild.events import code_sentence
from lagebild.events.features import find_cues, find_triggers, split_clauses
from lagebild.language.resources import data
from lagebild.model import EVENT_TYPES, Entity


def test_lexicon_types_are_plover_types():
    german, english = (data(code).table("event_triggers")["triggers"] for code in ("de", "en"))
    assert {entry["type"] for entry in (*german, *english)} <= set(EVENT_TYPES)
    assert [entry["type"] for entry in german] == [entry["type"] for entry in english]
    assert all(de["patterns"] and en["patterns"] for de, en in zip(german, english, strict=True))


def test_discontinuous_german_trigger_is_anchored_on_its_verb():
    text = "Moskau wirft Kiew eine destruktive Linie vor."
    (trigger,) = find_triggers(text, 0, len(text), "de")
    assert trigger.type == "ACCUSE" and text[trigger.start : trigger.end] == "wirft"


def test_lookalike_words_are_not_triggers():
    for text in ("Die Vereinigung besteht vorwiegend aus Freunden.", "Einsatz einer Drohne am Stand."):
        assert find_triggers(text, 0, len(text), "de") == []


def test_cues_and_clauses():
    text = "Die USA würden Sanktionen verhängen, falls Russland angreift."
    cues = find_cues(text, 0, len(text), "de")
    assert cues["hypothetical"] and cues["conditional"]
    assert len(split_clauses(text, 0, len(text))) == 2


def test_gazetteer_resolves_adjectives_with_sector_and_organisations():
    text = "Russische Truppen und die Nato"
    assert gazetteer_actor(text, 0, 9) == "RUS.MIL"
    nato = text.index("Nato")
    assert gazetteer_actor(text, nato, nato + 4) == "org.nato"
    assert shipped().cameo_code("RUS.MIL") == ("RUS", "MIL")
    assert shipped().cameo_code("org.nato")[0] in ("IGO", None)


def test_passive_agent_is_source():
    text = "Kroatien wurde von der EU aufgefordert, mit dem Tribunal zu kooperieren."
    entities = [Entity(0, 8, "Kroatien", "LOC", "HRV.GOV"), Entity(23, 25, "EU", "ORG", "org.eu")]
    request = next(e for e in code_sentence(text, "de", entities) if e.type == "REQUEST")
    assert request.source == ["org.eu"] and request.target == ["HRV.GOV"]


def test_dateline_place_is_not_the_actor():
    text = "Berlin, 13.01.2009: Die Nato fordert Gespräche."
    events = code_sentence(
        text, "de", [Entity(0, 6, "Berlin", "LOC", "DEU.GOV"), Entity(24, 28, "Nato", "ORG", "org.nato")]
    )
    assert events[0].type == "REQUEST" and events[0].source == ["org.nato"]


def test_publication_date_is_the_fallback_date():
    (event,) = [e for e in code_sentence("Die Polizei nahm drei Männer fest.", "de", published="2021-12-30")]
    assert event.type == "COERCE" and event.date == "2021-12-30" and event.date_from == "published"
