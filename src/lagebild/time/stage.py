"""The pipeline stage: fill ``article.timexes`` from the clean text and the publication date."""

from __future__ import annotations

from ..model import Article
from .tagger import find_timexes


class TimeStage:
    """Picklable per-article stage: ``stage(article) -> article`` with ``article.timexes`` set."""

    name = "time"
    requires = ("text", "language", "published")
    assigns = ("timexes",)
    resources = ("time rules",)

    def __call__(self, article: Article) -> Article:
        language = "en" if article.language == "en" else "de"
        article.timexes = find_timexes(article.text or "", article.published, language)
        return article
