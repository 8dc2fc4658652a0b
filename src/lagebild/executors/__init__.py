"""Executors decide where the per-article stages run; stages never know.

Every executor follows :class:`Executor`: ``map`` runs an :class:`~lagebild.pipeline.ArticlePipeline` over a batch
of articles and yields one :class:`~lagebild.pipeline.Outcome` per article in input order; ``close`` frees what it
holds (processes, a local Ray instance).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from lagebild.executors.local import LocalExecutor, default_workers
from lagebild.model import Article
from lagebild.pipeline import ArticlePipeline, Outcome


class Executor(Protocol):
    """Where the per-article stages run: in this process, a local process pool or a Ray cluster."""

    def map(self, pipeline: ArticlePipeline, articles: Sequence[Article]) -> Iterator[Outcome]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Executor: ...

    def __exit__(self, *exc: object) -> None: ...


__all__ = ["Executor", "LocalExecutor", "default_workers"]
