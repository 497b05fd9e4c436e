"""Linking groups across the corpus: label conflicts on one name, then candidate pairs
from blocking scored with `match_names` and merged best first, never chaining, a lone
surname only to its likeliest bearer, reviewer rulings obeyed."""

from __future__ import annotations

from extract.decisions import Decision
from extract.reconcile.blocking import BlockKey, blocking_keys, within_bounds
from extract.reconcile.groups import Group, bare, initialled, merge, names_match
from extract.reconcile.ids import PreviousRegistry
from extract.reconcile.match import match_names, transliterate
from extract.reconcile.names import name_key
from extract.reconcile.rulings import forbidden

CONFUSED_FAMILIES = ("PERSON", "ORG")
"""Families the statistical model confuses on one and the same name ("Idris Fenwick" as ORG)."""


def merge_label_conflicts(
    groups: list[Group], rulings: list[Decision], previous: PreviousRegistry
) -> None:
    """One group for a full name of two or more words that some articles label PERSON and
    others ORG: one name spelled alike is one thing, and the label most mentions carry wins."""
    by_key: dict[str, list[Group]] = {}
    for group in groups:
        if group.family not in CONFUSED_FAMILIES:
            continue
        for name, count in group.names.items():
            if count and len(name.split()) > 1:
                by_key.setdefault(name_key(name), []).append(group)
    for found in by_key.values():
        live = [g for g in found if g.members]
        if len({g.family for g in live}) < 2:
            continue
        if sum(g.family == "PERSON" for g in live) > 1:
            continue  # two people of this name (the texts give different genders): abstain
        into, *others = sorted(live, key=lambda g: (-g.mentions, g.family))
        for other in others:
            if other.family == into.family or forbidden(into, other, rulings, previous):
                continue
            counts = f"{into.family} {into.mentions} / {other.family} {other.mentions} mentions"
            merge(into, other, f"same name, labels differ ({counts})", 1.0)


def merge_mislabelled_people(
    groups: list[Group], rulings: list[Decision], previous: PreviousRegistry
) -> None:
    """An ORG group whose name is a person's name ("John Doe", "Jane Roe" labelled
    ORG in one article) joins the one person it names when they share context (a
    co-mentioned entity or a role): the model confuses these families on people's names."""
    people: dict[str, list[Group]] = {}
    for group in groups:
        if group.family == "PERSON" and group.members:
            for name in group.names:
                words = name_key(name).split()
                if words:
                    people.setdefault(transliterate(words[-1]), []).append(group)
    for group in groups:
        if group.family != "ORG" or not group.members or len(group.names) != 1:
            continue
        name = next(iter(group.names))
        if not 2 <= len(name.split()) <= 3 or not all(w[:1].isupper() for w in name.split()):
            continue
        found: dict[int, tuple[Group, str]] = {}
        for person in people.get(transliterate(name_key(name).split()[-1]), []):
            shared = len(person.context & group.context)
            match = match_names(person.canonical(), name, "PERSON")
            if person.members and shared and match.same:
                found[id(person)] = (person, f"{match.reason}; {shared} shared co-mentions")
        if len(found) != 1:
            continue  # no person, or two: leave it
        person, why = next(iter(found.values()))
        if not forbidden(person, group, rulings, previous):
            merge(person, group, f"a person's name labelled ORG: {why}", 0.8)


def merge_candidates(
    groups: list[Group],
    rulings: list[Decision],
    previous: PreviousRegistry,
    oversized: frozenset[BlockKey] = frozenset(),
) -> None:
    """Candidate pairs from blocking, merged best first (`oversized`: see `within_bounds`)."""
    blocks: dict[BlockKey, list[int]] = {}
    for index, group in enumerate(groups):
        for key in blocking_keys(group):
            blocks.setdefault(key, []).append(index)
    pairs: set[tuple[int, int]] = set()
    # A surname view only pairs lone surnames, an initial view only names given by an
    # initial, with anyone: full names meet full names through their given names.
    partial = {
        "surname": [bare(group) for group in groups],
        "initial": [initialled(group) for group in groups],
    }
    for key, block in blocks.items():
        needed = partial.get(key.kind)
        if needed is not None:  # a partial name against every name in its block: linear
            for a in (index for index in block if needed[index]):
                pairs.update((min(a, b), max(a, b)) for b in block if b != a)
            continue
        for members in within_bounds(block, groups, oversized=key in oversized):
            for i, a in enumerate(members):
                pairs.update((a, b) for b in members[i + 1 :])
    scored = []
    for a, b in sorted(pairs):
        same, score, reason = names_match(groups[a], groups[b], explain=False)
        if same:
            scored.append((-score, a, b, reason))
    scored = without_ambiguous_surnames(scored, groups, partial["surname"])
    parent = list(range(len(groups)))

    def find(index: int) -> int:
        while parent[index] != index:
            index = parent[index]
        return index

    for _, a, b, _reason in sorted(scored):
        a, b = find(a), find(b)
        if a == b:
            continue
        same, score, why = names_match(groups[a], groups[b])
        if not same or forbidden(groups[a], groups[b], rulings, previous):
            continue
        merge(groups[a], groups[b], why, score)
        parent[b] = a


AMBIGUITY_MARGIN = 2.0
"""A lone surname joins the bearer it shares the most context with only when that bearer
shares this many times more than the next one; otherwise it is left alone."""


def without_ambiguous_surnames(
    scored: list[tuple[float, int, int, str]], groups: list[Group], bare: list[bool]
) -> list[tuple[float, int, int, str]]:
    """Candidate merges in which a lone surname goes only to its likeliest bearer: the one it
    shares the most context with (a co-mentioned entity or a role), and only when that bearer
    shares at least `AMBIGUITY_MARGIN` times more than any other person who could be meant
    (two Fenwicks across the corpus: to neither, never to the wrong one). Other spellings of
    the chosen bearer stay candidates. `bare[i]`: group i is known only by single words."""
    bearers: dict[int, list[tuple[int, int]]] = {}
    for _, a, b, _reason in scored:
        for partial, full in ((a, b), (b, a)):
            if bare[partial] and not bare[full]:
                shared = len(groups[partial].context & groups[full].context)
                bearers.setdefault(partial, []).append((shared, full))
    allowed: dict[int, set[int]] = {}
    for partial, found in bearers.items():
        found.sort(key=lambda item: (-item[0], item[1]))
        most, best = found[0]
        same_person = {best}
        for shared, other in found[1:]:
            same = names_match(groups[best], groups[other], explain=False)[0]
            if same:  # another spelling of the bearer
                same_person.add(other)
            elif most < AMBIGUITY_MARGIN * shared:
                same_person = set()  # two people fit about equally well
                break
        allowed[partial] = same_person

    def kept(a: int, b: int) -> bool:
        for partial, full in ((a, b), (b, a)):
            if partial in allowed and not bare[full] and full not in allowed[partial]:
                return False
        return True

    return [item for item in scored if kept(item[1], item[2])]
