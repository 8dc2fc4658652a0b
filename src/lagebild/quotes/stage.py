"""The pipeline stage: fill ``article.quotes``."""

from __future__ import annotations

import importlib
from typing import Any

from lagebild.model import Article
from lagebild.quotes.finder import Resolver, find_quotes


def _resolver_for(article: Article) -> Resolver | None:
    """``lagebild.entities.resolve_mention`` bound to the article, when that function is available."""
    try:
        module = importlib.import_module("lagebild.entities")
    except Exception:  # noqa: BLE001 - entities are optional for quotation finding
        return None
    resolve = getattr(module, "resolve_mention", None)
    if not callable(resolve):
        return None

    def resolver(name: str) -> str | None:
        return _actor_id(resolve(name, article))

    return resolver


def _actor_id(found: Any) -> str | None:
    if found is None or isinstance(found, str):
        return found
    if isinstance(found, dict):
        return found.get("actor") or found.get("id")
    return getattr(found, "actor", None) or getattr(found, "id", None)


class QuoteStage:
    """Picklable stage ``stage(article) -> article`` that finds quotations and their speakers."""

    name = "quote"
    requires = ("text", "language", "sentences", "entities", "published")
    assigns = ("quotes",)
    resources = ("speech verbs", "actor dictionary")

    def __call__(self, article: Article) -> Article:
        sentences = [(s.start, s.end) for s in article.sentences] or None
        article.quotes = find_quotes(
            article.text or "",
            article.language or "de",
            entities=[e for e in article.entities if e.label in {"PER", "ORG"}],
            sentences=sentences,
            resolver=_resolver_for(article),
        )
        return article
