"""The Ray executor: the per-article stages as Ray tasks over chunks of articles, on a local instance or a cluster.

``RayExecutor(address)`` connects to a running cluster (``"auto"``, ``"ray://head:10001"``, ``"head:6379"``) or,
with ``address=None``, starts a local Ray instance. ``map`` has the contract of
:class:`~lagebild.executors.Executor`: outcomes come back in input order. Every worker node needs lagebild installed
(the same version as the driver).

For corpora larger than the driver's memory, ``RayExecutor(shards=DIR)`` lets the workers write their outcomes as
Parquet shards (one file per chunk, written atomically, ``DIR/run-<start>-<pid>/batch-<n>/``) that ``map`` streams
back, so the driver never holds a batch's results in flight.
"""

from __future__ import annotations

import json
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from lagebild.model import Article
from lagebild.pipeline import ArticlePipeline, Outcome

DEFAULT_CHUNK = 32
"""Articles per Ray task: large enough to amortise task overhead, small enough to balance the load."""

SHARD_SCHEMA_FIELDS = ("position", "id", "path", "stage", "reason", "timings", "data")


def _ray() -> Any:
    import ray

    return ray


def run_chunk(pipeline: ArticlePipeline, articles: Sequence[Article]) -> list[Outcome]:
    """Outcomes of one chunk (the body of a Ray task)."""
    return [pipeline(article) for article in articles]


def write_shard(
    pipeline: ArticlePipeline, articles: Sequence[Article], first: int, out_dir: str
) -> tuple[str, int, int]:
    """Run one chunk and write its outcomes to ``out_dir/shard-<first>.parquet``; returns (path, ok, failed).

    The file is written under a temporary name and renamed, so a shard either exists whole or not at all.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    outcomes = run_chunk(pipeline, articles)
    columns: dict[str, list[Any]] = {name: [] for name in SHARD_SCHEMA_FIELDS}
    for offset, outcome in enumerate(outcomes):
        article = outcome.article
        columns["position"].append(first + offset)
        columns["id"].append(article.id if article is not None else None)
        columns["path"].append(outcome.path)
        columns["stage"].append(outcome.failure[0] if outcome.failure else None)
        columns["reason"].append(outcome.failure[1] if outcome.failure else None)
        columns["timings"].append(json.dumps(outcome.timings))
        columns["data"].append(article.to_json() if article is not None else None)
    schema = pa.schema([("position", pa.int64())] + [(name, pa.string()) for name in SHARD_SCHEMA_FIELDS[1:]])
    table = pa.table(columns, schema=schema)
    target = Path(out_dir) / f"shard-{first:012d}.parquet"
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    pq.write_table(table, partial)
    partial.replace(target)
    ok = sum(1 for o in outcomes if o.article is not None)
    return str(target), ok, len(outcomes) - ok


def read_shards(paths: Iterable[str | Path]) -> Iterator[Outcome]:
    """Outcomes from Parquet shards written by :meth:`RayExecutor.write_shards`, shard by shard, in row order."""
    import pyarrow.parquet as pq

    for path in paths:
        for batch in pq.ParquetFile(path).iter_batches(batch_size=256):
            for row in batch.to_pylist():
                article = Article.from_json(row["data"]) if row["data"] is not None else None
                failure = (row["stage"], row["reason"]) if row["stage"] is not None else None
                yield Outcome(article, row["path"], failure, json.loads(row["timings"] or "{}"))


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(islice(iterator, size)):
        yield chunk


class RayExecutor:
    """Runs the per-article stages as Ray tasks, ``chunk_size`` articles per task, results in input order.

    ``address`` None starts a local Ray instance (``num_cpus`` CPUs, no dashboard) that :meth:`close` shuts down; an
    address connects to a running cluster, which is left running. When Ray is already initialised in this process
    the executor uses it as it is. At most ``max_in_flight`` chunks are submitted at once (default: twice the
    cluster's CPUs), which bounds the driver's memory on long inputs. With ``shards`` (a folder every worker reaches
    under the same path) the workers write their outcomes there and ``map`` reads them back.
    """

    def __init__(
        self,
        address: str | None = None,
        *,
        chunk_size: int = DEFAULT_CHUNK,
        max_in_flight: int | None = None,
        num_cpus: int | None = None,
        init_options: dict[str, Any] | None = None,
        shards: str | Path | None = None,
    ) -> None:
        ray = _ray()
        self.chunk_size = max(1, chunk_size)
        self.shards = Path(shards) / f"run-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}" if shards else None
        self._batches = 0
        self._owns = False
        if not ray.is_initialized():
            options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
            if address is None and num_cpus is not None:
                options["num_cpus"] = num_cpus
            options.update(init_options or {})
            ray.init(address=address, **options)
            self._owns = True
        cpus = int(ray.cluster_resources().get("CPU", 1))
        self.max_in_flight = max_in_flight or max(2, 2 * cpus)
        self._run = ray.remote(run_chunk)
        self._write = ray.remote(write_shard)

    def __enter__(self) -> RayExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Shut the local Ray instance down if this executor started it."""
        if self._owns:
            _ray().shutdown()
            self._owns = False

    def map(self, pipeline: ArticlePipeline, articles: Sequence[Article]) -> Iterator[Outcome]:
        """Outcomes for ``articles`` in their order (through Parquet shards when the executor has a folder)."""
        if self.shards is not None:
            self._batches += 1
            folder = self.shards / f"batch-{self._batches:06d}"
            yield from read_shards(self.write_shards(pipeline, articles, folder) if articles else [])
            return
        ray = _ray()
        pipeline_ref = ray.put(pipeline)
        pending: deque[Any] = deque()
        for chunk in _chunks(articles, self.chunk_size):
            pending.append(self._run.remote(pipeline_ref, chunk))
            if len(pending) >= self.max_in_flight:
                yield from ray.get(pending.popleft())
        while pending:
            yield from ray.get(pending.popleft())

    def write_shards(
        self, pipeline: ArticlePipeline, articles: Iterable[Article], out_dir: str | Path
    ) -> list[Path]:
        """Let the workers run ``articles`` and write their outcomes as Parquet shards into ``out_dir``.

        ``out_dir`` must be reachable by every worker under the same path (a shared file system on a cluster).
        Returns the shard paths in input order; read them with :func:`read_shards`.
        """
        ray = _ray()
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        pipeline_ref = ray.put(pipeline)
        pending: deque[Any] = deque()
        paths: list[Path] = []
        first = 0
        for chunk in _chunks(articles, self.chunk_size):
            pending.append(self._write.remote(pipeline_ref, chunk, first, str(out)))
            first += len(chunk)
            if len(pending) >= self.max_in_flight:
                paths.append(Path(ray.get(pending.popleft())[0]))
        paths.extend(Path(ray.get(ref)[0]) for ref in pending)
        return paths
