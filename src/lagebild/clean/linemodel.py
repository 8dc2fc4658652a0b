"""The learned line classifier: two stacked logistic-regression passes, stored as plain JSON.

The first pass scores each line from its own and its neighbours' features; the second adds the first pass's
scores around the line (a body line sits among body lines) and over the page (is there a run of body-like lines,
how far is the nearest one, how does the line compare with the page's best), which smooths isolated mistakes.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from lagebild.clean.features import context_features, page_features

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
    """First pass on line features, second pass on line features plus first-pass context; body at ``threshold``."""

    first: Linear
    second: Linear
    threshold: float = 0.5

    def proba(self, features: np.ndarray) -> np.ndarray:
        """Probability that each row's line belongs to the article body."""
        if features.shape[0] == 0:
            return np.zeros(0)
        first = self.first.proba(features)
        return self.second.proba(second_pass_rows(features, first))

    def to_dict(self) -> dict:
        return {"first": self.first.to_dict(), "second": self.second.to_dict(), "threshold": self.threshold}

    @classmethod
    def from_dict(cls, data: dict) -> LineModel:
        return cls(
            first=Linear.from_dict(data["first"]),
            second=Linear.from_dict(data["second"]),
            threshold=float(data.get("threshold", 0.5)),
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
