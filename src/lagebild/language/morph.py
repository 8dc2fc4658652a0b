"""Part-of-speech tags and lemmas for German and English words.

Built on HanTa, the Hanover Tagger (an HMM over morphemes; its German and English models ship inside the PyPI
wheel, so nothing is downloaded). German tags are STTS with HanTa's refinements in brackets: ``VV(FIN)`` a finite
full verb, ``VV(PP)`` a participle, ``VA(FIN)`` a finite auxiliary, ``PTKVZ`` the split-off particle of a
separable verb ("warf ... vor"), ``NE`` a proper noun. Tagging costs about 0.1 ms a word, so callers tag only the
sentences they need; a sentence tagged twice (time and events) is tagged once.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lagebild.entities.crf import tokenize

if TYPE_CHECKING:
    from HanTa.HanoverTagger import HanoverTagger

MODELS = {"de": "morphmodel_ger.pgz", "en": "morphmodel_en.pgz"}
_QUOTE_MARKS = frozenset("„“”«»‚‘’‹›")
MAX_WORDS = 120
"""Longer stretches are tagged in windows of this many words (the tagger's cost grows with sentence length)."""


@dataclass(frozen=True, slots=True)
class Word:
    """A token at ``[start, end)`` of the tagged text, with its lemma and part-of-speech tag."""

    start: int
    end: int
    text: str
    lemma: str
    pos: str

    @property
    def is_finite_verb(self) -> bool:
        return self.pos.endswith("(FIN)")


@functools.cache
def _tagger(language: str) -> HanoverTagger | None:
    model = MODELS.get(language)
    if model is None:
        return None
    from HanTa.HanoverTagger import HanoverTagger

    return HanoverTagger(model)


@functools.lru_cache(maxsize=4096)
def _tag_words(words: tuple[str, ...], language: str) -> tuple[tuple[str, str], ...]:
    tagger = _tagger(language)
    if tagger is None or not words:
        return tuple((word, "") for word in words)
    tagged: list[tuple[str, str]] = []
    for first in range(0, len(words), MAX_WORDS):
        # the models know the ASCII quotation mark only; typographic ones would be read as foreign words
        window = ['"' if word in _QUOTE_MARKS else word for word in words[first : first + MAX_WORDS]]
        tagged.extend((lemma, pos) for _word, lemma, pos in tagger.tag_sent(window, taglevel=1))
    return tuple(tagged)


def tag(text: str, start: int = 0, end: int | None = None, language: str = "de") -> list[Word]:
    """The words of ``text[start:end]`` with offsets into ``text``, lemmas and tags (empty tags for languages
    without a model)."""
    end = len(text) if end is None else end
    spans = [(start + s, start + e) for s, e in tokenize(text[start:end])]
    words = tuple(text[s:e] for s, e in spans)
    tags = _tag_words(words, language)
    return [
        Word(s, e, word, lemma, pos) for (s, e), word, (lemma, pos) in zip(spans, words, tags, strict=True)
    ]
