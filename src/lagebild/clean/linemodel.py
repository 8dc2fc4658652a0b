"""The learned line classifier: two stacked logistic-regression passes and a boilerplate vocabulary (word ->
log-odds of a body line, see ``lexicon``), stored as plain JSON.

The vocabulary is learned from mostly English pages: it is used only on a page where it knows most words
(``lexicon.MIN_KNOWN``); any other page (German, for one) is scored by the ``plain`` model, trained without it,
and a page whose language has no known stopwords (neither German nor English) by the ``blind`` model, trained on
every page read without stopwords.

The first pass scores each line from its own and its neighbours' features; the second adds the first pass's
scores around the line (a body line sits among body lines) and over the page (is there a run of body-like lines,
how far is the nearest one, how does the line compare with the page's best), which smooths isolated mistakes.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from lagebild.clean.features import (
    STOP_SHARE_KNOWN,
    context_features,
    line_features,
    page_features,
    stop_share,
)
from lagebild.clean.lexicon import MIN_KNOWN, known_share

if TYPE_CHECKING:
    from lagebild.clean.lines import Line

MODEL_PATH = Path(__file__).with_name("line_model.json")


@dataclass(frozen=True)
class Linear:
    """Standardise, then a logistic score."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def proba(self, features: np.ndarray) -> np.ndarray:
        z = ((features - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    def to_dict(self) -> dict:
        return {
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "coef": self.coef.tolist(),
            "intercept": self.intercept,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Linear:
        return cls(
            mean=np.asarray(data["mean"], dtype=np.float64),
            scale=np.asarray(data["scale"], dtype=np.float64),
            coef=np.asarray(data["coef"], dtype=np.float64),
            intercept=float(data["intercept"]),
        )


def second_pass_rows(features: np.ndarray, first: np.ndarray) -> np.ndarray:
    """The second pass's input: line features, then the first-pass scores' local and page-level context."""
    return np.hstack([features, context_features(first), page_features(first)])


@dataclass(frozen=True)
class LineModel:
    """First pass on line features, second pass on line features plus first-pass context; body at ``threshold``.

    ``lexicon`` is the word vocabulary the line features are computed with (``line_features(lines, lexicon)``);
    ``plain``, a model without one, scores the pages where it knows less than ``min_known`` of the words;
    ``blind``, a model without one that learned from pages read without stopwords, scores those of them whose
    stopword share is below ``features.STOP_SHARE_KNOWN`` (a language other than German or English).
    """

    first: Linear
    second: Linear
    threshold: float = 0.5
    lexicon: dict[str, float] = field(default_factory=dict)
    plain: LineModel | None = None
    min_known: float = MIN_KNOWN
    blind: LineModel | None = None

    def for_page(self, lines: list[Line]) -> LineModel:
        """The model for this page: this one, or ``plain`` where the vocabulary does not speak its language."""
        if (
            self.plain is not None
            and known_share((line.tokens for line in lines), self.lexicon) < self.min_known
        ):
            return self.plain
        return self

    def page_proba(self, lines: list[Line]) -> tuple[np.ndarray, float]:
        """Body probability of each hand-rule line of a page, and the threshold to keep a line at."""
        model = self.for_page(lines)
        if not model.lexicon and self.blind is not None and stop_share(lines) < STOP_SHARE_KNOWN:
            model = self.blind  # a language without known stopwords: read none, as the blind model learned
            lines = [replace(line, stops=0) for line in lines]
        return model.proba(line_features(lines, model.lexicon or None)), model.threshold

    def proba(self, features: np.ndarray) -> np.ndarray:
        """Probability that each row's line belongs to the article body."""
        if features.shape[0] == 0:
            return np.zeros(0)
        first = self.first.proba(features)
        return self.second.proba(second_pass_rows(features, first))

    def to_dict(self) -> dict:
        data = {
            "first": self.first.to_dict(),
            "second": self.second.to_dict(),
            "threshold": self.threshold,
            "lexicon": dict(sorted(self.lexicon.items())),
            "min_known": self.min_known,
        }
        if self.plain is not None:
            data["plain"] = self.plain.to_dict()
        if self.blind is not None:
            data["blind"] = self.blind.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: dict) -> LineModel:
        return cls(
            first=Linear.from_dict(data["first"]),
            second=Linear.from_dict(data["second"]),
            threshold=float(data.get("threshold", 0.5)),
            lexicon={str(k): float(v) for k, v in data.get("lexicon", {}).items()},
            plain=cls.from_dict(data["plain"]) if data.get("plain") else None,
            min_known=float(data.get("min_known", MIN_KNOWN)),
            blind=cls.from_dict(data["blind"]) if data.get("blind") else None,
        )

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_dict()) + "\n")


@functools.cache
def shipped_model() -> LineModel | None:
    """The model shipped with the package (None when absent or unreadable: the hand rules decide alone)."""
    try:
        return LineModel.from_dict(json.loads(MODEL_PATH.read_text()))
    except (OSError, ValueError, KeyError):
        return None
