"""Label cues on hand-built Docs (no model): each test states the evidence a cue sees."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from extract.extractors.entities import labels
from extract.extractors.entities.labels import Lexicons, Observed, entity_label
from extract.resources import RoleLexicon

VOCAB = spacy.blank("en").vocab
ROLE_LINES = "mr honorific|sen honorific|st honorific|host person|department org|network org"
ROLES = RoleLexicon.from_lines([line.replace(" ", "\t") for line in ROLE_LINES.split("|")])
LEX = Lexicons(
    ROLES,
    organisations=frozenset({"chirper"}),
    places=frozenset({"freedonia"}),
    speech_verbs=frozenset({"say"}),
)


def doc_of(
    words: list[str],
    *,
    ents: list[tuple[int, int, str]] = (),  # type: ignore[assignment]
    deps: list[tuple[str, int, str, str]] | None = None,
) -> Doc:
    """A Doc of one sentence; `deps`: (dep, head index, tag, lemma) per token when given."""
    doc = Doc(VOCAB, words=words, sent_starts=[i == 0 for i in range(len(words))])
    if deps is not None:
        doc = Doc(
            VOCAB,
            words=words,
            deps=[d[0] for d in deps],
            heads=[d[1] for d in deps],
            tags=[d[2] for d in deps],
            lemmas=[d[3] for d in deps],
            sent_starts=[i == 0 for i in range(len(words))],
        )
    doc.ents = [Span(doc, s, e, label) for s, e, label in ents]
    return doc


def test_honorific_before_the_name() -> None:
    doc = doc_of(["Sen", ".", "Jane", "Roe", "spoke"])
    assert labels.has_honorific(doc[2:4], LEX)
    assert not labels.has_honorific(doc_of(["St", ".", "Louis"])[2:3], LEX)


def test_age_after_or_before_the_name() -> None:
    assert labels.has_age(doc_of(["Jane", "Roe", ",", "56", ",", "left"])[0:2], LEX)
    aged = doc_of(["the", "56", "-", "year", "-", "old", "Jane", "Roe"])
    assert labels.has_age(aged[6:8], LEX)
    assert not labels.has_age(doc_of(["Acme", ",", "2024", "report"])[0:1], LEX)


def test_pronoun_corefers_only_without_another_person() -> None:
    alone = doc_of(["Jane", "Roe", "said", "she", "left"], ents=[(0, 2, "ORG")])
    assert labels.has_coreferring_pronoun(alone[0:2], LEX)
    two = doc_of(["Acme", "hired", "Jane", "Roe", "and", "she", "left"], ents=[(2, 4, "PERSON")])
    assert not labels.has_coreferring_pronoun(two[0:1], LEX)


def test_subject_of_a_speech_verb() -> None:
    deps = [("compound", 1, "NNP", "jane"), ("nsubj", 2, "NNP", "roe"), ("ROOT", 2, "VBD", "say")]
    doc = doc_of(["Jane", "Roe", "said"], deps=deps)
    assert labels.is_speech_subject(doc[0:2], LEX)


def test_legal_form_inside_or_after() -> None:
    assert labels.has_legal_form(doc_of(["Acme", "Widgets", "Ltd"])[0:3], LEX)
    assert labels.has_legal_form(doc_of(["Acme", ",", "Inc.", "said"])[0:1], LEX)
    assert not labels.has_legal_form(doc_of(["Jane", "Roe", "said"])[0:2], LEX)


def test_org_word_acronym_and_known_tables() -> None:
    assert labels.has_org_word(doc_of(["Department", "of", "Parks"])[0:3], LEX)
    assert not labels.has_org_word(doc_of(["Network"])[0:1], LEX)
    assert labels.is_acronym(doc_of(["QXN", "said"])[0:1], LEX)
    assert not labels.is_acronym(doc_of(["Roe", "said"])[0:1], LEX)
    assert labels.is_known_organisation(doc_of(["Chirper"])[0:1], LEX)
    assert labels.is_known_place(doc_of(["Freedonia"])[0:1], LEX)


def test_plural_verb_agreement() -> None:
    deps = [("nsubj", 1, "NNPS", "sabre"), ("ROOT", 1, "VBP", "be"), ("acomp", 1, "JJ", "good")]
    assert labels.has_plural_verb(doc_of(["Sabres", "are", "good"], deps=deps)[0:1], LEX)


def test_place_preposition_but_not_an_owner() -> None:
    assert labels.after_place_preposition(doc_of(["lives", "in", "Zenda"])[2:3], LEX)
    owner = doc_of(["in", "Roe", "'s", "view"], deps=None)
    owner[2].tag_ = "POS"
    assert not labels.after_place_preposition(owner[1:2], LEX)


def test_mixed_model_labels_are_settled_by_evidence() -> None:
    doc = doc_of(["Mr", "Roe", "left", ".", "Roe", "said", "he", "would", ".", "Roe", "ran"])
    mentions = [Observed(doc[1:2], "PERSON"), Observed(doc[4:5], "ORG")]
    mentions.append(Observed(doc[9:10], "ORG"))
    assert entity_label(mentions, LEX) == "PERSON"


def test_a_person_role_on_an_organisation_name_is_not_a_person() -> None:
    doc = doc_of(["Chirper", "host", "left"])
    assert entity_label([Observed(doc[0:1], "PERSON", roles=["host"])], LEX) == "ORG"
    named = doc_of(["Parks", "Department", "official", "left"])
    official = [Observed(named[0:2], "PERSON", roles=["official"])]
    assert entity_label(official, LEX) == "ORG"


def test_a_known_place_labelled_person_becomes_a_place() -> None:
    doc = doc_of(["Freedonia", "won"])
    assert entity_label([Observed(doc[0:1], "PERSON")], LEX) == "GPE"


def test_the_model_stands_without_evidence() -> None:
    doc = doc_of(["Jane", "Roe", "won"])
    assert entity_label([Observed(doc[0:2], "PERSON")], LEX) == "PERSON"
    assert entity_label([Observed(doc[0:2], "WORK_OF_ART")], LEX) == "WORK_OF_ART"
