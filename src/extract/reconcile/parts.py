"""Independent parts of a corpus: the registry built one part at a time, the same as whole.

Linkage only ever compares two groups that meet under a key: a blocking key, a full name
labelled PERSON in some articles and ORG in others, a reviewer's `same` ruling, or a
surname shared by a person and an ORG named like one (`linkage.merge_mislabelled_people`).
Every article entity of one label family and name key is a *node*; nodes that meet under
any of those keys, the way `linkage` forms its pairs, are one *part*. Parts never interact,
so each is reconciled with the unchanged in-memory code (`registry.reconcile_groups`) and
memory is bounded by the largest part, not the corpus. Two things are global and passed in:
which blocks are too large in the whole corpus (split by surname, `blocking.within_bounds`)
and the ids, assigned once for all parts (`ids.assign_slots`). A node's keys are a superset
of what its groups can have (every family its name may take, every name it may show), so a
part is never cut too small; a part too large costs only time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from extract.decisions import Decision
from extract.models import Entity
from extract.reconcile.blocking import MAX_BLOCK, BlockKey, blocking_keys
from extract.reconcile.groups import LABEL_FAMILY, MATCH_LABEL, Group, bare, initialled
from extract.reconcile.ids import PreviousRegistry
from extract.reconcile.linkage import CONFUSED_FAMILIES
from extract.reconcile.match import match_names, transliterate
from extract.reconcile.names import name_key
from extract.reconcile.rulings import resolve

Node = tuple[str, str]
"""(label family, name key) of an article entity."""

PARTIAL_KINDS = ("surname", "initial")
"""Block kinds in which only a partial name pairs, with everyone (`linkage.merge_candidates`)."""


@dataclass(frozen=True)
class Row:
    """One key of a node: `active` (a partial name, an ORG named like a person: the block
    links only through such members), `bounded` (a block split when too large) and `sure`
    (counts towards the block's size in the whole corpus for certain)."""

    key: str
    active: bool = True
    bounded: bool = False
    sure: bool = False
    plain: bool = False
    """A lone organisation or place (no other family possible): pairs only on matching names."""


def node_of(entity: Entity) -> Node:
    return (LABEL_FAMILY.get(entity.label, entity.label), name_key(entity.name))


def key_text(key: BlockKey) -> str:
    return f"{key.family}\x1f{key.kind}\x1f{key.value}"


def block_key(text: str) -> BlockKey:
    family, kind, value = text.split("\x1f", 2)
    return BlockKey(family, kind, value)


def node_names(entities: Iterable[Entity]) -> dict[str, int]:
    """A node's spellings: entity names counted, mention texts with 0 (as `Group.names`)."""
    names: Counter[str] = Counter()
    for entity in entities:
        for mention in entity.mentions:
            names[mention.text] += 0
        names[entity.name] += 1
    return dict(names)


def conflict_key(node: Node, names: dict[str, int]) -> str | None:
    """The key under which `linkage.merge_label_conflicts` may join this node to one of the
    other confused family: its name key, for a full name that some entity was given."""
    family, key = node
    if family in CONFUSED_FAMILIES and any(n and len(t.split()) > 1 for t, n in names.items()):
        return f"conflict\x1f{key}"
    return None


def ruling_keys(
    names: dict[str, int],
    members: Iterable[tuple[str, str]],
    rulings: list[Decision],
    previous: PreviousRegistry,
) -> list[str]:
    """`same` rulings that name this node (by a spelling or a previous id)."""
    known = {name_key(name) for name in names} | previous.ids_of(members)
    found = []
    for index, ruling in enumerate(rulings):
        if ruling.same and (resolve(ruling.a, previous) | resolve(ruling.b, previous)) & known:
            found.append(f"ruling\x1f{index}")
    return found


def node_rows(node: Node, names: dict[str, int], families: frozenset[str]) -> list[Row]:
    """The keys of a node under every family in `families` (its own alone unless the node is
    involved in a label conflict or a ruling, which may give its names another family)."""
    family = node[0]
    involved = families != {family}
    rows: dict[str, Row] = {}
    given = [name for name, count in names.items() if count]
    for each in sorted(families):
        view = Group(family=each, names=Counter(names))
        # a group of this node is bare only if some name an entity was given is bare
        partial = {
            "surname": involved or any(bare(Group(each, names=Counter([n]))) for n in given),
            "initial": involved or initialled(view),
        }
        for key in blocking_keys(view):
            text = key_text(key)
            if key.kind in partial:
                rows[text] = Row(text, active=partial[key.kind])
            else:
                sure = not involved and each == family
                plain = sure and family != "PERSON"
                rows[text] = Row(text, bounded=True, sure=sure, plain=plain)
    for text, active in mislabelled_keys(names, families, involved):
        if text not in rows or active:
            rows[text] = Row(text, active=active)
    return [rows[key] for key in sorted(rows)]


def mislabelled_keys(
    names: dict[str, int], families: frozenset[str], involved: bool
) -> list[tuple[str, bool]]:
    """Surname keys for `merge_mislabelled_people`: a person's names (passive) and an ORG's
    single name of two or three capitalised words (active: it links the people it may join)."""
    found: list[tuple[str, bool]] = []
    for name in sorted(names):
        words = name_key(name).split()
        if not words:
            continue
        key = f"last\x1f{transliterate(words[-1])}"
        if "PERSON" in families:
            found.append((key, False))
        single = involved or len(names) == 1
        capitals = all(w[:1].isupper() for w in name.split())
        if "ORG" in families and single and 2 <= len(name.split()) <= 3 and capitals:
            found.append((key, True))
    return found


def last_words(names: Iterable[str]) -> set[str]:
    """What `within_bounds` splits a too large block by."""
    return {transliterate(words[-1]) for name in names if (words := name_key(name).split())}


class UnionFind:
    """Connected components over integer nodes."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, node: int) -> int:
        parent = self.parent
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


@dataclass(frozen=True)
class Block:
    """The members of one key, as linkage pairs them: through an `active` member only, split
    by surname when the block is too large in the whole corpus (`split`), and, when every
    member is a lone organisation or place (`plain`), only where their names match."""

    key: str
    nodes: list[int]
    active: bool
    split: bool
    plain: bool


def blocks_of(rows: dict[int, list[Row]]) -> list[Block]:
    members: dict[str, list[int]] = {}
    found: dict[str, list[Row]] = {}
    for node, each in sorted(rows.items()):
        for row in each:
            members.setdefault(row.key, []).append(node)
            found.setdefault(row.key, []).append(row)
    return [
        Block(
            key,
            nodes,
            any(r.active for r in found[key]),
            any(r.bounded for r in found[key]) and sum(r.sure for r in found[key]) > MAX_BLOCK,
            all(r.plain for r in found[key]),
        )
        for key, nodes in members.items()
    ]


def canonical_of(node: Node, names: dict[str, int]) -> tuple[str, str]:
    """A lone node's canonical name and the label `match_names` compares it under."""
    return Group(family=node[0], names=Counter(names)).canonical(), MATCH_LABEL.get(node[0], "ORG")


def join(
    joined: UnionFind,
    block: Block,
    lasts: dict[int, set[str]],
    canonical: dict[int, tuple[str, str]],
) -> None:
    """Join the nodes of one block that linkage may pair. Two lone organisations or places
    pair only if their canonical names match (`names_match` is complete linkage over names
    that include the canonical ones), so a block such as "unit" (United Nations, United
    Airlines) no longer joins everything in it."""
    if not block.active:
        return
    groups = [block.nodes]
    if block.split:
        by_last: dict[str, list[int]] = {}
        for node in block.nodes:
            for last in sorted(lasts[node]):
                by_last.setdefault(last, []).append(node)
        groups = list(by_last.values())
    for members in groups:
        if not block.plain:
            for node in members[1:]:
                joined.union(members[0], node)
            continue
        for index, a in enumerate(members):
            for b in members[index + 1 :]:
                if (
                    joined.find(a) != joined.find(b)
                    and match_names(canonical[a][0], canonical[b][0], canonical[a][1]).same
                ):
                    joined.union(a, b)


def link(
    rows: dict[int, list[Row]],
    lasts: dict[int, set[str]],
    canonical: dict[int, tuple[str, str]],
    size: int,
) -> tuple[UnionFind, frozenset[BlockKey]]:
    """Nodes joined the way `merge_candidates` pairs groups, and the blocks that are too
    large in the whole corpus (split by surname there, so here too)."""
    joined = UnionFind(size)
    oversized: set[BlockKey] = set()
    for block in blocks_of(rows):
        if block.split and block.active:
            oversized.add(block_key(block.key))
        join(joined, block, lasts, canonical)
    return joined, frozenset(oversized)
