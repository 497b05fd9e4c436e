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
  4. human decisions (`same` / `different`) are obeyed before anything else.
Ids are stable as the corpus grows: a group keeps the id its article entities had in the
previous registry (`extract.reconcile.ids`). Pure: plain dicts in, plain dicts out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from extract.decisions import Decision, read_decisions
from extract.reconcile.ids import IdRequest, PreviousRegistry, assign_ids
from extract.reconcile.match import match_names, transliterate, variant_groups
from extract.reconcile.names import acronym_of, completeness, is_acronym, name_key
from extract.reconcile.references import rewrite_references

__all__ = [
    "Decision",
    "PreviousRegistry",
    "build_registry",
    "read_decisions",
    "with_corpus_ids",
]

LABEL_FAMILY = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "FAC": "ORG",
    "PRODUCT": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
}


_MATCH_LABEL = {"PERSON": "PERSON", "PLACE": "GPE"}
"""The `match_names` label that stands for a label family."""


@dataclass
class Group:
    """Entities of several articles taken to be one thing."""

    family: str
    members: list[int] = field(default_factory=list)
    keys: list[tuple[str, str, int]] = field(default_factory=list)
    """(article, the article's entity id, mentions) of each member."""
    names: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)
    merges: list[dict[str, Any]] = field(default_factory=list)
    mentions: int = 0
    representatives: list[str] | None = None
    best_name: str | None = None

    def name_keys(self) -> set[str]:
        return {name_key(name) for name in self.names}

    def canonical(self) -> str:
        """The most complete, best-attested name (computed once per group state: merging
        clears it, so a frequent entity's hundreds of spellings are not rescanned per merge)."""
        if self.best_name is None:
            self.best_name = max(
                self.names, key=lambda n: (*completeness(n), self.names[n], -len(n), n)
            )
        return self.best_name


def build_registry(
    records: list[dict[str, Any]],
    *,
    previous: PreviousRegistry | None = None,
    decisions: Iterable[Decision] = (),
) -> tuple[list[dict[str, Any]], dict[tuple[str, str], str]]:
    """Registry entries and the map (article id, local entity id) -> corpus id."""
    previous = previous or PreviousRegistry()
    rulings = list(decisions)
    items: list[tuple[str, dict[str, Any]]] = []
    for record in records:
        for entity in record["entities"]:
            for part in split_entity(entity, rulings):
                items.append((record["id"], part))
    groups = _initial_groups(items, records)
    _merge_label_conflicts(groups, rulings, previous)
    _apply_same_decisions(groups, rulings, previous)
    _merge_candidates(groups, rulings, previous)
    live = [group for group in groups if group.members]
    return _entries(live, items, previous)


def split_entity(entity: dict[str, Any], rulings: list[Decision]) -> list[dict[str, Any]]:
    """An article's entity, split where a `different` decision names two of its spellings.

    The mentions spelled like the decision's other name leave to form their own entity (id
    `<local id>~<n>`), so a reviewer can undo a wrong within-article link by name.
    """
    parts = [entity]
    for ruling in rulings:
        if ruling.same or ruling.a.startswith("ent_") or ruling.b.startswith("ent_"):
            continue
        a, b = name_key(ruling.a), name_key(ruling.b)
        next_parts = []
        for part in parts:
            keys = {name_key(m["text"]) for m in part["mentions"]}
            if not {a, b} <= keys:
                next_parts.append(part)
                continue
            leaving = a if name_key(part["name"]) == b else b
            stay = [m for m in part["mentions"] if name_key(m["text"]) != leaving]
            gone = [m for m in part["mentions"] if name_key(m["text"]) == leaving]
            next_parts.append({**part, "mentions": stay})
            next_parts.append(
                {
                    **part,
                    "id": f"{entity['id']}~{len(parts) + len(next_parts)}",
                    "name": gone[0]["text"],
                    "mentions": gone,
                }
            )
        parts = next_parts
    return parts


def _initial_groups(
    items: list[tuple[str, dict[str, Any]]], records: list[dict[str, Any]]
) -> list[Group]:
    context_of = {
        record["id"]: {name_key(e["name"]) for e in record["entities"]} for record in records
    }
    by_key: dict[tuple[str, str], Group] = {}
    for index, (article, entity) in enumerate(items):
        family = LABEL_FAMILY.get(entity["label"], entity["label"])
        key = (family, name_key(entity["name"]))
        group = by_key.setdefault(key, Group(family=family))
        group.members.append(index)
        group.keys.append((article, entity["id"], len(entity["mentions"])))
        for mention in entity["mentions"]:
            group.names[mention["text"]] += 0  # every variant is known, counted below
        group.names[entity["name"]] += 1
        group.labels[entity["label"]] += len(entity["mentions"])
        group.articles.add(article)
        group.mentions += len(entity["mentions"])
        group.context |= (context_of[article] - {name_key(entity["name"])}) | {
            role.lower() for role in entity.get("roles", [])
        }
    return sorted(by_key.values(), key=lambda g: (g.family, g.canonical()))


_CONFUSED_FAMILIES = ("PERSON", "ORG")
"""Families the statistical model confuses on one and the same name ("Idris Fenwick" as ORG)."""


def _merge_label_conflicts(
    groups: list[Group], rulings: list[Decision], previous: PreviousRegistry
) -> None:
    """One group for a full name of two or more words that some articles label PERSON and
    others ORG: one name spelled alike is one thing, and the label most mentions carry wins."""
    by_key: dict[str, list[Group]] = {}
    for group in groups:
        if group.family not in _CONFUSED_FAMILIES:
            continue
        for name, count in group.names.items():
            if count and len(name.split()) > 1:
                by_key.setdefault(name_key(name), []).append(group)
    for found in by_key.values():
        live = [g for g in found if g.members]
        if len({g.family for g in live}) < 2:
            continue
        into, *others = sorted(live, key=lambda g: (-g.mentions, g.family))
        for other in others:
            if other.family == into.family or _forbidden(into, other, rulings, previous):
                continue
            counts = f"{into.family} {into.mentions} / {other.family} {other.mentions} mentions"
            _merge(into, other, f"same name, labels differ ({counts})", 1.0)


def _blocking_keys(group: Group) -> set[str]:
    """Keys under which a group meets its candidates. Prefixes: "g:" a full name (given-name
    key and a surname view), "v:" a lone surname, "i:" a name with an initial, "w:"/"a:" the
    first word and acronym of an organisation or place."""
    keys: set[str] = set()
    for name in group.names:
        words = name_key(name).replace("-", " ").split()
        if not words:
            continue
        if group.family == "PERSON":
            last = words[-1]
            views = _surname_views(transliterate(last))
            keys.update(f"v:{view}" for view in views)  # a lone surname meets every fit
            if len(words) > 1:
                initial = transliterate(words[0])[:1]
                keys.update(f"i:{initial}|{view}" for view in views)  # meets "J. Smith"
                if len(words[0].rstrip(".")) > 1:
                    for given in _given_keys(words[0]):
                        keys.update(f"g:{given}|{view}" for view in views)
        else:
            keys.add("w:" + transliterate(words[0])[:4])
            keys.add(
                "a:" + (name.replace(".", "").upper() if is_acronym(name) else acronym_of(name))
            )
    return {f"{group.family}|{key}" for key in keys}


def _surname_views(spelled: str) -> set[str]:
    """Views of a transliterated surname that two spellings `word_match` accepts share.

    One edit (a typo, a doubled letter, a transposition) leaves the two spellings with a
    common one-letter deletion, so the deletion neighbourhood finds every such pair while
    keeping blocks to near-identical surnames. Two edits are allowed only in long surnames:
    their five-letter start or end, or their sound (metaphone), brings those together."""
    views = {f"d{spelled}"}
    views.update(f"d{spelled[:i]}{spelled[i + 1 :]}" for i in range(len(spelled)))
    views.add(f"m{_metaphone(spelled)}")
    if len(spelled) >= 8:
        views.update((f"s{spelled[:5]}", f"e{spelled[-5:]}"))
    return views


MAX_BLOCK = 50
"""A block with more full names than this (a very common surname or first word) is split by
exact spelling, so that the cost stays close to linear in the number of distinct names."""


def _within_bounds(block: list[int], groups: list[Group]) -> list[list[int]]:
    """The block itself, or, when it is too large, its parts that share an exact spelling of
    the last word (a surname, an organisation's head word)."""
    if len(block) <= MAX_BLOCK:
        return [block]
    parts: dict[str, list[int]] = {}
    for index in block:
        for name in groups[index].names:
            words = name_key(name).split()
            if words:
                parts.setdefault(transliterate(words[-1]), []).append(index)
    return [sorted(set(members)) for members in parts.values() if len(members) > 1]


def _given_keys(word: str) -> set[str]:
    """A given name's blocking keys: its transliteration and its Wikidata variant groups."""
    return {transliterate(word), *variant_groups(word)}


def _bare(group: Group) -> bool:
    """A group known only by single words ("Morozova")."""
    return all(len(name.split()) == 1 for name in group.names)


def _initialled(group: Group) -> bool:
    """A group with a name that gives only an initial ("J. Smith")."""
    return any(
        len(name.split()) > 1 and len(name.split()[0].rstrip(".")) == 1 for name in group.names
    )


def _metaphone(word: str) -> str:
    """The word's sound (Lawrence Philips' metaphone, by jellyfish): "peresild" -> "PRSLT"."""
    from jellyfish import metaphone

    return str(metaphone(word))


def _names_match(a: Group, b: Group) -> tuple[bool, float, str]:
    """Complete linkage: every name of `a` must match every multi-word name of `b`.

    A partial name (a lone surname, an organisation's short form) also needs shared context,
    and its score grows with it: of two people who share a surname, the lone surname goes to
    the one it is mentioned alongside more often."""
    label = _MATCH_LABEL.get(a.family, "ORG")
    best = (0.0, "")
    for x in _representatives(a):
        for y in _representatives(b):
            found = match_names(x, y, label)  # cached inside match_names
            if not found.same:
                if (len(x.split()) > 1 and len(y.split()) > 1) or label != "PERSON":
                    return False, 0.0, found.reason
                continue
            score, reason = found.score, found.reason
            if reason.startswith(("surname of", "short form of")):
                shared = len(a.context & b.context)
                if not shared:
                    return False, 0.0, f"{reason.split(' (')[0]} only, no shared context"
                share = shared / max(len(a.context), len(b.context))
                score = round(score * (0.5 + 0.5 * share), 4)
                reason = f"{reason}; {shared} shared co-mentions or roles"
            if score > best[0]:
                best = (score, reason)
    return best[0] > 0, best[0], best[1]


_NOT_A_SLIP = ("initial", "surname of", "short form", "middle name", "acronym", "article")
"""Reasons that link a name to the canonical one as a partial or other form, not as a
spelling of the same full name: such names keep their veto over newcomers."""


def _representatives(group: Group) -> list[str]:
    """The distinct names a newcomer must match (computed once per group state: merging
    clears it): the canonical name and the other names entities were given, except

    - the canonical's own spelling variants: such slips ("Kowalsky" for "Kowalski") are two
      edits apart from each other often enough to bar the next one, yet add nothing a
      newcomer could contradict;
    - spellings seen only as a mention inside an article's entity (its article already tied
      them to the entity, rightly or not: a stray "Notice Fenwick" must not bar "Idris J. Fenwick");
    - for a named person, a lone surname: the full names decide.
    A partial name that is an entity's own name ("J. Smith") keeps its veto, so that "J. Smith"
    never joins John to Jane."""
    if group.representatives is None:
        canonical = group.canonical()
        label = _MATCH_LABEL.get(group.family, "ORG")
        named_person = group.family == "PERSON" and not _bare(group)
        seen: dict[str, str] = {name_key(canonical): canonical}
        for name in sorted(group.names, key=lambda n: (-group.names[n], -len(n.split()), n)):
            key = name_key(name)
            if key in seen or group.names[name] == 0:
                continue
            if named_person and len(name.split()) == 1:
                continue
            found = match_names(canonical, name, label)
            slip = found.same and len(name.split()) == len(canonical.split())
            if not (slip and not any(word in found.reason for word in _NOT_A_SLIP)):
                seen[key] = name
        group.representatives = list(seen.values())
    return group.representatives


def _merge_candidates(
    groups: list[Group], rulings: list[Decision], previous: PreviousRegistry
) -> None:
    blocks: dict[str, list[int]] = {}
    for index, group in enumerate(groups):
        for key in _blocking_keys(group):
            blocks.setdefault(key, []).append(index)
    pairs: set[tuple[int, int]] = set()
    # A bare view ("v:") only pairs lone surnames, an initial view ("i:") only names given by an
    # initial, with anyone: full names meet full names through their given names ("g:").
    partial = {
        "v:": [_bare(group) for group in groups],
        "i:": [_initialled(group) for group in groups],
    }
    for key, block in blocks.items():
        needed = partial.get(key.split("|", 1)[1][:2])
        if needed is not None:  # a partial name against every name in its block: linear
            for a in (index for index in block if needed[index]):
                pairs.update((min(a, b), max(a, b)) for b in block if b != a)
            continue
        for members in _within_bounds(block, groups):
            for i, a in enumerate(members):
                pairs.update((a, b) for b in members[i + 1 :])
    scored = []
    for a, b in sorted(pairs):
        same, score, reason = _names_match(groups[a], groups[b])
        if same:
            scored.append((-score, a, b, reason))
    scored = _without_ambiguous_surnames(scored, groups, partial["v:"])
    parent = list(range(len(groups)))

    def find(index: int) -> int:
        while parent[index] != index:
            index = parent[index]
        return index

    for _, a, b, _reason in sorted(scored):
        a, b = find(a), find(b)
        if a == b:
            continue
        same, score, why = _names_match(groups[a], groups[b])
        if not same or _forbidden(groups[a], groups[b], rulings, previous):
            continue
        _merge(groups[a], groups[b], why, score)
        parent[b] = a


AMBIGUITY_MARGIN = 2.0
"""A lone surname joins the bearer it shares the most context with only when that bearer
shares this many times more than the next one; otherwise it is left alone."""


def _without_ambiguous_surnames(
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
            if _names_match(groups[best], groups[other])[0]:  # another spelling of the bearer
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


def _forbidden(a: Group, b: Group, rulings: list[Decision], previous: PreviousRegistry) -> bool:
    for ruling in rulings:
        if ruling.same:
            continue
        x, y = _resolve(ruling.a, previous), _resolve(ruling.b, previous)
        if (x & _ids(a, previous)) and (y & _ids(b, previous)):
            return True
        if (y & _ids(a, previous)) and (x & _ids(b, previous)):
            return True
    return False


def _apply_same_decisions(
    groups: list[Group], rulings: list[Decision], previous: PreviousRegistry
) -> None:
    for ruling in rulings:
        if not ruling.same:
            continue
        x, y = _resolve(ruling.a, previous), _resolve(ruling.b, previous)
        first = next((g for g in groups if g.members and x & _ids(g, previous)), None)
        second = next((g for g in groups if g.members and y & _ids(g, previous)), None)
        if first is not None and second is not None and first is not second:
            _merge(first, second, "reviewer decision: same", 1.0)


def _resolve(reference: str, previous: PreviousRegistry) -> set[str]:
    """A decision names an entity by id (from entities.jsonl) or by a name."""
    return {reference} if reference.startswith("ent_") else {name_key(reference)}


def _ids(group: Group, previous: PreviousRegistry) -> set[str]:
    """What a decision may call the group: any of its names, or the id it had last run."""
    return group.name_keys() | previous.ids_of((a, e) for a, e, _ in group.keys)


def _merge(into: Group, other: Group, reason: str, score: float) -> None:
    into.merges.append(
        {"a": into.canonical(), "b": other.canonical(), "reason": reason, "score": score}
    )
    into.merges += other.merges
    into.members += other.members
    into.keys += other.keys
    into.names.update(other.names)
    into.labels.update(other.labels)
    into.articles |= other.articles
    into.context |= other.context
    into.mentions += other.mentions
    into.representatives = None
    into.best_name = None
    other.members = []


def _entries(
    groups: list[Group], items: list[tuple[str, dict[str, Any]]], previous: PreviousRegistry
) -> tuple[list[dict[str, Any]], dict[tuple[str, str], str]]:
    groups = sorted(groups, key=lambda g: (g.family, g.canonical()))
    labels = [group.labels.most_common(1)[0][0] for group in groups]
    requests = [
        IdRequest(group.family, label, frozenset(group.name_keys()), tuple(sorted(group.keys)))
        for group, label in zip(groups, labels, strict=True)
    ]
    entries: list[dict[str, Any]] = []
    mapping: dict[tuple[str, str], str] = {}
    for group, label, identifier in zip(
        groups, labels, assign_ids(requests, previous), strict=True
    ):
        variants: Counter[str] = Counter()
        for index in group.members:
            article, entity = items[index]
            mapping[(article, entity["id"])] = identifier
            variants.update(mention["text"] for mention in entity["mentions"])
        entries.append(
            {
                "id": identifier,
                "name": group.canonical(),
                "label": label,
                "variants": [
                    {"text": text, "count": count}
                    for text, count in sorted(variants.items(), key=lambda kv: (-kv[1], kv[0]))
                ],
                "articles": sorted(group.articles),
                "mention_count": group.mentions,
                "merges": group.merges + _variant_links(group),
                "members": [
                    {"article": article, "entity": local}
                    for article, local in sorted({(a, e) for a, e, _ in group.keys})
                ],
            }
        )
    return sorted(entries, key=lambda entry: entry["id"]), mapping


def _variant_links(group: Group) -> list[dict[str, Any]]:
    """Why each spelling belongs to the entity: its link to the canonical name."""
    canonical = group.canonical()
    label = _MATCH_LABEL.get(group.family, "ORG")
    links = []
    seen = {name_key(canonical)}
    for variant in sorted(group.names, key=lambda n: (-group.names[n], n)):
        if name_key(variant) in seen:
            continue
        seen.add(name_key(variant))
        found = match_names(canonical, variant, label)
        reason = found.reason if found.same else f"linked in its article ({found.reason})"
        links.append({"a": canonical, "b": variant, "reason": reason, "score": found.score})
    return links


def with_corpus_ids(
    record: dict[str, Any],
    mapping: dict[tuple[str, str], str],
    decisions: Iterable[Decision] = (),
) -> dict[str, Any]:
    """A copy of an article record using corpus ids; two local entities found to be one thing
    across the corpus become one entity with all their mentions."""
    merged: dict[str, dict[str, Any]] = {}
    local: dict[str, str] = {}
    rulings = list(decisions)
    parts = [part for entity in record["entities"] for part in split_entity(entity, rulings)]
    for entity in parts:
        identifier = mapping.get((record["id"], entity["id"]), entity["id"])
        local.setdefault(entity["id"], identifier)
        if identifier not in merged:
            merged[identifier] = {**entity, "id": identifier, "mentions": list(entity["mentions"])}
            continue
        into = merged[identifier]
        into["mentions"] = sorted(into["mentions"] + entity["mentions"], key=lambda m: m["start"])
        into["roles"] = into["roles"] + [r for r in entity["roles"] if r not in into["roles"]]
        if len(entity["name"].split()) > len(into["name"].split()):
            into["name"] = entity["name"]
    return rewrite_references({**record, "entities": list(merged.values())}, entity_ids=local)
