"""Train the actor chooser: ``python -m training.events_chooser [--data DIR] [--de FILE] [--out FILE]``.

Training data are the English PLOVER-GSR tuning half (odd record numbers) and the German ``dev`` part of
``benchmarks/data/events_de.jsonl`` only; the held-out halves stay unseen. Every event the rules code with the gold
type gives one example per candidate group, labelled from the gold actor codes: a candidate is a true source
(target) when its country / IGO / NGO code is among the gold source (target) codes. Joint acts (CONSULT,
COOPERATE), whose gold lists all parties as sources, are left out, as the chooser does not code them.
scikit-learn fits the two logistic regressions (it is needed here only, not at run time); the regularisation and
the decision thresholds are chosen by five-fold cross-validation over events. The result is deterministic.
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lagebild.actors import shipped
from lagebild.actors.mentions import UNKNOWN_COUNTRY
from lagebild.events.candidates import Candidate
from lagebild.events.chooser import MODEL_FILE, Chooser, Decision, LinearModel, pick
from lagebild.events.features import sentence_features
from lagebild.events.rules import decide
from lagebild.model import Entity

ROOT = Path(__file__).resolve().parents[1]
OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
OLD_CODES = {"JAP": "JPN"}
JOINT = frozenset({"CONSULT", "COOPERATE"})
FOLDS = 5
C_GRID = (0.1, 0.3, 1.0)
MARGINS = (2.0, 0.5, 0.3, 0.2, 0.1, 0.05)  # first entries are the conservative ones: ties keep them
TAKES = (2.0, 0.8, 0.7, 0.6, 0.5)
DROPS = (0.0, 0.1, 0.2, 0.3)


@dataclass(frozen=True)
class Example:
    """One coded event with its candidates, their codes and the gold source and target codes."""

    candidates: tuple[Candidate, ...]
    codes: tuple[frozenset[str], ...]
    gold_source: frozenset[str]
    gold_target: frozenset[str]

    def rule(self, role: str) -> int | None:
        flag = f"rule_{role}=True"
        return next((i for i, c in enumerate(self.candidates) if flag in c.features), None)


def codes_of(actors: Iterable[str], fallback: str | None = None) -> frozenset[str]:
    """Country (or IGO / NGO) codes of actor ids; a sector-only actor takes ``fallback``, the sentence's country."""
    out: set[str] = set()
    for actor_id in actors:
        if actor_id.startswith(UNKNOWN_COUNTRY):
            if fallback:
                out.add(fallback)
            continue
        country, sector = shipped().cameo_code(actor_id)
        code = country or (sector if sector in ("IGO", "NGO") else None)
        if code:
            out.add(code)
    return frozenset(out)


def _fallback(candidates: Sequence[Candidate]) -> str | None:
    for candidate in candidates:
        for code in codes_of(candidate.actors):
            if code not in ("IGO", "NGO"):
                return code
    return None


def _example(candidates: Sequence[Candidate], source: Iterable[str], target: Iterable[str]) -> Example:
    fallback = _fallback(candidates)
    return Example(
        tuple(candidates),
        tuple(codes_of(c.actors, fallback) for c in candidates),
        frozenset(source),
        frozenset(target),
    )


def english_examples(path: Path) -> list[Example]:
    """Examples from the PLOVER-GSR tuning half (odd record numbers): the first coded event of each sentence."""
    records = json.loads((path / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    out: list[Example] = []
    for record in records:
        number = str(record.get("id", "")).rsplit("-", 1)[-1]
        if record.get("event") == "DOCUMENT" or not (number.isdigit() and int(number) % 2):
            continue
        gold_type = OLD_TYPES.get(record["event"], record["event"])
        text = record["text"]
        trace: list[list[Candidate] | None] = []
        events = decide(
            sentence_features(text, 0, len(text), "en", published=record.get("date")), False, trace
        )
        if not events or events[0].type != gold_type or gold_type in JOINT or not trace[0]:
            continue
        out.append(_example(trace[0], _gold(record.get("source")), _gold(record.get("target"))))
    return out


def _gold(actors: object) -> set[str]:
    if not isinstance(actors, list):
        return set()
    return {OLD_CODES.get(a.get("code", ""), a.get("code", "")) for a in actors if isinstance(a, dict)} - {""}


def german_examples(path: Path) -> list[Example]:
    """Examples from the German ``dev`` part: each coded event matched to an unused gold event of its type."""
    out: list[Example] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("split") != "dev":
            continue
        text = row["text"]
        entities = [Entity(**e) for e in row["entities"]]
        trace: list[list[Candidate] | None] = []
        events = decide(sentence_features(text, 0, len(text), "de", entities), False, trace)
        gold = list(row["events"])
        for event, options in zip(events, trace, strict=True):
            match = next((g for g in gold if g["type"] == event.type), None)
            if match is None:
                continue
            gold.remove(match)
            if options and event.type not in JOINT:
                out.append(_example(options, match["source"], match["target"]))
    return out


def _fit(examples: Sequence[Example], role: str, c: float) -> LinearModel:
    from sklearn.feature_extraction import DictVectorizer  # noqa: PLC0415 - training-time dependency only
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415

    rows, labels = [], []
    for example in examples:
        gold = example.gold_source if role == "source" else example.gold_target
        for candidate, codes in zip(example.candidates, example.codes, strict=True):
            rows.append(dict.fromkeys(candidate.features, 1))
            labels.append(int(bool(codes & gold)))
    if len(set(labels)) < 2:
        return LinearModel(-5.0 if not any(labels) else 5.0, {})
    vectorizer = DictVectorizer(sort=True, sparse=False)
    matrix = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=c, solver="liblinear", random_state=0, max_iter=1000).fit(matrix, labels)
    weights = {
        name: round(float(w), 5)
        for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if round(float(w), 5)
    }
    return LinearModel(round(float(model.intercept_[0]), 5), dict(sorted(weights.items())))


def _chosen(example: Example, index: int | None) -> frozenset[str]:
    return example.codes[index] if index is not None else frozenset()


def _grid() -> list[Decision]:
    return [Decision(m, t, d) for m, t, d in itertools.product(MARGINS, TAKES, DROPS)]


def _source_hits(data: list[tuple[Example, list[float], list[float]]], decision: Decision) -> int:
    return sum(_chosen(e, pick(ps, e.rule("source"), decision)) == e.gold_source for e, ps, _ in data)


def _target_hits(
    data: list[tuple[Example, list[float], list[float]]], source: Decision, decision: Decision
) -> int:
    hits = 0
    for example, ps, pt in data:
        src = pick(ps, example.rule("source"), source)
        hits += (
            _chosen(example, pick(pt, example.rule("target"), decision, exclude=src)) == example.gold_target
        )
    return hits


def cross_validate(examples: Sequence[Example]) -> tuple[float, Decision, Decision, dict[str, int]]:
    """The regularisation and decision thresholds with the most correct roles in out-of-fold predictions."""
    best: tuple[int, float, Decision, Decision, dict[str, int]] | None = None
    for c in C_GRID:
        data: list[tuple[Example, list[float], list[float]]] = []
        for fold in range(FOLDS):
            train = [e for i, e in enumerate(examples) if i % FOLDS != fold]
            test = [e for i, e in enumerate(examples) if i % FOLDS == fold]
            source, target = _fit(train, "source", c), _fit(train, "target", c)
            data += [
                (
                    e,
                    [source.probability(x.features) for x in e.candidates],
                    [target.probability(x.features) for x in e.candidates],
                )
                for e in test
            ]
        rules = Decision(float("inf"), float("inf"), 0.0)
        source_decision = max(_grid(), key=lambda d: _source_hits(data, d))
        target_decision = max(_grid(), key=lambda d: _target_hits(data, source_decision, d))
        score = {
            "events": len(data),
            "rules_source": _source_hits(data, rules),
            "rules_target": _target_hits(data, rules, rules),
            "chooser_source": _source_hits(data, source_decision),
            "chooser_target": _target_hits(data, source_decision, target_decision),
        }
        total = score["chooser_source"] + score["chooser_target"]
        if best is None or total > best[0]:
            best = (total, c, source_decision, target_decision, score)
    assert best is not None
    return best[1], best[2], best[3], best[4]


def train(english: Path, german: Path) -> tuple[Chooser, dict[str, object]]:
    """Fit the chooser on the English tuning half and the German dev part; also return the CV report."""
    examples = english_examples(english) + german_examples(german)
    c, source_decision, target_decision, score = cross_validate(examples)
    chooser = Chooser(
        _fit(examples, "source", c), _fit(examples, "target", c), source_decision, target_decision
    )
    return chooser, {"C": c, "examples": len(examples), "cross_validation": score}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "plover-gsr")
    parser.add_argument("--de", type=Path, default=ROOT / "benchmarks" / "data" / "events_de.jsonl")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "src" / "lagebild" / "events" / "data" / MODEL_FILE
    )
    args = parser.parse_args(argv)
    chooser, report = train(args.data, args.de)
    payload = {**chooser.to_dict(), "training": report}
    args.out.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps(report, sort_keys=True))


if __name__ == "__main__":
    main()
