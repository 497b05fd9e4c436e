"""Name cleaning on hand-built Docs (no model): headings, addresses and glued names."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from extract.extractors.entities.roles import roles_for
from extract.extractors.entities.surface import clean_span, in_capital_heading
from extract.resources import RoleLexicon

VOCAB = spacy.blank("en").vocab
LEXICON = RoleLexicon.from_lines(["host\tperson", "mr\thonorific"])


def doc_of(text: str, ents: list[tuple[int, int, str]]) -> Doc:
    doc = spacy.blank("en")(text)
    doc.ents = [Span(doc, s, e, label) for s, e, label in ents]
    return doc


def names(doc: Doc, span: Span) -> list[tuple[str, str]]:
    return [(p.span(doc).text, p.label) for p in clean_span(span, LEXICON)]


def test_a_capital_heading_is_no_name() -> None:
    doc = doc_of("ZELMORE TRIUMPHS\nThe team won.", [(0, 2, "PERSON")])
    assert in_capital_heading(doc.ents[0])
    assert names(doc, doc.ents[0]) == []


def test_capital_words_in_a_long_line_stay() -> None:
    doc = doc_of("We met DANA PELL at the fair on Friday.", [(2, 4, "PERSON")])
    assert names(doc, doc.ents[0]) == [("DANA PELL", "PERSON")]


def test_a_place_keeps_its_dateline() -> None:
    doc = doc_of("ZENDA 1996-08-30\nRain fell.", [(0, 1, "GPE")])
    assert names(doc, doc.ents[0]) == [("ZENDA", "GPE")]


def test_handles_and_urls_are_no_names() -> None:
    doc = doc_of("Follow @danapell or www.pell.com today.", [(1, 2, "PERSON"), (3, 4, "ORG")])
    assert names(doc, doc.ents[0]) == []
    assert names(doc, doc.ents[1]) == []


def test_a_lone_honorific_is_no_name() -> None:
    doc = doc_of("Mr said nothing.", [(0, 1, "PERSON")])
    assert names(doc, doc.ents[0]) == []


def test_possessive_fragment_is_dropped() -> None:
    doc = doc_of("It was Acme's Dana Pell who spoke.", [(3, 6, "PERSON")])
    assert names(doc, doc.ents[0]) == [("Dana Pell", "PERSON")]


def test_product_and_company_split_at_a_list_comma() -> None:
    doc = doc_of("Games for Zapbox Ultra, Quillsoft and others.", [(2, 6, "PERSON")])
    assert names(doc, doc.ents[0]) == [("Zapbox Ultra", "PERSON"), ("Quillsoft", "PERSON")]


def test_suffix_after_a_comma_stays() -> None:
    doc = doc_of("Dana Pell, Jr. spoke.", [(0, 4, "PERSON")])
    assert names(doc, doc.ents[0])[0][0].startswith("Dana Pell, Jr")


def test_country_glued_before_a_person_is_split() -> None:
    doc = doc_of("Canada beat Chile. Canada Dana Pell won.", [(0, 1, "GPE"), (4, 7, "PERSON")])
    assert names(doc, doc.ents[1]) == [("Canada", "GPE"), ("Dana Pell", "PERSON")]


def test_a_given_name_that_is_a_place_stays() -> None:
    doc = doc_of("Georgia Pell won.", [(0, 2, "PERSON")])
    assert names(doc, doc.ents[0]) == [("Georgia Pell", "PERSON")]


def test_a_handle_is_never_a_role() -> None:
    doc = doc_of("Dana Pell, @danapell, spoke.", [(0, 2, "PERSON")])
    assert all("@" not in role for role in roles_for(doc.ents[0], LEXICON, "PERSON"))


def test_a_place_owning_a_person_splits_into_place_and_person() -> None:
    doc = doc_of("Serbia’s Ivo Quillbrand won.", [(0, 4, "PERSON")])
    assert names(doc, doc.ents[0]) == [("Serbia", "GPE"), ("Ivo Quillbrand", "PERSON")]
    work = doc_of("Jane Roe’s Night Train won.", [(0, 5, "PERSON")])
    assert names(work, work.ents[0]) == [("Jane Roe", "PERSON"), ("Night Train", "WORK_OF_ART")]


def test_a_common_owner_opens_one_organisation_name() -> None:
    doc = doc_of("People’s Liberation Army troops", [(0, 4, "ORG")])
    assert names(doc, doc.ents[0]) == [("People’s Liberation Army", "ORG")]
