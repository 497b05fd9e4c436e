"""The check-worthiness score: a logistic model over `features`, trained on ClaimBuster.

Weights live in models/checkworthiness.json (see models/README.md for how they were made);
`benchmarks/train_checkworthiness.py` rebuilds them.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extract.extractors.claims.features import DIMENSIONS, feature_indices
from extract.resources import models_dir

MODEL_FILE = "checkworthiness.json"


@dataclass(frozen=True)
class CheckworthinessModel:
    """Sparse logistic-regression weights over hashed features, and the decision threshold."""

    weights: dict[int, float]
    threshold: float

    def score(self, text: str) -> float:
        """Probability-like score in 0..1 that `text` is a check-worthy factual statement."""
        indices = feature_indices(text)
        total = sum(self.weights.get(i, 0.0) for i in indices) / math.sqrt(len(indices))
        return 1.0 / (1.0 + math.exp(-max(min(total, 30.0), -30.0)))

    def to_json(self) -> str:
        payload = {
            "dimensions": DIMENSIONS,
            "threshold": self.threshold,
            "weights": {str(k): round(v, 5) for k, v in sorted(self.weights.items()) if v},
        }
        return json.dumps(payload, separators=(",", ":"))

    @classmethod
    def from_file(cls, path: Path) -> CheckworthinessModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("dimensions") != DIMENSIONS:
            raise ValueError(
                f"{path}: trained for {data.get('dimensions')} features, need {DIMENSIONS}"
            )
        weights = {int(k): float(v) for k, v in data["weights"].items()}
        return cls(weights, float(data["threshold"]))


@cache
def default_model() -> CheckworthinessModel:
    """The shipped model from models/checkworthiness.json."""
    return CheckworthinessModel.from_file(models_dir() / MODEL_FILE)
