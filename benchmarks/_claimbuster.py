"""The ClaimBuster cut and the scoring helpers both check-worthiness trainers share.

Only the standard library and numpy: `train_checkworthiness_accurate.py` runs in a training
venv without extract installed, and it must cut the data exactly as the fast trainer does, or
the held-out figures of the two profiles would not be comparable.
"""

from __future__ import annotations

import json
import random

import numpy as np

from _common import dev_data_dir, require

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


def average_precision(scores: np.ndarray, y: np.ndarray) -> float:
    ranked = y[np.argsort(-scores, kind="stable")]
    precision = np.cumsum(ranked) / np.arange(1, len(ranked) + 1)
    return float((precision * ranked).sum() / max(ranked.sum(), 1))


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


def f1_at(scores: np.ndarray, y: np.ndarray, threshold: float) -> float:
    predicted = scores >= threshold
    tp = float((predicted & (y == 1)).sum())
    p, r = tp / max(predicted.sum(), 1), tp / max((y == 1).sum(), 1)
    return 2 * p * r / (p + r) if p + r else 0.0


def best_threshold(scores: np.ndarray, y: np.ndarray) -> float:
    """The threshold in 0.10..0.89 with the best F1 (0.5 when none scores above zero)."""
    best = (0.0, 0.5)
    for threshold in np.arange(0.1, 0.9, 0.01):
        best = max(best, (f1_at(scores, y, float(threshold)), float(threshold)))
    return round(best[1], 2)
