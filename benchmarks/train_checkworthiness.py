"""Train the check-worthiness model on ClaimBuster and write models/checkworthiness.json.

Logistic regression over hashed words, bigrams and structural cues
(extract.extractors.claims.features),
trained with full-batch gradient descent and L2 on a fixed 80% split of ClaimBuster's
train.json; the other 20% (same seed) is what benchmarks/claims_eval.py reports on. The
decision threshold is the one that maximises F1 on a slice of the training part.

    python benchmarks/train_checkworthiness.py [--out models/checkworthiness.json]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import numpy as np

from _common import dev_data_dir, require
from extract.extractors.claims.checkworthiness import CheckworthinessModel
from extract.extractors.claims.features import DIMENSIONS, feature_indices

SEED = 13
HELD_OUT = 0.2


def split() -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """(train, held-out) ClaimBuster sentences, the same split every time."""
    path = require(dev_data_dir() / "claimbuster" / "train.json")
    items = json.loads(path.read_text(encoding="utf-8"))
    random.Random(SEED).shuffle(items)
    cut = int(len(items) * (1 - HELD_OUT))
    return items[:cut], items[cut:]


class Sparse:
    """Rows of hashed features as coordinate arrays: x @ w and x.T @ g by bincount."""

    def __init__(self, texts: list[str]) -> None:
        rows, cols, vals = [], [], []
        for row, text in enumerate(texts):
            indices = feature_indices(text)
            for index in indices:
                rows.append(row)
                cols.append(index)
                vals.append(1.0 / np.sqrt(len(indices)))
        self.rows, self.cols = np.array(rows), np.array(cols)
        self.vals = np.array(vals)
        self.count = len(texts)

    def dot(self, weights: np.ndarray) -> np.ndarray:
        return np.bincount(self.rows, weights=self.vals * weights[self.cols], minlength=self.count)

    def tdot(self, values: np.ndarray) -> np.ndarray:
        return np.bincount(self.cols, weights=self.vals * values[self.rows], minlength=DIMENSIONS)

    def take(self, start: int, stop: int) -> Sparse:
        keep = (self.rows >= start) & (self.rows < stop)
        part = Sparse([])
        part.rows, part.cols, part.vals = self.rows[keep] - start, self.cols[keep], self.vals[keep]
        part.count = stop - start
        return part


def train(
    x: Sparse, y: np.ndarray, *, epochs: int = 3000, rate: float = 8.0, l2: float = 5e-6
) -> np.ndarray:
    weights = np.zeros(DIMENSIONS, dtype=np.float64)
    positive = y.mean()
    sample = np.where(y == 1, 0.5 / positive, 0.5 / (1 - positive))  # balanced classes
    for _ in range(epochs):
        scores = 1.0 / (1.0 + np.exp(-x.dot(weights)))
        weights -= rate * (x.tdot((scores - y) * sample) / len(y) + l2 * weights)
    return weights


def best_threshold(scores: np.ndarray, y: np.ndarray) -> float:
    best = (0.0, 0.5)
    for threshold in np.arange(0.2, 0.9, 0.01):
        predicted = scores >= threshold
        tp = float((predicted & (y == 1)).sum())
        p = tp / max(predicted.sum(), 1)
        r = tp / max((y == 1).sum(), 1)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        best = max(best, (f1, float(threshold)))
    return round(best[1], 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("models/checkworthiness.json"))
    args = parser.parse_args()
    train_items, _ = split()
    texts = [str(item["text"]) for item in train_items]
    labels = np.array([int(item["label"]) for item in train_items], dtype=np.float64)
    tune = len(texts) // 8
    x = Sparse(texts)
    weights = train(x.take(tune, len(texts)), labels[tune:])
    scores = 1.0 / (1.0 + np.exp(-x.take(0, tune).dot(weights)))
    threshold = best_threshold(scores, labels[:tune])
    weights = train(x, labels)
    model = CheckworthinessModel(
        {i: float(w) for i, w in enumerate(weights) if abs(w) > 1e-4}, threshold
    )
    args.out.write_text(model.to_json() + "\n", encoding="utf-8")
    print(
        f"trained on {len(texts)} sentences; threshold {threshold}; "
        f"{len(model.weights)} weights -> {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)"
    )


if __name__ == "__main__":
    main()
