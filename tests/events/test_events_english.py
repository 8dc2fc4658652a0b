"""English coverage from the PLOVER codebook: trigger words of every type, domestic targets, armed groups."""

import pytest

from lagebild.actors import shipped
from lagebild.events import code_sentence


def _main(text: str) -> tuple[str, list[str], list[str]]:
    events = code_sentence(text, "en")
    assert events, text
    first = events[0]

    def countries(ids: list[str]) -> list[str]:
        return sorted({c for a in ids if (c := shipped().cameo_code(a)[0])})

    return first.type, countries(first.source), countries(first.target)


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Sudan allowed the delivery of food aid to Darfur.", "RETREAT"),
        ("Israel received a mission of UN observers.", "RETREAT"),
        ("Gunmen hijacked a bus carrying pilgrims in Kashmir.", "ASSAULT"),
        ("Egypt congratulated Tunisia on its elections.", "SUPPORT"),
        ("Iran and Iraq reached an agreement on prisoner exchanges.", "AGREE"),
        ("Russia cut off funding to Belarus.", "SANCTION"),
        ("Pakistan bolstered its forces along the border with India.", "MOBILIZE"),
        ("The opposition walked out of parliament.", "PROTEST"),
        ("Germany lambasted France over its farm policy.", "ACCUSE"),
    ],
)
def test_codebook_verbs_and_phrasal_verbs_are_triggers(text: str, etype: str) -> None:
    assert _main(text)[0] == etype


def test_a_second_mention_of_the_source_country_is_a_domestic_target() -> None:
    assert _main("Turkish police detained Turkish students in Ankara.") == ("COERCE", ["TUR"], ["TUR"])


def test_only_english_keeps_a_target_with_the_source_id() -> None:
    from lagebild.events.rules import _distinct

    assert _distinct(["SRB.GOV", "HRV"], ["SRB.GOV"], "en") == ["SRB.GOV", "HRV"]
    assert _distinct(["SRB.GOV", "HRV"], ["SRB.GOV"], "de") == ["HRV"]


def test_armed_groups_act_for_their_country() -> None:
    assert _main("The Tamil Tigers attacked a navy base.")[:2] == ("ASSAULT", ["LKA"])
    assert _main("The Shining Path bombed a police station.")[:2] == ("ASSAULT", ["PER"])
