"""The record cache: finished articles, keyed by what produced them, appended as they finish.

It is both the resume journal and the incremental cache of `extract run`:
  * every record is appended (and flushed to disk) as soon as it is extracted, so a run killed
    at any moment, SIGKILL included, loses at most the record being written; a torn last line
    is dropped when the cache is read back;
  * the key hashes the article (id, text, metadata) with the model, its version, the extract
    version and the settings that change records, so an unchanged article is never extracted
    twice and a changed one always is.
The cache file is JSON lines: `{"key": ..., "record": {...}}`.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from extract import layout
from extract.models import Article
from extract.records import atomic_write_text, canonical_json

CACHE_DIR = layout.CACHE_DIR
CACHE_FILE = "records.jsonl"


def cache_key(article: Article, fingerprint: str) -> str:
    """A digest of everything that determines an article's record."""
    payload = json.dumps(
        [fingerprint, article.model_dump(mode="json")], sort_keys=True, ensure_ascii=False
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class RecordCache:
    """Append-only store of extracted records in `folder/.extract-cache/records.jsonl`."""

    def __init__(self, folder: Path, *, reset: bool = False) -> None:
        self.path = folder / CACHE_DIR / CACHE_FILE
        self.records: dict[str, dict[str, Any]] = {} if reset else self._load()
        self._handle: Any = None

    def __contains__(self, key: str) -> bool:
        return key in self.records

    def get(self, key: str) -> dict[str, Any] | None:
        return self.records.get(key)

    def add(self, key: str, record: dict[str, Any]) -> None:
        """Store a record and flush it to disk before returning."""
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            _drop_torn_tail(self.path)
            self._handle = self.path.open("a", encoding="utf-8")
        self._handle.write(canonical_json({"key": key, "record": record}) + "\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self.records[key] = record

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def compact(self, keep: Iterable[str]) -> None:
        """Rewrite the cache atomically with only the records of `keep` (this run's articles)."""
        self.close()
        wanted = [key for key in dict.fromkeys(keep) if key in self.records]
        lines = [canonical_json({"key": k, "record": self.records[k]}) + "\n" for k in wanted]
        atomic_write_text(self.path, "".join(lines))
        self.records = {key: self.records[key] for key in wanted}

    def _load(self) -> dict[str, dict[str, Any]]:
        """Read the cache; a torn or corrupt line (a killed run) is skipped, not fatal."""
        if not self.path.is_file():
            return {}
        found: dict[str, dict[str, Any]] = {}
        with self.path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                try:
                    item = json.loads(line)
                    found[str(item["key"])] = item["record"]
                except (json.JSONDecodeError, KeyError, TypeError):
                    continue
        return found


def _drop_torn_tail(path: Path) -> None:
    """Cut a half-written last line (a killed run) so the next append starts a fresh line."""
    if not path.is_file():
        return
    with path.open("rb+") as handle:
        data = handle.read()
        if data and not data.endswith(b"\n"):
            handle.truncate(data.rfind(b"\n") + 1)
