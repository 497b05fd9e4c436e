"""Roles on hand-built Docs (no model): the words the text gives a named person."""

from __future__ import annotations

from spacy.tokens import Span

from extract.extractors.entities.roles import roles_for
from extract.resources import default_role_lexicon
from tests.extractors.quotes.test_speakers_unit import parsed


def test_role_words_before_a_name_are_its_roles() -> None:
    # "director and cameraman Lars Holm said ."
    doc = parsed(
        [
            [
                ("director", "NOUN", "compound", 4),
                ("and", "CCONJ", "cc", 0),
                ("cameraman", "NOUN", "conj", 0),
                ("Lars", "PROPN", "compound", 4),
                ("Holm", "PROPN", "nsubj", 5),
                ("said", "VERB", "ROOT", 5),
                (".", "PUNCT", "punct", 5),
            ]
        ]
    )
    name = Span(doc, 3, 5, label="PERSON")
    assert roles_for(name, default_role_lexicon(), "PERSON") == ["director", "cameraman"]


def test_an_apposition_gives_a_role_too() -> None:
    # "Lars Holm , the mayor , said ."
    doc = parsed(
        [
            [
                ("Lars", "PROPN", "compound", 1),
                ("Holm", "PROPN", "nsubj", 6),
                (",", "PUNCT", "punct", 1),
                ("the", "DET", "det", 4),
                ("mayor", "NOUN", "appos", 1),
                (",", "PUNCT", "punct", 1),
                ("said", "VERB", "ROOT", 6),
                (".", "PUNCT", "punct", 6),
            ]
        ]
    )
    name = Span(doc, 0, 2, label="PERSON")
    assert "mayor" in roles_for(name, default_role_lexicon(), "PERSON")
