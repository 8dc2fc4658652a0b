"""The local executor: one process, or a pool of processes using all cores; results come back in input order.

Pool workers exit with the process that started them, even when it is killed with SIGKILL: on Linux the kernel
sends them SIGKILL when their parent dies (``PR_SET_PDEATHSIG``), elsewhere a watcher thread notices the new parent.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from lagebild.model import Article
from lagebild.pipeline import ArticlePipeline, Outcome

_PR_SET_PDEATHSIG = 1


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def exit_with_parent(parent: int, kernel: bool = True) -> None:
    """Make this process end when ``parent`` ends (a pool worker's initializer).

    ``kernel`` asks Linux for SIGKILL on the parent's death; that signal follows the parent *thread* that started
    the worker, so a pool started off the main thread relies on the watcher thread alone.
    """
    if kernel and sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="lagebild-parent-watch", daemon=True).start()


class LocalExecutor:
    """Runs the per-article stages in this process (``workers=1``) or in a process pool."""

    def __init__(self, workers: int | None = None, chunksize: int = 4) -> None:
        self.workers = workers or default_workers()
        self.chunksize = chunksize
        self._pool: ProcessPoolExecutor | None = None
        if self.workers > 1:
            self._start()

    def _start(self) -> None:
        """Start the workers now, before the caller starts threads (a process forked while another thread holds a
        lock, the import lock say, would wait for that lock for ever)."""
        on_main = threading.current_thread() is threading.main_thread()
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers, initializer=exit_with_parent, initargs=(os.getpid(), on_main)
        )
        self._pool.submit(os.getpid).result()  # forks every worker at once

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def map(self, pipeline: ArticlePipeline, articles: Sequence[Article]) -> Iterator[Outcome]:
        """Outcomes for ``articles`` in their order."""
        if self.workers == 1 or len(articles) < 2:
            for article in articles:
                yield pipeline(article)
            return
        if self._pool is None:
            self._start()
        chunksize = max(1, min(self.chunksize, len(articles) // (self.workers * 2) or 1))
        yield from self._pool.map(pipeline, articles, chunksize=chunksize)
