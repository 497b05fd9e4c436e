"""The on-disk registry store: a first run equals the in-memory build, and a run after new,
changed and removed articles, reconciling only the parts they touch, equals a full rebuild
with the previous registry, id for id; a damaged or untrusted store is rebuilt."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from extract.decisions import Decision
from extract.models import ArticleRecord, RegistryEntity
from extract.reconcile.ids import PreviousRegistry
from extract.reconcile.registry import build_registry
from extract.reconcile.store import RegistryStore, digest_text
from extract.records import model_lines
from tests.reconcile.test_parts_equal import dumped, random_records


def previous_of(entries: list[RegistryEntity]) -> PreviousRegistry:
    return PreviousRegistry.from_entries(entry.model_dump(mode="json") for entry in entries)


def run(
    store: RegistryStore,
    records: list[ArticleRecord],
    before: list[RegistryEntity] | None,
    rulings: list[Decision],
) -> tuple[list[RegistryEntity], dict[tuple[str, str], str]]:
    previous = previous_of(before) if before is not None else PreviousRegistry()
    digest = digest_text(model_lines(before)) if before is not None else None
    result = store.update(records, previous, digest, rulings)
    store.seal(model_lines(result[0]))
    return result


def changed(rng: random.Random, records: list[ArticleRecord], step: int) -> list[ArticleRecord]:
    """Some articles removed, some replaced by new text under the same id, some new."""
    kept = [r for r in records if rng.random() > 0.1]
    fresh = random_records(rng, max(len(records) // 10, 2), prefix=f"c{step}-")
    renamed = random_records(rng, 2, prefix="a")  # same ids as old articles, new entities
    by_id = {r.id: r for r in kept}
    by_id.update({r.id: r for r in renamed + fresh})
    return sorted(by_id.values(), key=lambda r: r.id)


@pytest.mark.parametrize("seed", range(4))
def test_incremental_runs_equal_full_rebuilds(seed: int, tmp_path: Path) -> None:
    rng = random.Random(seed)
    rulings = [Decision(a="Anna Smith", b="Acme Corp", same=True)][: seed % 2]
    store = RegistryStore(tmp_path / "registry.duckdb")
    records = random_records(rng, 60)
    before = None
    for step in range(3):
        whole = build_registry(
            records, previous=previous_of(before) if before else None, decisions=rulings
        )
        assert dumped(run(store, records, before, rulings)) == dumped(whole)
        before = whole[0]
        records = changed(rng, records, step)


def test_an_edited_registry_or_a_damaged_store_means_a_rebuild(tmp_path: Path) -> None:
    rng = random.Random(1)
    path = tmp_path / "registry.duckdb"
    records = random_records(rng, 40)
    first = run(RegistryStore(path), records, None, [])
    edited = [e.model_copy(update={"name": "Edited"}) for e in first[0]]
    later = changed(rng, records, 0)
    expected = build_registry(later, previous=previous_of(edited))
    assert dumped(run(RegistryStore(path), later, edited, [])) == dumped(expected)
    path.write_bytes(b"not a database")
    assert dumped(run(RegistryStore(path), later, None, [])) == dumped(build_registry(later))


def test_a_new_article_reconciles_only_the_parts_it_touches(tmp_path: Path) -> None:
    rng = random.Random(5)
    store = RegistryStore(tmp_path / "registry.duckdb")
    records = random_records(rng, 80)
    first = run(store, records, None, [])
    assert store.reconciled == sum(len(r.entities) for r in records)
    assert dumped(run(store, records, first[0], [])) == dumped(first)  # nothing changed
    assert store.reconciled == 0
    lone = random_records(random.Random(0), 1, prefix="z")[0]
    alone = lone.model_copy(
        update={
            "entities": [
                e.model_copy(
                    update={
                        "name": "Quentin Zyx",
                        "label": "PERSON",
                        "mentions": [
                            m.model_copy(update={"text": "Quentin Zyx", "end": m.start + 11})
                            for m in e.mentions[:1]
                        ],
                    }
                )
                for e in lone.entities[:1]
            ]
        }
    )
    later = sorted([*records, alone], key=lambda r: r.id)
    result = run(store, later, first[0], [])
    assert store.reconciled == 1
    assert dumped(result) == dumped(build_registry(later, previous=previous_of(first[0])))


def spelled_records(count: int) -> list[ArticleRecord]:
    """One article per spelling of a surname one letter longer: all meet in one block."""
    rng = random.Random(9)
    word, spellings = "kowalski", set()
    while len(spellings) < count:
        at = rng.randrange(len(word) + 1)
        spellings.add((word[:at] + rng.choice("abcdeklmnoprstuz") + word[at:]).title())
    records = []
    for number, surname in enumerate(sorted(spellings)):
        name = f"Anna {surname}"
        mention = {"text": name, "start": 0, "end": len(name), "sentence": 0}
        entity = {"id": "e0", "name": name, "label": "PERSON", "mentions": [mention]}
        records.append(
            ArticleRecord.model_validate({"id": f"s{number:03d}", "text": "", "entities": [entity]})
        )
    return records


def test_a_block_that_shrinks_below_the_limit_is_linked_whole_again(tmp_path: Path) -> None:
    store = RegistryStore(tmp_path / "registry.duckdb")
    records = spelled_records(56)
    first = run(store, records, None, [])
    fewer = records[::2] + records[1:12:2]
    fewer.sort(key=lambda r: r.id)
    expected = build_registry(fewer, previous=previous_of(first[0]))
    second = run(store, fewer, first[0], [])
    assert dumped(second) == dumped(expected)
    expected = build_registry(records, previous=previous_of(second[0]))
    assert dumped(run(store, records, second[0], [])) == dumped(expected)
