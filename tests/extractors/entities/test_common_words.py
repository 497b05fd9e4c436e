"""A lone common word opening a sentence is not a person (hand-built Docs, no model)."""

from __future__ import annotations

import spacy

from extract.extractors.entities.component import EntityComponent
from extract.extractors.entities.surface import Piece
from extract.extractors.entities.truecase import EnglishWords
from extract.resources import default_role_lexicon

NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")


def component() -> EntityComponent:
    found = EntityComponent(default_role_lexicon())
    found._english = EnglishWords(lemmas=frozenset({"character", "brown"}))
    return found


def person_at(doc: spacy.tokens.Doc, word: str, *, roles: tuple[str, ...] = ()) -> Piece:
    index = next(t.i for t in doc if t.text == word)
    return Piece(index, index + 1, "PERSON", roles=list(roles))


def test_a_common_word_opening_sentences_is_dropped() -> None:
    doc = NLP("Character matters. The board met on Monday.\nCharacter is everything.")
    pieces = [Piece(0, 1, "PERSON"), Piece(10, 11, "PERSON")]
    assert doc[10].text == "Character"
    assert component()._common_word_at_sentence_start(doc, pieces)


def test_names_and_words_the_text_capitalises_elsewhere_are_kept() -> None:
    check = component()._common_word_at_sentence_start
    doc = NLP("Brown resigned. The minister met Brown on Monday.")
    assert not check(doc, [person_at(doc, "Brown")])  # capitalised mid-sentence elsewhere
    doc = NLP("Fenwick resigned. The board met.")
    assert not check(doc, [person_at(doc, "Fenwick")])  # not a common word
    doc = NLP("Character resigned. The board met.")
    assert not check(doc, [person_at(doc, "Character", roles=("minister",))])
    doc = NLP("The board met Character on Monday.")
    assert not check(doc, [person_at(doc, "Character")])  # not at a sentence start
