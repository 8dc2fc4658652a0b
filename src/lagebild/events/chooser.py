"""A learned chooser for the source and target actors of an event, combined with the rules' choice.

Two logistic regressions (one for the source role, one for the target role) score every candidate group
(:mod:`lagebild.events.candidates`). Their weights are a small JSON file (``data/actor_chooser.json``) written by
``python -m training.events_chooser``; scoring is a sum of weights, pure Python. The rules' choice is one of the
features, and the model overrides it only by a margin learned in cross-validation on the training data.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from lagebild.events.candidates import Candidate

MODEL_FILE = "actor_chooser.json"


@dataclass(frozen=True)
class LinearModel:
    """A logistic regression over binary feature strings."""

    intercept: float
    weights: dict[str, float]

    def probability(self, features: Sequence[str]) -> float:
        score = self.intercept + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def to_dict(self) -> dict[str, Any]:
        return {"intercept": self.intercept, "weights": self.weights}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinearModel:
        return cls(float(data["intercept"]), {str(k): float(v) for k, v in data["weights"].items()})


@dataclass(frozen=True)
class Decision:
    """How the model's scores and the rules' choice combine.

    ``margin``: the model's best candidate replaces the rules' choice when it scores that much higher;
    ``take``: with no rule choice, the best candidate is taken when it scores at least this;
    ``drop``: the rules' choice is dropped (no actor) when it scores below this.
    """

    margin: float = 1.0
    take: float = 1.0
    drop: float = 0.0

    def to_dict(self) -> dict[str, float]:
        return {"margin": self.margin, "take": self.take, "drop": self.drop}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Decision:
        return cls(float(data["margin"]), float(data["take"]), float(data["drop"]))


@dataclass(frozen=True)
class Chooser:
    """Source and target models with their decision thresholds."""

    source: LinearModel
    target: LinearModel
    source_decision: Decision
    target_decision: Decision

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict(),
            "target": self.target.to_dict(),
            "source_decision": self.source_decision.to_dict(),
            "target_decision": self.target_decision.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Chooser:
        return cls(
            LinearModel.from_dict(data["source"]),
            LinearModel.from_dict(data["target"]),
            Decision.from_dict(data["source_decision"]),
            Decision.from_dict(data["target_decision"]),
        )


@cache
def load_chooser() -> Chooser | None:
    """The shipped chooser, or None when the package carries no model file."""
    path = resources.files(__package__).joinpath("data", MODEL_FILE)
    if not path.is_file():
        return None
    return Chooser.from_dict(json.loads(path.read_text(encoding="utf-8")))


def pick(
    scores: Sequence[float], rule: int | None, decision: Decision, exclude: int | None = None
) -> int | None:
    """The chosen candidate index (or None) from the model's scores and the rules' choice ``rule``."""
    allowed = [i for i in range(len(scores)) if i != exclude]
    if not allowed:
        return None if rule == exclude else rule
    best = max(allowed, key=lambda i: (scores[i], -i))
    if rule is None or rule == exclude:
        return best if scores[best] >= decision.take else None
    if scores[rule] < decision.drop:
        return best if best != rule and scores[best] >= decision.take else None
    return best if scores[best] - scores[rule] > decision.margin else rule


def rule_index(
    candidates: Sequence[Candidate], actors: Sequence[str], besides: int | None = None
) -> int | None:
    """The candidate the rules chose: the first whose actors overlap the rules' actor ids, other than ``besides``
    where another overlaps too (a target naming the source's country again, ``Croatia is investigating ...
    by Croatian extremists``, is a second mention, not the source's own group)."""
    chosen = set(actors)
    hits = [i for i, c in enumerate(candidates) if chosen & set(c.actors)]
    others = [i for i in hits if i != besides]
    return (others or hits or [None])[0]


def choose(
    chooser: Chooser,
    candidates: Sequence[Candidate],
    source: list[str],
    target: list[str],
    same_actor_target: bool = False,
) -> tuple[list[str], list[str]]:
    """Source and target actor ids after the model has weighed in on the rules' ``source`` and ``target``.

    ``same_actor_target`` keeps a target group whose actor ids equal the source's (two mentions of one country:
    ``Serbian police detained Serbian students``); otherwise the source's ids are dropped from the target."""
    if not candidates:
        return source, target
    rule_source = rule_index(candidates, source) if source else None
    rule_target = rule_index(candidates, target, rule_source) if target else None
    if (source and rule_source is None) or (target and rule_target is None):
        return source, target  # the rules took an actor from outside the sentence's groups: keep their choice
    src = pick(
        [chooser.source.probability(c.features) for c in candidates], rule_source, chooser.source_decision
    )
    tgt = pick(
        [chooser.target.probability(c.features) for c in candidates],
        rule_target,
        chooser.target_decision,
        exclude=src,
    )
    new_source = source if src == rule_source else (list(candidates[src].actors) if src is not None else [])
    new_target = target if tgt == rule_target else (list(candidates[tgt].actors) if tgt is not None else [])
    if same_actor_target:
        return new_source, new_target
    return new_source, [a for a in new_target if a not in new_source]
