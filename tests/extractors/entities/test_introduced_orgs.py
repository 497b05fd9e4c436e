"""Descriptor-introduced organisations and the line-bound pronoun cue, on hand-built Docs."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from extract.extractors.entities import cues
from extract.extractors.entities.introduced_orgs import introduced_organisations
from extract.extractors.entities.labels import Lexicons
from extract.extractors.entities.surface import Piece
from extract.resources import RoleLexicon, default_role_lexicon

NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")
ROLE_LINES = "firm org|firm org-intro|insurer org-intro|giant org-intro|spokesman person"
ROLES = RoleLexicon.from_lines([line.replace(" ", "\t") for line in ROLE_LINES.split("|")])


def found(text: str, pieces: list[Piece] | None = None) -> list[tuple[str, str, list[str]]]:
    """(text, label, roles) of every piece after the step, new ones last."""
    doc: Doc = NLP(text)
    result = introduced_organisations(doc, pieces or [], ROLES)
    return [(p.span(doc).text, p.label, p.roles) for p in result]


def test_a_name_after_a_descriptor_is_an_organisation() -> None:
    assert found("He works at research firm IDC, which tracks games.") == [("IDC", "ORG", ["firm"])]


def test_a_name_of_several_words_with_an_ampersand() -> None:
    text = "The insurer Legal & General Group said profits rose."
    assert found(text) == [("Legal & General Group", "ORG", ["insurer"])]


def test_a_date_word_ends_the_name_and_lower_case_words_stop_it() -> None:
    assert found("The firm Acme Wednesday said it grew.") == [("Acme", "ORG", ["firm"])]
    assert found("The firm founder Jane Roe spoke.") == []


def test_an_unclear_end_drops_the_run() -> None:
    assert found("The insurer Acme 24 grew.") == []
    assert found("The firm Alpha Beta Gamma Delta Epsilon grew.") == []


def test_never_across_a_line_break() -> None:
    assert found("We spoke to the firm\nAcme Corp News\nmore") == []
    assert found("We spoke to the firm Acme\nDaily News") == [("Acme", "ORG", ["firm"])]


def test_a_given_name_and_surname_is_left_to_the_person_steps() -> None:
    assert found("The jazz giant John Coltrane played.") == []


def test_a_descriptor_in_capitals_or_a_pronoun_introduces_nothing() -> None:
    assert found("Shares of Acme Firm Holdings fell.") == []
    assert found("The firm I joined grew.") == []


def test_the_models_other_label_on_exactly_the_run_becomes_org() -> None:
    text = "Shares of insurer Acme Mutual rose."
    pieces = [Piece(start=3, end=5, label="GPE")]
    assert found(text, pieces) == [("Acme Mutual", "ORG", ["insurer"])]


def test_a_model_person_with_person_evidence_keeps_its_label() -> None:
    text = "The firm Orin Belkadi said it grew."
    pieces = [Piece(start=2, end=4, label="PERSON")]
    assert found(text, pieces) == [("Orin Belkadi", "PERSON", [])]
    aged = "The firm Orin Belkadi, 56, grew."
    assert found(aged, [Piece(start=2, end=4, label="PERSON")])[0][1] == "PERSON"


def test_a_model_name_with_other_bounds_is_left_alone() -> None:
    text = "The firm Acme Mutual rose."
    pieces = [Piece(start=2, end=3, label="PERSON")]
    assert found(text, pieces) == [("Acme", "PERSON", [])]


def test_the_bundled_lexicon_marks_descriptors() -> None:
    lexicon = default_role_lexicon()
    for word in ("firm", "company", "contractor", "automaker", "broadcaster", "nonprofit"):
        assert "org-intro" in lexicon.kinds_of(word), word
    assert "org-intro" not in lexicon.kinds_of("group")  # "group" precedes people too


def _with_person(text: str, start: int, end: int) -> Span:
    doc = NLP(text)
    doc.ents = [Span(doc, start, end, "PERSON")]
    return doc[start:end]


def test_pronoun_cue_stops_at_a_line_break() -> None:
    lex = Lexicons(ROLES)
    same_line = _with_person("Help Shape the Future , he said", 0, 2)
    assert cues.has_coreferring_pronoun(same_line, lex)
    next_line = _with_person("Help Shape the Future\nhe said his plan works", 0, 2)
    assert not cues.has_coreferring_pronoun(next_line, lex)
    blank_line = _with_person("Help Shape\n\nhe said", 0, 2)
    assert not cues.has_coreferring_pronoun(blank_line, lex)


def test_a_list_after_a_singular_descriptor_gives_only_its_first_name() -> None:
    assert found("The insurer Acme, Globex and Initech met.") == [("Acme", "ORG", ["insurer"])]


def test_a_single_letter_is_no_name() -> None:
    assert found("Shares offered by firm N / A .") == []
