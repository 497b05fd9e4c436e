"""The batch driver: a failing article isolated, a dead worker survived, orphans impossible."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extract.extractors.base import register_extension
from extract.models import Article, ErrorRecord
from extract.pipeline import Pipeline
from extract.workers import chunk_size, extract_all
from tests.processes import alive as _alive
from tests.processes import children as _children

PARENT = os.getpid()


@Language.component("test_trouble")
def trouble(doc: Doc) -> Doc:
    """Fails on "EXPLODE"; kills its own worker process (never the parent) on "DIE"."""
    if "EXPLODE" in doc.text:
        raise RuntimeError("exploded")
    if "DIE" in doc.text and os.getpid() != PARENT:
        os._exit(1)
    return doc


def small_pipeline() -> Pipeline:
    for name in ("entities", "dates", "quotes", "claims", "published"):
        register_extension(name)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_trouble")
    pipeline = Pipeline("blank", batch_size=2)
    pipeline._nlp = nlp
    return pipeline


def article(identifier: str, text: str) -> Article:
    return Article(id=identifier, text=text)


def ids(results: list[object]) -> list[str]:
    return sorted(r["id"] if isinstance(r, dict) else "error" for r in results)  # type: ignore[index]


def test_a_failing_article_becomes_an_error_in_one_or_two_processes() -> None:
    articles = [
        article("a", "One fine day."),
        article("b", "It will EXPLODE now."),
        article("c", "Another day."),
        article("d", "And a third."),
    ]
    for workers in (1, 2):
        results = [
            r
            for chunk in extract_all(small_pipeline(), articles, workers=workers, batch_size=2)
            for r in chunk
        ]
        assert ids(results) == ["a", "c", "d", "error"]
        [error] = [r for r in results if isinstance(r, ErrorRecord)]
        assert error.reason == "extraction_failed"
        assert "'b'" in error.message and "exploded" in error.message


def test_a_worker_that_dies_leaves_its_chunk_to_the_parent() -> None:
    articles = [article(str(n), f"Text {n}. DIE here.") for n in range(3)]
    results = [
        r
        for chunk in extract_all(small_pipeline(), articles, workers=2, batch_size=1)
        for r in chunk
    ]
    assert ids(results) == ["0", "1", "2"]


def test_chunks_are_small_enough_to_journal_often() -> None:
    assert chunk_size(84, 1, 32) == 11
    assert chunk_size(84, 2, 32) == 6
    assert chunk_size(100_000, 2, 32) == 32
    assert chunk_size(1, 4, 32) == 1


CHILD = textwrap.dedent(
    """
    import os, sys, time
    from extract.workers import _in_workers
    from tests.test_workers import small_pipeline, article

    def slow(batch):
        time.sleep(60)
        return []

    import extract.workers as workers
    workers._work = slow
    chunks = iter([[article(str(n), "Text.")] for n in range(4)])
    for _ in _in_workers(small_pipeline(), chunks, 2, None):
        pass
    """
)


def test_workers_die_with_their_parent_even_on_sigkill() -> None:
    if not sys.platform.startswith("linux"):
        return
    parent = subprocess.Popen([sys.executable, "-c", CHILD], cwd=Path(__file__).parents[1])
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while time.monotonic() < deadline and len(workers) < 2:
            workers = _children(parent.pid)
            time.sleep(0.05)
        assert len(workers) >= 2, "the worker processes did not start"
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.05)
        assert not [w for w in workers if _alive(w)], "orphaned workers survived their parent"
    finally:
        parent.kill()


def test_workers_follow_physical_cores_and_small_jobs_stay_in_one_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import extract.workers as workers

    assert workers.physical_cores() >= 1
    monkeypatch.setattr(workers, "physical_cores", lambda: 1)  # two hyperthreads of one core
    assert workers.choose_workers(2, 1000) == 1
    monkeypatch.setattr(workers, "physical_cores", lambda: 4)
    assert workers.choose_workers(2, 1000) == 2  # never more than the CPUs we may use
    assert workers.choose_workers(4, 10) == 1  # a small job: one process
