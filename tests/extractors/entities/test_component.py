"""The entities step on small texts written for these tests (real model, so behaviour only)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from extract.extractors.entities.component import entities_of
from extract.models import Entity

pytestmark = pytest.mark.model


def by_name(doc: Doc) -> dict[str, Entity]:
    return {entity.name: entity for entity in entities_of(doc)}


def test_possessive_is_not_part_of_the_name(parse: Callable[[str], Doc]) -> None:
    doc = parse("Critics loved Martin Scorsese’s new film, and Greta Gerwig's too.")
    found = by_name(doc)
    assert "Martin Scorsese" in found
    assert all(
        "’s" not in m.text and "'s" not in m.text for e in found.values() for m in e.mentions
    )


def test_glued_owner_and_work_are_split(parse: Callable[[str], Doc]) -> None:
    doc = parse(
        "Classics such as Stanley Kubrick’s Barry Lyndon or Ridley Scott’s Alien still "
        "shape how audiences imagine the future."
    )
    found = by_name(doc)
    people = {name for name, e in found.items() if e.label == "PERSON"}
    assert {"Stanley Kubrick", "Ridley Scott"} <= people
    assert not any("’s" in name for name in found)


def test_leading_role_words_become_roles(parse: Callable[[str], Doc]) -> None:
    doc = parse("Astronaut Eileen Marsh met Senator Paul Okoro in Houston on Friday.")
    found = by_name(doc)
    assert found["Eileen Marsh"].label == "PERSON"
    assert "astronaut" in found["Eileen Marsh"].roles
    assert "Paul Okoro" in found


def test_roles_from_compounds_conjunctions_and_appositions(parse: Callable[[str], Doc]) -> None:
    doc = parse(
        "The film was made by director and cameraman Lars Holm. "
        "The chair of the city's transport committee, Maria Santos, said the plan was late. "
        "Holm said nothing."
    )
    found = by_name(doc)
    assert found["Lars Holm"].roles[:2] == ["director", "cameraman"]
    assert "chair of the city's transport committee" in found["Maria Santos"].roles
    assert len(found["Lars Holm"].mentions) == 2


def test_one_label_per_entity_and_surnames_link(parse: Callable[[str], Doc]) -> None:
    doc = parse(
        "Engineer Tomas Brandt led the project for the Halvorsen Group. Brandt said the deck "
        "was replaced. The Halvorsen Group declined to comment, and Brandt left."
    )
    found = by_name(doc)
    brandt = found["Tomas Brandt"]
    assert [m.text for m in brandt.mentions] == ["Tomas Brandt", "Brandt", "Brandt"]
    assert len({e.label for e in found.values() if "Halvorsen" in e.name}) == 1


def test_name_in_a_caption_is_found_from_running_text(parse: Callable[[str], Doc]) -> None:
    doc = parse(
        "From left: Marguerite Okonkwo-Blake, Idris Fenwick.\n\n"
        "The award went to the engineer Marguerite Okonkwo-Blake on Monday, said the jury "
        "chairman Idris Fenwick. Fenwick praised her."
    )
    found = by_name(doc)
    fenwick = next(e for e in found.values() if e.name.endswith("Fenwick"))
    assert fenwick.mentions[0].start == doc.text.index("Idris Fenwick")
    assert len(fenwick.mentions) == 3


def test_close_spelling_of_a_full_name_is_one_entity(parse: Callable[[str], Doc]) -> None:
    doc = parse(
        "Actress Katya Morozova arrives at the festival.\n\n"
        "The main role will be played by the actress Katia Morozova, who beat 500 applicants. "
        "Morozova has appeared in 20 films."
    )
    people = [e for e in entities_of(doc) if e.label == "PERSON"]
    assert len(people) == 1
    assert {m.text for m in people[0].mentions} == {"Katya Morozova", "Katia Morozova", "Morozova"}


def test_acronym_joins_its_expansion(parse: Callable[[str], Doc]) -> None:
    doc = parse(
        "The grant came from the European Research Council (ERC) in March. "
        "The ERC has funded about 30 projects."
    )
    council = next(e for e in entities_of(doc) if e.name == "European Research Council")
    assert [m.text for m in council.mentions].count("ERC") == 2


def test_names_in_capitals_headlines_are_found(parse: Callable[[str], Doc]) -> None:
    doc = parse(
        "PORTUGAL BEAT NORWAY IN LISBON\n"
        "Portugal beat Norway 2-1 in Lisbon on Wednesday in a friendly match."
    )
    headline_end = doc.text.index("\n")
    found = {
        (m.text, e.label) for e in entities_of(doc) for m in e.mentions if m.end <= headline_end
    }
    assert {text for text, _ in found} >= {"PORTUGAL", "LISBON"}


def test_mentions_never_cross_a_line_break(parse: Callable[[str], Doc]) -> None:
    doc = parse("AMERICAN LEAGUE\nBaltimore beat Boston on Friday.")
    for entity in entities_of(doc):
        for mention in entity.mentions:
            assert "\n" not in mention.text


def test_lowercase_phrases_are_not_entities(parse: Callable[[str], Doc]) -> None:
    doc = parse("Schools were closed on Friday, the district council said.")
    assert all(e.name[0].isupper() for e in entities_of(doc))


def test_offsets_index_the_text(parse: Callable[[str], Doc]) -> None:
    doc = parse("Dr. Jane Roe’s team met the U.S. Navy and NASA’s chief in Houston, Texas.")
    for entity in entities_of(doc):
        for mention in entity.mentions:
            assert doc.text[mention.start : mention.end] == mention.text
