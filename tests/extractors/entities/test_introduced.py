"""Role-introduced names on hand-built Docs (no statistical model involved)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from extract.extractors.entities.introduced import introduced_names
from extract.extractors.entities.surface import Piece
from extract.resources import default_role_lexicon

NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")


def found(text: str, pieces: list[Piece] | None = None) -> list[tuple[str, list[str]]]:
    doc: Doc = NLP(text)
    return [
        (p.span(doc).text, p.roles)
        for p in introduced_names(doc, pieces or [], default_role_lexicon())
        if p.label == "PERSON" and p.source == "role"
    ]


def test_a_name_after_a_person_role_is_a_person_with_that_role() -> None:
    text = "The mathematician and writer Orin Belkadi spoke to us."
    assert found(text) == [("Orin Belkadi", ["writer"])]


def test_a_date_word_ends_the_name() -> None:
    assert found("We met writer Orin Belkadi Wednesday in Haifa.") == [("Orin Belkadi", ["writer"])]


def test_an_honorific_marks_a_person_but_is_no_role() -> None:
    assert found("A letter from Dr. Orin Belkadi arrived.") == [("Orin Belkadi", [])]


def test_a_sentence_opening_name_given_a_role_by_is() -> None:
    text = "It rained. Orin Belkadi is an Israeli mathematician. He lives in Haifa."
    assert found(text) == [("Orin Belkadi", ["mathematician"])]


def test_no_role_no_person() -> None:
    assert found("Blue Harbor is a quiet river. The company Blue Harbor Logistics grew.") == []


def test_single_words_long_runs_line_breaks_and_covered_names_are_left_alone() -> None:
    assert found("The writer Belkadi spoke.") == []
    assert found("The writer Orin Amos Dov Belkadi spoke.") == []
    assert found("Our writer\nOrin Belkadi spoke.") == []
    doc = NLP("The writer Orin Belkadi spoke.")
    covered = [Piece(2, 4, "PERSON")]
    assert introduced_names(doc, covered, default_role_lexicon()) == []


def test_a_given_name_after_a_places_possessive_is_a_person() -> None:
    doc: Doc = NLP("Serbia’s Novak Quillbrand won, as did Serbia’s Labour Party.")
    doc.ents = [doc.char_span(0, 6, "GPE"), doc.char_span(38, 44, "GPE")]  # type: ignore[list-item]
    for token in doc:
        if token.text == "’s":
            token.tag_ = "POS"
    names = [p.span(doc).text for p in introduced_names(doc, [], default_role_lexicon())]
    assert names == ["Novak Quillbrand"]
