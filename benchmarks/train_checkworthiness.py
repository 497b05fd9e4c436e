"""Train the check-worthiness model on ClaimBuster and write models/checkworthiness.json.

Logistic regression over the hashed word, character and structure views of
extract.extractors.claims.features (balanced class weights, L2 penalty, unpenalised intercept),
fitted by L-BFGS to convergence. ClaimBuster's train.json is shuffled with a fixed seed and cut
70 / 10 / 20:

  * 70% train the weights; the L2 strength is chosen on this part alone, by 3-fold
    cross-validation of the average precision with the one-standard-error rule;
  * 10% calibrate: Platt scaling (a logistic fit of the label on the raw logit, with Platt's
    smoothed targets) and the decision threshold that maximises F1 on the calibrated scores;
  * 20% are held out for benchmarks/claims_eval.py and never seen here.

    python benchmarks/train_checkworthiness.py [--out models/checkworthiness.json] [--c C]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import numpy as np

from _claimbuster import (
    SEED,
    Item,
    average_precision,
    best_threshold,
    calibration_split,
    platt,
)
from extract.extractors.claims.checkworthiness import CheckworthinessModel
from extract.extractors.claims.features import BIAS_INDEX, DIMENSIONS, FLAG_VALUE, feature_values

FOLDS = 3
C_GRID = (1.0, 4.0, 16.0, 64.0)
"""Inverse L2 strengths tried (the loss is a sum over sentences, as in liblinear's C)."""
Objective = Callable[[np.ndarray], tuple[float, np.ndarray]]


class Sparse:
    """Rows of hashed features as coordinate arrays: x @ w and x.T @ g by bincount."""

    def __init__(self, rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, count: int) -> None:
        self.rows, self.cols, self.vals, self.count = rows, cols, vals, count

    @classmethod
    def of(cls, texts: list[str]) -> Sparse:
        rows, cols, vals = [], [], []
        for row, text in enumerate(texts):
            for index, value in feature_values(text):
                rows.append(row)
                cols.append(index)
                vals.append(value)
        return cls(np.array(rows), np.array(cols), np.array(vals), len(texts))

    def subset(self, members: np.ndarray) -> Sparse:
        """The rows `members` (sorted), renumbered from 0."""
        position = np.full(self.count, -1)
        position[members] = np.arange(len(members))
        keep = position[self.rows] >= 0
        return Sparse(position[self.rows[keep]], self.cols[keep], self.vals[keep], len(members))

    def dot(self, weights: np.ndarray) -> np.ndarray:
        return np.bincount(self.rows, weights=self.vals * weights[self.cols], minlength=self.count)

    def tdot(self, values: np.ndarray) -> np.ndarray:
        return np.bincount(self.cols, weights=self.vals * values[self.rows], minlength=DIMENSIONS)


def lbfgs(
    objective: Objective, start: np.ndarray, *, iterations: int, memory: int = 10
) -> np.ndarray:
    """Minimise a smooth convex function: limited-memory BFGS with a backtracking line search."""
    x = start.copy()
    value, gradient = objective(x)
    steps: list[tuple[np.ndarray, np.ndarray]] = []
    for _ in range(iterations):
        direction = -gradient
        history = []
        for s, y in reversed(steps):
            rho = 1.0 / float(y @ s)
            alpha = rho * float(s @ direction)
            direction = direction - alpha * y
            history.append((rho, alpha, s, y))
        if steps:
            s, y = steps[-1]
            direction = direction * float(s @ y) / float(y @ y)
        for rho, alpha, s, y in reversed(history):
            direction = direction + s * (alpha - rho * float(y @ direction))
        slope = float(gradient @ direction)
        if slope >= 0:
            direction, slope, steps = -gradient, -float(gradient @ gradient), []
        rate = 1.0
        while True:
            candidate = x + rate * direction
            new_value, new_gradient = objective(candidate)
            if new_value <= value + 1e-4 * rate * slope or rate < 1e-10:
                break
            rate /= 2
        s, y = candidate - x, new_gradient - gradient
        if float(s @ y) > 1e-12:
            steps = [*steps, (s, y)][-memory:]
        converged = value - new_value < 1e-9 * max(abs(value), 1.0)
        x, value, gradient = candidate, new_value, new_gradient
        if converged or np.abs(gradient).max() < 1e-6:
            break
    return x


def train(x: Sparse, y: np.ndarray, *, c: float, iterations: int = 300) -> np.ndarray:
    """Weights of the balanced, L2-penalised logistic loss, the intercept folded into the
    bias feature (every sentence has it at FLAG_VALUE)."""
    positive = y.mean()
    sample = np.where(y == 1, 0.5 / positive, 0.5 / (1 - positive))

    def objective(params: np.ndarray) -> tuple[float, np.ndarray]:
        weights, intercept = params[:-1], params[-1]
        z = x.dot(weights) + intercept
        loss = float(sample @ np.logaddexp(0.0, np.where(y == 1, -z, z)))
        residual = sample * (1.0 / (1.0 + np.exp(-z)) - y)
        gradient = np.append(x.tdot(residual) + weights / c, residual.sum())
        return loss + float(weights @ weights) / (2 * c), gradient

    params = lbfgs(objective, np.zeros(DIMENSIONS + 1), iterations=iterations)
    weights = params[:-1]
    weights[BIAS_INDEX] += params[-1] / FLAG_VALUE
    return weights


def choose_c(x: Sparse, y: np.ndarray) -> float:
    """The C of C_GRID by FOLDS-fold cross-validation with the one-standard-error rule: the
    strongest penalty whose mean average precision is within one standard error of the best.
    Differences inside the noise say nothing, and the stronger penalty transfers better from
    debate transcripts to news."""
    order = np.random.RandomState(SEED).permutation(x.count)
    results = []
    for c in C_GRID:
        precisions = []
        for fold in range(FOLDS):
            test = np.sort(order[fold::FOLDS])
            fit = np.setdiff1d(np.arange(x.count), test)
            weights = train(x.subset(fit), y[fit], c=c)
            precisions.append(average_precision(x.subset(test).dot(weights), y[test]))
        mean = float(np.mean(precisions))
        error = float(np.std(precisions, ddof=1) / np.sqrt(FOLDS))
        print(f"  C {c:5.1f}: average precision {mean:.4f} ± {error:.4f} (cross-validated)")
        results.append((c, mean, error))
    _, best, error = max(results, key=lambda result: result[1])
    return min(c for c, mean, _ in results if mean >= best - error)


def labelled(items: list[Item]) -> tuple[Sparse, np.ndarray]:
    texts = [str(item["text"]) for item in items]
    return Sparse.of(texts), np.array([int(str(item["label"])) for item in items], dtype=float)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("models/checkworthiness.json"))
    parser.add_argument("--c", type=float, help="skip the cross-validation and use this C")
    args = parser.parse_args()
    train_items, calibration_items = calibration_split()
    x, y = labelled(train_items)
    x_cal, y_cal = labelled(calibration_items)
    c = args.c if args.c is not None else choose_c(x, y)
    weights = train(x, y, c=c)
    logits = x_cal.dot(weights)
    slope, intercept = platt(logits, y_cal)
    calibrated = 1.0 / (1.0 + np.exp(-(slope * logits + intercept)))
    threshold = best_threshold(calibrated, y_cal)
    model = CheckworthinessModel(
        {i: float(w) for i, w in enumerate(weights) if abs(w) >= 5e-5}, threshold, slope, intercept
    )
    args.out.write_text(model.to_json() + "\n", encoding="utf-8")
    print(
        f"C {c}: trained on {x.count} sentences, calibrated on {x_cal.count} "
        f"(slope {slope:.3f}, intercept {intercept:.3f}); threshold {threshold}; "
        f"{len(model.weights)} weights -> {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)"
    )


if __name__ == "__main__":
    main()
