"""Where the project's curated artefacts (models/: lexicons, patterns, configs) are found.

The folder is `models/` at the top of the checkout (the package is installed editable), or the
folder named by EXTRACT_MODELS_DIR for installs that keep it elsewhere.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

MODELS_ENV = "EXTRACT_MODELS_DIR"


def models_dir() -> Path:
    """The artefacts folder; raises FileNotFoundError with the fix when it cannot be found."""
    configured = os.environ.get(MODELS_ENV)
    candidate = Path(configured) if configured else Path(__file__).resolve().parents[2] / "models"
    if not candidate.is_dir():
        raise FileNotFoundError(
            f"cannot find the extract artefacts folder {candidate}; set {MODELS_ENV} to the "
            "'models' folder of an extract checkout"
        )
    return candidate


def default_decisions() -> Path | None:
    """models/decisions.jsonl, the project's standing decisions, when the checkout has one."""
    try:
        path = models_dir() / "decisions.jsonl"
    except FileNotFoundError:
        return None
    return path if path.is_file() else None


@dataclass(frozen=True)
class RoleLexicon:
    """Role and title words by kind: `person` (actress), `honorific` (Dr), `org` (agency)."""

    kinds: dict[str, frozenset[str]] = field(default_factory=dict)

    def kinds_of(self, word: str) -> frozenset[str]:
        return self.kinds.get(word.lower().rstrip("."), frozenset())

    def is_role(self, word: str) -> bool:
        return bool(self.kinds_of(word))

    def to_lines(self) -> list[str]:
        return [
            f"{word}\t{kind}" for word in sorted(self.kinds) for kind in sorted(self.kinds[word])
        ]

    @classmethod
    def from_lines(cls, lines: list[str]) -> RoleLexicon:
        kinds: dict[str, set[str]] = {}
        for raw in lines:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            word, _, kind = line.partition("\t")
            kinds.setdefault(word.strip().lower(), set()).add(kind.strip() or "person")
        return cls({word: frozenset(found) for word, found in kinds.items()})


ROLE_LEXICON_FILE = "roles.tsv"


@cache
def default_role_lexicon() -> RoleLexicon:
    """The curated role lexicon in models/roles.tsv (read once per process)."""
    path = models_dir() / ROLE_LEXICON_FILE
    return RoleLexicon.from_lines(path.read_text(encoding="utf-8").splitlines())
