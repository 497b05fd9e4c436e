"""Organisations in lists after a plural descriptor and "The X <head>" names, on blank Docs."""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.tokens import Doc

from extract.extractors.entities.listed_orgs import listed_organisations
from extract.extractors.entities.outlet_orgs import outlet_organisations
from extract.extractors.entities.surface import Piece
from extract.resources import RoleLexicon, default_role_lexicon

NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")
ROLE_LINES = "company org-list|firm org-list|giant org-list|foundation org|spokesman person"
ROLES = RoleLexicon.from_lines([line.replace(" ", "\t") for line in ROLE_LINES.split("|")])
Step = Callable[[Doc, list[Piece], RoleLexicon], list[Piece]]


def found(step: Step, text: str, pieces: list[Piece] | None = None) -> list[tuple[str, str]]:
    """(text, label) of every piece after the step, in text order."""
    doc: Doc = NLP(text)
    result = sorted(step(doc, pieces or [], ROLES), key=lambda p: p.start)
    return [(p.span(doc).text, p.label) for p in result]


def listed(text: str, pieces: list[Piece] | None = None) -> list[tuple[str, str]]:
    return found(listed_organisations, text, pieces)


def outlets(text: str, pieces: list[Piece] | None = None) -> list[tuple[str, str]]:
    return found(outlet_organisations, text, pieces)


def test_each_name_after_such_as_is_an_organisation() -> None:
    text = "Shares of companies such as Acme Corp, Globex and Initech fell."
    assert listed(text) == [("Acme Corp", "ORG"), ("Globex", "ORG"), ("Initech", "ORG")]


def test_a_list_right_after_the_descriptor_with_an_oxford_comma() -> None:
    text = "Tech giants Acme, Globex, and Initech gained."
    assert listed(text) == [("Acme", "ORG"), ("Globex", "ORG"), ("Initech", "ORG")]


def test_the_descriptors_role_goes_on_the_mention() -> None:
    doc = NLP("Firms including Acme grew.")
    assert [p.roles for p in listed_organisations(doc, [], ROLES)] == [["firm"]]


def test_a_colon_or_include_later_in_the_clause_opens_a_list_of_two_or_more() -> None:
    text = "It joins the nine companies picked last year: Acme, Deep Space Systems and Globex."
    assert [name for name, _ in listed(text)] == ["Acme", "Deep Space Systems", "Globex"]
    assert listed("The firms that bid include Acme and Globex.") == [
        ("Acme", "ORG"),
        ("Globex", "ORG"),
    ]
    assert listed("Two companies bid for it: Acme said so.") == []


def test_a_name_right_after_a_determined_descriptor_is_a_clause_subject() -> None:
    assert listed("He sold the companies Trump and Kushner own.") == []
    assert listed("He sold companies Acme.") == []  # one name right after: no list


def test_a_singular_or_unknown_descriptor_opens_no_list() -> None:
    assert listed("The company Acme and Globex met.") == []
    assert listed("Bands such as Acme and Globex played.") == []


def test_the_model_cut_or_mislabelled_names_are_mended() -> None:
    text = "Firms such as Lockheed Martin and Astrobotic bid."
    pieces = [Piece(3, 4, "ORG"), Piece(4, 5, "PERSON"), Piece(6, 7, "LOC")]
    assert listed(text, pieces) == [("Lockheed Martin", "ORG"), ("Astrobotic", "ORG")]


def test_a_person_with_person_evidence_and_given_names_keep_out() -> None:
    text = "Giants such as Orin Belkadi and Acme grew."
    pieces = [Piece(3, 5, "PERSON", roles=["spokesman"])]
    assert listed(text, pieces) == [("Orin Belkadi", "PERSON"), ("Acme", "ORG")]
    assert listed("Giants such as John Coltrane and Acme played.") == []


def test_a_piece_sticking_out_of_a_name_is_left_alone() -> None:
    text = "Firms such as Acme and Globex Bank grew."
    assert listed(text, [Piece(2, 4, "PERSON")]) == [("as Acme", "PERSON"), ("Globex Bank", "ORG")]
    assert listed(text, [Piece(5, 7, "ORG")]) == [("Acme", "ORG"), ("Globex Bank", "ORG")]


def test_a_number_after_the_last_name_drops_it() -> None:
    assert listed("Companies such as Acme and Globex 24 grew.") == [("Acme", "ORG")]


def test_the_bundled_lexicon_marks_plural_descriptors() -> None:
    lexicon = default_role_lexicon()
    for word in ("company", "bank", "airline", "retailer", "network", "studio", "label"):
        assert "org-list" in lexicon.kinds_of(word), word
    assert "org-list" not in lexicon.kinds_of("group")  # "ethnic groups such as Kurds"


def test_the_and_a_newspaper_head_word_name_an_outlet() -> None:
    text = "Jane Roe tells The Hollywood Reporter that she left."
    assert outlets(text) == [("Hollywood Reporter", "ORG")]
    assert outlets("The Boston Herald said so.") == [("Boston Herald", "ORG")]


def test_an_organisation_word_of_the_lexicon_is_a_head_too() -> None:
    text = "A study by The Heritage Foundation found it."
    assert outlets(text) == [("Heritage Foundation", "ORG")]


def test_a_place_inside_the_name_gives_way_but_a_whole_place_stays() -> None:
    text = "He told The Hollywood Reporter so."
    assert outlets(text, [Piece(3, 4, "GPE")]) == [("Hollywood Reporter", "ORG")]
    assert outlets(text, [Piece(3, 5, "GPE")]) == [("Hollywood Reporter", "GPE")]


def test_one_word_needs_a_capital_the_mid_sentence() -> None:
    assert outlets("He wrote for The Guardian in May.") == [("Guardian", "ORG")]
    assert outlets("The Independent voters left.") == []
    assert outlets('"The Times are changing," he said.') == []


def test_no_head_word_or_a_lower_case_the_names_nothing() -> None:
    assert outlets("The Hollywood Hills are dry.") == []
    assert outlets("He read the Washington Post.") == []
    assert outlets("The Soviet Union fell.") == []
    assert outlets("The Oval Office is empty.") == []


def test_names_before_and_other_descriptors() -> None:
    text = "He sold Acme, Globex Corp, and other tech companies."
    assert listed(text) == [("Acme", "ORG"), ("Globex Corp", "ORG")]
    assert listed("Acme and other firms grew.") == [("Acme", "ORG")]


def test_a_capitalised_opening_word_before_the_list_is_dropped() -> None:
    assert listed("Yesterday, Acme and other firms grew.") == [("Acme", "ORG")]
    assert listed("Acme, Globex and the firms grew.") == []
    assert listed("John Smith and other firms grew.") == []
