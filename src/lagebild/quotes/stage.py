"""The pipeline stage: fill ``article.quotes``."""

from __future__ import annotations

from lagebild.actors import ActorIndex, resolve_mention, shipped
from lagebild.model import Article
from lagebild.quotes.finder import Resolver, find_quotes


def _resolver_for(article: Article, actors: ActorIndex) -> Resolver:
    """:func:`lagebild.actors.resolve_mention` bound to the article and the batch's actor index."""

    def resolver(name: str) -> str | None:
        return resolve_mention(name, article, actors)

    return resolver


class QuoteStage:
    """Picklable stage ``stage(article) -> article`` that finds quotations and their speakers; ``actors`` is the
    batch's actor index (the shipped dictionary when None)."""

    name = "quote"
    requires = ("text", "language", "sentences", "entities", "published")
    assigns = ("quotes",)
    resources = ("speech verbs", "actor index")

    def __init__(self, actors: ActorIndex | None = None) -> None:
        self.actors = actors or shipped()

    def __call__(self, article: Article) -> Article:
        sentences = [(s.start, s.end) for s in article.sentences] or None
        article.quotes = find_quotes(
            article.text or "",
            article.language or "de",
            entities=[e for e in article.entities if e.label in {"PER", "ORG"}],
            sentences=sentences,
            resolver=_resolver_for(article, self.actors),
        )
        return article
