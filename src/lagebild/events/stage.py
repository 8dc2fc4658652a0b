"""The events stage: PLOVER events for every sentence of an article."""

from __future__ import annotations

from collections.abc import Iterable

from lagebild.actors import ActorIndex, shipped
from lagebild.events.features import find_triggers, may_have_events, sentence_features
from lagebild.events.rules import decide
from lagebild.model import Article, Entity, Event, Quote, Span, Timex

_MAX_SENTENCE = 2000  # characters; longer "sentences" are split into windows of this size


def code_sentence(
    text: str,
    language: str | None,
    entities: Iterable[Entity] = (),
    timexes: Iterable[Timex] = (),
    published: str | None = None,
    quotes: list[Quote] | None = None,
    span: tuple[int, int] | None = None,
    learned: bool = True,
    home: str | None = None,
    actors: ActorIndex | None = None,
) -> list[Event]:
    """Code the events of one sentence; the first event returned is the sentence's main event.

    ``text`` may be the whole article text with ``span`` the sentence's offsets; entity, timex and evidence
    offsets are into ``text``. ``learned=False`` leaves the actor roles to the rules alone. ``home`` is the
    outlet's country (ISO3), where a domestic person the text does not place belongs; ``actors`` the batch's actor
    index (the shipped dictionary when None).
    """
    start, end = span or (0, len(text))
    triggers = find_triggers(text, start, end, language)
    if not may_have_events(text, start, end, language, triggers):
        return []  # the costlier features (actor mentions, cues, clauses) are only needed for an event
    features = sentence_features(
        text, start, end, language, list(entities), list(timexes), published, quotes, triggers, home, actors
    )
    return decide(features, learned)


def _sentences(article: Article) -> list[Span]:
    spans = article.sentences or [Span(0, len(article.text))]
    out: list[Span] = []
    for span in spans:
        for lo in range(span.start, span.end, _MAX_SENTENCE):
            out.append(Span(lo, min(span.end, lo + _MAX_SENTENCE)))
    return out


def code_article(article: Article, actors: ActorIndex | None = None) -> list[Event]:
    """All events of an article, sentence by sentence."""
    if not article.text.strip():
        return []
    events: list[Event] = []
    for span in _sentences(article):
        entities = [e for e in article.entities if span.start <= e.start and e.end <= span.end]
        timexes = [t for t in article.timexes if span.start <= t.start and t.end <= span.end]
        events.extend(
            code_sentence(
                article.text,
                article.language,
                entities,
                timexes,
                article.published,
                article.quotes,
                (span.start, span.end),
                home=article.source.country,
                actors=actors,
            )
        )
    return events


class EventStage:
    """Pipeline stage ``stage(article) -> article`` filling ``article.events``; ``actors`` is the batch's actor
    index (the shipped dictionary when None)."""

    name = "event"
    requires = ("text", "language", "sentences", "entities", "timexes", "quotes", "published", "source")
    assigns = ("events",)
    resources = ("event lexicon", "actor chooser", "actor index")

    def __init__(self, actors: ActorIndex | None = None) -> None:
        self.actors = actors or shipped()

    def __call__(self, article: Article) -> Article:
        article.events = code_article(article, self.actors)
        return article
