"""How real news splits into the registry's independent parts (`extract.reconcile.parts`), and
a check that the registry built part by part equals the registry built whole on it.

Reads CoNLL-2003's training set (946 Reuters articles of 1996, gold PER/ORG/LOC names, from the
dev data; skips cleanly without it): each article's gold names become its entities (one per
label and spelling, every occurrence a mention). Reported: the parts, the largest part's share
of article entities (what bounds the store's memory and an incremental run's work), and
whether `build_in_parts` gives the same registry, id for id, as `build_registry`.

    python benchmarks/registry_parts_news.py
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

from _common import dev_data_dir, require
from extract.models import ArticleRecord, Entity
from extract.reconcile.ids import PreviousRegistry
from extract.reconcile.partition import build_in_parts, plan
from extract.reconcile.registry import article_items, build_registry

LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}


def documents(path: Path) -> Iterator[list[list[str]]]:
    """Token rows of each document (word ... IOB1 tag)."""
    document: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            if document:
                yield document
            document = []
        elif line.strip():
            document.append(line.split())
    if document:
        yield document


def names(rows: list[list[str]]) -> list[tuple[str, str]]:
    """(label, text) of each gold name, in order."""
    found: list[tuple[str, str]] = []
    kind, words = None, []
    for row in [*rows, ["", "O"]]:
        tag = row[-1]
        now = tag[2:] if tag != "O" else None
        if kind and (now != kind or tag.startswith("B-")):
            found.append((kind, " ".join(words)))
            kind, words = None, []
        if now:
            kind = now
            words.append(row[0])
    return [(LABELS[k], text) for k, text in found if k in LABELS]


def record(number: int, rows: list[list[str]]) -> ArticleRecord:
    by_name: dict[tuple[str, str], list[dict[str, object]]] = {}
    for position, (label, text) in enumerate(names(rows)):
        start = position * 100
        mention = {"text": text, "start": start, "end": start + len(text), "sentence": 0}
        by_name.setdefault((label, text), []).append(mention)
    entities = [
        Entity.model_validate({"id": f"e{i}", "name": text, "label": label, "mentions": found})
        for i, ((label, text), found) in enumerate(sorted(by_name.items()))
    ]
    return ArticleRecord(id=f"d{number:04d}", text="", entities=entities)


def main() -> None:
    path = require(dev_data_dir() / "conll2003" / "eng.train")
    records = [record(n, rows) for n, rows in enumerate(documents(path))]
    items = article_items(records, [])
    started = time.perf_counter()
    layout = plan(items, [], PreviousRegistry())
    seconds = time.perf_counter() - started
    sizes = sorted((len(part) for part in layout.parts), reverse=True)
    print(
        f"{len(records)} articles, {len(items):,} article entities -> {len(sizes):,} parts "
        f"in {seconds:.1f}s; largest {sizes[:5]} ({sizes[0] / len(items):.1%} of entities)"
    )
    whole, parts = build_registry(records), build_in_parts(records)
    same = [e.model_dump_json() for e in whole[0]] == [e.model_dump_json() for e in parts[0]]
    print(f"built in parts == built whole: {same and whole[1] == parts[1]}")


if __name__ == "__main__":
    main()
