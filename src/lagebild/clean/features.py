"""Numeric features of each line in its document context, for the learned line classifier."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np

from lagebild.clean.lexicon import line_score

if TYPE_CHECKING:
    from lagebild.clean.lines import Line

REASONS = ("disclaimer", "ui", "caption", "credit", "teaser", "outlet-repeat", "foreign-script", "comments")

_DIGIT = re.compile(r"\d")
_UPPER = re.compile(r"[A-ZÄÖÜ]")
_PUNCT = re.compile(r"[,;:]")
_QUOTE = re.compile(r"[\"“”„»«]")
_BULLET = re.compile(r"^\W")
_URLISH = re.compile(r"https?://|www\.|\.com\b|@\w")
_WINDOW = 5
STOP_SHARE_KNOWN = 0.08  # from this share of stopwords on a page, its language is one ``STOPWORDS`` covers


def stop_share(lines: list[Line]) -> float:
    """The share of the page's words that are stopwords (``patterns.STOPWORDS``: German or English ones)."""
    return sum(line.stops for line in lines) / max(1, sum(line.words for line in lines))


def _own(line: Line) -> list[float]:
    """Features of the line alone (shape, patterns, the hand rules' verdicts)."""
    text = line.text
    chars = max(1, len(text))
    reason = [float(line.reason == r) for r in REASONS]
    return [
        math.log1p(line.words),
        math.log1p(len(text)),
        line.stop_ratio,
        float(line.terminal),
        float(line.good),
        float(line.keep),
        float(line.headline_like),
        float(line.reason is None),
        len(_DIGIT.findall(text)) / chars,
        len(_UPPER.findall(text)) / chars,
        len(_PUNCT.findall(text)) / max(1, line.words),
        float(bool(_QUOTE.search(text))),
        float(bool(_BULLET.match(text))),
        float(bool(_URLISH.search(text))),
        float(text.endswith(".")),
        float(line.words >= 15),
        float(line.inferred),
        *reason,
    ]


def _neighbour(line: Line | None) -> list[float]:
    if line is None:
        return [0.0, 0.0, 0.0, 0.0, 0.0, 1.0]
    return [
        math.log1p(line.words),
        line.stop_ratio,
        float(line.good),
        float(line.keep),
        float(line.reason is None),
        0.0,
    ]


def line_features(lines: list[Line], lexicon: Mapping[str, float] | None = None) -> np.ndarray:
    """One row per line: own features, neighbours at -2..+2, window densities, position, cluster context; with a
    ``lexicon``, then the words' boilerplate vocabulary scores and repeated lines (``n_features(lexical=True)``
    columns in all, else ``n_features()``).

    Expects the hand rules to have run (``reason``, ``good`` and ``keep`` set).
    """
    n = len(lines)
    if n == 0:
        return np.zeros((0, n_features(lexicon is not None)), dtype=np.float64)
    good = np.array([line.good for line in lines], dtype=np.float64)
    keep = np.array([line.keep for line in lines], dtype=np.float64)
    chars = np.array([len(line.text) for line in lines], dtype=np.float64)
    good_cum = np.concatenate([[0.0], np.cumsum(good)])
    keep_cum = np.concatenate([[0.0], np.cumsum(keep)])
    good_chars = np.concatenate([[0.0], np.cumsum(good * chars)])
    total_good_chars = max(1.0, good_chars[-1])
    kept_idx = np.flatnonzero(keep)
    good_idx = np.flatnonzero(good)
    log_words = np.array([math.log1p(line.words) for line in lines])
    median_words = float(np.median(log_words))
    stop = np.array([line.stop_ratio for line in lines])
    doc_stop = float(stop[good_idx].mean()) if good_idx.size else float(stop.mean())
    runs = _long_runs(lines)
    first_keep = kept_idx[0] if kept_idx.size else n
    last_keep = kept_idx[-1] if kept_idx.size else -1
    rows = []
    for i, line in enumerate(lines):
        lo, hi = max(0, i - _WINDOW), min(n, i + _WINDOW + 1)
        width = hi - lo
        dist_good = float(np.min(np.abs(good_idx - i))) if good_idx.size else float(n)
        row = _own(line)
        for offset in (-2, -1, 1, 2):
            j = i + offset
            row.extend(_neighbour(lines[j] if 0 <= j < n else None))
        row.extend(
            [
                (good_cum[hi] - good_cum[lo]) / width,
                (keep_cum[hi] - keep_cum[lo]) / width,
                i / n,
                math.log1p(n),
                math.log1p(dist_good),
                float(first_keep <= i <= last_keep),
                good_chars[i] / total_good_chars,  # share of the good text before this line
                math.log1p(min(i - first_keep, 0) * -1.0) if i < first_keep else 0.0,
                math.log1p(i - last_keep) if i > last_keep >= 0 else 0.0,
                log_words[i] - median_words,
                stop[i] - doc_stop,
                math.log1p(runs[i]),
            ]
        )
        rows.append(row)
    base = np.asarray(rows, dtype=np.float64)
    return base if lexicon is None else np.hstack([base, _word_features(lines, lexicon), _repeats(lines)])


_LEX_WINDOW = 3


def _word_features(lines: list[Line], lexicon: Mapping[str, float]) -> np.ndarray:
    """Per line: mean word log-odds, share of boilerplate words, the neighbours' (-1, +1) and window means, the
    first word's, the lowest and the highest log-odds, and the share of words the lexicon knows."""
    n = len(lines)
    scores = np.array([line_score(line.tokens, lexicon) for line in lines], dtype=np.float64).reshape(n, 6)
    mean = scores[:, 0]
    pad = np.concatenate([[0.0], mean, [0.0]])
    cum = np.concatenate(
        [[0.0], np.cumsum(np.concatenate([np.zeros(_LEX_WINDOW), mean, np.zeros(_LEX_WINDOW)]))]
    )
    idx = np.arange(n) + _LEX_WINDOW
    window = (cum[idx + _LEX_WINDOW + 1] - cum[idx - _LEX_WINDOW]) / (2 * _LEX_WINDOW + 1)
    return np.column_stack([mean, scores[:, 1], pad[:-2], pad[2:], window, scores[:, 2:]])


def _repeats(lines: list[Line]) -> np.ndarray:
    """Per line: whether the same text occurred earlier on the page, and whether it occurs again later."""
    total = Counter(line.text for line in lines)
    seen: set[str] = set()
    rows = []
    for line in lines:
        earlier = line.text in seen
        seen.add(line.text)
        rows.append((float(earlier), float(not earlier and total[line.text] > 1)))
    return np.asarray(rows, dtype=np.float64).reshape(len(lines), 2)


def _long_runs(lines: list[Line], min_words: int = 8) -> list[int]:
    """For each line, the length of the run of consecutive long lines it belongs to (0 for a short line)."""
    runs = [0] * len(lines)
    start = 0
    for i in range(len(lines) + 1):
        if i == len(lines) or lines[i].words < min_words:
            for j in range(start, i):
                runs[j] = i - start
            start = i + 1
    return runs


def n_features(lexical: bool = False) -> int:
    """Length of a feature row (``lexical``: with the vocabulary scores and repeated lines)."""
    return 17 + len(REASONS) + 4 * 6 + 12 + (9 + 2 if lexical else 0)


def context_features(proba: np.ndarray, pad: int = 10) -> np.ndarray:
    """Features from a first pass's body probabilities: own, neighbours at -2..+2, window means, doc mean/max."""
    n = len(proba)
    padded = np.concatenate([np.zeros(pad), proba, np.zeros(pad)])
    cum = np.concatenate([[0.0], np.cumsum(padded)])
    idx = np.arange(n) + pad
    cols = [proba]
    cols.extend(padded[idx + offset] for offset in (-2, -1, 1, 2))
    cols.extend((cum[idx + w + 1] - cum[idx - w]) / (2 * w + 1) for w in (3, 10))
    cols.append(np.full(n, proba.mean() if n else 0.0))
    cols.append(proba / (proba.max() + 1e-9) if n else proba)
    return np.column_stack(cols) if n else np.zeros((0, len(cols)))


_HIGH = 0.5  # first-pass score from which a line counts as body-like
_TOP = 5  # the page's best first-pass scores that a line's score is compared with


def _nearest_other(marked: np.ndarray, n: int) -> np.ndarray:
    """For each of ``n`` positions, the distance to the nearest marked position other than itself (``n`` if none)."""
    pad = np.concatenate([[-2 * n], marked, [3 * n]]).astype(np.float64)
    idx = np.arange(n)
    after = np.searchsorted(pad, idx, side="right")  # first marked position > i
    before = np.searchsorted(pad, idx, side="left") - 1  # last marked position < i
    return np.minimum(np.minimum(pad[after] - idx, idx - pad[before]), n)


def _longest_run(mask: np.ndarray) -> int:
    """Length of the longest run of True in ``mask``."""
    if not mask.any():
        return 0
    edges = np.flatnonzero(np.diff(np.concatenate([[0], mask.astype(np.int8), [0]])))
    return int((edges[1::2] - edges[::2]).max())


def page_features(proba: np.ndarray) -> np.ndarray:
    """Page-level context from a first pass's body probabilities, for the second pass.

    Per line: log distance to the nearest other body-like line (score >= ``_HIGH``), whether the page has a run
    of at least 3 body-like lines, the log length of its longest such run, and the line's score minus the mean of
    the page's ``_TOP`` best scores (a page whose best lines are weak keeps less).
    """
    n = len(proba)
    if n == 0:
        return np.zeros((0, n_page_features()))
    high = proba >= _HIGH
    run = _longest_run(high)
    top = float(np.sort(proba)[::-1][:_TOP].mean())
    return np.column_stack(
        [
            np.log1p(_nearest_other(np.flatnonzero(high), n)),
            np.full(n, float(run >= 3)),
            np.full(n, math.log1p(run)),
            proba - top,
        ]
    )


def n_page_features() -> int:
    """Length of a ``page_features`` row."""
    return 4
