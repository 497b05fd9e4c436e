"""The learned label correction: a small logistic regression over an entity's evidence.

`labels.entity_votes` weighs the text's cues with hand-set weights. The correction model
(models/label_correction.json, trained by benchmarks/train_label_correction.py on CoNLL-2003
eng.train) reads the same evidence (`label_features`) and gives each of PER, ORG, LOC, MISC a
probability. It overrules the rule vote only where the vote is unsure and the model is sure:
the rule's winning share of the votes is below `rule_share`, the model's best type differs from
the rule's and has at least `min_probability`. Both limits were chosen on part of eng.train.
Without the file the rules alone decide.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from extract.extractors.entities.label_features import CLASSES, FEATURE_NAMES, TO_CLASS
from extract.reconcile.cluster import vote_label
from extract.resources import models_dir

MODEL_FILE = "label_correction.json"
BACK_TO_LABEL = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE", "MISC": "NORP"}
"""The record's label for a type the model picks when no vote names a label of that type."""


@dataclass(frozen=True)
class CorrectionModel:
    """Weights (one row per class over FEATURE_NAMES) and the two limits of the override."""

    weights: tuple[tuple[float, ...], ...]
    min_probability: float
    rule_share: float
    matrix: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "matrix", np.array(self.weights, dtype=np.float64))

    def probabilities(self, features: Sequence[float]) -> dict[str, float]:
        """Softmax over the four types."""
        values = np.fromiter(features, dtype=np.float64, count=len(features))
        scores: list[float] = (self.matrix @ values).tolist()
        top = max(scores)
        exps = [math.exp(score - top) for score in scores]
        total = sum(exps)
        return {kind: value / total for kind, value in zip(CLASSES, exps, strict=True)}

    def decide(
        self, rule_label: str, votes: Mapping[str, float], features: Sequence[float]
    ) -> tuple[str, float]:
        """The label to keep and the model's probability of its type."""
        probabilities = self.probabilities(features)
        best = max(CLASSES, key=lambda kind: probabilities[kind])
        rule_kind = TO_CLASS.get(rule_label, "MISC")
        if best == rule_kind or probabilities[best] < self.min_probability:
            return rule_label, probabilities[rule_kind]
        if _winning_share(votes, rule_kind) >= self.rule_share:
            return rule_label, probabilities[rule_kind]
        return label_of_type(best, votes), probabilities[best]


def label_of_type(kind: str, votes: Mapping[str, float]) -> str:
    """The most-voted record label of a type ("FAC" for a venue), else the type's default."""
    voted = [(label, weight) for label, weight in votes.items() if TO_CLASS.get(label) == kind]
    return vote_label(voted) if voted else BACK_TO_LABEL[kind]


def _winning_share(votes: Mapping[str, float], kind: str) -> float:
    """The rule's type's share of all the (positive) votes."""
    total = sum(max(weight, 0.0) for weight in votes.values()) or 1.0
    own = sum(max(w, 0.0) for label, w in votes.items() if TO_CLASS.get(label, "MISC") == kind)
    return own / total


@cache
def default_correction() -> CorrectionModel | None:
    """models/label_correction.json, read once; None when absent or made for other features."""
    try:
        path = models_dir() / MODEL_FILE
    except FileNotFoundError:
        return None
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURE_NAMES or tuple(data["classes"]) != CLASSES:
        return None
    weights = tuple(tuple(float(w) for w in data["weights"][kind]) for kind in CLASSES)
    policy = data["policy"]
    return CorrectionModel(weights, float(policy["min_probability"]), float(policy["rule_share"]))
