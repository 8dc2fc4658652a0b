"""The pipeline stage: fill ``article.timexes`` from the clean text and the publication date."""

from __future__ import annotations

import logging

from lagebild.language.resources import rules_language

from ..model import Article
from .tagger import find_timexes

log = logging.getLogger(__name__)


class TimeStage:
    """Picklable per-article stage: ``stage(article) -> article`` with ``article.timexes`` set."""

    def __call__(self, article: Article) -> Article:
        try:
            article.timexes = find_timexes(
                article.text or "", article.published, rules_language(article.language)
            )
        except Exception:  # a stage must never raise; an odd article simply gets no timexes
            log.exception("time tagging failed for article %s", article.id)
            article.timexes = []
        return article
