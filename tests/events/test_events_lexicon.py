"""The German trigger lexicon follows the PLOVER codebook: verbs, separated particles, nouns and modes."""

from __future__ import annotations

import pytest

from lagebild.events import code_sentence
from lagebild.events.features import find_triggers
from lagebild.events.resources import expand
from lagebild.model import Entity


def _types(text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.mode) for e in code_sentence(text, "de")]


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Russland sagte der Ukraine weitere Gespräche zu.", "AGREE"),
        ("Frankreich sicherte Griechenland Unterstützung zu.", "AGREE"),
        ("Russland griff die Stadt am Morgen an.", "ASSAULT"),
        ("Die Nato kündigte Vergeltung an.", "THREATEN"),
        ("Die USA verhängten ein Ölembargo gegen den Iran.", "SANCTION"),
        ("Polen brach die diplomatischen Beziehungen zu Belarus ab.", "SANCTION"),
        ("Israel zog sich aus dem Gazastreifen zurück.", "RETREAT"),
        ("Die Regierung hob die Ausgangssperre auf.", "CONCEDE"),
        ("Die Regierung lehnte die Forderungen der Hartz-IV-Gegner ab.", "REJECT"),
        ("Die UN stellten 10 Millionen Dollar zur Verfügung.", "AID"),
        ("Der Kanzler traf den französischen Präsidenten in Paris.", "CONSULT"),
        ("Die Staatsanwaltschaft ermittelt gegen den russischen Minister.", "ACCUSE"),
        ("Die Gewerkschaft rief in Frankreich einen Warnstreik aus.", "PROTEST"),
        ("Die Armee verlegte weitere Soldaten an die Grenze.", "MOBILIZE"),
    ],
)
def test_codebook_forms(text: str, etype: str) -> None:
    assert etype in [t for t, _mode in _types(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Der Botschafter wandte sich an die Presse.",  # "bot ... an" is no offer
        "Er zeigte seinen Ausweis an der Grenze.",  # an identity card, no expulsion
        "Die Protestanten feierten den Reformationstag.",
        "Der Konzern bietet seine Produkte in Asien an.",  # a commercial offer
        "Der Bayern-Trainer kritisierte den Schiedsrichter.",  # sport
        "Er setzte sich aus Vertretern der Länder zusammen.",  # "aus" is a preposition here
    ],
)
def test_no_false_hits(text: str) -> None:
    assert _types(text) == []


def test_modes_from_the_codebook() -> None:
    assert ("COERCE", "arrest") in _types("Die Polizei nahm in Moskau 30 Demonstranten fest.")
    assert ("PROTEST", "boycott") in _types("Tausende Arbeiter traten in Frankreich in einen Generalstreik.")
    assert ("AID", "military") in _types("Deutschland liefert Waffen an die Ukraine.")
    assert ("MOBILIZE", "troops") in _types("Die Armee verlegte weitere Soldaten an die Grenze.")


def test_separated_particle_stands_at_the_clause_end() -> None:
    text = "Moskau sagte am Montag, man werde versuchen zu verhandeln."
    assert [t.type for t in find_triggers(text, 0, len(text), "de") if t.type == "AGREE"] == []


def test_shorthands_expand() -> None:
    assert "{gap}" not in expand("lehnt\\w* {gap}ab{end}")
    assert expand("droh\\w*") == "droh\\w*"


def test_event_noun_in_a_separated_verb_is_its_complement() -> None:
    assert _types("Die Opposition rief zu einem Generalstreik auf.") == [
        ("REQUEST", None),
        ("PROTEST", "boycott"),
    ]
    assert [t for t, _mode in _types("Russland sagte der Ukraine weitere Gespräche zu.")] == [
        "AGREE",
        "CONSULT",
    ]


def _org(text: str, surface: str) -> Entity:
    start = text.index(surface)
    return Entity(start, start + len(surface), surface, "ORG")


def test_companies_alone_make_no_political_event() -> None:
    text = "Die Bahn einigte sich mit Siemens auf einen Liefervertrag."
    entities = [_org(text, "Bahn"), _org(text, "Siemens")]
    assert code_sentence(text, "de", entities) == []
    text = "Die Bundesregierung einigte sich mit Siemens auf einen Liefervertrag."
    assert [e.type for e in code_sentence(text, "de", [_org(text, "Siemens")])] == ["AGREE"]


def test_signatures_count_only_when_collected() -> None:
    assert "PROTEST" in [
        t for t, _ in _types("Die Opposition hat 50.000 Unterschriften gegen das Gesetz gesammelt.")
    ]
    assert _types("Dazu sind 4 Prozent der Wahlberechtigten nötig, sprich rund 1200 Unterschriften.") == []


def test_director_general_is_no_military_actor() -> None:
    events = code_sentence(
        "Laut Generaldirektor Hanspeter Staffler unterstützt die Regierung den Plan.", "de"
    )
    assert all(not a.endswith(".MIL") for e in events for a in [*e.source, *e.target])
    generals = code_sentence("Die russischen Generäle drohten der Ukraine mit einem Angriff.", "de")
    assert any(a == "RUS.MIL" for e in generals for a in e.source)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hölzl fühlte sich von einigen der Seinen hintergangen.", []),
        ("Die Parteien konnten sich nicht auf einen Kompromiss einigen.", ["AGREE"]),
        ("Mit der Entsendung Bizzos in die Kommission ist der Knoten gelöst.", []),
        ("Die USA haben 3000 Soldaten in die Region entsandt.", ["MOBILIZE"]),
    ],
)
def test_determiner_einigen_and_civil_postings_are_no_events(text: str, expected: list[str]) -> None:
    assert [t.type for t in find_triggers(text, 0, len(text), "de")] == expected
