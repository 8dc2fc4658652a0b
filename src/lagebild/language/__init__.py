"""Language identification and sentence splitting: the ``language`` pipeline stage."""

from __future__ import annotations

from lagebild.language.detect import detect_language
from lagebild.language.sentences import bounded, split_sentences, split_sentences_somajo
from lagebild.model import Article, Span

__all__ = ["LanguageStage", "detect_language", "split_sentences", "split_sentences_somajo"]

_SOMAJO_LANGUAGES = ("de", "en")


class LanguageStage:
    """Sets ``article.language`` (when unset) and ``article.sentences``.

    ``splitter="fast"`` (default) uses rules with SoMaJo's abbreviation lists; ``"somajo"`` runs SoMaJo itself
    for German and English (slower) and the fast rules for other languages.
    """

    name = "language"
    requires = ("text", "raw")
    assigns = ("language", "sentences")
    resources = ("language identifier", "abbreviation lists")

    def __init__(self, splitter: str = "fast") -> None:
        if splitter not in ("fast", "somajo"):
            raise ValueError(f"unknown splitter {splitter!r}")
        self.splitter = splitter

    def __call__(self, article: Article) -> Article:
        text = article.text or ""
        if article.language is None:
            hint = article.raw.language if article.raw is not None else None
            article.language = hint or detect_language(text)
        article.sentences = bounded(self._split(text, article.language), text)
        return article

    def _split(self, text: str, language: str | None) -> list[Span]:
        if self.splitter == "somajo" and language in _SOMAJO_LANGUAGES:
            return split_sentences_somajo(text, language)
        return split_sentences(text, language)
