"""One reader per input format. Each yields Articles, or ErrorRecords for parts that fail.

A JSONL file with one bad line yields an error for that line and articles for the rest; a
whole-file failure (binary, undecodable, empty) raises IngestError for the caller to record.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from extract.ingest.errors import IngestError
from extract.ingest.metadata import normalise_published, read_header
from extract.models import Article, ErrorRecord

TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("published", "date", "published_at", "pubdate")

ArticleOrError = Article | ErrorRecord


def article_from_text(text: str, *, article_id: str, source: str) -> Article:
    """Plain text (.txt/.md): strip a metadata header and keep the body."""
    header = read_header(text)
    body = text[header.body_start :].rstrip()
    if not body:
        raise IngestError("empty", "the file holds a header but no article text")
    fields = header.fields
    return Article(
        id=fields.get("id", article_id),
        text=body,
        source=source,
        published=fields.get("published"),
        title=fields.get("title"),
        url=fields.get("url"),
        author=fields.get("author"),
    )


def article_from_mapping(data: Any, *, article_id: str, source: str) -> Article:
    """A JSON object with `text`|`body`|`content` and optional metadata fields."""
    if not isinstance(data, dict):
        raise IngestError("malformed_json", f"expected a JSON object, found {type(data).__name__}")
    body = next((data[name] for name in TEXT_FIELDS if isinstance(data.get(name), str)), None)
    if body is None or not body.strip():
        raise IngestError(
            "missing_text", "the JSON article has no non-empty 'text', 'body' or 'content' field"
        )
    raw_date = next((data[name] for name in DATE_FIELDS if data.get(name)), None)
    given_id = data.get("id")
    return Article(
        id=str(given_id) if given_id not in (None, "") else article_id,
        text=body.replace("\r\n", "\n").rstrip(),
        source=source,
        published=normalise_published(raw_date) if raw_date is not None else None,
        title=_optional_str(data.get("title")),
        url=_optional_str(data.get("url")),
        author=_optional_str(data.get("author")),
    )


def articles_from_json(text: str, *, article_id: str, source: str) -> Iterator[ArticleOrError]:
    """A .json file: one article object or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(
            "malformed_json", f"not valid JSON: {exc.msg} at line {exc.lineno}"
        ) from exc
    if isinstance(data, dict):
        yield article_from_mapping(data, article_id=article_id, source=source)
        return
    if not isinstance(data, list):
        raise IngestError("malformed_json", "expected a JSON object or a list of objects")
    for index, item in enumerate(data, start=1):
        try:
            yield article_from_mapping(item, article_id=f"{article_id}:{index}", source=source)
        except IngestError as exc:
            yield ErrorRecord(path=source, line=index, reason=exc.reason, message=exc.message)


def articles_from_jsonl(text: str, *, article_id: str, source: str) -> Iterator[ArticleOrError]:
    """A .jsonl file: one article object per line; blank lines are skipped."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            yield article_from_mapping(data, article_id=f"{article_id}:{number}", source=source)
        except json.JSONDecodeError as exc:
            yield ErrorRecord(
                path=source,
                line=number,
                reason="malformed_json",
                message=f"not valid JSON: {exc.msg}",
            )
        except IngestError as exc:
            yield ErrorRecord(path=source, line=number, reason=exc.reason, message=exc.message)


def article_from_html(text: str, *, article_id: str, source: str) -> Article:
    """An HTML page: main text and metadata through trafilatura; paragraphs kept apart."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    document = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    if document is None:
        raise IngestError("missing_text", "no article text found in the HTML page")
    found = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    title = _optional_str(found.get("title"))
    paragraphs = [line.strip() for line in (found.get("text") or "").split("\n") if line.strip()]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise IngestError("missing_text", "no article text found in the HTML page")
    raw_date = found.get("date")
    return Article(
        id=article_id,
        text="\n\n".join(paragraphs),
        source=source,
        published=normalise_published(raw_date) if raw_date else None,
        title=title,
        url=_optional_str(found.get("url")),
        author=_optional_str(found.get("author")),
    )


READERS = {
    ".txt": "text",
    ".md": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".html": "html",
    ".htm": "html",
}


def read_articles(text: str, *, suffix: str, article_id: str, source: str) -> list[ArticleOrError]:
    """Dispatch decoded file text to the reader for its suffix."""
    kind = READERS.get(suffix.lower())
    if kind == "text":
        return [article_from_text(text, article_id=article_id, source=source)]
    if kind == "html":
        return [article_from_html(text, article_id=article_id, source=source)]
    if kind == "json":
        return list(articles_from_json(text, article_id=article_id, source=source))
    if kind == "jsonl":
        return list(articles_from_jsonl(text, article_id=article_id, source=source))
    raise IngestError("unsupported", f"unsupported file type {suffix!r}")


def _optional_str(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def is_supported(path: Path) -> bool:
    """True when a reader exists for the file's suffix."""
    return path.suffix.lower() in READERS
