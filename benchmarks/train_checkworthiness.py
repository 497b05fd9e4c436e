"""Train the check-worthiness model on ClaimBuster and write models/checkworthiness.json.

Logistic regression over hashed words, bigrams, character 4-grams and structure flags
(extract.extractors.claims.features), trained with full-batch gradient descent and L2.
ClaimBuster's train.json is shuffled with a fixed seed and cut 70 / 10 / 20:

  * 70% train the weights (balanced class weights);
  * 10% calibrate: Platt scaling (a logistic fit of the label on the raw logit, with Platt's
    smoothed targets) and the decision threshold that maximises F1 on the calibrated scores;
  * 20% are held out for benchmarks/claims_eval.py and never seen here.

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
from extract.extractors.claims.features import DIMENSIONS, feature_values

SEED = 13
HELD_OUT = 0.2
CALIBRATION = 0.1
Item = dict[str, object]


def split() -> tuple[list[Item], list[Item]]:
    """(train + calibration, held-out) ClaimBuster sentences, the same split every time."""
    path = require(dev_data_dir() / "claimbuster" / "train.json")
    items = json.loads(path.read_text(encoding="utf-8"))
    random.Random(SEED).shuffle(items)
    cut = int(len(items) * (1 - HELD_OUT))
    return items[:cut], items[cut:]


def calibration_split() -> tuple[list[Item], list[Item]]:
    """(train, calibration): the first 10% of all sentences of the 80% part calibrate."""
    trainable, _ = split()
    cut = int(len(trainable) * CALIBRATION / (1 - HELD_OUT))
    return trainable[cut:], trainable[:cut]


class Sparse:
    """Rows of hashed features as coordinate arrays: x @ w and x.T @ g by bincount."""

    def __init__(self, texts: list[str]) -> None:
        rows, cols, vals = [], [], []
        for row, text in enumerate(texts):
            for index, value in feature_values(text):
                rows.append(row)
                cols.append(index)
                vals.append(value)
        self.rows, self.cols = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)
        self.vals = np.array(vals)
        self.count = len(texts)

    def dot(self, weights: np.ndarray) -> np.ndarray:
        return np.bincount(self.rows, weights=self.vals * weights[self.cols], minlength=self.count)

    def tdot(self, values: np.ndarray) -> np.ndarray:
        return np.bincount(self.cols, weights=self.vals * values[self.rows], minlength=DIMENSIONS)


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


def platt(logits: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """(slope, intercept) of sigmoid(slope * logit + intercept) fitted by Newton's method on
    Platt's smoothed targets, which keep a small slice from promising 0 or 1."""
    positives, negatives = float(y.sum()), float(len(y) - y.sum())
    target = np.where(y == 1, (positives + 1) / (positives + 2), 1 / (negatives + 2))
    design = np.stack([logits, np.ones_like(logits)], axis=1)
    params = np.zeros(2)
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-design @ params))
        gradient = design.T @ (p - target)
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + 1e-9 * np.eye(2)
        step = np.linalg.solve(hessian, gradient)
        params -= step
        if np.abs(step).max() < 1e-10:
            break
    return float(params[0]), float(params[1])


def best_threshold(scores: np.ndarray, y: np.ndarray) -> float:
    best = (0.0, 0.5)
    for threshold in np.arange(0.1, 0.9, 0.01):
        predicted = scores >= threshold
        tp = float((predicted & (y == 1)).sum())
        p = tp / max(predicted.sum(), 1)
        r = tp / max((y == 1).sum(), 1)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        best = max(best, (f1, float(threshold)))
    return round(best[1], 2)


def labelled(items: list[Item]) -> tuple[Sparse, np.ndarray]:
    texts = [str(item["text"]) for item in items]
    return Sparse(texts), np.array([int(str(item["label"])) for item in items], dtype=np.float64)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("models/checkworthiness.json"))
    parser.add_argument("--epochs", type=int, default=3000)
    parser.add_argument("--l2", type=float, default=5e-6)
    args = parser.parse_args()
    train_items, calibration_items = calibration_split()
    x, y = labelled(train_items)
    x_cal, y_cal = labelled(calibration_items)
    weights = train(x, y, epochs=args.epochs, l2=args.l2)
    logits = x_cal.dot(weights)
    slope, intercept = platt(logits, y_cal)
    calibrated = 1.0 / (1.0 + np.exp(-(slope * logits + intercept)))
    threshold = best_threshold(calibrated, y_cal)
    model = CheckworthinessModel(
        {i: float(w) for i, w in enumerate(weights) if abs(w) > 1e-4}, threshold, slope, intercept
    )
    args.out.write_text(model.to_json() + "\n", encoding="utf-8")
    print(
        f"trained on {x.count} sentences, calibrated on {x_cal.count} "
        f"(slope {slope:.3f}, intercept {intercept:.3f}); threshold {threshold}; "
        f"{len(model.weights)} weights -> {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)"
    )


if __name__ == "__main__":
    main()
