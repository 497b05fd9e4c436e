"""The corpus registry: one id per real-world entity across all articles, every merge explained.

Per-article entities (already clustered within their article) are grouped across the corpus:
  1. the same name key and label family merge at once ("same name"), and a full name that
     some articles label PERSON and others ORG becomes one group under the majority label;
  2. other candidates come from blocking keys (for a person: the given name's variant groups
     with each one-letter deletion of the transliterated surname, its metaphone, and for long
     surnames its start and end; for an organisation: its first word and its acronym), so cost
     grows with the number of distinct names, not their square;
  3. candidate pairs are scored with `match_names` and merged best first, but only when the
     newcomer matches every name of the group except the canonical name's own misspellings
     (no chaining: A~B and B~C with A≁C stay apart, and "J. Smith" never joins John to Jane);
     a bare surname needs shared context (a co-mentioned entity or a role) as well, goes to
     the bearer it shares most context with, and to none when two people fit about equally;
     every candidate is then weighed on the evidence beyond its names (`evidence.weigh`:
     shared context, publication dates, the texts' gender (`Entity.gender`: pronouns,
     honorifics, role words; two groups whose genders differ never merge); a slip of
     spelling between common names or an organisation's acronym needs shared context), each
     part in the merge reason;
     an ORG entity named like a person who shares its context joins that person;
  4. human decisions (`same` / `different`) are obeyed before anything else.
Ids are stable as the corpus grows: a group keeps the id its article entities had in the
previous registry (`extract.reconcile.ids`). Pure: typed records in, typed entries out (plain
data only crosses process and file boundaries).
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

from extract.decisions import Decision, read_decisions
from extract.models import (
    ArticleRecord,
    Entity,
    EntityLabel,
    Merge,
    RegistryEntity,
)
from extract.reconcile.blocking import BlockKey
from extract.reconcile.evidence import gender
from extract.reconcile.groups import MATCH_LABEL, Group, initial_groups
from extract.reconcile.ids import IdRequest, PreviousRegistry, assign_ids
from extract.reconcile.linkage import (
    merge_candidates,
    merge_label_conflicts,
    merge_mislabelled_people,
)
from extract.reconcile.match import match_names
from extract.reconcile.names import name_key
from extract.reconcile.references import rewrite_references
from extract.reconcile.rulings import apply_same_decisions, split_entity

Item = tuple[str, Entity]
"""(article id, one of its entities)."""

GENDER_WORD: dict[str, Literal["female", "male"]] = {"f": "female", "m": "male"}

__all__ = [
    "Decision",
    "PreviousRegistry",
    "build_registry",
    "read_decisions",
    "split_entity",
    "with_corpus_ids",
]


def build_registry(
    records: list[ArticleRecord],
    *,
    previous: PreviousRegistry | None = None,
    decisions: Iterable[Decision] = (),
) -> tuple[list[RegistryEntity], dict[tuple[str, str], str]]:
    """Registry entries and the map (article id, local entity id) -> corpus id."""
    previous = previous or PreviousRegistry()
    rulings = list(decisions)
    with no_cycle_collection():
        items = article_items(records, rulings)
        groups = reconcile_groups(items, Articles.of(records), rulings, previous)
        requests = id_requests(groups)
        return entries(groups, items, assign_ids(requests, previous))


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """The cycle collector paused while building: the build makes millions of small
    objects and no reference cycles, and each full collection would walk every article's
    entities again (a tenth of the time at 100,000 mentions, more as the heap grows)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(frozen=True)
class Articles:
    """What linkage needs of the articles beyond their entities: the name keys each one
    mentions (an entity's context) and publication dates."""

    context: dict[str, set[str]]
    published: dict[str, str]

    @classmethod
    def of(cls, records: Iterable[ArticleRecord]) -> Articles:
        context: dict[str, set[str]] = {}
        published: dict[str, str] = {}
        for record in records:
            context[record.id] = {name_key(entity.name) for entity in record.entities}
            if record.published:
                published[record.id] = str(record.published)
        return cls(context, published)


def article_items(records: Iterable[ArticleRecord], rulings: list[Decision]) -> list[Item]:
    """Every article entity the registry links, split where a `different` ruling says."""
    return [
        (record.id, part)
        for record in records
        for entity in record.entities
        for part in split_entity(entity, rulings)
    ]


def reconcile_groups(
    items: list[Item],
    articles: Articles,
    rulings: list[Decision],
    previous: PreviousRegistry,
    oversized: frozenset[BlockKey] = frozenset(),
) -> list[Group]:
    """The linked groups of `items`, in registry order. `oversized`: blocks known to be too
    large in the whole corpus when only part of it is given (`extract.reconcile.parts`)."""
    groups = initial_groups(items, articles.context, articles.published)
    merge_label_conflicts(groups, rulings, previous)
    apply_same_decisions(groups, rulings, previous)
    merge_candidates(groups, rulings, previous, oversized)
    merge_mislabelled_people(groups, rulings, previous)
    live = [group for group in groups if group.members]
    return sorted(live, key=lambda g: (g.family, g.canonical()))


def id_requests(groups: list[Group]) -> list[IdRequest]:
    """What id assignment needs of each group (`reconcile_groups` order)."""
    return [
        IdRequest(
            group.family, label_of(group), frozenset(group.name_keys()), tuple(sorted(group.keys))
        )
        for group in groups
    ]


def label_of(group: Group) -> EntityLabel:
    return group.labels.most_common(1)[0][0]


def entries(
    groups: list[Group], items: list[Item], identifiers: list[str]
) -> tuple[list[RegistryEntity], dict[tuple[str, str], str]]:
    """One registry entity per group with the id given, sorted by id; and the mapping."""
    found: list[RegistryEntity] = []
    mapping: dict[tuple[str, str], str] = {}
    for group, identifier in zip(groups, identifiers, strict=True):
        found.append(entry_of(group, items, identifier, mapping))
    return sorted(found, key=lambda entry: entry.id), mapping


def entry_of(
    group: Group, items: list[Item], identifier: str, mapping: dict[tuple[str, str], str]
) -> RegistryEntity:
    """The registry entity of one group; its members are added to `mapping`."""
    variants: Counter[str] = Counter()
    for index in group.members:
        article, entity = items[index]
        mapping[(article, entity.id)] = identifier
        for mention in entity.mentions:
            variants[mention.text] += 1
    # validated as one dict (members as plain dicts): one call into pydantic's core instead
    # of one per member, and a frequent entity has hundreds of thousands of members
    return RegistryEntity.model_validate(
        {
            "id": identifier,
            "name": group.canonical(),
            "label": label_of(group),
            "variants": [
                {"text": text, "count": count}
                for text, count in sorted(variants.items(), key=lambda kv: (-kv[1], kv[0]))
            ],
            "articles": sorted(group.articles),
            "mention_count": group.mentions,
            "gender": GENDER_WORD.get(gender(group) or "") if group.family == "PERSON" else None,
            "merges": group.merges + variant_links(group),
            "members": [
                {"article": article, "entity": local}
                for article, local in sorted({(a, e) for a, e, _ in group.keys})
            ],
        }
    )


def variant_links(group: Group) -> list[Merge]:
    """Why each spelling belongs to the entity: its link to the canonical name."""
    canonical = group.canonical()
    label = MATCH_LABEL.get(group.family, "ORG")
    links = []
    seen = {name_key(canonical)}
    for variant in sorted(group.names, key=lambda n: (-group.names[n], n)):
        if name_key(variant) in seen:
            continue
        seen.add(name_key(variant))
        found = match_names(canonical, variant, label)
        reason = found.reason if found.same else f"linked in its article ({found.reason})"
        links.append(Merge(a=canonical, b=variant, reason=reason, score=found.score))
    return links


def with_corpus_ids(
    record: ArticleRecord,
    mapping: dict[tuple[str, str], str],
    decisions: Iterable[Decision] = (),
) -> ArticleRecord:
    """A copy of an article record using corpus ids; two local entities found to be one thing
    across the corpus become one entity with all their mentions."""
    merged: dict[str, Entity] = {}
    local: dict[str, str] = {}
    rulings = list(decisions)
    parts = [part for entity in record.entities for part in split_entity(entity, rulings)]
    for entity in parts:
        identifier = mapping.get((record.id, entity.id), entity.id)
        local.setdefault(entity.id, identifier)
        into = merged.get(identifier)
        if into is None:
            merged[identifier] = entity.model_copy(update={"id": identifier})
            continue
        update: dict[str, object] = {
            "mentions": sorted(into.mentions + entity.mentions, key=lambda m: m.start),
            "roles": into.roles + [r for r in entity.roles if r not in into.roles],
        }
        if into.gender != entity.gender:
            update["gender"] = (
                into.gender or entity.gender if None in {into.gender, entity.gender} else None
            )
        if len(entity.name.split()) > len(into.name.split()):
            update["name"] = entity.name
        merged[identifier] = into.model_copy(update=update)
    with_ids = record.model_copy(update={"entities": list(merged.values())})
    return rewrite_references(with_ids, entity_ids=local)
