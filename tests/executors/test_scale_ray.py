"""The Ray executor gives the same outcomes as the local executor, in the same order, also via Parquet shards."""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path

import pytest

from lagebild.executors import LocalExecutor
from lagebild.ingest import read_paths
from lagebild.model import Article
from lagebild.pipeline import ArticlePipeline, article_stages

ray = pytest.importorskip("ray")

from lagebild.executors.ray_executor import RayExecutor, read_shards  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture(scope="module")
def executor():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield RayExecutor(chunk_size=7, max_in_flight=3)
    finally:
        ray.shutdown()


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    items = [i for i in read_paths([str(CORPUS / "dolomiten.jsonl")]) if isinstance(i, Article)]
    assert len(items) >= 30
    return items[:30]


def _failing_stages():
    class Explode:
        """Fails on every third article (a local class, so Ray pickles it by value)."""

        name = "explode"

        def __call__(self, article: Article) -> Article:
            if int(article.id[-2:], 16) % 3 == 0:
                raise ValueError("boom")
            return article

    return ArticlePipeline([*article_stages(), Explode()])


def _signature(outcomes):
    return [
        (o.path, o.failure, o.article.to_dict() if o.article is not None else None, sorted(o.timings))
        for o in outcomes
    ]


def test_ray_map_equals_local(executor, articles):
    stages = _failing_stages()
    local = _signature(LocalExecutor(workers=1).map(stages, deepcopy(articles)))
    remote = _signature(executor.map(stages, deepcopy(articles)))
    assert len(remote) == len(articles)
    assert remote == local
    failed = [s for s in remote if s[1] is not None]
    assert failed and all(f[1][0] == "explode" and "boom" in f[1][1] for f in failed)
    assert all(
        f[2] is not None and f[2]["entities"] is not None for f in failed
    )  # the article keeps its records
    assert any(s[2] is not None and s[2]["text"] for s in remote)


def test_ray_shards_equal_local(executor, articles, tmp_path):
    stages = ArticlePipeline(article_stages())
    local = _signature(LocalExecutor(workers=1).map(stages, deepcopy(articles)))
    shards = executor.write_shards(stages, deepcopy(articles), tmp_path / "shards")
    assert len(shards) == 5 and all(p.exists() for p in shards)
    assert not list((tmp_path / "shards").glob(".*.tmp"))
    assert _signature(read_shards(shards)) == local


def test_process_through_ray_shards_equals_local(executor, tmp_path):
    from lagebild.process import process
    from lagebild.store import Store

    corpus = tmp_path / "in"
    corpus.mkdir()
    lines = (CORPUS / "dolomiten.jsonl").read_text(encoding="utf-8").splitlines()[:12]
    (corpus / "part.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    exported = []
    for name, runner, _ in (
        ("local", LocalExecutor(workers=1), None),
        ("ray", RayExecutor(chunk_size=7, max_in_flight=3, shards=tmp_path / "sh"), None),
    ):
        with Store(tmp_path / f"{name}.duckdb") as store:
            summary = process([str(corpus)], store, executor=runner, out=tmp_path / name)
        assert summary.articles_out == 12 and not summary.failures
        exported.append((tmp_path / name / "articles.jsonl").read_text(encoding="utf-8"))
    assert exported[0] == exported[1]
    assert list((tmp_path / "sh").glob("run-*/batch-*/shard-*.parquet"))
