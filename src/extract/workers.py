"""Worker processes that turn batches of articles into records, each with the pipeline loaded once.

Why not spaCy's `nlp.pipe(n_process=N)`: it tokenises in the parent and ships whole Docs both
ways (every token and annotation serialised, then rebuilt in the parent), which is dearer than
all of our extraction steps together and leaves the parent competing with the workers for the
cores. Here the parent sends Articles (text and metadata) and gets back records as plain data,
a few kilobytes each; inside a worker, batches still go through `nlp.pipe`.

Order is kept (results come back in submission order), a bounded number of batches is in flight,
one failing article becomes an ErrorRecord without losing its batch, and a worker that dies
(killed, out of memory) leaves the remaining batches to be done in the parent.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from extract.models import Article, ErrorRecord

if TYPE_CHECKING:
    from extract.pipeline import Pipeline

Result = dict[str, Any] | ErrorRecord
"""A record as plain data, or the error that replaced it."""

IN_FLIGHT_PER_WORKER = 3

_WORKER_PIPELINE: Pipeline | None = None


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


def extract_batch(pipeline: Pipeline, batch: list[Article]) -> list[Result]:
    """Records for a batch; when the batch fails, each article is redone alone so one bad
    document cannot take its neighbours down."""
    try:
        return list(pipeline.process_data(batch))
    except Exception:  # isolate the bad document below
        results: list[Result] = []
        for article in batch:
            try:
                results.extend(pipeline.process_data([article]))
            except Exception as exc:
                results.append(
                    ErrorRecord(
                        path=article.source or article.id,
                        reason="extraction_failed",
                        message=f"extraction failed for article {article.id!r}: {exc}",
                    )
                )
        return results


def _start_worker(model: str, batch_size: int) -> None:
    global _WORKER_PIPELINE
    if _WORKER_PIPELINE is None:  # spawned, not forked: load the model here
        from extract.pipeline import Pipeline

        _WORKER_PIPELINE = Pipeline(model, batch_size=batch_size)


def _work(batch: list[Article]) -> list[Result]:
    assert _WORKER_PIPELINE is not None
    return extract_batch(_WORKER_PIPELINE, batch)


def extract_in_workers(
    pipeline: Pipeline, batches: Iterable[list[Article]], processes: int
) -> Iterator[list[Result]]:
    """Results of each batch, in order, computed by `processes` worker processes."""
    global _WORKER_PIPELINE
    pipeline.nlp  # noqa: B018 -- load once in the parent; forked workers share it
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    _WORKER_PIPELINE = pipeline if context.get_start_method() == "fork" else None
    pending: deque[tuple[list[Article], Future[list[Result]]]] = deque()
    todo = iter(batches)
    broken = False
    pool = ProcessPoolExecutor(
        max_workers=processes,
        mp_context=context,
        initializer=_start_worker,
        initargs=(pipeline.model, pipeline.batch_size),
    )
    try:
        while True:
            while not broken and len(pending) < processes * IN_FLIGHT_PER_WORKER:
                batch = next(todo, None)
                if batch is None:
                    break
                try:
                    pending.append((batch, pool.submit(_work, batch)))
                except BrokenProcessPool:
                    broken = True
                    pending.append((batch, _not_done()))
            if not pending:
                break
            batch, future = pending.popleft()
            try:
                yield future.result()
            except BrokenProcessPool:
                broken = True
                yield extract_batch(pipeline, batch)
        for batch in todo:  # only after the pool broke
            yield extract_batch(pipeline, batch)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _WORKER_PIPELINE = None


def _not_done() -> Future[list[Result]]:
    future: Future[list[Result]] = Future()
    future.set_exception(BrokenProcessPool("worker pool is broken"))
    return future
