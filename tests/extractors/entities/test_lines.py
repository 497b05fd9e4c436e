"""Credit lines and datelines on hand-built Docs (no model)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from extract.extractors.entities.lines import in_credit_line, is_dateline
from extract.extractors.entities.surface import clean_span
from extract.resources import RoleLexicon

NLP = spacy.blank("en")
LEXICON = RoleLexicon.from_lines(["host\tperson"])


def span_of(doc: Doc, text: str, label: str) -> Span:
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text), label)
    assert span is not None
    return span


def test_a_byline_or_credit_names_no_entity_of_the_story() -> None:
    doc = NLP("By Jane Roe\nThe mill closed.\n(Reporting by Ann Lee; Editing by Tom Ash)")
    for name in ("Jane Roe", "Ann Lee", "Tom Ash"):
        span = span_of(doc, name, "PERSON")
        assert in_credit_line(span)
        assert clean_span(span, LEXICON) == []


def test_a_long_line_opening_with_by_is_no_byline() -> None:
    doc = NLP("By the end of May, Jane Roe said the mill had closed for good after years.")
    assert not in_credit_line(span_of(doc, "Jane Roe", "PERSON"))


def test_a_dateline_is_a_place() -> None:
    doc = NLP("VELMORA — Jane Roe won.\nBUFFALO, N.Y. (AP) — The mill closed.")
    for name in ("VELMORA", "BUFFALO"):
        span = span_of(doc, name, "NORP")
        assert is_dateline(span)
        assert [p.label for p in clean_span(span, LEXICON)] == ["GPE"]
    assert not is_dateline(span_of(doc, "Jane Roe", "PERSON"))
    assert not is_dateline(span_of(NLP("NATO — The alliance met."), "NATO", "ORG"))
