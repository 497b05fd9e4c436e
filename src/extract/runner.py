"""Batch runs: a corpus folder in, articles.jsonl, entities.jsonl, errors.jsonl, manifest.json out.

A run survives bad input, kills, re-runs and overlapping runs:
  * ingestion and extraction failures become ErrorRecords (one bad article never takes down a
    run); the output folder is locked for the run (`extract.runlock`);
  * every extracted record goes to the record cache as soon as its chunk is done
    (`extract.cache`), so the next identical command resumes where a killed run stopped;
  * when nothing that decides the outputs changed (articles, model, versions, decisions, and
    the output files themselves), the run stops after reading the corpus: no model, no
    registry, no writes;
  * output files are written whole and renamed into place, so they are always valid.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from extract.cache import RecordCache, cache_key
from extract.decisions import read_rulings
from extract.engines import check_engine, open_engine
from extract.errors import UsageError
from extract.ingest import iter_corpus
from extract.ingest.corpus import corpus_exists
from extract.layout import (
    ARTICLES_FILE,
    DECISIONS_FILE,
    ENTITIES_FILE,
    ERRORS_FILE,
    MANIFEST_FILE,
    OUTPUT_FILES,
    REGISTRY_STORE,
)
from extract.manifest import (
    RunSettings,
    build_manifest,
    default_workers,
    read_manifest,
    run_fingerprint,
)
from extract.models import Article, ArticleRecord, ErrorRecord
from extract.records import atomic_write_text, model_lines, write_json, write_jsonl
from extract.runlock import RunLock

if TYPE_CHECKING:
    from extract.pipeline import Pipeline

MAX_CHARS = 1_000_000
"""Articles longer than this (spaCy's default max_length) are refused as too_large."""

ProgressCallback = Callable[[int, int], None]
"""Called as progress(done, total) after each chunk of articles."""


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
    unchanged: bool = False
    """Nothing had changed since the last run: no file was written."""


def run_corpus(
    corpus: Path | str,
    out_dir: Path,
    settings: RunSettings,
    *,
    progress: ProgressCallback | None = None,
) -> RunSummary:
    """Extract every article under `corpus` (a folder, or a folder URL fsspec reads) and write
    the output files into `out_dir`."""
    if not corpus_exists(corpus):
        raise UsageError(f"corpus folder {str(corpus)!r} does not exist or is not a folder")
    check_engine(settings.engine, settings.scheduler)
    with RunLock(out_dir, wait=settings.wait):
        return _run(corpus, out_dir, settings, progress)


def _run(
    corpus: Path | str, out_dir: Path, settings: RunSettings, progress: ProgressCallback | None
) -> RunSummary:
    started = time.perf_counter()
    store = _registry_store(out_dir, settings.registry_store)
    decision_files = [settings.decisions, out_dir / DECISIONS_FILE]
    rulings = read_rulings(decision_files)  # a bad decisions file fails now, not after hours
    articles, errors = _ingest(corpus, settings.max_bytes)
    fingerprint = run_fingerprint(settings.model, settings.profile)
    keys = {article.id: cache_key(article, fingerprint) for article in articles}
    digest = inputs_digest(keys, errors, decision_files, fingerprint)
    if not settings.force and _unchanged(out_dir, digest):
        if progress is not None:
            progress(len(articles), len(articles))
        return RunSummary(
            articles=len(articles),
            errors=len(errors),
            extracted=0,
            cached=len(articles),
            out_dir=out_dir,
            elapsed=time.perf_counter() - started,
            error_records=errors,
            unchanged=True,
        )
    ingested = time.perf_counter()

    cache = RecordCache(out_dir, reset=settings.force)
    todo = [article for article in articles if keys[article.id] not in cache]
    pipeline, workers = _extract_into(cache, todo, keys, errors, settings, len(articles), progress)
    extracted = time.perf_counter()

    cached = [cache.get(keys[a.id]) for a in sorted(articles, key=lambda a: a.id)]
    from extract.reconcile.corpus import reconcile_corpus  # not needed on the unchanged path

    # Validated once, here: a cached record that breaks the schema fails loudly before the
    # corpus step, which then works on typed records only.
    typed = [ArticleRecord.model_validate(record) for record in cached if record is not None]
    records, registry = reconcile_corpus(typed, out_dir / ENTITIES_FILE, rulings, store=store)
    errors.sort(key=lambda error: (error.path, error.line or 0))
    contents = {ARTICLES_FILE: model_lines(records), ENTITIES_FILE: model_lines(registry)}
    for name, text in contents.items():
        atomic_write_text(out_dir / name, text)
    write_jsonl(out_dir / ERRORS_FILE, errors)
    cache.compact(keys[a.id] for a in articles)
    finished = time.perf_counter()
    failed = sum(1 for e in errors if e.reason == "extraction_failed")
    counts = {
        "articles": len(records),
        "errors": len(errors),
        "extracted": len(todo) - failed,
        "cached": len(articles) - len(todo),
        "entities": len(registry),
        "entity_mentions": sum(len(e.mentions) for r in records for e in r.entities),
        "dates": sum(len(r.dates) for r in records),
        "quotes": sum(len(r.quotes) for r in records),
        "warnings": sum(len(r.warnings) for r in records),
    }
    manifest = build_manifest(
        pipeline,
        replace(settings, workers=workers),
        counts=counts,
        timings={
            "ingest_seconds": round(ingested - started, 3),
            "extract_seconds": round(extracted - ingested, 3),
            "write_seconds": round(finished - extracted, 3),
            "total_seconds": round(finished - started, 3),
        },
        inputs_digest=digest,
        outputs={name: file_digest(out_dir / name) for name in OUTPUT_FILES},
    )
    write_json(out_dir / MANIFEST_FILE, manifest.model_dump())
    return RunSummary(
        articles=len(records),
        errors=len(errors),
        extracted=counts["extracted"],
        cached=counts["cached"],
        out_dir=out_dir,
        elapsed=finished - started,
        error_records=errors,
    )


def _ingest(corpus: Path | str, max_bytes: int) -> tuple[list[Article], list[ErrorRecord]]:
    articles: list[Article] = []
    errors: list[ErrorRecord] = []
    for item in iter_corpus(corpus, max_bytes=max_bytes):
        if isinstance(item, ErrorRecord):
            errors.append(item)
        elif len(item.text) > MAX_CHARS:
            errors.append(_too_long(item))
        else:
            articles.append(item)
    return articles, errors


def _extract_into(
    cache: RecordCache,
    todo: list[Article],
    keys: dict[str, str],
    errors: list[ErrorRecord],
    settings: RunSettings,
    total: int,
    progress: ProgressCallback | None,
) -> tuple[Pipeline | None, int]:
    """Extract `todo`, journalling each record in `cache` the moment its chunk is done; the
    pipeline (None when nothing was extracted) and the number of processes used."""
    done = total - len(todo)
    if progress is not None:
        progress(done, total)
    if not todo:
        cache.close()
        return None, 0
    from functools import partial

    from extract.pipeline import Pipeline
    from extract.workers import choose_workers, extract_all

    pipeline = Pipeline(settings.model, batch_size=settings.batch_size, profile=settings.profile)
    pipeline.nlp  # noqa: B018 -- load now: a missing model is a usage error, not N failures
    workers = settings.workers or choose_workers(default_workers(), len(todo))
    workers = max(1, min(workers, len(todo)))
    factory = partial(
        Pipeline, settings.model, batch_size=settings.batch_size, profile=settings.profile
    )
    engine = open_engine(
        settings.engine,
        workers=workers,
        extractor=pipeline,
        factory=factory,
        scheduler=settings.scheduler,
    )
    try:
        with engine as running:
            for results in extract_all(
                pipeline, todo, batch_size=settings.batch_size, engine=running
            ):
                for result in results:
                    if isinstance(result, ErrorRecord):
                        errors.append(result)
                    else:
                        cache.add(keys[result["id"]], result)
                done += len(results)
                if progress is not None:
                    progress(done, total)
            workers = running.workers
    finally:
        cache.close()
    return pipeline, workers


def _registry_store(out_dir: Path, wanted: bool | None) -> Path:
    """The store file, started (an empty file) or dropped as the run asks."""
    store = out_dir / REGISTRY_STORE
    if wanted is True and not store.exists():
        store.touch()
    elif wanted is False:
        store.unlink(missing_ok=True)
    return store


def inputs_digest(
    keys: dict[str, str],
    errors: list[ErrorRecord],
    decision_files: list[Path | None],
    fingerprint: str,
) -> str:
    """A digest of everything the output files depend on besides the previous registry."""
    decisions = [
        (str(path), path.read_bytes().decode("utf-8", "replace"))
        for path in decision_files
        if path is not None and path.is_file()
    ]
    payload = json.dumps(
        [
            fingerprint,
            sorted(keys.items()),
            sorted(e.model_dump_json() for e in errors),
            decisions,
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes ("" when it does not exist)."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


def _unchanged(out_dir: Path, digest: str) -> bool:
    """The last run had the same inputs and its output files are as it wrote them."""
    manifest = read_manifest(out_dir / MANIFEST_FILE)
    if manifest is None or manifest.inputs_digest != digest:
        return False
    return all(
        manifest.outputs.get(name) == file_digest(out_dir / name) and manifest.outputs.get(name)
        for name in OUTPUT_FILES
    )


def _too_long(article: Article) -> ErrorRecord:
    return ErrorRecord(
        path=article.source or article.id,
        reason="too_large",
        message=f"article {article.id!r} has {len(article.text):,} characters, over the limit "
        f"of {MAX_CHARS:,}; split it into smaller articles",
    )
