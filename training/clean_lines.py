"""Train the line classifier and write ``line_model.json``.

Training pages: the zyte article-extraction set (MIT). trafilatura-eval is never trained on: its pages are kept for
evaluation only. Each page becomes its naive scrape (every visible text line in order); a line's label is whether it
belongs to the ground-truth body, by token overlap. The boilerplate vocabulary (``lexicon``) is counted from the same
labelled lines; a training page's features use the vocabulary of the other training pages (leave one page out), so
that the classifier learns from vocabulary scores as they look on unseen pages. A plain model without them (labels
at ``PLAIN_LABEL_OVERLAP``) scores the pages where the vocabulary knows few words (German and any other language
the mostly English set says little about); a blind model, trained on the same pages read without stopwords, scores
the pages in a language whose stopwords are not known (neither German nor English). The vocabulary and blind
models' thresholds are chosen by inner cross-validation over the training pages (``tuned_threshold``).
Document-level k-fold cross-validation reports honest figures.

    python -m training.clean_lines --data ../shared/data [--folds 5] [--out PATH]
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from lagebild.clean.features import line_features
from lagebild.clean.html import visible_lines
from lagebild.clean.lexicon import MIN_KNOWN, WordCounts, known_share, total
from lagebild.clean.linemodel import MODEL_PATH, Linear, LineModel, second_pass_rows
from lagebild.clean.lines import Line, classify_lines, hand_lines

LABEL_OVERLAP = 0.7  # share of a line's tokens found in the gold body for the line to count as body
PLAIN_LABEL_OVERLAP = 0.6  # the same for the plain model (its labels as before the vocabulary was added)
# body probability from which a line is kept: the plain model's; the vocabulary and blind models' are chosen
# of THRESHOLDS
THRESHOLD = 0.5
THRESHOLDS = (0.4, 0.45, 0.5, 0.55, 0.6)
INNER_FOLDS = (
    5  # folds of the training pages that choose the vocabulary and blind thresholds (1: ``THRESHOLD``)
)
SEED = 13
STACK_FOLDS = 5  # the second pass learns from out-of-fold first-pass scores (1: in-sample scores)


@dataclass
class Doc:
    """A training page: its scraped lines and its gold body."""

    key: str
    lines: list[str]
    gold: str


def load_zyte(data: Path) -> list[Doc]:
    """Pages of the zyte set as naive scrapes with their gold bodies, sorted by key."""
    truth = json.loads((data / "ground-truth.json").read_text())
    docs = []
    for key, entry in sorted(truth.items()):
        path = data / "html" / f"{key}.html.gz"
        if path.exists():
            html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
            docs.append(Doc(key=key, lines=visible_lines(html), gold=entry["articleBody"]))
    return docs


def line_labels(lines: list[str], gold: str, overlap: float = LABEL_OVERLAP) -> np.ndarray:
    """1 where at least ``overlap`` of the line's tokens occur in the gold body (tokens used up once)."""
    available = Counter(gold.split())
    labels = []
    for line in lines:
        tokens = line.split()
        found = 0
        for token in tokens:
            if available[token] > 0:
                found += 1
        hit = bool(tokens) and found / len(tokens) >= overlap
        if hit:
            available.subtract(tokens)
        labels.append(int(hit))
    return np.asarray(labels, dtype=np.int64)


@dataclass
class Page:
    """A training page prepared once: hand-rule lines, labels, the plain model's lines (hand rules without comment
    signatures, as the plain model was trained before them) and labels, the blind model's lines (the plain ones
    read without stopwords), and word counts."""

    texts: list[str]
    gold: str
    lines: list[Line]
    labels: np.ndarray
    plain_lines: list[Line]
    plain_labels: np.ndarray
    blind_lines: list[Line]
    counts: WordCounts


def prepare(doc: Doc) -> Page:
    """The page's hand-rule lines, their labels and its word counts."""
    lines = hand_lines(doc.lines)
    labels = line_labels(doc.lines, doc.gold)
    return Page(
        texts=doc.lines,
        gold=doc.gold,
        lines=lines,
        labels=labels,
        plain_lines=hand_lines(doc.lines, comment_signatures=False),
        plain_labels=line_labels(doc.lines, doc.gold, PLAIN_LABEL_OVERLAP),
        blind_lines=hand_lines(doc.lines, comment_signatures=False, stopwords=False),
        counts=WordCounts.of_page([line.tokens for line in lines], labels),
    )


def training_set(pages: list[Page]) -> tuple[list[tuple[np.ndarray, np.ndarray]], dict[str, float]]:
    """Feature/label matrices of the pages that have lines, each with the vocabulary of the other pages, and the
    vocabulary of all pages."""
    pages = [page for page in pages if page.lines]
    counts = total(page.counts for page in pages)
    matrices = []
    for page in pages:
        counts.add(page.counts, -1)
        words = {token for line in page.lines for token in line.tokens}
        matrices.append((line_features(page.lines, counts.lexicon(words=words)), page.labels))
        counts.add(page.counts)
    return matrices, counts.lexicon()


def plain_matrices(pages: list[Page]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Feature/label matrices without vocabulary scores, of the pages that have lines."""
    return [(line_features(page.plain_lines), page.plain_labels) for page in pages if page.plain_lines]


def blind_matrices(pages: list[Page]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Like ``plain_matrices``, with every page's stopwords unknown (as on a page in another language)."""
    return [(line_features(page.blind_lines), page.plain_labels) for page in pages if page.blind_lines]


def training_matrices(docs: list[Doc]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Feature/label matrices of the pages that have lines (leave-one-page-out vocabulary)."""
    return training_set([prepare(doc) for doc in docs])[0]


def fit_pages(pages: list[Page], c: float = 1.0, inner_folds: int = INNER_FOLDS) -> LineModel:
    """The line classifier with its vocabulary, and its ``plain`` model (no vocabulary scores, the labels as before
    the vocabulary) for the pages where the vocabulary knows less than ``MIN_KNOWN`` of the words. Both learn from
    all pages (training the vocabulary model on the pages above ``MIN_KNOWN`` only: zyte CV equal,
    trafilatura-eval tuning text 0.002 lower). The ``blind`` model learns from the plain model's pages read without
    stopwords. The vocabulary and blind models' thresholds are chosen by ``inner_folds``-fold cross-validation over
    the same pages (``tuned_threshold``)."""
    blind_threshold = tuned_threshold(pages, c, inner_folds, blind=True) if inner_folds > 1 else THRESHOLD
    blind = replace(fit(blind_matrices(pages), c), threshold=blind_threshold)
    plain = replace(fit(plain_matrices(pages), c), threshold=THRESHOLD)
    matrices, lexicon = training_set(pages)
    if not matrices:
        return replace(plain, blind=blind)
    model = fit(matrices, c)
    threshold = tuned_threshold(pages, c, inner_folds) if inner_folds > 1 else THRESHOLD
    return replace(model, lexicon=lexicon, threshold=threshold, plain=plain, min_known=MIN_KNOWN, blind=blind)


def tuned_threshold(pages: list[Page], c: float, folds: int, blind: bool = False) -> float:
    """The vocabulary model's threshold (of ``THRESHOLDS``) with the best token F1 of the text path's body on
    ``pages``, each page scored by a model trained without its fold (ties: the one nearest ``THRESHOLD``). Pages
    left to the plain model score the same at every threshold and are skipped. ``blind``: the same for the blind
    model, every page read without stopwords."""
    precision = np.zeros(len(THRESHOLDS))
    recall = np.zeros(len(THRESHOLDS))
    for k in range(folds):
        train = [page for i, page in enumerate(pages) if i % folds != k]
        if blind:
            blind_set = blind_matrices(train)
            if not blind_set:
                continue
            model, lexicon = fit(blind_set, c), {}
        else:
            matrices, lexicon = training_set(train)
            if not matrices:
                continue
            model = replace(fit(matrices, c), lexicon=lexicon)
        for page in pages[k::folds]:
            if not blind and known_share((line.tokens for line in page.lines), lexicon) < MIN_KNOWN:
                continue
            for j, threshold in enumerate(THRESHOLDS):
                result = classify_lines(
                    page.texts, model=replace(model, threshold=threshold), stopwords=not blind
                )
                p, r = token_prf("\n".join(result.body), page.gold)
                precision[j] += p
                recall[j] += r
    f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-9)
    best = max(range(len(THRESHOLDS)), key=lambda j: (round(f1[j], 9), -abs(THRESHOLDS[j] - THRESHOLD)))
    return THRESHOLDS[best]


def _fit_linear(x: np.ndarray, y: np.ndarray, c: float) -> Linear:
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=c, max_iter=3000)
    clf.fit((x - mean) / scale, y)
    return Linear(mean=mean, scale=scale, coef=clf.coef_[0], intercept=float(clf.intercept_[0]))


def fit(matrices: list[tuple[np.ndarray, np.ndarray]], c: float = 1.0) -> LineModel:
    """Two stacked logistic passes; the second sees the first's context, scored out of
    fold (``STACK_FOLDS``) so that it learns from first-pass scores as they look on unseen pages.
    """
    x = np.vstack([m for m, _ in matrices])
    y = np.concatenate([y for _, y in matrices])
    first = _fit_linear(x, y, c)
    scores = _out_of_fold_scores(matrices, c, STACK_FOLDS) if STACK_FOLDS > 1 else None
    x2 = np.vstack(
        [
            second_pass_rows(m, scores[i] if scores is not None else first.proba(m))
            for i, (m, _) in enumerate(matrices)
        ]
    )
    return LineModel(first=first, second=_fit_linear(x2, y, c))


def _out_of_fold_scores(
    matrices: list[tuple[np.ndarray, np.ndarray]], c: float, folds: int
) -> list[np.ndarray]:
    """First-pass scores of each document from a first pass trained without it (honest stacking input)."""
    scores: list[np.ndarray] = [np.zeros(0)] * len(matrices)
    for k in range(folds):
        train = [m for i, m in enumerate(matrices) if i % folds != k]
        x = np.vstack([m for m, _ in train])
        y = np.concatenate([y for _, y in train])
        model = _fit_linear(x, y, c)
        for i in range(k, len(matrices), folds):
            scores[i] = model.proba(matrices[i][0])
    return scores


def token_prf(output: str, gold: str) -> tuple[float, float]:
    pred, ref = Counter(output.split()), Counter(gold.split())
    overlap = sum((pred & ref).values())
    return (overlap / sum(pred.values()) if pred else 0.0), (overlap / sum(ref.values()) if ref else 1.0)


def cross_validate(
    docs: list[Doc],
    folds: int,
    c: float = 1.0,
) -> dict[str, LineModel]:
    """Out-of-fold models: for each document key, a model trained without its fold's documents."""
    pages = [prepare(doc) for doc in docs]
    order = np.random.default_rng(SEED).permutation(len(docs))
    fold = {int(i): rank % folds for rank, i in enumerate(order)}
    models = {}
    for k in range(folds):
        model = fit_pages([page for i, page in enumerate(pages) if fold[i] != k], c)
        models.update({doc.key: model for i, doc in enumerate(docs) if fold[i] == k})
    return models


def score(docs: list[Doc], models: dict[str, LineModel] | None) -> tuple[float, float, float]:
    """Mean token P/R and their F1 of the text path's body, per document's model (None: hand rules)."""
    ps, rs = [], []
    for doc in docs:
        model = models[doc.key] if models else None
        result = classify_lines(doc.lines, model=model, use_model=model is not None)
        p, r = token_prf("\n".join(result.body), doc.gold)
        ps.append(p)
        rs.append(r)
    p, r = float(np.mean(ps)), float(np.mean(rs))
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    docs = load_zyte(args.data / "zyte-article-extraction")
    print(f"zyte {len(docs)} documents")
    print("zyte hand rules        P/R/F1 {:.3f}/{:.3f}/{:.3f}".format(*score(docs, None)))
    models = cross_validate(docs, args.folds, args.c)
    print(f"zyte {args.folds}-fold CV model  P/R/F1 " + "{:.3f}/{:.3f}/{:.3f}".format(*score(docs, models)))
    model = fit_pages([prepare(doc) for doc in docs], args.c)
    model.save(args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
