"""Check-worthiness on held-out ClaimBuster sentences: the trained model and a rules-only one.

The held-out part is the 20% that benchmarks/train_checkworthiness.py never trains or
calibrates on (same seed). Reported: precision, recall and F1 of the flags (score >= the
model's threshold) and the average precision of the score, for the model and for a rules-only
variant (the structural cues alone: numbers, comparisons, superlatives, no opinion or question);
then the model's reliability table (score band -> share check-worthy) and its expected
calibration error, which say whether a score means what it says.

    python benchmarks/claims_eval.py [--model models/checkworthiness.json] [--profile accurate]
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

from _claimbuster import split
from _common import dev_data_dir, require  # noqa: F401  (the split reads the data)
from extract.extractors.claims.checkworthiness import CheckworthinessModel, default_model
from extract.extractors.claims.rules import rule_score

BANDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


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
    print(f"{name:12} P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  AP {ap:.3f}  (threshold {threshold})")


def reliability(scores: list[float], labels: list[int]) -> None:
    """Per score band: sentences, mean score and share check-worthy; then the ECE."""
    print("\nreliability (held-out): band        n   mean score  share check-worthy")
    error = 0.0
    for low, high in itertools.pairwise(BANDS):
        members = [
            (s, y) for s, y in zip(scores, labels, strict=True) if low <= s < high or s == high == 1
        ]
        if not members:
            print(f"  {low:.1f}-{high:.1f}  {0:5d}")
            continue
        mean = sum(s for s, _ in members) / len(members)
        share = sum(y for _, y in members) / len(members)
        error += len(members) * abs(mean - share)
        print(f"  {low:.1f}-{high:.1f}  {len(members):5d}   {mean:10.3f}  {share:18.3f}")
    print(f"  expected calibration error {error / max(len(scores), 1):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, help="a model file other than the shipped one")
    parser.add_argument(
        "--profile",
        choices=["fast", "accurate"],
        default="fast",
        help="accurate: also the encoder alone and cascades, and their cost against spaCy "
        "(benchmarks/_accurate_eval.py)",
    )
    parser.add_argument("--cost-texts", type=int, default=40, help="PolNeAR dev texts timed")
    args = parser.parse_args()
    _, held_out = split()
    texts = [str(item["text"]) for item in held_out]
    labels = [int(str(item["label"])) for item in held_out]
    model = CheckworthinessModel.from_file(args.model) if args.model else default_model()
    print(f"ClaimBuster held-out: {len(texts)} sentences, {sum(labels)} check-worthy")
    scores = [model.score(t) for t in texts]
    report("model", scores, labels, model.threshold)
    report("rules only", [rule_score(t) for t in texts], labels, 0.5)
    reliability(scores, labels)
    if args.profile == "accurate":
        import _accurate_eval

        _accurate_eval.check_split([int(str(item["sentence_id"])) for item in held_out])
        _accurate_eval.quality(texts, labels, model)
        _accurate_eval.cost(model, args.cost_texts)


if __name__ == "__main__":
    main()
