"""Corpus ids stay with their entities: re-runs, a growing corpus, decisions keyed by id."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.models import ArticleRecord, RegistryEntity
from extract.reconcile.ids import IdRequest, PreviousRegistry, assign_ids, entity_id, stable_id
from extract.reconcile.registry import Decision, build_registry
from tests.reconcile.test_registry import article, entity, previous_of


def rerun(records: list[ArticleRecord], **kwargs: Any) -> tuple[list[RegistryEntity], Any]:
    entries, _ = build_registry(records, **kwargs)
    return build_registry(records, previous=previous_of(entries), **kwargs)


def by_name(entries: list[RegistryEntity]) -> dict[tuple[str, str], str]:
    return {(e.name, e.label): e.id for e in entries}


def test_one_id_function_for_articles_and_the_corpus() -> None:
    assert entity_id("PERSON", "Jane Roe’s") == stable_id("PERSON", "jane roe")
    assert stable_id("a", "b") != stable_id("a", "b", "2")


def test_rerun_gives_every_entity_the_same_id() -> None:
    # A person and a newspaper sharing her surname; a country and a junk person "U.S.".
    records = [
        article(
            "a",
            entity("p", "Jane Post", "PERSON", "Post"),
            entity("n", "The Post", "ORG"),
            entity("c", "United States", "GPE", "U.S."),
        ),
        article("b", entity("j", "U.S.", "PERSON"), entity("n", "The Post", "ORG")),
        article("c", entity("c", "U.S.", "GPE"), entity("p", "Post", "PERSON")),
    ]
    first, _ = build_registry(records)
    second, _ = rerun(records)
    assert first == second
    third, _ = build_registry(records, previous=previous_of(second))
    assert third == first


def test_adding_an_article_keeps_every_surviving_id() -> None:
    records = [
        article("a", entity("1", "Jane Roe"), entity("2", "Acme Corp", "ORG")),
        article("b", entity("1", "John Doe"), entity("2", "Acme", "ORG")),
        article("c", entity("1", "Roe", "PERSON"), entity("2", "Paris", "GPE")),
    ]
    before, _ = build_registry(records)
    grown = [*records, article("d", entity("1", "Mary Major"), entity("2", "Jane Roe"))]
    after, _ = build_registry(grown, previous=previous_of(before))
    kept = {e.id for e in after}
    assert {e.id for e in before} <= kept


def test_a_decision_keyed_by_id_keeps_pointing_at_its_entity() -> None:
    records = [
        article("a", entity("1", "Julia Peressild")),
        article("b", entity("1", "Yulia Peresild")),
        article("c", entity("1", "Anna Smith")),
    ]
    entries, mapping = build_registry(records)
    actress = mapping[("a", "1")]
    assert actress == mapping[("b", "1")]
    smith = mapping[("c", "1")]
    previous = previous_of(entries)
    # A reviewer says the Smith entity is the same as the actress, by ids.
    ruled, merged = build_registry(
        records, previous=previous, decisions=[Decision(True, smith, actress)]
    )
    assert merged[("c", "1")] == merged[("a", "1")]
    assert actress in {e.id for e in ruled}


def test_fresh_ids_do_not_depend_on_input_order() -> None:
    records = [
        article(str(n), entity("1", name))
        for n, name in enumerate(
            ["Jane Roe", "John Doe", "Mary Major", "Richard Miles", "Jane Doe"]
        )
    ]
    shuffled = records[:]
    random.Random(4).shuffle(shuffled)
    assert build_registry(records)[0] == build_registry(shuffled)[0]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["PERSON", "ORG"]),
            st.frozensets(st.sampled_from(["roe", "doe", "acme", "post"]), min_size=1),
            st.lists(
                st.tuples(st.sampled_from("abc"), st.sampled_from("xyz"), st.integers(1, 3)),
                min_size=1,
                max_size=3,
                unique_by=lambda m: (m[0], m[1]),
            ),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_assigned_ids_are_unique_and_reproduced(requests: list[Any]) -> None:
    built = [IdRequest(f, f, names, tuple(sorted(members))) for f, names, members in requests]
    first = assign_ids(built)
    assert len(set(first)) == len(first)
    previous = PreviousRegistry(
        by_member={(a, e): i for r, i in zip(built, first, strict=True) for a, e, _ in r.members},
        ids=frozenset(first),
    )
    # Members shared by two requests make the vote ambiguous; otherwise ids are reproduced.
    members = [(a, e) for r in built for a, e, _ in r.members]
    if len(members) == len(set(members)):
        assert assign_ids(built, previous) == first
