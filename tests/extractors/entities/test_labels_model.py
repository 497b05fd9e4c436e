"""One label per entity on small texts with invented names (real model: behaviour only)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from extract.extractors.entities.component import entities_of

pytestmark = pytest.mark.model


def labels_of(doc: Doc) -> dict[str, str]:
    return {entity.name: entity.label for entity in entities_of(doc)}


def test_a_person_with_an_age_and_pronouns_is_a_person(parse: Callable[[str], Doc]) -> None:
    doc = parse(
        "Orsolya Vantreece, 56, runs a bakery in the old town. Vantreece said she would "
        "keep the shop open. Vantreece added that prices had doubled."
    )
    found = labels_of(doc)
    assert found.get("Orsolya Vantreece") == "PERSON"


def test_honorific_makes_a_person(parse: Callable[[str], Doc]) -> None:
    doc = parse("Mr. Quillby declined to comment. Quillby has run the mill since 1990.")
    assert labels_of(doc).get("Quillby") == "PERSON"


def test_a_network_with_a_host_is_not_a_person(parse: Callable[[str], Doc]) -> None:
    doc = parse("Zarvox Network host Dana Pellworth said the show would return in May.")
    found = labels_of(doc)
    assert found.get("Zarvox Network") != "PERSON"
    assert found.get("Dana Pellworth") == "PERSON"


def test_a_company_with_a_legal_form_is_an_organisation(parse: Callable[[str], Doc]) -> None:
    doc = parse("Brenvik Holdings Ltd said its profits fell. Brenvik will cut 200 jobs.")
    assert labels_of(doc).get("Brenvik Holdings Ltd") == "ORG"


def test_a_heading_in_capitals_is_no_entity(parse: Callable[[str], Doc]) -> None:
    doc = parse("ZELMORE TRIUMPHS\n\nThe home side won the cup final on Sunday.")
    assert not any(name.isupper() for name in labels_of(doc))


def test_a_handle_is_not_a_role(parse: Callable[[str], Doc]) -> None:
    doc = parse("Dana Pellworth, @danapell, wrote that the bridge would close.")
    for entity in entities_of(doc):
        assert all("@" not in role for role in entity.roles)
