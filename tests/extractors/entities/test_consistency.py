"""Document consistency on hand-built Docs (no statistical model involved)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from extract.extractors.entities.consistency import find_missed
from extract.extractors.entities.surface import Piece
from extract.extractors.entities.truecase import caps_lines, recase
from extract.resources import default_role_lexicon

NLP = spacy.blank("en")


def piece_for(doc: Doc, text: str, label: str) -> Piece:
    span = doc.char_span(doc.text.index(text), doc.text.index(text) + len(text))
    assert span is not None
    return Piece(span.start, span.end, label)


def texts(doc: Doc, pieces: list[Piece]) -> list[tuple[str, str, str]]:
    return [(p.span(doc).text, p.label, p.source) for p in pieces]


def test_other_occurrences_surname_and_capitals_are_found() -> None:
    doc = NLP("Idris Fenwick spoke. then FENWICK left and idris fenwick was quiet. Fenwick won.")
    found = find_missed(doc, [piece_for(doc, "Idris Fenwick", "PERSON")], default_role_lexicon())
    assert texts(doc, found) == [
        ("FENWICK", "PERSON", "consistency"),
        ("Fenwick", "PERSON", "consistency"),
    ]


def test_occurrence_inside_a_longer_name_is_skipped() -> None:
    doc = NLP("Boston won. The Boston Globe reported it.")
    found = find_missed(doc, [piece_for(doc, "Boston", "GPE")], default_role_lexicon())
    assert found == []


def test_close_spelling_of_a_full_name_after_a_role_word() -> None:
    doc = NLP("Actress Katya Morozova arrives. The actress Katia Morozova won.")
    known = [piece_for(doc, "Katia Morozova", "PERSON")]
    found = find_missed(doc, known, default_role_lexicon())
    assert texts(doc, found) == [("Katya Morozova", "PERSON", "close_spelling")]


def test_unrelated_capitalised_runs_are_left_alone() -> None:
    doc = NLP("Katia Morozova met Karl Marx Street residents.")
    found = find_missed(doc, [piece_for(doc, "Katia Morozova", "PERSON")], default_role_lexicon())
    assert found == []


def test_capitals_lines_are_detected_and_recased_with_the_same_length() -> None:
    text = "ROMANIA BEAT LITHUANIA IN BUCHAREST\nRomania beat Lithuania on Friday.\nOK"
    assert caps_lines(text) == [(0, 35)]
    recased = recase(text[:35], {"romania": "Romania", "lithuania": "Lithuania", "beat": "beat"})
    assert recased == "Romania beat Lithuania in Bucharest"
    assert len(recased) == 35


@pytest.mark.model
def test_a_given_name_alone_is_found_when_only_one_person_has_it() -> None:
    from extract import extract_article

    record = extract_article(
        "Professor Helen Achebe opened the laboratory on Monday. Her students say Helen works "
        "late, and Achebe agrees."
    )
    [helen] = [e for e in record.entities if e.name == "Helen Achebe"]
    assert sorted(m.text for m in helen.mentions) == ["Achebe", "Helen", "Helen Achebe"]
    record = extract_article("Anna Berg met Anna Holm. Later Anna left.")
    for entity in record.entities:  # two Annas: the bare given name joins neither
        texts = {m.text for m in entity.mentions}
        assert not ("Anna" in texts and texts & {"Anna Berg", "Anna Holm"})
