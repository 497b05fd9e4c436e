"""The check-worthiness score: a logistic model over `features`, trained on ClaimBuster, with
Platt scaling fitted on sentences it was not trained on, so a score of 0.7 means that about 70%
of such sentences are check-worthy (on ClaimBuster-like text) rather than an arbitrary rank.

Weights and calibration live in models/checkworthiness.json (see models/README.md for how they
were made); `benchmarks/train_checkworthiness.py` rebuilds them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import cast

import numpy as np

from extract.extractors.claims.features import (
    DIMENSIONS,
    VERSION,
    Known,
    feature_arrays,
    feature_batch,
)
from extract.resources import models_dir

MODEL_FILE = "checkworthiness.json"


def sigmoid(value: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(value, 30.0), -30.0)))


@dataclass(frozen=True)
class CheckworthinessModel:
    """Sparse logistic-regression weights over hashed features, the Platt calibration
    (probability = sigmoid(slope * logit + intercept)) and the decision threshold on it."""

    weights: dict[int, float]
    threshold: float
    slope: float = 1.0
    intercept: float = 0.0
    dense: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        dense = np.zeros(DIMENSIONS)
        for index, weight in self.weights.items():
            dense[index] = weight
        object.__setattr__(self, "dense", dense)  # one gather and dot product per sentence

    def logit(self, text: str, known: Known | None = None) -> float:
        """The uncalibrated model output: weighted sum of the features of `text`."""
        indices, values = feature_arrays(text, known)
        return float(self.dense[indices] @ values)

    def calibrate(self, logit: float) -> float:
        """Calibrated probability of a raw logit (monotone increasing when slope > 0)."""
        return sigmoid(self.slope * logit + self.intercept)

    def score(self, text: str, *, bonus: float = 0.0, known: Known | None = None) -> float:
        """Calibrated probability in 0..1 that `text` is a check-worthy factual statement;
        `bonus` is added to the raw logit (evidence the text features cannot see); `known`:
        what the caller already found in `text`."""
        return self.calibrate(self.logit(text, known) + bonus)

    def scores(
        self,
        texts: Sequence[str],
        *,
        bonuses: Sequence[float] | None = None,
        knowns: Sequence[Known | None] | None = None,
    ) -> list[float]:
        """`score` of many sentences in one vectorised pass (`features.feature_batch`): the
        claims step scores a whole article at once. Equal to `score` one by one but for the
        last bits of a float sum."""
        rows, indices, values = feature_batch(texts, knowns)
        logits = np.bincount(rows, weights=self.dense[indices] * values, minlength=len(texts))
        if bonuses is not None:
            logits = logits + np.asarray(bonuses, dtype=float)
        z = np.clip(self.slope * logits + self.intercept, -30.0, 30.0)
        return cast("list[float]", (1.0 / (1.0 + np.exp(-z))).tolist())  # the same floats

    def to_json(self) -> str:
        payload = {
            "dimensions": DIMENSIONS,
            "features": VERSION,
            "threshold": self.threshold,
            "calibration": {"slope": round(self.slope, 6), "intercept": round(self.intercept, 6)},
            "weights": {str(k): round(v, 5) for k, v in sorted(self.weights.items()) if v},
        }
        return json.dumps(payload, separators=(",", ":"))

    @classmethod
    def from_file(cls, path: Path) -> CheckworthinessModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        trained_for = (data.get("dimensions"), data.get("features"))
        if trained_for != (DIMENSIONS, VERSION):
            raise ValueError(
                f"{path}: trained for features {trained_for}, need {(DIMENSIONS, VERSION)}"
            )
        weights = {int(k): float(v) for k, v in data["weights"].items()}
        calibration = data["calibration"]
        return cls(
            weights,
            float(data["threshold"]),
            float(calibration["slope"]),
            float(calibration["intercept"]),
        )


@cache
def default_model() -> CheckworthinessModel:
    """The shipped model from models/checkworthiness.json."""
    return CheckworthinessModel.from_file(models_dir() / MODEL_FILE)
