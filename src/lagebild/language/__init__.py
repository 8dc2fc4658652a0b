"""Language identification and sentence splitting: the ``language`` pipeline stage."""

from __future__ import annotations

from lagebild.language.detect import detect_language
from lagebild.language.sentences import paragraph_bounds, split_sentences, split_sentences_somajo
from lagebild.model import Article, Span

__all__ = ["LanguageStage", "detect_language", "split_sentences", "split_sentences_somajo"]

_SOMAJO_LANGUAGES = ("de", "en")


class LanguageStage:
    """Sets ``article.language`` (when unset) and ``article.sentences``.

    ``splitter="fast"`` (default) uses rules with SoMaJo's abbreviation lists; ``"somajo"`` runs SoMaJo itself
    for German and English (slower) and the fast rules for other languages.
    """

    def __init__(self, splitter: str = "fast") -> None:
        if splitter not in ("fast", "somajo"):
            raise ValueError(f"unknown splitter {splitter!r}")
        self.splitter = splitter

    def __call__(self, article: Article) -> Article:
        text = article.text or ""
        if article.language is None:
            hint = article.raw.language if article.raw is not None else None
            article.language = hint or detect_language(text)
        try:
            article.sentences = self._split(text, article.language)
        except Exception:  # noqa: BLE001 - degrade to one span per paragraph rather than fail the article
            article.sentences = [Span(start, end) for start, end in paragraph_bounds(text)]
        return article

    def _split(self, text: str, language: str | None) -> list[Span]:
        if self.splitter == "somajo" and language in _SOMAJO_LANGUAGES:
            return split_sentences_somajo(text, language)
        return split_sentences(text, language)
