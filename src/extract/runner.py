"""Batch runs: a corpus folder in, articles.jsonl, errors.jsonl and manifest.json out.

A run survives bad input, kills and re-runs:
  * ingestion and extraction failures become ErrorRecords; a batch that fails is redone one
    article at a time so one bad document cannot take its neighbours down;
  * every extracted record goes to the record cache as soon as it exists (`extract.cache`), so
    the next identical command resumes where a killed run stopped, and an unchanged corpus is
    not extracted again (the spaCy model is not even loaded);
  * output files are written whole and renamed into place, so they are always valid.
"""

from __future__ import annotations

import json
import os
import platform
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from extract.cache import RecordCache, cache_key, canonical_json
from extract.decisions import Rulings, apply_rejections, read_rulings
from extract.ingest import DEFAULT_MAX_BYTES, iter_corpus
from extract.models import SCHEMA_VERSION, Article, ErrorRecord, Manifest
from extract.pipeline import Pipeline
from extract.reconcile.registry import build_registry, previous_ids, with_corpus_ids
from extract.records import atomic_write_text, read_json_lines, write_json, write_jsonl
from extract.workers import batched, extract_batch, extract_in_workers

ARTICLES_FILE = "articles.jsonl"
ENTITIES_FILE = "entities.jsonl"
ERRORS_FILE = "errors.jsonl"
MANIFEST_FILE = "manifest.json"
DECISIONS_FILE = "decisions.jsonl"
"""Reviewer decisions kept beside a run's output (`extract same|different|reject` write here)."""
MAX_CHARS = 1_000_000
"""Articles longer than this (spaCy's default max_length) are refused as too_large."""

ProgressCallback = Callable[[int, int], None]
"""Called as progress(done, total) after each article."""


@dataclass(frozen=True)
class RunSettings:
    """The settings of a batch run; recorded in the manifest."""

    model: str
    workers: int = 1
    batch_size: int = 32
    max_bytes: int = DEFAULT_MAX_BYTES
    force: bool = False
    decisions: Path | None = None


@dataclass
class RunSummary:
    """What a run did, for the CLI's exit code and message."""

    articles: int
    errors: int
    extracted: int
    cached: int
    out_dir: Path
    elapsed: float
    error_records: list[ErrorRecord] = field(default_factory=list)


def default_workers() -> int:
    """One process per core."""
    return max(os.cpu_count() or 1, 1)


def run_corpus(
    corpus: Path,
    out_dir: Path,
    settings: RunSettings,
    *,
    progress: ProgressCallback | None = None,
) -> RunSummary:
    """Extract every article under `corpus` and write the output files into `out_dir`."""
    started = time.perf_counter()
    rulings = read_rulings([settings.decisions, out_dir / DECISIONS_FILE])  # bad file: fail now
    articles: list[Article] = []
    errors: list[ErrorRecord] = []
    for item in iter_corpus(corpus, max_bytes=settings.max_bytes):
        if isinstance(item, ErrorRecord):
            errors.append(item)
        elif len(item.text) > MAX_CHARS:
            errors.append(_too_long(item))
        else:
            articles.append(item)
    ingested = time.perf_counter()

    fingerprint = run_fingerprint(settings)
    keys = {article.id: cache_key(article, fingerprint) for article in articles}
    cache = RecordCache(out_dir, reset=settings.force)
    todo = [article for article in articles if keys[article.id] not in cache]
    pipeline = Pipeline(settings.model, batch_size=settings.batch_size)
    if todo:
        pipeline.nlp  # noqa: B018 -- load now: a missing model is a usage error, not N failures
    try:
        done = len(articles) - len(todo)
        if progress is not None:
            progress(done, len(articles))
        for result in _extract_all(pipeline, todo, _processes(settings, len(todo))):
            if isinstance(result, ErrorRecord):
                errors.append(result)
            else:
                cache.add(keys[result["id"]], result)
            done += 1
            if progress is not None:
                progress(done, len(articles))
    finally:
        cache.close()
    extracted = time.perf_counter()

    cached = [cache.get(keys[a.id]) for a in sorted(articles, key=lambda a: a.id)]
    records, registry = reconcile(
        [record for record in cached if record is not None], out_dir, rulings
    )
    lines = [canonical_json(record) + "\n" for record in records]
    errors.sort(key=lambda error: (error.path, error.line or 0))
    atomic_write_text(out_dir / ARTICLES_FILE, "".join(lines))
    atomic_write_text(out_dir / ENTITIES_FILE, "".join(canonical_json(e) + "\n" for e in registry))
    write_jsonl(out_dir / ERRORS_FILE, errors)
    cache.compact(keys[a.id] for a in articles)
    finished = time.perf_counter()
    counts = {
        "articles": len(lines),
        "errors": len(errors),
        "extracted": len(todo) - sum(1 for e in errors if e.reason == "extraction_failed"),
        "cached": len(articles) - len(todo),
        "entities": len(registry),
        "entity_mentions": sum(len(e["mentions"]) for r in records for e in r["entities"]),
        "dates": sum(len(r["dates"]) for r in records),
        "quotes": sum(len(r["quotes"]) for r in records),
    }
    manifest = build_manifest(
        pipeline if todo else None,
        settings,
        counts=counts,
        timings={
            "ingest_seconds": round(ingested - started, 3),
            "extract_seconds": round(extracted - ingested, 3),
            "write_seconds": round(finished - extracted, 3),
            "total_seconds": round(finished - started, 3),
        },
    )
    write_json(out_dir / MANIFEST_FILE, manifest.model_dump())
    return RunSummary(
        articles=len(lines),
        errors=len(errors),
        extracted=counts["extracted"],
        cached=counts["cached"],
        out_dir=out_dir,
        elapsed=finished - started,
        error_records=errors,
    )


def reconcile(
    records: list[dict[str, Any]], out_dir: Path, rulings: Rulings
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Corpus ids for every entity (stable against the previous entities.jsonl), with the
    reviewer's rejections applied: spans before the registry is built, whole entities after."""
    previous_file = out_dir / ENTITIES_FILE
    previous: dict[str, str] = {}
    if previous_file.is_file():
        previous = previous_ids(read_json_lines(previous_file))
    rejected = rulings.rejected
    records = [apply_rejections(record, rejected) for record in records]
    registry, mapping = build_registry(records, previous=previous, decisions=rulings.names)
    final = [
        apply_rejections(with_corpus_ids(record, mapping, rulings.names), rejected)
        for record in records
    ]
    return final, [entry for entry in registry if entry["id"] not in rejected]


def _processes(settings: RunSettings, work: int) -> int:
    """Worker processes worth starting: each loads the model, so small jobs use one."""
    return max(1, min(settings.workers, work // max(settings.batch_size, 1)))


def _extract_all(
    pipeline: Pipeline, articles: list[Article], workers: int
) -> Iterator[dict[str, Any] | ErrorRecord]:
    """Records in input order, batch by batch; see `extract.workers` for the isolation."""
    batches = batched(articles, pipeline.batch_size)
    if workers > 1:
        for results in extract_in_workers(pipeline, batches, workers):
            yield from results
    else:
        for batch in batches:
            yield from extract_batch(pipeline, batch)


def _too_long(article: Article) -> ErrorRecord:
    return ErrorRecord(
        path=article.source or article.id,
        reason="too_large",
        message=f"article {article.id!r} has {len(article.text):,} characters, over the limit "
        f"of {MAX_CHARS:,}; split it into smaller articles",
    )


def run_fingerprint(settings: RunSettings) -> str:
    """What, besides the article, decides a record: versions and the model."""
    return "|".join(
        [
            SCHEMA_VERSION,
            package_version("extract"),
            package_version("spacy"),
            settings.model,
            model_version(settings.model),
        ]
    )


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


def build_manifest(
    pipeline: Pipeline | None,
    settings: RunSettings,
    *,
    counts: dict[str, int],
    timings: dict[str, float],
) -> Manifest:
    """The manifest: versions, model, settings, counts and timings of a run."""
    return Manifest(
        extract_version=package_version("extract"),
        spacy_version=package_version("spacy"),
        model=settings.model,
        model_version=model_version(settings.model),
        settings={
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
    )


def package_version(name: str) -> str:
    """Installed version of a distribution, or "unknown" when run from a bare source tree."""
    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"
