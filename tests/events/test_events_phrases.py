"""Actor phrases and word order: the constructions behind the largest groups of record-level errors."""

from __future__ import annotations

from lagebild.actors import shipped
from lagebild.actors.mentions import find_mentions
from lagebild.events import code_sentence
from lagebild.events.features import sentence_features
from lagebild.events.rules import _groups
from lagebild.model import Entity


def _codes(ids: list[str]) -> set[str]:
    return {c for a in ids if (c := shipped().cameo_code(a)[0])}


def _ent(text: str, name: str, label: str) -> Entity:
    start = text.index(name)
    return Entity(start=start, end=start + len(name), text=name, label=label)


def test_the_nearest_preposition_introduces_a_name() -> None:
    text = "Rebels dismissed an appeal from Turkey to lay down their arms."
    features = sentence_features(text, 0, len(text), "en")
    (group,) = [g for g in _groups(features) if text[g.start : g.end] == "Turkey"]
    assert group.prep == "from"


def test_sector_noun_with_its_country_is_one_actor() -> None:
    text = "Rebels in the Ivory Coast attacked a government convoy."
    mentions = find_mentions(text, 0, len(text), language="en")
    assert [(m.text, shipped().cameo_code(m.actor)) for m in mentions][0] == (
        "Rebels in the Ivory Coast",
        ("CIV", "REB"),
    )
    (event,) = code_sentence(text, "en")
    assert _codes(event.source) == {"CIV"}


def test_sector_noun_after_a_country_adjective_is_not_a_second_actor() -> None:
    text = "Russian aircraft killed 46 Afghan civilians in an attack on a village."
    events = code_sentence(text, "en")
    assert events[0].type == "ASSAULT"
    assert _codes(events[0].source) == {"RUS"} and _codes(events[0].target) == {"AFG"}


def test_title_before_a_known_name_takes_the_name_s_actor() -> None:
    text = "President Putin criticised the sanctions."
    (mention,) = find_mentions(text, 0, len(text), language="en")
    assert mention.text.endswith("Putin")
    assert shipped().cameo_code(mention.actor)[0] == "RUS"


def test_article_between_two_actors_starts_the_object_not_a_coordination() -> None:
    text = (
        "Nach dem gescheiterten Gipfel hat der österreichische Bundeskanzler Wolfgang Schüssel die britische "
        "Regierung aufgefordert , sich für Europa einzusetzen ."
    )
    events = code_sentence(text, "de", [_ent(text, "Wolfgang Schüssel", "PER")])
    request = next(e for e in events if e.type == "REQUEST")
    assert _codes(request.source) == {"AUT"} and _codes(request.target) == {"GBR"}


def test_subject_after_the_finite_verb_is_not_taken_by_a_fronted_preposition() -> None:
    text = "An der Grenze zum Gaza-Streifen erschossen israelische Soldaten drei Palästinenser ."
    ents = [
        _ent(text, "Gaza-Streifen", "LOC"),
        _ent(text, "israelische", "MISC"),
        _ent(text, "Palästinenser", "MISC"),
    ]
    (event,) = code_sentence(text, "de", ents)
    assert event.type == "ASSAULT"
    assert _codes(event.source) == {"ISR"} and _codes(event.target) == {"PSE"}


def test_office_of_an_international_organisation_is_coded_igo() -> None:
    text = "Er sprach mit UN-Generalsekretär Ban Ki Moon ."
    ents = [_ent(text, "UN-Generalsekretär", "MISC"), _ent(text, "Ban Ki Moon", "PER")]
    mentions = find_mentions(text, 0, len(text), ents, language="de")
    assert [shipped().cameo_code(m.actor)[0] for m in mentions if "Ban Ki Moon" in m.text] == ["IGO"]


def test_a_surname_is_not_a_gunfire_trigger() -> None:
    text = "Schüssel reiste nach Wien ."
    assert not [e for e in code_sentence(text, "de") if e.type == "ASSAULT"]
