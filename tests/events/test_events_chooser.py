"""The learned actor chooser: candidate features, scoring, the decision combined with the rules, training."""

from __future__ import annotations

import json
from importlib import resources

from lagebild.events.candidates import Candidate, actor_kind, candidates, preposition_class
from lagebild.events.chooser import Chooser, Decision, LinearModel, choose, load_chooser, pick, rule_index
from lagebild.events.features import sentence_features
from lagebild.events.rules import _all_groups, _apposition_members, _attribution_start, decide
from training.events_chooser import Example, _fit, codes_of, cross_validate


def _candidates(text: str, language: str = "en", rule_source=(), rule_target=()) -> list[Candidate]:
    features = sentence_features(text, 0, len(text), language)
    groups = _all_groups(features)
    apposition = _apposition_members(text, features.end, groups)
    trigger = features.triggers[0]
    cut = _attribution_start(features)
    return candidates(features, trigger, groups, apposition, cut, list(rule_source), list(rule_target))


def test_preposition_classes_and_actor_kinds():
    assert preposition_class(None) == "none"
    assert preposition_class("by") == preposition_class("durch") == "agent"
    assert preposition_class("gegen") == preposition_class("to") == "recipient"
    assert preposition_class("between") == "relation"
    assert preposition_class("über") == "other"
    assert [actor_kind(a) for a in ("per.x", "org.un", "---.COP", "RUS.MIL")] == [
        "person",
        "organisation",
        "generic",
        "state",
    ]


def test_candidates_describe_position_preposition_and_rule_choice():
    text = "Russia attacked Ukraine on Monday, the ministry said."
    features = sentence_features(text, 0, len(text), "en")
    (trigger,) = features.triggers
    first, second = _candidates(text, rule_source=["RUS.GOV"], rule_target=["UKR.GOV"])[:2]
    assert text[first.start : first.end] == "Russia" and text[second.start : second.end] == "Ukraine"
    assert {"side=before", "initial=True", "rule_source=True", "prep=none", "kind=state"} <= set(
        first.features
    )
    assert {"side=after", "adjacent=after|True", "rule_target=True", "depth_rel=same"} <= set(second.features)
    assert trigger.type == "ASSAULT"


def test_candidates_mark_apposition_between_and_prepositions():
    options = _candidates("Pakistan, a key ally of Russia, has attacked India.")
    russia = next(c for c in options if c.actors[0].startswith("RUS"))
    assert "apposition=True" in russia.features
    options = _candidates("The talks between Russia and Ukraine were attacked by Poland.")
    between = next(c for c in options if c.actors[0].startswith("RUS"))
    assert "pclass=relation" in between.features and "coordinated=True" in between.features
    agent = next(c for c in options if c.actors[0].startswith("POL"))
    assert "pclass_side=agent|after" in agent.features


def test_linear_model_scores_and_round_trips():
    model = LinearModel(-1.0, {"a": 2.0, "b": -3.0})
    assert model.probability(["a"]) > 0.5 > model.probability([]) > model.probability(["b"])
    assert LinearModel.from_dict(json.loads(json.dumps(model.to_dict()))) == model
    assert 0.0 < model.probability(["a"] * 1000) <= 1.0  # no overflow


def test_pick_combines_scores_with_the_rule_choice():
    decision = Decision(margin=0.3, take=0.6, drop=0.2)
    assert pick([0.5, 0.7], 0, decision) == 0  # within the margin: the rules' choice stays
    assert pick([0.3, 0.9], 0, decision) == 1  # beyond it: the model's best replaces it
    assert (
        pick([0.1, 0.5], 0, decision) is None
    )  # a weak rule choice is dropped, nothing good enough replaces it
    assert pick([0.1, 0.65], 0, decision) == 1
    assert pick([0.4, 0.65], None, decision) == 1  # no rule choice: take the best when it is good enough
    assert pick([0.4, 0.55], None, decision) is None
    assert pick([0.9, 0.7], None, decision, exclude=0) == 1  # the source cannot also be the target
    assert pick([0.9], 0, decision, exclude=0) is None


def test_choose_swaps_roles_only_by_a_margin():
    options = [
        Candidate(0, 6, ("RUS",), ("side=before",)),
        Candidate(16, 23, ("UKR",), ("side=after",)),
    ]
    prefers_after = LinearModel(0.0, {"side=after": 3.0, "side=before": -3.0})
    prefers_before = LinearModel(0.0, {"side=after": -3.0, "side=before": 3.0})
    never = Decision(margin=2.0, take=2.0, drop=0.0)
    eager = Decision(margin=0.1, take=0.5, drop=0.0)
    swapped = Chooser(prefers_after, prefers_before, eager, eager)
    assert choose(swapped, options, ["RUS"], ["UKR"]) == (["UKR"], ["RUS"])
    assert choose(Chooser(prefers_after, prefers_before, never, never), options, ["RUS"], ["UKR"]) == (
        ["RUS"],
        ["UKR"],
    )
    assert choose(swapped, options, ["per.speaker"], []) == (["per.speaker"], [])  # not a candidate: kept
    assert choose(swapped, [], ["RUS"], []) == (["RUS"], [])
    assert rule_index(options, ["UKR", "USA"]) == 1 and rule_index(options, ["FRA"]) is None


def test_shipped_model_is_small_json_and_is_used_by_decide():
    path = resources.files("lagebild.events").joinpath("data", "actor_chooser.json")
    assert len(path.read_bytes()) < 50_000
    chooser = load_chooser()
    assert chooser is not None and chooser.source.weights and chooser.target.weights
    text = "Russia attacked Ukraine."
    features = sentence_features(text, 0, len(text), "en")
    trace: list = []
    (event,) = decide(features, learned=True, trace=trace)
    assert event.source[0].startswith("RUS") and event.target[0].startswith("UKR")
    assert len(trace) == 1 and [c.actors[0][:3] for c in trace[0]] == ["RUS", "UKR"]
    assert decide(features, learned=False) == [event]


def test_codes_of_fills_sector_actors_with_the_sentence_country():
    assert codes_of(["RUS.MIL", "org.un", "---.COP"], "UKR") == frozenset({"RUS", "UKR"}) | codes_of(
        ["org.un"]
    )
    assert codes_of(["---.COP"]) == frozenset()


def _example(first: bool) -> Example:
    """The source stands after the verb in the ``first`` examples, before it in the others."""
    after = Candidate(10, 15, ("BBB",), ("side=after",))
    before = Candidate(0, 5, ("AAA",), ("side=before", "rule_source=True"))
    gold = frozenset({"BBB"}) if first else frozenset({"AAA"})
    return Example((before, after), (frozenset({"AAA"}), frozenset({"BBB"})), gold, frozenset())


def test_training_learns_the_preferred_position_and_is_deterministic():
    examples = [_example(i % 4 != 0) for i in range(40)]
    source = _fit(examples, "source", 1.0)
    assert source.probability(["side=after"]) > source.probability(["side=before", "rule_source=True"])
    assert _fit(examples, "source", 1.0) == source
    c, source_decision, _target_decision, report = cross_validate(examples)
    assert (
        report["chooser_source"] > report["rules_source"]
    )  # the rules' before-the-verb choice is wrong here
    assert cross_validate(examples) == (c, source_decision, _target_decision, report)
