"""Groups of article entities taken to be one thing, and how two groups compare.

A group collects the entities of several articles: their names with counts, labels, context
(co-mentioned names and roles) and the merges that joined them, each with its reason.
Comparing two groups is complete linkage over their representative names."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from extract.models import Entity, EntityLabel, Merge
from extract.reconcile.evidence import gender, text_gender, weigh
from extract.reconcile.match import match_names
from extract.reconcile.names import completeness, name_key
from extract.reconcile.person_names import parse_person

LABEL_FAMILY = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "FAC": "ORG",
    "PRODUCT": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
}


MATCH_LABEL = {"PERSON": "PERSON", "PLACE": "GPE"}
"""The `match_names` label that stands for a label family."""


@dataclass
class Group:
    """Entities of several articles taken to be one thing."""

    family: str
    members: list[int] = field(default_factory=list)
    keys: list[tuple[str, str, int]] = field(default_factory=list)
    """(article, the article's entity id, mentions) of each member."""
    names: Counter[str] = field(default_factory=Counter)
    labels: Counter[EntityLabel] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    """Publication dates of its articles (YYYY-MM-DD), where known."""
    genders: Counter[str] = field(default_factory=Counter)
    """Votes "f"/"m" from the texts (honorifics, gendered roles) for a person."""
    merges: list[Merge] = field(default_factory=list)
    mentions: int = 0
    ambiguous: bool = False
    """A person whose texts give no gender, named like people of both genders elsewhere:
    it joins none of them (the name alone cannot say which)."""
    representatives: list[str] | None = None
    best_name: str | None = None

    def name_keys(self) -> set[str]:
        return {name_key(name) for name in self.names}

    def _rank(self, name: str) -> tuple[int, int, int, int, int, str]:
        """A full name (two words that are no initials) first, then the one most articles
        chose for their entity (not "Certainly Donald Trump", a span the model got wrong
        once), then the most complete."""
        words, total = completeness(name)
        return (min(words, 2), self.names[name], words, total, -len(name), name)

    def canonical(self) -> str:
        """A full, best-attested name (computed once, then kept up to date by merging, so a
        frequent entity's hundreds of spellings are not rescanned per merge)."""
        if self.best_name is None:
            self.best_name = max(self.names, key=self._rank)
        return self.best_name


def initial_groups(
    items: list[tuple[str, Entity]], context_of: dict[str, set[str]], published: dict[str, str]
) -> list[Group]:
    """One group per (label family, name key, gender the texts give): the same name merges
    at once, unless the texts make its bearers a woman and a man. `context_of`: the name keys
    of each article's entities; `published`: each article's date (YYYY-MM-DD), where known."""
    by_key: dict[tuple[str, str, str], Group] = {}
    roles_of: dict[int, set[str]] = {}  # id(group) -> its entities' roles, lower case
    for index, (article, entity) in enumerate(items):
        family = LABEL_FAMILY.get(entity.label, entity.label)
        said = said_gender(entity) if family == "PERSON" else None
        key = (family, name_key(entity.name), said or "")
        group = by_key.get(key)
        if group is None:
            group = by_key[key] = Group(family=family)
            roles_of[id(group)] = set()
        mentions = entity.mentions
        group.members.append(index)
        group.keys.append((article, entity.id, len(mentions)))
        names = group.names
        for mention in mentions:
            if mention.text not in names:
                names[mention.text] = 0  # every variant is known, counted below
        names[entity.name] += 1
        group.labels[entity.label] += len(mentions)
        group.articles.add(article)
        if said:
            group.genders[said] += 1
        group.mentions += len(mentions)
        if entity.roles:
            roles_of[id(group)].update(role.lower() for role in entity.roles)
    for (_, own, _), group in by_key.items():
        # the name keys of its articles' entities but its own, and its roles (the same
        # union as entity by entity: every member has the group's own name key)
        for article in group.articles:
            group.context |= context_of[article]
            if article in published:
                group.dates.add(published[article])
        group.context.discard(own)
        group.context |= roles_of[id(group)]
    _fold_unknown_genders(by_key)
    live = [group for group in by_key.values() if group.members]
    return sorted(live, key=lambda g: (g.family, g.canonical(), sorted(g.genders)))


def said_gender(entity: Entity) -> str | None:
    """ "f" or "m": the gender the entity's article gives it (`Entity.gender`: pronouns,
    honorifics, role words), else its honorific or role words alone."""
    if entity.gender is not None:
        return entity.gender[0]
    return text_gender(entity.name, tuple(entity.roles))


def _fold_unknown_genders(by_key: dict[tuple[str, str, str], Group]) -> None:
    """People of one name whose texts give different genders stay apart ("Jordan Lee",
    she in one story, he in another); a bearer of that name whose text says nothing joins
    the one gendered bearer, and stays alone (for linkage to decide) when there are two."""
    gendered: dict[tuple[str, str], list[Group]] = {}
    for (family, key, said), group in by_key.items():
        if said:
            gendered.setdefault((family, key), []).append(group)
    for (family, key, said), group in by_key.items():
        found = gendered.get((family, key), [])
        if not said and len(found) == 1:
            _absorb(found[0], group)
        elif not said and found:
            group.ambiguous = True


def _absorb(into: Group, other: Group) -> None:
    """`other` joins `into` as the same name would have: no merge record, the name decides."""
    _take(into, other)


def bare(group: Group) -> bool:
    """A group known only by single words ("Morozova", "Mrs. Morozova")."""
    if group.family == "PERSON":
        return not any(_full(name) for name in group.names)
    return all(len(name.split()) == 1 for name in group.names)


def initialled(group: Group) -> bool:
    """A group with a name that gives only an initial ("J. Smith")."""
    return any(
        len(name.split()) > 1 and len(name.split()[0].rstrip(".")) == 1 for name in group.names
    )


def names_match(a: Group, b: Group, *, explain: bool = True) -> tuple[bool, float, str]:
    """Complete linkage: every name of `a` must match every multi-word name of `b`.

    A partial name (a lone surname, an organisation's short form) also needs shared context,
    and its score grows with it: of two people who share a surname, the lone surname goes to
    the one it is mentioned alongside more often. `explain=False` leaves the examples of
    shared context out of the reason (scoring many candidates needs only the decision)."""
    label = MATCH_LABEL.get(a.family, "ORG")
    for unknown, known in ((a, b), (b, a)):
        if unknown.ambiguous and gender(known):
            name = unknown.canonical()
            return False, 0.0, f"people of both genders are named {name!r}; not merged"
    best = (0.0, "")
    for x in representatives(a):
        for y in representatives(b):
            found = match_names(x, y, label)  # cached inside match_names
            if not found.same:
                if label != "PERSON" or (_full(x) and _full(y)):
                    return False, 0.0, found.reason
                continue
            score, reason = found.score, found.reason
            if "on one side only" in reason:
                # "Jane Roe" and "Jane Roe Jr." may be mother and daughter: a reviewer decides
                return False, 0.0, f"{reason}: father and son share such names; not merged"
            if reason.startswith(("surname of", "short form of")) and "after 'of'" not in reason:
                shared = len(a.context & b.context)
                if not shared:
                    return False, 0.0, f"{reason.split(' (')[0]} only, no shared context"
                share = shared / max(len(a.context), len(b.context))
                score = round(score * (0.5 + 0.5 * share), 4)
            if score > best[0]:
                best = (score, reason)
    if best[0] <= 0:
        return False, 0.0, best[1]
    return weigh(a, b, a.family, best[0], best[1], explain=explain)


@lru_cache(maxsize=1 << 18)
def _full(name: str) -> bool:
    """A person's name of two words or more, titles left out ("Mr. Nwosu" is one word)."""
    return " " in name.strip() and len(parse_person(name).words) > 1


NOT_A_SLIP = ("initial", "surname of", "short form", "middle name", "acronym", "article")
"""Reasons that link a name to the canonical one as a partial or other form, not as a
spelling of the same full name: such names keep their veto over newcomers."""


def representatives(group: Group) -> list[str]:
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
        label = MATCH_LABEL.get(group.family, "ORG")
        named_person = group.family == "PERSON" and not bare(group)
        seen: dict[str, str] = {name_key(canonical): canonical}
        for name in sorted(group.names, key=lambda n: (-group.names[n], -len(n.split()), n)):
            key = name_key(name)
            if key in seen or group.names[name] == 0:
                continue
            if named_person and not _full(name):
                continue
            found = match_names(canonical, name, label)
            slip = found.same and len(name.split()) == len(canonical.split())
            if not (slip and not any(word in found.reason for word in NOT_A_SLIP)):
                seen[key] = name
        group.representatives = list(seen.values())
    return group.representatives


def merge(into: Group, other: Group, reason: str, score: float) -> None:
    into.merges.append(Merge(a=into.canonical(), b=other.canonical(), reason=reason, score=score))
    _take(into, other)


def _take(into: Group, other: Group) -> None:
    """Everything `other` holds moves to `into` (left empty); cached names are recomputed."""
    into.merges += other.merges
    into.members += other.members
    into.keys += other.keys
    into.names.update(other.names)
    into.labels.update(other.labels)
    into.articles |= other.articles
    into.context |= other.context
    into.dates |= other.dates
    into.genders.update(other.genders)
    into.ambiguous = into.ambiguous or other.ambiguous
    into.mentions += other.mentions
    into.representatives = None
    if into.best_name is not None:
        # a name's rank only grows with its count, and only `other`'s names gained: the best
        # is the old best or one of those (no rescan of a frequent entity's spellings)
        into.best_name = max([into.best_name, *other.names], key=into._rank)
    # `other` is dead (no members; every step skips such groups): its copies are let go
    other.members, other.keys, other.merges = [], [], []
    other.articles, other.context, other.dates = set(), set(), set()
