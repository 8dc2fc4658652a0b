"""The pipeline: the per-article stages in order, as one list, and how one article runs through them.

A stage is a picklable callable ``stage(article) -> Article`` with a ``name``. Per-article stages are pure functions of an
article plus read-only resources, so executors may run them anywhere. Corpus-level stages run after, over the store.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from lagebild.actors import ActorIndex
from lagebild.model import Article


class Stage(Protocol):
    name: str

    def __call__(self, article: Article) -> Article: ...


def article_stages(profiles: object | None = None, actors: ActorIndex | None = None) -> list[Stage]:
    """The per-article stages, in order. ``profiles`` are the per-source repeated-line profiles for cleaning;
    ``actors`` is the batch's actor index (shipped dictionary plus learned persons) for the stages that resolve
    names (the shipped dictionary alone when None)."""
    from lagebild.clean import CleanStage
    from lagebild.entities import EntityStage
    from lagebild.events import EventStage
    from lagebild.language import LanguageStage
    from lagebild.quotes import QuoteStage
    from lagebild.time import TimeStage

    return [
        CleanStage(profiles),  # type: ignore[arg-type]
        LanguageStage(),
        EntityStage(actors=actors),
        TimeStage(actors),
        QuoteStage(actors),
        EventStage(actors),
    ]


@dataclass
class Outcome:
    """What running the stages on one article gave: the article, or the stage that failed and why."""

    article: Article | None
    path: str | None
    failure: tuple[str, str] | None = None
    timings: dict[str, float] = field(default_factory=dict)


def stage_name(stage: Callable[[Article], Article]) -> str:
    """``name`` of the stage, else its class name without ``Stage``, lower-cased (``CleanStage`` -> ``clean``)."""
    name = getattr(stage, "name", None)
    return name or type(stage).__name__.removesuffix("Stage").lower()


def run_stages(stages: Sequence[Stage], article: Article) -> Outcome:
    """Run ``article`` through ``stages``; an exception stops it and is reported with the stage's name."""
    path = article.raw.path if article.raw else None
    timings: dict[str, float] = {}
    for stage in stages:
        name = stage_name(stage)
        start = time.perf_counter()
        try:
            article = stage(article)
        except Exception as exc:  # noqa: BLE001 - a bad document must never stop the run
            timings[name] = time.perf_counter() - start
            last = traceback.extract_tb(exc.__traceback__)[-1]
            where = f"{last.filename.rsplit('/', 1)[-1]}:{last.lineno}"
            return Outcome(None, path, (name, f"{type(exc).__name__}: {exc} ({where})"[:500]), timings)
        timings[name] = time.perf_counter() - start
    article.raw = None
    return Outcome(article, path, None, timings)
