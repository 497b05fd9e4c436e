"""Rows in and out of the registry store (`extract.reconcile.store`): digests that say what
changed, node facts as JSON, and bulk inserts."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import duckdb
import pyarrow as pa

from extract.decisions import Decision
from extract.models import ArticleRecord, Entity, RegistryEntity
from extract.reconcile.partition import NodeInfo
from extract.reconcile.parts import Node
from extract.reconcile.registry import Articles, Item

STORE_VERSION = "2"


def digest_text(text: str) -> str:
    return digest_bytes(text.encode("utf-8"))


def digest_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def record_digest(record: ArticleRecord) -> str:
    """What the registry reads of an article: its entities and date."""
    entities = [entity.model_dump(mode="json") for entity in record.entities]
    return digest_text(json.dumps([record.published, entities], sort_keys=True))


def rulings_digest(rulings: list[Decision]) -> str:
    return digest_text(json.dumps([[r.same, r.a, r.b] for r in rulings]) + STORE_VERSION)


def insert(
    db: duckdb.DuckDBPyConnection,
    table: str,
    columns: dict[str, list[Any]],
    *,
    create: bool = False,
) -> None:
    """Rows in one go (through Arrow: row-by-row inserts are slow in DuckDB)."""
    data = pa.table(columns)
    db.register("incoming", data)
    if create:
        db.execute(f"CREATE TEMP TABLE {table} AS SELECT * FROM incoming")
    elif data.num_rows:
        names = ", ".join(columns)
        db.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM incoming")
    db.unregister("incoming")


def info_json(info: NodeInfo) -> str:
    return json.dumps({"names": info.names, "conflict": info.conflict, "rulings": info.rulings})


def info_of(node: int, family: str, key: str, text: str) -> NodeInfo:
    data = json.loads(text)
    return NodeInfo((family, key), data["names"], data["conflict"], tuple(data["rulings"]))


def node_members(
    db: duckdb.DuckDBPyConnection, nodes: set[int]
) -> dict[int, tuple[Node, list[tuple[str, Entity]]]]:
    found: dict[int, tuple[Node, list[tuple[str, Entity]]]] = {}
    query = (
        "SELECT i.node, n.family, n.key, i.article, i.entity FROM items i JOIN nodes n "
        "USING (node) WHERE i.node IN (SELECT unnest(?)) ORDER BY i.node, i.article, i.seq"
    )
    for node, family, key, article, entity in db.execute(query, [sorted(nodes)]).fetchall():
        found.setdefault(node, ((family, key), []))[1].append(
            (article, Entity.model_validate_json(entity))
        )
    return found


def part_items(db: duckdb.DuckDBPyConnection, nodes: list[int]) -> tuple[list[Item], Articles]:
    """A part's article entities in corpus order, and what linkage needs of their articles."""
    query = (
        "SELECT i.article, i.entity, a.published, a.context FROM items i JOIN articles a "
        "USING (article) WHERE i.node IN (SELECT unnest(?)) ORDER BY i.article, i.seq"
    )
    items: list[Item] = []
    articles = Articles({}, {})
    for article, entity, published, context in db.execute(query, [nodes]).fetchall():
        items.append((article, Entity.model_validate_json(entity)))
        if article not in articles.context:
            articles.context[article] = set(json.loads(context))
            if published:
                articles.published[article] = published
    return items, articles


def result(
    db: duckdb.DuckDBPyConnection,
) -> tuple[list[RegistryEntity], dict[tuple[str, str], str]]:
    entries = [
        RegistryEntity.model_validate({"id": i, **json.loads(entry)})
        for i, entry in db.execute("SELECT id, entry FROM results ORDER BY id").fetchall()
    ]
    mapping = {
        (article, entity): i
        for article, entity, i in db.execute("SELECT article, entity, id FROM mapping").fetchall()
    }
    return entries, mapping
