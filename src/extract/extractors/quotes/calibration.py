"""How often each kind of speaker evidence is right: the calibration table behind
`Quote.speaker_confidence`.

The table (`models/speaker_calibration.json`) maps an evidence kind ("subject-name",
"pronoun-sole-known", "continuation", ...) to the share of such attributions that were right on
annotated data the rules were not written on, with add-one smoothing so a rare kind is never
certain. `benchmarks/train_speaker_calibration.py` rebuilds it and records where it came from.
A kind missing from the table gets `DEFAULT_CONFIDENCE`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from extract.resources import models_dir

CALIBRATION_FILE = "speaker_calibration.json"
DEFAULT_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Calibration:
    """Evidence kind -> probability that the chosen speaker is right."""

    confidence: dict[str, float] = field(default_factory=dict)
    source: str = ""

    def of(self, evidence: str) -> float:
        return self.confidence.get(evidence, DEFAULT_CONFIDENCE)

    def to_json(self) -> str:
        data = {"source": self.source, "confidence": dict(sorted(self.confidence.items()))}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Calibration:
        data = json.loads(text)
        return cls(
            {str(k): float(v) for k, v in data["confidence"].items()}, data.get("source", "")
        )

    @classmethod
    def read(cls, path: Path) -> Calibration:
        return cls.from_json(path.read_text(encoding="utf-8"))


@cache
def default_calibration() -> Calibration:
    """The bundled table, or an empty one (every kind at DEFAULT_CONFIDENCE) if it is absent."""
    path = models_dir() / CALIBRATION_FILE
    return Calibration.read(path) if path.is_file() else Calibration()


def smoothed(right: int, total: int) -> float:
    """Add-one (Laplace) estimate of a rate: never 0 or 1 from finite counts."""
    return round((right + 1) / (total + 2), 3)
