"""Train the disclaimer model and write ``disclaimer_model.json``.

Disclaimers (label ``disclaimer``): lines labelled by reading on the tuning half of trafilatura-eval (pages of some
250 outlets: copyright, terms of use, privacy and consent notices, affiliate disclosures, medical, legal and investment
disclaimers; ``benchmarks/data/clean_disclaimer_lines.jsonl`` names each by page and line), the tuning half's pool of
spliced disclaimers of the ``clean_scraped`` test set, and the disclaimers of its tuning-half scrapes. Other lines: the
rest of those labelled lines (article text about risks, law, liability or licences, captions, headlines), the tuning
half's snippets that belong to the article, every other line of the tuning-half scrapes and the KRAUTS articles
(Die Zeit, Dolomiten). The zyte pages' labelled lines are never trained on: they are the out-of-sample check.
Thresholds by outlet-grouped cross-validation: the single-line threshold is the lowest at which the held-out folds'
precision reaches ``PRECISION``; the block threshold is ``BLOCK_THRESHOLD``.

    python -m training.clean_disclaimer --data ../shared/data [--out PATH]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import zlib
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from lagebild.clean.disclaimer import (
    MIN_WORDS,
    MODEL_PATH,
    DisclaimerModel,
    line_terms,
    term_value,
    word_value,
)
from lagebild.clean.html import visible_lines

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "benchmarks" / "data" / "clean_disclaimer_lines.jsonl"
SCRAPED = REPO / "benchmarks" / "data" / "clean_scraped.jsonl"
POOL = REPO / "benchmarks" / "data" / "clean_scraped_pool.json"
C = 4.0
MIN_LINES = 2  # a term must occur in this many training lines
FOLDS = 5
PRECISION = 0.95
# next to a disclaimer or closing the body; chosen on the clean_scraped tuning half with a model trained without its pool
BLOCK_THRESHOLD = 0.5
_WORD = re.compile(r"\w+", re.UNICODE)
_KRAUTS_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)

Example = tuple[str, str, int]  # (text, group, label)


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _html(path: Path) -> str:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return data.decode("utf-8", "replace")


def _tuning_half(url: str) -> bool:
    return zlib.crc32(url.encode("utf-8")) % 2 == 0


def labelled_lines(data: Path, dataset: str) -> list[Example]:
    """The labelled lines of one page set (``trafilatura-eval`` or ``zyte``), read from its pages."""
    rows = [json.loads(line) for line in LABELS.read_text().splitlines() if line]
    rows = [row for row in rows if row["set"] == dataset]
    if dataset == "trafilatura-eval":
        evaldata = json.loads((data / "trafilatura-eval" / "evaldata.json").read_text())
        files = {
            url: data / "trafilatura-eval" / "html" / (entry["file"] + ".gz")
            for url, entry in evaldata.items()
        }
    else:
        files = {}
    pages: dict[str, list[str]] = {}
    examples = []
    for row in rows:
        page = row["page"]
        if page not in pages:
            path = (
                files.get(page)
                if dataset == "trafilatura-eval"
                else data / "zyte-article-extraction" / "html" / f"{page}.html.gz"
            )
            pages[page] = visible_lines(_html(path)) if path is not None and path.exists() else []
        lines = pages[page]
        if row["line"] >= len(lines):
            continue
        text = lines[row["line"]]
        if hashlib.sha1(text.encode()).hexdigest()[:12] != row["sha1"]:
            continue  # the page's scrape changed: the label no longer names this line
        examples.append((text, urlparse(page).netloc or page, int(row["label"] == "disclaimer")))
    return examples


def article_lines(data: Path) -> list[Example]:
    """Lines of article text: KRAUTS articles, the German UD treebank's development sentences (news and web text) and
    the tuning half's snippets that belong to the article."""
    examples = []
    for folder in ("KRAUTS_DieZeit_raw-text", "KRAUTS_Dolomiten-42_raw-text"):
        for path in sorted((data / "krauts" / folder).glob("*")):
            match = _KRAUTS_TEXT.search(path.read_text(encoding="utf-8", errors="replace"))
            if match:
                for line in match[1].splitlines():
                    if line.strip():
                        examples.append((" ".join(line.split()), f"krauts/{path.name}", 0))
    ud = data / "ud-german" / "de_gsd-ud-dev.conllu"
    if ud.exists():
        sentences = [
            line[len("# text = ") :] for line in ud.read_text().splitlines() if line.startswith("# text = ")
        ]
        examples.extend((sentence, f"ud/{i // 20}", 0) for i, sentence in enumerate(sentences))
    evaldata = json.loads((data / "trafilatura-eval" / "evaldata.json").read_text())
    for url, entry in evaldata.items():
        if _tuning_half(url):
            examples.extend((snippet, urlparse(url).netloc, 0) for snippet in entry["with"])
    return examples


def scraped_lines(data: Path, pool: bool = True) -> list[Example]:
    """The tuning half of the ``clean_scraped`` set: its scrapes' lines and its pool's disclaimers."""
    with gzip.open(data / "smartdata-de" / "smartdata_v1_pool.jsonl.gz", "rt", encoding="utf-8") as handle:
        texts = {doc["id"]: doc["text"] for doc in map(json.loads, handle)}
    examples = []
    for row in map(json.loads, filter(None, SCRAPED.read_text().splitlines())):
        if row["half"] != "tune" or row["id"] not in texts:
            continue
        lines = [" ".join(part.split()) for part in texts[row["id"]].splitlines() if part.strip()]
        for line, label in zip(lines, row["labels"], strict=False):
            examples.append((line, urlparse(row["id"]).netloc, int(label == "disclaimer")))
    if pool:
        for i, block in enumerate(json.loads(POOL.read_text())["tune"]["disclaimer"]):
            examples.extend((line, f"pool/{i}", 1) for line in block)
    return examples


def _matrix(examples: list[Example], vocabulary: dict[str, int]):  # noqa: ANN202 - a scipy sparse matrix
    from scipy.sparse import csr_matrix

    rows, cols, values = [], [], []
    for i, (text, _, _) in enumerate(examples):
        terms = line_terms(tokens(text), text.lower())
        words = word_value(terms)
        for term in terms:
            if term in vocabulary:
                rows.append(i)
                cols.append(vocabulary[term])
                values.append(term_value(term, words))
    return csr_matrix((values, (rows, cols)), shape=(len(examples), len(vocabulary)))


def fit(examples: list[Example], c: float = C) -> DisclaimerModel:
    """The logistic model on ``examples`` (thresholds left at their defaults)."""
    from sklearn.linear_model import LogisticRegression

    counts: Counter = Counter()
    for text, _, _ in examples:
        counts.update(line_terms(tokens(text), text.lower()))
    vocabulary = {term: i for i, term in enumerate(sorted(t for t, n in counts.items() if n >= MIN_LINES))}
    x = _matrix(examples, vocabulary)
    y = np.array([label for _, _, label in examples])
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000, solver="liblinear").fit(x, y)
    weights = {
        term: round(float(model.coef_[0][i]), 4)
        for term, i in vocabulary.items()
        if abs(model.coef_[0][i]) >= 1e-4
    }
    return DisclaimerModel(weights=weights, intercept=round(float(model.intercept_[0]), 4))


def out_of_fold(examples: list[Example], folds: int = FOLDS, c: float = C) -> np.ndarray:
    """Each example's score from a model trained without its group's fold."""
    fold_of = [zlib.crc32(group.encode()) % folds for _, group, _ in examples]
    scores = np.zeros(len(examples))
    for fold in range(folds):
        train = [e for e, f in zip(examples, fold_of, strict=True) if f != fold]
        model = fit(train, c)
        for i, (example, f) in enumerate(zip(examples, fold_of, strict=True)):
            if f == fold:
                scores[i] = model.score(tokens(example[0]), example[0].lower())
    return scores


def lowest_threshold(scores: np.ndarray, labels: np.ndarray, precision: float) -> float:
    """The lowest threshold (of 0.05 .. 0.95) at which precision reaches ``precision``."""
    for threshold in np.arange(0.05, 0.96, 0.05):
        chosen = scores >= threshold
        if chosen.any() and labels[chosen].mean() >= precision:
            return round(float(threshold), 2)
    return 0.95


def prf(scores: np.ndarray, labels: np.ndarray, threshold: float) -> tuple[float, float, float]:
    chosen = scores >= threshold
    tp = float((chosen & (labels == 1)).sum())
    p = tp / max(1, chosen.sum())
    r = tp / max(1, (labels == 1).sum())
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def training_examples(data: Path, pool: bool = True) -> list[Example]:
    """Every training line of at least ``MIN_WORDS`` words (``pool=False``: without the spliced pool's)."""
    examples = labelled_lines(data, "trafilatura-eval") + article_lines(data) + scraped_lines(data, pool)
    return [e for e in examples if len(tokens(e[0])) >= MIN_WORDS]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument(
        "--without-pool", action="store_true", help="leave the spliced pool out (to tune rules on)"
    )
    args = parser.parse_args()
    examples = training_examples(args.data, pool=not args.without_pool)
    labels = np.array([label for _, _, label in examples])
    print(
        f"{len(examples)} lines ({int(labels.sum())} disclaimers) from {len({g for _, g, _ in examples})} groups"
    )
    scores = out_of_fold(examples)
    threshold = lowest_threshold(scores, labels, PRECISION)
    block = min(threshold, BLOCK_THRESHOLD)
    print(
        "cross-validated P/R/F1 at {:.2f}: {:.3f}/{:.3f}/{:.3f}".format(
            threshold, *prf(scores, labels, threshold)
        )
    )
    print(
        "cross-validated P/R/F1 at block {:.2f}: {:.3f}/{:.3f}/{:.3f}".format(
            block, *prf(scores, labels, block)
        )
    )
    model = fit(examples)
    model = DisclaimerModel(model.weights, model.intercept, threshold, block)
    check = [e for e in labelled_lines(args.data, "zyte") if len(tokens(e[0])) >= MIN_WORDS]
    if check:
        check_scores = np.array([model.score(tokens(text), text.lower()) for text, _, _ in check])
        check_labels = np.array([label for _, _, label in check])
        print(
            "zyte labelled lines (never trained on), P/R/F1: {:.3f}/{:.3f}/{:.3f}".format(
                *prf(check_scores, check_labels, threshold)
            )
        )
    model.save(args.out)
    print(f"wrote {args.out} ({len(model.weights)} terms)")


if __name__ == "__main__":
    main()
