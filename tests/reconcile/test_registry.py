"""The corpus registry on hand-made article records (pure, no model)."""

from __future__ import annotations

from pathlib import Path

from extract.models import ArticleRecord, Entity, Mention, Quote, RegistryEntity
from extract.reconcile.ids import PreviousRegistry
from extract.reconcile.registry import (
    Decision,
    build_registry,
    read_decisions,
    with_corpus_ids,
)


def entity(
    local: str, name: str, label: str = "PERSON", *variants: str, roles: tuple[str, ...] = ()
) -> Entity:
    texts = [name, *variants]
    mentions = [
        Mention(text=t, start=i * 10, end=i * 10 + len(t), sentence=0) for i, t in enumerate(texts)
    ]
    return Entity.model_validate(
        {"id": local, "name": name, "label": label, "mentions": mentions, "roles": list(roles)}
    )


def article(identifier: str, *entities: Entity) -> ArticleRecord:
    return ArticleRecord(id=identifier, text="", entities=list(entities))


def previous_of(entries: list[RegistryEntity]) -> PreviousRegistry:
    """The previous registry as the next run reads it: entities.jsonl lines as data."""
    return PreviousRegistry.from_entries(entry.model_dump(mode="json") for entry in entries)


def names_by_id(entries: list[RegistryEntity]) -> dict[str, set[str]]:
    return {e.id: {v.text for v in e.variants} for e in entries}


def test_variants_across_articles_become_one_entity_with_reasons() -> None:
    records = [
        article(
            "a",
            entity("x1", "Julia Peressild", "PERSON", "Peressild"),
            entity("x2", "Roscosmos", "ORG"),
        ),
        article("b", entity("y1", "Yulia Peresild"), entity("y2", "Roscosmos", "FAC")),
        article("c", entity("z1", "Anton Shkaplerov"), entity("z2", "Anton Shkalperov")),
    ]
    entries, mapping = build_registry(records)
    assert mapping[("a", "x1")] == mapping[("b", "y1")]
    assert mapping[("a", "x2")] == mapping[("b", "y2")]
    assert mapping[("c", "z1")] == mapping[("c", "z2")]
    peresild = next(e for e in entries if e.id == mapping[("a", "x1")])
    assert peresild.name in {"Julia Peressild", "Yulia Peresild"}
    assert peresild.articles == ["a", "b"]
    assert any("variants" in m.reason for m in peresild.merges)


def test_different_people_are_never_merged() -> None:
    records = [
        article("a", entity("1", "Anton Petrov"), entity("2", "Bill Clinton")),
        article("b", entity("1", "Antonina Petrova"), entity("2", "Hillary Clinton")),
        article("c", entity("1", "Klim Shipenko"), entity("2", "Anton Shkaplerov")),
    ]
    entries, _ = build_registry(records)
    assert len(entries) == 6


def test_no_chaining_through_a_middle_name() -> None:
    # A~B and B~C, but A and C are different given names: three names, never one group.
    records = [
        article("a", entity("1", "J. Smith")),
        article("b", entity("1", "John Smith")),
        article("c", entity("1", "Jane Smith")),
    ]
    _entries, mapping = build_registry(records)
    assert mapping[("b", "1")] != mapping[("c", "1")]


def test_a_bare_surname_needs_shared_context() -> None:
    alone = [article("a", entity("1", "Peressild")), article("b", entity("1", "Julia Peressild"))]
    _, mapping = build_registry(alone)
    assert mapping[("a", "1")] != mapping[("b", "1")]
    together = [
        article("a", entity("1", "Peressild"), entity("2", "Roscosmos", "ORG")),
        article("b", entity("1", "Julia Peressild"), entity("2", "Roscosmos", "ORG")),
    ]
    _, mapping = build_registry(together)
    assert mapping[("a", "1")] == mapping[("b", "1")]


def test_ids_are_stable_when_the_corpus_grows() -> None:
    first = [article("a", entity("1", "Yulia Peresild"))]
    entries, mapping = build_registry(first)
    grown = [
        article("0", entity("1", "Julia Peressild")),
        article("a", entity("1", "Yulia Peresild")),
    ]
    _, again = build_registry(grown, previous=previous_of(entries))
    assert again[("a", "1")] == mapping[("a", "1")] == again[("0", "1")]


def test_decisions_are_obeyed(tmp_path: Path) -> None:
    records = [
        article("a", entity("1", "Julia Peressild")),
        article("b", entity("1", "Yulia Peresild")),
    ]
    path = tmp_path / "decisions.jsonl"
    path.write_text('{"decision": "different", "a": "Julia Peressild", "b": "Yulia Peresild"}\n')
    _, mapping = build_registry(records, decisions=read_decisions(path))
    assert mapping[("a", "1")] != mapping[("b", "1")]
    forced = [Decision(True, "Klim Shipenko", "K. S.")]
    records = [article("a", entity("1", "Klim Shipenko")), article("b", entity("1", "K. S."))]
    entries, mapping = build_registry(records, decisions=forced)
    assert mapping[("a", "1")] == mapping[("b", "1")]
    assert any(m.reason == "reviewer decision: same" for e in entries for m in e.merges)


def test_records_take_corpus_ids_and_merge_their_local_duplicates() -> None:
    record = article("a", entity("1", "Julia Peressild"), entity("2", "Yulia Peresild"))
    record.quotes = [Quote(text="x", start=0, end=1, kind="direct", sentence=0, speaker="2")]
    mapping = {("a", "1"): "ent_x", ("a", "2"): "ent_x"}
    result = with_corpus_ids(record, mapping)
    assert [e.id for e in result.entities] == ["ent_x"]
    assert len(result.entities[0].mentions) == 2
    assert result.quotes[0].speaker == "ent_x"
    assert record.entities[0].id == "1"  # the cached record is not changed
    assert record.quotes[0].speaker == "2"


def test_a_transposition_that_changes_every_surname_view_is_still_found() -> None:
    # "Dormik"/"Domrik": start, end and sound all differ; the one-deletion keys still meet.
    records = [
        article("a", entity("1", "Elin Dormik")),
        article("b", entity("1", "Elin Domrik")),
    ]
    entries, mapping = build_registry(records)
    assert mapping[("a", "1")] == mapping[("b", "1")]
    (entry,) = entries
    assert any("transposed letters" in merge.reason for merge in entry.merges)


def test_two_slips_of_one_name_do_not_bar_each_other() -> None:
    # Each slip is one edit from the established spelling but two from the other slip.
    records = [
        article("a", entity("1", "Mikael Dorvenko")),
        article("b", entity("1", "Mikael Dorvenko")),
        article("c", entity("1", "Mikael Dorvneko")),
        article("d", entity("1", "Mikael Dorevnko")),
    ]
    entries, _ = build_registry(records)
    assert [entry.name for entry in entries] == ["Mikael Dorvenko"]


def test_a_well_attested_initial_never_joins_two_given_names() -> None:
    records = [article(f"i{n}", entity("1", "A. Varga")) for n in range(12)]
    records += [
        article("anna", entity("1", "Anna Varga")),
        article("adam", entity("1", "Adam Varga")),
    ]
    _, mapping = build_registry(records)
    assert mapping[("anna", "1")] != mapping[("adam", "1")]


def test_a_lone_surname_goes_to_the_bearer_it_shares_context_with() -> None:
    records = [
        article("n", entity("1", "Nora Halvorsen"), entity("2", "Equinor", "ORG")),
        article("e", entity("1", "Erik Halvorsen"), entity("2", "Rosenborg", "ORG")),
        article("s", entity("1", "Halvorsen"), entity("2", "Rosenborg", "ORG")),
    ]
    entries, mapping = build_registry(records)
    assert mapping[("s", "1")] == mapping[("e", "1")] != mapping[("n", "1")]
    erik = next(entry for entry in entries if entry.name == "Erik Halvorsen")
    assert any("shared co-mentions" in merge.reason for merge in erik.merges)


def test_a_lone_surname_that_fits_two_people_equally_joins_neither() -> None:
    records = [
        article("n", entity("1", "Nora Halvorsen"), entity("2", "Rosenborg", "ORG")),
        article("e", entity("1", "Erik Halvorsen"), entity("2", "Rosenborg", "ORG")),
        article("s", entity("1", "Halvorsen"), entity("2", "Rosenborg", "ORG")),
    ]
    _, mapping = build_registry(records)
    assert mapping[("s", "1")] not in {mapping[("n", "1")], mapping[("e", "1")]}


def test_one_full_name_labelled_person_here_and_org_there_is_one_entity() -> None:
    records = [
        article("a", entity("1", "Idris Fenwick")),
        article("b", entity("1", "Idris Fenwick")),
        article("c", entity("1", "Idris Fenwick", "ORG")),
        article("d", entity("1", "Fenwick", "ORG")),  # one word: not enough to cross labels
    ]
    entries, mapping = build_registry(records)
    assert mapping[("a", "1")] == mapping[("c", "1")] != mapping[("d", "1")]
    merged = next(entry for entry in entries if entry.id == mapping[("a", "1")])
    assert merged.label == "PERSON"
    assert any("labels differ" in merge.reason for merge in merged.merges)


def test_a_generational_suffix_on_one_side_never_merges_across_articles() -> None:
    records = [
        article("a", entity("1", "Donald Roe Jr.", roles=("executive",))),
        article("b", entity("1", "Donald Roe", roles=("executive",))),
    ]
    _, mapping = build_registry(records)
    assert mapping[("a", "1")] != mapping[("b", "1")]
