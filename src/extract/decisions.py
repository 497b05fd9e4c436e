"""Reviewer decisions: `same` / `different` for names, `reject` for extracted items.

A decisions file is JSONL, one ruling per line, written by `extract same|different|reject` (or by
hand) and obeyed by the next `extract run`:

    {"decision": "same", "a": "Katia Morozova", "b": "ent_0123456789ab"}
    {"decision": "different", "a": "Bill Clinton", "b": "Hillary Clinton"}
    {"decision": "reject", "item": "news/a.txt#quote:120-188", "note": "not a quote"}
    {"decision": "speaker", "item": "news/a.txt#quote:120-188", "entity": "ent_0123456789ab"}

Names may be written as any spelling or as a corpus id from entities.jsonl. An item is named by
`item_id`: the article id, the kind and its character span, or a bare corpus id (`ent_...`) to
reject an entity everywhere. Rejections apply after extraction, so the record cache stays valid.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from extract.errors import UsageError
from extract.models import ArticleRecord, DecisionRecord
from extract.reconcile.references import rewrite_references
from extract.records import atomic_write_text

ITEM_KINDS = ("entity", "date", "quote", "claim")
"""Kinds of extracted item a reviewer can reject (by article and span)."""


class Spanned(Protocol):
    """Any item with a span of the article text (a mention, date, quote or claim)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_LISTS = {"entity": "entities", "date": "dates", "quote": "quotes", "claim": "claims"}


@dataclass(frozen=True)
class Decision:
    """A reviewer's ruling that two names (or ids) are the same entity or different ones."""

    same: bool
    a: str
    b: str


@dataclass(frozen=True)
class Rulings:
    """Everything a decisions file says: name decisions and rejected items."""

    names: tuple[Decision, ...] = ()
    rejected: frozenset[str] = frozenset()
    speakers: tuple[tuple[str, str], ...] = ()
    """(quote item id, entity: a corpus id or a spelling): who really said it."""


def item_id(article: str, kind: str, start: int, end: int) -> str:
    """The stable name of an extracted item: `<article>#<kind>:<start>-<end>`."""
    return f"{article}#{kind}:{start}-{end}"


def parse_item_id(reference: str) -> tuple[str, str, int, int] | None:
    """(article, kind, start, end) of an item id, or None when it is not one."""
    article, hash_mark, rest = reference.rpartition("#")
    kind, colon, span = rest.partition(":")
    first, dash, last = span.partition("-")
    if not (hash_mark and colon and dash and kind in ITEM_KINDS):
        return None
    if not (first.isdigit() and last.isdigit()):
        return None
    return article, kind, int(first), int(last)


def read_rulings(paths: Iterable[Path | None]) -> Rulings:
    """All rulings of the given files (missing files count as empty), in file order."""
    names: list[Decision] = []
    rejected: set[str] = set()
    speakers: list[tuple[str, str]] = []
    for path in paths:
        if path is None or not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UsageError(f"{path}:{number}: not JSON ({exc.msg})") from None
            if not isinstance(item, dict):
                raise UsageError(f"{path}:{number}: a decision must be a JSON object")
            kind = item.get("decision")
            if kind == "reject":
                reference = str(item.get("item") or "")
                if not (reference.startswith("ent_") or parse_item_id(reference)):
                    raise UsageError(f"{path}:{number}: reject needs an item id or entity id")
                rejected.add(reference)
            elif kind == "speaker":
                reference = str(item.get("item") or "")
                parsed = parse_item_id(reference)
                if parsed is None or parsed[1] != "quote" or not item.get("entity"):
                    raise UsageError(f"{path}:{number}: speaker needs a quote item id and entity")
                speakers.append((reference, str(item["entity"])))
            elif kind in {"same", "different"} and item.get("a") and item.get("b"):
                names.append(Decision(kind == "same", str(item["a"]), str(item["b"])))
            else:
                raise UsageError(
                    f"{path}:{number}: need decision same|different with a and b, "
                    "reject with item, or speaker with item and entity"
                )
    return Rulings(tuple(names), frozenset(rejected), tuple(speakers))


def read_decisions(path: Path | None) -> list[Decision]:
    """The same/different decisions of one file."""
    return list(read_rulings([path]).names)


def append_decision(path: Path, decision: dict[str, Any]) -> None:
    """Add one ruling to a decisions file; a reader never sees a half-written line."""
    checked = DecisionRecord.model_validate(decision).model_dump(exclude_none=True)
    line = json.dumps(checked, ensure_ascii=False, sort_keys=True) + "\n"
    existing = path.read_text(encoding="utf-8") if path.is_file() else ""
    if existing and not existing.endswith("\n"):
        existing += "\n"
    atomic_write_text(path, existing + line)


def apply_rejections(record: ArticleRecord, rejected: frozenset[str]) -> ArticleRecord:
    """A copy of an article record without the items a reviewer rejected.

    Quote indices in claims are renumbered; a rejected speaker or claimant entity leaves the
    quote or claim unattributed rather than pointing at nothing."""
    if not rejected:
        return record
    article = record.id

    def kept(kind: str, item: Spanned) -> bool:
        return item_id(article, kind, item.start, item.end) not in rejected

    entities = []
    for entity in record.entities:
        if entity.id in rejected:
            continue
        mentions = [m for m in entity.mentions if kept("entity", m)]
        if mentions:
            entities.append(entity.model_copy(update={"mentions": mentions}))
    gone = {e.id for e in record.entities} - {e.id for e in entities}
    kept_quotes = [index for index, quote in enumerate(record.quotes) if kept("quote", quote)]
    out = record.model_copy(
        update={
            "entities": entities,
            "dates": [d for d in record.dates if kept("date", d)],
            "quotes": [record.quotes[index] for index in kept_quotes],
            "claims": [c for c in record.claims if kept("claim", c)],
        }
    )
    return rewrite_references(
        out,
        entity_ids={identifier: None for identifier in gone},
        quote_index={old: new for new, old in enumerate(kept_quotes)},
    )


def list_name(kind: str) -> str:
    """The record field holding items of `kind` ("quote" -> "quotes")."""
    return _LISTS[kind]
