"""Check-worthiness on held-out ClaimBuster sentences: the trained model and a rules-only one.

The held-out part is the 20% that benchmarks/train_checkworthiness.py never trains on (same
seed). Reported: precision, recall and F1 of the flags (score >= the model's threshold) and the
average precision of the score, for the model and for a rules-only variant (the structural cues
alone: numbers, comparisons, superlatives, no opinion or question).

    python benchmarks/claims_eval.py
"""

from __future__ import annotations

from _common import dev_data_dir, require  # noqa: F401  (the split reads the data)
from extract.extractors.claims.checkworthiness import default_model
from extract.extractors.claims.rules import rule_score
from train_checkworthiness import split


def average_precision(scores: list[float], labels: list[int]) -> float:
    ranked = sorted(zip(scores, labels, strict=True), key=lambda pair: -pair[0])
    hits, total = 0, 0.0
    for rank, (_, label) in enumerate(ranked, start=1):
        if label:
            hits += 1
            total += hits / rank
    return total / max(sum(labels), 1)


def report(name: str, scores: list[float], labels: list[int], threshold: float) -> None:
    flags = [score >= threshold for score in scores]
    tp = sum(1 for f, y in zip(flags, labels, strict=True) if f and y)
    p = tp / max(sum(flags), 1)
    r = tp / max(sum(labels), 1)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    ap = average_precision(scores, labels)
    print(f"{name:12} P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  AP {ap:.3f}")


def main() -> None:
    _, held_out = split()
    texts = [str(item["text"]) for item in held_out]
    labels = [int(item["label"]) for item in held_out]
    model = default_model()
    print(f"ClaimBuster held-out: {len(texts)} sentences, {sum(labels)} check-worthy")
    report("model", [model.score(t) for t in texts], labels, model.threshold)
    report("rules only", [rule_score(t) for t in texts], labels, 0.5)


if __name__ == "__main__":
    main()
