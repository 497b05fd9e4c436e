"""Walking a corpus folder: files in sorted order, each read, decoded and split into articles.

Nothing here raises for a bad file: every failure becomes an ErrorRecord so a batch goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from extract.ingest.decoding import decode_bytes
from extract.ingest.errors import IngestError
from extract.ingest.formats import ArticleOrError, is_supported, read_articles
from extract.models import ErrorRecord

DEFAULT_MAX_BYTES = 5_000_000
"""Inputs larger than this are refused (too_large) rather than allowed to exhaust memory."""


def corpus_files(root: Path) -> list[Path]:
    """Supported files below `root`, recursively, sorted by relative path; hidden ones skipped."""
    found: list[Path] = []
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in files:
            path = Path(directory) / name
            if not name.startswith(".") and is_supported(path):
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def read_file(
    path: Path, *, root: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[ArticleOrError]:
    """Read one file into articles (or error records); ids derive from the path under `root`."""
    relative = path.relative_to(root).as_posix() if root is not None else path.name
    source = relative
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(
                "too_large", f"the file is {size:,} bytes, over the {max_bytes:,}-byte limit"
            )
        data = path.read_bytes()
        text, _encoding = decode_bytes(data)
        return read_articles(text, suffix=path.suffix, article_id=relative, source=source)
    except IngestError as exc:
        return [ErrorRecord(path=source, reason=exc.reason, message=exc.message)]
    except FileNotFoundError:
        return [ErrorRecord(path=source, reason="not_found", message="the file does not exist")]
    except OSError as exc:
        message = f"the file cannot be read: {exc.strerror or exc}"
        return [ErrorRecord(path=source, reason="unreadable", message=message)]
    except Exception as exc:  # a reader's own failure on one file must not end the run
        message = f"the file could not be read: {type(exc).__name__}: {exc}"
        return [ErrorRecord(path=source, reason="unreadable", message=message)]


def iter_corpus(root: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[ArticleOrError]:
    """Every article (or error) in the corpus, in sorted file order; duplicate ids are errors."""
    seen: set[str] = set()
    for path in corpus_files(root):
        for item in read_file(path, root=root, max_bytes=max_bytes):
            if isinstance(item, ErrorRecord):
                yield item
                continue
            if item.id in seen:
                yield ErrorRecord(
                    path=item.source or path.name,
                    reason="duplicate_id",
                    message=f"article id {item.id!r} is already used by an earlier input",
                )
                continue
            seen.add(item.id)
            yield item
