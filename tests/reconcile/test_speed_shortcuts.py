"""The registry's speed shortcuts give the answers of the plain computations they replace:
the one-way name check (`holds_both_ways`), the canonical name kept up to date by merging,
and the context of initial groups, on generated names."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.models import Entity, Mention
from extract.reconcile.groups import Group, initial_groups, merge
from extract.reconcile.match import match_names
from extract.reconcile.names import name_key
from extract.reconcile.person_match import holds_both_ways, match_people
from extract.reconcile.person_names import parse_person
from extract.reconcile.words import NameMatch

WORDS = [
    *["John", "Jon", "J.", "Bill", "William", "Will", "Pat", "Patrick", "Pierre", "Peter"],
    *["Yulia", "Julia", "Anna", "Ana", "Sergei", "Sergey", "Maria", "Mary", "Jean", "Claude"],
    *["Jeanclaude", "Abdel", "Aziz", "Abdelaziz", "Sergeyevich", "Viktorovna", "al-Sisi"],
    *["Smith", "Smyth", "Smiht", "Ivanova", "Ivanov", "Kowalski", "Kowalsky", "Müller"],
    *["Mueller", "Garcia", "Lopez", "Kovtal", "Kovvtal", "Kotval", "W.", "H.", "Lee"],
]
PREFIXES = ["", "", "", "Mrs.", "Mr.", "Dr.", "Frau"]
SUFFIXES = ["", "", "", " Jr.", " Sr."]

names = st.builds(
    lambda prefix, words, suffix: " ".join([prefix, *words]).strip() + suffix,
    st.sampled_from(PREFIXES),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=4),
    st.sampled_from(SUFFIXES),
)


def both_ways(a: str, b: str) -> NameMatch:
    """`match_names` for people as it was: the other way always tried after a match."""
    if name_key(a) == name_key(b):
        return NameMatch(True, 1.0, "same name")
    first, second = parse_person(a), parse_person(b)
    found = match_people(first, second, True)
    if found.same:
        back = match_people(second, first, True)
        if not back.same:
            return back
    return found


@settings(max_examples=400, deadline=None)
@given(names, names)
def test_one_way_shortcut_gives_the_two_way_answer(a: str, b: str) -> None:
    first, second = parse_person(a), parse_person(b)
    if match_people(first, second, True).same and holds_both_ways(first, second, True):
        assert match_people(second, first, True).same
    assert match_names(a, b, "PERSON") == both_ways(a, b)


def test_swapped_names_of_equal_length_are_still_checked_both_ways() -> None:
    # the plain order fails, so only the full check can decide
    first, second = parse_person("Lee Kovtal"), parse_person("Kovtal Lee")
    assert not holds_both_ways(first, second, True)


def _group(counts: dict[str, int]) -> Group:
    return Group(family="PERSON", names=Counter(counts))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.dictionaries(st.sampled_from([*WORDS, "Anna Smith", "J. Smith"]), st.integers(0, 3)),
        min_size=2,
        max_size=5,
    ).filter(lambda found: all(found))
)
def test_canonical_kept_by_merging_is_the_rescanned_one(counts: list[dict[str, int]]) -> None:
    into = _group(counts[0])
    into.canonical()
    for other in counts[1:]:
        merge(into, _group(other), "test", 1.0)
        rescanned = max(into.names, key=into._rank)
        assert into.canonical() == rescanned


def _entity(local: str, name: str, roles: list[str]) -> Entity:
    mention = Mention(text=name, start=0, end=len(name), sentence=0)
    return Entity(id=local, name=name, label="PERSON", mentions=[mention], roles=roles)


def test_initial_context_leaves_out_the_own_name_and_keeps_roles() -> None:
    items = [
        ("a1", _entity("e1", "Anna Smith", ["Anna Smith"])),
        ("a1", _entity("e2", "Boris Lee", [])),
        ("a2", _entity("e1", "Anna Smith", ["Minister"])),
    ]
    context = {"a1": {"anna smith", "boris lee"}, "a2": {"anna smith", "carl roe"}}
    groups = {g.canonical(): g for g in initial_groups(items, context, {"a2": "2024-01-02"})}
    # entity by entity: its article's names but its own, and its roles (here its own name)
    assert groups["Anna Smith"].context == {"boris lee", "carl roe", "anna smith", "minister"}
    assert groups["Anna Smith"].dates == {"2024-01-02"}
    assert groups["Boris Lee"].context == {"anna smith"}
