"""Batch runs: a corpus folder in, articles.jsonl, errors.jsonl and manifest.json out.

Ingestion failures and extraction failures both become ErrorRecords; a batch that fails is
retried one article at a time so one bad document cannot take its neighbours down.
"""

from __future__ import annotations

import platform
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from extract.ingest import DEFAULT_MAX_BYTES, iter_corpus
from extract.models import Article, ArticleRecord, ErrorRecord, Manifest
from extract.pipeline import Pipeline
from extract.records import write_json, write_jsonl

ARTICLES_FILE = "articles.jsonl"
ERRORS_FILE = "errors.jsonl"
MANIFEST_FILE = "manifest.json"

ProgressCallback = Callable[[int, int], None]
"""Called as progress(done, total) after each article."""


@dataclass(frozen=True)
class RunSettings:
    """The settings of a batch run; recorded in the manifest."""

    model: str
    workers: int = 1
    batch_size: int = 32
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass
class RunSummary:
    """What a run did, for the CLI's exit code and message."""

    articles: int
    errors: int
    out_dir: Path
    elapsed: float
    error_records: list[ErrorRecord] = field(default_factory=list)


def run_corpus(
    corpus: Path,
    out_dir: Path,
    settings: RunSettings,
    *,
    progress: ProgressCallback | None = None,
) -> RunSummary:
    """Extract every article under `corpus` and write the output files into `out_dir`."""
    started = time.perf_counter()
    articles: list[Article] = []
    errors: list[ErrorRecord] = []
    for item in iter_corpus(corpus, max_bytes=settings.max_bytes):
        if isinstance(item, ErrorRecord):
            errors.append(item)
        else:
            articles.append(item)
    ingested = time.perf_counter()

    pipeline = Pipeline(settings.model, batch_size=settings.batch_size)
    nlp_limit = pipeline.nlp.max_length
    records: list[ArticleRecord] = []
    runnable = []
    for article in articles:
        if len(article.text) > nlp_limit:
            errors.append(_too_long(article, nlp_limit))
        else:
            runnable.append(article)
    for done, result in enumerate(_extract_all(pipeline, runnable, settings.workers), start=1):
        if isinstance(result, ErrorRecord):
            errors.append(result)
        else:
            records.append(result)
        if progress is not None:
            progress(done, len(runnable))
    extracted = time.perf_counter()

    records.sort(key=lambda record: record.id)
    errors.sort(key=lambda error: (error.path, error.line or 0))
    write_jsonl(out_dir / ARTICLES_FILE, records)
    write_jsonl(out_dir / ERRORS_FILE, errors)
    finished = time.perf_counter()
    manifest = build_manifest(
        pipeline,
        settings,
        counts={
            "articles": len(records),
            "errors": len(errors),
            "entities": sum(len(record.entities) for record in records),
            "mentions": sum(len(e.mentions) for record in records for e in record.entities),
        },
        timings={
            "ingest_seconds": round(ingested - started, 3),
            "extract_seconds": round(extracted - ingested, 3),
            "write_seconds": round(finished - extracted, 3),
            "total_seconds": round(finished - started, 3),
        },
    )
    write_json(out_dir / MANIFEST_FILE, manifest.model_dump())
    return RunSummary(
        articles=len(records),
        errors=len(errors),
        out_dir=out_dir,
        elapsed=finished - started,
        error_records=errors,
    )


def _extract_all(
    pipeline: Pipeline, articles: list[Article], workers: int
) -> Iterator[ArticleRecord | ErrorRecord]:
    """Records in input order; a failing batch is redone article by article."""
    size = max(pipeline.batch_size * max(workers, 1), 1)
    for offset in range(0, len(articles), size):
        chunk = articles[offset : offset + size]
        try:
            yield from list(pipeline.process(chunk, n_process=workers))
        except Exception:  # one bad document: isolate it below
            for article in chunk:
                try:
                    yield pipeline.extract(article)
                except Exception as exc:
                    yield ErrorRecord(
                        path=article.source or article.id,
                        reason="extraction_failed",
                        message=f"extraction failed for article {article.id!r}: {exc}",
                    )


def _too_long(article: Article, limit: int) -> ErrorRecord:
    return ErrorRecord(
        path=article.source or article.id,
        reason="too_large",
        message=f"article {article.id!r} has {len(article.text):,} characters, over the model's "
        f"limit of {limit:,}",
    )


def build_manifest(
    pipeline: Pipeline,
    settings: RunSettings,
    *,
    counts: dict[str, int],
    timings: dict[str, float],
) -> Manifest:
    """The manifest: versions, model, settings, counts and timings of a run."""
    meta = pipeline.nlp.meta
    return Manifest(
        extract_version=package_version("extract"),
        spacy_version=package_version("spacy"),
        model=settings.model,
        model_version=f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}",
        settings={
            "workers": settings.workers,
            "batch_size": settings.batch_size,
            "max_bytes": settings.max_bytes,
            "python": platform.python_version(),
            "components": ",".join(pipeline.nlp.pipe_names),
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
