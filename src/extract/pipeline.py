"""Article -> spaCy Doc -> record: the Python API behind both the CLI and scripts.

`Pipeline` batches many articles through `nlp.pipe`; `extract_article` is the one-call API for a
single text and reuses one Pipeline per process.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from functools import cache, partial
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extract.errors import ExtractionError, UsageError
from extract.extractors.claims.accurate import resolve_profile
from extract.extractors.claims.component import COMPONENT_NAME as CLAIMS
from extract.extractors.sentences import remember_text, sentence_starts, trim_span
from extract.ingest.corpus import read_file
from extract.ingest.formats import article_from_html, article_from_text, looks_like_html
from extract.ingest.metadata import normalise_published
from extract.modelname import resolve_model_name
from extract.models import Article, ArticleRecord, ErrorRecord, Sentence
from extract.nlp import load_pipeline
from extract.provenance import checked_spans


class Pipeline:
    """A loaded spaCy pipeline with the extract components, turning Articles into records."""

    def __init__(
        self, model: str | None = None, *, batch_size: int = 32, profile: str | None = None
    ) -> None:
        self.model = resolve_model_name(model)
        self.batch_size = batch_size
        self.profile = resolve_profile(profile)
        """"fast" (default) or "accurate" (the claims scorer; $EXTRACT_PROFILE)."""
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first use (raises ModelNotFoundError)."""
        if self._nlp is None:
            fast = self.profile == "fast"
            self._nlp = load_pipeline(self.model) if fast else _profiled(self.model, self.profile)
        return self._nlp

    def process(
        self, articles: Iterable[Article], *, n_process: int = 1
    ) -> Iterator[ArticleRecord]:
        """Records for `articles`, in input order. With `n_process` > 1 the work goes to worker
        processes (`extract.workers`, the same driver as `extract run`). An article that cannot
        be extracted raises `ExtractionError` (`extract run` records it and goes on instead)."""
        if n_process <= 1:
            for data in self.process_data(articles):
                yield ArticleRecord.model_validate(data)
            return
        from extract.workers import extract_all

        todo = list(articles)
        factory = partial(Pipeline, self.model, batch_size=self.batch_size, profile=self.profile)
        found: dict[str, dict[str, Any]] = {}
        for results in extract_all(
            self, todo, workers=n_process, batch_size=self.batch_size, factory=factory
        ):
            for result in results:
                if not isinstance(result, dict):
                    raise ExtractionError(result.message)
                found[result["id"]] = result
        for article in todo:
            yield ArticleRecord.model_validate(found[article.id])

    def process_data(self, articles: Iterable[Article]) -> Iterator[dict[str, Any]]:
        """Records as plain data (see `record_data`), batched through `nlp.pipe` in this
        process; a failing article raises."""
        stream = ((self.make_doc(article), article) for article in articles)
        for doc, article in self.nlp.pipe(stream, as_tuples=True, batch_size=self.batch_size):
            yield record_data(article, doc)

    def extract(self, article: Article) -> ArticleRecord:
        """The record for one article."""
        return record_from_doc(article, self.nlp(self.make_doc(article)))

    def make_doc(self, article: Article) -> Doc:
        """A tokenised Doc carrying the article's publication date for the dates step."""
        doc = self.nlp.make_doc(article.text)
        doc._.published = article.published
        remember_text(doc, article.text)
        return doc


def record_from_doc(article: Article, doc: Doc) -> ArticleRecord:
    """Assemble the validated record from an article and its processed Doc."""
    return ArticleRecord.model_validate(record_data(article, doc))


def record_data(article: Article, doc: Doc) -> dict[str, Any]:
    """The record as plain data, in `ArticleRecord` field order, without re-validating what
    the components already built from the models (the batch path: cheaper in the parent
    process that collects the workers' Docs)."""
    if len(doc.text) != len(article.text):
        raise ValueError(f"article {article.id!r}: the Doc text differs from the article text")
    starts = sentence_starts(doc)
    ends = [*starts[1:], len(doc)]
    text = article.text
    sentences = [_trimmed_sentence(doc, text, s, e) for s, e in zip(starts, ends, strict=True)]
    record = {
        **article.model_dump(include={"id", "source", "published", "title", "url", "author"}),
        "text": article.text,
        "sentences": [{"start": s.start, "end": s.end} for s in sentences],
        "entities": list(doc._.entities or []),
        "dates": list(doc._.dates or []),
        "quotes": list(doc._.quotes or []),
        "claims": list(doc._.claims or []),
        "quantities": list(doc._.quantities or []),
        "warnings": list(doc._.warnings or []),
    }
    return checked_spans(record)


def _trimmed_sentence(doc: Doc, text: str, start: int, end: int) -> Sentence:
    """Character span of tokens [start, end) without the white space around it."""
    span = doc[start:end]
    first, last = trim_span(text, span.start_char, span.end_char)
    return Sentence(start=first, end=last)


def article_from_input(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    source: str | None = None,
) -> Article:
    """An Article from raw text: a metadata header is read and removed; arguments override it.
    Text that looks like an HTML page goes through the HTML reader (main text, metadata)."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    if looks_like_html(text):
        article = article_from_html(text, article_id=f"html:{digest}", source=source or "<html>")
    else:
        article = article_from_text(text, article_id=f"text:{digest}", source=source or "<text>")
    return with_overrides(article, published=published, title=title, source=source)


def with_overrides(
    article: Article,
    *,
    published: str | None = None,
    title: str | None = None,
    source: str | None = None,
) -> Article:
    """`article` with the metadata a caller gave explicitly; raises ValueError on a bad date."""
    updates: dict[str, str] = {}
    if published is not None:
        normalised = normalise_published(published)
        if normalised is None:
            raise UsageError(f"published date {published!r} is not a date (use YYYY-MM-DD)")
        updates["published"] = normalised
    if title is not None:
        updates["title"] = title
    if source is not None:
        updates["source"] = source
    return article.model_copy(update=updates) if updates else article


@cache
def _profiled(model: str, profile: str) -> Language:
    """A pipeline of its own whose claims step uses the profile's scorer; the one
    `load_pipeline` caches stays as it is for fast pipelines in the same process."""
    nlp = load_pipeline.__wrapped__(model)
    nlp.replace_pipe(CLAIMS, CLAIMS, config={"scorer": profile})
    return nlp


@cache
def _default_pipeline(model: str, profile: str = "fast") -> Pipeline:
    return Pipeline(model, profile=profile)


def extract_article(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    source: str | None = None,
    model: str | None = None,
    profile: str | None = None,
) -> ArticleRecord:
    """Extract one article. A leading metadata header in `text` is read and removed from the
    body (offsets index `record.text`); keyword arguments override what the header says."""
    article = article_from_input(text, published=published, title=title, source=source)
    pipeline = _default_pipeline(resolve_model_name(model), resolve_profile(profile))
    return pipeline.extract(article)


def read_single(path: Path, *, published: str | None, title: str | None) -> Article:
    """The article in one file (the first, for a JSON list), with the caller's metadata."""
    if not path.is_file():
        raise UsageError(f"{str(path)!r} is not a file")
    items = read_file(path, root=path.parent)
    found = [item for item in items if isinstance(item, Article)]
    if not found:
        error = items[0]
        assert isinstance(error, ErrorRecord)
        raise ExtractionError(f"{error.path}: {error.reason}: {error.message}")
    return with_overrides(found[0], published=published, title=title)
