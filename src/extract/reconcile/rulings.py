"""Reviewer rulings in the registry: `same` merges, `different` keeps apart (and splits an
article's entity by the spellings it names); a ruling names an entity by a spelling or by
the id it had in the previous registry."""

from __future__ import annotations

from extract.decisions import Decision
from extract.models import Entity
from extract.reconcile.groups import Group, merge
from extract.reconcile.ids import PreviousRegistry
from extract.reconcile.names import name_key


def split_entity(entity: Entity, rulings: list[Decision]) -> list[Entity]:
    """An article's entity, split where a `different` decision names two of its spellings.

    The mentions spelled like the decision's other name leave to form their own entity (id
    `<local id>~<n>`), so a reviewer can undo a wrong within-article link by name. The input
    is never changed: the cached record stays as extracted.
    """
    parts = [entity]
    for ruling in rulings:
        if ruling.same or ruling.a.startswith("ent_") or ruling.b.startswith("ent_"):
            continue
        a, b = name_key(ruling.a), name_key(ruling.b)
        next_parts: list[Entity] = []
        for part in parts:
            keys = {name_key(m.text) for m in part.mentions}
            if not {a, b} <= keys:
                next_parts.append(part)
                continue
            leaving = a if name_key(part.name) == b else b
            stay = [m for m in part.mentions if name_key(m.text) != leaving]
            gone = [m for m in part.mentions if name_key(m.text) == leaving]
            next_parts.append(part.model_copy(update={"mentions": stay}))
            next_parts.append(
                part.model_copy(
                    update={
                        "id": f"{entity.id}~{len(parts) + len(next_parts)}",
                        "name": gone[0].text,
                        "mentions": gone,
                    }
                )
            )
        parts = next_parts
    return parts


def forbidden(a: Group, b: Group, rulings: list[Decision], previous: PreviousRegistry) -> bool:
    for ruling in rulings:
        if ruling.same:
            continue
        x, y = resolve(ruling.a, previous), resolve(ruling.b, previous)
        if (x & ids(a, previous)) and (y & ids(b, previous)):
            return True
        if (y & ids(a, previous)) and (x & ids(b, previous)):
            return True
    return False


def apply_same_decisions(
    groups: list[Group], rulings: list[Decision], previous: PreviousRegistry
) -> None:
    for ruling in rulings:
        if not ruling.same:
            continue
        x, y = resolve(ruling.a, previous), resolve(ruling.b, previous)
        first = next((g for g in groups if g.members and x & ids(g, previous)), None)
        second = next((g for g in groups if g.members and y & ids(g, previous)), None)
        if first is not None and second is not None and first is not second:
            merge(first, second, "reviewer decision: same", 1.0)


def resolve(reference: str, previous: PreviousRegistry) -> set[str]:
    """A decision names an entity by id (from entities.jsonl) or by a name."""
    return {reference} if reference.startswith("ent_") else {name_key(reference)}


def ids(group: Group, previous: PreviousRegistry) -> set[str]:
    """What a decision may call the group: any of its names, or the id it had last run."""
    return group.name_keys() | previous.ids_of((a, e) for a, e, _ in group.keys)
