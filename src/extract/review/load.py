"""A finished run, read back from its folder: articles, registry entities, errors, manifest."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import process

from extract.errors import RunNotFoundError
from extract.layout import ARTICLES_FILE, ENTITIES_FILE, ERRORS_FILE, MANIFEST_FILE
from extract.reconcile.names import name_key
from extract.records import read_json_lines


@dataclass
class RunView:
    """Everything a run wrote, indexed for lookups by id and by name."""

    out_dir: Path
    articles: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    errors: list[dict[str, Any]]
    manifest: dict[str, Any] | None = None
    _by_id: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)
    _by_key: dict[str, list[dict[str, Any]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entities:
            self._by_id[entry["id"]] = entry
            keys = {name_key(entry["name"])} | {name_key(v["text"]) for v in entry["variants"]}
            for key in keys:
                self._by_key.setdefault(key, []).append(entry)

    def entity(self, reference: str) -> dict[str, Any] | None:
        """The registry entry named by an id or by any of its spellings."""
        if reference in self._by_id:
            return self._by_id[reference]
        found = self._by_key.get(name_key(reference), [])
        return max(found, key=lambda e: (e["mention_count"], e["id"])) if found else None

    def entity_name(self, identifier: str | None) -> str | None:
        """Canonical name of a corpus id, or None."""
        entry = self._by_id.get(identifier or "")
        return entry["name"] if entry else None

    def article(self, identifier: str) -> dict[str, Any] | None:
        """The article record with this id."""
        return next((a for a in self.articles if a["id"] == identifier), None)

    def suggest(self, reference: str, choices: list[str]) -> str:
        """ "; did you mean ...?" for a reference that matched nothing, or ""."""
        found = process.extract(reference, choices, limit=3, score_cutoff=60)
        if not found:
            return ""
        return "; did you mean " + ", ".join(repr(choice) for choice, *_ in found) + "?"

    def entity_names(self) -> list[str]:
        """Every spelling the registry knows, for suggestions."""
        return sorted({v["text"] for e in self.entities for v in e["variants"]})


def load_run(out_dir: Path) -> RunView:
    """Read a run folder; a clear RunNotFoundError when it is not one."""
    articles_file = out_dir / ARTICLES_FILE
    if not articles_file.is_file():
        raise RunNotFoundError(
            f"{str(out_dir)!r} has no {ARTICLES_FILE}; run `extract run CORPUS --out {out_dir}`"
        )
    manifest_file = out_dir / MANIFEST_FILE
    manifest = None
    if manifest_file.is_file():
        manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    return RunView(
        out_dir=out_dir,
        articles=_read_jsonl(articles_file),
        entities=_read_jsonl(out_dir / ENTITIES_FILE),
        errors=_read_jsonl(out_dir / ERRORS_FILE),
        manifest=manifest,
    )


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    try:
        return read_json_lines(path)
    except ValueError as exc:
        raise RunNotFoundError(str(exc)) from None
