"""Shared helpers for the benchmark scripts: locating dev data and scoring spans."""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

DEV_DATA_ENV = "EXTRACT_DEV_DATA"


def dev_data_dir() -> Path:
    """../shared/dev-data beside the checkout, or $EXTRACT_DEV_DATA."""
    configured = os.environ.get(DEV_DATA_ENV)
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2] / "shared" / "dev-data"


def require(path: Path) -> Path:
    """Exit cleanly (status 0, a message) when the dev data is absent."""
    if not path.exists():
        print(f"skipped: {path} not found (set {DEV_DATA_ENV} to the dev-data folder)")
        sys.exit(0)
    return path


Span = tuple[int, int, int, str]
"""(document, start, end, label)"""


def prf(gold: Iterable[Span], predicted: Iterable[Span]) -> dict[str, dict[str, float]]:
    """Exact-match precision/recall/F1 overall and per label."""
    gold_set, pred_set = set(gold), set(predicted)
    labels = sorted({s[3] for s in gold_set | pred_set})
    table = {"ALL": _scores(gold_set, pred_set)}
    for label in labels:
        table[label] = _scores(
            {s for s in gold_set if s[3] == label}, {s for s in pred_set if s[3] == label}
        )
    return table


def _scores(gold: set[Span], predicted: set[Span]) -> dict[str, float]:
    hits = len(gold & predicted)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": precision, "r": recall, "f1": f1, "gold": len(gold), "pred": len(predicted)}


def label_counts(spans: Iterable[Span]) -> Counter[str]:
    return Counter(span[3] for span in spans)
