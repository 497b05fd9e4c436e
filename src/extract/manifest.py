"""The manifest of a run: versions, model, settings, counts, timings, and the digests that let
the next run see that nothing changed. Reading it needs no spaCy."""

from __future__ import annotations

import json
import os
import platform
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from extract.ingest.corpus import DEFAULT_MAX_BYTES
from extract.models import SCHEMA_VERSION, Manifest

if TYPE_CHECKING:
    from extract.pipeline import Pipeline


@dataclass(frozen=True)
class RunSettings:
    """The settings of a batch run; recorded in the manifest."""

    model: str
    workers: int | None = 1
    """Worker processes; None chooses from the measured parallelism of the machine."""
    batch_size: int = 32
    max_bytes: int = DEFAULT_MAX_BYTES
    force: bool = False
    decisions: Path | None = None
    wait: bool = False
    """Wait for another run holding the output folder instead of stopping at once."""
    engine: str = "local"
    """Where the per-article work runs (`extract.engines`); never part of the inputs digest."""
    scheduler: str | None = None
    """A running Dask scheduler's address (the dask engine); None starts a local cluster."""
    profile: str = "fast"
    """The claims scorer: "fast" or "accurate" (`extract.extractors.claims.accurate`)."""
    registry_store: bool | None = None
    """Keep the registry's on-disk store (True starts one, False drops it); None keeps using
    one the output folder already has. Never part of the inputs digest: it never changes an
    output."""


def run_fingerprint(model: str, profile: str = "fast") -> str:
    """What, besides the article, decides a record: versions, the model and, for the accurate
    profile, its scorer's model (the fast profile's fingerprint is as before profiles)."""
    parts = [
        SCHEMA_VERSION,
        package_version("extract"),
        package_version("spacy"),
        model,
        model_version(model),
    ]
    if profile != "fast":
        from extract.extractors.claims.accurate import model_identity

        parts += [profile, model_identity()]
    return "|".join(parts)


def model_version(model: str) -> str:
    """The installed model's version, read without loading the model."""
    path = Path(model)
    if path.is_dir() and (path / "meta.json").is_file():
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        return f"{meta.get('name', '')}-{meta.get('version', '')}"
    for name in (model, model.replace("_", "-")):
        found = package_version(name)
        if found != "unknown":
            return found
    return "unknown"


def package_version(name: str) -> str:
    """Installed version of a distribution, or "unknown" when run from a bare source tree."""
    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


def build_manifest(
    pipeline: Pipeline | None,
    settings: RunSettings,
    *,
    counts: dict[str, int],
    timings: dict[str, float],
    inputs_digest: str | None = None,
    outputs: dict[str, str] | None = None,
) -> Manifest:
    """The manifest of a run that loaded `pipeline` (None: everything came from the cache)."""
    return Manifest(
        extract_version=package_version("extract"),
        spacy_version=package_version("spacy"),
        model=settings.model,
        model_version=model_version(settings.model),
        settings={
            "engine": settings.engine,
            "profile": settings.profile,
            "workers": settings.workers,
            "batch_size": settings.batch_size,
            "max_bytes": settings.max_bytes,
            "force": settings.force,
            "decisions": str(settings.decisions) if settings.decisions else None,
            "python": platform.python_version(),
            "components": ",".join(pipeline.nlp.pipe_names) if pipeline else "not loaded",
        },
        counts=counts,
        timings=timings,
        inputs_digest=inputs_digest,
        outputs=outputs or {},
    )


def read_manifest(path: Path) -> Manifest | None:
    """The manifest at `path`, or None when there is none or it is damaged."""
    try:
        return Manifest.model_validate_json(path.read_bytes())
    except (OSError, ValidationError, ValueError):
        return None


def default_workers() -> int:
    """The cores the scheduler gives us (an upper bound; see `workers.choose_workers`)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return max(os.cpu_count() or 1, 1)
