"""Named entities (PER, ORG, LOC, MISC) from the encoder: a small perceptron head on frozen encoder states.

The head file (``model/ner_encoder.npz``, written by ``training/ner_encoder_train.py``) holds the encoder layer it
reads (``cut``; only the layers up to it run), the perceptron's weights, and the tag names. Decoding is Viterbi over the tag scores with BIO constraints (``I-X`` only after ``B-X``/``I-X``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from lagebild.language.encoder import Encoder, encoder

__all__ = [
    "HEAD_FILE",
    "EncoderTagger",
    "allowed_transitions",
    "load_encoder_tagger",
    "viterbi",
    "word_features",
    "word_inputs",
]

HEAD_FILE = "ner_encoder.npz"
Span = tuple[int, int, str]


def head_path() -> Path:
    return Path(str(resources.files("lagebild.language").joinpath("model", HEAD_FILE)))


def allowed_transitions(tags: Sequence[str]) -> np.ndarray:
    """[from + 1, to] boolean matrix; row 0 is the sentence start. ``I-X`` follows only ``B-X`` or ``I-X``."""
    n = len(tags)
    ok = np.ones((n + 1, n), dtype=bool)
    for j, tag in enumerate(tags):
        if tag.startswith("I-"):
            kind = tag[2:]
            ok[0, j] = False
            for i, prev in enumerate(tags):
                ok[i + 1, j] = prev in (f"B-{kind}", f"I-{kind}")
    return ok


def viterbi(scores: np.ndarray, allowed: np.ndarray) -> list[int]:
    """Best tag sequence for [n_words, n_tags] log-scores under the ``allowed`` transitions."""
    if not len(scores):
        return []
    penalty = np.where(allowed, 0.0, -1e9)
    best = scores[0] + penalty[0]
    back = []
    for row in scores[1:]:
        cand = best[:, None] + penalty[1:]
        back.append(cand.argmax(axis=0))
        best = cand.max(axis=0) + row
    path = [int(best.argmax())]
    for ptr in reversed(back):
        path.append(int(ptr[path[-1]]))
    return path[::-1]


_GAZETTEER_LABELS = ("PER", "ORG", "LOC", "MISC")
_NAME_LISTS = ("fn", "ln", "city", "country")
N_WORD_FEATURES = 6 + len(_GAZETTEER_LABELS) + len(_NAME_LISTS)


def word_features(words: Sequence[str], lexicon: object | None) -> np.ndarray:
    """[n_words, N_WORD_FEATURES] float32: word shape (capitalised, all capitals, digit, punctuation,
    sentence-initial, inside a gazetteer phrase but not its first word), the label of an actor-dictionary phrase
    the word is part of, and the name lists it is on (first name, surname, city, country). ``lexicon`` is the
    CRF's :class:`~lagebild.entities.crf.Lexicon` (None: no gazetteer features)."""
    out = np.zeros((len(words), N_WORD_FEATURES), dtype=np.float32)
    for i, word in enumerate(words):
        out[i, 0] = word[:1].isupper()
        out[i, 1] = len(word) > 1 and word.isupper()
        out[i, 2] = any(c.isdigit() for c in word)
        out[i, 3] = not any(c.isalnum() for c in word)
        out[i, 4] = i == 0
    if lexicon is None:
        return out
    for start, end, label in lexicon.match(words):  # type: ignore[attr-defined]
        if label in _GAZETTEER_LABELS:
            out[start:end, 6 + _GAZETTEER_LABELS.index(label)] = 1.0
            out[start + 1 : end, 5] = 1.0
    base = 6 + len(_GAZETTEER_LABELS)
    lists = lexicon.words  # type: ignore[attr-defined]
    for i, word in enumerate(words):
        for tag in lists.get(word, ()):
            if tag in _NAME_LISTS:
                out[i, base + _NAME_LISTS.index(tag)] = 1.0
    return out


def word_inputs(states: np.ndarray, features: np.ndarray) -> np.ndarray:
    """[n, 3 H + F]: each word's state, the previous and the next word's (zeros at the edges), its features."""
    zero = np.zeros_like(states[:1])
    before = np.concatenate([zero, states[:-1]])
    after = np.concatenate([states[1:], zero])
    return np.concatenate([states, before, after, features], axis=1).astype(np.float32)


def gelu(x: np.ndarray) -> np.ndarray:
    """GELU, tanh form (as ``torch.nn.GELU(approximate="tanh")``)."""
    return 0.5 * x * (1.0 + np.tanh(0.7978845608028654 * (x + 0.044715 * x**3)))


class EncoderTagger:
    """Frozen encoder states at layer ``cut`` (each word's first piece, with its neighbours' states) plus word
    features, through a one-hidden-layer perceptron to BIO tag scores. ``tag_batch(sentences)`` gives token spans per pre-split sentence, ``recognise(text)``
    character spans."""

    def __init__(
        self, path: Path | None = None, enc: Encoder | None = None, lexicon: object | None = None
    ) -> None:
        data = np.load(path or head_path())
        self.encoder = enc or encoder()
        self.cut = int(data["cut"])
        self.weights = {k: data[k].astype(np.float32) for k in data.files if k not in ("cut", "tags")}
        self.tags = [str(t) for t in data["tags"]]
        self.allowed = allowed_transitions(self.tags)
        if lexicon is None:
            from lagebild.entities.crf import load_crf

            crf = load_crf()
            lexicon = crf.lexicon if crf is not None else None
        self.lexicon = lexicon

    def scores(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Log-softmax tag scores [n_words, n_tags] per sentence."""
        w = self.weights
        out = []
        for words, encoded in zip(sentences, self.encoder.encode_words(sentences, [self.cut]), strict=True):
            if not len(words):
                out.append(np.zeros((0, len(self.tags)), dtype=np.float32))
                continue
            x = word_inputs(encoded.first_piece()[:, 0], word_features(words, self.lexicon))
            logits = gelu(x @ w["hidden_w"] + w["hidden_b"]) @ w["out_w"] + w["out_b"]
            logits -= logits.max(axis=1, keepdims=True)
            out.append(logits - np.log(np.exp(logits).sum(axis=1, keepdims=True)))
        return out

    def tag_batch(self, sentences: Sequence[Sequence[str]]) -> list[list[Span]]:
        from lagebild.entities.crf import chunks

        return [
            chunks([self.tags[i] for i in viterbi(s, self.allowed)]) if len(s) else []
            for s in self.scores(sentences)
        ]

    def tag(self, words: Sequence[str]) -> list[Span]:
        return self.tag_batch([words])[0]

    def recognise(self, text: str) -> list[Span]:
        """Entity spans as character offsets into ``text``; all sentences of the text in one encoder batch."""
        from lagebild.entities.crf import sentence_token_ranges
        from lagebild.language.tokens import token_spans

        tokens = token_spans(text)
        ranges = sentence_token_ranges(text, tokens)
        batch = [[text[s:e] for s, e in tokens[a:b]] for a, b in ranges]
        out: list[Span] = []
        for (a, _), spans in zip(ranges, self.tag_batch(batch), strict=True):
            out.extend((tokens[a + s][0], tokens[a + e - 1][1], label) for s, e, label in spans)
        return out


@cache
def load_encoder_tagger() -> EncoderTagger | None:
    """The packaged encoder NER, loaded once per process; None when the head or the encoder is missing."""
    if not head_path().exists():
        return None
    try:
        return EncoderTagger()
    except (RuntimeError, OSError):
        return None
