"""Same-story corrections of the story benchmark's gold: file format, merging and the candidate pool."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("stories_benchmark", ROOT / "benchmarks" / "stories.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_groups_are_well_formed(bench):
    lines = [
        json.loads(line) for line in bench.MERGES.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    assert lines
    seen: set[str] = set()
    for group in lines:
        assert group["rule"] in {"same-event", "same-ongoing-story"}
        assert group["reason"].strip()
        assert len(group["articles"]) >= 2
        assert all(key.startswith(("zyte:", "krauts:")) for key in group["articles"])
        assert not seen & set(group["articles"]), "an article belongs to one group only"
        seen |= set(group["articles"])


def _base(bench, key: str, text: str):
    return bench.BaseArticle(key, "", text, "2019-11-18")


def test_load_merges_maps_keys_and_rejects_unknown(bench, tmp_path):
    bases = [_base(bench, f"zyte:{n}", "x") for n in range(4)]
    path = tmp_path / "m.jsonl"
    path.write_text(json.dumps({"articles": ["zyte:3", "zyte:1"]}) + "\n", encoding="utf-8")
    assert bench.load_merges(path, bases) == [[1, 3]]
    path.write_text(json.dumps({"articles": ["zyte:1", "zyte:9"]}) + "\n", encoding="utf-8")
    with pytest.raises(KeyError):
        bench.load_merges(path, bases)


def test_merge_labels_unites_groups_only(bench):
    gold = [0, 0, 1, 2, 2, 3, 4]
    assert bench.merge_labels(gold, [[1, 3], [0, 4]]) == [0, 0, 1, 2, 2, 1, 0]
    assert bench.merge_labels(gold, []) == gold


def test_merging_changes_bcubed_as_expected(bench):
    gold = [0, 0, 1, 1]
    pred = ["a", "a", "a", "a"]
    assert bench.bcubed(gold, pred)[0] == pytest.approx(0.5)
    assert bench.bcubed(bench.merge_labels(gold, [[0, 1]]), pred) == pytest.approx((1.0, 1.0, 1.0))


def test_candidate_pairs_find_similar_texts_and_shared_names(bench):
    para = "word " * 70
    europa = (
        "Water vapour over Europa was confirmed by Lucas Paganini with the Keck Observatory telescope.\n"
        f"{para}\nThe plumes of Europa hold water vapour, Lucas Paganini said at the Keck Observatory.\n{para}"
    )
    other = [
        f"Topic{n} alpha{n} beta{n} gamma{n} delta{n} words.\n{para}\nMore topic{n} epsilon{n} text.\n{para}"
        for n in range(4)
    ]
    bases = [_base(bench, "zyte:a", europa), _base(bench, "zyte:b", europa.replace("confirmed", "seen"))]
    bases += [_base(bench, f"zyte:o{n}", text) for n, text in enumerate(other)]
    pairs = bench.candidate_pairs(bases)
    assert [(a, b) for a, b, _, _ in pairs] == [(0, 1)]
    assert {"Lucas Paganini", "Keck Observatory"} <= set(pairs[0][3])
