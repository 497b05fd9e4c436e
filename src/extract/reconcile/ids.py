"""Corpus ids: one function makes every entity id, and ids stay put from run to run.

An id is kept by the entity it was given to, not by a name: the registry records which
article entities each corpus entity joins (`members`), and the next run gives each group the
previous id most of its mentions carried. So an unchanged re-run reproduces every id, adding
an article moves none of the entities it does not touch, and a reviewer's decision keyed by an
id keeps pointing at the same entity. A new entity's id is a digest of its kind and name, so
fresh runs agree too. Pure: no spaCy, no files.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from extract.reconcile.names import name_key

ID_PREFIX = "ent_"


def stable_id(*parts: str) -> str:
    """`ent_` and 12 hex digits of the parts' digest: the same parts, the same id, anywhere.
    Per-article entities use (label, name key); corpus entities (family, least name key)."""
    digest = hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()
    return f"{ID_PREFIX}{digest[:12]}"


def entity_id(label: str, name: str) -> str:
    """The id of an article's entity: the same label and name key give the same id."""
    return stable_id(label, name_key(name))


MemberKey = tuple[str, str]
"""(article id, the article's own entity id)."""


@dataclass(frozen=True)
class PreviousRegistry:
    """What the last run's entities.jsonl says about ids."""

    by_member: dict[MemberKey, str] = field(default_factory=dict)
    by_name: dict[tuple[str, str], str] = field(default_factory=dict)
    """(label, name key) -> id, only for registries written before members were recorded,
    and only where one id has that name."""
    ids: frozenset[str] = frozenset()

    @classmethod
    def from_entries(cls, entries: Iterable[dict[str, Any]]) -> PreviousRegistry:
        by_member: dict[MemberKey, str] = {}
        names: dict[tuple[str, str], set[str]] = {}
        ids: set[str] = set()
        for entry in entries:
            identifier = str(entry["id"])
            ids.add(identifier)
            for member in entry.get("members", []):
                by_member[(member["article"], member["entity"])] = identifier
            if not entry.get("members"):
                names.setdefault((entry.get("label", ""), name_key(entry["name"])), set()).add(
                    identifier
                )
        by_name = {key: found.pop() for key, found in names.items() if len(found) == 1}
        return cls(by_member, by_name, frozenset(ids))

    def ids_of(self, members: Iterable[MemberKey]) -> set[str]:
        """The previous ids these article entities carried."""
        return {self.by_member[m] for m in members if m in self.by_member}


@dataclass(frozen=True)
class IdRequest:
    """What id assignment needs to know of one group of article entities."""

    family: str
    label: str
    names: frozenset[str]
    """Name keys of the group."""
    members: tuple[tuple[str, str, int], ...]
    """(article, article's entity id, mentions) of every member."""


def assign_ids(
    requests: Sequence[IdRequest], previous: PreviousRegistry | None = None
) -> list[str]:
    """One id per request, in order: previous ids by weight of mentions, then new ones."""
    previous = previous or PreviousRegistry()
    return assign_slots([slot_of(request, previous) for request in requests])


@dataclass(frozen=True)
class IdSlot:
    """All that id assignment keeps of a request: its order, its new id's base and its votes
    for previous ids. Light, so a registry built in parts can assign every id at once."""

    order: tuple[str, str, str]
    base: tuple[str, str]
    votes: tuple[tuple[str, int], ...]


def slot_of(request: IdRequest, previous: PreviousRegistry) -> IdSlot:
    """The request's votes: the previous ids its members carried, weighed by mentions (or,
    for registries without members, the ids of its names)."""
    votes: Counter[str] = Counter()
    for article, local, mentions in request.members:
        found = previous.by_member.get((article, local))
        if found is not None:
            votes[found] += max(mentions, 1)
    if not votes:
        for key in request.names:
            found = previous.by_name.get((request.label, key))
            if found is not None:
                votes[found] += 1
    least = min(request.names) if request.names else ""
    return IdSlot(
        order=(request.family, least, order_text(request.members)),
        base=(request.family, least),
        votes=tuple(votes.items()),
    )


def order_text(members: tuple[tuple[str, str, int], ...]) -> str:
    """Members as one string that sorts as the tuple does (NUL ends each field, counts are
    zero-padded): smaller to hold than the tuple when every group of a corpus waits for ids."""
    return "".join(f"{article}\0{local}\0{mentions:012d}\0" for article, local, mentions in members)


def assign_slots(slots: Sequence[IdSlot], held: Iterable[str] = ()) -> list[str]:
    """One id per slot, in order: each previous id goes to the slot with most weight for it,
    the rest get a digest of their base (numbered on a collision), in a fixed order. `held`:
    ids kept by entities not among the slots (parts of a registry left as they were)."""
    claims = [
        (weight, identifier, index)
        for index, slot in enumerate(slots)
        for identifier, weight in slot.votes
    ]
    ids: list[str | None] = [None] * len(slots)
    given: set[str] = set(held)
    for _, identifier, index in sorted(claims, key=lambda c: (-c[0], c[1], slots[c[2]].order)):
        if ids[index] is None and identifier not in given:
            ids[index] = identifier
            given.add(identifier)
    taken = given
    for index in sorted(range(len(slots)), key=lambda i: slots[i].order):
        if ids[index] is not None:
            continue
        base = list(slots[index].base)
        identifier = stable_id(*base)
        attempt = 1
        while identifier in taken:
            attempt += 1
            identifier = stable_id(*base, str(attempt))
        taken.add(identifier)
        ids[index] = identifier
    return [identifier for identifier in ids if identifier is not None]
