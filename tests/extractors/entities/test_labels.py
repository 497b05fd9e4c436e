"""Label cues on hand-built Docs (no model): each test states the evidence a cue sees."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from extract.extractors.entities import cues, labels
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
    assert cues.has_honorific(doc[2:4], LEX)
    assert not cues.has_honorific(doc_of(["St", ".", "Louis"])[2:3], LEX)


def test_age_after_or_before_the_name() -> None:
    assert cues.has_age(doc_of(["Jane", "Roe", ",", "56", ",", "left"])[0:2], LEX)
    aged = doc_of(["the", "56", "-", "year", "-", "old", "Jane", "Roe"])
    assert cues.has_age(aged[6:8], LEX)
    assert not cues.has_age(doc_of(["Acme", ",", "2024", "report"])[0:1], LEX)


def test_pronoun_corefers_only_without_another_person() -> None:
    alone = doc_of(["Jane", "Roe", "said", "she", "left"], ents=[(0, 2, "ORG")])
    assert cues.has_coreferring_pronoun(alone[0:2], LEX)
    two = doc_of(["Acme", "hired", "Jane", "Roe", "and", "she", "left"], ents=[(2, 4, "PERSON")])
    assert not cues.has_coreferring_pronoun(two[0:1], LEX)


def test_subject_of_a_speech_verb() -> None:
    deps = [("compound", 1, "NNP", "jane"), ("nsubj", 2, "NNP", "roe"), ("ROOT", 2, "VBD", "say")]
    doc = doc_of(["Jane", "Roe", "said"], deps=deps)
    assert cues.is_speech_subject(doc[0:2], LEX)


def test_legal_form_inside_or_after() -> None:
    assert cues.has_legal_form(doc_of(["Acme", "Widgets", "Ltd"])[0:3], LEX)
    assert cues.has_legal_form(doc_of(["Acme", ",", "Inc.", "said"])[0:1], LEX)
    assert not cues.has_legal_form(doc_of(["Jane", "Roe", "said"])[0:2], LEX)


def test_org_word_acronym_and_known_tables() -> None:
    assert cues.has_org_word(doc_of(["Department", "of", "Parks"])[0:3], LEX)
    assert not cues.has_org_word(doc_of(["Network"])[0:1], LEX)
    assert cues.is_acronym(doc_of(["QXN", "said"])[0:1], LEX)
    assert not cues.is_acronym(doc_of(["Roe", "said"])[0:1], LEX)
    assert cues.is_known_organisation(doc_of(["Chirper"])[0:1], LEX)
    assert cues.is_known_place(doc_of(["Freedonia"])[0:1], LEX)


def test_plural_verb_agreement() -> None:
    deps = [("nsubj", 1, "NNPS", "sabre"), ("ROOT", 1, "VBP", "be"), ("acomp", 1, "JJ", "good")]
    assert cues.has_plural_verb(doc_of(["Sabres", "are", "good"], deps=deps)[0:1], LEX)


def test_place_preposition_but_not_an_owner() -> None:
    assert cues.after_place_preposition(doc_of(["lives", "in", "Zenda"])[2:3], LEX)
    owner = doc_of(["in", "Roe", "'s", "view"], deps=None)
    owner[2].tag_ = "POS"
    assert not cues.after_place_preposition(owner[1:2], LEX)


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


NAME_LEX = Lexicons(
    ROLES,
    places=frozenset({"freedonia"}),
    cities=frozenset({"port vell"}),
    english=frozenset({"magic", "box", "cup"}),
)


def test_a_full_name_of_name_words_is_a_person_shape() -> None:
    doc = doc_of(["Diego", "Quillbrand", "won", "the", "Magic", "Box", "cup"])
    assert cues.has_person_name_shape(doc[0:2], NAME_LEX)
    assert not cues.has_person_name_shape(doc[4:6], NAME_LEX)  # English words
    assert not cues.has_person_name_shape(doc[0:1], NAME_LEX)  # one word
    no_english = Lexicons(ROLES)
    assert not cues.has_person_name_shape(doc[0:2], no_english)  # no word list: no cue


def test_person_shape_outvotes_one_contrary_model_label() -> None:
    doc = doc_of(["Diego", "Quillbrand", "won"])
    assert entity_label([Observed(doc[0:2], "ORG")], NAME_LEX) == "PERSON"


def test_acronym_expansion_marks_an_organisation() -> None:
    doc = doc_of(["Maghra", "al", "Tavor", ",", "or", "MaT", ",", "trained"])
    assert cues.has_acronym_expansion(doc[0:3], LEX)
    bracket = doc_of(["Northern", "Water", "Board", "(", "NWB", ")"])
    assert cues.has_acronym_expansion(bracket[0:3], LEX)
    assert not cues.has_acronym_expansion(doc_of(["Jane", "Roe", ",", "or", "JX"])[0:2], LEX)


def test_affiliation_marks_an_employer() -> None:
    doc = doc_of(["a", "spokesperson", "for", "Inherent", "Vigil", "said"])
    assert cues.has_affiliation(doc[3:5], LEX)
    assert entity_label([Observed(doc[3:5], "PERSON")], LEX) != "PERSON"
    assert not cues.has_affiliation(doc_of(["a", "friend", "of", "Jane", "Roe"])[3:5], LEX)


def test_a_city_or_venue_is_no_person() -> None:
    doc = doc_of(["to", "Port", "Vell", "and", "Quarry", "Falls"])
    assert entity_label([Observed(doc[1:3], "PERSON")], NAME_LEX) == "GPE"
    assert cues.has_place_head(doc[4:6], LEX)
    assert entity_label([Observed(doc[4:6], "PERSON")], LEX) == "FAC"


def test_a_city_name_counts_only_when_every_mention_is_it() -> None:
    doc = doc_of(["Anna", "Vell", "met", "Vell", "and", "Port", "Vell"])
    both = [Observed(doc[0:2], "PERSON"), Observed(doc[5:7], "PERSON")]
    assert "GPE" not in labels.entity_votes(both, NAME_LEX)


def test_to_the_is_a_place_preposition_but_to_alone_is_not() -> None:
    assert cues.after_place_preposition(doc_of(["going", "to", "the", "Moon"])[3:4], LEX)
    assert not cues.after_place_preposition(doc_of(["said", "to", "Roe"])[2:3], LEX)


def test_a_lone_word_the_model_alone_calls_a_person_is_not_one() -> None:
    doc = doc_of(["Quorvex", "won", "the", "contract"])
    assert entity_label([Observed(doc[0:1], "PERSON")], LEX) == "ORG"
    spoke = doc_of(
        ["Quorvex", "said", "it"],
        deps=[("nsubj", 1, "NNP", "Quorvex"), ("ROOT", 1, "VBD", "say"), ("dobj", 1, "PRP", "it")],
    )
    assert entity_label([Observed(spoke[0:1], "PERSON")], LEX) == "PERSON"
    assert entity_label([Observed(doc_of(["Mary"])[0:1], "PERSON")], LEX) == "PERSON"


def test_a_name_modifying_regime_is_a_person() -> None:
    doc = doc_of(
        ["the", "Vorlan", "regime", "fell"],
        deps=[
            ("det", 2, "DT", "the"),
            ("compound", 2, "NNP", "Vorlan"),
            ("nsubj", 3, "NN", "regime"),
            ("ROOT", 3, "VBD", "fall"),
        ],
    )
    assert cues.names_a_persons_rule(doc[1:2], LEX)
    assert entity_label([Observed(doc[1:2], "PERSON")], LEX) == "PERSON"


def test_a_name_cut_from_an_organisation_and_an_event_are_no_people() -> None:
    doc = doc_of(["Lockmar", "Vell", "and", "the", "Quarry", "Cup"], ents=[(0, 1, "ORG")])
    assert cues.continues_an_organisation(doc[1:2], LEX)
    assert entity_label([Observed(doc[1:2], "PERSON")], LEX) == "ORG"
    assert cues.has_event_head(doc[4:6], LEX)
    assert entity_label([Observed(doc[4:6], "PERSON")], LEX) == "EVENT"


def test_a_lone_unsupported_person_with_place_evidence_is_a_place() -> None:
    doc = doc_of(["a", "café", "near", "the", "Quorne"])
    assert entity_label([Observed(doc[4:5], "PERSON")], LEX) == "GPE"


def test_company_head_words_of_the_bundled_lexicon_mark_an_organisation() -> None:
    """ "Dick Roe Productions" is a company however person-like its first words are."""
    from extract.resources import default_role_lexicon

    bundled = Lexicons(default_role_lexicon())
    for head in ("Productions", "Pictures", "Records", "Holdings", "Therapeutics"):
        assert cues.has_org_word(doc_of(["Dick", "Roe", head])[0:3], bundled), head
    assert not cues.has_org_word(doc_of(["Dick", "Roe"])[0:2], bundled)
