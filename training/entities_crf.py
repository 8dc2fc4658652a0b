"""Training of the CRF tagger (``lagebild.entities.crf``): lexicon, word clusters, crfsuite L-BFGS.

Name lists come from the Faker package (MIT licence; first names and surnames of several European locales,
German city and country names) and from the actor dictionary; they are stored with the model, so Faker is needed
only for training. Word clusters: k-means over SVD-reduced left/right co-occurrence vectors of the training
sentences plus unlabeled German text (KRAUTS news, SpkAtt-2023 Bundestag speeches, the German pages of the
trafilatura evaluation set), computed deterministically; only cluster ids and capitalisation buckets per word are
kept, never the text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from lagebild.entities.crf import (
    LEXICON_FILE,
    MAX_GAZETTEER_TOKENS,
    MODEL_FILE,
    FeatureExtractor,
    Lexicon,
    bio,
    chunks,
)
from lagebild.language.tokens import token_spans
from training.conll import Sentence

FAKER_LOCALES = ("de_DE", "de_AT", "de_CH", "en_US", "en_GB", "fr_FR", "it_IT", "es_ES", "pl_PL", "nl_NL")
CRF_PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 120, "feature.possible_transitions": True}
CLUSTER_SIZES = (64, 320)
SEEN_FOLDS = 5
USE_SEEN = True  # names labelled in the training sentences as a gazetteer feature
CONTEXT_WORDS = 1500  # most frequent words used as left/right contexts of the distributional vectors
SVD_DIMS = 60
_TAG = re.compile(r"<[^>]+>")


def name_lists() -> dict[str, list[str]]:
    """Word -> name-list tags from Faker's locale data (``fn``, ``ln``, ``city``, ``country``)."""
    import importlib

    tags: dict[str, set[str]] = {}

    def add(words: Iterable[str], tag: str) -> None:
        for name in words:
            for part in token_spans(name):
                word = name[part[0] : part[1]]
                if word[:1].isupper() and len(word) > 1:
                    tags.setdefault(word, set()).add(tag)

    for locale in FAKER_LOCALES:
        person = importlib.import_module(f"faker.providers.person.{locale}").Provider
        add(getattr(person, "first_names", ()), "fn")
        add(getattr(person, "last_names", ()), "ln")
    address = importlib.import_module("faker.providers.address.de_DE").Provider
    add(address.cities, "city")
    add(address.countries, "country")
    return {w: sorted(t) for w, t in sorted(tags.items())}


def actor_phrases() -> dict[tuple[str, ...], str]:
    """Token tuples of every proper-name variant in the actor dictionary, with their NER label."""
    from lagebild.entities.ner import gazetteer_patterns

    phrases: dict[tuple[str, ...], str] = {}
    for surface, label, _ in gazetteer_patterns():
        key = tuple(surface[s:e] for s, e in token_spans(surface))
        phrases.setdefault(key, label)
    return phrases


def _paragraph_words(text: str) -> list[list[str]]:
    out = []
    for para in text.split("\n"):
        words = [para[s:e] for s, e in token_spans(para)]
        if len(words) > 3:
            out.append(words)
    return out


def krauts_sentences(krauts: Path) -> list[list[str]]:
    """Tokenised paragraphs of the KRAUTS raw news texts (TimeML markup stripped)."""
    out: list[list[str]] = []
    for path in sorted(krauts.glob("*_raw-text/*.tml")):
        out += _paragraph_words(_TAG.sub(" ", path.read_text(encoding="utf-8", errors="replace")))
    return out


def unlabeled_sentences(shared: Path | None) -> list[list[str]]:
    """Unlabeled German text under ``shared`` (the data folder): the KRAUTS news texts (CC BY-NC 4.0, which allows
    adaptation). SpkAtt (no licence) and the trafilatura-eval pages (kept for evaluation only) are not used."""
    out: list[list[str]] = []
    if shared is None:
        return out
    if (shared / "krauts").exists():
        out += krauts_sentences(shared / "krauts")
    return out


def word_clusters(corpus: list[list[str]], min_count: int = 2, seed: int = 13) -> dict[str, list[str]]:
    """Lower-cased word -> cluster ids at two granularities, from k-means over distributional vectors."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.decomposition import TruncatedSVD

    lowered = [[w.lower() for w in s] for s in corpus]
    counts = Counter(w for s in lowered for w in s)
    vocab = sorted(w for w, c in counts.items() if c >= min_count)
    index = {w: i for i, w in enumerate(vocab)}
    contexts = [w for w, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:CONTEXT_WORDS]]
    cindex = {w: i for i, w in enumerate(contexts)}
    rows, cols = [], []
    for sent in lowered:
        for i, w in enumerate(sent):
            r = index.get(w)
            if r is None:
                continue
            for d, offset in ((-1, 0), (1, 1), (-2, 2), (2, 3)):
                j = i + d
                c = cindex.get(sent[j]) if 0 <= j < len(sent) else None
                if c is not None:
                    rows.append(r)
                    cols.append(offset * len(contexts) + c)
    matrix = csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(vocab), 4 * len(contexts))
    )
    matrix.sum_duplicates()
    matrix.data = np.log1p(matrix.data)
    if len(vocab) < 3:
        return {}
    dims = min(SVD_DIMS, len(vocab) - 1, matrix.shape[1] - 1)  # small corpora (tests)
    reduced = TruncatedSVD(n_components=dims, random_state=seed).fit_transform(matrix)
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True) + 1e-9
    out: dict[str, list[str]] = {w: [] for w in vocab}
    for k in CLUSTER_SIZES:
        labels = MiniBatchKMeans(
            n_clusters=min(k, len(vocab)), random_state=seed, n_init=3, batch_size=4096
        ).fit_predict(reduced)
        for w, label in zip(vocab, labels, strict=True):
            out[w].append(f"{k}_{label}")
    return out


def capitalisation(corpus: list[list[str]], min_count: int = 2) -> dict[str, str]:
    """Lower-cased word -> how often it is capitalised inside a sentence (not first): bucket ``0``-``4``."""
    upper: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for sentence in corpus:
        for word in sentence[1:]:
            if word[:1].isalpha():
                low = word.lower()
                total[low] += 1
                upper[low] += word[:1].isupper()
    out = {}
    for low, n in total.items():
        if n >= min_count:
            ratio = upper[low] / n
            out[low] = (
                "0"
                if ratio < 0.02
                else "1"
                if ratio < 0.3
                else "2"
                if ratio < 0.7
                else "3"
                if ratio < 0.98
                else "4"
            )
    return dict(sorted(out.items()))


def build_lexicon(sentences: list[Sentence], shared: Path | None) -> Lexicon:
    """Gazetteers, word clusters and capitalisation buckets from the training sentences plus unlabeled text."""
    corpus = [s.words for s in sentences] + unlabeled_sentences(shared)
    return Lexicon(actor_phrases(), name_lists(), word_clusters(corpus), capitalisation(corpus))


def seen_entities(sentences: list[Sentence]) -> dict[tuple[str, ...], str]:
    """Capitalised entity names of labelled sentences with their most frequent label."""
    labels: dict[tuple[str, ...], Counter[str]] = {}
    for sentence in sentences:
        for s, e, label in sentence.spans:
            key = tuple(sentence.words[s:e])
            if key[0][:1].isupper() and e - s <= MAX_GAZETTEER_TOKENS:
                labels.setdefault(key, Counter())[label] += 1
    return {k: c.most_common(1)[0][0] for k, c in sorted(labels.items())}


def fit(sentences: list[Sentence], lexicon: Lexicon, model_path: Path, params: dict | None = None) -> None:
    """Train crfsuite (L-BFGS, one thread) on ``sentences`` and write the model to ``model_path``. With a
    ``lexicon.seen`` gazetteer, each fold of the sentences sees only names labelled in the other folds (as an
    unseen text would), so the model does not learn to trust it blindly."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for k in range(SEEN_FOLDS if lexicon.seen else 1):
        fold_lexicon = lexicon
        if lexicon.seen:
            others = [s for i, s in enumerate(sentences) if i % SEEN_FOLDS != k]
            fold_lexicon = Lexicon(
                lexicon.phrases, lexicon.words, lexicon.clusters, lexicon.caps, seen_entities(others)
            )
        features = FeatureExtractor(fold_lexicon)
        for i, sentence in enumerate(sentences):
            if not lexicon.seen or i % SEEN_FOLDS == k:
                trainer.append(features(sentence.words), bio(len(sentence.words), sentence.spans))
    trainer.set_params({**CRF_PARAMS, **(params or {})})
    trainer.train(str(model_path))


def evaluate(model_path: Path, lexicon: Lexicon, sentences: list[Sentence]) -> float:
    """Exact-span micro F1 of a trained model on gold-tokenised sentences."""
    import pycrfsuite

    features = FeatureExtractor(lexicon)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    tp = n_pred = n_gold = 0
    for sentence in sentences:
        pred = set(chunks(tagger.tag(features(sentence.words))))
        gold = set(sentence.spans)
        tp += len(pred & gold)
        n_pred += len(pred)
        n_gold += len(gold)
    p, r = tp / max(n_pred, 1), tp / max(n_gold, 1)
    return 2 * p * r / (p + r) if p + r else 0.0


def train_crf(
    train_set: list[Sentence],
    out: Path,
    shared: Path | None,
    tune_on: list[Sentence] | None = None,
) -> Path:
    """Write ``crf.bin`` and ``crf_lexicon.json`` under ``out``; with ``tune_on``, first print the held-out F1
    of a c1/c2 grid (trained on ``train_set``) and train the final model with the best setting."""
    import tempfile

    out.mkdir(parents=True, exist_ok=True)
    lexicon = build_lexicon(train_set + (tune_on or []), shared)
    params = dict(CRF_PARAMS)
    if tune_on:
        lexicon.seen = seen_entities(train_set) if USE_SEEN else {}
        best = (-1.0, params)
        with tempfile.TemporaryDirectory() as tmp:
            for c1, c2 in ((0.05, 0.01), (0.05, 0.05), (0.15, 0.01), (0.05, 0.15)):
                trial = {**params, "c1": c1, "c2": c2}
                fit(train_set, lexicon, Path(tmp) / "trial.model", trial)
                f1 = evaluate(Path(tmp) / "trial.model", lexicon, tune_on)
                print(f"c1={c1} c2={c2} held-out F1={f1:.4f}", flush=True)
                best = max(best, (f1, trial), key=lambda x: x[0])
        params = best[1]
    lexicon.seen = seen_entities(train_set + (tune_on or [])) if USE_SEEN else {}
    fit(train_set + (tune_on or []), lexicon, out / MODEL_FILE, params)
    (out / LEXICON_FILE).write_text(lexicon.to_json(), encoding="utf-8")
    return out
