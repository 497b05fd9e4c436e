"""The one batch driver: articles in, records (or error records) out, in one or more processes.

Why not spaCy's `nlp.pipe(n_process=N)`: it tokenises in the parent and ships whole Docs both
ways, which is dearer than all of our extraction steps together. Here the parent sends
Articles and gets back records as plain data; inside a worker, chunks go through `nlp.pipe`.

Guarantees, the same with one process or many:
  * one failing article becomes an `extraction_failed` ErrorRecord; its chunk's other articles
    are redone one by one, so one bad document never takes its neighbours down;
  * results arrive chunk by chunk as soon as each chunk is done (completion order, not input
    order), so a caller can journal every finished record before the next one is started;
  * a worker that dies (killed, out of memory) leaves its chunk and the rest to the parent;
  * workers die with their parent, however it dies (SIGKILL included): a parent-death signal
    where the kernel has one, and a watchdog thread everywhere.
This module imports no pipeline: whatever extracts is passed in (`Extractor`), so there is no
import cycle with `extract.pipeline`.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, Protocol

from extract.models import Article, ErrorRecord

Result = dict[str, Any] | ErrorRecord
"""A record as plain data, or the error that replaced it."""

IN_FLIGHT_PER_WORKER = 2
WATCHDOG_SECONDS = 0.5


class Extractor(Protocol):
    """What the driver needs of a pipeline: records, as plain data, for a list of articles."""

    def process_data(self, articles: Iterable[Article]) -> Iterator[dict[str, Any]]: ...


def batched(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Lists of at most `size` articles, in order."""
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def chunk_size(articles: int, workers: int, batch_size: int) -> int:
    """Articles per unit of work: at most `batch_size`, and small enough that each worker gets
    several chunks, so a kill loses little and the journal fills steadily."""
    return max(1, min(batch_size, -(-articles // (max(workers, 1) * 8))))


SMALL_JOB = 64
"""Jobs smaller than this run in one process: a worker's start-up would not pay back."""


def choose_workers(cpus: int, articles: int) -> int:
    """How many processes to use: one per physical core among the CPUs we may use, and one
    for small jobs. Two hyperthreads of one core run two CPU-bound processes barely faster
    than one, and then the second process's scheduling and model copy make the whole run
    slower; a timed probe was tried instead and proved too noisy on shared virtual machines
    (the same machine measured ×1.1 to ×2.5 within a minute)."""
    if articles < SMALL_JOB:
        return 1
    return max(1, min(cpus, physical_cores()))


def physical_cores() -> int:
    """Distinct (package, core) pairs among the CPUs this process may run on (Linux sysfs);
    elsewhere the CPU count."""
    try:
        allowed = sorted(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
    cores: set[tuple[str, str]] = set()
    for cpu in allowed:
        topology = Path(f"/sys/devices/system/cpu/cpu{cpu}/topology")
        try:
            package = (topology / "physical_package_id").read_text().strip()
            core = (topology / "core_id").read_text().strip()
        except OSError:
            return len(allowed)
        cores.add((package, core))
    return max(len(cores), 1)


def extract_batch(extractor: Extractor, batch: list[Article]) -> list[Result]:
    """Records for a chunk; when it fails, each article is redone alone."""
    try:
        return list(extractor.process_data(batch))
    except Exception:  # isolate the bad document below
        results: list[Result] = []
        for article in batch:
            try:
                results.extend(extractor.process_data([article]))
            except Exception as exc:
                results.append(
                    ErrorRecord(
                        path=article.source or article.id,
                        reason="extraction_failed",
                        message=f"extraction failed for article {article.id!r}: "
                        f"{type(exc).__name__}: {exc}",
                    )
                )
        return results


class Engine(Protocol):
    """Where the chunks run (`extract.engines`): each chunk's results as soon as it is done,
    its failing articles isolated by `extract_batch`, whatever machinery runs it."""

    workers: int
    """Chunks processed at once; the driver sizes chunks by it."""

    def run(
        self, extractor: Extractor, chunks: Iterator[list[Article]]
    ) -> Iterator[list[Result]]: ...


class LocalEngine:
    """This machine: in this process, or in forked worker processes (the default engine)."""

    def __init__(self, workers: int = 1, factory: Callable[[], Extractor] | None = None) -> None:
        self.workers = max(1, workers)
        self.factory = factory

    def run(self, extractor: Extractor, chunks: Iterator[list[Article]]) -> Iterator[list[Result]]:
        if self.workers <= 1:
            for chunk in chunks:
                yield extract_batch(extractor, chunk)
            return
        yield from _in_workers(extractor, chunks, self.workers, self.factory)


def extract_all(
    extractor: Extractor,
    articles: list[Article],
    *,
    workers: int = 1,
    batch_size: int = 32,
    factory: Callable[[], Extractor] | None = None,
    engine: Engine | None = None,
) -> Iterator[list[Result]]:
    """Each chunk's results as soon as the chunk is done, in completion order: the one driver of
    every engine. Without `engine`, the local one: with `workers` > 1 the chunks go to worker
    processes (forked where the platform can, so the loaded model is shared; else each worker
    builds its own extractor with `factory`)."""
    engine = engine or LocalEngine(workers, factory)
    chunks = batched(articles, chunk_size(len(articles), engine.workers, batch_size))
    yield from engine.run(extractor, chunks)


_WORKER_EXTRACTOR: Extractor | None = None


def _start_worker(parent: int, factory: Callable[[], Extractor] | None) -> None:
    """Worker start-up: die with the parent, then make sure there is an extractor."""
    global _WORKER_EXTRACTOR
    die_with_parent(parent)
    if _WORKER_EXTRACTOR is None:  # spawned, not forked
        if factory is None:
            raise RuntimeError("a spawned worker needs an extractor factory")
        _WORKER_EXTRACTOR = factory()


def die_with_parent(parent: int) -> None:
    """Exit when the parent process is gone: orphans would hold a model's memory for ever."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCHDOG_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="extract-parent-watchdog", daemon=True).start()


def _work(batch: list[Article]) -> list[Result]:
    assert _WORKER_EXTRACTOR is not None
    return extract_batch(_WORKER_EXTRACTOR, batch)


def _in_workers(
    extractor: Extractor,
    chunks: Iterator[list[Article]],
    processes: int,
    factory: Callable[[], Extractor] | None,
) -> Iterator[list[Result]]:
    global _WORKER_EXTRACTOR
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    _WORKER_EXTRACTOR = extractor if context.get_start_method() == "fork" else None
    pending: dict[Future[list[Result]], list[Article]] = {}
    broken = False
    pool = ProcessPoolExecutor(
        max_workers=processes,
        mp_context=context,
        initializer=_start_worker,
        initargs=(os.getpid(), factory),
    )
    try:
        while True:
            while not broken and len(pending) < processes * IN_FLIGHT_PER_WORKER:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                try:
                    pending[pool.submit(_work, chunk)] = chunk
                except BrokenProcessPool:
                    broken = True
                    yield extract_batch(extractor, chunk)
            if not pending:
                break
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=lambda f: _first_id(pending[f])):
                chunk = pending.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool:
                    broken = True
                    yield extract_batch(extractor, chunk)
            if broken:
                for future, chunk in sorted(pending.items(), key=lambda kv: _first_id(kv[1])):
                    future.cancel()
                    yield extract_batch(extractor, chunk)
                pending.clear()
                for chunk in chunks:
                    yield extract_batch(extractor, chunk)
                break
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _WORKER_EXTRACTOR = None


def _first_id(chunk: list[Article]) -> str:
    return chunk[0].id if chunk else ""
