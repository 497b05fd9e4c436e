"""The corpus step with a registry store beside the outputs: the same records and registry
as without one, run after run; without the file no store is made; a damaged one is replaced."""

from __future__ import annotations

import random
from pathlib import Path

import duckdb

from extract.decisions import Rulings
from extract.models import ArticleRecord
from extract.reconcile.corpus import reconcile_corpus
from extract.records import atomic_write_text, model_lines
from tests.reconcile.test_incremental_store import changed
from tests.reconcile.test_parts_equal import random_records


def step(records: list[ArticleRecord], out: Path, store: Path | None) -> str:
    final, registry = reconcile_corpus(records, out / "entities.jsonl", Rulings(), store=store)
    atomic_write_text(out / "entities.jsonl", model_lines(registry))
    return model_lines(final) + model_lines(registry)


def test_the_corpus_step_gives_the_same_outputs_with_a_store(tmp_path: Path) -> None:
    rng = random.Random(4)
    plain, stored = tmp_path / "plain", tmp_path / "stored"
    plain.mkdir()
    stored.mkdir()
    store = stored / ".extract-registry.duckdb"
    store.write_bytes(b"")  # an empty file asks for a store
    assert step(random_records(rng, 3), plain, plain / "none.duckdb") == step(
        random_records(random.Random(4), 3), stored, store
    )
    assert not (plain / "none.duckdb").exists() and store.stat().st_size > 0
    records = random_records(rng, 50)
    for number in range(3):
        assert step(records, plain, None) == step(records, stored, store)
        records = changed(rng, records, number)
    store.write_bytes(b"damaged")
    assert step(records, plain, None) == step(records, stored, store)


def test_a_store_of_another_shape_is_made_anew(tmp_path: Path) -> None:
    records = random_records(random.Random(2), 20)
    plain, stored = tmp_path / "plain", tmp_path / "stored"
    plain.mkdir()
    stored.mkdir()
    store = stored / ".extract-registry.duckdb"
    with duckdb.connect(str(store)) as connection:  # an older version's table
        connection.execute("CREATE TABLE keys (node BIGINT)")
    assert step(records, stored, store) == step(records, plain, None)
    assert step(records, stored, store) == step(records, plain, None)
    with duckdb.connect(str(store)) as connection:
        assert connection.execute("SELECT count(*) FROM keys").fetchone() != (0,)
