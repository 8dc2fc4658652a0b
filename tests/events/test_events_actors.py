"""Actors coded from their noun phrase and sector-only actors given a country by their event."""

from __future__ import annotations

from lagebild.actors import shipped
from lagebild.actors.mentions import find_mentions
from lagebild.events import code_sentence
from lagebild.model import Entity


def _ent(text: str, name: str, label: str) -> Entity:
    start = text.index(name)
    return Entity(start=start, end=start + len(name), text=name, label=label)


def _countries(ids: list[str]) -> set[str]:
    return {c for a in ids if (c := shipped().cameo_code(a)[0])}


def test_nationality_adjective_codes_an_unknown_person_and_is_absorbed() -> None:
    text = "Gestern hat der finnische Regierungschef Matti Vanhanen die Türkei kritisiert ."
    mentions = find_mentions(text, 0, len(text), [_ent(text, "Matti Vanhanen", "PER")], language="de")
    person = next(m for m in mentions if m.text.endswith("Matti Vanhanen"))
    assert shipped().cameo_code(person.actor) == ("FIN", "GOV")
    assert not any(m.end <= person.start and m.start >= text.index("finnische") for m in mentions)


def test_party_compound_and_bracketed_party_give_the_country() -> None:
    text = "In Kiel fordert SPD-Landeschef Ralf Stegner mehr Geld , sagte Peter Harry Carstensen ( CDU ) ."
    ents = [_ent(text, "Ralf Stegner", "PER"), _ent(text, "Peter Harry Carstensen", "PER")]
    mentions = find_mentions(text, 0, len(text), ents, language="de")
    codes = {m.text.split()[-1]: shipped().cameo_code(m.actor)[0] for m in mentions}
    assert codes["Stegner"] == "DEU"
    assert codes["Carstensen"] == "DEU"


def test_federal_compound_codes_an_unknown_body_as_german_government() -> None:
    text = "Das Bundesamt für Strahlenschutz warnte die Betreiber ."
    ents = [_ent(text, "Bundesamt für Strahlenschutz", "ORG")]
    mentions = find_mentions(text, 0, len(text), ents, language="de")
    assert [shipped().cameo_code(m.actor) for m in mentions if m.text.endswith("Strahlenschutz")] == [
        ("DEU", "GOV")
    ]


def test_domestic_default_only_without_foreign_actors() -> None:
    home = "Kurt Mustermann kritisierte die Pläne scharf ."
    abroad = "Kurt Mustermann kritisierte die Regierung in Frankreich scharf ."
    ents_home = [_ent(home, "Kurt Mustermann", "PER")]
    ents_abroad = [_ent(abroad, "Kurt Mustermann", "PER")]
    assert any(
        shipped().cameo_code(m.actor)[0] == "DEU"
        for m in find_mentions(home, 0, len(home), ents_home, None, "de")
    )
    assert not any(
        m.text == "Kurt Mustermann" for m in find_mentions(abroad, 0, len(abroad), ents_abroad, None, "de")
    )
    english = find_mentions(home, 0, len(home), ents_home, None, "en")
    assert not any(m.text == "Kurt Mustermann" for m in english)


def test_sector_only_target_takes_the_source_country() -> None:
    text = "Am Montag hatte sich General Motors mit der Gewerkschaft auf Kürzungen geeinigt ."
    events = code_sentence(text, "de", [_ent(text, "General Motors", "ORG")])
    assert events and events[0].type == "AGREE"
    assert _countries(events[0].source) == {"USA"}
    assert _countries(events[0].target) == {"USA"}


def test_named_target_preferred_over_sector_noun() -> None:
    text = "Serbia lifted the curfew for the people of Montenegro."
    events = code_sentence(text, "en")
    assert events and _countries(events[0].target) == {"MNE"}


def test_sector_only_actor_without_any_country_is_dropped() -> None:
    events = code_sentence("Die Polizei nahm mehrere Demonstranten fest .", "de", [])
    assert all(not a.startswith("---") for e in events for a in e.source + e.target)
