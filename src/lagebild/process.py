"""One processing run: ingest, per-article stages on an executor, store in batches, corpus stages, exports."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from lagebild.actors import ActorIndex
from lagebild.ingest import IngestFailure, Item, read_paths
from lagebild.model import Article
from lagebild.pipeline import article_stages
from lagebild.store import Store, export_jsonl

BATCH_SIZE = 256


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

    @property
    def articles_per_second(self) -> float:
        return self.articles_out / self.seconds if self.seconds else 0.0


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def process(
    inputs: Iterable[str],
    store: Store,
    *,
    executor: object,
    source: str | None = None,
    country: str | None = None,
    out: str | Path | None = None,
    on_progress: Callable[[int], None] | None = None,
    batch_size: int = BATCH_SIZE,
    shards: str | Path | None = None,
) -> RunSummary:
    """Process ``inputs`` into ``store``; documents already stored (same content id) are skipped.

    ``source`` names the outlet of every input; ``country`` is the outlet country of inputs that name none and
    whose domain does not give one.

    Each batch is committed in one transaction together with its source-profile counts and failures, so a run that is
    killed resumes on rerun without losing or duplicating anything. With ``shards`` and an executor that can write
    them (Ray), the workers write their results as Parquet shards under ``shards/run-<id>/`` and the store and the
    corpus-level stages read them from there, so the driver never holds a batch's results in flight.
    """
    from lagebild.actors.learning import learn_batch
    from lagebild.clean import SourceProfiles, lines_for_profile, source_key
    from lagebild.ingest.country import country_code

    started = time.perf_counter()
    run_id = store.start_run()
    summary = RunSummary(run_id=run_id)
    profiles = SourceProfiles.from_rows(store.load_profiles())
    home = country_code(country)
    for number, batch in enumerate(batched(read_paths(inputs, source), batch_size)):
        summary.documents_in += len(batch)
        failures = [(f.path, "ingest", f.reason) for f in batch if isinstance(f, IngestFailure)]
        articles = _fresh(store, [a for a in batch if isinstance(a, Article)], summary)
        for article in articles:
            article.source.country = article.source.country or home
        touched: set[tuple[str, str]] = set()
        for article in articles:
            key = source_key(article)
            if key:
                lines = lines_for_profile(article)
                profiles.observe(key, lines)
                touched.update((key, line) for line in lines)
        known, actors = _actor_index(store)
        stages = article_stages(profiles.repeated(source for source, _ in touched), actors)
        done: list[Article] = []
        for outcome in _outcomes(executor, stages, articles, shards, run_id, number):
            summary.stage_seconds.update(outcome.timings)
            if outcome.article is not None:
                done.append(outcome.article)
            elif outcome.failure is not None:
                failures.append((outcome.path or "?", *outcome.failure))
            if on_progress:
                on_progress(1)
        if on_progress:
            on_progress(len(batch) - len(articles))
        rows = _profile_rows(profiles, touched)
        learned = learn_batch(done, actors, known)
        summary.articles_out += store.save_batch(done, run_id, rows, failures, learned)
        summary.failures.extend(failures)
    from lagebild.stories import update_stories

    stories = update_stories(store)
    summary.stories = (stories.assigned, len(stories.new_stories), stories.duplicates)
    summary.stage_seconds["stories"] += stories.seconds
    _collect_actors(store)
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


def _outcomes(
    executor: object,
    stages: list,
    articles: list[Article],
    shards: str | Path | None,
    run_id: int,
    number: int,
) -> Iterable:
    """The executor's outcomes, through Parquet shards when asked for and the executor writes them."""
    if shards is None or not hasattr(executor, "write_shards") or not articles:
        return executor.map(stages, articles)  # type: ignore[attr-defined]
    from lagebild.executors.ray_executor import read_shards

    folder = Path(shards) / f"run-{run_id}" / f"batch-{number:06d}"
    return read_shards(executor.write_shards(stages, articles, folder))


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


def _profile_rows(profiles: object, touched: set[tuple[str, str]]) -> list[tuple[str, str, int]]:
    from lagebild.clean.profiles import line_key

    rows = {(source, line_key(line)): profiles.count(source, line) for source, line in touched}  # type: ignore[attr-defined]
    return [(source, key, count) for (source, key), count in rows.items() if count]


def _actor_index(store: Store) -> tuple[dict, ActorIndex]:
    """The learned actors of the store by id, and the batch's actor index (shipped dictionary plus them)."""
    from lagebild.actors.learned import from_record

    known = {actor.id: actor for actor in map(from_record, store.load_learned_actors())}
    return known, ActorIndex(known.values())


def _collect_actors(store: Store) -> None:
    """Store the dictionary records of every actor that articles refer to (learned actors are stored already)."""
    ids = {
        row[0]
        for row in store.con.execute(
            """SELECT actor FROM entities WHERE actor IS NOT NULL
               UNION SELECT speaker_actor FROM quotes WHERE speaker_actor IS NOT NULL
               UNION SELECT unnest(source) FROM events UNION SELECT unnest(target) FROM events"""
        ).fetchall()
        if row[0]
    }
    if not ids:
        return
    from lagebild.actors.dictionary import packaged_actors

    actors = packaged_actors()
    store.save_actors(actors[i] for i in sorted(ids) if i in actors)
