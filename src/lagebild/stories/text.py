"""Text features for story clustering: stemmed tokens, hashed TF-IDF vectors and MinHash signatures.

Tokens are stemmed (Snowball) and stop words removed per language, so that a follow-up matches its story across
inflections ("Präsident"/"Präsidenten", "testified"/"testimony"); the language is the article's own or, when
unset, the one whose stop words the text uses most.

Tokens are hashed into a fixed feature space with CRC-32 (stable across processes, unlike ``hash``), so document
frequencies fit in one array that is persisted and updated incrementally, and no vocabulary has to be kept.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Callable
from functools import cache, lru_cache

import numpy as np
from datasketch import MinHash

from lagebild.language.detect import detect_language
from lagebild.language.tokens import words
from lagebild.model import Article

FEATURES = 1 << 20
"""Size of the hashed feature space."""
TOP_TERMS = 60
"""Terms kept per article vector (highest TF-IDF weight)."""
ACTOR_WEIGHT = 3.0
"""Term-frequency weight of a resolved actor id, relative to one token occurrence."""
NUM_PERM = 64
MINHASH_SCHEME = "affine32"
MINHASH_DTYPE = "uint32"
SHINGLE = 5

_FUNCTION_WORDS_DE = """der die das und ist den dem des ein eine einer eines einem einen nicht mit von auf
    für sich auch als bei nach aus wie wird werden wurde wurden sind war waren hat haben hatte hatten noch
    nur aber oder wenn dass über zum zur vor bis durch unter seit diese dieser dieses man mehr sein seine
    ihre ihr sie wir ich es er im am an in zu so um was schon sagte sagt heute gestern jahr jahren prozent
    sei seien"""
_FUNCTION_WORDS_EN = """the and for that with was were are has have had not but from this which will would
    their they its his her said says also been more than into after over about who one two new can could
    there when what been being after before while other some such only them these those our out all any
    may"""
_STOP_DE = frozenset(_FUNCTION_WORDS_DE.split())
_STOP_EN = frozenset(_FUNCTION_WORDS_EN.split())
_STOP = _STOP_DE | _STOP_EN
"""Function words dropped from texts in no recognised language."""


_LANGUAGES = {
    "de": "german",
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
    "ru": "russian",
    "pl": "polish",
    "tr": "turkish",
    "sv": "swedish",
    "da": "danish",
}
"""Languages with a stop list and a Snowball stemmer (ISO 639-1 code -> Snowball algorithm name)."""


@cache
def _stop_list(language: str) -> frozenset[str]:
    """The stop list of a language as published: scikit-learn's for English, ``stop-words``' for the others."""
    return _STOP_LIST_SOURCES.get(language, _stop_words_package)(language)


def _scikit_learn_english(language: str) -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def _stop_words_package(language: str) -> frozenset[str]:
    from stop_words import get_stop_words

    return frozenset(w.lower() for w in get_stop_words(language))


_STOP_LIST_SOURCES = {"en": _scikit_learn_english}
"""Where a language's stop list comes from when not from the ``stop-words`` package."""


@cache
def stop_words(language: str) -> frozenset[str]:
    """Words of ``language`` that carry no topic: its stop list plus news function words for German and English."""
    extra = {"de": _STOP_DE, "en": _STOP_EN}.get(language, frozenset())
    return _stop_list(language) | extra


def _supported_language(text: str) -> str | None:
    """The language of ``text`` (``lagebild.language``'s detector) when it has a stop list and a stemmer here."""
    language = detect_language(text)
    return language if language in _LANGUAGES else None


@cache
def _stemmer(language: str) -> Callable[[str], str]:
    import snowballstemmer

    return snowballstemmer.stemmer(_LANGUAGES[language]).stemWord


@lru_cache(maxsize=1 << 18)
def stem(word: str, language: str) -> str:
    """Snowball stem of a lower-cased word (the word itself for languages without a stemmer)."""
    return _stemmer(language)(word) if language in _LANGUAGES else word


def tokens(text: str, language: str | None = None) -> list[str]:
    """Stemmed content words (three letters or more, no stop words, no numbers) of a text, lower-cased.

    ``language`` (ISO 639-1) picks the stop list and the stemmer; when it is not one of the supported languages
    it is detected from the text (``lagebild.language``), and a text in no known language keeps its words unstemmed.
    """
    words = _terms(text)
    return content_words(words, language if language in _LANGUAGES else _supported_language(text))


def _terms(text: str) -> list[str]:
    """Lower-cased words of three characters or more, opening with a letter."""
    return [w for w in words(text.lower()) if len(w) >= 3 and w[0].isalpha()]


def content_words(words: list[str], language: str | None) -> list[str]:
    """``words`` without the stop words of ``language``, stemmed (German/English function words go if ``None``)."""
    if language is None:
        return [w for w in words if w not in _STOP]
    stops = stop_words(language)
    return [stem(w, language) for w in words if w not in stops]


def article_language(article: Article) -> str | None:
    """The article's language when it is a supported one, else the one detected in its text (if supported)."""
    if article.language in _LANGUAGES:
        return article.language
    return _supported_language(article.text or "")


def feature_id(term: str) -> int:
    return zlib.crc32(term.encode("utf-8")) & (FEATURES - 1)


def article_terms(article: Article) -> Counter[int]:
    """Hashed term counts of an article: title (counted twice), body tokens and actor ids, in its language."""
    body = _terms(article.text or "")
    language = article_language(article)
    words = Counter(content_words(body, language))
    for tok in content_words(_terms(article.title or ""), language):
        words[tok] += 2
    for ent in article.entities:
        if ent.actor:
            words["@" + ent.actor] += ACTOR_WEIGHT
    counts: Counter[int] = Counter()
    for term, n in words.items():
        counts[feature_id(term)] += n
    return counts


class DocumentFrequencies:
    """Document frequencies over the hashed feature space, updated as articles stream in."""

    def __init__(self, df: np.ndarray | None = None, docs: int = 0) -> None:
        self.df = df if df is not None else np.zeros(FEATURES, dtype=np.int32)
        self.docs = docs

    def add(self, features: list[int]) -> None:
        self.df[features] += 1
        self.docs += 1

    def vector(self, counts: Counter[int], top: int = TOP_TERMS) -> dict[int, float]:
        """Sublinear TF-IDF vector (smoothed IDF), truncated to the ``top`` heaviest features, L2-normalised."""
        if not counts:
            return {}
        keys = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        idf = np.log((self.docs + 1.0) / (self.df[keys] + 1.0)) + 1.0
        weights = (1.0 + np.log(tf)) * idf
        if len(weights) > top:
            order = np.argpartition(-weights, top - 1)[:top]
            keys, weights = keys[order], weights[order]
        norm = float(np.sqrt(np.dot(weights, weights))) or 1.0
        return {int(k): float(w) / norm for k, w in zip(keys, weights, strict=True)}


def norm(vector: dict[int, float]) -> float:
    return math.sqrt(sum(w * w for w in vector.values()))


def cosine(
    a: dict[int, float], b: dict[int, float], norm_a: float | None = None, norm_b: float | None = None
) -> float:
    """Cosine of two sparse vectors; pass known norms to save their computation."""
    if len(a) > len(b):
        a, b, norm_a, norm_b = b, a, norm_b, norm_a
    get = b.get
    dot = sum(w * get(k, 0.0) for k, w in a.items())
    if not dot:
        return 0.0
    na = norm_a if norm_a is not None else norm(a)
    nb = norm_b if norm_b is not None else norm(b)
    return dot / ((na or 1.0) * (nb or 1.0))


_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=7, scheme=MINHASH_SCHEME, hashfunc=int)
_MIX = np.uint64(0x9E3779B1)
_MASK = np.uint64(0xFFFFFFFF)


def shingle_hashes(text: str) -> np.ndarray:
    """32-bit hashes of the word 5-gram shingles of a text (CRC-32 of each word, mixed over the window)."""
    words = re.findall(r"\w+", text.lower())
    if len(words) < SHINGLE:
        return np.zeros(0, dtype=np.uint64)
    hashed = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
    combined = np.zeros(len(words) - SHINGLE + 1, dtype=np.uint64)
    for offset in range(SHINGLE):
        combined = (combined * _MIX + hashed[offset : offset + len(combined)]) & _MASK
    return np.unique(combined)


def minhash(text: str) -> MinHash | None:
    """MinHash of the word 5-gram shingles of a text; ``None`` for texts too short to compare."""
    hashes = shingle_hashes(text)
    if len(hashes) < 6:
        return None
    mh = _TEMPLATE.copy()
    mh.update_batch(hashes.tolist())
    return mh


def minhash_from_bytes(blob: bytes) -> MinHash:
    """A MinHash restored from the bytes of its hash values (as persisted by the stories stage)."""
    values = np.frombuffer(blob, dtype=MINHASH_DTYPE)
    return MinHash(
        seed=7,
        hashvalues=values,
        permutations=_TEMPLATE.permutations,
        scheme=MINHASH_SCHEME,
        hashfunc=int,
    )
