"""The pipeline stage: fill ``article.timexes`` from the clean text and the publication date."""

from __future__ import annotations

from lagebild.language.resources import rules_language

from ..actors import ActorIndex, shipped
from ..model import Article
from .tagger import find_timexes


class TimeStage:
    """Picklable per-article stage: ``stage(article) -> article`` with ``article.timexes`` set; ``actors`` is the
    batch's actor index (the shipped dictionary when None)."""

    name = "time"
    requires = ("text", "language", "published")
    assigns = ("timexes",)
    resources = ("time rules", "actor index")

    def __init__(self, actors: ActorIndex | None = None) -> None:
        self.actors = actors or shipped()

    def __call__(self, article: Article) -> Article:
        article.timexes = find_timexes(
            article.text or "", article.published, rules_language(article.language), self.actors
        )
        return article
