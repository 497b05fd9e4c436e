"""The registry built part by part (`extract.reconcile.parts`): the plan of the parts and a
build in memory that must equal `registry.build_registry` entity for entity and id for id.
The on-disk store (`extract.reconcile.store`) follows the same plan, one part in memory at a
time."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from extract.decisions import Decision
from extract.models import ArticleRecord, Entity, RegistryEntity
from extract.reconcile.blocking import BlockKey
from extract.reconcile.ids import IdSlot, PreviousRegistry, assign_slots, slot_of
from extract.reconcile.linkage import CONFUSED_FAMILIES
from extract.reconcile.parts import (
    Node,
    Row,
    canonical_of,
    conflict_key,
    last_words,
    link,
    node_names,
    node_of,
    node_rows,
    ruling_keys,
)
from extract.reconcile.registry import (
    Articles,
    Item,
    article_items,
    entries,
    id_requests,
    reconcile_groups,
)


@dataclass(frozen=True)
class NodeInfo:
    """What the plan needs of one node: its spellings, conflict and ruling keys."""

    node: Node
    names: dict[str, int]
    conflict: str | None
    rulings: tuple[str, ...]


def node_info(
    node: Node,
    members: Sequence[tuple[str, Entity]],
    rulings: list[Decision],
    previous: PreviousRegistry,
) -> NodeInfo:
    names = node_names(entity for _, entity in members)
    found = ruling_keys(names, ((a, e.id) for a, e in members), rulings, previous)
    return NodeInfo(node, names, conflict_key(node, names), tuple(found))


def involved_nodes(infos: Iterable[NodeInfo]) -> tuple[set[Node], frozenset[str]]:
    """Nodes whose names may take another family before blocking (a label conflict with a
    node of the other confused family, or a `same` ruling), and every family they may take."""
    by_conflict: dict[str, set[Node]] = {}
    involved: set[Node] = set()
    families = set(CONFUSED_FAMILIES)
    for info in infos:
        if info.conflict:
            by_conflict.setdefault(info.conflict, set()).add(info.node)
        if info.rulings:
            involved.add(info.node)
            families.add(info.node[0])
    for nodes in by_conflict.values():
        if len({family for family, _ in nodes}) > 1:
            involved |= nodes
    return involved, frozenset(families)


def rows_of(info: NodeInfo, involved: set[Node], families: frozenset[str]) -> list[Row]:
    """Every key of a node (`parts.node_rows`), with its conflict and ruling keys."""
    own = info.node[0]
    mine = families | {own} if info.node in involved else frozenset({own})
    rows = node_rows(info.node, info.names, mine)
    extra = list(info.rulings) + ([info.conflict] if info.conflict else [])
    return rows + [Row(key) for key in extra]


@dataclass(frozen=True)
class Plan:
    parts: list[list[int]]
    """Item indices of each part, in item order; parts ordered by their first item."""
    oversized: frozenset[BlockKey]


def plan(items: list[Item], rulings: list[Decision], previous: PreviousRegistry) -> Plan:
    """The parts of a corpus's items."""
    index: dict[Node, int] = {}
    node_items: list[list[int]] = []
    for position, (_, entity) in enumerate(items):
        number = index.setdefault(node_of(entity), len(index))
        if number == len(node_items):
            node_items.append([])
        node_items[number].append(position)
    infos = [
        node_info(node, [items[i] for i in node_items[number]], rulings, previous)
        for node, number in index.items()
    ]
    involved, families = involved_nodes(infos)
    rows = {number: rows_of(info, involved, families) for number, info in enumerate(infos)}
    lasts = {number: last_words(info.names) for number, info in enumerate(infos)}
    canonical = {n: canonical_of(info.node, info.names) for n, info in enumerate(infos)}
    joined, oversized = link(rows, lasts, canonical, len(infos))
    by_root: dict[int, list[int]] = {}
    for number, positions in enumerate(node_items):
        by_root.setdefault(joined.find(number), []).extend(positions)
    parts = sorted((sorted(found) for found in by_root.values()), key=lambda p: p[0])
    return Plan(parts, oversized)


def build_in_parts(
    records: list[ArticleRecord],
    *,
    previous: PreviousRegistry | None = None,
    decisions: Iterable[Decision] = (),
) -> tuple[list[RegistryEntity], dict[tuple[str, str], str]]:
    """`build_registry`, one part at a time (the reference for the on-disk store)."""
    previous = previous or PreviousRegistry()
    rulings = list(decisions)
    items = article_items(records, rulings)
    articles = Articles.of(records)
    layout = plan(items, rulings, previous)
    built = []
    slots: list[IdSlot] = []
    for part in layout.parts:
        part_items = [items[i] for i in part]
        groups = reconcile_groups(part_items, articles, rulings, previous, layout.oversized)
        slots += [slot_of(request, previous) for request in id_requests(groups)]
        built.append((groups, part_items))
    identifiers = iter(assign_slots(slots))
    found: list[RegistryEntity] = []
    mapping: dict[tuple[str, str], str] = {}
    for groups, part_items in built:
        some, more = entries(groups, part_items, [next(identifiers) for _ in groups])
        found += some
        mapping.update(more)
    return sorted(found, key=lambda entry: entry.id), mapping
