"""`Entity.gender` as the entities step fills it on small texts (real model: behaviour only)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from extract.extractors.entities.component import entities_of

pytestmark = pytest.mark.model


def genders(doc: Doc) -> dict[str, str | None]:
    return {entity.name: entity.gender for entity in entities_of(doc) if entity.label == "PERSON"}


def test_pronouns_that_follow_a_subject_give_the_gender(parse: Callable[[str], Doc]) -> None:
    doc = parse(
        "Amara Okafor opened a new clinic in Lagos on Monday. She said her staff had waited "
        "two years for the building."
    )
    assert genders(doc).get("Amara Okafor") == "female"


def test_an_honorific_gives_the_gender(parse: Callable[[str], Doc]) -> None:
    doc = parse("The council heard Mr. Brenner on Tuesday.")
    assert set(genders(doc).values()) == {"male"}


def test_no_evidence_no_gender(parse: Callable[[str], Doc]) -> None:
    doc = parse("Mary Okafor and John Brenner signed the agreement in Lagos on Monday.")
    assert set(genders(doc).values()) == {None}
