"""The corpus stages: what runs over a batch or over the store rather than over one article.

Batch stages (:class:`BatchStage`) prepare the resources of the per-article stages before a batch runs
(``prepare``) and give what a commit's articles teach to the store's transaction of that commit (``commit``), so a
killed run never counts an article twice. Run stages (:class:`RunStage`) work on the store once the batches are in.
Each declares, like a per-article stage, its ``name``, what it ``requires`` (article fields or store tables) and
``assigns`` (store tables) and the ``resources`` it uses. The order is :func:`lagebild.pipeline.corpus_stages`.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from lagebild.actors import ActorIndex, shipped
from lagebild.model import Article

if TYPE_CHECKING:
    from lagebild.store import Store


class BatchStage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    resources: tuple[str, ...]

    def prepare(self, store: Store, articles: Sequence[Article]) -> dict[str, Any]:
        """Resources for the per-article stages of this batch (keyword arguments of ``article_stages``)."""
        ...

    def commit(self, articles: Sequence[Article]) -> dict[str, Any]:
        """What ``articles`` teach, as keyword arguments of :meth:`Store.save_batch` (one transaction)."""
        ...

    def committed(self, store: Store) -> None:
        """The commit is in the store."""
        ...


class RunStage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    resources: tuple[str, ...]

    def run(self, store: Store) -> StageReport: ...


@dataclass
class StageReport:
    """What a run stage did: seconds and a few counts by name."""

    seconds: float
    counts: dict[str, int]


class SourceProfileStage:
    """Per-source counts of repeated lines: observed for a whole batch before cleaning (the clean stage's
    ``profiles``), stored per commit for exactly the committed articles."""

    name = "source profiles"
    requires = ("raw", "source")
    assigns = ("source_profiles",)
    resources = ("source_profiles",)

    def __init__(self) -> None:
        self._seen: Any = None  # SourceProfiles: the store's counts plus every batch observed so far
        self._stored: Any = None  # SourceProfiles: the store's counts plus what was committed
        self._lines: dict[str, tuple[str, list[str]]] = {}

    def prepare(self, store: Store, articles: Sequence[Article]) -> dict[str, Any]:
        from lagebild.clean import SourceProfiles, lines_for_profile, source_key

        if self._seen is None:
            rows = store.load_profiles()
            self._seen, self._stored = SourceProfiles.from_rows(rows), SourceProfiles.from_rows(rows)
        self._lines = {}
        for article in articles:
            key = source_key(article)
            if key:
                lines = lines_for_profile(article)
                self._seen.observe(key, lines)
                self._lines[article.id] = (key, lines)
        return {"profiles": self._seen.repeated({key for key, _ in self._lines.values()})}

    def commit(self, articles: Sequence[Article]) -> dict[str, Any]:
        from lagebild.clean.profiles import line_key

        touched: dict[tuple[str, str], str] = {}
        for article in articles:
            entry = self._lines.pop(article.id, None)
            if entry is None:
                continue
            key, lines = entry
            self._stored.observe(key, lines)
            for line in lines:
                touched[(key, line_key(line))] = line
        rows = [(key, lk, self._stored.count(key, line)) for (key, lk), line in touched.items()]
        return {"profiles": [row for row in rows if row[2]]}

    def committed(self, store: Store) -> None:
        return None


class LearnedActors:
    """Persons the dictionary lacks, learned from their titles: the shipped dictionary and the store's learned
    actors form the batch's :class:`~lagebild.actors.ActorIndex`, the per-article stages' actor resource; each
    commit's articles teach new ones and sightings of known ones (read through the same index)."""

    name = "learned actors"
    requires = ("entities", "text", "published")
    assigns = ("actors",)
    resources = ("actors",)

    def __init__(self) -> None:
        self._known: dict[str, Any] | None = None
        self._index: ActorIndex | None = None

    def prepare(self, store: Store, articles: Sequence[Article]) -> dict[str, Any]:
        self._index = ActorIndex(self._load(store).values())
        return {"actors": self._index}

    def commit(self, articles: Sequence[Article]) -> dict[str, Any]:
        from lagebild.actors.learning import learn_batch

        return {"learned": learn_batch(articles, self._index or shipped(), self._known or {})}

    def committed(self, store: Store) -> None:
        self._known = None
        self._load(store)  # the next commit of the batch knows what this one taught

    def _load(self, store: Store) -> dict[str, Any]:
        from lagebild.actors.learned import from_record

        if self._known is None:
            self._known = {actor.id: actor for actor in map(from_record, store.load_learned_actors())}
        return self._known


class StoryStage:
    """Near-duplicates and stories across outlets for every article not yet in a story."""

    name = "stories"
    requires = ("articles",)
    assigns = ("stories", "articles.story")
    resources = ()

    def run(self, store: Store) -> StageReport:
        from lagebild.stories import update_stories

        update = update_stories(store)
        counts = {
            "assigned": update.assigned,
            "new": len(update.new_stories),
            "duplicates": update.duplicates,
        }
        return StageReport(update.seconds, counts)


class ActorRecords:
    """The dictionary records of every actor the stored articles refer to (learned actors are stored already)."""

    name = "actor records"
    requires = ("entities", "quotes", "events")
    assigns = ("actors",)
    resources = ("actor dictionary",)

    def run(self, store: Store) -> StageReport:
        from lagebild.actors.dictionary import packaged_actors

        started = time.perf_counter()
        ids = store.referenced_actor_ids()
        actors = packaged_actors() if ids else {}
        known = [actors[i] for i in sorted(ids) if i in actors]
        if known:
            store.save_actors(known)
        return StageReport(time.perf_counter() - started, {"actors": len(known)})
