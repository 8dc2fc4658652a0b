"""The story gold under benchmarks/data and the story benchmark's measures."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "benchmarks" / "data"
DATE_FROM = {"crawl", "dateline", "content", "dct"}


@pytest.fixture(scope="module")
def bench():  # noqa: ANN201 - the benchmark script as a module
    spec = importlib.util.spec_from_file_location("stories_benchmark", REPO / "benchmarks" / "stories.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _rows(name: str) -> list[dict]:
    return [
        json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def test_story_gold_lines_are_well_formed_and_stories_lie_in_one_half() -> None:
    rows = _rows("stories_news.jsonl")
    keys = [r["article"] for r in rows]
    assert len(keys) == len(set(keys))
    halves: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        assert row["article"].startswith(("smartdata:", "krauts:"))
        if "excluded" in row:
            assert row["excluded"] and "story" not in row
            continue
        date.fromisoformat(row["published"])
        assert row["date_from"] in DATE_FROM and row["story"].strip()
        halves[row["story"]].add(row["half"])
    assert all(len(h) == 1 and h <= {"tune", "heldout"} for h in halves.values())
    assert {next(iter(h)) for h in halves.values()} == {"tune", "heldout"}


def test_second_grouping_covers_gold_articles_only(bench) -> None:
    gold = {g.key for g in bench.load_gold()}
    second = _rows("stories_news_second.jsonl")
    assert len(second) == 50 and {r["article"] for r in second} <= gold


def test_load_gold_rejects_an_unknown_half(bench, tmp_path) -> None:
    path = tmp_path / "g.jsonl"
    row = {"article": "krauts:x.tml", "published": "2016-01-01", "story": "s", "half": "dev"}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="half"):
        bench.load_gold(path)


def test_measures_on_a_small_grouping(bench) -> None:
    gold = ["a", "a", "b", "c"]
    pred = [1, 1, 1, 2]
    precision, recall, _ = bench.bcubed(gold, pred)
    assert precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4) and recall == pytest.approx(1.0)
    assert bench.pairwise(gold, pred)[:2] == pytest.approx((1 / 3, 1.0))
    assert bench.pairwise(gold, [1, 2, 3, 4]) == (1.0, 0.0, 0.0)
    observed, kappa = bench.pair_agreement(gold, gold)
    assert observed == 1.0 and kappa == 1.0
    assert bench.pair_agreement(gold, pred)[0] == pytest.approx(4 / 6)
