"""General coding mechanisms: most specific trigger phrase, names, refusals, appositions, relation parties."""

from __future__ import annotations

import pytest

from lagebild.actors import shipped
from lagebild.events import code_sentence
from lagebild.events.features import find_triggers


def _main(text: str, language: str = "en") -> tuple[str, list[str | None], list[str | None]]:
    event = code_sentence(text, language)[0]
    codes = lambda ids: sorted({shipped().cameo_code(a)[0] for a in ids})  # noqa: E731
    return event.type, codes(event.source), codes(event.target)


def _types(text: str, language: str = "en") -> list[str]:
    return [t.type for t in find_triggers(text, 0, len(text), language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Swiss doctors handed over 700 kg of medicine to the Red Crescent.", "AID"),
        ("North Korea has trained more than 500 computer hackers.", "MOBILIZE"),
        ("The rebels handed over the town.", "RETREAT"),
    ],
)
def test_longer_phrase_of_another_type_wins(text: str, expected: str) -> None:
    assert _types(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Switzerland said it had expelled two Russian diplomats for spying.",
            ("SANCTION", ["CHE"], ["RUS"]),
        ),
        ("Italy announced a suspension of air links with Serbia.", ("SANCTION", ["ITA"], ["SRB"])),
        ("Serbia eased emergency measures in Montenegro.", ("CONCEDE", ["SRB"], ["MNE"])),
        ("The Israeli army lifted a blockade on Palestinian lorries.", ("RETREAT", ["ISR"], ["PSE"])),
        ("Palestinian leader Yasser Arafat defended Iraq and Libya.", ("SUPPORT", ["PSE"], ["IRQ", "LBY"])),
    ],
)
def test_general_type_phrases(text: str, expected: tuple[str, list[str], list[str]]) -> None:
    assert _main(text) == expected


def test_withdrawing_personnel_is_a_sanction_and_announcing_it_a_threat() -> None:
    assert _types("Canada withdrew its observers from Haiti.")[0] == "SANCTION"
    assert _types("Russland zog seine Beobachter aus Georgien ab.", "de")[0] == "SANCTION"
    text = "Nigeria announced that it will withdraw its peacekeeping force from Chad unless the rebels agree."
    assert _main(text) == ("THREATEN", ["NGA"], ["TCD"])


def test_capitalised_trigger_inside_an_english_sentence_is_a_name() -> None:
    events = code_sentence("The Ceasefire Violations Committee has met in Monrovia.", "en")
    assert [e.type for e in events] == ["CONSULT"]
    assert _types("Ceasefire talks resumed.")[0] == "RETREAT"  # sentence-initial: an ordinary word


def test_announced_refusal_stays_a_rejection() -> None:
    assert _main("Syria says it will not accept any more refugees if war starts in Iraq.")[0] == "REJECT"
    assert _main("Iran will boycott the elections unless the president resigns.")[0] == "THREATEN"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Germany demanded consequences from the gas dispute between Russia and Ukraine.", "en"),
        ("Deutschland fordert Konsequenzen aus dem Gasstreit zwischen Russland und der Ukraine.", "de"),
    ],
)
def test_parties_of_a_relation_are_no_target(text: str, language: str) -> None:
    assert _main(text, language) == ("REQUEST", ["DEU"], [])


def test_parties_between_whom_a_meeting_is_held_take_part() -> None:
    event = code_sentence("Egypt hosted talks between Israel and Jordan.", "en")[0]
    codes = {shipped().cameo_code(a)[0] for a in event.source + event.target}
    assert event.type == "CONSULT" and {"ISR", "JOR"} <= codes


def test_apposition_describes_the_actor_before_it() -> None:
    text = (
        "Pakistan, a key U.S. ally in the war against terrorism, has refused to deploy peacekeepers in Iraq."
    )
    assert _main(text) == ("REJECT", ["PAK"], ["IRQ"])


def test_target_in_the_triggers_own_clause_first() -> None:
    text = "Israel has strengthened its forces in Lebanon following the discovery of Russian-made rockets."
    assert _main(text) == ("MOBILIZE", ["ISR"], ["LBN"])


def test_sowohl_als_auch_coordinates_actors() -> None:
    assert _main("Sowohl Frankreich als auch Deutschland kritisierten Russland.", "de") == (
        "ACCUSE",
        ["DEU", "FRA"],
        ["RUS"],
    )


def test_northern_ireland_is_british() -> None:
    assert _main("The British government outlawed an organization in Northern Ireland.")[2] == ["GBR"]
