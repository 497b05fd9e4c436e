"""Worker processes: order kept, a failing article isolated, a dead worker survived."""

from __future__ import annotations

import os

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extract.extractors.component import register_extension
from extract.models import Article, ErrorRecord
from extract.pipeline import Pipeline
from extract.workers import extract_in_workers

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


def test_order_is_kept_and_a_failing_article_becomes_an_error() -> None:
    batches = [
        [article("a", "One fine day."), article("b", "It will EXPLODE now.")],
        [article("c", "Another day.")],
        [article("d", "And a third.")],
    ]
    results = [r for batch in extract_in_workers(small_pipeline(), batches, 2) for r in batch]
    assert [r["id"] if isinstance(r, dict) else "error" for r in results] == [
        "a",
        "error",
        "c",
        "d",
    ]
    error = results[1]
    assert isinstance(error, ErrorRecord) and error.reason == "extraction_failed"
    assert "'b'" in error.message and "exploded" in error.message


def test_a_worker_that_dies_leaves_its_batch_to_the_parent() -> None:
    batches = [[article(str(n), f"Text {n}. DIE here.")] for n in range(3)]
    results = [r for batch in extract_in_workers(small_pipeline(), batches, 2) for r in batch]
    assert [r["id"] for r in results if isinstance(r, dict)] == ["0", "1", "2"]
