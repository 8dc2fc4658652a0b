"""The local executor: one process, or a pool of processes using all cores; results come back in input order."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial

from lagebild.model import Article
from lagebild.pipeline import Outcome, Stage, run_stages


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


class LocalExecutor:
    """Runs the per-article stages in this process (``workers=1``) or in a process pool."""

    def __init__(self, workers: int | None = None, chunksize: int = 4) -> None:
        self.workers = workers or default_workers()
        self.chunksize = chunksize
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def map(self, stages: Sequence[Stage], articles: Sequence[Article]) -> Iterator[Outcome]:
        """Outcomes for ``articles`` in their order."""
        if self.workers == 1 or len(articles) < 2:
            for article in articles:
                yield run_stages(stages, article)
            return
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers)
        chunksize = max(1, min(self.chunksize, len(articles) // (self.workers * 2) or 1))
        yield from self._pool.map(partial(run_stages, stages), articles, chunksize=chunksize)
