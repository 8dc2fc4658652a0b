"""Main clause before subordinate clauses, and German word order and attribution constructions."""

from __future__ import annotations

from lagebild.actors import shipped
from lagebild.events import code_sentence
from lagebild.events.depth import depths
from lagebild.events.features import find_triggers
from lagebild.model import Entity


def _codes(ids: list[str]) -> set[str]:
    return {c for a in ids if (c := shipped().cameo_code(a)[0])}


def _ent(text: str, name: str, label: str) -> Entity:
    start = text.index(name)
    return Entity(start=start, end=start + len(name), text=name, label=label)


def _depth_of(text: str, word: str, language: str) -> int:
    return depths(text, 0, len(text), [text.index(word)], language)[0]


def test_fronted_phrase_complement_and_relative_clause_are_subordinate() -> None:
    text = "With the signing of a treaty (in Rome), Sudan agreed to allow access, which rebels attacked."
    assert _depth_of(text, "signing", "en") == 1
    assert _depth_of(text, "agreed", "en") == 0
    assert _depth_of(text, "allow", "en") == 1
    assert _depth_of(text, "Rome", "en") == 1  # a bracket does not close the fronted phrase
    relative = "Sudan, which rebels attacked in May, agreed to talks."
    assert _depth_of(relative, "attacked", "en") == 1
    assert _depth_of(relative, "agreed", "en") == 0


def test_preposition_to_opens_no_clause() -> None:
    text = "Iran sent aid to the Red Crescent and to Iraq."
    assert _depth_of(text, "Iraq", "en") == 0


def test_german_subordinate_clauses_and_zu_infinitives() -> None:
    text = "Kroatien wurde aufgefordert , mit dem Tribunal zu kooperieren , bevor die Frist endet ."
    assert _depth_of(text, "aufgefordert", "de") == 0
    assert _depth_of(text, "kooperieren", "de") == 1
    assert _depth_of(text, "endet", "de") == 1
    assert _depth_of("Russland bestreitet die Absicht , die Ukraine anzugreifen .", "anzugreifen", "de") == 1


def test_main_clause_event_comes_first() -> None:
    text = "With the signing of a memorandum, Sudan and Chad have agreed to allow humanitarian access."
    events = code_sentence(text, "en")
    assert events[0].type == "AGREE"
    assert any(e.type == "SUPPORT" for e in events[1:])


def test_host_stem_does_not_match_hostilities() -> None:
    triggers = find_triggers("The Cessation of Hostilities holds.", 0, 35, "en")
    assert not any(t.type == "CONSULT" for t in triggers)
    assert [t.type for t in find_triggers("Egypt hosted the talks.", 0, 23, "en")][:1] == ["CONSULT"]


def test_article_is_the_left_edge_of_a_phrase_after_the_verb() -> None:
    text = "Am Montag kritisierte der russische Präsident die Nato scharf ."
    (event,) = code_sentence(text, "de", [_ent(text, "Nato", "ORG")])
    assert event.type == "ACCUSE"
    assert _codes(event.source) == {"RUS"} and event.target == ["org.nato"]


def test_genitive_actor_codes_the_role_holder() -> None:
    text = "Der Sprecher des Kremls kritisierte die Nato ."
    (event,) = code_sentence(text, "de", [_ent(text, "Kremls", "ORG"), _ent(text, "Nato", "ORG")])
    assert _codes(event.source) == {"RUS"} and event.target == ["org.nato"]


def test_impersonal_man_takes_the_trailing_attribution_as_source() -> None:
    text = "Man habe sich auf Gespräche geeinigt , teilte das russische Außenministerium mit ."
    events = code_sentence(text, "de", [])
    agree = next(e for e in events if e.type == "AGREE")
    assert _codes(agree.source) == {"RUS"}
    text = "Man werde die Sanktionen gegen Russland verschärfen , hieß es aus Washington ."
    (event,) = code_sentence(text, "de", [_ent(text, "Russland", "LOC"), _ent(text, "Washington", "LOC")])
    assert _codes(event.source) == {"USA"} and _codes(event.target) == {"RUS"}


def test_fronted_object_with_nominative_subject_after_the_verb() -> None:
    text = "Die Nato kritisierte der Außenminister Lawrow scharf ."
    ents = [_ent(text, "Nato", "ORG"), _ent(text, "Lawrow", "PER")]
    (event,) = code_sentence(text, "de", ents)
    assert event.target == ["org.nato"] and event.source and event.source != ["org.nato"]
    plain = "Die Nato kritisierte die Ukraine scharf ."
    (event,) = code_sentence(plain, "de", [_ent(plain, "Nato", "ORG"), _ent(plain, "Ukraine", "LOC")])
    assert event.source == ["org.nato"] and _codes(event.target) == {"UKR"}


def test_announcement_of_a_past_act_is_no_intention() -> None:
    text = "The Nigerian teachers' union announced Thursday that it has called off a strike."
    events = code_sentence(text, "en")
    assert events[0].type == "CONCEDE" and not any(e.type == "AGREE" for e in events)
