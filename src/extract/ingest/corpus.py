"""Walking a corpus folder: files in sorted order, each read, decoded and split into articles.

Nothing here raises for a bad file: every failure becomes an ErrorRecord so a batch goes on.
A corpus is a local folder or any folder URL fsspec reads (`file://`, `s3://` with s3fs...):
the same relative paths, so the same ids and records, whichever way it is named.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Any

from extract.errors import UsageError
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
    return _read(relative, lambda: path.stat().st_size, path.read_bytes, max_bytes)


def _read(
    relative: str, size: Callable[[], int], load: Callable[[], bytes], max_bytes: int
) -> list[ArticleOrError]:
    """Articles (or error records) of the file at `relative`, however its bytes are fetched."""
    source = relative
    try:
        found = size()
        if found > max_bytes:
            raise IngestError(
                "too_large", f"the file is {found:,} bytes, over the {max_bytes:,}-byte limit"
            )
        text, _encoding = decode_bytes(load())
        suffix = PurePosixPath(relative).suffix
        return read_articles(text, suffix=suffix, article_id=relative, source=source)
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


def is_url(root: Path | str) -> bool:
    """A corpus named by URL (`scheme://...`), read through fsspec."""
    return isinstance(root, str) and "://" in root


def corpus_exists(root: Path | str) -> bool:
    """The corpus is a folder (local, or at its URL)."""
    if not is_url(root):
        return Path(root).is_dir()
    filesystem, path = _filesystem(str(root))
    return bool(filesystem.isdir(path))


def _filesystem(url: str) -> tuple[Any, str]:
    """The fsspec file system of `url` and the path on it."""
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise UsageError(
            f"reading the corpus at {url!r} needs fsspec: pip install 'extract[dask]'"
        ) from None
    try:
        filesystem, path = url_to_fs(url)
    except (ImportError, ValueError) as exc:
        raise UsageError(f"cannot read the corpus at {url!r}: {exc}") from None
    return filesystem, str(path).rstrip("/")


def _url_items(url: str, max_bytes: int) -> Iterator[tuple[str, ArticleOrError]]:
    """`corpus_files` and `read_file` over an fsspec folder: same order, same ids."""
    filesystem, base = _filesystem(url)
    found: dict[str, str] = {}
    for path in filesystem.find(base):
        relative = str(path)[len(base) :].lstrip("/")
        parts = relative.split("/")
        if not any(p.startswith(".") for p in parts) and is_supported(Path(parts[-1])):
            found[relative] = str(path)
    for relative, path in sorted(found.items()):
        name = PurePosixPath(relative).name
        size = partial(filesystem.size, path)
        for item in _read(relative, size, partial(filesystem.cat_file, path), max_bytes):
            yield name, item


def iter_corpus(
    root: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[ArticleOrError]:
    """Every article (or error) in the corpus, in sorted file order; duplicate ids are errors."""
    seen: set[str] = set()
    if is_url(root):
        items = _url_items(str(root), max_bytes)
    else:
        folder = Path(root)
        items = (
            (path.name, item)
            for path in corpus_files(folder)
            for item in read_file(path, root=folder, max_bytes=max_bytes)
        )
    for name, item in items:
        if isinstance(item, ErrorRecord):
            yield item
            continue
        if item.id in seen:
            yield ErrorRecord(
                path=item.source or name,
                reason="duplicate_id",
                message=f"article id {item.id!r} is already used by an earlier input",
            )
            continue
        seen.add(item.id)
        yield item
