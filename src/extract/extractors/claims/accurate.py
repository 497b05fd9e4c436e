"""The accurate profile's check-worthiness scorer: all-MiniLM-L6-v2 fine-tuned on ClaimBuster.

An int8 ONNX graph (models/checkworthiness-minilm/, built by
`benchmarks/train_checkworthiness_accurate.py`) run by onnxruntime, with the `tokenizers`
tokenizer of the base model: no torch or transformers at run time. The score is calibrated like
the fast model's (Platt scaling fitted on a slice it was not trained on), so both read as "the
share of such sentences that are check-worthy". Sentences are sorted by length into batches
(less padding: about twice as fast as input order) and the session uses one thread, so that
worker processes, not threads, use the cores. Loaded on first use, once per process.

This module imports neither spaCy nor onnxruntime at the top: the manifest reads the model's
identity from here without loading anything.
"""

from __future__ import annotations

import importlib.util
import json
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from extract.errors import ExtractError, UsageError
from extract.models import Claim
from extract.resources import models_dir

MODEL_DIR = "checkworthiness-minilm"
META_FILE = "checkworthiness-minilm.json"
INSTALL_HINT = "pip install 'extract[accurate]'"
BATCH = 32
"""Sentences per ONNX call: large enough to amortise the call, small enough to pad little."""


class MissingDependencyError(ExtractError):
    """onnxruntime or tokenizers is not installed (the optional `accurate` extra)."""


def require_runtime() -> None:
    """Raise MissingDependencyError, naming the extra to install, when a runtime is missing."""
    missing = [name for name in ("onnxruntime", "tokenizers") if not _installed(name)]
    if missing:
        raise MissingDependencyError(
            f"the accurate profile needs {' and '.join(missing)}: {INSTALL_HINT} "
            "(or use the default fast profile)"
        )


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


@dataclass(frozen=True)
class ScorerInfo:
    """What the model file says about the model: calibration, threshold, identity."""

    threshold: float
    slope: float
    intercept: float
    max_length: int
    model_sha256: str

    @classmethod
    def read(cls, folder: Path) -> ScorerInfo:
        data = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        return cls(
            threshold=float(data["threshold"]),
            slope=float(data["calibration"]["slope"]),
            intercept=float(data["calibration"]["intercept"]),
            max_length=int(data["max_length"]),
            model_sha256=str(data["model_sha256"]),
        )


def model_folder() -> Path:
    return models_dir() / MODEL_DIR


def model_identity() -> str:
    """A short name of the shipped model for run fingerprints ("minilm:<sha256 prefix>")."""
    try:
        return f"minilm:{ScorerInfo.read(model_folder()).model_sha256[:16]}"
    except (OSError, ValueError, KeyError):
        return "minilm:missing"


class AccurateScorer:
    """Calibrated check-worthiness of many sentences at once."""

    def __init__(self, folder: Path) -> None:
        require_runtime()
        import onnxruntime
        from tokenizers import Tokenizer

        self.info = ScorerInfo.read(folder)
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(self.info.max_length)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(
            str(folder / "model.onnx"), options, providers=["CPUExecutionProvider"]
        )

    @property
    def threshold(self) -> float:
        return self.info.threshold

    def logits(self, texts: Sequence[str]) -> list[float]:
        """Raw model outputs in input order; batches are formed from length-sorted sentences."""
        import numpy as np

        rows = [encoding.ids for encoding in self.tokenizer.encode_batch(list(texts))]
        # By length, then text: the batches (and int8 activation scales, which are per batch)
        # depend on which sentences there are, never on their order.
        order = sorted(range(len(rows)), key=lambda i: (len(rows[i]), texts[i]))
        out = [0.0] * len(rows)
        for first in range(0, len(order), BATCH):
            chosen = order[first : first + BATCH]
            width = max(len(rows[i]) for i in chosen)
            ids = np.zeros((len(chosen), width), dtype=np.int64)
            mask = np.zeros((len(chosen), width), dtype=np.int64)
            for row, index in enumerate(chosen):
                ids[row, : len(rows[index])] = rows[index]
                mask[row, : len(rows[index])] = 1
            result: Any = self.session.run(["logit"], {"input_ids": ids, "attention_mask": mask})
            for row, index in enumerate(chosen):
                out[index] = float(result[0][row])
        return out

    def scores(self, texts: Sequence[str]) -> list[float]:
        """Calibrated probabilities that each text is a check-worthy factual statement."""
        return [self.calibrate(logit) for logit in self.logits(texts)]

    def calibrate(self, logit: float) -> float:
        value = self.info.slope * logit + self.info.intercept
        return 1.0 / (1.0 + math.exp(-max(min(value, 30.0), -30.0)))


@cache
def accurate_scorer() -> AccurateScorer:
    """The shipped scorer, loaded once per process."""
    return AccurateScorer(model_folder())


SCORERS = ("fast", "accurate")
PROFILE_ENV = "EXTRACT_PROFILE"
"""A run's profile is the claims scorer it uses: the profile "accurate" means scorer "accurate"."""


def resolve_profile(profile: str | None = None) -> str:
    """The profile to use: the explicit one, else $EXTRACT_PROFILE, else "fast"."""
    chosen = profile or os.environ.get(PROFILE_ENV) or "fast"
    if chosen not in SCORERS:
        raise UsageError(f"unknown profile {chosen!r}; use {' or '.join(SCORERS)}")
    return chosen


DEFAULT_BAND = 1.0
"""Half-width, on the fast model's calibrated score, of the band around its threshold that the
encoder re-scores; 1.0 re-scores every sentence. Measured (`benchmarks/claims_eval.py --profile
accurate`, README): a band of 0.2 flags as well (held-out F1 0.79) at about a quarter of the
encoder's cost, but ranks worse (AP 0.85 vs 0.89); the accurate profile is for quality, so it
re-scores everything and `band = 0.2` in the component config selects the cascade."""


@dataclass(frozen=True)
class Cascade:
    """The fast model scores every sentence; the encoder re-scores those near its threshold."""

    fast_threshold: float
    band: float
    threshold: float | None = None
    """Minimum re-scored check-worthiness; None: the encoder's own threshold."""

    def wants(self, fast_score: float) -> bool:
        """Is the fast score close enough to the fast threshold to be worth the encoder?"""
        return abs(fast_score - self.fast_threshold) <= self.band

    def rescore(self, claims: list[Claim], deferred: list[int]) -> list[Claim]:
        """`claims` with those at `deferred` indices re-scored by the encoder in one batch
        call; the ones below the threshold dropped, the others' check-worthiness replaced."""
        if not deferred:
            return claims
        scorer = accurate_scorer()
        threshold = scorer.threshold if self.threshold is None else self.threshold
        new = dict(zip(deferred, scorer.scores([claims[i].text for i in deferred]), strict=True))
        kept = []
        for index, claim in enumerate(claims):
            if index in new:
                if new[index] < threshold:
                    continue
                claim = claim.model_copy(update={"checkworthiness": round(new[index], 4)})
            kept.append(claim)
        return kept


def cascade_for(fast_threshold: float, band: float | None, threshold: float | None) -> Cascade:
    """The accurate scorer's cascade; fails now (not per article) when a runtime is missing."""
    require_runtime()
    if band is not None and not 0.0 <= band <= 1.0:
        raise ValueError(f"band must be between 0 and 1, got {band}")
    return Cascade(fast_threshold, DEFAULT_BAND if band is None else band, threshold)
