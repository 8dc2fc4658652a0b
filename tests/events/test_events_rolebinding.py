"""The chooser binds the rules' target to the right candidate group; English participial adjuncts are subordinate."""

from __future__ import annotations

from lagebild.events.candidates import Candidate
from lagebild.events.chooser import Chooser, Decision, LinearModel, choose, rule_index
from lagebild.events.depth import depths


def _candidate(actors: tuple[str, ...], features: tuple[str, ...] = ()) -> Candidate:
    return Candidate(start=0, end=0, actors=actors, features=features)


def test_rule_target_naming_the_source_country_binds_to_the_second_mention():
    groups = [_candidate(("SRB.GOV",)), _candidate(("SRB.GOV",)), _candidate(("HRV.GOV",))]
    assert rule_index(groups, ["SRB.GOV"]) == 0
    assert rule_index(groups, ["SRB.GOV"], besides=0) == 1
    assert rule_index(groups[:1], ["SRB.GOV"], besides=0) == 0  # only one group: it stays the match
    assert rule_index(groups, ["RUS.GOV"], besides=0) is None


def test_chooser_keeps_a_domestic_target_the_rules_chose():
    neutral = LinearModel(0.0, {})  # every candidate scores 0.5: the rules' choice stands
    chooser = Chooser(neutral, neutral, Decision(1.0, 1.0, 0.0), Decision(1.0, 1.0, 0.0))
    groups = [_candidate(("SRB.GOV",)), _candidate(("SRB.GOV",))]
    source, target = choose(chooser, groups, ["SRB.GOV"], ["SRB.GOV"], same_actor_target=True)
    assert (source, target) == (["SRB.GOV"], ["SRB.GOV"])


def test_participial_adjunct_after_a_comma_is_subordinate():
    text = "Rebels shelled the capital on Sunday, killing about 20 people, officials said."
    shelled, killing = text.index("shelled"), text.index("killing")
    said = text.index("said")
    assert depths(text, 0, len(text), [shelled, killing, said], "en") == [0, 1, 0]
    according = "Troops attacked the town, according to the army."
    assert depths(according, 0, len(according), [according.index("attacked")], "en") == [0]
