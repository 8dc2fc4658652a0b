"""Read-side views over stored stories: timelines per actor pair (dyad) and outlet comparison per story."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from lagebild.model import Event, TimelineEntry
from lagebild.store import Store, queries
from lagebild.stories.events import EventReport, entry_score, merge_events


@dataclass
class DyadDay:
    """One day of a dyad timeline: merged events and their Goldstein-style score (see ``stories.events``)."""

    date: str | None
    score: float
    events: list[TimelineEntry] = field(default_factory=list)


@dataclass
class DyadTimeline:
    a: str
    b: str
    days: list[DyadDay] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def dyad_timeline(store: Store, a: str, b: str, tolerance: int = 1) -> DyadTimeline:
    """Events between actors ``a`` and ``b`` (either direction), merged across articles, scored per day.

    Each merged event carries ``direction`` ("a->b", "b->a" or "mutual"). The day score sums Goldstein weight x
    status factor over the day's merged events: positive days are cooperative, negative ones conflictual.
    """
    rows = queries.dyad_event_rows(store.con, a, b)
    reports = [
        EventReport(article_id, Event.from_dict(json.loads(data)), published, outlet, copy_of)
        for article_id, data, published, outlet, copy_of in rows
    ]
    timeline = DyadTimeline(a=a, b=b)
    for entry in merge_events(reports, tolerance):
        src, tgt = set(entry.event["source"]), set(entry.event["target"])
        forward, backward = a in src and b in tgt, b in src and a in tgt
        entry.event["direction"] = "mutual" if forward and backward else "a->b" if forward else "b->a"
        if timeline.days and timeline.days[-1].date == entry.date:
            day = timeline.days[-1]
        else:
            day = DyadDay(date=entry.date, score=0.0)
            timeline.days.append(day)
        day.events.append(entry)
        day.score = round(day.score + entry_score(entry), 3)
    return timeline


@dataclass
class QuoteGroup:
    """One statement as quoted by one or more articles."""

    speaker: str | None
    text: str
    reported_by: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)


@dataclass
class OutletCoverage:
    """What one outlet reported of a story; indexes point into the story timeline and ``quotes``."""

    outlet: str
    articles: list[str] = field(default_factory=list)
    events: list[int] = field(default_factory=list)
    missed_events: list[int] = field(default_factory=list)
    quotes: list[int] = field(default_factory=list)
    missed_quotes: list[int] = field(default_factory=list)


@dataclass
class OutletComparison:
    story: str
    timeline: list[TimelineEntry] = field(default_factory=list)
    quotes: list[QuoteGroup] = field(default_factory=list)
    outlets: list[OutletCoverage] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _quote_tokens(text: str) -> set[str]:
    return {t for t in re.findall(r"\w+", text.lower()) if len(t) > 2}


def outlet_comparison(store: Store, story_id: str, similar: float = 0.5) -> OutletComparison | None:
    """Per outlet of a story: its articles, the timeline events and quotes it carried and those it left out.

    Quotes are grouped across articles when their speakers agree (same actor, or either unknown) and their word sets
    overlap with Jaccard >= ``similar``. Returns ``None`` for an unknown story.
    """
    story = store.get_story(story_id)
    if story is None:
        return None
    rows = queries.story_outlets(store.con, story_id)
    outlet_of = dict(rows)
    result = OutletComparison(story=story_id, timeline=story.timeline)
    coverage: dict[str, OutletCoverage] = {}
    for article_id, outlet in rows:
        coverage.setdefault(outlet, OutletCoverage(outlet=outlet)).articles.append(article_id)
    for index, entry in enumerate(story.timeline):
        reporters = {outlet_of.get(a) for a in entry.reported_by}
        for outlet, cov in coverage.items():
            (cov.events if outlet in reporters else cov.missed_events).append(index)
    quotes = queries.story_quotes(store.con, story_id)
    keys: list[set[str]] = []
    for article_id, text, speaker in quotes:
        words = _quote_tokens(text or "")
        match = None
        for index, group in enumerate(result.quotes):
            if speaker and group.speaker and speaker != group.speaker:
                continue
            union = len(words | keys[index]) or 1
            if len(words & keys[index]) / union >= similar:
                match = index
                break
        if match is None:
            result.quotes.append(QuoteGroup(speaker=speaker, text=text or ""))
            keys.append(words)
            match = len(result.quotes) - 1
        group = result.quotes[match]
        group.speaker = group.speaker or speaker
        if article_id not in group.reported_by:
            group.reported_by.append(article_id)
        outlet = outlet_of[article_id]
        if outlet not in group.outlets:
            group.outlets.append(outlet)
    for index, group in enumerate(result.quotes):
        for outlet, cov in coverage.items():
            (cov.quotes if outlet in group.outlets else cov.missed_quotes).append(index)
    result.outlets = sorted(coverage.values(), key=lambda c: (-len(c.articles), c.outlet))
    return result
