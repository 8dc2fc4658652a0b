"""One processing run: ingest, per-article stages on an executor, commits, corpus stages, exports.

The loop reads the inputs in batches. For each batch the batch stages prepare the per-article stages' resources,
the executor runs the stages, and the outcomes are committed as they come: at most every ``CommitPolicy.documents``
documents or ``CommitPolicy.seconds`` seconds, each commit one transaction with its articles, failures and what the
batch stages learned from them. A killed run loses at most the documents since its last commit; a rerun skips what
is stored. The run stages (stories, actor records) follow the last batch.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from queue import Queue

from lagebild.corpus import BatchStage
from lagebild.executors import Executor
from lagebild.ingest import IngestFailure, Item, read_paths
from lagebild.model import Article
from lagebild.pipeline import ArticlePipeline, Budget, article_stages, corpus_stages
from lagebild.store import Store, export_jsonl

BATCH_SIZE = 256


@dataclass(frozen=True)
class CommitPolicy:
    """Commit the outcomes at least every ``documents`` documents and every ``seconds`` seconds."""

    documents: int = 64
    seconds: float = 10.0


@dataclass
class RunSummary:
    """What a run did: counts, failures with reasons, time per stage."""

    run_id: int
    documents_in: int = 0
    articles_out: int = 0
    skipped: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)
    seconds: float = 0.0
    stage_seconds: Counter = field(default_factory=Counter)
    exports: dict[str, int] = field(default_factory=dict)
    stories: tuple[int, int, int] = (0, 0, 0)
    """Articles placed in stories, stories started, near-duplicate copies found."""
    commits: int = 0

    @property
    def articles_per_second(self) -> float:
        return self.articles_out / self.seconds if self.seconds else 0.0


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def read_ahead(batches: Iterator[list[Item]]) -> Iterator[list[Item]]:
    """``batches`` with the next one read in a thread while the current one runs (reading and decoding a batch
    takes seconds of the driver's time, during which the workers would otherwise wait)."""
    ready: Queue[list[Item] | BaseException | None] = Queue(maxsize=1)

    def fill() -> None:
        try:
            for batch in batches:
                ready.put(batch)
        except BaseException as exc:  # noqa: BLE001 - handed to the loop, which raises it
            ready.put(exc)
        else:
            ready.put(None)

    threading.Thread(target=fill, name="lagebild-ingest", daemon=True).start()
    while (batch := ready.get()) is not None:
        if isinstance(batch, BaseException):
            raise batch
        yield batch


def process(
    inputs: Iterable[str],
    store: Store,
    *,
    executor: Executor,
    source: str | None = None,
    country: str | None = None,
    out: str | Path | None = None,
    on_progress: Callable[[int], None] | None = None,
    batch_size: int = BATCH_SIZE,
    commit: CommitPolicy | None = None,
    budget: Budget | None = None,
) -> RunSummary:
    """Process ``inputs`` into ``store``; documents already stored (same content id) are skipped.

    ``source`` names the outlet of every input; ``country`` is the outlet country of inputs that name none and
    whose domain does not give one. ``budget`` limits the time of each stage per document.
    """
    from lagebild.ingest.country import country_code

    started = time.perf_counter()
    run_id = store.start_run()
    summary = RunSummary(run_id=run_id)
    home = country_code(country)
    batch_stages, run_stages = corpus_stages()
    committer = _Committer(store, run_id, batch_stages, commit or CommitPolicy(), summary)
    for batch in read_ahead(batched(read_paths(inputs, source), batch_size)):
        summary.documents_in += len(batch)
        committer.failures += [(f.path, "ingest", f.reason) for f in batch if isinstance(f, IngestFailure)]
        articles = _fresh(store, [a for a in batch if isinstance(a, Article)], summary)
        for article in articles:
            article.source.country = article.source.country or home
        resources: dict[str, object] = {}
        for stage in batch_stages:
            prepared = time.perf_counter()
            resources.update(stage.prepare(store, articles))
            summary.stage_seconds[stage.name] += time.perf_counter() - prepared
        pipeline = ArticlePipeline(article_stages(**resources), budget or Budget())
        for outcome in executor.map(pipeline, articles) if articles else ():
            summary.stage_seconds.update(outcome.timings)
            failure = (outcome.path or "?", *outcome.failure) if outcome.failure is not None else None
            committer.add(outcome.article, failure)
            if on_progress:
                on_progress(1)
        committer.flush()
        if on_progress:
            on_progress(len(batch) - len(articles))
    committer.flush()
    for stage in run_stages:
        report = stage.run(store)
        summary.stage_seconds[stage.name] += report.seconds
        if stage.name == "stories":
            summary.stories = (report.counts["assigned"], report.counts["new"], report.counts["duplicates"])
    summary.seconds = time.perf_counter() - started
    store.finish_run(
        run_id,
        summary.documents_in,
        summary.articles_out,
        summary.skipped,
        len(summary.failures),
        summary.seconds,
    )
    if out is not None:
        summary.exports = export_jsonl(store, out)
    return summary


class _Committer:
    """Collects outcomes and commits them when the policy says so."""

    def __init__(
        self,
        store: Store,
        run_id: int,
        stages: Sequence[BatchStage],
        policy: CommitPolicy,
        summary: RunSummary,
    ) -> None:
        self.store, self.run_id, self.stages, self.policy, self.summary = (
            store,
            run_id,
            stages,
            policy,
            summary,
        )
        self.articles: list[Article] = []
        self.failures: list[tuple[str, str, str]] = []
        self.documents = 0
        self.last = time.monotonic()

    def add(self, article: Article | None, failure: tuple[str, str, str] | None) -> None:
        """One document's outcome: its article (with what the stages produced) and its failure, if any. Failures
        at ingest ride along with the next commit (they cost no stage time to redo)."""
        if article is not None:
            self.articles.append(article)
        if failure is not None:
            self.failures.append(failure)
        self.documents += 1
        if self.documents >= self.policy.documents or time.monotonic() - self.last >= self.policy.seconds:
            self.flush()

    def flush(self) -> None:
        self.last = time.monotonic()
        if not self.documents and not self.failures:
            return
        started = time.perf_counter()
        taught: dict[str, object] = {}
        for stage in self.stages:
            taught.update(stage.commit(self.articles))
        written = self.store.save_batch(self.articles, self.run_id, failures=self.failures, **taught)  # type: ignore[arg-type]
        for stage in self.stages:
            stage.committed(self.store)
        self.summary.articles_out += written
        self.summary.failures.extend(self.failures)
        self.summary.commits += 1
        self.summary.stage_seconds["store commits"] += time.perf_counter() - started
        self.articles, self.failures, self.documents = [], [], 0


def _fresh(store: Store, articles: list[Article], summary: RunSummary) -> list[Article]:
    """Articles not yet stored and not repeated within the batch."""
    known = store.known_ids(a.id for a in articles)
    fresh: list[Article] = []
    for article in articles:
        if article.id in known:
            summary.skipped += 1
            continue
        known.add(article.id)
        fresh.append(article)
    return fresh
