"""The registry's on-disk store (DuckDB): the corpus's article entities, their nodes and keys,
the parts they form and each part's entities, so that a run reconciles only the parts its new,
changed or removed articles touch (`extract.reconcile.parts`), one part in memory at a time.

Tables: `articles` (digest, date, context), `items` (one row per article entity, its JSON),
`nodes` (family, name key, spellings, conflict and ruling keys), `keys` (a node's link keys),
`lasts` (its surnames), `parts` (node -> part), `results` (each part's entities, id-less JSON
and id slot), `mapping` ((article, entity) -> id, the previous registry's members) and `meta`.

Trust: the store is used only when its `meta` says it produced the previous entities.jsonl
(digest), under the same rulings and store version; otherwise it is emptied and rebuilt from
the records. Each update is one transaction, so a crash leaves the last committed state.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

from extract.decisions import Decision
from extract.models import ArticleRecord, RegistryEntity
from extract.reconcile.blocking import MAX_BLOCK, BlockKey
from extract.reconcile.ids import IdSlot, PreviousRegistry, assign_slots, slot_of
from extract.reconcile.linkage import CONFUSED_FAMILIES
from extract.reconcile.partition import node_info, rows_of
from extract.reconcile.parts import (
    Block,
    UnionFind,
    block_key,
    canonical_of,
    join,
    last_words,
    node_of,
)
from extract.reconcile.registry import (
    Articles,
    article_items,
    entry_of,
    id_requests,
    reconcile_groups,
)
from extract.reconcile.store_rows import (
    STORE_VERSION,
    digest_text,
    info_json,
    info_of,
    insert,
    node_members,
    part_items,
    record_digest,
    result,
    rulings_digest,
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (article VARCHAR, digest VARCHAR, published VARCHAR,
    context VARCHAR);
CREATE TABLE IF NOT EXISTS items (article VARCHAR, seq INTEGER, node BIGINT, entity VARCHAR);
CREATE TABLE IF NOT EXISTS nodes (node BIGINT, family VARCHAR, key VARCHAR, info VARCHAR);
CREATE TABLE IF NOT EXISTS keys (node BIGINT, key VARCHAR, active BOOLEAN, bounded BOOLEAN,
    sure BOOLEAN, plain BOOLEAN);
CREATE TABLE IF NOT EXISTS lasts (node BIGINT, last VARCHAR);
CREATE TABLE IF NOT EXISTS parts (node BIGINT, part BIGINT);
CREATE TABLE IF NOT EXISTS results (part BIGINT, id VARCHAR, entry VARCHAR);
CREATE TABLE IF NOT EXISTS mapping (article VARCHAR, entity VARCHAR, id VARCHAR, part BIGINT);
"""
TABLES = ("meta", "articles", "items", "nodes", "keys", "lasts", "parts", "results", "mapping")


class RegistryStore:
    """One DuckDB file beside a run's outputs; `update` is the whole corpus step's registry."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.reconciled = 0
        """Article entities the last update reconciled again (the rest kept their parts)."""

    def update(
        self,
        records: list[ArticleRecord],
        previous: PreviousRegistry,
        previous_digest: str | None,
        rulings: list[Decision],
    ) -> tuple[list[RegistryEntity], dict[tuple[str, str], str]]:
        """The registry of `records` (sorted by id), equal to `build_registry(records,
        previous=previous, decisions=rulings)`, reconciling only the parts that changed."""
        try:
            connection = duckdb.connect(str(self.path))
        except duckdb.Error:  # damaged: start again from the records
            self.path.unlink(missing_ok=True)
            connection = duckdb.connect(str(self.path))
        with connection:
            connection.execute("BEGIN TRANSACTION")
            connection.execute(SCHEMA)
            meta = dict(connection.execute("SELECT name, value FROM meta").fetchall())
            wanted = {"version": STORE_VERSION, "rulings": rulings_digest(rulings)}
            trusted = previous_digest is not None and not previous.by_name
            trusted = trusted and meta == {**wanted, "registry": previous_digest}
            if not trusted:  # tables made anew: an older version's columns may differ
                for table in TABLES:
                    connection.execute(f"DROP TABLE {table}")
                connection.execute(SCHEMA)
            update = Update(connection, rulings, previous, trusted)
            result = update.run(records)
            self.reconciled = update.reconciled
            connection.execute("DELETE FROM meta")
            for name, value in {**wanted, "registry": ""}.items():
                connection.execute("INSERT INTO meta VALUES (?, ?)", [name, value])
            connection.execute("COMMIT")
        return result

    def seal(self, registry_text: str) -> None:
        """Record the entities.jsonl the run wrote from this store: the next run trusts the
        store only if that file is unchanged."""
        with duckdb.connect(str(self.path)) as connection:
            connection.execute(
                "UPDATE meta SET value = ? WHERE name = 'registry'", [digest_text(registry_text)]
            )


class Update:
    """One run's changes to the store."""

    def __init__(
        self,
        connection: duckdb.DuckDBPyConnection,
        rulings: list[Decision],
        previous: PreviousRegistry,
        trusted: bool,
    ) -> None:
        self.db = connection
        self.rulings = rulings
        self.previous = previous
        self.trusted = trusted
        self.reconciled = 0

    def run(
        self, records: list[ArticleRecord]
    ) -> tuple[list[RegistryEntity], dict[tuple[str, str], str]]:
        touched = self.replace_articles(records)
        nodes = self.refresh_nodes(touched)
        affected = self.affected(nodes)
        self.rebuild(affected)
        return result(self.db)

    def replace_articles(self, records: list[ArticleRecord]) -> set[int]:
        """New, changed and removed articles in, out of `articles` and `items`; the nodes
        their entities had or have."""
        stored = dict(self.db.execute("SELECT article, digest FROM articles").fetchall())
        digests = {record.id: record_digest(record) for record in records}
        gone = [a for a, d in stored.items() if digests.get(a) != d]
        fresh = [r for r in records if stored.get(r.id) != digests[r.id]]
        self.db.execute("CREATE TEMP TABLE gone (article VARCHAR)")
        insert(self.db, "gone", {"article": gone + [r.id for r in fresh]})
        touched = {
            n
            for (n,) in self.db.execute(
                "SELECT DISTINCT node FROM items SEMI JOIN gone USING (article)"
            ).fetchall()
        }
        self.db.execute("DELETE FROM items WHERE article IN (SELECT article FROM gone)")
        self.db.execute("DELETE FROM articles WHERE article IN (SELECT article FROM gone)")
        self.db.execute("DROP TABLE gone")
        known = {
            (family, key): node
            for node, family, key in self.db.execute(
                "SELECT node, family, key FROM nodes"
            ).fetchall()
        }
        next_node = max(known.values(), default=-1) + 1
        articles = Articles.of(fresh)
        rows: dict[str, list[Any]] = {k: [] for k in ("article", "seq", "node", "entity")}
        for seq_article in fresh:
            for seq, (article, entity) in enumerate(article_items([seq_article], self.rulings)):
                node = known.setdefault(node_of(entity), next_node)
                next_node += node == next_node
                touched.add(node)
                values = (article, seq, node, entity.model_dump_json())
                for name, value in zip(rows, values, strict=True):
                    rows[name].append(value)
        insert(self.db, "items", rows)
        insert(
            self.db,
            "articles",
            {
                "article": [r.id for r in fresh],
                "digest": [digests[r.id] for r in fresh],
                "published": [articles.published.get(r.id) for r in fresh],
                "context": [json.dumps(sorted(articles.context[r.id])) for r in fresh],
            },
        )
        new_nodes = {n: k for k, n in known.items() if n in touched}
        self.db.execute("DELETE FROM nodes WHERE node IN (SELECT unnest(?))", [sorted(new_nodes)])
        insert(
            self.db,
            "nodes",
            {
                "node": list(new_nodes),
                "family": [k[0] for k in new_nodes.values()],
                "key": [k[1] for k in new_nodes.values()],
                "info": [""] * len(new_nodes),
            },
        )
        return touched

    def refresh_nodes(self, touched: set[int]) -> set[int]:
        """Spellings, conflict and ruling keys of the touched nodes (and the other side of
        their label conflicts), then their link keys; nodes left without items go."""
        members = node_members(self.db, touched)
        infos = {
            n: node_info(node, found, self.rulings, self.previous)
            for n, (node, found) in members.items()
        }
        empty = touched - set(infos)
        self.db.execute("DELETE FROM nodes WHERE node IN (SELECT unnest(?))", [sorted(empty)])
        fresh: dict[str, list[Any]] = {
            "node": list(infos),
            "info": [info_json(info) for info in infos.values()],
        }
        insert(self.db, "fresh_info", fresh, create=True)  # one statement, not one per node
        self.db.execute(
            "UPDATE nodes SET info = f.info FROM fresh_info f WHERE nodes.node = f.node"
        )
        self.db.execute("DROP TABLE fresh_info")
        involved, families = self.involvement()
        partners = {  # the other side of a label conflict that may have come or gone
            n
            for (n,) in self.db.execute(
                "SELECT node FROM nodes WHERE key IN (SELECT key FROM nodes "
                "WHERE node IN (SELECT unnest(?)))",
                [sorted(touched)],
            ).fetchall()
        }
        query = "SELECT node, family, key, info FROM nodes WHERE node IN (SELECT unnest(?))"
        others = sorted((involved | partners) - touched)
        for row in self.db.execute(query, [others]).fetchall():
            infos[row[0]] = info_of(*row)
        named = {infos[n].node for n in involved if n in infos}
        rows = {
            node: {
                (node, r.key, r.active, r.bounded, r.sure, r.plain)
                for r in rows_of(infos[node], {infos[node].node} & named, families)
            }
            for node in sorted(set(infos))
        }
        stored: dict[int, set[tuple[Any, ...]]] = {}
        query = "SELECT * FROM keys WHERE node IN (SELECT unnest(?))"
        for row in self.db.execute(query, [others]).fetchall():
            stored.setdefault(row[0], set()).add(tuple(row))
        refresh = (touched - empty) | {n for n in others if n in infos and stored.get(n) != rows[n]}
        gone = sorted(refresh | empty)
        self.db.execute(  # blocks they leave may now be small enough to link whole
            "CREATE TEMP TABLE old_keys AS SELECT DISTINCT key FROM keys "
            "WHERE node IN (SELECT unnest(?))",
            [gone],
        )
        self.db.execute("DELETE FROM keys WHERE node IN (SELECT unnest(?))", [gone])
        columns = ("node", "key", "active", "bounded", "sure", "plain")
        found = sorted(row for node in refresh for row in rows[node])
        insert(self.db, "keys", {c: [r[i] for r in found] for i, c in enumerate(columns)})
        self.db.execute("DELETE FROM lasts WHERE node IN (SELECT unnest(?))", [sorted(touched)])
        lasts = sorted((n, last) for n in touched - empty for last in last_words(infos[n].names))
        insert(self.db, "lasts", {"node": [n for n, _ in lasts], "last": [x for _, x in lasts]})
        return refresh | empty

    def involvement(self) -> tuple[set[int], frozenset[str]]:
        """`partition.involved_nodes` over the store: both sides of every label conflict and
        the nodes rulings name (few; their keys are always refreshed)."""
        query = """
            WITH info AS (SELECT node, family, json_extract_string(info, '$.conflict') AS conflict,
                                 json_array_length(json_extract(info, '$.rulings')) AS rulings
                          FROM nodes),
            conflicts AS (SELECT conflict FROM info WHERE conflict IS NOT NULL GROUP BY conflict
                          HAVING count(DISTINCT family) > 1)
            SELECT node, family, rulings > 0 FROM info
            WHERE rulings > 0 OR conflict IN (SELECT conflict FROM conflicts)
        """
        involved: set[int] = set()
        families = set(CONFUSED_FAMILIES)
        for node, family, ruled in self.db.execute(query).fetchall():
            involved.add(node)
            if ruled:
                families.add(family)
        return involved, frozenset(families)

    def affected(self, refreshed: set[int]) -> set[int]:
        """The nodes whose parts must be reconciled again: the refreshed ones, every node
        that shares a key with them, and everything in those nodes' parts."""
        self.db.execute(
            "CREATE TEMP TABLE refreshed AS SELECT unnest(?) AS node", [sorted(refreshed)]
        )
        query = """
            WITH touched_keys AS (SELECT key FROM keys SEMI JOIN refreshed USING (node)
                                  UNION SELECT key FROM old_keys),
            near AS (SELECT node FROM keys SEMI JOIN touched_keys USING (key)
                     UNION SELECT node FROM refreshed),
            old_parts AS (SELECT DISTINCT part FROM parts SEMI JOIN near USING (node))
            SELECT node FROM near UNION SELECT node FROM parts SEMI JOIN old_parts USING (part)
        """
        found = {n for (n,) in self.db.execute(query).fetchall()}
        self.db.execute("DROP TABLE refreshed")
        self.db.execute("DROP TABLE old_keys")
        return found

    def rebuild(self, affected: set[int]) -> None:
        """Reconcile the parts of the affected nodes again, each with the in-memory code,
        and give their entities ids around those of the parts left as they were."""
        self.db.execute(
            "CREATE TEMP TABLE affected AS SELECT unnest(?) AS node", [sorted(affected)]
        )
        self.db.execute(
            "CREATE TEMP TABLE old AS "
            "SELECT DISTINCT part FROM parts SEMI JOIN affected USING (node)"
        )
        for table in ("results", "mapping", "parts"):
            self.db.execute(f"DELETE FROM {table} WHERE part IN (SELECT part FROM old)")
        components, oversized = self.components()
        held = {i for (i,) in self.db.execute("SELECT id FROM results").fetchall()}
        ((first,),) = self.db.execute("SELECT coalesce(max(part) + 1, 0) FROM parts").fetchall()
        number = int(first)
        slots: list[IdSlot] = []
        pending: dict[str, list[Any]] = {"part": [], "slot": [], "entry": []}
        mapped: dict[str, list[Any]] = {"article": [], "entity": [], "slot": [], "part": []}
        placed: dict[str, list[Any]] = {"node": [], "part": []}
        for nodes in components:
            items, articles = part_items(self.db, nodes)
            self.reconciled += len(items)
            groups = reconcile_groups(items, articles, self.rulings, self.previous, oversized)
            for group, request in zip(groups, id_requests(groups), strict=True):
                mapping: dict[tuple[str, str], str] = {}
                entry = entry_of(group, items, "", mapping)
                pending["part"].append(number)
                pending["slot"].append(len(slots))
                pending["entry"].append(entry.model_dump_json(exclude={"id"}))
                for article, local in mapping:
                    values = (article, local, len(slots), number)
                    for name, value in zip(mapped, values, strict=True):
                        mapped[name].append(value)
                slots.append(slot_of(request, self.previous))
            placed["node"] += nodes
            placed["part"] += [number] * len(nodes)
            number += 1
        ids = assign_slots(slots, held=held)
        insert(
            self.db, "pending", {**pending, "id": [ids[s] for s in pending["slot"]]}, create=True
        )
        insert(self.db, "pmap", {**mapped, "id": [ids[s] for s in mapped["slot"]]}, create=True)
        self.db.execute("INSERT INTO results SELECT part, id, entry FROM pending")
        self.db.execute("INSERT INTO mapping SELECT article, entity, id, part FROM pmap")
        insert(self.db, "parts", placed)
        for table in ("pending", "pmap", "affected", "old"):
            self.db.execute(f"DROP TABLE {table}")

    def components(self) -> tuple[list[list[int]], frozenset[BlockKey]]:
        """The parts of the affected nodes, linked as `parts.link` does, with the size of
        every block counted over the whole store."""
        nodes = [
            n
            for (n,) in self.db.execute(
                "SELECT node FROM nodes SEMI JOIN affected USING (node) ORDER BY node"
            ).fetchall()
        ]
        local = {node: index for index, node in enumerate(nodes)}
        query = """
            WITH mine AS (SELECT DISTINCT key FROM keys SEMI JOIN affected USING (node)),
            sizes AS (SELECT key, bool_or(active) AS active, bool_or(bounded) AS bounded,
                             sum(sure::INTEGER) AS sure, bool_and(plain) AS plain
                      FROM keys SEMI JOIN mine USING (key) GROUP BY key)
            SELECT k.key, list(k.node ORDER BY k.node), s.bounded AND s.sure > ?, s.plain
            FROM keys k JOIN sizes s USING (key) SEMI JOIN affected USING (node)
            WHERE s.active GROUP BY k.key, s.bounded, s.sure, s.plain ORDER BY k.key
        """
        lasts: dict[int, set[str]] = {}
        for node, last in self.db.execute(
            "SELECT node, last FROM lasts SEMI JOIN affected USING (node)"
        ).fetchall():
            lasts.setdefault(local[node], set()).add(last)
        canonical = {
            local[node]: canonical_of((family, key), json.loads(info)["names"])
            for node, family, key, info in self.db.execute(
                "SELECT node, family, key, info FROM nodes SEMI JOIN affected USING (node)"
            ).fetchall()
        }
        joined = UnionFind(len(nodes))
        oversized: set[BlockKey] = set()
        for key, members, split, plain in self.db.execute(query, [MAX_BLOCK]).fetchall():
            if split:
                oversized.add(block_key(key))
            block = Block(key, [local[n] for n in members], True, split, plain)
            join(joined, block, lasts, canonical)
        found: dict[int, list[int]] = {}
        for node in nodes:
            found.setdefault(joined.find(local[node]), []).append(node)
        return list(found.values()), frozenset(oversized)
