"""The corpus-level stories stage: assign unassigned articles to stories and rebuild the touched stories."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pyarrow as pa

from lagebild.model import Article, Entity, Event, Story
from lagebild.store import Store, queries
from lagebild.stories.cluster import ClusterParams, StoryClusterer, day_number
from lagebild.stories.events import EventReport, merge_events
from lagebild.stories.state import load_clusterer, save_clusterer


@dataclass
class StoryUpdate:
    """What one update did."""

    assigned: int = 0
    new_stories: list[str] = field(default_factory=list)
    updated_stories: list[str] = field(default_factory=list)
    duplicates: int = 0
    seconds: float = 0.0

    @property
    def articles_per_second(self) -> float:
        return self.assigned / self.seconds if self.seconds else 0.0


def unassigned_articles(store: Store, batch: int = 2000) -> Iterator[Article]:
    """Articles without a story, in ingest order, with only what clustering reads.

    The text, title, date and language come from their columns, actor ids from ``entities`` and event types and
    parties from ``events``; the article JSON is not parsed.
    """
    last = 0
    while True:
        rows = queries.unassigned_rows(store.con, last, batch)
        if not rows:
            return
        for seq, aid, title, text, published, language, actors, events in rows:
            last = seq
            yield Article(
                id=aid,
                title=title,
                text=text or "",
                published=published,
                language=language,
                entities=[Entity(0, 0, "", "", actor=actor) for actor in actors or ()],
                events=[Event(type=e["t"], source=e["s"] or [], target=e["g"] or []) for e in events or ()],
            )


def save_story_records(store: Store, stories: list[Story]) -> None:
    """Insert or replace story records in one bulk statement (same rows as ``Store.save_stories``)."""
    if not stories:
        return
    table = pa.table(
        {
            "id": [s.id for s in stories],
            "title": pa.array([s.title for s in stories], pa.string()),
            "first": pa.array([s.first for s in stories], pa.string()),
            "last": pa.array([s.last for s in stories], pa.string()),
            "data": [json.dumps(s.to_dict(), ensure_ascii=False) for s in stories],
        }
    )
    store.upsert_story_rows("stories", table)


def update_stories(store: Store, params: ClusterParams | None = None) -> StoryUpdate:
    """Assign every article whose story is NULL, in ingest order, and save the new and changed stories.

    Only the stories active within the time window of the new articles are loaded, so an update costs time in
    proportion to the new articles, not to the archive. Running it again without new articles changes nothing.
    """
    started = time.perf_counter()
    update = StoryUpdate()
    pending = queries.unassigned_count(store.con)
    if not pending[0]:
        return update
    clusterer = StoryClusterer(params)
    load_clusterer(clusterer, store, day_number(pending[1]))
    assignments: dict[str, str] = {}
    rows: list[tuple[str, str, str | None, int | None]] = []
    touched: set[str] = set()
    for article in unassigned_articles(store):
        result = clusterer.assign(article)
        assignments[article.id] = result.story_id
        rows.append((article.id, result.story_id, result.copy_of, day_number(article.published)))
        touched.add(result.story_id)
        if result.new_story:
            update.new_stories.append(result.story_id)
        if result.copy_of is not None:
            update.duplicates += 1
    with store.transaction():
        store.set_story(assignments)
        save_clusterer(clusterer, store, touched, rows)
    save_story_records(store, build_stories(store, sorted(touched)))
    new = set(update.new_stories)
    update.updated_stories = sorted(touched - new)
    update.assigned = len(assignments)
    update.seconds = time.perf_counter() - started
    return update


def build_stories(store: Store, story_ids: list[str], tolerance: int = 1) -> list[Story]:
    """Story records (articles, outlets, dates, merged timeline) for ``story_ids``, read from the store."""
    if not story_ids:
        return []
    articles, events = queries.story_members(store.con, story_ids)
    info: dict[str, tuple[str | None, str | None, str | None]] = {}
    stories: dict[str, Story] = {}
    for story_id, article_id, outlet, published, title, copy_of in articles:
        info[article_id] = (outlet, published, copy_of)
        story = stories.setdefault(story_id, Story(id=story_id))
        story.articles.append(article_id)
        if outlet and outlet not in story.sources:
            story.sources.append(outlet)
        if story.title is None and title:
            story.title = title
        if published:
            day = published[:10]
            story.first = day if story.first is None else min(story.first, day)
            story.last = day if story.last is None else max(story.last, day)
    reports: dict[str, list[EventReport]] = {}
    for story_id, article_id, data in events:
        outlet, published, copy_of = info.get(article_id, (None, None, None))
        event = Event.from_dict(json.loads(data))
        reports.setdefault(story_id, []).append(EventReport(article_id, event, published, outlet, copy_of))
    for story_id, story in stories.items():
        story.sources.sort()
        story.timeline = merge_events(reports.get(story_id, []), tolerance)
    return [stories[s] for s in story_ids if s in stories]
