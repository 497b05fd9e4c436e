"""The reported-speech finder looks only at tokens that can be cues (blank pipeline, lemmas and
tags set by hand)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from extract.extractors.quotes.reported import candidate_cues

NLP = spacy.blank("en")


def doc_with_lemmas(words: list[str], lemmas: list[str]) -> Doc:
    doc = Doc(NLP.vocab, words=words)
    for token, lemma in zip(doc, lemmas, strict=True):
        token.lemma_ = lemma
    return doc


def test_cue_lemmas_in_any_case_and_according_are_candidates() -> None:
    words = ["Roe", "said", "that", ",", "According", "to", "Doe", "it", "Says", "so"]
    lemmas = ["Roe", "say", "that", ",", "accord", "to", "Doe", "it", "SAY", "so"]
    found = candidate_cues(doc_with_lemmas(words, lemmas), frozenset({"say", "tell"}))
    assert found == [1, 4, 8]


def test_every_candidate_is_a_cue_lemma_or_according() -> None:
    words = ["Roe", "told", "Doe", "about", "the", "plan", "accordingly"]
    lemmas = ["Roe", "tell", "Doe", "about", "the", "plan", "accordingly"]
    doc = doc_with_lemmas(words, lemmas)
    cues = frozenset({"tell"})
    found = candidate_cues(doc, cues)
    expected = [t.i for t in doc if t.lemma_.lower() in cues or t.lower_ == "according"]
    assert found == expected == [1]


def test_an_empty_doc_has_no_candidates() -> None:
    assert candidate_cues(NLP(""), frozenset({"say"})) == []
