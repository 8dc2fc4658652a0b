"""Actor resolution and trigger coverage: ethnic groups, German event nouns, titled persons, German verbs."""

from __future__ import annotations

from lagebild.actors import shipped
from lagebild.actors.mentions import Mention, ethnic_groups
from lagebild.events import code_sentence
from lagebild.model import Entity


def ents(text: str, *pairs: tuple[str, str, str]) -> list[Entity]:
    """Entities for (surface, label, actor id) triples at their first occurrence in text."""
    out = []
    for surface, label, actor in pairs:
        start = text.index(surface)
        out.append(Entity(start, start + len(surface), surface, label, actor or None))
    return out


def countries(ids: list[str]) -> set[str | None]:
    return {shipped().cameo_code(a)[0] for a in ids}


def mention(text: str, surface: str, actor: str) -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), surface, actor)


def test_ethnic_group_takes_the_country_it_lives_in():
    text = "Ethnic Albanians have sworn to fight near Macedonia's border."
    found = ethnic_groups(text, [mention(text, "Albanians", "ALB"), mention(text, "Macedonia", "MKD.GOV")])
    assert [m.actor for m in found] == ["MKD", "MKD.GOV"]


def test_group_of_a_named_region_takes_that_country():
    text = "The Albanians of southern Serbia are demanding autonomy."
    found = ethnic_groups(text, [mention(text, "Albanians", "ALB"), mention(text, "Serbia", "SRB.GOV")])
    assert found[0].actor == "SRB"


def test_nationality_without_ethnic_cue_keeps_its_country():
    text = "Albanian troops crossed into Macedonia."
    found = ethnic_groups(text, [mention(text, "Albanian", "ALB.MIL"), mention(text, "Macedonia", "MKD")])
    assert found[0].actor == "ALB.MIL"


def test_english_ethnic_group_is_coded_by_residence_in_the_event():
    events = code_sentence(
        "Ethnic Albanians have sworn to fight until they control villages in Macedonia.", "en"
    )
    assert events and countries(events[0].source) == {"MKD"}


def test_country_adjective_before_event_noun_is_its_agent():
    text = "Nach dem israelischen Abzug aus dem Gazastreifen hat die palästinensische Polizei begonnen ."
    entities = ents(
        text, ("israelischen", "MISC", ""), ("Gazastreifen", "LOC", ""), ("palästinensische", "MISC", "")
    )
    (retreat,) = [e for e in code_sentence(text, "de", entities) if e.type == "RETREAT"]
    assert countries(retreat.source) == {"ISR"} and countries(retreat.target) == {"PSE"}


def test_durch_phrase_after_event_noun_is_its_agent():
    text = "Olmert sprach über den Beschuss Israels durch Palästinenser ."
    entities = ents(text, ("Olmert", "PER", ""), ("Israels", "LOC", ""), ("Palästinenser", "MISC", ""))
    (assault,) = [e for e in code_sentence(text, "de", entities) if e.type == "ASSAULT"]
    assert countries(assault.source) == {"PSE"} and countries(assault.target) == {"ISR"}


def test_titled_person_with_party_in_brackets_is_no_dateline():
    text = "Bundesfinanzminister Wolfgang Schäuble ( CDU ) begrüßte den Vorstoß ."
    entities = ents(text, ("Wolfgang Schäuble", "PER", ""), ("CDU", "ORG", ""))
    (support,) = code_sentence(text, "de", entities)
    assert support.type == "SUPPORT" and countries(support.source) == {"DEU"}


def test_place_dateline_is_still_no_actor():
    text = "Berlin ( dpa ) - Die Gewerkschaft kritisierte den Plan ."
    events = code_sentence(text, "de", ents(text, ("Berlin", "LOC", ""), ("dpa", "ORG", "")))
    assert events and events[0].type == "ACCUSE"
    assert all(shipped().cameo_code(a)[1] != "GOV" for a in events[0].source)


def test_german_verbs_of_complaint_appeal_and_assent():
    cases = {
        "Die Opposition beklagt sich über die Regierung .": "ACCUSE",
        "Der Minister plädierte dafür , die Regelung auszusetzen .": "REQUEST",
        "Der Ministerpräsident pflichtete dem Kanzler bei .": "SUPPORT",
        "Die Kanzlerin wurde auf dem Kongress ausgepfiffen .": "PROTEST",
        "Die Armee meldete erneuten Raketenbeschuss .": "ASSAULT",
    }
    for text, etype in cases.items():
        assert etype in {e.type for e in code_sentence(text, "de")}, text


def test_fighter_is_no_fight_and_delivery_is_no_extradition():
    assert not code_sentence("Barghuti präsentierte sich als Kämpfer gegen Korruption .", "de")
    assert not code_sentence("Die Firma hat Anlagen in die EU ausgeliefert .", "de")
    extradition = code_sentence("Kroatien hat den General an das Tribunal ausgeliefert .", "de")
    assert "COOPERATE" in {e.type for e in extradition}
