"""Evidence-weighted linkage across articles: gender, slips of spelling, acronyms, time."""

from __future__ import annotations

from extract.models import ArticleRecord, Entity, Mention
from extract.reconcile.evidence import days_apart, text_gender
from extract.reconcile.registry import build_registry, with_corpus_ids


def entity(local: str, name: str, label: str = "PERSON", roles: tuple[str, ...] = ()) -> Entity:
    mention = Mention(text=name, start=0, end=len(name), sentence=0)
    return Entity.model_validate(
        {"id": local, "name": name, "label": label, "mentions": [mention], "roles": list(roles)}
    )


def article(identifier: str, *entities: Entity, published: str | None = None) -> ArticleRecord:
    return ArticleRecord(id=identifier, text="", entities=list(entities), published=published)


def ids_of(records: list[ArticleRecord]) -> dict[str, str]:
    """Each article entity's name -> its corpus id."""
    _, mapping = build_registry(records)
    names = {(r.id, e.id): e.name for r in records for e in r.entities}
    return {names[key]: value for key, value in mapping.items()}


def test_text_gender_reads_honorifics_and_role_words() -> None:
    assert text_gender("Mrs. Okafor", ()) == "f"
    assert text_gender("Okafor", ("spokesman",)) == "m"
    assert text_gender("Okafor", ("actress", "spokesman")) is None  # contradictory: unknown
    assert text_gender("Okafor", ("senator",)) is None


def test_a_lone_surname_never_joins_a_person_of_the_other_gender() -> None:
    shared = entity("c", "Lagos State")
    records = [
        article("a1", entity("p", "Chukwuma Nwosu", roles=("businessman",)), shared),
        article("a2", entity("s", "Ms. Nwosu"), shared),
    ]
    found = ids_of(records)
    assert found["Ms. Nwosu"] != found["Chukwuma Nwosu"]


def test_a_lone_surname_joins_with_context_and_compatible_gender() -> None:
    shared = entity("c", "Lagos State")
    records = [
        article("a1", entity("p", "Chukwuma Nwosu", roles=("businessman",)), shared),
        article("a2", entity("s", "Mr. Nwosu"), shared),
    ]
    registry, _ = build_registry(records)
    found = ids_of(records)
    assert found["Mr. Nwosu"] == found["Chukwuma Nwosu"]
    reasons = [m.reason for e in registry for m in e.merges if "evidence" in m.reason]
    assert any("shared co-mentions" in r and "gender m" in r for r in reasons)


def test_a_slip_between_common_names_needs_shared_context() -> None:
    unrelated = [
        article("a1", entity("p", "Jeffrey Wiesner"), entity("x", "Senate")),
        article("a2", entity("q", "Jeffrey Weisner"), entity("y", "Ford dealership")),
    ]
    found = ids_of(unrelated)
    assert found["Jeffrey Wiesner"] != found["Jeffrey Weisner"]
    related = [
        article("a1", entity("p", "Jeffrey Wiesner"), entity("x", "Senate")),
        article("a2", entity("q", "Jeffrey Weisner"), entity("y", "Senate")),
    ]
    found = ids_of(related)
    assert found["Jeffrey Wiesner"] == found["Jeffrey Weisner"]


def test_known_variants_merge_without_shared_context() -> None:
    records = [
        article("a1", entity("p", "Pat Cipollone"), entity("x", "Senate")),
        article("a2", entity("q", "Patrick Cipollone"), entity("y", "Mars")),
    ]
    found = ids_of(records)
    assert found["Pat Cipollone"] == found["Patrick Cipollone"]


def test_an_organisations_acronym_needs_its_expansion_shown() -> None:
    records = [
        article("a1", entity("o", "AirPods Pro", "ORG")),
        article("a2", entity("p", "AP", "ORG")),
    ]
    found = ids_of(records)
    assert found["AP"] != found["AirPods Pro"]
    shown = entity("o", "National Football League", "ORG")
    shown = shown.model_copy(
        update={"mentions": [*shown.mentions, Mention(text="NFL", start=40, end=43, sentence=1)]}
    )
    records = [article("a1", shown), article("a2", entity("p", "NFL", "ORG"))]
    found = ids_of(records)
    assert found["NFL"] == found["National Football League"]


def test_merge_reasons_name_the_time_between_articles() -> None:
    records = [
        article("a1", entity("p", "Sergey Viktorovich Lavrov"), published="2019-05-01"),
        article("a2", entity("q", "Sergey Lavrov"), published="2019-05-04"),
    ]
    registry, _ = build_registry(records)
    reasons = [m.reason for e in registry for m in e.merges]
    assert any("patronymic" in r and "published 3 days apart" in r for r in reasons)
    assert days_apart({"2019-05-01"}, set()) is None


def test_a_persons_name_labelled_org_joins_that_person_only_with_context() -> None:
    team = entity("t", "Pittsburgh Steelers", "ORG")
    records = [
        article("a1", entity("q", "Mason Rudolph"), team),
        article("a2", entity("o", "Mason Rudolf", "ORG"), team),
    ]
    registry, mapping = build_registry(records)
    assert mapping[("a2", "o")] == mapping[("a1", "q")]
    assert any("labelled ORG" in m.reason for e in registry for m in e.merges)
    alone = [
        article("a1", entity("q", "Mason Rudolph"), team),
        article("a2", entity("o", "Mason Rudolf", "ORG"), entity("x", "Mars", "LOC")),
    ]
    _, mapping = build_registry(alone)
    assert mapping[("a2", "o")] != mapping[("a1", "q")]


def gendered(local: str, name: str, gender: str | None) -> Entity:
    """A person whose article's pronouns gave a gender (`Entity.gender`), no honorific."""
    return entity(local, name).model_copy(update={"gender": gender})


def test_a_lone_surname_of_the_other_gender_by_pronouns_does_not_join() -> None:
    shared = entity("c", "Lagos State", "GPE")
    records = [
        article("a1", gendered("p", "Chukwuma Nwosu", "male"), shared),
        article("a2", gendered("s", "Nwosu", "female"), shared),
    ]
    registry, mapping = build_registry(records)
    assert mapping[("a1", "p")] != mapping[("a2", "s")]
    genders = {e.name: e.gender for e in registry if e.label == "PERSON"}
    assert genders == {"Chukwuma Nwosu": "male", "Nwosu": "female"}


def test_a_lone_surname_of_a_compatible_gender_with_shared_context_joins() -> None:
    shared = entity("c", "Lagos State", "GPE")
    for other in ("female", None):
        records = [
            article("a1", gendered("p", "Adaeze Nwosu", "female"), shared),
            article("a2", gendered("s", "Nwosu", other), shared),
        ]
        registry, mapping = build_registry(records)
        assert mapping[("a1", "p")] == mapping[("a2", "s")]
        nwosu = next(e for e in registry if e.id == mapping[("a1", "p")])
        assert nwosu.gender == "female"
        side = "in both texts" if other else "on one side only, compatible"
        assert any(f"gender f {side}" in m.reason for m in nwosu.merges)


def test_one_full_name_with_two_genders_is_two_people() -> None:
    records = [
        article("a1", gendered("p", "Jordan Lee", "female")),
        article("a2", gendered("q", "Jordan Lee", "male")),
        article("a3", gendered("r", "Jordan Lee", None)),
    ]
    registry, mapping = build_registry(records)
    assert mapping[("a1", "p")] != mapping[("a2", "q")]
    assert mapping[("a3", "r")] not in {mapping[("a1", "p")], mapping[("a2", "q")]}
    assert sorted(str(e.gender) for e in registry) == ["None", "female", "male"]
    alone = [
        article("a1", gendered("p", "Jordan Lee", "female")),
        article("a3", gendered("r", "Jordan Lee", None)),
    ]
    registry, mapping = build_registry(alone)
    assert mapping[("a1", "p")] == mapping[("a3", "r")]
    assert [e.gender for e in registry] == ["female"]


def test_gender_of_people_across_articles_is_deterministic() -> None:
    records = [
        article("a1", gendered("p", "Jordan Lee", "female")),
        article("a2", gendered("q", "Jordan Lee", "male")),
    ]
    first, _ = build_registry(records)
    second, _ = build_registry(list(reversed(records)))
    assert [(e.id, e.gender) for e in first] == [(e.id, e.gender) for e in second]


def test_the_corpus_record_keeps_the_gender_of_joined_entities() -> None:
    shared = entity("c", "Lagos State", "GPE")
    record = article("a1", gendered("p", "Adaeze Nwosu", "female"), gendered("s", "Nwosu", None))
    records = [record, article("a2", gendered("q", "Adaeze Nwosu", None), shared)]
    _, mapping = build_registry(records)
    mapping[("a1", "s")] = mapping[("a1", "p")]  # as if the corpus had joined them
    joined = with_corpus_ids(record, mapping)
    assert [(e.name, e.gender) for e in joined.entities] == [("Adaeze Nwosu", "female")]


def test_an_org_labelled_name_joins_neither_of_two_people_of_that_name() -> None:
    """The model's ORG reading of a name two people of different genders bear says nothing
    about which one it is: abstain, even when the ORG side has the most mentions."""
    org = entity("o", "Jordan Lee", "ORG")
    org = org.model_copy(update={"mentions": org.mentions * 5})
    records = [
        article("a1", gendered("p", "Jordan Lee", "female")),
        article("a2", gendered("q", "Jordan Lee", "male")),
        article("a3", org),
    ]
    _, mapping = build_registry(records)
    assert len({mapping[("a1", "p")], mapping[("a2", "q")], mapping[("a3", "o")]}) == 3
