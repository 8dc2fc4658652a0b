"""The pipeline: the per-article stages and the corpus stages in order, and how one article runs through them.

A per-article stage is a picklable callable ``stage(article) -> Article`` that declares its ``name``, the article
fields it ``requires`` and ``assigns`` and the ``resources`` it reads. Per-article stages are functions of an article
plus read-only resources, so executors may run them anywhere. Corpus stages (:mod:`lagebild.corpus`) work on a batch
or on the store: they prepare the resources of the per-article stages and store what a batch teaches.

One error policy: a stage that raises or runs over its time budget on an article records a failure with the stage's
name and the reason; the article keeps what the earlier stages produced (the failing stage's fields are restored) and
the later stages are skipped. Nothing else catches a stage's exception.
"""

from __future__ import annotations

import copy
import signal
import threading
import time
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from lagebild.actors import ActorIndex
from lagebild.model import Article

if TYPE_CHECKING:
    from lagebild.corpus import BatchStage, RunStage

INGEST_FIELDS: tuple[str, ...] = ("id", "source", "raw")
"""What ingest gives every article before the first stage runs."""


class Stage(Protocol):
    """A per-article stage: a function of the article and the declared read-only resources."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    resources: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


@dataclass(frozen=True)
class Budget:
    """Time limits per document: each stage may take ``stage_seconds``, all stages together ``document_seconds``.

    A stage over its limit is stopped (on the thread that runs signals; elsewhere it is judged when it returns) and
    recorded as a failure of that stage.
    """

    stage_seconds: float = 20.0
    document_seconds: float = 40.0


class BudgetExceeded(BaseException):  # noqa: N818 - raised into stage code, which must not catch it as an Exception
    """A stage ran over its time budget (a BaseException, so no ``except Exception`` in a stage swallows it)."""


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


def corpus_stages() -> tuple[list[BatchStage], list[RunStage]]:
    """The corpus stages, in order: per batch, source profiles and learned actors (they give the per-article stages
    their resources and store what each commit teaches); per run, stories and the actors' records."""
    from lagebild.corpus import ActorRecords, LearnedActors, SourceProfileStage, StoryStage

    return [SourceProfileStage(), LearnedActors()], [StoryStage(), ActorRecords()]


@dataclass
class Outcome:
    """What running the stages on one article gave: the article (with what the stages before a failure produced,
    None only when there was no article) and, when a stage failed, its name and the reason."""

    article: Article | None
    path: str | None
    failure: tuple[str, str] | None = None
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class ArticlePipeline:
    """The per-article stages with their time budget: ``pipeline(article) -> Outcome``; picklable."""

    stages: Sequence[Stage]
    budget: Budget = field(default_factory=Budget)

    def __call__(self, article: Article) -> Outcome:
        return run_stages(self.stages, article, self.budget)

    @property
    def names(self) -> list[str]:
        return [stage_name(stage) for stage in self.stages]


def stage_name(stage: object) -> str:
    """``name`` of the stage, else its class name without ``Stage``, lower-cased (``CleanStage`` -> ``clean``)."""
    name = getattr(stage, "name", None)
    return name or type(stage).__name__.removesuffix("Stage").lower()


def run_stages(stages: Sequence[Stage], article: Article, budget: Budget | None = None) -> Outcome:
    """Run ``article`` through ``stages`` under ``budget``; the first failure stops it and is reported with the
    stage's name and reason, the article keeping what the stages before produced."""
    budget = budget or Budget()
    path = article.raw.path if article.raw else None
    timings: dict[str, float] = {}
    started = time.perf_counter()
    failure: tuple[str, str] | None = None
    for stage in stages:
        name = stage_name(stage)
        limit = min(budget.stage_seconds, budget.document_seconds - (time.perf_counter() - started))
        saved = _fields(article, getattr(stage, "assigns", ()))
        start = time.perf_counter()
        try:
            if limit <= 0:
                raise BudgetExceeded
            with _time_limit(limit):
                result = stage(article)
            if not isinstance(result, Article):
                raise TypeError(f"the stage returned {type(result).__name__}, not an Article")
            article = result
        except BudgetExceeded:
            failure = (name, _over_budget(budget, limit, len(article.text or _raw_text(article))))
        except Exception as exc:  # noqa: BLE001 - the one place a stage's error becomes a recorded failure
            failure = (name, _reason(exc))
        timings[name] = time.perf_counter() - start
        if failure is not None:
            for key, value in saved.items():
                setattr(article, key, value)
            break
    article.raw = None
    return Outcome(article, path, failure, timings)


def _fields(article: Article, names: Sequence[str]) -> dict[str, Any]:
    return {name: copy.copy(getattr(article, name)) for name in names}


def _raw_text(article: Article) -> str:
    return article.raw.content if article.raw is not None else ""


def _over_budget(budget: Budget, limit: float, chars: int) -> str:
    which = "stage" if limit >= budget.stage_seconds else "document"
    seconds = budget.stage_seconds if which == "stage" else budget.document_seconds
    return f"time budget exceeded: over the {which} limit of {seconds:g} s on {chars:,} characters"


def _reason(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" ({frames[-1].filename.rsplit('/', 1)[-1]}:{frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {exc}{where}"[:500]


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`BudgetExceeded` in the running code after ``seconds`` (main thread only; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise BudgetExceeded

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
