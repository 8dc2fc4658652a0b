"""The pipeline stage: fill ``article.timexes`` from the clean text and the publication date."""

from __future__ import annotations

import logging

from ..actors import ActorIndex, shipped
from ..model import Article
from .tagger import find_timexes

log = logging.getLogger(__name__)


class TimeStage:
    """Picklable per-article stage: ``stage(article) -> article`` with ``article.timexes`` set; ``actors`` is the
    batch's actor index (the shipped dictionary when None)."""

    def __init__(self, actors: ActorIndex | None = None) -> None:
        self.actors = actors or shipped()

    def __call__(self, article: Article) -> Article:
        try:
            language = "en" if article.language == "en" else "de"
            article.timexes = find_timexes(article.text or "", article.published, language, self.actors)
        except Exception:  # a stage must never raise; an odd article simply gets no timexes
            log.exception("time tagging failed for article %s", article.id)
            article.timexes = []
        return article
