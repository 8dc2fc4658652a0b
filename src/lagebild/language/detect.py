"""Language identification with py3langid (a compact, bundled Naive Bayes model)."""

from __future__ import annotations

import re
from functools import cache

from lagebild.language.resources import LANGUAGES, data
from lagebild.language.tokens import words as word_tokens

_SAMPLE_CHARS = 2000
_LETTER = re.compile(r"[^\W\d_]")
# very frequent function words, exclusive to each language; a clear majority decides without the model
_FUNCTION_WORDS = {code: data(code).words("function_words") for code in LANGUAGES}
_FAST_MIN_WORDS = 40
_FAST_SHARE = 0.15


@cache
def _identifier():  # noqa: ANN202 - py3langid's LanguageIdentifier
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=False)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, judged on its first 2,000 characters; None without letters."""
    sample = text[:_SAMPLE_CHARS]
    if not sample or len(_LETTER.findall(sample)) < 3:
        return None
    fast = _by_function_words(sample)
    if fast is not None:
        return fast
    code, _ = _identifier().classify(sample)
    return str(code)


def _by_function_words(sample: str) -> str | None:
    """German or English when function words of one make up a clear share of a long enough sample."""
    words = [w.lower() for w in word_tokens(sample)]
    if len(words) < _FAST_MIN_WORDS:
        return None
    shares = {code: sum(w in vocab for w in words) / len(words) for code, vocab in _FUNCTION_WORDS.items()}
    best = max(shares, key=shares.__getitem__)
    others = [v for k, v in shares.items() if k != best]
    if shares[best] >= _FAST_SHARE and all(v * 4 < shares[best] for v in others):
        return best
    return None
